/**
 * The rule catalog and the engine that runs it.
 *
 * @packageDocumentation
 */
import { renderMessage } from '../diagnostics/index.js';
import type { Diagnostic, Localized } from '../diagnostics/index.js';
import { AnnualReportSchema } from '../model/index.js';
import type { AnnualReport } from '../model/index.js';
import { applicationsBalance } from './applications-balance.js';
import { applicationsOutcomeTotal } from './applications-outcome-total.js';
import { applicationsRowTotal } from './applications-row-total.js';
import { blankCell } from './blank-cell.js';
import { carryOverMismatch } from './carry-over-mismatch.js';
import { cellMissing } from './cell-missing.js';
import { countInvalid } from './count-invalid.js';
import { documentUnreadable } from './document-unreadable.js';
import { INVALID_INPUT_RULE_ID, kindOf, runRules, validateOptions } from './engine.js';
import type { CheckOptions } from './engine.js';
import { feeStatementMissing } from './fee-statement-missing.js';
import { inForceBelowNet } from './in-force-below-net.js';
import { inForceDrift } from './in-force-drift.js';
import { itemsBelowZero } from './items-below-zero.js';
import { legacyFormat } from './legacy-format.js';
import { noTextLayer } from './no-text-layer.js';
import { notAReport } from './not-a-report.js';
import { litigationTotal } from './litigation-total.js';
import { numbersRepeated } from './numbers-repeated.js';
import { periodMissing } from './period-missing.js';
import { publishedBelowNew } from './published-below-new.js';
import { publishedLate } from './published-late.js';
import { reportTruncated } from './report-truncated.js';
import { reviewsTotal } from './reviews-total.js';
import type { Rule, RuleMeta, SeriesRule } from './rule.js';
import { sectionMissing } from './section-missing.js';
import { sectionOrder } from './section-order.js';
import { summaryMismatch } from './summary-mismatch.js';
import { tableAsImage } from './table-as-image.js';
import { tableMissing } from './table-missing.js';
import { tablesEmptyRule } from './tables-empty.js';
import { textRepeated } from './text-repeated.js';
import { unsupportedCount } from './unsupported-count.js';
import { valueUnplaced } from './value-unplaced.js';
import { yearMismatch } from './year-mismatch.js';

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
  tableAsImage,
  periodMissing,
  feeStatementMissing,
  publishedLate,
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
  itemsBelowZero,
  publishedBelowNew,
  // Narrative
  unsupportedCount,
];

/**
 * The rules over several reports, run by `checkSeries` and `checkSummary` (not by `checkReport`):
 * year over year, the narrative's own years, and the opt-in summary check.
 */
export const SERIES_RULES: readonly SeriesRule[] = [carryOverMismatch, inForceDrift, numbersRepeated, textRepeated, yearMismatch, summaryMismatch];

/**
 * The catalog of rule metadata (id, severity, descriptions, messages, examples): what docs and tools
 * read — the rules of one report, then the series rules.
 */
export const rules: readonly RuleMeta[] = [...RULES, ...SERIES_RULES].map((rule) => rule.meta);

const SERIES_RULE_IDS: readonly string[] = SERIES_RULES.map((rule) => rule.meta.id);

const REPORT_INVALID: Localized = {
  'zh-CN': '报告对象不符合 schema：{path} 处{problem}',
  en: 'The report object fails the schema at {path}: {problem}',
};
const NOT_A_REPORT_OBJECT: Localized = {
  'zh-CN': '应传入报告对象，而不是 {value}',
  en: 'A report object is expected, not {value}',
};
// A report built by hand can be wrong in many places: the first few say where to look.
const MAX_SCHEMA_ISSUES = 10;

/**
 * The diagnostics of a report object that fails {@link AnnualReportSchema} (in its decoded form:
 * fee amounts as `Decimal`), one per problem, each naming the path (`tables.applications.rows.received.cells.total.value`);
 * empty for a valid report.
 */
export function reportSchemaDiagnostics(report: unknown, locale: CheckOptions['locale'] = 'zh-CN'): Diagnostic[] {
  const language = locale === 'en' ? 'en' : 'zh-CN';
  if (typeof report !== 'object' || report === null || Array.isArray(report)) {
    const args = { value: kindOf(report) };
    return [{ ruleId: INVALID_INPUT_RULE_ID, severity: 'error', messageId: 'not-a-report-object', args, message: renderMessage(NOT_A_REPORT_OBJECT, args, language) }];
  }
  const result = AnnualReportSchema.safeEncode(report as AnnualReport);
  if (result.success) return [];
  return result.error.issues.slice(0, MAX_SCHEMA_ISSUES).map((issue) => {
    const args = { path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)', problem: issue.message };
    return { ruleId: INVALID_INPUT_RULE_ID, severity: 'error', messageId: 'report-invalid', args, message: renderMessage(REPORT_INVALID, args, language) };
  });
}

/**
 * Checks a typed report against every rule. Never throws, on any input: problems in the report,
 * and failures of a rule itself, come back as diagnostics, ordered by their position in the text.
 * The report is validated first: anything that is not a report object, or one that fails
 * {@link AnnualReportSchema} (e.g. `checkReport({})`), gives `invalid-input` error diagnostics naming
 * the path at fault, and the rules are not run on it. Invalid options are reported as
 * `invalid-option` and left at their defaults (see {@link CheckOptions}).
 *
 * @example
 * ```ts
 * const diagnostics = checkReport(report, { rules: { 'section-order': 'off' }, locale: 'en' });
 * ```
 */
export function checkReport(report: AnnualReport, options: CheckOptions = {}): Diagnostic[] {
  const invalid = reportSchemaDiagnostics(report, validateOptions(options).locale);
  if (invalid.length > 0) return [...validateOptions(options).diagnostics, ...invalid];
  return checkReadReport(report, options);
}

/**
 * Checks a report the reader made, valid by construction, without validating it against the schema
 * first: what `checkText` and `checkDocument` use. Never throws.
 */
export function checkReadReport(report: AnnualReport, options: CheckOptions = {}): Diagnostic[] {
  // Options are shared with checkSeries: its rules' ids are known here, though not run.
  return runRules(report, RULES, options, SERIES_RULE_IDS);
}

export type { CheckOptions } from './engine.js';
export {
  DEFAULT_MAX_PER_TABLE,
  ENGINE_DIAGNOSTICS,
  INTERNAL_ERROR_RULE_ID,
  INVALID_INPUT_RULE_ID,
  INVALID_OPTION_RULE_ID,
  TOO_MANY_FINDINGS_RULE_ID,
  compareDiagnostics,
  kindOf,
  runRules,
  validateOptions,
} from './engine.js';
export type {
  ExampleCellValue,
  ExampleMeta,
  PreviousExample,
  Problem,
  ProblemRelated,
  Rule,
  RuleCategory,
  RuleContext,
  RuleExample,
  RuleMeta,
  SeriesReport,
  SeriesRule,
  SeriesRuleContext,
} from './rule.js';
export { defineRule, defineSeriesRule } from './rule.js';
export { examplePrevious, exampleReport, previousSampleReport, sampleReport } from './examples.js';
