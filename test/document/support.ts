import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import type { AnnualReport, AnyTable, Cell } from '../../src/model/index.js';
import { expectedTables } from '../support/fixtures.js';
import type { SeedExpectation } from '../support/fixtures.js';

/** The bytes of a fixture of test/fixtures/documents. */
export function documentBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url))));
}

/** A corpus report's true cells (test/fixtures/documents/truth/NNN.json): `table → row → column → value`. */
export function truthOf(id: string): Record<string, Record<string, Record<string, string>>> {
  return (JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/documents/truth/${id}.json`, import.meta.url)), 'utf8')) as { tables: Record<string, Record<string, Record<string, string>>> }).tables;
}

/** A cell's value as the truth files write it (`"7730.28"`), or its kind and text for a cell with no number. */
export function cellValue(cell: Cell | undefined): string | undefined {
  if (!cell) return undefined;
  if (cell.kind === 'count' || cell.kind === 'signed') return String(cell.value);
  if (cell.kind === 'amount') return cell.value.toFixed();
  return `${cell.kind}:${cell.text}`;
}

/** The report's cell at `table.row.column`. */
export function cellOf(report: AnnualReport, table: string, row: string, column: string): Cell | undefined {
  return ((report.tables as Record<string, AnyTable | undefined>)[table]?.rows[row]?.cells as Partial<Record<string, Cell>> | undefined)?.[column];
}

/** The findings of a check that a person acts on: errors and warnings, as `rule@page`. */
export const findings = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').map((diagnostic) => diagnostic.ruleId);

/** Every cell of the report equals the seed's ground truth (values only; the spans are checked apart). */
export function expectSeedCells(report: AnnualReport, expectation: SeedExpectation): void {
  const expected = expectedTables(expectation) as Record<string, AnyTable | undefined>;
  let compared = 0;
  for (const [table, definition] of Object.entries(expected)) {
    for (const [row, { cells }] of Object.entries(definition?.rows ?? {}) as [string, { cells: Record<string, Cell> }][]) {
      for (const [column, cell] of Object.entries(cells)) {
        expect(cellValue(cellOf(report, table, row, column)), `${table}.${row}.${column}`).toBe(cellValue(cell));
        compared++;
      }
    }
  }
  // Table 二 has 6 rows (3 + 3 × 1 … 10 cells), 三 25 × 7, 四 3 × 5: 200 cells in all.
  expect(compared).toBe(200);
}
