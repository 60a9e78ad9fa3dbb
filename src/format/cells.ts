import { TEMPLATES } from '../catalog/index.js';
import type { ColumnDefinition, TableDefinition, TableKey } from '../catalog/index.js';
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
 * Every cell of the template the report follows — found, blank, invalid or missing — then every
 * cell the report holds outside it (a row of another format left in, such as the one-row 2019
 * （六）其他处理 in a 2021 report), and every number the reader could not place, as flat records:
 * what researchers load into a spreadsheet or a dataframe across thousands of reports. Cells come
 * in the template's order.
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
  const tableKeys = new Set([...(Object.keys(template.tables) as TableKey[]), ...(Object.keys(report.tables) as TableKey[])]);
  for (const key of tableKeys) {
    const definition = template.tables[key] as TableDefinition | undefined;
    const table = report.tables[key] as AnyTable | undefined;
    // The labels in the format's wording; a row outside the template (of another format) is named by
    // the format it comes from.
    const labels = tableLabelsIn(key, report.meta.formatVersion);
    const templateRows = new Set(definition?.rows.map((row) => row.key));
    const rowKeys = [...templateRows, ...Object.keys(table?.rows ?? {}).filter((rowKey) => !templateRows.has(rowKey))];
    for (const rowKey of rowKeys) {
      const found = table?.rows[rowKey];
      const defined = labels?.rows.get(rowKey);
      // The labels without ordinal marks: what a spreadsheet sorts and filters by.
      const rowLabel = defined?.plain[locale] ?? '';
      const columns: readonly ColumnDefinition[] = defined?.definition.columns ?? [];
      const columnKeys = new Set(columns.map((column) => column.key));
      const cellKeys = [...columnKeys, ...Object.keys(found?.cells ?? {}).filter((columnKey) => !columnKeys.has(columnKey))];
      for (const columnKey of cellKeys) {
        const cell = found?.cells[columnKey];
        const columnLabel = columnKeys.has(columnKey) ? (labels?.columns.get(columnKey)?.label[locale] ?? '') : '';
        const place = { ...common, table: key, rowKey, rowLabel, columnKey, columnLabel, inferred: found?.labelInferred === true };
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
