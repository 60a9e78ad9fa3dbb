import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/catalog/index.js';
import { Decimal } from '../../src/model/index.js';
import type { Span } from '../../src/model/index.js';
import type { SourceText } from '../../src/read/source.js';
import { matchKey, normalize } from '../../src/read/source.js';
import { readTables } from '../../src/read/tables/index.js';
import { fixtureText, seedExpectation, seedText, tableAsFixture, TABLED_SEEDS } from '../support/fixtures.js';
import { allCells, locateSections, positionOf, read, spanText, TABLE_KEYS } from './tables-support.js';
import type { SectionMode } from './tables-support.js';

const MODES: SectionMode[] = ['sections', 'anchors'];

/** The normalized characters that came from the original range [start, end). */
function normalizedAt(source: SourceText, start: number, end: number): string {
  let folded = '';
  for (let index = 0; index < source.text.length; index++) {
    const origin = source.originalOffset(index);
    if (origin >= start && origin < end) folded += source.text.charAt(index);
  }
  return folded;
}

describe.each(TABLED_SEEDS)('seed %s', (id) => {
  const text = seedText(id);
  const expected = seedExpectation(id);

  describe.each(MODES)('with %s', (mode) => {
    const reading = read(text, expected.formatVersion, mode);

    it.each(TABLE_KEYS)('reads table %s cell for cell as hand-encoded', (table) => {
      expect(tableAsFixture(reading.tables[table], table, expected.formatVersion)).toEqual(expected[table]);
    });

    it('places every number: nothing unplaced', () => {
      expect(reading.unplaced).toEqual([]);
    });

    it('marks exactly the rows whose labels were lost as inferred', () => {
      const inferred = TABLE_KEYS.flatMap((table) =>
        Object.entries(reading.tables[table]?.rows ?? {})
          .filter(([, row]) => row?.labelInferred === true)
          .map(([row]) => row),
      );
      expect(inferred.sort()).toEqual([...expected.inferredRowLabels].sort());
    });
  });

  const reading = read(text, expected.formatVersion);

  it('gives every cell the span of exactly the characters holding its value, with line and column', () => {
    const cells = allCells(reading);
    expect(cells.length).toBe(200);
    for (const { cell } of cells) {
      const span = cell.span;
      expect(span).toBeDefined();
      if (!span) continue;
      const written = spanText(text, span);
      if (cell.kind === 'count' || cell.kind === 'signed') expect(written.replace(/^减/u, '-')).toBe(String(cell.value));
      else if (cell.kind === 'amount') expect(new Decimal(written).eq(cell.value)).toBe(true);
      else expect(written).toBe(cell.text);
      expect({ line: span.line, column: span.column }).toEqual(positionOf(text, span.start));
    }
  });

  it('gives every row its label as written, where it is written, naming the catalog row', () => {
    for (const table of TABLE_KEYS) {
      const definition = TEMPLATES[expected.formatVersion].tables[table];
      for (const [key, row] of Object.entries(reading.tables[table]?.rows ?? {})) {
        if (!row || row.labelInferred) continue;
        if (row.label === undefined) continue;
        expect(spanText(text, row.labelSpan)).toBe(row.label);
        expect({ line: row.labelSpan?.line, column: row.labelSpan?.column }).toEqual(positionOf(text, row.labelSpan?.start ?? 0));
        const catalogRow = definition?.rows.find((candidate) => candidate.key === key);
        const names = [catalogRow?.label ?? '', ...(catalogRow?.aliases ?? [])].map(matchKey);
        const asRead = matchKey(normalizedAt(reading.source, row.labelSpan?.start ?? 0, row.labelSpan?.end ?? 0));
        expect(names.some((name) => asRead.includes(name))).toBe(true);
      }
    }
  });

  it('gives each table a span covering its cells', () => {
    for (const table of TABLE_KEYS) {
      const found = reading.tables[table];
      expect(found?.span).toBeDefined();
      for (const { cell } of allCells({ tables: { [table]: found }, unplaced: [] })) {
        expect(cell.span?.start).toBeGreaterThanOrEqual(found?.span?.start ?? Infinity);
        expect(cell.span?.end).toBeLessThanOrEqual(found?.span?.end ?? -1);
      }
    }
  });

  it('loses no number: every digit inside the tables is a cell (or the ordinal of a row label)', () => {
    const covered = new Uint8Array(text.length);
    const cover = (span: Span | undefined): void => {
      for (let at = span?.start ?? 0; at < (span?.end ?? 0); at++) covered[at] = 1;
    };
    for (const { cell } of allCells(reading)) cover(cell.span);
    for (const table of TABLE_KEYS) for (const row of Object.values(reading.tables[table]?.rows ?? {})) cover(row?.labelSpan);
    const first = Math.min(...TABLE_KEYS.map((table) => reading.tables[table]?.span?.start ?? Infinity));
    const last = Math.max(...TABLE_KEYS.map((table) => reading.tables[table]?.span?.end ?? -1));
    const missed: string[] = [];
    for (let at = first; at < last; at++) if (/\d/.test(text.charAt(at)) && !covered[at]) missed.push(`${at}:${text.charAt(at)}`);
    expect(missed).toEqual([]);
  });
});

