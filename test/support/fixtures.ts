import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEMPLATES } from '../../src/catalog/index.js';
import type { TableKey, Unit } from '../../src/catalog/index.js';
import { AnnualReportSchema, Decimal } from '../../src/model/index.js';
import type { AnnualReport, AnyTable, Cell } from '../../src/model/index.js';

/** The seeds with hand-encoded ground truth. */
export const TABLED_SEEDS = ['000', '001', '003', '004'] as const;

/** A cell value as the hand-encoded fixtures write it. */
export type FixtureValue = number | string | null;

/** The hand-encoded ground truth of a seed (test/fixtures/seeds/NNN.expected.json). */
export interface SeedExpectation {
  source: string;
  formatVersion: '2021' | '2019' | 'pre-2019' | 'unknown';
  year: number | null;
  agency: string | null;
  publishedOn: string | null;
  sections: Record<string, string>;
  activeDisclosure: Record<string, FixtureValue[]>;
  applications: Record<string, FixtureValue[]>;
  reviews: Record<string, FixtureValue[]>;
  inferredRowLabels: string[];
}

const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** The text of a fixture file, as published (UTF-8). */
export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** A seed's text. */
export function seedText(id: string): string {
  return fixtureText(`seeds/${id}.txt`);
}

/** A seed's hand-encoded ground truth. */
export function seedExpectation(id: string): SeedExpectation {
  return JSON.parse(fixtureText(`seeds/${id}.expected.json`)) as SeedExpectation;
}

/** The catalog's unit of a column, for turning a fixture value into a cell. */
function cellFromFixture(value: FixtureValue, unit: Unit): Cell {
  if (value === null) return { kind: 'blank', text: '' };
  if (typeof value === 'number') return unit === 'signedCount' ? { kind: 'signed', value } : { kind: 'count', value };
  if ((unit === 'wanYuan' || unit === 'amount') && /^\d+(\.\d+)?$/.test(value)) return { kind: 'amount', value: new Decimal(value) };
  if (['—', '/', '无', '-', '－'].includes(value)) return { kind: 'blank', text: value };
  return { kind: 'invalid', text: value };
}

/** The tables of a seed's ground truth as model tables (no spans), read through the catalog. */
export function expectedTables(expectation: SeedExpectation): AnnualReport['tables'] {
  const template = TEMPLATES[expectation.formatVersion];
  const tables: Record<string, AnyTable> = {};
  for (const key of ['activeDisclosure', 'applications', 'reviews'] as TableKey[]) {
    const definition = template.tables[key];
    const values = expectation[key];
    if (!definition || !values) continue;
    const rows: Record<string, { cells: Record<string, Cell> }> = {};
    for (const row of definition.rows) {
      const rowValues = values[row.key];
      if (!rowValues) continue;
      rows[row.key] = {
        cells: Object.fromEntries(row.columns.map((column, index) => [column.key, cellFromFixture(rowValues[index] ?? null, column.unit)])),
      };
    }
    tables[key] = { rows };
  }
  return tables as AnnualReport['tables'];
}

/** A seed's ground truth as a complete typed report (validated by the schema). */
export function expectedReport(expectation: SeedExpectation): AnnualReport {
  const report: AnnualReport = {
    meta: {
      formatVersion: expectation.formatVersion,
      ...(expectation.year !== null ? { year: { value: expectation.year } } : {}),
      ...(expectation.agency !== null ? { agency: { value: expectation.agency } } : {}),
      ...(expectation.publishedOn !== null ? { publishedOn: { value: expectation.publishedOn } } : {}),
    },
    sections: Object.entries(expectation.sections).map(([key, heading]) => ({ key: key as never, heading })),
    tables: expectedTables(expectation),
    facts: [],
    unplaced: [],
  };
  // Round-trip through the JSON form so the fixture is proven valid against the schema.
  return AnnualReportSchema.parse(AnnualReportSchema.encode(report));
}

/** A table's cells as the fixtures write them (arrays in catalog column order), for comparing with ground truth. */
export function tableAsFixture(table: AnyTable | undefined, tableKey: TableKey, formatVersion: SeedExpectation['formatVersion']): Record<string, FixtureValue[]> | undefined {
  const definition = TEMPLATES[formatVersion].tables[tableKey];
  if (!table || !definition) return undefined;
  const result: Record<string, FixtureValue[]> = {};
  for (const row of definition.rows) {
    const found = table.rows[row.key];
    if (!found) continue;
    result[row.key] = row.columns.map((column) => {
      const cell = (found.cells as Partial<Record<string, Cell>>)[column.key];
      if (!cell) return null;
      if (cell.kind === 'count' || cell.kind === 'signed') return cell.value;
      if (cell.kind === 'amount') return cell.value.toFixed();
      return cell.kind === 'blank' && cell.text === '' ? null : cell.text;
    });
  }
  return result;
}
