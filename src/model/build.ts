import { SECTIONS, TEMPLATES } from '../catalog/index.js';
import type { Unit } from '../catalog/index.js';
import type { ACTIVE_DISCLOSURE_TABLE, ACTIVE_DISCLOSURE_TABLE_2019, APPLICANT_COLUMNS, ApplicationsRowKey, CASE_OUTCOME_COLUMNS, FormatVersion, REVIEWS_TABLE, TableKey } from '../catalog/index.js';
import type { Cell } from './cell.js';
import { Decimal } from './decimal.js';
import type { AnnualReport, ReportTables } from './report.js';
import type { AnyTable } from './tables.js';
import { normalize } from '../read/source.js';
import { cellFor } from '../read/tables/cells.js';

/** A zero for a column of the given unit: count 0, a change of 0, or an amount of 0. */
const zeroCell = (unit: Unit): Cell =>
  unit === 'count' ? { kind: 'count', value: 0 } : unit === 'signedCount' ? { kind: 'signed', value: 0 } : { kind: 'amount', value: new Decimal(0) };

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
  // Options that are not an object (`null`) are the defaults; a format the catalog does not know is 2021.
  const given: CreateReportOptions = typeof options === 'object' && options !== null ? options : {};
  const formatVersion = given.formatVersion !== undefined && Object.hasOwn(TEMPLATES, given.formatVersion) ? given.formatVersion : '2021';
  const tables: Record<string, AnyTable> = {};
  for (const key of Object.keys(TEMPLATES[formatVersion].tables) as TableKey[]) {
    const table = createZeroTable(key, formatVersion);
    if (table) tables[key] = table;
  }
  return {
    meta: {
      formatVersion,
      ...(given.year !== undefined ? { year: { value: given.year } } : {}),
      ...(given.agency !== undefined ? { agency: { value: given.agency } } : {}),
    },
    sections: SECTIONS.map((section) => ({ key: section.key, heading: `${section.ordinal}、${section.heading}` })),
    tables: tables as ReportTables,
    facts: [],
    unplaced: [],
  };
}

/** The addresses of table 二's cells (both formats): each of its rows with that row's own columns. */
export type ActiveDisclosureAddress<
  Row = (typeof ACTIVE_DISCLOSURE_TABLE)['rows'][number] | (typeof ACTIVE_DISCLOSURE_TABLE_2019)['rows'][number],
> = Row extends {
  readonly key: infer Key extends string;
  readonly columns: readonly (infer Column)[];
}
  ? Column extends { readonly key: infer ColumnKey extends string }
    ? `activeDisclosure.${Key}.${ColumnKey}`
    : never
  : never;

/**
 * The address of a cell, `table.row.column` (`applications.received.total`), exactly as the catalog
 * defines the tables (table 三 with its 2019 row too): a typo such as `applications.recieved.total`
 * is a type error.
 */
export type CellAddress =
  | ActiveDisclosureAddress
  | `applications.${ApplicationsRowKey}.${(typeof APPLICANT_COLUMNS)[number]['key']}`
  | `reviews.${(typeof REVIEWS_TABLE)['rows'][number]['key']}.${(typeof CASE_OUTCOME_COLUMNS)[number]['key']}`;

// The unit of each column that is not a count, by table and column key (the keys mean one thing in every format).
const COLUMN_UNITS = new Map<string, Unit>();

// Every cell a report may hold, by table, row and column: the tables of every format together, as the model allows.
const CELL_KEYS: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = (() => {
  const tables = new Map<string, Map<string, string[]>>();
  for (const template of Object.values(TEMPLATES)) {
    for (const [key, definition] of Object.entries(template.tables)) {
      if (!definition) continue;
      const rows = tables.get(key) ?? new Map<string, string[]>();
      tables.set(key, rows);
      for (const row of definition.rows) {
        const columns = rows.get(row.key) ?? [];
        for (const column of row.columns) {
          if (!columns.includes(column.key)) columns.push(column.key);
          if (column.unit !== 'count') COLUMN_UNITS.set(`${key}.${column.key}`, column.unit);
        }
        rows.set(row.key, columns);
      }
    }
  }
  return tables;
})();

/**
 * The rows and columns of a table in the report's own format (a 2021 report's 行政事业性收费 has no
 * 本年增/减), or undefined when that format has no such table.
 */
function formatCellKeys(report: AnnualReport, table: string): ReadonlyMap<string, readonly string[]> | undefined {
  const definition = (TEMPLATES[report.meta?.formatVersion as FormatVersion] ?? TEMPLATES.unknown).tables[table as TableKey];
  return definition ? new Map(definition.rows.map((row) => [row.key, row.columns.map((column) => column.key)])) : undefined;
}

/** What {@link setCell} returns for an address naming no cell of the report's format: an error value, never thrown. */
export interface CellAddressError {
  /** Always `'unknown-cell'`. */
  readonly error: 'unknown-cell';
  /** The address as given. */
  readonly address: string;
  /** Which part names nothing: the table, the row or the column. */
  readonly part: 'table' | 'row' | 'column';
  /** The valid keys for that part (tables of the format, rows of the table, or columns of the row). */
  readonly validKeys: readonly string[];
  /** One line saying so, in English. */
  readonly message: string;
}

