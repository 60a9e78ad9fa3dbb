/**
 * Year over year in the command line: each report is checked against its predecessor named with
 * `--previous`, the reports of one run are grouped by agency and year and checked as series
 * (`--series`), and a report the configuration declares a summary (汇总) is checked against its parts
 * in the run. The findings of two reports of the run are known only once both are read: they are
 * written after the files' own results, as a second entry for the report they are on.
 */
import { checkSeries, checkSummary, compareDiagnostics, groupSeries, SERIES_RULES } from '../index.js';
import type { AnnualReport, CheckOptions, Diagnostic, Locale, PairSkip, RuleLevel, SeriesPair, SeriesReport, SourceText } from '../index.js';
import { message } from './messages.js';
import type { MessageKey } from './messages.js';

const PAIR_RULE_IDS: ReadonlySet<string> = new Set(SERIES_RULES.filter((rule) => rule.scope === 'pair').map((rule) => rule.meta.id));

/** What the configuration and command line say of one file of a series. */
export interface SeriesFileSettings {
  /** Its rule levels (configuration, overrides, command line): the series findings on it take them. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** An explicit agency identity, for an agency that renamed. */
  readonly agencyId?: string;
  /** When it is a summary: whether another file of the run is one of its parts. */
  readonly summaryOf?: (file: string) => boolean;
}

/** A report of the run, kept for the series check after the loop. */
interface RunEntry extends SeriesReport {
  readonly uri: string;
  readonly text: string;
  readonly source: SourceText;
  readonly settings: SeriesFileSettings;
}

/** What the run's grouping found for one file: its findings, the text they point into, its report. */
export interface SeriesFinding {
  readonly file: string;
  readonly text: string;
  readonly report: AnnualReport;
  readonly diagnostics: Diagnostic[];
}

/** What comparing one file with `--previous` gave: the findings, and why it was not compared when it was not. */
export interface PreviousComparison {
  readonly diagnostics: Diagnostic[];
  /** One line for stderr (without the command prefix) when the pair was not compared: a comparison asked for is never skipped unsaid. */
  readonly notice?: string;
}

// Why --previous was not compared with a file, in words.
const SKIP_MESSAGES: Readonly<Record<PairSkip, MessageKey>> = {
  'other-agency': 'previousOtherAgency',
  'not-consecutive': 'previousNotConsecutive',
  'same-year': 'previousSameYear',
};

/** Collects the run's reports and checks them as series. */
export interface SeriesCheck {
  /**
   * The series findings of one file known when it is read: with `--previous`, the comparison with
   * that report. Keeps the report for the run's grouping and summaries.
   */
  file(report: AnnualReport, source: SourceText, uri: string, settings: SeriesFileSettings): PreviousComparison;
  /** After the loop: the pair findings among the run's reports, grouped by agency, and the summaries' findings, by file. */
  finish(): SeriesFinding[];
  /** After `finish`: the files declared summaries for which the run held no part of the same year (nothing was added up). */
  summariesWithoutParts(): string[];
  /**
   * After `finish`: one line for stderr (without the command prefix) per pair of neighbouring
   * reports of one agency that `--series` did not compare, saying why — as `--previous` does.
   */
  seriesNotices(): string[];
}

// Why --series did not compare two neighbouring reports of one agency, in words.
const SERIES_SKIP_MESSAGES: Readonly<Record<PairSkip, MessageKey>> = {
  'other-agency': 'seriesOtherAgency',
  'not-consecutive': 'seriesNotConsecutive',
  'same-year': 'seriesSameYear',
};

/** How a run compares its reports. */
export interface SeriesRunOptions {
  readonly locale: Locale;
  /** The report `--previous` named (compared with every file of the run). */
  readonly previous?: SeriesReport;
  /** `--series`: group the run's reports by agency and compare neighbouring years. */
  readonly group: boolean;
  /** Whether the configuration declares summaries: the run's reports are kept to add them up. */
  readonly summaries: boolean;
}

