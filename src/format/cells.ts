import { TEMPLATES } from '../catalog/index.js';
import type { TableKey } from '../catalog/index.js';
import { tableLabelsIn } from '../diagnostics/index.js';
import type { Locale } from '../diagnostics/index.js';
import type { AnnualReport, AnyTable } from '../model/index.js';
import { csvField } from './csv.js';

/** What a cell of the template holds in a report. */
export type CellStatus = 'count' | 'signed' | 'amount' | 'blank' | 'invalid' | 'missing' | 'ambiguous' | 'unplaced';

/** One cell of a report's statistics tables (or a number the reader could not place), as a flat record. */
export interface CellRecord {
  /** The file, as the user named it. */
  readonly file: string;
  /** The agency the report names, when found. */
  readonly agency?: string;
  /** The reporting year, when found. */
  readonly year?: number;
  /** The format the report follows (`2021`, `2019`…). */
  readonly format: string;
  /** The table key. */
  readonly table: TableKey | '';
  /** The row key (empty for a number the reader could not place in any row). */
  readonly rowKey: string;
  /** The row's label in the template, in the locale. */
  readonly rowLabel: string;
  /** The column key (empty for a number the reader could not place). */
  readonly columnKey: string;
  /** The column's label in the template, in the locale. */
  readonly columnLabel: string;
  /**
   * The value: a count as a number, an amount as its exact decimal text, a blank's or an invalid
   * cell's text as written; absent for a missing cell.
   */
  readonly value?: number | string;
  /** `count`, `amount`, `blank`, `invalid`, `missing` — or, for a number not placed in a cell, `ambiguous` or `unplaced`. */
  readonly status: CellStatus;
  /** True when the reader placed the row by its position, its label lost in the report. */
  readonly inferred: boolean;
  /** 1-based line of the value in the text, when known. */
  readonly line?: number;
}

/**
 * Every cell of the template the report follows — found, blank, invalid or missing — and every
 * number the reader could not place, as flat records: what researchers load into a spreadsheet or
 * a dataframe across thousands of reports. Cells come in the template's order.
 */
export function reportCells(file: string, report: AnnualReport, locale: Locale = 'zh-CN'): CellRecord[] {
  const template = TEMPLATES[report.meta.formatVersion];
  const common = {
    file,
    ...(report.meta.agency !== undefined ? { agency: report.meta.agency.value } : {}),
    ...(report.meta.year !== undefined ? { year: report.meta.year.value } : {}),
    format: report.meta.formatVersion,
  };
  const records: CellRecord[] = [];
  for (const [key, definition] of Object.entries(template.tables) as [TableKey, NonNullable<(typeof template.tables)[TableKey]>][]) {
    const table = report.tables[key] as AnyTable | undefined;
    const labels = tableLabelsIn(key, report.meta.formatVersion);
    for (const row of definition.rows) {
      const found = table?.rows[row.key];
      // The labels without ordinal marks, in the format's wording: what a spreadsheet sorts and filters by.
      const rowLabel = labels?.rows.get(row.key)?.plain[locale] ?? row.key;
      for (const column of row.columns) {
        const cell = found?.cells[column.key];
        const columnLabel = labels?.columns.get(column.key)?.label[locale] ?? column.key;
        const place = { ...common, table: key, rowKey: row.key, rowLabel, columnKey: column.key, columnLabel, inferred: found?.labelInferred === true };
        if (!cell) {
          records.push({ ...place, status: 'missing' });
          continue;
        }
        const value = cell.kind === 'count' || cell.kind === 'signed' ? cell.value : cell.kind === 'amount' ? cell.value.toFixed() : cell.text;
        records.push({ ...place, value, status: cell.kind, ...(cell.span ? { line: cell.span.line } : {}) });
      }
    }
  }
  for (const unplaced of report.unplaced) {
    records.push({
      ...common,
      table: unplaced.table ?? '',
      rowKey: unplaced.row ?? '',
      rowLabel: '',
      columnKey: '',
      columnLabel: '',
      value: unplaced.text,
      status: unplaced.reason === 'ambiguous' ? 'ambiguous' : 'unplaced',
      inferred: false,
      ...(unplaced.span ? { line: unplaced.span.line } : {}),
    });
  }
  return records;
}

/** The columns of the cells CSV, in order. */
export const CELL_COLUMNS = ['file', 'agency', 'year', 'format', 'table', 'rowKey', 'rowLabel', 'columnKey', 'columnLabel', 'value', 'status', 'inferred', 'line'] as const;

/** The cells CSV header, after a UTF-8 byte-order mark (spreadsheets then read the Chinese right). */
export function cellsCsvHeader(): string {
  return `\uFEFF${CELL_COLUMNS.join(',')}\r\n`;
}

/** Cell records as CSV rows (CRLF line ends). */
export function cellsCsvRows(records: readonly CellRecord[]): string {
  return records.map((record) => `${CELL_COLUMNS.map((column) => csvField(record[column] === undefined ? undefined : typeof record[column] === 'boolean' ? String(record[column]) : record[column])).join(',')}\r\n`).join('');
}