/** True when {@link setCell} returned an error rather than the report. */
export const isCellAddressError = (value: AnnualReport | CellAddressError): value is CellAddressError =>
  typeof value === 'object' && value !== null && 'error' in value && value.error === 'unknown-cell';

/**
 * Sets one cell of a report, addressed `table.row.column` (e.g. `applications.received.total`):
 * a number is a count (a signed change in a `本年增/减` column, an exact amount in a fee column), a
 * string is read as the reader reads the text of a cell of that column (see below), `null` removes
 * the cell. Returns the report.
 *
 * A string never throws: `'12'`, `'１２'` and `'0.5'` (in a fee column) are the values they write,
 * `''`, `'—'`, `'/'` and `'无'` blank cells (not zeros), and a text that is no valid value of the
 * column — `'abc'`, `'1,200'` (the reader does not read a thousands separator as one either),
 * `'-1'` or `'2.5'` as a count — an `invalid` cell keeping the text, which `checkReport` reports as
 * `count-invalid`. A number that is not a valid count (`-1`, `2.5`) is kept as given and fails
 * the schema in `checkReport` (`invalid-input`).
 *
 * A literal address is checked by the compiler against {@link CellAddress} (and the result is then
 * the report); an address typed only as `string` may name nothing, and the result is then the
 * report or the error. At run time the address is checked against the
 * catalog too: one naming no table, row or column of it (`applications.recieved.total`, from
 * JavaScript or a string built at run time) changes nothing and returns a {@link CellAddressError}
 * naming the valid keys — it used to create a bogus row silently — and so does one naming a table
 * the report does not have. Never throws.
 */
export function setCell<Address extends string>(
  report: AnnualReport,
  address: Address & (string extends Address ? string : CellAddress),
  value: number | string | null,
): string extends Address ? AnnualReport | CellAddressError : AnnualReport;
export function setCell(report: AnnualReport, address: string, value: number | string | null): AnnualReport | CellAddressError {
  const written = typeof address === 'string' ? address : typeof address === 'symbol' ? 'Symbol' : String(address);
  const fail = (part: CellAddressError['part'], validKeys: readonly string[]): CellAddressError => ({
    error: 'unknown-cell',
    address: written,
    part,
    validKeys,
    message: `setCell: ${written} names no ${part} of the template; valid ${part === 'table' ? 'tables' : part === 'row' ? 'rows' : 'columns'}: ${validKeys.join(', ')}`,
  });
  const [table = '', ...rest] = written.split('.');
  const column = rest.pop() ?? '';
  const row = rest.join('.');
  // What is not a report has no table to set: the valid tables are named, nothing is changed.
  if (typeof report !== 'object' || report === null || typeof report.tables !== 'object' || report.tables === null) return fail('table', [...CELL_KEYS.keys()]);
  const rowKeys = formatCellKeys(report, table) ?? CELL_KEYS.get(table);
  if (!rowKeys) return fail('table', [...CELL_KEYS.keys()]);
  const columnKeys = rowKeys.get(row);
  if (!columnKeys) return fail('row', [...rowKeys.keys()]);
  if (!columnKeys.includes(column)) return fail('column', columnKeys);
  // A table the report does not have (any table of a pre-2019 one) is not made up.
  const tables = report.tables as Record<string, AnyTable | undefined>;
  const target = tables[table];
  if (!target) return fail('table', Object.keys(tables).filter((key) => tables[key] !== undefined));
  const rows = target.rows as Record<string, { cells: Record<string, Cell | undefined> }>;
  const entry = (rows[row] ??= { cells: {} });
  const unit = COLUMN_UNITS.get(`${table}.${column}`) ?? 'count';
  if (value === null || value === undefined) delete entry.cells[column];
  else if (typeof value !== 'string' && typeof value !== 'number') entry.cells[column] = { kind: 'invalid', text: typeof value === 'symbol' ? 'Symbol' : String(value) };
  else if (typeof value === 'string') entry.cells[column] = cellOfText(value, unit);
  else entry.cells[column] = unit === 'signedCount' ? { kind: 'signed', value } : unit === 'count' ? { kind: 'count', value } : amountOf(value);
  return report;
}

/** A number given for an amount column: its exact decimal, or an invalid cell for what is no finite number. */
const amountOf = (value: number): Cell => (Number.isFinite(value) ? { kind: 'amount', value: new Decimal(value) } : { kind: 'invalid', text: String(value) });

/**
 * The cell a text stands for in a column of the given unit, read as the reader reads the text of a
 * table cell: `'１２'` is 12, `'0.5'` an amount, `''` and `'—'` blanks, and what is no valid value
 * for the column (`'abc'`, `'1,200'`, `'2.5'` as a count) an invalid cell keeping the text, which
 * `count-invalid` reports.
 */
function cellOfText(text: string, unit: Unit): Cell {
  const source = normalize(typeof text === 'string' ? text : String(text));
  const normalized = source.text;
  let start = 0;
  let end = normalized.length;
  while (start < end && /\s/u.test(normalized[start] as string)) start++;
  while (end > start && /\s/u.test(normalized[end - 1] as string)) end--;
  if (start === end) return { kind: 'blank', text };
  // Cells set in code have no place in a text: the reader's span is dropped.
  const { span: _span, ...cell } = cellFor(normalized, start, end, source, unit, { start, end, line: 1, column: start + 1 });
  return cell as Cell;
}
