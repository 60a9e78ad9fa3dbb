/**
 * The seeds re-published as web pages, the way agencies publish them: a CMS page (header, navigation,
 * breadcrumb, a metadata box, a footer full of phone and ICP numbers, scripts, a form) around the
 * article; the narrative as Word-exported `<p>`s with `<span style="font-family:仿宋_GB2312">`; the
 * tables built from the seed's hand-encoded cells and the catalog's labels, with Word's merged
 * cells (rowspan for 三、本年度办理结果 and each outcome group, colspans in the headers), header
 * words split one character per `<p>`, `&nbsp;` for a blank cell. Every value's place in the page
 * is recorded, so tests can assert the line and column a diagnostic points at.
 */
import { APPLICANT_COLUMNS, TEMPLATES } from '../../src/catalog/index.js';
import type { TableDefinition, TableKey } from '../../src/catalog/index.js';
import { parseReport } from '../../src/read/parse.js';
import { seedExpectation, seedText } from './fixtures.js';
import type { FixtureValue, SeedExpectation } from './fixtures.js';

/** Where something was written in a page: offset, 1-based line and column. */
export interface PagePlace {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A seed published as a page. */
export interface PublishedPage {
  /** The page's source. */
  readonly html: string;
  /** The seed's cells as published (after any planted change). */
  readonly expectation: SeedExpectation;
  /** Where the value of `table.row.column` is written (its text, or its `<td>` when blank). */
  cell(table: TableKey, row: string, column: string): PagePlace;
  /** Where the `n`-th (0-based) occurrence of `text` is written in the page. */
  find(text: string, occurrence?: number): PagePlace;
}

/** What to change in a seed before publishing it. */
export interface PageChanges {
  /** Cells to overwrite, `table.row.column` → value (`null` publishes a blank `&nbsp;` cell). */
  readonly cells?: Readonly<Record<string, FixtureValue>>;
  /** A paragraph to add just before table 三 (a narrative statement). */
  readonly beforeApplications?: string;
  /** The CMS container the article is put in. */
  readonly container?: 'trs' | 'zoom' | 'ucap' | 'article';
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;').replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;');

const WORD_P = '<p class="MsoNormal" style="margin:0pt;text-indent:32pt;line-height:28pt"><span style="font-family:仿宋_GB2312;font-size:16pt">';
const WORD_P_END = '</span></p>';
const CELL_P = '<p class="MsoNormal" align="center" style="text-align:center"><span style="font-family:仿宋_GB2312;font-size:10.5pt">';

/** Builds a page piece by piece, recording where the values go. */
class PageWriter {
  html = '';
  readonly places = new Map<string, number>();

  write(text: string): void {
    this.html += text;
  }

  /** A value cell: its text recorded at the place of the value (or of the `<td>` for a blank). */
  value(key: string, value: FixtureValue, attributes = ''): void {
    if (value === null || value === '') {
      this.places.set(key, this.html.length);
      this.write(`<td${attributes} valign="center">&nbsp;</td>`);
      return;
    }
    this.write(`<td${attributes} valign="center">${CELL_P}`);
    this.places.set(key, this.html.length);
    this.write(`${escape(String(value))}</span></p></td>`);
  }

  label(text: string, attributes = ''): void {
    this.write(`<td${attributes}>${CELL_P}${escape(text)}</span></p></td>`);
  }

