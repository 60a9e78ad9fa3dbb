import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSIONS } from '../../src/catalog/index.js';
import type { FormatVersion, TableKey } from '../../src/catalog/index.js';
import { APPLICANT_COLUMNS } from '../../src/catalog/index.js';
import { Decimal } from '../../src/model/index.js';
import { fixtureText } from '../support/fixtures.js';
import { allCells, read, rowValues, spanText } from './tables-support.js';
import type { SectionMode } from './tables-support.js';

const CORPUS = readdirSync(fileURLToPath(new URL('../fixtures/corpus/', import.meta.url)))
  .filter((name) => name.endsWith('.txt'))
  .sort();

// The format each excerpt's tables follow (INDEX.md): the 2019 template for 006 and 027, none for
// the pre-2019 reports, the current template otherwise (016 and 025 use the 2019 table 二 only).
const FORMAT: Record<string, FormatVersion> = { '006': '2019', '027': '2019', '011': 'pre-2019', '030': 'pre-2019', '031': 'pre-2019' };
const formatOf = (name: string): FormatVersion => FORMAT[name.slice(0, 3)] ?? '2021';
const corpus = (id: string) => fixtureText(`corpus/${id}.txt`);
const APPLICANT_KEYS = APPLICANT_COLUMNS.map((column) => column.key);
const zeros = (count: number): number[] => Array.from({ length: count }, () => 0);
const blanks = (count: number): string[] => Array.from({ length: count }, () => '');
const absent = (count: number): null[] => Array.from({ length: count }, () => null);

describe.each(CORPUS)('corpus %s', (name) => {
  const text = fixtureText(`corpus/${name}`);

  it.each(FORMAT_VERSIONS)('is read without throwing as %s, with and without sections', (formatVersion) => {
    for (const mode of ['sections', 'anchors'] as SectionMode[]) expect(() => read(text, formatVersion, mode)).not.toThrow();
  });

  it('places each number at most once, every cell and unplaced value on the characters that hold it', () => {
    const reading = read(text, formatOf(name));
    const used = new Set<number>();
    for (const { cell } of allCells(reading)) {
      const written = spanText(text, cell.span);
      if (cell.kind === 'signed') expect(Number(written.replace(/^减/u, '-').replace(/^增/u, ''))).toBe(cell.value);
      else if (cell.kind === 'count') expect(Number(written.replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10)))).toBe(cell.value);
      else if (cell.kind === 'amount') expect(new Decimal(written).eq(cell.value)).toBe(true);
      else expect(written).toBe(cell.text);
      expect(used.has(cell.span?.start ?? -1)).toBe(false);
      used.add(cell.span?.start ?? -1);
    }
    for (const value of reading.unplaced) {
      expect(spanText(text, value.span)).toBe(value.text);
      expect(used.has(value.span?.start ?? -1)).toBe(false);
      used.add(value.span?.start ?? -1);
    }
  });
});

