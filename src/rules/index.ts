/**
 * The rule catalog and the engine that runs it.
 *
 * @packageDocumentation
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { AnnualReport } from '../model/index.js';
import { applicationsBalance } from './applications-balance.js';
import { applicationsOutcomeTotal } from './applications-outcome-total.js';
import { applicationsRowTotal } from './applications-row-total.js';
import { blankCell } from './blank-cell.js';
import { cellMissing } from './cell-missing.js';
import { countInvalid } from './count-invalid.js';
import { documentUnreadable } from './document-unreadable.js';
import { runRules } from './engine.js';
import type { CheckOptions } from './engine.js';
import { feeStatementMissing } from './fee-statement-missing.js';
import { inForceBelowNet } from './in-force-below-net.js';
import { legacyFormat } from './legacy-format.js';
import { noTextLayer } from './no-text-layer.js';
import { notAReport } from './not-a-report.js';
import { litigationTotal } from './litigation-total.js';
import { periodMissing } from './period-missing.js';
import { reportTruncated } from './report-truncated.js';
import { reviewsTotal } from './reviews-total.js';
import type { Rule, RuleMeta } from './rule.js';
import { sectionMissing } from './section-missing.js';
import { sectionOrder } from './section-order.js';
import { reachedDiagnostics } from './support/reach.js';
import { tableMissing } from './table-missing.js';
import { tablesEmptyRule } from './tables-empty.js';
import { unsupportedCount } from './unsupported-count.js';
import { valueUnplaced } from './value-unplaced.js';

/** Every rule xxgk-lint runs, in the order it runs them (and the docs list them): structure, cells, arithmetic, narrative. */
export const RULES: readonly Rule[] = [
  // Structure
  documentUnreadable,
  noTextLayer,
  notAReport,
  reportTruncated,
  legacyFormat,
  sectionMissing,
  sectionOrder,
  tableMissing,
  periodMissing,
  feeStatementMissing,
  // Cells
  tablesEmptyRule,
  cellMissing,
  valueUnplaced,
  countInvalid,
  blankCell,
  // Arithmetic
  applicationsBalance,
  applicationsOutcomeTotal,
  applicationsRowTotal,
  reviewsTotal,
  litigationTotal,
  inForceBelowNet,
  // Narrative
  unsupportedCount,
];

/** The catalog of rule metadata (id, severity, descriptions, messages, examples): what docs and tools read. */
export const rules: readonly RuleMeta[] = RULES.map((rule) => rule.meta);

/**
 * Checks a typed report against every rule. Never throws: problems in the report, and failures of
 * a rule itself, come back as diagnostics, ordered by their position in the text.
 *
 * @example
 * ```ts
 * const diagnostics = checkReport(report, { rules: { 'section-order': 'off' }, locale: 'en' });
 * ```
 */
export function checkReport(report: AnnualReport, options: CheckOptions = {}): Diagnostic[] {
  // A text that is no report, or stops early, is said so once: what it never reached is not listed.
  return reachedDiagnostics(report, runRules(report, RULES, options));
}

export type { CheckOptions } from './engine.js';
export { ENGINE_DIAGNOSTICS, INTERNAL_ERROR_RULE_ID, INVALID_OPTION_RULE_ID, compareDiagnostics, runRules } from './engine.js';
export type { ExampleCellValue, ExampleMeta, Problem, ProblemRelated, Rule, RuleCategory, RuleContext, RuleExample, RuleMeta } from './rule.js';
export { defineRule } from './rule.js';
export { exampleReport, sampleReport } from './examples.js';
