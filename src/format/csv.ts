import type { Diagnostic } from '../diagnostics/index.js';
import type { FileResult } from './result.js';

/**
 * The CSV columns, in order: one row per finding. `page` (a PDF's) and `cellTable`, `cellRow`,
 * `cellColumn` (the table cell of a web page, Word file or PDF, 1-based as written) come last, so
 * that readers of the earlier columns by position are not broken by them.
 */
export const CSV_COLUMNS = ['file', 'agency', 'year', 'rule', 'severity', 'table', 'row', 'column', 'expected', 'actual', 'line', 'textColumn', 'message', 'page', 'cellTable', 'cellRow', 'cellColumn'] as const;

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A field a
// spreadsheet would take for a formula (=, +, -, @ first) is prefixed with a quote mark, so that
// opening a report's findings can never run one (CSV injection).
/** One CSV field: quoted when needed (RFC 4180), a formula-like text neutralised by a leading quote mark. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(result: FileResult, diagnostic: Diagnostic): string {
  return [
    result.file,
    result.agency,
    result.year,
    diagnostic.ruleId,
    diagnostic.severity,
    diagnostic.table,
    diagnostic.row,
    diagnostic.column,
    diagnostic.expected,
    diagnostic.actual,
    diagnostic.span ? Math.max(1, diagnostic.span.line) : undefined,
    diagnostic.span ? Math.max(1, diagnostic.span.column) : undefined,
    diagnostic.message,
    diagnostic.span?.page,
    diagnostic.span?.cell?.table,
    diagnostic.span?.cell?.row,
    diagnostic.span?.cell?.column,
  ]
    .map(csvField)
    .join(',');
}

/** The CSV header line, preceded by a UTF-8 byte-order mark so that spreadsheets read the Chinese right. */
export function csvHeader(): string {
  return `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
}

/** The CSV rows of one file's findings (CRLF line ends, as RFC 4180 writes them); empty for a clean file. */
export function csvRows(result: FileResult): string {
  return result.diagnostics.map((diagnostic) => `${row(result, diagnostic)}\r\n`).join('');
}

/**
 * Findings as CSV, one row per finding: file, agency, year, rule, severity, table, row, column,
 * expected, actual, line, column in the text, message, then the page and the table cell in the
 * document (see {@link CSV_COLUMNS}). UTF-8 with a byte-order mark, so Excel and
 * WPS open the Chinese right; a file that could not be checked is one row of its fatal diagnostic.
 *
 * @example
 * ```ts
 * writeFileSync('findings.csv', formatCsv([summarize('report.txt', diagnostics)]));
 * ```
 */
export function formatCsv(results: readonly FileResult[]): string {
  // What is not a list of results is formatted as none: a formatter never throws.
  return csvHeader() + (Array.isArray(results) ? results : []).map(csvRows).join('');
}
