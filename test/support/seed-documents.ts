/**
 * The seeds as published documents: each seed's ground truth (test/fixtures/seeds/NNN.expected.json)
 * laid out as the official template prints it — the title, the six sections, tables 二, 三 and 四
 * with their merged header and label cells — and rendered as an HTML page (printed to PDF by
 * scripts/document-fixtures.mjs) or as a Word file (zipped here with fflate). A planted fault
 * changes one cell before the layout, so a test knows exactly which rules it must give.
 */
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIVE_DISCLOSURE_TABLE, APPLICANT_COLUMNS, APPLICATIONS_TABLE, CASE_OUTCOME_COLUMNS, REVIEWS_TABLE } from '../../src/catalog/index.js';

/** A cell of a laid-out table. */
export interface LaidCell {
  readonly text: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
}

/** A block of a laid-out report. */
export type LaidBlock = { readonly kind: 'heading' | 'paragraph'; readonly text: string } | { readonly kind: 'table'; readonly rows: readonly (readonly LaidCell[])[] };

/** A cell to change before the layout: `table.row.column` → the value written. */
export type Plant = Readonly<Record<string, number | string>>;

/** The seed documents the fixtures and tests use: clean, and with one fault planted, with the rules it must give. */
export const SEED_VARIANTS: readonly { readonly name: string; readonly seed: string; readonly plant?: Plant; readonly rules: readonly string[] }[] = [
  { name: '000', seed: '000', rules: [] },
  { name: '001', seed: '001', rules: [] },
  { name: '003', seed: '003', rules: [] },
  { name: '004', seed: '004', rules: [] },
  // 行政复议's total one more than its results.
  { name: '001-review-total', seed: '001', plant: { 'reviews.review.total': 1 }, rules: ['reviews-total'] },
  // One more application received by a natural person than the row's total (and the balance) allow.
  { name: '000-received', seed: '000', plant: { 'applications.received.naturalPerson': 17 }, rules: ['applications-balance', 'applications-row-total'] },
];

/** The part of a seed's ground truth a document is laid out from. */
export interface Expectation {
  readonly year: number | null;
  readonly agency: string | null;
  readonly sections: Readonly<Record<string, string>>;
  readonly activeDisclosure: Readonly<Record<string, readonly (number | string | null)[]>>;
  readonly applications: Readonly<Record<string, readonly (number | string | null)[]>>;
  readonly reviews: Readonly<Record<string, readonly (number | string | null)[]>>;
}

// From the project folder, where the tests and scripts/document-fixtures.mjs (which bundles this module) run.
const fixture = (name: string): string => readFileSync(join(process.cwd(), 'test/fixtures', name), 'utf8');

/** A seed's ground truth with the planted cells changed. */
export function plantedTruth(seed: string, plant: Plant = {}): Expectation {
  const truth = JSON.parse(fixture(`seeds/${seed}.expected.json`)) as Expectation;
  const tables = { activeDisclosure: ACTIVE_DISCLOSURE_TABLE, applications: APPLICATIONS_TABLE, reviews: REVIEWS_TABLE } as const;
  for (const [address, value] of Object.entries(plant)) {
    const [table, ...rest] = address.split('.');
    const column = rest.pop() as string;
    const row = rest.join('.');
    const definition = tables[table as keyof typeof tables].rows.find((candidate) => candidate.key === row);
    const index = definition?.columns.findIndex((candidate) => candidate.key === column) ?? -1;
    const values = (truth as unknown as Record<string, Record<string, (number | string | null)[]>>)[table as string]?.[row];
    if (!values || index < 0) throw new Error(`no cell ${address} to plant`);
    values[index] = value;
  }
  return truth;
}

const valueText = (value: number | string | null | undefined): string => (value === null || value === undefined ? '' : String(value));

