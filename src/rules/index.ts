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
import { runRules } from './engine.js';
import type { CheckOptions } from './engine.js';
import { litigationTotal } from './litigation-total.js';
import { reviewsTotal } from './reviews-total.js';
import type { Rule, RuleMeta } from './rule.js';

/** Every rule xxgk-lint runs, in the order it runs them. */
export const RULES: readonly Rule[] = [applicationsBalance, applicationsOutcomeTotal, applicationsRowTotal, reviewsTotal, litigationTotal];

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
  return runRules(report, RULES, options);
}

export type { CheckOptions } from './engine.js';
export { INTERNAL_ERROR_RULE_ID, INVALID_OPTION_RULE_ID, compareDiagnostics, runRules } from './engine.js';
export type { Problem, ProblemRelated, Rule, RuleCategory, RuleContext, RuleExample, RuleMeta } from './rule.js';
export { defineRule } from './rule.js';
export { exampleReport, sampleReport } from './examples.js';
