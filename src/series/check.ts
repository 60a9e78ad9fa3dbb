import type { Diagnostic } from '../diagnostics/index.js';
import type { AnnualReport } from '../model/index.js';
import { rules as RULE_METADATA, reportSchemaDiagnostics, runRules, SERIES_RULES, validateOptions } from '../rules/index.js';
import type { CheckOptions, Rule, SeriesReport, SeriesRule, SeriesRuleContext } from '../rules/index.js';
import { agencyIdentity, sameAgency } from './identity.js';

/** Why two reports of a series next to each other by year were not compared. */
export type PairSkip = 'not-consecutive' | 'same-year' | 'other-agency';

/** Two reports of a series next to each other by year, and whether they were compared. */
export interface SeriesPair {
  /** Index (in the input) of the earlier report. */
  readonly previous: number;
  /** Index of the later report, the one the comparison's findings are on. */
  readonly current: number;
  /** Whether the pair rules compared them (the years are consecutive, the agency one). */
  readonly compared: boolean;
  /** Why not, when not. */
  readonly skipped?: PairSkip;
}

/** What {@link checkSeries} found. */
export interface SeriesResult {
  /** The series rules' diagnostics of each report, in the order of the input (the `checkReport` ones are not repeated). */
  readonly diagnostics: readonly Diagnostic[][];
  /** Neighbouring reports by year, compared or not and why: no pair is silently left out. */
  readonly pairs: readonly SeriesPair[];
  /** Reports that no pair includes because their reporting year is unknown (indexes in the input). */
  readonly withoutYear: readonly number[];
}

/** The `uri` a report is named by in findings on another report. */
export const uriOf = (entry: SeriesReport, index: number): string => (typeof entry?.uri === 'string' ? entry.uri : `series:${index}`);

/** The options for a run of some series rules: the levels of those rules only (the others are another run's or checkReport's). */
function optionsFor(rules: readonly SeriesRule[], options: CheckOptions): CheckOptions {
  if (!options.rules) return options;
  const ids = new Set(rules.map((rule) => rule.meta.id));
  return { ...options, rules: Object.fromEntries(Object.entries(options.rules).filter(([id]) => ids.has(id))) };
}

/** The options naming no rule of any catalog: said once, as `invalid-option`, on the first report. */
function unknownOptions(report: AnnualReport | undefined, options: CheckOptions): Diagnostic[] {
  if (!report || !options.rules) return [];
  const known = new Set(RULE_METADATA.map((meta) => meta.id));
  const unknown = Object.entries(options.rules).filter(([id]) => !known.has(id));
  return unknown.length === 0 ? [] : runRules(bare(report), [], { ...options, rules: Object.fromEntries(unknown) });
}

/** The report without what `checkReport` already reports of it (the reader's failures). */
function bare(report: AnnualReport): AnnualReport {
  if (!report.readerFailures) return report;
  const { readerFailures: _omitted, ...rest } = report;
  return rest;
}

/** Runs series rules of one scope on one report through the engine (severity, locale, failures as `internal-error`). */
function run(
  rules: readonly SeriesRule[],
  current: SeriesReport,
  previous: SeriesReport | undefined,
  extra: Omit<SeriesRuleContext, 'template' | 'report'>,
  options: CheckOptions,
): Diagnostic[] {
  const bound: Rule[] = rules.map((rule) => ({
    meta: rule.meta,
    check: (_report, context) => rule.check(current, previous, { ...context, ...extra }),
  }));
  return runRules(bare(current.report), bound, optionsFor(rules, options));
}

/**
 * Checks the reports of one agency against each other: each report's text (`year-mismatch`), and each
 * report against the one of the year before (`carry-over-mismatch`, `in-force-drift`,
 * `text-repeated`, `numbers-repeated`). The reports may come in any order: they are ordered by
 * reporting year; a pair of neighbours is compared only when their years are consecutive and their
 * agency identities (see {@link agencyIdentity}) agree, and `pairs` says which were not and why.
 * Findings are on the later report; their related locations in the earlier one carry its `uri`.
 * Never throws: `reports` that is not an array gives one list holding one `invalid-input` error; an
 * entry whose `report` is not a report object gives `invalid-input` errors in its own list, and
 * then no pair is compared. Options are those of `checkReport` (rule levels, locale): an id no rule has is said
 * once, as `invalid-option`, on the first report; run `checkReport` on each report for the rules of
 * one report.
 *
 * @example
 * ```ts
 * const { diagnostics, pairs } = checkSeries([
 *   { report: parseReport(text2023), text: text2023, uri: '2023.txt' },
 *   { report: parseReport(text2024), text: text2024, uri: '2024.txt' },
 * ]);
 * ```
 */