function activeDisclosureTable(values: Expectation['activeDisclosure']): LaidCell[][] {
  const rows: LaidCell[][] = [];
  let group: string | undefined;
  for (const row of ACTIVE_DISCLOSURE_TABLE.rows) {
    if (row.group !== group) {
      group = row.group;
      const heading = ACTIVE_DISCLOSURE_TABLE.groups.find((candidate) => candidate.key === group);
      rows.push([{ text: `${heading?.marker ?? ''}${heading?.label ?? ''}`, colSpan: 4 }]);
      rows.push([{ text: '信息内容' }, ...row.columns.map((column, index) => ({ text: column.label, colSpan: index === row.columns.length - 1 ? 4 - row.columns.length : 1 }))]);
    }
    const cells = values[row.key] ?? [];
    rows.push([{ text: `${row.marker}${row.label}` }, ...row.columns.map((_, index) => ({ text: valueText(cells[index]), colSpan: index === row.columns.length - 1 ? 4 - row.columns.length : 1 }))]);
  }
  return rows;
}

function applicationsTable(values: Expectation['applications']): LaidCell[][] {
  const columns = APPLICANT_COLUMNS;
  const rows: LaidCell[][] = [
    [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rowSpan: 3, colSpan: 3 }, { text: '申请人情况', colSpan: 7 }],
    [{ text: columns[0].label, rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: columns[6].label, rowSpan: 2 }],
    columns.slice(1, 6).map((column) => ({ text: column.label })),
  ];
  const outcomeRows = APPLICATIONS_TABLE.rows.filter((row) => row.group !== undefined);
  const outcomes = APPLICATIONS_TABLE.groups.find((group) => group.key === 'outcomes');
  for (const row of APPLICATIONS_TABLE.rows) {
    const cells = (values[row.key] ?? []).map((value) => ({ text: valueText(value) }));
    const label = { text: `${row.marker}${row.label}` };
    const laid: LaidCell[] = [];
    if (row.group === undefined) laid.push({ ...label, colSpan: 3 });
    else {
      if (row === outcomeRows[0]) laid.push({ text: `${outcomes?.marker ?? ''}${outcomes?.label ?? ''}`, rowSpan: outcomeRows.length });
      if (row.group === 'outcomes') laid.push({ ...label, colSpan: 2 });
      else {
        const members = APPLICATIONS_TABLE.rows.filter((candidate) => candidate.group === row.group);
        if (row === members[0]) {
          const group = APPLICATIONS_TABLE.groups.find((candidate) => candidate.key === row.group);
          laid.push({ text: `${group?.marker ?? ''}${group?.label ?? ''}`, rowSpan: members.length });
        }
        laid.push(label);
      }
    }
    rows.push([...laid, ...cells]);
  }
  return rows;
}

function reviewsTable(values: Expectation['reviews']): LaidCell[][] {
  const [review, direct, afterReview] = REVIEWS_TABLE.rows;
  const litigation = REVIEWS_TABLE.groups[0];
  const labels = CASE_OUTCOME_COLUMNS.map((column) => ({ text: column.label }));
  return [
    [{ text: review.label, colSpan: 5 }, { text: litigation.label, colSpan: 10 }],
    [...labels.map((cell) => ({ ...cell, rowSpan: 2 })), { text: direct.label, colSpan: 5 }, { text: afterReview.label, colSpan: 5 }],
    [...labels, ...labels],
    REVIEWS_TABLE.rows.flatMap((row) => (values[row.key] ?? []).map((value) => ({ text: valueText(value) }))),
  ];
}