describe('spans in the original text', () => {
  it('point at the fee 779.508355 of seed 001 where it is written', () => {
    const text = seedText('001');
    const fee = read(text).tables.activeDisclosure?.rows.fees?.cells.amountWanYuan;
    const offset = text.indexOf('779.508355');
    expect(fee?.kind).toBe('amount');
    expect(fee?.kind === 'amount' && fee.value.toFixed()).toBe('779.508355');
    expect(fee?.span).toEqual({ start: offset, end: offset + '779.508355'.length, ...positionOf(text, offset) });
  });

  it('point into the traditional-script original of seed 004, labels included', () => {
    const text = seedText('004');
    const reading = read(text);
    const inForce = reading.tables.activeDisclosure?.rows.normativeDocuments;
    expect(spanText(text, inForce?.cells.inForce?.span)).toBe('23');
    expect(inForce?.label).toBe('行政規(guī)范性文件');
    expect(text.slice(0, inForce?.labelSpan?.start).split('\n').length).toBe(inForce?.labelSpan?.line);
    const notHeld = reading.tables.applications?.rows['unableToProvide.notHeld'];
    expect(notHeld?.label).toBe('1.本機關(guān)不掌握相關(guān)政府信息');
    const totalSpan = notHeld?.cells.total?.span;
    expect(spanText(text, totalSpan)).toBe('2');
    expect(text.split('\n')[(totalSpan?.line ?? 0) - 1]).toContain('1.本機關(guān)不掌握相關(guān)政府信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
    expect(reading.tables.applications?.rows['denied.threeSecurities']?.label).toBe('3.危及“三安全一穩(wěn)定”');
  });

  it('keep labels broken over lines and by spaces whole, pinyin and page breaks included (corpus 001, 003)', () => {
    const corpus001 = fixtureText('corpus/001.txt');
    const confirmation = read(corpus001).tables.applications?.rows['notProcessed.confirmation'];
    expect(confirmation?.label).toBe('5.要求行政机关确认或重 新出具\n已获取信息');
    expect(spanText(corpus001, confirmation?.labelSpan)).toBe(confirmation?.label);
    const corpus003 = fixtureText('corpus/003.txt');
    const noCorrection = read(corpus003).tables.applications?.rows['otherHandling.noCorrection'];
    expect(noCorrection?.label).toBe('1、申请人无正当理由逾期不补\n正、行政机关不再处理其政府信\n息公开申请');
    expect(read(seedText('004')).tables.reviews?.rows.review?.label).toBe('行政復(fù)議');
  });
});

describe('formats', () => {
  it('reads no table of a pre-2019 report', () => {
    const source = normalize(seedText('001'));
    expect(readTables(source, { formatVersion: 'pre-2019', sections: locateSections(source) })).toEqual({ tables: {}, unplaced: [] });
  });

  it('reads the 2019 format: tables 三 (with its single （六）其他处理 row) and 四', () => {
    const text = seedText('001').replace(
      /\(六\)其他处理 \| 1\.申请人[^\n]*\n2\.申请人[^\n]*\n3\.其他 [^\n]*\n/,
      '(六)其他处理 | 1 | 0 | 0 | 0 | 0 | 2 | 3 | ||\n',
    );
    expect(text).not.toBe(seedText('001'));
    const reading = read(text, '2019');
    const applications = tableAsFixture(reading.tables.applications, 'applications', '2019');
    expect(applications?.otherHandling).toEqual([1, 0, 0, 0, 0, 2, 3]);
    expect(applications?.concludedTotal).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(Object.keys(applications ?? {})).toHaveLength(23);
    expect(tableAsFixture(reading.tables.reviews, 'reviews', '2019')).toEqual(seedExpectation('001').reviews);
    // The seed's table 二 is the 2021 one, whose rows have fewer cells than the 2019 table's: only its values are left over.
    expect(reading.unplaced.filter((value) => value.table !== 'activeDisclosure')).toEqual([]);
  });

  it('reads 2021 tables the same whether the format was recognised or not (unknown uses the current template)', () => {
    const text = seedText('000');
    const known = read(text, '2021');
    const unknown = read(text, 'unknown');
    expect(unknown.tables).toEqual(known.tables);
  });
});
