import type { Locale } from '../diagnostics/index.js';
import type { Span } from '../model/index.js';

/**
 * A span's place as people read it: `12:5` (line and column in the text the spans index), after the
 * page for a PDF (`第 4 页 58:18`, `p. 4 58:18`) and before the table cell for a web page or a Word
 * file (`12:5 （第 2 个表格第 3 行第 4 格）`, `12:5 (table 2, row 3, cell 4)`): a PDF or Word file has
 * no lines of its own, so the page or the cell is what finds the value in it. The HTML report and
 * stylish output name places alike; `brief` (stylish, a column of places) leaves out the cell of a
 * span that has a page, which finds it already. Given no span (a caller's own value), it names no
 * place: an empty string, never an error.
 */
export function spanPlace(span: Pick<Span, 'line' | 'column' | 'page' | 'cell'>, locale: Locale, options: { readonly brief?: boolean } = {}): string {
  if (span === null || typeof span !== 'object') return '';
  const parts = [`${Math.max(1, span.line)}:${Math.max(1, span.column)}`];
  if (span.page !== undefined) parts.unshift(locale === 'en' ? `p. ${span.page}` : `第 ${span.page} 页`);
  if (span.cell !== undefined && !(options.brief === true && span.page !== undefined)) {
    const { table, row, column } = span.cell;
    parts.push(locale === 'en' ? `(table ${table}, row ${row}, cell ${column})` : `（第 ${table} 个表格第 ${row} 行第 ${column} 格）`);
  }
  return parts.join(' ');
}
