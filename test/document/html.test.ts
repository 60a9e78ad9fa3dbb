import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/catalog/index.js';
import type { TableKey } from '../../src/catalog/index.js';
import { checkDocument, detectForm, readDocument } from '../../src/check.js';
import { readHtmlDocument } from '../../src/document/html/index.js';
import { layoutGrid } from '../../src/document/model.js';
import type { Cell, Span } from '../../src/model/index.js';
import { fixtureText } from '../support/fixtures.js';

/** Every true cell of a corpus report (truth/NNN.json): `tables.{table}.{row}.{column}` = value or null. */
interface Truth {
  readonly formatVersion: string;
  readonly tables: Record<string, Record<string, Record<string, string | null>>>;
}

const PAGES = ['004', '005', '006', '010'] as const;
const page = (id: string): string => fixtureText(`corpus/${id}.html`);
const truth = (id: string): Truth => JSON.parse(fixtureText(`corpus/truth/${id}.json`)) as Truth;

/** A cell as truth writes it: the value as a string, null for a blank. */
function asTruth(cell: Cell | undefined): string | null | undefined {
  if (!cell) return undefined;
  if (cell.kind === 'count' || cell.kind === 'signed') return String(cell.value);
  if (cell.kind === 'amount') return cell.value.toFixed();
  if (cell.kind === 'blank') return null;
  return `invalid:${cell.text}`;
}

