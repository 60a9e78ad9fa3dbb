import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSIONS, SECTION_KEYS, TEMPLATES } from '../../src/catalog/index.js';
import type { TableDefinition } from '../../src/catalog/index.js';
import type { Cell, UnplacedValue } from '../../src/model/index.js';
import { normalize } from '../../src/read/source.js';
import { readTables } from '../../src/read/tables/index.js';
import { readTable } from '../../src/read/tables/reader.js';
import { planRegions } from '../../src/read/tables/regions.js';
import { seedExpectation, seedText } from '../support/fixtures.js';
import { positionOf, read, rowValues, spanText } from './tables-support.js';

/** A copy of a seed with one fault planted; fails the test if the text to replace is not there. */
function plant(id: string, find: string, replace: string): string {
  const text = seedText(id);
  expect(text.includes(find), `seed ${id} holds ${JSON.stringify(find)}`).toBe(true);
  return text.replace(find, replace);
}

const expectedRow = (id: string, row: string) => seedExpectation(id).applications[row];

describe('a row with a missing value', () => {
  it('keeps that cell as a blank cell (not a missing one) and the others in place (| rows, seed 001)', () => {
    const text = plant('001', '一、本年新收政府信息公开申请数量 | 6 | 0 | 0 |', '一、本年新收政府信息公开申请数量 | 6 | 0 |  |');
    const reading = read(text);
    const received = reading.tables.applications?.rows.received;
    expect(received?.cells.research).toMatchObject({ kind: 'blank', text: '' });
    // It points at the bar that closes it.
    expect(text[received?.cells.research?.span?.start ?? -1]).toBe('|');
    expect(received?.cells.research?.span?.start).toBe(text.indexOf('| 0 |  |') + 7);
    expect(rowValues(reading, 'applications', 'received')).toEqual([6, 0, '', 0, 0, 0, 6]);
    expect(spanText(text, received?.cells.total?.span)).toBe('6');
    expect(received?.cells.total?.span?.start).toBe(text.indexOf('| 6 | ||') + 2);
    expect(reading.unplaced).toEqual([]);
  });

  it('keeps that cell as a blank cell and the others in place (one cell per line, seed 000)', () => {
    const text = plant('000', '一、本年新收政府信息公开申请数量 |\n16 |\n0 |\n0 |', '一、本年新收政府信息公开申请数量 |\n16 |\n0 |\n |');
    const reading = read(text);
    expect(rowValues(reading, 'applications', 'received')).toEqual([16, 0, '', 0, 0, 0, 16]);
    expect(rowValues(reading, 'applications', 'carriedOver')).toEqual(expectedRow('000', 'carriedOver'));
    expect(reading.unplaced).toEqual([]);
  });

  it('keeps that cell as a blank cell and the others in place (tab rows, seed 003)', () => {
    const text = plant('003', '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t', '一、本年新收政府信息公开申请数量\t\t1\t2\t\t4\t5\t6\t7\t');
    const reading = read(text);
    expect(rowValues(reading, 'applications', 'received')).toEqual([1, 2, '', 4, 5, 6, 7]);
    expect(reading.unplaced).toEqual([]);
  });

  it('when nothing shows which cell is missing, places none of the row and reports its values', () => {
    const text = plant('001', '一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 6 |');
    const reading = read(text);
    expect(reading.tables.applications?.rows.received?.cells).toEqual({});
    expect(reading.unplaced.map((value) => [value.text, value.row, value.reason])).toEqual(
      ['6', '0', '0', '0', '0', '6'].map((value) => [value, 'received', 'ambiguous']),
    );
    const line = text.split('\n').findIndex((candidate) => candidate.startsWith('一、本年新收'));
    expect(reading.unplaced.every((value) => value.span?.line === line + 1)).toBe(true);
    expect(rowValues(reading, 'applications', 'carriedOver')).toEqual(expectedRow('001', 'carriedOver'));
  });
});