  /** A header label split one character per `<p>`, as Word exports a narrow column. */
  splitLabel(text: string, attributes = ''): void {
    this.write(`<td${attributes}>${Array.from(text, (char) => `<p align="center">${escape(char)}</p>`).join('')}</td>`);
  }
}

const labelOf = (row: { marker: string; label: string }): string => `${row.marker}${row.label}`;

function activeDisclosureTable(page: PageWriter, definition: TableDefinition, values: SeedExpectation['activeDisclosure']): void {
  page.write('<table border="1" cellspacing="0" style="border-collapse:collapse;width:100%"><tbody>');
  for (const group of definition.groups) {
    const rows = definition.rows.filter((row) => row.group === group.key);
    const columns = rows[0]?.columns ?? [];
    page.write('<tr>');
    page.label(group.label, ' colspan="4"');
    page.write('</tr><tr>');
    page.label('信息内容');
    for (const column of columns) page.label(column.label, columns.length === 1 ? ' colspan="3"' : '');
    page.write('</tr>');
    for (const row of rows) {
      page.write('<tr>');
      page.label(row.label);
      row.columns.forEach((column, index) => page.value(`activeDisclosure.${row.key}.${column.key}`, values[row.key]?.[index] ?? null, row.columns.length === 1 ? ' colspan="3"' : ''));
      page.write('</tr>');
    }
  }
  page.write('</tbody></table>');
}

function applicationsTable(page: PageWriter, definition: TableDefinition, values: SeedExpectation['applications']): void {
  page.write('<table border="1" cellspacing="0"><tbody><tr>');
  page.label('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' rowspan="3" colspan="3"');
  page.label('申请人情况', ' colspan="7"');
  page.write('</tr><tr>');
  const [natural, ...rest] = APPLICANT_COLUMNS;
  const total = rest.pop();
  page.label(natural?.label ?? '', ' rowspan="2"');
  page.label('法人或其他组织', ' colspan="5"');
  page.label(total?.label ?? '', ' rowspan="2"');
  page.write('</tr><tr>');
  for (const column of rest) page.write(`<td>${CELL_P}${escape(column.label.slice(0, 2))}</span><br/><span>${escape(column.label.slice(2))}</span></p></td>`);
  page.write('</tr>');
  const outcomes = definition.rows.filter((row) => row.group !== undefined);
  const outcomeGroup = definition.groups.find((group) => !('qualifiesRows' in group) || !group.qualifiesRows);
  definition.rows.forEach((row) => {
    page.write('<tr>');
    if (row.group === undefined) page.label(labelOf(row), ' colspan="3"');
    else {
      if (row === outcomes[0] && outcomeGroup) page.label(labelOf(outcomeGroup), ` rowspan="${outcomes.length}"`);
      const group = definition.groups.find((candidate) => candidate.key === row.group);
      if (group && group !== outcomeGroup) {
        const members = definition.rows.filter((candidate) => candidate.group === group.key);
        if (row === members[0]) page.label(labelOf(group), ` rowspan="${members.length}"`);
        page.label(labelOf(row));
      } else page.label(labelOf(row), ' colspan="2"');
    }
    row.columns.forEach((column, index) => page.value(`applications.${row.key}.${column.key}`, values[row.key]?.[index] ?? null));
    page.write('</tr>');
  });
  page.write('</tbody></table>');
}

function reviewsTable(page: PageWriter, definition: TableDefinition, values: SeedExpectation['reviews']): void {
  const [review, direct, afterReview] = definition.rows;
  const columns = review?.columns ?? [];
  page.write('<table border="1"><tbody><tr>');
  page.label(review?.label ?? '', ` colspan="${columns.length}"`);
  page.label(definition.groups[0]?.label ?? '', ` colspan="${columns.length * 2}"`);
  page.write('</tr><tr>');
  for (const column of columns) page.splitLabel(column.label, ' rowspan="2"');
  page.label(direct?.label ?? '', ` colspan="${columns.length}"`);
  page.label(afterReview?.label ?? '', ` colspan="${columns.length}"`);
  page.write('</tr><tr>');
  for (let group = 0; group < 2; group++) for (const column of columns) page.splitLabel(column.label);
  page.write('</tr><tr>');
  for (const row of definition.rows) row.columns.forEach((column, index) => page.value(`reviews.${row.key}.${column.key}`, values[row.key]?.[index] ?? null));
  page.write('</tr></tbody></table>');
}

/** Line starts of a text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 10) starts.push(index + 1);
  return starts;
}

function placeOf(starts: readonly number[], offset: number): PagePlace {
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
  return { offset, line: line + 1, column: offset - (starts[line] as number) + 1 };
}

const CONTAINERS = {
  trs: ['<div class="TRS_Editor"><div class="Custom_UnionStyle">', '</div></div>'],
  zoom: ['<div id="zoom" class="view">', '</div>'],
  ucap: ['<div id="UCAP-CONTENT">', '</div>'],
  article: ['<article>', '</article>'],
} as const;

/**
 * Publishes a seed as a web page: its text's lines (chrome it carries included) as the article's
 * paragraphs, its three tables as Word tables built from its hand-encoded cells.
 */
export function publishSeed(id: string, changes: PageChanges = {}): PublishedPage {
  const text = seedText(id);
  const expectation = structuredClone(seedExpectation(id));
  for (const [address, value] of Object.entries(changes.cells ?? {})) {
    const [table, ...rest] = address.split('.');
    const column = rest.pop() as string;
    const row = rest.join('.');
    const definition = TEMPLATES[expectation.formatVersion].tables[table as TableKey];
    const index = definition?.rows.find((candidate) => candidate.key === row)?.columns.findIndex((candidate) => candidate.key === column) ?? -1;
    const values = expectation[table as TableKey]?.[row];
    if (!values || index < 0) throw new Error(`no cell ${address} in seed ${id}`);
    values[index] = value;
  }
  // Where the seed's text holds its tables: from the line of the first value read to that of the
  // last, widened to the table lines around them (header rows, bars, tabs), up to a section heading.
  const report = parseReport(text);
  const headings = new Set(report.sections.map((section) => (section.headingSpan?.line ?? 0) - 1));
  const lines = text.split(/\r?\n/);
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => placeOf(starts, offset).line - 1;
  const isTableLine = (line: string): boolean => /[|\t]/.test(line) || (line.trim().length <= 40 && !line.includes('。'));
  const regions = new Map<number, { key: TableKey; end: number }>();
  for (const key of ['activeDisclosure', 'applications', 'reviews'] as TableKey[]) {
    const table = report.tables[key];
    if (!table?.span) continue;
    const cellEnds = Object.values(table.rows).flatMap((row) => Object.values(row?.cells ?? {}).map((cell) => cell?.span?.end ?? 0));
    let first = lineOf(table.span.start);
    let last = lineOf(Math.max(table.span.end, ...cellEnds) - 1);
    while (first > 0 && !headings.has(first - 1) && isTableLine(lines[first - 1] ?? '')) first--;
    while (last + 1 < lines.length && !headings.has(last + 1) && /[|\t]|^\s*\d+\s*$/.test(lines[last + 1] ?? '')) last++;
    regions.set(first, { key, end: last });
  }

  const page = new PageWriter();
  const site = '示例市人民政府';
  page.write(
    `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>政府信息公开年报_${site}</title>\n<meta name="SiteName" content="${site}">\n<meta name="SiteIDCode" content="3500000012">\n` +
      `<style>.article{font-size:16px;line-height:28px} td{padding:2px 4px}</style>\n<script>var pageSize = 20, docId = 80613; document.write('<table><tr><td>99</td><td>98</td></tr></table>');</script>\n</head>\n<body>\n` +
      `<div class="header"><div class="top">无障碍浏览 | 长者模式 | 2025年1月7日 星期二 晴 12℃</div>\n<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流 12345</a></li></ul></div>\n` +
      `<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; 年报 2024</div>\n` +
      `<table class="xxgk_table"><tr><td>索引号：</td><td>11350000-2025-00012</td><td>发布日期：</td><td>2025-01-07</td></tr><tr><td>文号：</td><td>〔2025〕3号</td><td>主题分类：</td><td>综合政务 101</td></tr></table>\n`,
  );
  const [open, close] = CONTAINERS[changes.container ?? 'trs'];
  page.write(`<div class="article_content">\n${open}\n`);
  const template = TEMPLATES[expectation.formatVersion];
  for (let index = 0; index < lines.length; index++) {
    const region = regions.get(index);
    if (region) {
      if (region.key === 'applications' && changes.beforeApplications !== undefined) page.write(`${WORD_P}${escape(changes.beforeApplications)}${WORD_P_END}\n`);
      const definition = template.tables[region.key];
      if (definition) {
        if (region.key === 'activeDisclosure') activeDisclosureTable(page, definition, expectation.activeDisclosure);
        if (region.key === 'applications') applicationsTable(page, definition, expectation.applications);
        if (region.key === 'reviews') reviewsTable(page, definition, expectation.reviews);
        page.write('\n');
      }
      index = region.end;
      continue;
    }
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    page.write(`${WORD_P}${escape(line)}${WORD_P_END}\n`);
  }
  page.write(`${close}\n</div>\n`);
  page.write(
    `<div class="share">分享到：<a>微信</a> <a>微博</a></div>\n<form action="/search"><input name="q" value="2024"><select><option>2023</option><option>2024</option></select><button>搜索</button></form>\n` +
      `<div class="footer">主办：${site}办公室 地址：示例路88号 邮编：350400 电话：0591-23165370<br><a href="https://beian.miit.gov.cn">闽ICP备12345678号-1</a> 网站标识码：3500000012 闽公网安备 35012802000123号</div>\n</body>\n</html>\n`,
  );
  const html = page.html;
  const htmlStarts = lineStarts(html);
  return {
    html,
    expectation,
    cell(table, row, column) {
      const offset = page.places.get(`${table}.${row}.${column}`);
      if (offset === undefined) throw new Error(`no cell ${table}.${row}.${column} on the page`);
      return placeOf(htmlStarts, offset);
    },
    find(needle, occurrence = 0) {
      let offset = -1;
      for (let seen = 0; seen <= occurrence; seen++) {
        offset = html.indexOf(needle, offset + 1);
        if (offset < 0) throw new Error(`${needle} is not on the page`);
      }
      return placeOf(htmlStarts, offset);
    },
  };
}