// Identical rule levels give one key: a group is checked once per set of levels its files use.
const levelsKey = (rules: Readonly<Record<string, RuleLevel>>): string => JSON.stringify(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** A series check for a run (see {@link SeriesRunOptions}). */
export function createSeriesCheck(run: SeriesRunOptions): SeriesCheck {
  const entries: RunEntry[] = [];
  const alone: string[] = [];
  const notices: string[] = [];
  const optionsOf = (settings: SeriesFileSettings): CheckOptions => ({ rules: settings.rules, locale: run.locale });
  return {
    file(report, source, uri, settings) {
      const entry: RunEntry = { report, text: source.original, source, uri, settings, ...(settings.agencyId !== undefined ? { agencyId: settings.agencyId } : {}) };
      if (run.group || run.summaries) entries.push(entry);
      const previous = run.previous;
      if (!previous) return { diagnostics: [] };
      // The rules on one text ran with the file's own check: only the comparison is new.
      const result = checkSeries([previous, entry], optionsOf(settings));
      const diagnostics = (result.diagnostics[1] ?? []).filter((diagnostic) => PAIR_RULE_IDS.has(diagnostic.ruleId));
      const skipped = result.pairs[0]?.skipped;
      const years = { file: uri, previous: previous.uri ?? '', year: report.meta.year?.value ?? '?', previousYear: previous.report.meta.year?.value ?? '?' };
      if (skipped) return { diagnostics, notice: message(SKIP_MESSAGES[skipped], run.locale, years) };
      // --previous names a later report than the file: the comparison's findings would be on --previous, which is not reported.
      if (result.pairs[0] !== undefined && result.pairs[0].current !== 1) return { diagnostics: [], notice: message('previousNotEarlier', run.locale, years) };
      // A report without a reporting year pairs with nothing.
      if (result.pairs.length === 0) return { diagnostics, notice: message('previousNoYear', run.locale, years) };
      return { diagnostics };
    },
    finish() {
      const findings = new Map<number, Diagnostic[]>();
      const add = (index: number, found: readonly Diagnostic[]): void => {
        if (found.length > 0) findings.set(index, [...(findings.get(index) ?? []), ...found]);
      };
      for (const group of run.group ? groupSeries(entries) : []) {
        if (group.length < 2) continue;
        const members = group.map((index) => entries[index] as RunEntry);
        // The findings on a report take that report's rule levels (an override may set them per file).
        const byLevels = new Map<string, number[]>();
        group.forEach((index, position) => {
          const key = levelsKey((entries[index] as RunEntry).settings.rules);
          byLevels.set(key, [...(byLevels.get(key) ?? []), position]);
        });
        let firstCheck = true;
        for (const positions of byLevels.values()) {
          const result = checkSeries(members, optionsOf((members[positions[0] as number] as RunEntry).settings));
          // The pairs are the same whatever the levels: said once per group.
          if (firstCheck) notices.push(...skippedPairs(result.pairs, members, run.locale));
          firstCheck = false;
          for (const position of positions) {
            // The rules on one text already ran with the file: only the comparisons are new.
            add(group[position] as number, (result.diagnostics[position] ?? []).filter((diagnostic) => PAIR_RULE_IDS.has(diagnostic.ruleId)));
          }
        }
      }
      entries.forEach((summary, index) => {
        const isPart = summary.settings.summaryOf;
        if (!isPart) return;
        // A part is a report of the same year: another year's report is no part of this year's sum.
        const year = summary.report.meta.year?.value;
        const parts = year === undefined ? [] : entries.filter((entry) => entry !== summary && isPart(entry.uri) && entry.report.meta.year?.value === year);
        if (parts.length > 0) add(index, checkSummary(summary, parts, optionsOf(summary.settings)));
        else alone.push(summary.uri);
      });
      return [...findings.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, diagnostics]) => {
          const entry = entries[index] as RunEntry;
          return { file: entry.uri, text: entry.text, report: entry.report, diagnostics: diagnostics.sort(compareDiagnostics) };
        });
    },
    summariesWithoutParts: () => [...alone],
    seriesNotices: () => [...notices],
  };
}

/** The lines saying why each pair of a group that was not compared was not. */
function skippedPairs(pairs: readonly SeriesPair[], members: readonly RunEntry[], locale: Locale): string[] {
  return pairs.flatMap((pair) => {
    if (pair.compared || pair.skipped === undefined) return [];
    const previous = members[pair.previous] as RunEntry;
    const current = members[pair.current] as RunEntry;
    const args = { file: current.uri, previous: previous.uri, year: current.report.meta.year?.value ?? '?', previousYear: previous.report.meta.year?.value ?? '?' };
    return [message(SERIES_SKIP_MESSAGES[pair.skipped], locale, args)];
  });
}
