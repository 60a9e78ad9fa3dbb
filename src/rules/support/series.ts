import type { TableKey } from '../../catalog/index.js';
import type { Localized } from '../../diagnostics/index.js';
import type { Span } from '../../model/index.js';
import type { ProblemRelated, SeriesReport } from '../rule.js';
import { cellAt, cellSpan, cellText, tableOf } from './cells.js';

/** A count cell of a report, when it holds a whole count. */
export function countIn(entry: SeriesReport, table: TableKey, row: string, column: string): number | undefined {
  const found = tableOf(entry.report, table);
  const cell = found ? cellAt(found, row, column) : undefined;
  return cell?.kind === 'count' && Number.isSafeInteger(cell.value) ? cell.value : undefined;
}

/** Where a cell of a report was read (its label or table when the cell has no span). */
export function spanOf(entry: SeriesReport, table: TableKey, row: string, column: string): Span | undefined {
  const found = tableOf(entry.report, table);
  return found ? cellSpan(found, row, column) : undefined;
}

/** A cell of last year's report as a related location, in its file. */
export function previousCell(previous: SeriesReport, uri: string, message: Localized, table: TableKey, row: string, column: string, args: Readonly<Record<string, string | number>> = {}): ProblemRelated {
  const found = tableOf(previous.report, table);
  const cell = found ? cellAt(found, row, column) : undefined;
  const value = cellText(cell);
  const span = spanOf(previous, table, row, column);
  return { message, args: { row, column, ...args }, table, row, column, uri, ...(value !== undefined ? { value } : {}), ...(span ? { span } : {}) };
}

/** The reporting year of a report, when known. */
export const yearOf = (entry: SeriesReport): number | undefined => entry.report.meta.year?.value;