/** A seed laid out as the template prints it, with the planted fault. */
export function seedLayout(seed: string, plant?: Plant): LaidBlock[] {
  const truth = plantedTruth(seed, plant);
  const year = truth.year ?? 2024;
  const agency = truth.agency ?? '某县人民政府';
  const prose: Readonly<Record<string, string>> = {
    overview: `${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，政府信息公开工作有序开展。`,
    problems: '存在的主要问题是公开内容还不够全面、解读形式还不够丰富。下一步将加强培训，提升公开质量。',
    otherMatters: '本年度未收取信息处理费。无其他需要报告的事项。',
  };
  const tables: Readonly<Record<string, LaidCell[][]>> = {
    activeDisclosure: activeDisclosureTable(truth.activeDisclosure),
    applications: applicationsTable(truth.applications),
    reviewsAndLitigation: reviewsTable(truth.reviews),
  };
  const blocks: LaidBlock[] = [
    { kind: 'heading', text: `${agency}${year}年政府信息公开工作年度报告` },
    {
      kind: 'paragraph',
      text: `本报告根据《中华人民共和国政府信息公开条例》的规定编制。统计数据时间段：${year}年1月1日至${year}年12月31日。`,
    },
  ];
  for (const [key, heading] of Object.entries(truth.sections)) {
    blocks.push({ kind: 'heading', text: heading });
    const table = tables[key];
    if (table) blocks.push({ kind: 'table', rows: table });
    else blocks.push({ kind: 'paragraph', text: prose[key] ?? '' });
  }
  return blocks;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A seed as a web page, styled as these reports print (ruled tables, 宋体). */
export function seedHtml(seed: string, plant?: Plant): string {
  const body = seedLayout(seed, plant)
    .map((block) => {
      if (block.kind !== 'table') return block.kind === 'heading' ? `<h2>${escapeXml(block.text)}</h2>` : `<p>${escapeXml(block.text)}</p>`;
      const rows = block.rows.map(
        (row) =>
          `<tr>${row
            .map((cell) => `<td${cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}>${escapeXml(cell.text)}</td>`)
            .join('')}</tr>`,
      );
      return `<table>${rows.join('')}</table>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 12pt; }
h2 { font-size: 14pt; }
table { border-collapse: collapse; width: 100%; margin: 8pt 0; }
td { border: 0.75pt solid #000; padding: 2pt 3pt; font-size: 9pt; text-align: center; }
</style></head><body>
${body}
</body></html>`;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A paragraph of WordprocessingML, its text split over two runs as Word writes it. */
function paragraphXml(text: string): string {
  const half = Math.ceil(text.length / 2);
  return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text.slice(0, half))}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>${escapeXml(text.slice(half))}</w:t></w:r></w:p>`;
}

/** A table of WordprocessingML: merged columns as `w:gridSpan`, merged rows as `w:vMerge` restart/continue. */
function tableXml(rows: readonly (readonly LaidCell[])[]): string {
  // Lay the cells out on the grid first: a row-spanning cell is a restart, and a continue in each row below.
  const columnCount = Math.max(...rows.map((row) => row.reduce((sum, cell) => sum + (cell.colSpan ?? 1), 0)));
  const pending: ({ cell: LaidCell; left: number } | undefined)[] = new Array(columnCount).fill(undefined);
  const rowXml = rows.map((row) => {
    const cells: string[] = [];
    let column = 0;
    let index = 0;
    while (column < columnCount && (index < row.length || pending[column])) {
      const carried = pending[column];
      if (carried) {
        cells.push(`<w:tc><w:tcPr>${(carried.cell.colSpan ?? 1) > 1 ? `<w:gridSpan w:val="${carried.cell.colSpan}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
        carried.left--;
        const span = carried.cell.colSpan ?? 1;
        if (carried.left === 0) pending[column] = undefined;
        column += span;
        continue;
      }
      const cell = row[index++] as LaidCell;
      const span = cell.colSpan ?? 1;
      const merge = (cell.rowSpan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : '';
      if ((cell.rowSpan ?? 1) > 1) pending[column] = { cell, left: (cell.rowSpan ?? 1) - 1 };
      cells.push(`<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}</w:tcPr>${cell.text.length > 0 ? paragraphXml(cell.text) : '<w:p/>'}</w:tc>`);
      column += span;
    }
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblGrid>${'<w:gridCol w:w="600"/>'.repeat(columnCount)}</w:tblGrid>${rowXml.join('')}</w:tbl>`;
}

/** The `word/document.xml` of a laid-out report, with a tracked deletion and a field to be read past. */
export function seedDocumentXml(blocks: readonly LaidBlock[]): string {
  const body = blocks
    .map((block, index) => {
      if (block.kind === 'table') return tableXml(block.rows);
      // The first paragraph carries a tracked change (the deleted words are not the report's text)
      // and a page-number field (its code is not text; its result is).
      if (index === 1) {
        return `<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>草稿</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>${escapeXml(block.text)}</w:t></w:r></w:ins></w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>- 1 -</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
      }
      return paragraphXml(block.text);
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A .docx file (a zip) holding the given document part. */
export function docxFile(documentXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(documentXml),
  });
}

/** A seed as a Word file. */
export function seedDocx(seed: string, plant?: Plant): Uint8Array {
  return docxFile(seedDocumentXml(seedLayout(seed, plant)));
}
