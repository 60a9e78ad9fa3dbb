import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AnnualReportSchema } from '../../src/model/index.js';
import type { AnnualReport } from '../../src/model/index.js';
import type { TableKey } from '../../src/catalog/index.js';
import { parseReport } from '../../src/read/parse.js';
import { fixtureText, seedExpectation, seedText, tableAsFixture, TABLED_SEEDS } from '../support/fixtures.js';

const TABLE_KEYS: TableKey[] = ['activeDisclosure', 'applications', 'reviews'];

/** True when the report validates against the schema in its typed form and in its JSON form. */
function validates(report: AnnualReport): boolean {
  const encoded = AnnualReportSchema.safeEncode(report);
  return encoded.success && AnnualReportSchema.safeParse(encoded.data).success;
}

describe.each(TABLED_SEEDS)('seed %s as published', (id) => {
  const text = seedText(id);
  const expected = seedExpectation(id);
  const report = parseReport(text);

  it('validates against the schema', () => {
    expect(validates(report)).toBe(true);
  });

  it('gives the sections, year, agency, publication date and format of the ground truth', () => {
    expect(report.sections.map((section) => [section.key, section.heading])).toEqual(Object.entries(expected.sections));
    expect(report.meta.year?.value).toBe(expected.year);
    expect(report.meta.agency?.value).toBe(expected.agency);
    expect(report.meta.publishedOn?.value ?? null).toBe(expected.publishedOn);
    expect(report.meta.formatVersion).toBe(expected.formatVersion);
  });

  it('locates sections and facts in the original text', () => {
    for (const section of report.sections) expect(text.slice(section.headingSpan?.start, section.headingSpan?.end)).toBe(section.heading);
    for (const fact of report.facts) expect(text.slice(fact.span?.start, fact.span?.end)).toBe(fact.text);
  });

  // Depends on the table reader (src/read/tables): every cell of every table as hand-encoded.
  it.each(TABLE_KEYS)('reads table %s cell for cell', (table) => {
    expect(tableAsFixture(report.tables[table], table, expected.formatVersion)).toEqual(expected[table]);
  });

  // Depends on the table reader: rows placed by position are marked, and only those.
  it('marks exactly the rows whose labels were lost', () => {
    const inferred = Object.entries(report.tables.applications?.rows ?? {})
      .filter(([, row]) => row?.labelInferred === true)
      .map(([key]) => key);
    expect(inferred.sort()).toEqual([...expected.inferredRowLabels].sort());
  });
});

describe('seed 002 (a pre-2019 report)', () => {
  const report = parseReport(seedText('002'));

  it('is recognised as pre-2019 and has no tables', () => {
    expect(report.meta.formatVersion).toBe('pre-2019');
    expect(report.tables).toEqual({});
    expect(report.unplaced).toEqual([]);
    expect(validates(report)).toBe(true);
  });
});

// INDEX.md's verdicts: the formats it names, and the year column where it states a year.
const FORMAT_VERDICTS: Record<string, string> = {
  '006.txt': '2019',
  '011.txt': 'pre-2019',
  '016.txt': '2019',
  '025.txt': '2019',
  '027.txt': '2019',
  '030.txt': 'pre-2019',
  '031.txt': 'pre-2019',
};
// Reports whose excerpt holds tables in the 2021 layout (INDEX.md: layout and findings columns).
const CURRENT_TABLES = ['001', '002', '003', '004', '005', '010', '014', '015', '018', '019', '020', '021', '023', '024', '026', '028', '029', '032', '033', '040'];

function indexYears(): Map<string, number | undefined> {
  const years = new Map<string, number | undefined>();
  for (const line of fixtureText('corpus/INDEX.md').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const file = cells[1];
    const year = cells[2];
    if (!file || !/^\d{3}\.txt$/u.test(file) || year === undefined) continue;
    years.set(file, /^\d{4}$/u.test(year) ? Number(year) : year.startsWith('unknown') ? undefined : Number.NaN);
  }
  return years;
}

const corpusFiles = readdirSync(fileURLToPath(new URL('../fixtures/corpus/', import.meta.url)))
  .filter((name) => name.endsWith('.txt'))
  .sort();

describe('the corpus', () => {
  const years = indexYears();

  it('is described by INDEX.md, file by file', () => {
    expect([...years.keys()].sort()).toEqual(corpusFiles);
  });

  describe.each(corpusFiles)('%s', (file) => {
    const text = fixtureText(`corpus/${file}`);
    const report = parseReport(text);

    it('parses into a report that validates, spans inside the text', () => {
      expect(validates(report)).toBe(true);
      const spans = [
        ...report.sections.flatMap((section) => [section.span, section.headingSpan]),
        ...report.facts.map((fact) => fact.span),
        report.meta.year?.span,
        report.meta.agency?.span,
        report.meta.publishedOn?.span,
        report.meta.period?.span,
      ];
      for (const span of spans) if (span) expect(span.end).toBeLessThanOrEqual(text.length);
    });

    it('has the year INDEX.md states (none where it says unknown)', () => {
      expect(report.meta.year?.value).toBe(years.get(file));
    });
  });
});

const verdicts = corpusFiles.flatMap((file) => {
  const verdict = FORMAT_VERDICTS[file] ?? (CURRENT_TABLES.includes(file.slice(0, 3)) ? '2021' : undefined);
  return verdict ? [[file, verdict] as const] : [];
});

describe.each(verdicts)('corpus %s', (file, verdict) => {
  it(`is read in the ${verdict} format`, () => {
    expect(parseReport(fixtureText(`corpus/${file}`)).meta.formatVersion).toBe(verdict);
  });
});
