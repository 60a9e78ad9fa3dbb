/**
 * What a text never reached is not reported one by one: for a text that is not a report, only
 * `not-a-report` (and the engine's own diagnostics) remain; for a truncated one, the findings about
 * sections, tables and rows after the point where it stops are left out — `report-truncated` says
 * it once.
 *
 * @packageDocumentation
 */
import { TABLE_SECTIONS, TEMPLATES } from '../../catalog/index.js';
import type { TableKey } from '../../catalog/index.js';
import type { Diagnostic } from '../../diagnostics/index.js';
import type { AnnualReport } from '../../model/index.js';
import { ENGINE_DIAGNOSTICS } from '../engine.js';

// Findings about sections and tables the text never reached.
const STRUCTURE_RULES = new Set(['section-missing', 'table-missing', 'fee-statement-missing']);
// Findings about rows of the table the text stops in, at the cut and after it.
const ROW_RULES = new Set(['cell-missing', 'value-unplaced', 'blank-cell', 'count-invalid']);
const ENGINE_IDS = new Set(ENGINE_DIAGNOSTICS.map((diagnostic) => diagnostic.id));

/** The diagnostics a report's text reached (all of them for a whole report). */
export function reachedDiagnostics(report: AnnualReport, diagnostics: Diagnostic[]): Diagnostic[] {
  const completeness = report.completeness;
  if (!completeness) return diagnostics;
  if (completeness.verdict === 'not-a-report') return diagnostics.filter((diagnostic) => diagnostic.ruleId === 'not-a-report' || ENGINE_IDS.has(diagnostic.ruleId));
  const template = TEMPLATES[report.meta.formatVersion];
  const sectionOrder = (key: unknown): number => template.sections.indexOf(key as never);
  const cutSection = sectionOrder(completeness.section);
  // A table the format does not have stands in no section.
  const tableSection = (table: string): number => (template.tables[table as TableKey] ? sectionOrder(TABLE_SECTIONS[table as TableKey]) : -1);
  const cutTable = completeness.table;
  const rows = cutTable ? (template.tables[cutTable]?.rows.map((row) => row.key) ?? []) : [];
  const cutRow = completeness.row !== undefined ? rows.indexOf(completeness.row) : -1;
  const unreachedRow = (table: string | undefined, row: string | undefined): boolean => {
    if (table === undefined) return false;
    if (tableSection(table) > cutSection) return true;
    if (table !== cutTable) return false;
    // A table the text cut before any row could be read.
    if (row === undefined) return cutRow === 0;
    if (cutRow < 0) return false;
    const index = rows.indexOf(row);
    // A group printed as one row ("otherHandling") stands where its first row does.
    const at = index >= 0 ? index : rows.findIndex((key) => key.startsWith(`${row}.`));
    return at >= cutRow;
  };
  return diagnostics.filter((diagnostic) => {
    if (STRUCTURE_RULES.has(diagnostic.ruleId)) {
      if (diagnostic.ruleId === 'fee-statement-missing') return false;
      if (diagnostic.ruleId === 'section-missing') return sectionOrder(diagnostic.args.section) <= cutSection;
      return diagnostic.table === undefined || tableSection(diagnostic.table) < cutSection || (diagnostic.table !== cutTable && tableSection(diagnostic.table) <= cutSection);
    }
    if (ROW_RULES.has(diagnostic.ruleId)) return !unreachedRow(diagnostic.table, diagnostic.row);
    return true;
  });
}
