/**
 * Whether a text is a whole report: not a report at all (no section heading and no table of the
 * template: an index page, "hello world", an empty file), or a report that stops before its end
 * (an excerpt, a page cut off) — and then where it stops: in which section, before or inside
 * which table, at which row. The rules report that once instead of everything the text never reached.
 *
 * @packageDocumentation
 */
import { TABLE_SECTIONS, TEMPLATES } from '../catalog/index.js';
import type { FormatVersion, TableKey } from '../catalog/index.js';
import type { AnyTable, Completeness, ReportMeta, ReportTables } from '../model/index.js';
import type { ReportStructure } from './sections.js';
import type { SourceText } from './source.js';

/** How many of the text's last characters the finding points at. */
const STOP_SPAN = 1;

/**
 * The completeness of a read report, or undefined for a whole report (and for the pre-2019 style,
 * whose sections are not modelled). Never throws.
 */
export function readCompleteness(
  source: SourceText,
  structure: ReportStructure,
  formatVersion: FormatVersion,
  tables: ReportTables,
  meta: Pick<ReportMeta, 'period'> = {},
): Completeness | undefined {
  const template = TEMPLATES[formatVersion];
  if (template.sections.length === 0) return undefined;
  const text = source.text;
  let end = Math.min(structure.reportEnd, text.length);
  while (end > 0 && /\s/u.test(text[end - 1] as string)) end--;
  const span = source.span(Math.max(0, end - STOP_SPAN), end);
  const anyTable = Object.values(tables).some((table) => table !== undefined && Object.keys((table as AnyTable).rows).length > 0);
  // A statistics period ("统计期限自…") is written in reports only: such a text is a report, however short.
  if (structure.sections.length === 0 && !anyTable && meta.period === undefined) return { verdict: 'not-a-report', span };
  // A closing date under a signature ends a report, whatever sections it lacks (section-missing says which).
  if (structure.signature) return undefined;
  const order = (key: string): number => template.sections.indexOf(key as never);
  let last = -1;
  for (const section of structure.sections) last = Math.max(last, order(section.key));
  if (last < 0 || last === template.sections.length - 1) return undefined;
  const section = template.sections[last];
  if (section === undefined) return undefined;
  const result: Completeness = { verdict: 'truncated', section, span };
  const entry = Object.entries(template.tables).find(([tableKey]) => TABLE_SECTIONS[tableKey as TableKey] === section);
  if (!entry) return result;
  const [tableKey, definition] = entry as [TableKey, NonNullable<(typeof template.tables)[TableKey]>];
  const table = tables[tableKey] as AnyTable | undefined;
  result.table = tableKey;
  if (!table) return result;
  // The last row the text reached; the cut is there when that row is not whole, else just after it.
  let lastRead = -1;
  definition.rows.forEach((row, index) => {
    if (table.rows[row.key]) lastRead = index;
  });
  const lastRow = definition.rows[lastRead];
  if (lastRead === definition.rows.length - 1 && lastRow && lastRow.columns.every((column) => table.rows[lastRow.key]?.cells[column.key] != null)) {
    return result;
  }
  const whole = lastRow !== undefined && lastRow.columns.every((column) => table.rows[lastRow.key]?.cells[column.key] != null);
  const cut = definition.rows[whole ? lastRead + 1 : Math.max(0, lastRead)];
  if (cut) result.row = cut.key;
  return result;
}
