/**
 * Year over year in the command line: each report is checked against its predecessor named with
 * `--previous`, and the reports of one run are grouped by agency and year and checked as series.
 * The series findings of a pair of reports of the run are known only once both are read: they are
 * written after the files' own results, as a second entry for the later report.
 */
import { checkSeries, compareDiagnostics, groupSeries, SERIES_RULES } from '../index.js';
import type { AnnualReport, CheckOptions, Diagnostic, SeriesReport, SourceText } from '../index.js';

const PAIR_RULE_IDS: ReadonlySet<string> = new Set(SERIES_RULES.filter((rule) => rule.scope === 'pair').map((rule) => rule.meta.id));

/** A report of the run, kept for the series check after the loop. */
interface RunEntry extends SeriesReport {
  readonly uri: string;
  readonly text: string;
  readonly source: SourceText;
}

/** What the run's grouping found for one file: its pair findings, the text they point into, its report. */
export interface SeriesFinding {
  readonly file: string;
  readonly text: string;
  readonly report: AnnualReport;
  readonly diagnostics: Diagnostic[];
}

/** Collects the run's reports and checks them as series. */
export interface SeriesCheck {
  /**
   * The series findings of one file known when it is read: with `--previous`, the comparison with
   * that report. Keeps the report for the run's grouping.
   */
  file(report: AnnualReport, source: SourceText, uri: string): Diagnostic[];
  /** After the loop: the pair findings among the run's reports, grouped by agency, by file. */
  finish(): SeriesFinding[];
}

/**
 * A series check for a run: `previous` is the report `--previous` named (compared with every file of
 * the run); `keep` is whether the run has several files to group.
 */
export function createSeriesCheck(options: CheckOptions, previous: SeriesReport | undefined, keep: boolean): SeriesCheck {
  const entries: RunEntry[] = [];
  return {
    file(report, source, uri) {
      const entry: RunEntry = { report, text: source.original, source, uri };
      if (keep) entries.push(entry);
      if (!previous) return [];
      // The rules on one text ran with the file's own check: only the comparison is new.
      const result = checkSeries([previous, entry], options);
      return (result.diagnostics[1] ?? []).filter((diagnostic) => PAIR_RULE_IDS.has(diagnostic.ruleId));
    },
    finish() {
      const findings = new Map<number, Diagnostic[]>();
      for (const group of groupSeries(entries)) {
        if (group.length < 2) continue;
        const result = checkSeries(
          group.map((index) => entries[index] as RunEntry),
          options,
        );
        group.forEach((index, position) => {
          // The rules on one text already ran with the file: only the comparisons are new.
          const found = (result.diagnostics[position] ?? []).filter((diagnostic) => PAIR_RULE_IDS.has(diagnostic.ruleId));
          if (found.length > 0) findings.set(index, [...(findings.get(index) ?? []), ...found]);
        });
      }
      return [...findings.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, diagnostics]) => {
          const entry = entries[index] as RunEntry;
          return { file: entry.uri, text: entry.text, report: entry.report, diagnostics: diagnostics.sort(compareDiagnostics) };
        });
    },
  };
}