describe('corpus values stated by INDEX.md', () => {
  const values = (id: string, table: TableKey, row: string) => rowValues(read(corpus(id), formatOf(id)), table, row, formatOf(id));

  it('001: 行政复议 reads 10 1 0 0 / total 0, 复议后起诉 5 0 0 0 / 0; table 三 balances 21+0=21+0', () => {
    expect(values('001', 'reviews', 'review')).toEqual([10, 1, 0, 0, 0]);
    expect(values('001', 'reviews', 'litigationDirect')).toEqual(zeros(5));
    expect(values('001', 'reviews', 'litigationAfterReview')).toEqual([5, 0, 0, 0, 0]);
    expect(values('001', 'applications', 'received')).toEqual([21, 0, 0, 0, 0, 0, 21]);
    expect(values('001', 'applications', 'carriedOver')).toEqual(zeros(7));
    expect(values('001', 'applications', 'concludedTotal')).toEqual([21, 0, 0, 0, 0, 0, 21]);
    expect(values('001', 'applications', 'carriedForward')).toEqual(zeros(7));
    expect(values('001', 'activeDisclosure', 'fees')).toEqual(['7730.28']);
  });

  it('001: reads the misspelt row "2.其他法律行政止公开" as 其他法律行政法规禁止公开', () => {
    const row = read(corpus('001')).tables.applications?.rows['denied.prohibitedByLaw'];
    expect(row?.label).toBe('2.其他法律行政止公开');
    expect(values('001', 'applications', 'denied.prohibitedByLaw')).toEqual(zeros(7));
  });

  it('001: reads a single （六）其他处理 row, which the 2021 template splits in three, as the group total, nothing left unplaced', () => {
    const reading = read(corpus('001'));
    expect(reading.tables.applications?.rows['otherHandling.noCorrection']).toBeUndefined();
    const group = reading.tables.applications?.rows.otherHandling;
    expect(group?.label).toBe('（六）其他处理');
    expect(APPLICANT_KEYS.map((column) => (group?.cells[column]?.kind === 'count' ? group.cells[column].value : null))).toEqual(zeros(7));
    expect(reading.unplaced).toEqual([]);
    const line = corpus('001').split('\n').findIndex((candidate) => candidate.startsWith('（六）其他处理'));
    expect(Object.values(group?.cells ?? {}).every((cell) => cell?.span?.line === line + 1)).toBe(true);
  });

  it('002: balances 95+0=95+0 and table 四 adds up', () => {
    expect(values('002', 'applications', 'received')).toEqual([95, 0, 0, 0, 0, 0, 95]);
    expect(values('002', 'applications', 'carriedOver')).toEqual(zeros(7));
    expect(values('002', 'applications', 'concludedTotal')).toEqual([95, 0, 0, 0, 0, 0, 95]);
    expect(values('002', 'applications', 'carriedForward')).toEqual(zeros(7));
    expect(values('002', 'applications', 'unableToProvide.notHeld')).toEqual([31, 0, 0, 0, 0, 0, 31]);
    expect(values('002', 'reviews', 'review')).toEqual([1, 1, 0, 0, 2]);
    expect(values('002', 'reviews', 'litigationDirect')).toEqual([1, 0, 0, 0, 1]);
    expect(values('002', 'reviews', 'litigationAfterReview')).toEqual([2, 0, 1, 0, 3]);
  });

  it('003: reads every cell, page breaks and wrapped labels included; 3119+34=3050+103, 复议 351, 诉讼 26+20', () => {
    const reading = read(corpus('003'));
    expect(reading.unplaced).toEqual([]);
    expect(allCells(reading)).toHaveLength(200);
    expect(values('003', 'applications', 'received')).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
    expect(values('003', 'applications', 'carriedOver')).toEqual([34, 0, 0, 0, 0, 0, 34]);
    expect(values('003', 'applications', 'concludedTotal')).toEqual([2932, 53, 0, 0, 61, 4, 3050]);
    expect(values('003', 'applications', 'carriedForward')).toEqual([103, 0, 0, 0, 0, 0, 103]);
    expect(values('003', 'applications', 'unableToProvide.needsCreation')).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(values('003', 'applications', 'otherHandling.noCorrection')).toEqual([67, 3, 0, 0, 1, 0, 71]);
    expect(values('003', 'reviews', 'review')).toEqual([72, 64, 178, 37, 351]);
    expect(values('003', 'reviews', 'litigationDirect')).toEqual([13, 4, 8, 1, 26]);
    expect(values('003', 'reviews', 'litigationAfterReview')).toEqual([12, 1, 1, 6, 20]);
    expect(values('003', 'activeDisclosure', 'fees')).toEqual(['96171.6']);
  });

  it('004: digits run together are cut by the row totals and balances; 693665 (no total) is one finding listing its readings', () => {
    const reading = read(corpus('004'));
    expect(values('004', 'applications', 'carriedOver')).toEqual(zeros(7));
    expect(values('004', 'applications', 'partiallyGranted')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(values('004', 'applications', 'carriedForward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(values('004', 'applications', 'received')).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(values('004', 'applications', 'granted')).toEqual([27, 0, 0, 2, 0, 1, 30]);
    expect(values('004', 'applications', 'unableToProvide.notHeld')).toEqual([22, 0, 0, 0, 0, 3, 25]);
    expect(values('004', 'applications', 'concludedTotal')).toEqual([63, 0, 0, 2, 0, 4, 69]);
    expect(values('004', 'reviews', 'review')).toEqual([1, 0, 2, 0, 3]);
    expect(values('004', 'reviews', 'litigationDirect')).toEqual([12, 0, 0, 0, 12]);
    expect(values('004', 'reviews', 'litigationAfterReview')).toEqual(zeros(5));
    expect(reading.tables.reviews?.rows.review?.valuesInferred).toBe(true);
    expect(reading.unplaced.map((value) => [value.text, value.row, value.reason])).toEqual([['693665', 'normativeDocuments', 'ambiguous']]);
    expect(reading.unplaced[0]?.readings).toContainEqual(['69', '3', '665']);
    expect(values('004', 'activeDisclosure', 'normativeDocuments')).toEqual(absent(3));
  });

  it('005: balances 74+1=75+0; table 四 is space-separated; 8855698 is left to the narrative', () => {
    expect(values('005', 'applications', 'carriedOver')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(values('005', 'applications', 'received')).toEqual([71, 3, 0, 0, 0, 0, 74]);
    expect(values('005', 'applications', 'concludedTotal')).toEqual([72, 3, 0, 0, 0, 0, 75]);
    expect(values('005', 'reviews', 'review')).toEqual([0, 1, 1, 0, 2]);
    expect(values('005', 'reviews', 'litigationDirect')).toEqual([1, 0, 0, 0, 1]);
    expect(values('005', 'reviews', 'litigationAfterReview')).toEqual(zeros(5));
    const unplaced = read(corpus('005')).unplaced.map((value) => value.text);
    expect(unplaced).toEqual(['8855698']);
  });

  it('006 (2019 format): its single （六） row and sporadic spaces read; 230 000023 cut as 23/0/0/0/0/0/23', () => {
    const reading = read(corpus('006'), '2019');
    expect(values('006', 'applications', 'otherHandling')).toEqual(zeros(7));
    expect(values('006', 'applications', 'carriedForward')).toEqual(zeros(7));
    expect(values('006', 'applications', 'unableToProvide.unclearAfterCorrection')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(values('006', 'reviews', 'review')).toEqual(zeros(5));
    expect(values('006', 'applications', 'received')).toEqual([23, 0, 0, 0, 0, 0, 23]);
    expect(values('006', 'applications', 'concludedTotal')).toEqual([23, 0, 0, 0, 0, 0, 23]);
    // Tables 三 and 四 are read whole; the 2019 table 二 is read where its digits decide it ("规章000").
    expect(reading.unplaced.filter((value) => value.table !== 'activeDisclosure')).toEqual([]);
    expect(values('006', 'activeDisclosure', 'rules')).toEqual([0, 0, 0]);
  });

  it('006 (2019 format): table 二 rows run together without a sum to cut them are each one ambiguous value, none guessed', () => {
    const reading = read(corpus('006'), '2019');
    const table = reading.unplaced.filter((value) => value.table === 'activeDisclosure');
    expect(table.map((value) => [value.row, value.reason, value.text])).toEqual([
      ['normativeDocuments', 'ambiguous', '898989'],
      ['licensing', 'ambiguous', '3960181'],
      ['otherServices', 'ambiguous', '100153'],
      ['penalties', 'ambiguous', '26480430'],
      ['enforcement', 'ambiguous', '126025'],
      ['fees', 'ambiguous', '350'],
      // The amount's decimals stay with the last cell: 135 projects and 75394432.52 is one of the readings.
      ['procurement', 'ambiguous', '13575394432.52'],
    ]);
    expect(table.at(-1)?.readings).toContainEqual(['135', '75394432.52']);
    expect(reading.tables.activeDisclosure?.rows.licensing?.cells).toEqual({});
  });

  it('027 (2019 format): table 二 read whole; "减4" in 本年增/减 is −4, 政府集中采购 6 / 52.15', () => {
    const reading = read(corpus('027'), '2019');
    const rows = reading.tables.activeDisclosure?.rows;
    expect(values('027', 'activeDisclosure', 'rules')).toEqual([0, 0, 0]);
    expect(rows?.licensing?.cells.previousItems).toMatchObject({ kind: 'count', value: 6 });
    expect(rows?.licensing?.cells.change).toMatchObject({ kind: 'signed', value: -4 });
    expect(rows?.licensing?.cells.decisions).toMatchObject({ kind: 'count', value: 2 });
    expect(rows?.penalties?.cells.previousItems).toMatchObject({ kind: 'count', value: 2 });
    expect(rows?.fees?.cells.change).toMatchObject({ kind: 'signed', value: 0 });
    expect(rows?.procurement?.cells.procurementCount).toMatchObject({ kind: 'count', value: 6 });
    expect(rows?.procurement?.cells.procurementAmount?.kind).toBe('amount');
    expect(String((rows?.procurement?.cells.procurementAmount as { value: unknown }).value)).toBe('52.15');
    expect(reading.unplaced.filter((value) => value.table === 'activeDisclosure')).toEqual([]);
  });

  it('010: table 四 "21317000001324019" is decoded by its row totals as 2/1/3/1/7, 0/0/0/0/0, 13/2/4/0/19', () => {
    const reading = read(corpus('010'));
    expect(values('010', 'reviews', 'review')).toEqual([2, 1, 3, 1, 7]);
    expect(values('010', 'reviews', 'litigationDirect')).toEqual(zeros(5));
    expect(values('010', 'reviews', 'litigationAfterReview')).toEqual([13, 2, 4, 0, 19]);
    expect(reading.unplaced.find((value) => value.table === 'reviews')).toBeUndefined();
    expect(values('010', 'applications', 'otherHandling.other')).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(values('010', 'applications', 'received')).toEqual([217, 1, 0, 0, 0, 0, 218]);
  });

  it('014: 行政处罚 1472; the row cut by the excerpt is reported', () => {
    const reading = read(corpus('014'));
    expect(values('014', 'activeDisclosure', 'penalties')).toEqual([1472]);
    expect(values('014', 'applications', 'received')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(values('014', 'applications', 'denied.processInfo')).toEqual(absent(7));
    expect(reading.unplaced.every((value) => value.row === 'denied.processInfo' && value.reason === 'ambiguous')).toBe(true);
  });

  it('015 and 016: one cell per line with blank lines; empty tables give rows without cells', () => {
    expect(values('015', 'applications', 'denied.threeSecurities')).toEqual(zeros(7));
    const empty = read(corpus('016'));
    expect(allCells(empty)).toEqual([]);
    expect(empty.unplaced).toEqual([]);
    expect(empty.tables.applications?.rows.received?.label).toBe('一、本年新收政府信息公开申请数量');
  });

  it('018: traditional script with pinyin residue and replacement characters', () => {
    const reading = read(corpus('018'));
    expect(values('018', 'activeDisclosure', 'rules')).toEqual(zeros(3));
    expect(reading.tables.activeDisclosure?.rows.rules?.label).toBe('規(guī)章');
  });

  it('020, 021: 行政处罚 6; a town reporting 规章 2/0/2 and 行政处罚 9', () => {
    expect(values('020', 'activeDisclosure', 'penalties')).toEqual([6]);
    expect(values('021', 'activeDisclosure', 'rules')).toEqual([2, 0, 2]);
    expect(values('021', 'activeDisclosure', 'penalties')).toEqual([9]);
  });

  it('023: "/" cells and bare "|" lines are blanks, not zeros nor missing; only the totals filled', () => {
    expect(values('023', 'activeDisclosure', 'rules')).toEqual(['/', '/', '/']);
    expect(values('023', 'applications', 'received')).toEqual([...blanks(6), 0]);
  });

  it('024: empty applicant cells are blank cells, the totals in their column', () => {
    expect(values('024', 'activeDisclosure', 'normativeDocuments')).toEqual([3, 0, 101]);
    expect(values('024', 'applications', 'received')).toEqual([0, ...blanks(5), 0]);
    expect(values('024', 'applications', 'carriedOver')).toEqual([...blanks(6), 0]);
  });

  it('026: the old row label 规范性文件 is the alias of 行政规范性文件', () => {
    expect(values('026', 'activeDisclosure', 'normativeDocuments')).toEqual(zeros(3));
  });

  it('027 (2019): the 63 zeros under (三)不予公开, labels lost, do not fit the rows and are reported', () => {
    const reading = read(corpus('027'), '2019');
    expect(values('027', 'applications', 'received')).toEqual(zeros(7));
    expect(reading.tables.applications?.rows['denied.stateSecret']).toBeUndefined();
    expect(reading.unplaced).toHaveLength(63);
  });

  it('027 read as 2021: the 2019 table 二 columns are not read into the 2021 columns; 处理决定数量 is', () => {
    const reading = read(corpus('027'), '2021');
    const rows = reading.tables.activeDisclosure?.rows;
    expect(rows?.rules?.cells).toEqual({});
    expect(rows?.normativeDocuments?.cells).toEqual({});
    expect(rows?.fees?.cells).toEqual({});
    expect(rowValues(reading, 'activeDisclosure', 'licensing')).toEqual([2]);
    expect(rowValues(reading, 'activeDisclosure', 'penalties')).toEqual([2]);
    const licensing = reading.unplaced.filter((value) => value.row === 'licensing');
    expect(licensing.map((value) => [value.text, value.reason])).toEqual([
      ['6', 'extra-value'],
      ['减4', 'extra-value'],
    ]);
    expect(reading.unplaced.filter((value) => value.row === 'rules').map((value) => value.reason)).toEqual(['ambiguous', 'ambiguous', 'ambiguous']);
  });

  it('028: 规章 has two values and an empty third cell; the narrative above table 三 is not read as the table', () => {
    const reading = read(corpus('028'));
    expect(values('028', 'activeDisclosure', 'rules')).toEqual([0, 0, null]);
    expect(values('028', 'activeDisclosure', 'normativeDocuments')).toEqual([5, 12, 8]);
    expect(values('028', 'applications', 'received')).toEqual([8, 0, 0, 0, 0, 0, 8]);
    expect(reading.unplaced).toEqual([]);
  });

  it('032, 033: pipe rows with merged labels; traditional over-conversion (行政強製)', () => {
    expect(values('032', 'applications', 'received')).toEqual([58, 7, 0, 0, 1, 0, 66]);
    expect(values('032', 'activeDisclosure', 'normativeDocuments')).toEqual([5, 1, 25]);
    expect(values('033', 'activeDisclosure', 'enforcement')).toEqual([0]);
  });

  it('pre-2019 reports have no tables to read', () => {
    for (const id of ['011', '030', '031']) expect(read(corpus(id), 'pre-2019').tables).toEqual({});
  });
});
