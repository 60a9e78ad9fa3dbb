import { pathToFileURL } from 'node:url';
import { cellsCsvRows, createSarifWriter, csvHeader, csvRows, formatHtml, formatStylishFile, formatStylishSummary, jsonFileResult, rulePagesTemplate } from '../index.js';
import type { AnnualReport, AnnualReportInput, CellRecord, DiagnosticCounts, FileFailure, FileResult, HtmlFileInput, Locale } from '../index.js';
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
  /**
   * The output of one file from its piece ({@link filePiece}, formatted by the worker that checked
   * it): the same text `file` gives for that file. Only formats in {@link PIECE_FORMATS} have it.
   */
  piece?(piece: string): string;
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

/** The formats whose output of a file depends on that file alone (not on the files before it). */
export type PieceFormat = 'json' | 'jsonl' | 'csv' | 'stylish';

/**
 * How to format a file's piece, as a plain object that crosses to a worker thread: with it, a
 * worker sends back a string rather than the result, which is cheaper to send than to clone.
 */
export interface PieceOptions {
  readonly format: PieceFormat;
  readonly locale: Locale;
  /** Colour stylish output with ANSI escapes. */
  readonly color: boolean;
  /** The terminal's width stylish output is wrapped to, when it goes to one. */
  readonly width?: number;
}

const PIECES: Readonly<Record<PieceFormat, (result: FileResult, report: AnnualReportInput | undefined, options: PieceOptions) => string>> = {
  json: (result, report) => JSON.stringify(withReport(result, report)),
  jsonl: (result, report) => `${JSON.stringify(withReport(result, report))}\n`,
  csv: (result) => csvRows(result),
  stylish: (result, _report, options) => formatStylishFile(result, { color: options.color, locale: options.locale, ...(options.width !== undefined ? { width: options.width } : {}) }),
};

/** The formats a worker can write a file's output in ({@link filePiece}); the others need the result on the main thread. */
export const PIECE_FORMATS: ReadonlySet<OutputFormat> = new Set(Object.keys(PIECES) as PieceFormat[]);

/**
 * The part of a file's output that depends on that file alone: its JSON object, its CSV rows, its
 * stylish block. The emitter adds what depends on the run ({@link Emitter.piece}: a separator, a
 * header), so a piece formatted on a worker gives the same bytes as the result formatted here.
 */
export function filePiece(result: FileResult, report: AnnualReportInput | undefined, options: PieceOptions): string {
  return PIECES[options.format](result, report, options);
}

/** `--cells`: a file's cells as rows of the cells file, CSV or JSON Lines. */
export function cellsPiece(cells: readonly CellRecord[], asCsv: boolean): string {
  return asCsv ? cellsCsvRows(cells) : cells.map((cell) => `${JSON.stringify(cell)}\n`).join('');
}

/** Every output format and how to write it: a new format is one more entry here and in `OUTPUT_FORMATS`. */
export const EMITTERS: Readonly<Record<OutputFormat, (context: EmitterContext) => Emitter>> = {
  stylish: ({ color, locale, width }) => {
    const options: PieceOptions = { format: 'stylish', color, locale, ...(width !== undefined ? { width } : {}) };
    return {
      file: (result) => PIECES.stylish(result, undefined, options),
      piece: (piece) => piece,
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
  json: ({ locale, color }) => {
    const options: PieceOptions = { format: 'json', locale, color };
    let count = 0;
    const piece = (text: string): string => `${count++ === 0 ? '[' : ','}${text}`;
    return {
      file: (result, report) => piece(PIECES.json(result, report, options)),
      piece,
      end: () => (count === 0 ? '[]\n' : ']\n'),
    };
  },
  // One JSON object per line, written as each file finishes: a consumer can start on the first line
  // while the run goes on, and nothing is held to close an array.
  jsonl: ({ locale, color }) => {
    const options: PieceOptions = { format: 'jsonl', locale, color };
    return {
      file: (result, report) => PIECES.jsonl(result, report, options),
      piece: (piece) => piece,
      end: () => '',
    };
  },
  csv: ({ locale, color }) => {
    const options: PieceOptions = { format: 'csv', locale, color };
    let started = false;
    const header = (): string => {
      if (started) return '';
      started = true;
      return csvHeader();
    };
    return { file: (result) => header() + PIECES.csv(result, undefined, options), piece: (piece) => header() + piece, end: () => header() };
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
