import { TEMPLATES } from '../catalog/index.js';
import type { FormatVersion } from '../catalog/index.js';
import { renderMessage } from '../diagnostics/index.js';
import type { Diagnostic, Locale, Localized, MessageArgs, RelatedLocation, RuleLevel, Severity } from '../diagnostics/index.js';
import type { AnnualReport } from '../model/index.js';
import type { Problem, Rule } from './rule.js';
import { reachOf } from './support/reach.js';
import { withRunMemo } from './support/run.js';

/**
 * Options of {@link checkReport}. Invalid options never throw: options that are not an object
 * (`null`, a string…) are ignored, an unknown locale falls back to Chinese, and an unknown rule or
 * level is left at its default — each reported as an `invalid-option` error diagnostic.
 */
export interface CheckOptions {
  /** Per-rule level, as in ESLint: `{ 'section-order': 'off', 'fee-statement-missing': 'error' }`. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /** Language of the messages (`'zh-CN'` or `'en'`); Chinese by default, and for any other value. */
  readonly locale?: Locale;
  /**
   * The most diagnostics one rule reports for one table (or for the report outside tables); past it,
   * one `too-many-findings` diagnostic says how many more there were. 100 by default.
   */
  readonly maxPerTable?: number;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The id of the diagnostic reported when a rule itself fails. */
export const INTERNAL_ERROR_RULE_ID = 'internal-error';
/** The id of the diagnostic reported for an option naming no known rule or level. */
export const INVALID_OPTION_RULE_ID = 'invalid-option';
/** The id of the diagnostic reported for input that is not a report (not text, or a report object failing the schema). */
export const INVALID_INPUT_RULE_ID = 'invalid-input';
/** The id of the diagnostic that stands for the findings of one rule in one table past the cap. */
export const TOO_MANY_FINDINGS_RULE_ID = 'too-many-findings';

/** How many diagnostics one rule reports for one table by default (see {@link CheckOptions.maxPerTable}). */
export const DEFAULT_MAX_PER_TABLE = 100;

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
      'zh-CN': '配置指定了不存在的规则、无效的级别或语言，或选项不是对象；该项按默认处理。',
      en: 'The configuration names an unknown rule, an invalid level or locale, or the options are not an object; that setting is left at its default.',
    },
    category: 'engine',
  },
  {
    id: INVALID_INPUT_RULE_ID,
    description: {
      'zh-CN': '输入不是报告：不是文本，是交给 checkText 的网页源代码（应使用 checkDocument），或报告对象不符合 schema（指出出错的路径）；未做检查。',
      en: "The input is not a report: not text, a web page's source given to checkText (checkDocument reads pages), or a report object that fails the schema (the path is named); nothing was checked.",
    },
    category: 'engine',
  },
  {
    id: TOO_MANY_FINDINGS_RULE_ID,
    description: {
      'zh-CN': '同一规则在同一表格中的问题过多，只列出前若干个；本条说明另有多少个未列出。',
      en: 'One rule found too many problems in one table; the first are listed, and this says how many more there were.',
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

const UNKNOWN_LOCALE: Localized = {
  'zh-CN': '语言 {locale} 无效（应为 zh-CN 或 en），已使用中文',
  en: 'Invalid locale {locale} (expected zh-CN or en); Chinese is used',
};
const OPTIONS_NOT_OBJECT: Localized = {
  'zh-CN': '检查选项应为对象，而不是 {value}；已按默认选项检查',
  en: 'The check options must be an object, not {value}; the defaults are used',
};
const TOO_MANY_IN_TABLE: Localized = {
  'zh-CN': '规则 {rule} 在{table}中另有 {count} 个问题未列出（每个表格最多列出 {max} 个）',
  en: 'Rule {rule} found {count} more problems in {table}, not listed (at most {max} per table are)',
};
const TOO_MANY_OUTSIDE_TABLES: Localized = {
  'zh-CN': '规则 {rule} 在表格以外另有 {count} 个问题未列出（最多列出 {max} 个）',
  en: 'Rule {rule} found {count} more problems outside the tables, not listed (at most {max} are)',
};

const LEVELS: ReadonlySet<string> = new Set(['off', 'info', 'warning', 'error']);
const LOCALES: ReadonlySet<string> = new Set(['zh-CN', 'en']);

/** What a value is, for a message: `null`, `array`, or its `typeof`. */
export const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Options as given (anything at all) made usable, with a diagnostic for each setting left at its default. */
export function validateOptions(options: unknown): { locale: Locale; rules: Readonly<Record<string, unknown>>; maxPerTable: number; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const given = typeof options === 'object' && options !== null && !Array.isArray(options) ? (options as Record<string, unknown>) : {};
  const locale: Locale = typeof given.locale === 'string' && LOCALES.has(given.locale) ? (given.locale as Locale) : 'zh-CN';
  if (options !== undefined && given !== options) diagnostics.push(optionDiagnostic('options-not-object', OPTIONS_NOT_OBJECT, { value: kindOf(options) }, locale));
  if (given.locale !== undefined && given.locale !== locale) diagnostics.push(optionDiagnostic('unknown-locale', UNKNOWN_LOCALE, { locale: String(given.locale) }, locale));
  const rules = typeof given.rules === 'object' && given.rules !== null ? (given.rules as Record<string, unknown>) : {};
  if (given.rules !== undefined && rules !== given.rules) diagnostics.push(optionDiagnostic('options-not-object', OPTIONS_NOT_OBJECT, { value: `rules: ${kindOf(given.rules)}` }, locale));
  const max = given.maxPerTable;
  const maxPerTable = typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : DEFAULT_MAX_PER_TABLE;
  return { locale, rules, maxPerTable, diagnostics };
}

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
 * Runs rules over a typed report. Never throws on any report or options: a rule that fails becomes
 * an `internal-error` diagnostic and the other rules still run; invalid options are reported as
 * `invalid-option` and left at their defaults; one rule reports at most `maxPerTable` diagnostics
 * per table, and one `too-many-findings` diagnostic for the rest (bounded output on hostile text).
 * Options may configure the rules given and those in `alsoKnown` (rules run elsewhere, such as the
 * series rules); any other id is an `invalid-option`.
 */
export function runRules(report: AnnualReport, rules: readonly Rule[], options: CheckOptions = {}, alsoKnown: Iterable<string> = []): Diagnostic[] {
  const validated = validateOptions(options);
  const { locale, maxPerTable } = validated;
  const configured = validated.rules as Readonly<Record<string, RuleLevel>>;
  const diagnostics: Diagnostic[] = validated.diagnostics;
  // Most runs configure no rule: the set of known ids is made only when the configuration names some.
  const configuredIds = Object.keys(configured);
  const known = configuredIds.length > 0 ? new Set([...rules.map((rule) => rule.meta.id), ...alsoKnown]) : undefined;
  for (const id of configuredIds) {
    const level = configured[id] as RuleLevel;
    if (!known?.has(id)) diagnostics.push(optionDiagnostic('unknown-rule', UNKNOWN_RULE, { rule: id }, locale));
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
  // What a report whose reading failed still gets is decided once, here, not by each rule.
  const reach = reachOf(report, template);
  // What several rules derive alike from the report (a table's fault) is derived once in the run.
  withRunMemo(report, template, () => {
    for (const rule of rules) {
      // Asked only of a configuration that names some rule: looking thirty ids up in an empty object
      // misses V8's property caches every time (~0.1 µs each, half the engine's own cost per report).
      const level = configuredIds.length > 0 ? configured[rule.meta.id] : undefined;
      const severity: RuleLevel = level !== undefined && LEVELS.has(level) ? level : rule.meta.defaultSeverity;
      if (severity === 'off' || reach.silent(rule.meta.id)) continue;
      // Findings per table ('' for the report outside tables): past the cap only counted. Most rules
      // find nothing: the map is made at the first finding.
      let counts: Map<string, number> | undefined;
      // Whether some table went past the cap: the counts are walked for summaries only then (a walk
      // of a map's entries allocates a pair per entry, for every rule that found anything).
      let overflowed = false;
      const report_ = (problem: Problem): void => {
        if (!reach.reached(rule.meta.id, problem)) return;
        const where = problem.table ?? '';
        counts ??= new Map<string, number>();
        const count = (counts.get(where) ?? 0) + 1;
        counts.set(where, count);
        if (count <= maxPerTable) diagnostics.push(toDiagnostic(rule, problem, severity, locale, report.meta.formatVersion));
        else overflowed = true;
      };
      try {
        rule.check(report, { template, report: report_, locale });
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
      if (overflowed && counts !== undefined) {
        for (const [where, count] of counts) {
          if (count <= maxPerTable) continue;
          const args: Record<string, string | number> = { rule: rule.meta.id, count: count - maxPerTable, max: maxPerTable };
          if (where !== '') args.table = where;
          const summary: Writable<Diagnostic> = {
            ruleId: TOO_MANY_FINDINGS_RULE_ID,
            severity,
            messageId: where === '' ? 'outside-tables' : 'in-table',
            args,
            message: renderMessage(where === '' ? TOO_MANY_OUTSIDE_TABLES : TOO_MANY_IN_TABLE, args, locale, undefined, report.meta.formatVersion),
          };
          if (where !== '') summary.table = where as Diagnostic['table'] & string;
          diagnostics.push(summary);
        }
      }
    }
  });
  return diagnostics.sort(compareDiagnostics);
}

const NO_ARGS: MessageArgs = {};

// Messages name rows and columns as the format the report was read in prints them.
function toDiagnostic(rule: Rule, problem: Problem, ruleSeverity: Severity, locale: Locale, format: FormatVersion): Diagnostic {
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
      message: renderMessage(place.message, place.args ?? NO_ARGS, locale, place.table, format),
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
    message: renderMessage(template, args, locale, undefined, format),
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
