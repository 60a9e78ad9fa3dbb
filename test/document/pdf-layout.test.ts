import { describe, expect, it } from 'vitest';
import { layoutPage, looksTabular, rectangleLines } from '../../src/document/pdf/layout.js';
import type { PageTable, PlacedText, RulingLine } from '../../src/document/pdf/layout.js';

const run = (text: string, x: number, y: number, size = 10): PlacedText => ({ text, x, y, width: text.length * size, height: size });
const horizontal = (y: number, left: number, right: number): RulingLine => ({ x1: left, y1: y, x2: right, y2: y });
const vertical = (x: number, bottom: number, top: number): RulingLine => ({ x1: x, y1: bottom, x2: x, y2: top });
const texts = (table: PageTable) => table.rows.map((row) => row.map((cell) => [cell.lines.map((line) => line.map((found) => found.text).join('')).join(''), cell.row, cell.column, cell.rowSpan, cell.colSpan]));

// A 2 × 2 table from x 0 to 200 and y 100 to 160: its left column merged over both rows.
const grid = [horizontal(160, 0, 200), horizontal(130, 100, 200), horizontal(100, 0, 200), vertical(0, 100, 160), vertical(100, 100, 160), vertical(200, 100, 160)];

describe('a page laid out from its text runs and ruling lines', () => {
  it('reads a ruled table cell by cell, a label wrapped over lines of its cell as one label, a merged cell once', () => {
    const blocks = layoutPage([run('行政规范', 5, 145), run('性文件', 5, 132), run('1', 150, 142), run('2', 150, 112), run('一、总体情况', 0, 200)], grid);
    expect(blocks.map((block) => block.kind)).toEqual(['line', 'table']);
    expect(texts(blocks[1] as PageTable)).toEqual([
      [
        ['行政规范性文件', 0, 0, 2, 1],
        ['1', 0, 1, 1, 1],
      ],
      [['2', 1, 1, 1, 1]],
    ]);
  });

  it('closes a table a page break left without its bottom line, from its column lines', () => {
    const open = grid.filter((line) => !(line.y1 === 100 && line.y2 === 100));
    const table = layoutPage([run('甲', 5, 140), run('1', 150, 142), run('2', 150, 112)], open).find((block) => block.kind === 'table') as PageTable;
    expect(table.rowCount).toBe(2);
    expect(texts(table)[1]).toEqual([['2', 1, 1, 1, 1]]);
  });

  it('takes a ruling line drawn in pieces as one line, though the piece over a merged cell crosses no column line', () => {
    // A middle column line only in the top row: the lower row's cell spans both columns, and its
    // top border is two pieces, one of which meets no column line at all.
    const lines = [
      horizontal(160, 0, 100),
      horizontal(160, 100, 200),
      horizontal(130, 0, 100),
      horizontal(130, 100, 200),
      horizontal(100, 0, 200),
      vertical(0, 100, 160),
      vertical(100, 130, 160),
      vertical(200, 100, 160),
    ];
    const table = layoutPage([run('a', 5, 140), run('b', 150, 140), run('c', 50, 110)], lines).find((block) => block.kind === 'table') as PageTable;
    expect(texts(table)).toEqual([
      [
        ['a', 0, 0, 1, 1],
        ['b', 0, 1, 1, 1],
      ],
      [['c', 1, 0, 1, 2]],
    ]);
  });

  it('splits a line into cells where its runs are set wide apart (a table without ruling lines)', () => {
    const [line] = layoutPage([run('行政许可', 0, 100), run('550', 200, 100)], []);
    expect(line?.kind === 'line' && line.cells.map((cell) => cell.map((found) => found.text))).toEqual([['行政许可'], ['550']]);
    expect(looksTabular([run('行政许可', 0, 100), run('550', 200, 100), run('行政处罚', 0, 80), run('4119', 200, 80)])).toBe(true);
    expect(looksTabular([run('2024年，全市共受理申请', 0, 100), run('3119件。', 120, 100)])).toBe(false);
  });

  it('takes thin filled rectangles as lines, a stroked box as its four edges, and a filled box (a shading) as none', () => {
    expect(rectangleLines(0, 100, 200, 0.5, false)).toEqual([horizontal(100.25, 0, 200)]);
    expect(rectangleLines(50, 0, 0.5, 80, false)).toEqual([vertical(50.25, 0, 80)]);
    expect(rectangleLines(0, 0, 100, 50, true)).toHaveLength(4);
    expect(rectangleLines(0, 0, 100, 50, false)).toEqual([]);
  });
});