/** 1-based line and column of an offset, counted as editors count them. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, column: offset - lineStart + 1 };
}

describe.each(PAGES)('published page %s.html', (id) => {
  const html = page(id);
  const expected = truth(id);

  it('is detected as a web page and read natively', async () => {
    expect(detectForm(html)).toBe('html');
    const { report } = await checkDocument(html);
    expect(report.meta.form).toBe('html');
    expect(report.meta.formatVersion).toBe(expected.formatVersion);
  });

  it('has every cell right against the truth, each read from its <td>', async () => {
    const { report } = await checkDocument(html);
    const wrong: string[] = [];
    let compared = 0;
    for (const [table, rows] of Object.entries(expected.tables)) {
      for (const [row, columns] of Object.entries(rows)) {
        for (const [column, value] of Object.entries(columns)) {
          compared++;
          const cell = (report.tables[table as TableKey]?.rows as Record<string, { cells: Record<string, Cell> }> | undefined)?.[row]?.cells[column];
          if (asTruth(cell) !== value) wrong.push(`${table}.${row}.${column}: ${String(asTruth(cell))} ≠ ${String(value)}`);
          else if (cell?.span?.cell === undefined) wrong.push(`${table}.${row}.${column}: no cell location`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(170);
    expect(report.unplaced).toEqual([]);
  });

  it('checks clean: not one error or warning', async () => {
    const { diagnostics } = await checkDocument(html);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
  });

  it('points every cell at its text in the page: offset, line and column', async () => {
    const { report } = await checkDocument(html);
    const spans: { text: string; span: Span }[] = [];
    for (const table of Object.values(report.tables)) {
      for (const row of Object.values(table?.rows ?? {}) as { cells: Record<string, Cell> }[]) {
        for (const cell of Object.values(row.cells)) if (cell.span && cell.kind === 'count') spans.push({ text: String(cell.value), span: cell.span });
      }
    }
    expect(spans.length).toBeGreaterThan(170);
    for (const { text, span } of spans) {
      expect(html.slice(span.start, span.end)).toBe(text);
      expect({ line: span.line, column: span.column }).toEqual(lineColumn(html, span.start));
    }
  });

  it('reads no digit of the site chrome: no ICP number, no site code, no font name in the text', () => {
    const document = readHtmlDocument(html);
    expect(html).toContain('网站标识码');
    expect(document.source.text).not.toContain('网站标识码');
    expect(document.source.text).not.toContain('ICP');
    expect(document.source.text).not.toContain('2312');
    expect(document.source.text).not.toContain('var ');
  });
});

describe('the page model', () => {
  it('keeps the page title and the publication date as hints, and the report title as the first line', () => {
    const document = readHtmlDocument(page('004'));
    expect(document.hints).toEqual({ title: '平潭综合实验区2021年度政府信息公开工作年度报告', publishedOn: '2022-02-08' });
    expect(document.source.text.split('\n')[0]).toBe('平潭综合实验区2021年度政府信息公开工作年度报告');
    expect(document.blocks[0]?.kind).toBe('heading');
  });

  it('writes each <tr> as one line of cells joined by " | ", and makes each <td> a grid cell', () => {
    const document = readHtmlDocument(page('004'));
    expect(document.grids).toHaveLength(3);
    const applications = document.grids[1];
    const received = applications?.rows[3];
    expect(received?.cells.map((cell) => cell.text)).toEqual(['一、本年新收政府信息公开申请数量', '64', '0', '0', '2', '0', '4', '70']);
    const line = document.source.text.slice(received?.cells[0]?.start, received?.cells[7]?.end);
    expect(line).toBe('一、本年新收政府信息公开申请数量 | 64 | 0 | 0 | 2 | 0 | 4 | 70');
    expect(document.blocks.filter((block) => block.kind === 'table')).toHaveLength(3);
  });

  it('lays out rowspan and colspan: 三、本年度办理结果 covers 22 rows, 商业企业 two grid columns', () => {
    const grid = readHtmlDocument(page('004')).grids[1];
    if (!grid) throw new Error('no grid');
    const layout = layoutGrid(grid);
    const outcomes = grid.rows[5]?.cells[0];
    expect([outcomes?.text, outcomes?.rowSpan, outcomes?.colSpan]).toEqual(['三、本年度办理结果', 22, 1]);
    expect(layout[26]?.[0]).toBe(outcomes);
    // The trap of this page: the values of 商业企业 span two grid columns under a header that does not.
    const business = grid.rows[3]?.cells[2];
    expect([business?.text, business?.column, business?.colSpan]).toEqual(['0', 4, 2]);
    expect(grid.columnCount).toBe(11);
  });

  it('joins a label split one character per <p>: 结果维持 in table 四', () => {
    const grid = readHtmlDocument(page('005')).grids[2];
    expect(grid?.rows[2]?.cells.map((cell) => cell.text.replace(/ /g, ''))).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
    ]);
  });

  it('keeps an empty cell blank, not missing, with its place at its <td>', () => {
    const document = readHtmlDocument(page('004'));
    const html = page('004');
    const empty = document.grids[1]?.rows[2]?.cells[0];
    expect([empty?.text, empty?.blank]).toEqual(['', true]);
    const span = document.source.span(empty?.start ?? 0, empty?.end ?? 0);
    expect(html.slice(span.start, span.start + 3)).toBe('<td');
  });
});

describe('a page laid out in tables, with no CMS container', () => {
  it('finds the article by its text, writes its paragraphs as lines and its data table as a grid, without the menu', () => {
    const narrative = '本年度，本机关坚持以公开为常态、不公开为例外，'.repeat(12);
    const html = `<html><head><title>示例县人民政府</title></head><body><table width="1000"><tr>
      <td width="200"><ul><li><a href="/">首页</a></li><li><a href="/x">政务公开 2024</a></li><li><a href="/y">办事服务 12345</a></li></ul></td>
      <td><p>示例县人民政府2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>${narrative}</p><p>三、收到和处理政府信息公开申请情况</p>
      <table><tr><td>一、本年新收政府信息公开申请数量</td><td>5</td><td>0</td></tr><tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td></tr></table></td>
    </tr></table><div class="footer">电话：0591-23165370 闽ICP备12345678号</div></body></html>`;
    const document = readHtmlDocument(html);
    const lines = document.source.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['示例县人民政府2024年政府信息公开工作年度报告', '一、总体情况']);
    expect(lines).toContain('一、本年新收政府信息公开申请数量 | 5 | 0');
    expect(document.grids).toHaveLength(1);
    expect(document.source.text).not.toMatch(/首页|12345|ICP|0591/);
  });

  it('takes a two-cell layout row whose cell holds the article for layout, not a grid row of one long line', () => {
    const narrative = '本年度，本机关坚持以公开为常态、不公开为例外，'.repeat(12);
    const html = `<body><table><tr><td><a href="/">首页</a> <a href="/x">政务公开</a></td><td><p>一、总体情况</p><p>${narrative}</p><p>二、主动公开政府信息情况</p></td></tr></table></body>`;
    const document = readHtmlDocument(html);
    expect(document.grids).toEqual([]);
    expect(document.source.text.split('\n')).toEqual(['一、总体情况', narrative.replace(/，/g, ','), '二、主动公开政府信息情况', '']);
  });
});

describe('the 2019 format (006.html)', () => {
  it('is recognised as 2019, its table 二 read with the 2019 columns, its table 三 with its 23 rows and 三、本年度办理结果 split over two merged cells', async () => {
    const { report, diagnostics } = await checkDocument(page('006'));
    expect(report.meta.formatVersion).toBe('2019');
    expect(Object.keys(report.tables.applications?.rows ?? {})).toHaveLength(TEMPLATES['2019'].tables.applications?.rows.length ?? 0);
    expect(report.tables.applications?.rows['unableToProvide.notHeld']?.cells.total).toMatchObject({ kind: 'count', value: 7 });
    // Its 2019 table 二, each value in its own <td>: 行政许可 396 last year, no change, 181 decisions; 政府集中采购 with its unit written in.
    expect(report.tables.activeDisclosure?.rows.licensing?.cells).toMatchObject({
      previousItems: { kind: 'count', value: 396 },
      change: { kind: 'signed', value: 0 },
      decisions: { kind: 'count', value: 181 },
    });
    expect(report.tables.activeDisclosure?.rows.procurement?.cells.procurementAmount).toMatchObject({ kind: 'amount', unit: '元' });
    expect(diagnostics).toEqual([]);
  });
});

describe('a pre-2019 page (043.html)', () => {
  it('is read as pre-2019 and checks silent: legacy-format is right for 2018', async () => {
    const { report, diagnostics } = await checkDocument(page('043'));
    expect(report.meta.form).toBe('html');
    expect(report.meta.formatVersion).toBe('pre-2019');
    expect(report.meta.year?.value).toBe(2018);
    expect(diagnostics).toEqual([]);
  });
});

describe('text and character references', () => {
  const wrap = (body: string): string => `<!DOCTYPE html><html><head><title>t</title></head><body><div class="TRS_Editor">${body}</div></body></html>`;

  it('maps every character of the text to its place in the source, references included', () => {
    const html = wrap('<p>第一&nbsp;段&amp;&#20013;&#x6587;\r\n续&lt;行</p><p>第二段&copy;</p>');
    const document = readHtmlDocument(html);
    expect(document.source.text).toBe('第一 段&中文 续<行\n第二段©\n');
    const places = Array.from(document.source.text, (_, index) => document.source.originalOffset(index));
    const at = (needle: string): number => html.indexOf(needle);
    expect(places).toEqual([
      at('第一'),
      at('第一') + 1,
      at('&nbsp;'),
      at('段&amp;'),
      at('&amp;'),
      at('&#20013;'),
      at('&#x6587;'),
      at('\r\n'),
      at('续'),
      at('&lt;'),
      at('行'),
      at('<p>第二'),
      at('第二段'),
      at('第二段') + 1,
      at('第二段') + 2,
      at('&copy;'),
      at('</div>'),
    ]);
    const span = document.source.span(document.source.text.indexOf('中文'), document.source.text.indexOf('中文') + 2);
    // A span starts at the reference that gives its first character and ends where the last one's ends.
    expect(html.slice(span.start, span.end)).toBe('&#20013;&#x6587;');
  });

  it('writes a table caption as a line of its own before the rows', () => {
    const document = readHtmlDocument(wrap('<table><caption>表三 收到和处理政府信息公开申请情况</caption><tr><td>规章</td><td>0</td></tr></table>'));
    expect(document.source.text).toBe('表三 收到和处理政府信息公开申请情况\n规章 | 0\n');
    expect(document.blocks.map((block) => block.kind)).toEqual(['paragraph', 'table']);
  });

  it('reads a cell of only &nbsp; as blank, and —, / and 无 as blank marks kept as written', () => {
    const html = wrap('<table><tr><td>a</td><td>&nbsp;</td><td>—</td><td>/</td><td>无</td><td> 0 </td></tr></table>');
    const cells = readHtmlDocument(html).grids[0]?.rows[0]?.cells;
    expect(cells?.map((cell) => [cell.text, cell.blank])).toEqual([
      ['a', false],
      ['', true],
      ['—', true],
      ['/', true],
      ['无', true],
      ['0', false],
    ]);
  });

  it('decodes a page saved in GBK by its <meta charset>, and reads it as the same page', async () => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/corpus/010.gbk.html', import.meta.url))));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const fromBytes = await checkDocument(bytes);
    const fromText = await checkDocument(page('010'));
    expect(fromBytes.report.meta.form).toBe('html');
    expect(fromBytes.diagnostics).toEqual([]);
    expect(JSON.stringify(fromBytes.report.tables, (key, value: unknown) => (key === 'span' || key === 'labelSpan' ? undefined : value))).toBe(
      JSON.stringify(fromText.report.tables, (key, value: unknown) => (key === 'span' || key === 'labelSpan' ? undefined : value)),
    );
  });

  it('reads a text or stdin that holds markup as a web page', async () => {
    const saved = page('010');
    expect(detectForm(saved)).toBe('html');
    expect(detectForm(new TextEncoder().encode(saved))).toBe('html');
    expect((await readDocument(saved)).form).toBe('html');
    expect(detectForm(fixtureText('seeds/001.txt'))).toBe('text');
    expect(detectForm('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\n<html>')).toBe('html');
    expect(detectForm('\ufeff<div class="TRS_Editor"><p>一、总体情况</p><p>…</p><table><tr><td>规章</td><td>0</td></tr></table></div>')).toBe('html');
    expect(detectForm('依据《关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》编制。')).toBe('text');
  });
});
