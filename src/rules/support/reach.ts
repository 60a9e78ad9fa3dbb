/**
 * What a report whose reading failed still gets — decided here, once, for every rule; the engine
 * asks before running a rule and before keeping each of its findings, so the rules themselves never
 * check whether they should speak:
 * - a document its front-end could not read (`document-unreadable`, `no-text-layer`): the rules
 *   that would report every section, table and row as missing stay silent;
 * - statistics tables left entirely blank (`tables-empty`): the rules about rows, cells and sums
 *   stay silent;
 * - a text that is not a report (`not-a-report`): only that rule speaks;
 * - a truncated text (`report-truncated`): the findings about sections, tables and rows after the
 *   point where it stops are left out, and so are the notes whose every cell lies there.
 *
 * The engine's own diagnostics (invalid options, internal errors, too many findings) are not a
 * rule's findings and always remain.
 *
 * @packageDocumentation
 */
import { TABLE_SECTIONS } from '../../catalog/index.js';
import type { TableKey, Template } from '../../catalog/index.js';
import type { AnnualReport } from '../../model/index.js';
import type { Problem } from '../rule.js';
import { documentUnread, tablesEmpty } from './document.js';

// Findings about every section and table as missing: the document's problem is reported once instead.
const SILENT_WHEN_UNREAD: ReadonlySet<string> = new Set(['section-missing', 'table-missing', 'fee-statement-missing', 'period-missing', 'cell-missing']);
// Findings per row, cell or sum of tables with not one value: tables-empty says it once instead.
const SILENT_WHEN_EMPTY: ReadonlySet<string> = new Set([
  'cell-missing',
  'blank-cell',
  'applications-balance',
  'applications-outcome-total',
  'applications-row-total',
  'reviews-total',
  'litigation-total',
]);
// Of a text that is not a report, only this is said.
const NOT_A_REPORT_RULE = 'not-a-report';
// Findings about rows of the table the text stops in, at the cut and after it.
const ROW_RULES: ReadonlySet<string> = new Set(['cell-missing', 'value-unplaced', 'blank-cell', 'count-invalid']);

/** What of a report the rules may speak about. */
export interface Reach {
  /** Whether a rule has nothing to say of this report at all (the engine does not run it). */
  silent(ruleId: string): boolean;
  /** Whether a finding of a rule that runs is about what the text reached. */
  reached(ruleId: string, problem: Problem): boolean;
}

const EVERYTHING: Reach = { silent: () => false, reached: () => true };

/** What the rules may speak about of a report, checked against `template` (its format's). */
export function reachOf(report: AnnualReport, template: Template): Reach {
  try {
    return reachOfReport(report, template);
  } catch {
    // A report built in code may break what this reads (a table without rows): then every rule
    // runs, and each one that fails on it is reported as an internal error of its own.
    return EVERYTHING;
  }
}

function reachOfReport(report: AnnualReport, template: Template): Reach {
  const unread = documentUnread(report);
  const empty = tablesEmpty(report, template);
  const completeness = report.completeness;
  if (!unread && !empty && !completeness) return EVERYTHING;
  if (completeness?.verdict === 'not-a-report') return { silent: (ruleId) => ruleId !== NOT_A_REPORT_RULE, reached: () => true };
  const silent = (ruleId: string): boolean => (unread && SILENT_WHEN_UNREAD.has(ruleId)) || (empty && SILENT_WHEN_EMPTY.has(ruleId));
  if (completeness?.verdict !== 'truncated') return { silent, reached: () => true };

  const sectionOrder = (key: unknown): number => template.sections.indexOf(key as never);
  const cutSection = sectionOrder(completeness.section);
  const cutTable = completeness.table;
  const tableSection = (table: string): number => sectionOfTable(template, table);
  const unreachedRow = unreachedRowOf(report, template);
  return {
    // A text that stops early cannot be faulted for a fee statement it may have had further on.
    silent: (ruleId) => silent(ruleId) || ruleId === 'fee-statement-missing',
    reached(ruleId, problem) {
      if (ruleId === 'section-missing') return sectionOrder(problem.args?.section) <= cutSection;
      if (ruleId === 'table-missing') {
        return problem.table === undefined || tableSection(problem.table) < cutSection || (problem.table !== cutTable && tableSection(problem.table) <= cutSection);
      }
      if (ROW_RULES.has(ruleId)) return !unreachedRow(problem.table, problem.row);
      // A note about cells (a stated count with no cell to compare) names them as its related
      // places: when the text reached none of them, the cut says it.
      if (problem.row === undefined && problem.related !== undefined && problem.related.length > 0) {
        return !problem.related.every((place) => place.row !== undefined && unreachedRow(place.table, place.row));
      }
      return true;
    },
  };
}

// A table the format does not have stands in no section.
function sectionOfTable(template: Template, table: string): number {
  return template.tables[table as TableKey] ? template.sections.indexOf(TABLE_SECTIONS[table as TableKey] as never) : -1;
}

const NOTHING_UNREACHED = (): boolean => false;

/**
 * Whether a row of a table lies at or after the point where a truncated text stops (a row of a
 * later section, or of the table the text stops in from the row it stops at) — so nothing can be
 * said of its cells but that the text never reached them. Always false for a text that is not
 * truncated. Exported for the notes that count cells (a sum that cannot be checked), which leave
 * out the cells the text never reached rather than count them as blank.
 */
export function unreachedRowOf(report: AnnualReport, template: Template): (table: string | undefined, row: string | undefined) => boolean {
  const completeness = report.completeness;
  if (completeness?.verdict !== 'truncated') return NOTHING_UNREACHED;
  const cutSection = template.sections.indexOf(completeness.section as never);
  const cutTable = completeness.table;
  const rows = cutTable ? (template.tables[cutTable]?.rows.map((row) => row.key) ?? []) : [];
  const cutRow = completeness.row !== undefined ? rows.indexOf(completeness.row) : -1;
  return (table, row) => {
    if (table === undefined) return false;
    if (sectionOfTable(template, table) > cutSection) return true;
    if (table !== cutTable) return false;
    // A table the text cut before any row could be read.
    if (row === undefined) return cutRow === 0;
    if (cutRow < 0) return false;
    const index = rows.indexOf(row);
    // A group printed as one row ("otherHandling") stands where its first row does.
    const at = index >= 0 ? index : rows.findIndex((key) => key.startsWith(`${row}.`));
    return at >= cutRow;
  };
}
