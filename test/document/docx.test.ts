import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/catalog/index.js';
import { checkDocument, detectForm, readDocument } from '../../src/check.js';
import { readDocxDocument } from '../../src/document/docx/index.js';
import { layoutGrid } from '../../src/document/model.js';
import type { AnyTable } from '../../src/model/index.js';
import { parseDocument } from '../../src/read/index.js';
import { checkReport } from '../../src/rules/index.js';
import type { SeedExpectation } from '../support/fixtures.js';
import { SEED_VARIANTS, docxFile, plantedTruth, seedDocumentXml, seedDocx, seedLayout } from '../support/seed-documents.js';
import { documentBytes, expectSeedCells, findings } from './support.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentOf = (body: string): Uint8Array => docxFile(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
const cell = (text: string, properties = ''): string => `<w:tc><w:tcPr>${properties}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

describe('the blank 2021 template made in WPS', () => {
  const document = readDocxDocument(documentBytes('template-2021.docx'));

  it('gives its three tables as grids with every merge: table 二 14 × 4, 三 28 × 10, 四 4 × 15', () => {
    expect(document.problems).toEqual([]);
    expect(document.grids.map((grid) => [grid.rows.length, grid.columnCount])).toEqual([
      [14, 4],
      [28, 10],
      [4, 15],
    ]);
    const applications = document.grids[1]!;
    const spans = (text: string) => applications.rows.flatMap((row) => row.cells).filter((candidate) => candidate.text === text).map((found) => [found.rowSpan, found.colSpan]);
    // w:vMerge restart / continue and w:gridSpan, as WPS writes them.
    expect(spans('三、本年度办理结果')).toEqual([[22, 1]]);
    expect(spans('(三)不予公开')).toEqual([[8, 1]]);
    expect(spans('申请人情况')).toEqual([[1, 7]]);
    expect(spans('自然人')).toEqual([[2, 1]]);
    for (const grid of document.grids) expect(layoutGrid(grid).every((row) => row.every((position) => position !== undefined))).toBe(true);
  });

  it('every value cell is blank: no cell of any table holds a digit, and every empty cell is marked blank', () => {
    const cells = document.grids.flatMap((grid) => grid.rows.flatMap((row) => row.cells));
    const empty = cells.filter((candidate) => candidate.text === '');
    expect(empty.length).toBe(10 + 25 * 7 + 15);
    expect(empty.every((candidate) => candidate.blank)).toBe(true);
    expect(cells.filter((candidate) => !candidate.blank).every((candidate) => !/\d/.test(candidate.text.replace(/^\d+\.|第二十条第\(.\)项/, '')))).toBe(true);
  });

  it('every row and column of the three tables is recognised, and none holds a value', () => {
    const report = parseDocument(document);
    for (const [key, definition] of Object.entries(TEMPLATES['2021'].tables)) {
      const table = (report.tables as Record<string, AnyTable | undefined>)[key];
      expect(Object.keys(table?.rows ?? {}).sort(), key).toEqual(definition.rows.map((row) => row.key).sort());
      for (const row of Object.values(table?.rows ?? {})) expect(Object.values(row?.cells ?? {}).filter((found) => found?.kind !== 'blank')).toEqual([]);
    }
  });

  it('gives one clear error that the tables are empty (and the two true warnings of a template)', async () => {
    const { diagnostics } = await checkDocument(documentBytes('template-2021.docx'));
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.ruleId)).toEqual(['tables-empty']);
    expect(findings(diagnostics).sort()).toEqual(['fee-statement-missing', 'period-missing', 'tables-empty']);
  });

  it('is detected as a Word file from its bytes', () => {
    expect(detectForm(documentBytes('template-2021.docx'))).toBe('docx');
  });
});

describe('the seeds as Word files', () => {
  it.each(SEED_VARIANTS.map((variant) => [variant.name, variant] as const))('%s: exactly its planted rules, every cell right', (_name, variant) => {
    const report = parseDocument(readDocxDocument(seedDocx(variant.seed, variant.plant)));
    expect(findings(checkReport(report))).toEqual(variant.rules);
    expectSeedCells(report, { formatVersion: '2021', ...plantedTruth(variant.seed, variant.plant) } as unknown as SeedExpectation);
  });

  it('a finding points at the cell: table, row and cell as written, and the line of the extracted text', () => {
    const document = readDocxDocument(seedDocx('001', { 'reviews.review.total': 1 }));
    const [diagnostic] = checkReport(parseDocument(document));
    expect(diagnostic?.ruleId).toBe('reviews-total');
    expect(diagnostic?.span?.cell).toEqual({ table: 3, row: 4, column: 5 });
    expect(diagnostic?.span && document.source.original.slice(diagnostic.span.start, diagnostic.span.end)).toBe('1');
  });

  it('reads the accepted text: a tracked deletion and a field code are not text, the field result is', () => {
    const text = readDocxDocument(seedDocx('000')).source.original;
    expect(text).not.toContain('草稿');
    expect(text).not.toContain('PAGE');
    expect(text).toContain('本报告根据《中华人民共和国政府信息公开条例》的规定编制');
  });
});

describe('Word markup', () => {
  it('lays out gridSpan, vMerge restart/continue and gridBefore, and joins a label split over runs, breaks and paragraphs', () => {
    const table = `<w:tbl>
      <w:tr>${cell('甲', '<w:vMerge w:val="restart"/>')}${cell('乙', '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${cell('', '<w:vMerge/>')}${cell('1')}${cell('2')}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>行政规范</w:t></w:r><w:r><w:br/><w:t>性</w:t></w:r></w:p><w:p><w:r><w:t>文件</w:t></w:r></w:p></w:tc>${cell('3')}</w:tr>
    </w:tbl>`;
    const document = readDocxDocument(documentOf(table));
    const [grid] = document.grids;
    expect(grid?.columnCount).toBe(3);
    expect(grid?.rows.map((row) => row.cells.map((found) => [found.text, found.row, found.column, found.rowSpan, found.colSpan]))).toEqual([
      [
        ['甲', 0, 0, 2, 1],
        ['乙', 0, 1, 1, 2],
      ],
      [
        ['1', 1, 1, 1, 1],
        ['2', 1, 2, 1, 1],
      ],
      [
        ['行政规范性文件', 2, 1, 1, 1],
        ['3', 2, 2, 1, 1],
      ],
    ]);
    expect(document.source.original).toBe('甲 | 乙\n1 | 2\n行政规范性文件 | 3');
  });

  it('keeps inserted text and drops deleted text (tracked changes accepted)', () => {
    const document = readDocxDocument(documentOf('<w:p><w:r><w:t>收到申请</w:t></w:r><w:del><w:r><w:delText>10</w:delText></w:r></w:del><w:ins><w:r><w:t>12</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r></w:p>'));
    expect(document.source.text).toBe('收到申请12件');
  });
});

describe('a Word file that cannot be read: one problem, one error', () => {
  it.each([
    ['corrupt.docx', 'damaged', 'damaged'],
    ['old-word.doc', 'old-word-format', 'oldWordFormat'],
  ])('%s: %s', async (name, code, messageId) => {
    const bytes = documentBytes(name);
    expect((await readDocument(bytes)).problems.map((problem) => problem.code)).toEqual([code]);
    const { diagnostics } = await checkDocument(bytes);
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.messageId])).toEqual([['document-unreadable', messageId]]);
  });

  it('the .doc error says to save as .docx or PDF, in both languages', async () => {
    const [zh] = (await checkDocument(documentBytes('old-word.doc'))).diagnostics;
    const [en] = (await checkDocument(documentBytes('old-word.doc'), { locale: 'en' })).diagnostics;
    expect(zh?.message).toContain('请另存为 .docx 或 PDF');
    expect(en?.message).toContain('save it as .docx or PDF');
  });

  it('a zip bomb (a document part that unzips a thousandfold) is refused unread, as one limit-exceeded problem', () => {
    const bomb = zipSync({ 'word/document.xml': strToU8(' '.repeat(20 * 1024 * 1024)) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const document = readDocxDocument(bomb);
    expect(document.problems.map((problem) => problem.code)).toEqual(['limit-exceeded']);
    expect(checkReport(parseDocument(document)).map((diagnostic) => diagnostic.messageId)).toEqual(['tooLarge']);
  });

  it('a document part over the size limit is refused; a zip with no document part is no Word file', () => {
    expect(readDocxDocument(seedDocx('000'), { maxDocumentBytes: 1000 }).problems.map((problem) => problem.code)).toEqual(['limit-exceeded']);
    const other = zipSync({ 'content.xml': strToU8('<office:document/>') });
    expect(readDocxDocument(other).problems.map((problem) => problem.code)).toEqual(['unsupported-form']);
  });

  it('damaged XML inside a sound zip is damaged, not a throw', () => {
    expect(readDocxDocument(docxFile('<w:document><w:body><w:p>')).problems.map((problem) => problem.code)).toEqual(['damaged']);
  });
});

describe('a table published as a picture in a Word file', () => {
  // The applications table of a seed's Word file replaced by a paragraph holding a drawing of it.
  const graphic = (cx: number, cy: number, data = '<pic:pic/>') =>
    `<w:r><w:drawing><wp:inline><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="1" name="图片 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">${data}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  const drawing = (cx: number, cy: number, data?: string) => `<w:p>${graphic(cx, cy, data)}</w:p>`;
  const withDrawing = (picture: string): Uint8Array => {
    const xml = seedDocumentXml(seedLayout('001'));
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)];
    expect(tables).toHaveLength(3);
    const applications = tables[1] as RegExpMatchArray;
    return docxFile(xml.slice(0, applications.index) + picture + xml.slice((applications.index as number) + applications[0].length));
  };

  it('a page-wide drawing where table 三 belongs: one table-as-image warning, no table-missing', async () => {
    const { diagnostics, report } = await checkDocument(withDrawing(drawing(5_274_310, 3_000_000)), { form: 'docx' });
    expect(report.figures?.map((figure) => figure.section)).toEqual(['applications']);
    expect(diagnostics.map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.table}`)).toEqual(['table-as-image:applications']);
  });

  it('two pictures in one paragraph are two images; the span is the end of the text before them', async () => {
    const bytes = withDrawing(`<w:p>${graphic(5_274_310, 3_000_000)}${graphic(5_274_310, 2_000_000)}</w:p>`);
    const document = readDocxDocument(bytes);
    expect(document.figures).toHaveLength(2);
    const { diagnostics } = await checkDocument(bytes, { form: 'docx' });
    const span = diagnostics[0]?.span;
    const text = document.source.original;
    // The text before the pictures is section 三's heading line: the span stands at its end.
    expect(text.slice(text.lastIndexOf('\n', (span?.start ?? 0) - 1) + 1, span?.start)).toContain('三、收到和处理政府信息公开申请情况');
    expect(diagnostics.map((diagnostic) => diagnostic.related?.length)).toEqual([1]);
  });

  it('a chart or a text box is drawn or read, not pictured: table 三 is missing', async () => {
    const chart = drawing(5_274_310, 3_000_000, '<c:chart r:id="rId5"/>');
    const textBox = drawing(5_274_310, 3_000_000, '<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>说明</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>');
    for (const picture of [chart, textBox]) {
      const { diagnostics, report } = await checkDocument(withDrawing(picture), { form: 'docx' });
      expect(report.figures).toBeUndefined();
      expect(diagnostics.map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.table}`)).toEqual(['table-missing:applications']);
    }
  });

  it('a VML picture counts unless its shape is icon-sized', async () => {
    const vml = (style: string) => `<w:p><w:r><w:pict><v:shape style="${style}"><v:imagedata r:id="rId7"/></v:shape></w:pict></w:r></w:p>`;
    expect((await checkDocument(withDrawing(vml('width:415pt;height:300pt')), { form: 'docx' })).report.figures).toHaveLength(1);
    expect((await checkDocument(withDrawing(vml('width:12pt;height:12pt')), { form: 'docx' })).report.figures).toBeUndefined();
  });

  it('an icon-sized drawing is no picture of a table: table 三 is missing', async () => {
    const { diagnostics, report } = await checkDocument(withDrawing(drawing(228_600, 228_600)), { form: 'docx' });
    expect(report.figures).toBeUndefined();
    expect(diagnostics.map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.table}`)).toEqual(['table-missing:applications']);
  });
});
