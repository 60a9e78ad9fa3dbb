import { TEMPLATES } from '../catalog/index.js';
import { renderMessage } from '../diagnostics/index.js';
import type { Diagnostic, Locale, Localized, MessageArgs, RelatedLocation, RuleLevel, Severity } from '../diagnostics/index.js';
import type { AnnualReport } from '../model/index.js';
import type { Problem, Rule } from './rule.js';

/** Options of {@link checkReport}. */
export interface CheckOptions {
  /** Per-rule level, as in ESLint: `{ 'section-order': 'off', 'fee-statement-missing': 'error' }`. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /** Language of the messages; Chinese by default. */
  readonly locale?: Locale;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The id of the diagnostic reported when a rule itself fails. */
export const INTERNAL_ERROR_RULE_ID = 'internal-error';
/** The id of the diagnostic reported for an option naming no known rule or level. */
export const INVALID_OPTION_RULE_ID = 'invalid-option';

/** The diagnostics the engine itself reports (not a rule's): what docs and SARIF say of them. */
export const ENGINE_DIAGNOSTICS: readonly { readonly id: string; readonly description: Localized; readonly category: 'engine' }[] = [
  {
    id: INTERNAL_ERROR_RULE_ID,
    description: {
      'zh-CN': '某条规则或读取阶段内部出错，未能完成；报告的这一部分没有检查。这是 xxgk-lint 的缺陷，请报告。',
      en: 'A rule or a stage of the reader failed internally and did not finish; that part of the report was not checked. This is a defect of xxgk-lint: please report it.',
    },
    category: 'engine',
  },
  {
    id: INVALID_OPTION_RULE_ID,
    description: {
      'zh-CN': '配置指定了不存在的规则或无效的级别。',
      en: 'The configuration names an unknown rule or an invalid level.',
    },
    category: 'engine',
  },
];

const INTERNAL_ERROR: Localized = {
  'zh-CN': '规则 {rule} 内部出错，未能完成检查：{error}',
  en: 'Rule {rule} failed internally and did not finish: {error}',
};
const READER_FAILURE: Localized = {
  'zh-CN': '读取报告时{stage}阶段内部出错，相关内容未能读取：{error}',
  en: 'The reader failed internally at the {stage} stage; that part of the report was not read: {error}',
};
const UNKNOWN_RULE: Localized = {
  'zh-CN': '配置中的规则 {rule} 不存在',
  en: 'The configuration names an unknown rule: {rule}',
};
const UNKNOWN_LEVEL: Localized = {
  'zh-CN': '规则 {rule} 的级别 {level} 无效（应为 off、info、warning 或 error）',
  en: 'Rule {rule} has an invalid level {level} (expected off, info, warning or error)',
};

const LEVELS: ReadonlySet<string> = new Set(['off', 'info', 'warning', 'error']);

/** Orders diagnostics by position in the text (those without a position last), then by rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const at = a.span?.start ?? Number.MAX_SAFE_INTEGER;
  const bt = b.span?.start ?? Number.MAX_SAFE_INTEGER;
  return at - bt || a.ruleId.localeCompare(b.ruleId);
}

function optionDiagnostic(messageId: string, template: Localized, args: Record<string, string>, locale: Locale): Diagnostic {
  return { ruleId: INVALID_OPTION_RULE_ID, severity: 'error', messageId, args, message: renderMessage(template, args, locale) };
}

/**
 * Runs rules over a typed report. Never throws on any report: a rule that fails becomes an
 * `internal-error` diagnostic and the other rules still run. Options may configure the rules given
 * and those in `alsoKnown` (rules run elsewhere, such as the series rules); any other id is an
 * `invalid-option`.
 */
export function runRules(report: AnnualReport, rules: readonly Rule[], options: CheckOptions = {}, alsoKnown: Iterable<string> = []): Diagnostic[] {
  const locale: Locale = options.locale ?? 'zh-CN';
  const configured = options.rules ?? {};
  const diagnostics: Diagnostic[] = [];
  const known = new Set([...rules.map((rule) => rule.meta.id), ...alsoKnown]);
  for (const [id, level] of Object.entries(configured)) {
    if (!known.has(id)) diagnostics.push(optionDiagnostic('unknown-rule', UNKNOWN_RULE, { rule: id }, locale));
    else if (!LEVELS.has(level)) diagnostics.push(optionDiagnostic('unknown-level', UNKNOWN_LEVEL, { rule: id, level: String(level) }, locale));
  }
  for (const failure of report.readerFailures ?? []) {
    const args = { stage: failure.stage, error: failure.message };
    diagnostics.push({
      ruleId: INTERNAL_ERROR_RULE_ID,
      severity: 'error',
      messageId: 'reader-failure',
      args,
      message: renderMessage(READER_FAILURE, args, locale),
    });
  }
  const template = TEMPLATES[report.meta.formatVersion] ?? TEMPLATES.unknown;
  for (const rule of rules) {
    const level = configured[rule.meta.id];
    const severity: RuleLevel = level !== undefined && LEVELS.has(level) ? level : rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const report_ = (problem: Problem): void => {
      diagnostics.push(toDiagnostic(rule, problem, severity, locale));
    };
    try {
      rule.check(report, { template, report: report_ });
    } catch (error) {
      const args = { rule: rule.meta.id, error: error instanceof Error ? error.message : String(error) };
      diagnostics.push({
        ruleId: INTERNAL_ERROR_RULE_ID,
        severity: 'error',
        messageId: INTERNAL_ERROR_RULE_ID,
        args,
        message: renderMessage(INTERNAL_ERROR, args, locale),
      });
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

const NO_ARGS: MessageArgs = {};

function toDiagnostic(rule: Rule, problem: Problem, ruleSeverity: Severity, locale: Locale): Diagnostic {
  const template = rule.meta.messages[problem.messageId];
  if (!template) throw new Error(`rule ${rule.meta.id} has no message '${problem.messageId}'`);
  const severity =
    problem.severity && SEVERITY_RANK[problem.severity] < SEVERITY_RANK[ruleSeverity] ? problem.severity : ruleSeverity;
  const args = problem.table && problem.args?.table === undefined ? { ...problem.args, table: problem.table } : { ...problem.args };
  // Faulty reports yield many diagnostics, each with related places: the objects are built by
  // assignment (optional properties in the same order as before) rather than by spreading
  // conditional literals, which allocates a temporary object per property.
  const related: RelatedLocation[] | undefined = problem.related?.map((place) => {
    const location: Writable<RelatedLocation> = {
      message: renderMessage(place.message, place.args ?? NO_ARGS, locale, place.table),
    };
    if (place.table !== undefined) location.table = place.table;
    if (place.row !== undefined) location.row = place.row;
    if (place.column !== undefined) location.column = place.column;
    if (place.value !== undefined) location.value = place.value;
    if (place.span !== undefined) location.span = place.span;
    if (place.uri !== undefined) location.uri = place.uri;
    return location;
  });
  const diagnostic: Writable<Diagnostic> = {
    ruleId: rule.meta.id,
    severity,
    messageId: problem.messageId,
    args,
    message: renderMessage(template, args, locale),
  };
  if (problem.table !== undefined) diagnostic.table = problem.table;
  if (problem.row !== undefined) diagnostic.row = problem.row;
  if (problem.column !== undefined) diagnostic.column = problem.column;
  if (problem.expected !== undefined) diagnostic.expected = problem.expected;
  if (problem.actual !== undefined) diagnostic.actual = problem.actual;
  if (problem.span !== undefined) diagnostic.span = problem.span;
  if (related && related.length > 0) diagnostic.related = related;
  if (problem.suggestion !== undefined) diagnostic.suggestion = problem.suggestion;
  return diagnostic;
}

/** An object type with its readonly properties made assignable, to build a value step by step. */
type Writable<T> = { -readonly [Key in keyof T]: T[Key] };