export function checkSeries(reports: readonly SeriesReport[], options: CheckOptions = {}): SeriesResult {
  const locale = validateOptions(options).locale;
  // What is not a series (`null`), or an entry that is not a report (`{}`), is an invalid-input error, not a throw.
  if (!Array.isArray(reports)) return { diagnostics: [reportSchemaDiagnostics(reports, locale)], pairs: [], withoutYear: [] };
  const invalid = reports.map((entry: unknown) => (isSeriesReport(entry) ? [] : reportSchemaDiagnostics(typeof entry === 'object' && entry !== null ? (entry as { report?: unknown }).report : entry, locale)));
  if (invalid.some((found) => found.length > 0)) return { diagnostics: invalid, pairs: [], withoutYear: invalid.flatMap((found, index) => (found.length > 0 ? [index] : [])) };
  const pairRules = SERIES_RULES.filter((rule) => rule.scope === 'pair');
  const textRules = SERIES_RULES.filter((rule) => rule.scope === 'text');
  const diagnostics: Diagnostic[][] = reports.map((entry, index) => run(textRules, entry, undefined, { previousUri: uriOf(entry, index), parts: [] }, options));
  const dated = reports.flatMap((entry, index) => (entry.report.meta.year !== undefined ? [{ index, year: entry.report.meta.year.value }] : []));
  dated.sort((a, b) => a.year - b.year || a.index - b.index);
  const pairs: SeriesPair[] = [];
  for (let at = 1; at < dated.length; at++) {
    const before = dated[at - 1] as { index: number; year: number };
    const after = dated[at] as { index: number; year: number };
    const previous = reports[before.index] as SeriesReport;
    const current = reports[after.index] as SeriesReport;
    const skipped = skipReason(previous, current, before.year, after.year);
    if (skipped) {
      pairs.push({ previous: before.index, current: after.index, compared: false, skipped });
      continue;
    }
    pairs.push({ previous: before.index, current: after.index, compared: true });
    const found = run(pairRules, current, previous, { previousUri: uriOf(previous, before.index), parts: [] }, options);
    (diagnostics[after.index] as Diagnostic[]).push(...found);
  }
  diagnostics[0]?.unshift(...unknownOptions(reports[0]?.report, options));
  const withoutYear = reports.flatMap((entry, index) => (entry.report.meta.year === undefined ? [index] : []));
  return { diagnostics, pairs, withoutYear };
}

/** Whether an entry has the shape the series rules read: a report object with its meta, sections and tables. */
function isSeriesReport(entry: unknown): entry is SeriesReport {
  if (typeof entry !== 'object' || entry === null) return false;
  const report = (entry as { report?: unknown }).report as Partial<AnnualReport> | null | undefined;
  return typeof report === 'object' && report !== null && typeof report.meta === 'object' && report.meta !== null && Array.isArray(report.sections) && typeof report.tables === 'object' && report.tables !== null;
}

function skipReason(previous: SeriesReport, current: SeriesReport, previousYear: number, currentYear: number): PairSkip | undefined {
  const a = agencyIdentity(previous.report.meta.agency?.value, previous.agencyId);
  const b = agencyIdentity(current.report.meta.agency?.value, current.agencyId);
  // Two known identities that differ are two agencies; a report that names none is taken as the caller says.
  if (a !== undefined && b !== undefined && !sameAgency(a, b)) return 'other-agency';
  if (currentYear === previousYear) return 'same-year';
  if (currentYear !== previousYear + 1) return 'not-consecutive';
  return undefined;
}

/**
 * Checks a report declared a summary (汇总) against the reports it adds up: `summary-mismatch`, every
 * cell of its tables against the sum of the same cell of its parts. Opt-in: run only for a summary
 * the configuration declares. Findings are on the summary; related locations name each part's `uri`.
 * Never throws: a summary or part that is not a report gives `invalid-input` errors instead.
 */
export function checkSummary(summary: SeriesReport, parts: readonly SeriesReport[], options: CheckOptions = {}): Diagnostic[] {
  // A summary or a part that is not a report is an invalid-input error, not a throw.
  const locale = validateOptions(options).locale;
  if (!isSeriesReport(summary)) return reportSchemaDiagnostics(typeof summary === 'object' && summary !== null ? (summary as { report?: unknown }).report : summary, locale);
  if (!Array.isArray(parts) || !parts.every(isSeriesReport)) return reportSchemaDiagnostics(Array.isArray(parts) ? parts.find((entry) => !isSeriesReport(entry))?.report : parts, locale);
  const rules = SERIES_RULES.filter((rule) => rule.scope === 'summary');
  return [...unknownOptions(summary.report, options), ...run(rules, summary, undefined, { previousUri: uriOf(summary, -1), parts: parts.map((entry, index) => ({ entry, uri: uriOf(entry, index) })) }, options)];
}

/**
 * Groups reports by agency (see {@link sameAgency}: a name with or without the city it leads with is
 * one agency): each group the indexes (in the input) of one agency's reports, ordered by
 * reporting year (reports without a year last, in input order). A report whose agency is unknown
 * (or an entry that is not a report) is a group of its own. Groups come in the order of their first report.
 */
export function groupSeries(reports: readonly SeriesReport[]): number[][] {
  if (!Array.isArray(reports)) return [];
  const groups: { identities: Set<string>; members: number[] }[] = [];
  reports.forEach((entry: unknown, index) => {
    const identity = isSeriesReport(entry) ? agencyIdentity(entry.report.meta.agency?.value, entry.agencyId) : undefined;
    // An identity joins the group of an identity it is one agency with (a name with or without its city).
    const group = identity === undefined ? undefined : groups.find((candidate) => [...candidate.identities].some((known) => sameAgency(known, identity)));
    if (group && identity !== undefined) {
      group.identities.add(identity);
      group.members.push(index);
    } else groups.push({ identities: new Set(identity === undefined ? [] : [identity]), members: [index] });
  });
  const yearOf = (index: number): number => reports[index]?.report?.meta?.year?.value ?? Number.MAX_SAFE_INTEGER;
  return groups.map((group) => [...group.members].sort((a, b) => yearOf(a) - yearOf(b) || a - b));
}
