import { pathToFileURL } from 'node:url';
import { createSarifWriter, csvHeader, csvRows, formatStylishFile, formatStylishSummary, jsonFileResult } from '../index.js';
import type { AnnualReportInput, DiagnosticCounts, FileFailure, FileResult, Locale } from '../index.js';
import type { OutputFormat } from './args.js';

/**
 * Writes one output format piece by piece, so no file's diagnostics outlive its own output: `file`
 * for each file in input order, then `end` once.
 */
export interface Emitter {
  /** The output of one file (may be empty); `report` is its typed report when `--include-report` asked for it. */
  file(result: FileResult, report?: AnnualReportInput): string;
  /** The end of the output: closing brackets, the summary line, the SARIF invocation. */
  end(totals: DiagnosticCounts, failures: readonly FileFailure[]): string;
}

/** What an emitter may need to know about the run. */
export interface EmitterContext {
  readonly locale: Locale;
  /** Colour stylish output with ANSI escapes. */
  readonly color: boolean;
  /** The package version (SARIF's driver). */
  readonly version: string;
  /** The package homepage, when declared (SARIF links rule docs to it). */
  readonly homepage?: string;
  /** The working directory (SARIF's SRCROOT). */
  readonly cwd: string;
}

// --include-report: the typed report in its JSON form (schema/annual-report.schema.json) beside the findings.
const withReport = (result: FileResult, report: AnnualReportInput | undefined): object => (report !== undefined ? { ...jsonFileResult(result), report } : jsonFileResult(result));

/** Every output format and how to write it: a new format is one more entry here and in `OUTPUT_FORMATS`. */
export const EMITTERS: Readonly<Record<OutputFormat, (context: EmitterContext) => Emitter>> = {
  stylish: ({ color, locale }) => ({
    file: (result) => formatStylishFile(result, { color, locale }),
    end: (totals) => formatStylishSummary(totals, { color, locale }),
  }),
  json: () => {
    let count = 0;
    return {
      file: (result, report) => `${count++ === 0 ? '[' : ','}${JSON.stringify(withReport(result, report))}`,
      end: () => (count === 0 ? '[]\n' : ']\n'),
    };
  },
  // One JSON object per line, written as each file finishes: a consumer can start on the first line
  // while the run goes on, and nothing is held to close an array.
  jsonl: () => ({
    file: (result, report) => `${JSON.stringify(withReport(result, report))}\n`,
    end: () => '',
  }),
  csv: () => {
    let started = false;
    const header = (): string => {
      if (started) return '';
      started = true;
      return csvHeader();
    };
    return { file: (result) => header() + csvRows(result), end: () => header() };
  },
  sarif: (context) => {
    const writer = createSarifWriter({
      toolVersion: context.version,
      locale: context.locale,
      ...(context.homepage !== undefined ? { informationUri: context.homepage } : {}),
      baseUri: `${pathToFileURL(context.cwd).href.replace(/\/?$/, '/')}`,
    });
    let started = false;
    const start = (): string => {
      if (started) return '';
      started = true;
      return writer.start();
    };
    return {
      file: (result) => start() + writer.add(result),
      end: (_totals, failures) => start() + writer.finish(failures),
    };
  },
};
