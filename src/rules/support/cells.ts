import type { TableKey } from '../../catalog/index.js';
import type { AnnualReport, AnyTable, Cell, Span } from '../../model/index.js';

/** The table of a report, seen generically, or undefined when the report has none. */
export function tableOf(report: AnnualReport, table: TableKey): AnyTable | undefined {
  return report.tables[table] as AnyTable | undefined;
}

/** The cell at a row and column, if the reader found one. */
export function cellAt(table: AnyTable, row: string, column: string): Cell | undefined {
  return (table.rows[row]?.cells as Partial<Record<string, Cell>> | undefined)?.[column];
}

/** A cell's value as text, as a diagnostic shows it. */
export function cellText(cell: Cell | undefined): string | undefined {
  if (!cell) return undefined;
  if (cell.kind === 'count' || cell.kind === 'signed') return String(cell.value);
  if (cell.kind === 'amount') return cell.value.toFixed();
  return cell.text;
}

/** Where a cell was read, falling back to its row label. */
export function cellSpan(table: AnyTable, row: string, column: string): Span | undefined {
  return cellAt(table, row, column)?.span ?? table.rows[row]?.labelSpan ?? table.span;
}