describe('an extra value', () => {
  it('is reported as extra-value at its place, the row read as written (| rows)', () => {
    const text = plant('001', '(七)总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '(七)总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 | 9 |');
    const reading = read(text);
    const offset = text.indexOf('| 6 | 9 |') + 6;
    expect(reading.unplaced).toEqual([
      { text: '9', table: 'applications', row: 'concludedTotal', reason: 'extra-value', span: { start: offset, end: offset + 1, ...positionOf(text, offset) } },
    ]);
    expect(rowValues(reading, 'applications', 'concludedTotal')).toEqual(expectedRow('001', 'concludedTotal'));
    expect(rowValues(reading, 'applications', 'carriedForward')).toEqual(expectedRow('001', 'carriedForward'));
  });

  it('is reported as extra-value in the one-cell-per-line layout too, the next rows unshifted', () => {
    const text = plant('000', '(七)总计 |\n16 |\n0 |\n0 |\n0 |\n0 |\n0 |\n16 |', '(七)总计 |\n16 |\n0 |\n0 |\n0 |\n0 |\n0 |\n16 |\n9 |');
    const reading = read(text);
    expect(reading.unplaced.map((value) => [value.text, value.row, value.reason, value.span?.start])).toEqual([['9', 'concludedTotal', 'extra-value', text.indexOf('16 |\n9 |') + 5]]);
    expect(rowValues(reading, 'applications', 'concludedTotal')).toEqual(expectedRow('000', 'concludedTotal'));
    expect(rowValues(reading, 'applications', 'carriedForward')).toEqual(expectedRow('000', 'carriedForward'));
  });

  it('after the fifteen values of table 四 is reported, the fifteen placed', () => {
    const text = plant('001', '| 0 | 0 | 0 | 0 | 0 |\n五、', '| 0 | 0 | 0 | 0 | 0 | 3 |\n五、');
    const reading = read(text);
    expect(reading.unplaced.map((value) => [value.text, value.table, value.reason])).toEqual([['3', 'reviews', 'extra-value']]);
    expect(rowValues(reading, 'reviews', 'litigationAfterReview')).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('values that are not valid for their column', () => {
  const cases: [string, string, string, string, string, Cell['kind'], string][] = [
    ['a decimal count', '行政许可 | 2821 |', '行政许可 | 2821.5 |', 'licensing', 'decisions', 'invalid', '2821.5'],
    ['a unit in the fee', '行政事业性收费 | 779.508355 |', '行政事业性收费 | 251000元 |', 'fees', 'amountWanYuan', 'invalid', '251000元'],
    ['a negative count', '行政处罚 | 296 |', '行政处罚 | -1 |', 'penalties', 'decisions', 'invalid', '-1'],
    ['a dash', '行政强制 | 2 |', '行政强制 | — |', 'enforcement', 'decisions', 'blank', '—'],
    ['a slash', '行政处罚 | 296 |', '行政处罚 | / |', 'penalties', 'decisions', 'blank', '/'],
    ['无', '行政许可 | 2821 |', '行政许可 | 无 |', 'licensing', 'decisions', 'blank', '无'],
  ];
  it.each(cases)('keep their text: %s', (_name, find, replace, row, column, kind, written) => {
    const text = plant('001', find, replace);
    const reading = read(text);
    const cell = reading.tables.activeDisclosure?.rows[row as 'licensing']?.cells[column as 'decisions'];
    expect(cell).toMatchObject({ kind, text: written });
    expect(spanText(text, cell?.span)).toBe(written);
    expect(reading.unplaced).toEqual([]);
  });

  it('full-width digits are read as numbers, their span on the characters written', () => {
    const text = plant('001', '行政许可 | 2821 |', '行政许可 | ２８２１ |');
    const cell = read(text).tables.activeDisclosure?.rows.licensing?.cells.decisions;
    expect(cell).toMatchObject({ kind: 'count', value: 2821 });
    expect(spanText(text, cell?.span)).toBe('２８２１');
  });
});

describe('a row whose label was lost', () => {
  it('is placed by its position, marked inferred, with its values (| rows)', () => {
    const text = plant('001', '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', ' 3 | 0 | 0 | 0 | 0 | 1 | 4 |');
    const reading = read(text);
    const row = reading.tables.applications?.rows['notProcessed.repeated'];
    expect(row?.labelInferred).toBe(true);
    expect(row?.label).toBeUndefined();
    expect(rowValues(reading, 'applications', 'notProcessed.repeated')).toEqual([3, 0, 0, 0, 0, 1, 4]);
    expect(rowValues(reading, 'applications', 'notProcessed.publication')).toEqual(expectedRow('001', 'notProcessed.publication'));
    expect(reading.unplaced).toEqual([]);
  });

  it('is placed by its position in the one-cell-per-line layout (seed 000)', () => {
    const text = plant('000', '2.重复申请 |\n', '');
    const reading = read(text);
    expect(reading.tables.applications?.rows['notProcessed.repeated']?.labelInferred).toBe(true);
    expect(rowValues(reading, 'applications', 'notProcessed.repeated')).toEqual(expectedRow('000', 'notProcessed.repeated'));
    expect(rowValues(reading, 'applications', 'notProcessed.petition')).toEqual(expectedRow('000', 'notProcessed.petition'));
    expect(reading.unplaced).toEqual([]);
  });

  it('is placed by its position in tab rows (seed 003)', () => {
    const text = plant('003', '\t\t2. 重复申请\t0', '\t\t\t0');
    const reading = read(text);
    expect(reading.tables.applications?.rows['notProcessed.repeated']?.labelInferred).toBe(true);
    expect(rowValues(reading, 'applications', 'notProcessed.repeated')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(reading.unplaced).toEqual([]);
  });

  it('is not guessed when the count of rows does not agree: its values are reported, no row shifted', () => {
    const text = plant(
      '001',
      '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n',
      ' 5 | 0 | 0 | 0 | 0 | 0 | 5 | ||\n',
    );
    const reading = read(text);
    const rows = reading.tables.applications?.rows;
    expect(rows?.['notProcessed.repeated']).toBeUndefined();
    expect(rows?.['notProcessed.publication']).toBeUndefined();
    expect(rowValues(reading, 'applications', 'notProcessed.petition')).toEqual(expectedRow('001', 'notProcessed.petition'));
    expect(rowValues(reading, 'applications', 'notProcessed.massRepeated')).toEqual(expectedRow('001', 'notProcessed.massRepeated'));
    expect(reading.unplaced.map((value) => [value.text, value.reason])).toEqual(['5', '0', '0', '0', '0', '0', '5'].map((value) => [value, 'extra-value']));
  });
});

describe('the reader never throws', () => {
  // readTables has a last-resort guard; these properties drive the unguarded stages directly, so
  // that a throw anywhere in them fails the test instead of being absorbed.
  const DEFINITIONS = [
    ['activeDisclosure', TEMPLATES['2021'].tables.activeDisclosure],
    ['applications', TEMPLATES['2021'].tables.applications],
    ['applications', TEMPLATES['2019'].tables.applications],
    ['reviews', TEMPLATES['2021'].tables.reviews],
  ] as const;
  const readAllTables = (text: string, start: number, end: number): { cells: Cell[]; unplaced: UnplacedValue[] } => {
    const source = normalize(text);
    const cells: Cell[] = [];
    const unplaced: UnplacedValue[] = [];
    planRegions(
      source.text,
      DEFINITIONS.map(([, definition]) => definition as TableDefinition),
      [],
    );
    for (const [key, definition] of DEFINITIONS) {
      const result = readTable(source, key, definition as TableDefinition, { start, end: Math.min(end, source.text.length) });
      unplaced.push(...result.unplaced);
      for (const row of Object.values(result.table?.rows ?? {})) for (const cell of Object.values(row?.cells ?? {}) as Cell[]) cells.push(cell);
    }
    return { cells, unplaced };
  };
  const seedLines = ['000', '001', '002', '003', '004'].flatMap((id) => seedText(id).split('\n'));
  const sectionArbitrary = fc.record({
    key: fc.constantFrom(...SECTION_KEYS),
    start: fc.integer({ min: -10, max: 20000 }),
    end: fc.integer({ min: -10, max: 20000 }),
  });
  const contexts = fc.record({ formatVersion: fc.constantFrom(...FORMAT_VERSIONS), sections: fc.array(sectionArbitrary, { maxLength: 8 }) });

  it('on any text, in any region', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: -5, max: 500 }), fc.integer({ min: -5, max: 500 }), (text, start, end) => {
        readAllTables(text, start, end);
      }),
      { numRuns: 300 },
    );
  });

  it('on text made of table characters (digits, bars, tabs, marks, labels)', () => {
    const pieces = ['0', '12', '3.5', '|', '||', '\t', '\n', ' ', '—', '/', '无', '1.', '(三)', '四、', '。', '元', '总计', '其他', '行政复议', '规章', '一、本年新收政府信息公开申请数量', '第二十条第(一)项', '- 3 -'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 300 }), (parts) => {
        const text = parts.join('');
        const { cells, unplaced } = readAllTables(text, 0, text.length);
        for (const value of unplaced) expect(spanText(text, value.span)).toBe(value.text);
        for (const cell of cells) if (cell.kind === 'blank' || cell.kind === 'invalid') expect(spanText(text, cell.span)).toBe(cell.text);
      }),
      { numRuns: 300 },
    );
  });

  it('on random mixes of seed lines, every cell and unplaced value pointing at what it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...seedLines), { maxLength: 120 }), (lines) => {
        const text = lines.join('\n');
        const { cells, unplaced } = readAllTables(text, 0, text.length);
        for (const value of unplaced) expect(spanText(text, value.span)).toBe(value.text);
        for (const cell of cells) {
          if (cell.kind === 'blank' || cell.kind === 'invalid') expect(spanText(text, cell.span)).toBe(cell.text);
          else expect(spanText(text, cell.span)).toMatch(/^[0-9０-９.]+$/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('through readTables, with any sections and format', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...seedLines), { maxLength: 60 }), contexts, (lines, context) => {
        const text = lines.join('\n');
        const reading = readTables(normalize(text), context);
        for (const value of reading.unplaced) expect(spanText(text, value.span)).toBe(value.text);
      }),
      { numRuns: 200 },
    );
  });

  it('on repeated tables and headings, each number placed at most once', () => {
    const text = Array.from({ length: 30 }, (_, index) => seedText(['000', '001', '003', '004'][index % 4] as string)).join('\n');
    readAllTables(text, 0, text.length);
    const reading = readTables(normalize(text), { formatVersion: '2021', sections: [] });
    const cells = Object.values(reading.tables).flatMap((table) => Object.values(table?.rows ?? {}).flatMap((row) => Object.values(row?.cells ?? {}) as Cell[]));
    const starts = [...cells.map((cell) => cell.span?.start), ...reading.unplaced.map((value) => value.span?.start)];
    expect(new Set(starts).size).toBe(starts.length);
    expect(cells).toHaveLength(200);
  });
});
