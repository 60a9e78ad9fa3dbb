import { SECTIONS, TEMPLATES } from '../catalog/index.js';
import type { FormatVersion, TableKey } from '../catalog/index.js';
import type { Cell } from './cell.js';
import { Decimal } from './decimal.js';
import type { AnnualReport, ReportTables } from './report.js';
import type { AnyTable } from './tables.js';

/** A zero for a column of the given unit: count 0, or amount 0 万元. */
const zeroCell = (unit: 'count' | 'wanYuan'): Cell => (unit === 'count' ? { kind: 'count', value: 0 } : { kind: 'amount', value: new Decimal(0) });

/**
 * Builds a table of the given format with every cell of the catalog set to zero — the starting
 * point for building a report in code.
 */
export function createZeroTable(table: TableKey, formatVersion: FormatVersion = '2021'): AnyTable | undefined {
  const definition = TEMPLATES[formatVersion].tables[table];
  if (!definition) return undefined;
  const rows: Record<string, { cells: Record<string, Cell> }> = {};
  for (const row of definition.rows) {
    rows[row.key] = { cells: Object.fromEntries(row.columns.map((column) => [column.key, zeroCell(column.unit)])) };
  }
  return { rows };
}

/** What {@link createReport} needs to know; everything else starts empty or at zero. */
export interface CreateReportOptions {
  /** The reporting year. */
  readonly year?: number;
  /** The agency. */
  readonly agency?: string;
  /** The format version; 2021 by default. */
  readonly formatVersion?: FormatVersion;
}

/**
 * Builds a complete report in code: the six sections with their template headings, and every table
 * of the format with all cells zero. Set cells on it, then check it with `checkReport`.
 */
export function createReport(options: CreateReportOptions = {}): AnnualReport {
  const formatVersion = options.formatVersion ?? '2021';
  const tables: Record<string, AnyTable> = {};
  for (const key of Object.keys(TEMPLATES[formatVersion].tables) as TableKey[]) {
    const table = createZeroTable(key, formatVersion);
    if (table) tables[key] = table;
  }
  return {
    meta: {
      formatVersion,
      ...(options.year !== undefined ? { year: { value: options.year } } : {}),
      ...(options.agency !== undefined ? { agency: { value: options.agency } } : {}),
    },
    sections: SECTIONS.map((section) => ({ key: section.key, heading: `${section.ordinal}、${section.heading}` })),
    tables: tables as ReportTables,
    facts: [],
    unplaced: [],
  };
}

/**
 * Sets one cell of a report, addressed `table.row.column` (e.g. `applications.received.total`):
 * a number is a count, a string a decimal amount, `null` removes the cell. Returns the report.
 */
export function setCell(report: AnnualReport, address: string, value: number | string | null): AnnualReport {
  const [table, ...rest] = address.split('.');
  const column = rest.pop();
  const row = rest.join('.');
  const target = report.tables[table as TableKey] as AnyTable | undefined;
  if (!target || !column || !row) return report;
  const rows = target.rows as Record<string, { cells: Record<string, Cell | undefined> }>;
  const entry = (rows[row] ??= { cells: {} });
  if (value === null) delete entry.cells[column];
  else entry.cells[column] = typeof value === 'number' ? { kind: 'count', value } : { kind: 'amount', value: new Decimal(value) };
  return report;
}
