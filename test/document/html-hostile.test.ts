import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check.js';
import { hasMoreTagsThan, MAX_GRID_COLUMNS, MAX_PAGE_TAGS, readHtmlDocument } from '../../src/document/html/index.js';
import { layoutGrid } from '../../src/document/model.js';
import type { ReportDocument } from '../../src/document/model.js';

/** Every offset the document holds is inside its text, and every span inside the page. */
function expectConsistent(document: ReportDocument, html: string): void {
  const length = document.source.text.length;
  for (const block of document.blocks) {
    expect(block.start).toBeGreaterThanOrEqual(0);
    expect(block.end).toBeLessThanOrEqual(length);
    expect(block.start).toBeLessThanOrEqual(block.end);
  }
  for (const grid of document.grids) {
    expect(grid.columnCount).toBeLessThanOrEqual(MAX_GRID_COLUMNS);
    for (const row of grid.rows) {
      for (const cell of row.cells) {
        expect(cell.row + cell.rowSpan).toBeLessThanOrEqual(grid.rows.length);
        expect(cell.column + cell.colSpan).toBeLessThanOrEqual(grid.columnCount);
        const span = document.source.span(cell.start, cell.end);
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(html.length);
      }
    }
  }
}

describe('hostile web pages', () => {
  it('10 MB of nested tags: reported as too big to read, at once, never thrown', async () => {
    const html = '<div>'.repeat(2_000_000);
    expect(html.length).toBe(10_000_000);
    const document = readHtmlDocument(html);
    expect(document.problems).toEqual([{ code: 'limit-exceeded', message: `the page has more than ${MAX_PAGE_TAGS} tags`, detail: { id: 'page-too-many-tags', args: { max: String(MAX_PAGE_TAGS) } } }]);
    expect(document.source.text).toBe('');
    const { report } = await checkDocument(html);
    expect(report.problems?.map((problem) => problem.code)).toEqual(['limit-exceeded']);
  });

  it('counts a page over the tag limit from its tags of two characters, the fewest a tag takes, and none at the limit', () => {
    const limit = 1000;
    // The shortest page over the limit, and the longest at it: as long, or one character shorter.
    expect(hasMoreTagsThan('<a'.repeat(limit + 1), limit)).toBe(true);
    expect(hasMoreTagsThan(`${'<a'.repeat(limit)}<`, limit)).toBe(false);
    expect(hasMoreTagsThan(`${'<a'.repeat(limit)}b`, limit)).toBe(false);
    expect(hasMoreTagsThan('<a'.repeat(limit + 1).slice(0, -1), limit)).toBe(false);
    expect(hasMoreTagsThan(`<p>${'<b>'.repeat(limit)}`, limit)).toBe(true);
    expect(hasMoreTagsThan(`<p>${'x'.repeat(5 * limit)}<!-- c -->`, limit)).toBe(false);
  });

  it('tags nested 40,000 deep: read without overflowing the stack, the text at the bottom found', () => {
    const depth = 20_000;
    const html = `<body>${'<div><span>'.repeat(depth)}一、总体情况${'</span></div>'.repeat(depth)}</body>`;
    const document = readHtmlDocument(html);
    expect(document.problems).toEqual([]);
    expect(document.source.text).toBe('一、总体情况\n');
    expect(html.slice(document.source.span(0, 6).start).startsWith('一、总体情况')).toBe(true);
  });

  it('unclosed tables, cells and rows: repaired as a browser would, every grid within its real size', () => {
    const html = `<div class="TRS_Editor">${'<table><tr><td>1<td>2<tr><td>行政许可<td>3'.repeat(2_000)}`;
    const document = readHtmlDocument(html);
    expect(document.problems).toEqual([]);
    expect(document.grids.length).toBeGreaterThan(0);
    expect(document.grids.length).toBeLessThanOrEqual(2_000);
    expectConsistent(document, html);
  });

  it('10,000 columns: no grid (no report table is that wide), the row still one line of text', () => {
    const html = `<article><table><tr>${'<td>7</td>'.repeat(10_000)}</tr><tr>${'<td>8</td>'.repeat(10_000)}</tr></table></article>`;
    const document = readHtmlDocument(html);
    expect(document.grids).toEqual([]);
    const lines = document.source.text.split('\n');
    expect(lines[0]?.split(' | ')).toHaveLength(10_000);
    expect(document.blocks.filter((block) => block.kind === 'table')).toHaveLength(1);
  });

  it('rowspan="100000" and colspan="100000": capped at the grid\'s real size', () => {
    const html = '<article><table><tr><td rowspan="100000">a</td><td colspan="100000">b</td><td>1</td></tr><tr><td>2</td><td>3</td></tr></table></article>';
    const document = readHtmlDocument(html);
    const grid = document.grids[0];
    if (!grid) throw new Error('no grid');
    expect(grid.rows.map((row) => row.cells.map((cell) => [cell.text, cell.rowSpan, cell.colSpan]))).toEqual([
      [
        ['a', 2, 1],
        ['b', 1, 3],
        ['1', 1, 1],
      ],
      [
        ['2', 1, 1],
        ['3', 1, 1],
      ],
    ]);
    const layout = layoutGrid(grid);
    expect(layout.length * grid.columnCount).toBeLessThanOrEqual(2 * 5);
    expectConsistent(document, html);
  });

  it('never throws, and keeps every offset in bounds, on any mix of tags, references and text', () => {
    const piece = fc.oneof(
      fc.constantFrom('<table>', '<tr>', '<td>', '</td>', '<th rowspan="3">', '<td colspan="0">', '<td rowspan="-1">', '</table>', '<p>', '</p>', '<br>', '<script>', '</script>', '<div class="TRS_Editor">', '<!--', '-->'),
      fc.constantFrom('&nbsp;', '&amp;', '&#20013;', '&#x;', '&notit;', '&', '\r\n', '\r', '0', '12', '—', '一、本年新收政府信息公开申请数量', '（三）不予公开'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const html = pieces.join('');
        const document = readHtmlDocument(html);
        expect(document.problems).toEqual([]);
        expectConsistent(document, html);
        for (let offset = 0; offset < document.source.text.length; offset++) {
          const original = document.source.originalOffset(offset);
          expect(original).toBeGreaterThanOrEqual(0);
          expect(original).toBeLessThanOrEqual(html.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
