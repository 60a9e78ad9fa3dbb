import { pathToFileURL } from 'node:url';
import { createSarifWriter, csvHeader, csvRows, formatHtml, formatStylishFile, formatStylishSummary, jsonFileResult, rulePagesTemplate } from '../index.js';
import type { AnnualReport, AnnualReportInput, DiagnosticCounts, FileFailure, FileResult, HtmlFileInput, Locale } from '../index.js';
import type { OutputFormat } from './args.js';

/**
 * Writes one output format piece by piece, so no file's diagnostics outlive its own output: `file`
 * for each file in input order, then `end` once.
 */
export interface Emitter {
  /**
   * The output of one file (may be empty); `report` is its typed report in JSON form when
   * `--include-report` asked for it, `read` the report and text as read when the format draws them.
   */
  file(result: FileResult, report?: AnnualReportInput, read?: { readonly report: AnnualReport; readonly text: string }): string;
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
  /** The base URL of the hosted documentation site, when known: SARIF and the HTML report link each rule to its page there. */
  readonly docsUrl?: string;
  /** The working directory (SARIF's SRCROOT). */
  readonly cwd: string;
  /** The terminal's width, when stylish output goes to one (messages are wrapped to it). */
  readonly width?: number;
}

/** The formats that draw each report from the report itself (its tables), not only from its findings. */
export const FORMATS_NEEDING_REPORTS: ReadonlySet<OutputFormat> = new Set(['html']);

// --include-report: the typed report in its JSON form (schema/annual-report.schema.json) beside the findings.
const withReport = (result: FileResult, report: AnnualReportInput | undefined): object => (report !== undefined ? { ...jsonFileResult(result), report } : jsonFileResult(result));

/** Every output format and how to write it: a new format is one more entry here and in `OUTPUT_FORMATS`. */
export const EMITTERS: Readonly<Record<OutputFormat, (context: EmitterContext) => Emitter>> = {
  stylish: ({ color, locale, width }) => {
    const options = { color, locale, ...(width !== undefined ? { width } : {}) };
    return {
      file: (result) => formatStylishFile(result, options),
      end: (totals) => formatStylishSummary(totals, options),
    };
  },
  // One page for the whole run, written at the end: it keeps each file's report and text until then.
  html: ({ locale, docsUrl }) => {
    const files: HtmlFileInput[] = [];
    return {
      file: (result, _report, read) => {
        // A file that could not be read has no report: only its finding is listed.
        files.push(read ? { ...result, ...read } : result);
        return '';
      },
      end: () => formatHtml(files, { locale, ...(docsUrl !== undefined ? { ruleDocsUrl: rulePagesTemplate(docsUrl) } : {}) }),
    };
  },
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
      ...(context.docsUrl !== undefined ? { docsUrl: context.docsUrl } : {}),
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
