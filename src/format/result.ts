import type { FormatVersion } from '../catalog/index.js';
import { countDiagnostics } from '../diagnostics/index.js';
import type { Diagnostic, DiagnosticCounts } from '../diagnostics/index.js';
import type { DocumentForm } from '../document/index.js';

/** A 1-based line and column (columns in UTF-16 code units, as spans count them). */
export interface TextPosition {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/**
 * What one checked file produced: the unit every formatter takes. Holds the diagnostics only, never
 * the report or the text, so a caller checking thousands of files keeps little per file.
 */
export interface FileResult {
  /** The file as the user named it (a path, or a name such as `<stdin>`). */
  readonly file: string;
  /** The diagnostics, in order. */
  readonly diagnostics: readonly Diagnostic[];
  /** Number of diagnostics of severity `error`. */
  readonly errorCount: number;
  /** Number of diagnostics of severity `warning`. */
  readonly warningCount: number;
  /** The encoding the file was decoded from (e.g. `UTF-8`, `GB18030`), when known; SARIF records it. */
  readonly encoding?: string;
  /**
   * The form the file was read as, when known. SARIF gives a PDF or Word file (bytes, not text) no
   * text region: its places are the page and the table cell, and the line and column in the text
   * extracted from it.
   */
  readonly form?: DocumentForm;
  /** The agency the report names, when found (CSV output carries it). */
  readonly agency?: string;
  /** The reporting year, when found (CSV output carries it). */
  readonly year?: number;
  /**
   * The format the report was read in, when it was read: outputs name the diagnostics' cells in its
   * wording (stylish's `表二 · 处理决定数量 · 行政许可` for a 2019 report); the current format's when absent.
   */
  readonly format?: FormatVersion;
  /**
   * Line and column of the offsets where the diagnostics' spans (and related spans) end, keyed by
   * offset. Spans carry only their start position; SARIF regions also want the end, which only the
   * text can give. Built by {@link summarize} when it is given the text.
   */
  readonly endPositions?: ReadonlyMap<number, TextPosition>;
  /**
   * The length of the text, when a diagnostic has no place in it (a missing section): SARIF then
   * gives that finding the whole file as its region (its end is in `endPositions`).
   */
  readonly textLength?: number;
  /**
   * Findings a baseline accepted: left out of `diagnostics` and the counts, kept here so JSON and
   * SARIF still show them (as ESLint keeps `suppressedMessages`). Absent when no baseline applied.
   */
  readonly suppressed?: readonly SuppressedDiagnostic[];
}

/** Why a finding is not reported: it is one of those a baseline records. */
export interface Suppression {
  /** Always `baseline` (the only way findings are suppressed). */
  readonly kind: 'baseline';
  /** The baseline entry's `reason`, when it gives one. */
  readonly justification?: string;
}

/** A finding a baseline accepted. */
export interface SuppressedDiagnostic extends Diagnostic {
  /** Why it is suppressed. */
  readonly suppressions: readonly Suppression[];
}

/** Options of {@link summarize}. */
export interface SummarizeOptions {
  /** The text the diagnostics' spans point into; lets the result carry end positions. */
  readonly text?: string;
  /** The encoding the file was decoded from. */
  readonly encoding?: string;
  /** The form the file was read as (see {@link FileResult.form}). */
  readonly form?: DocumentForm;
  /** The agency the report names. */
  readonly agency?: string;
  /** The reporting year. */
  readonly year?: number;
  /** The format the report was read in (see {@link FileResult.format}). */
  readonly format?: FormatVersion;
  /** Findings a baseline accepted (see {@link FileResult.suppressed}). */
  readonly suppressed?: readonly SuppressedDiagnostic[];
}

/**
 * Builds a file's result from its diagnostics, counting them by severity.
 *
 * @example
 * ```ts
 * const { diagnostics } = checkText(text);
 * const result = summarize('report.txt', diagnostics, { text });
 * ```
 */
export function summarize(file: string, diagnostics: readonly Diagnostic[], options: SummarizeOptions = {}): FileResult {
  const { errorCount, warningCount } = countDiagnostics(diagnostics);
  const all = [...diagnostics, ...(options.suppressed ?? [])];
  const wholeFile = options.text !== undefined && all.some((diagnostic) => diagnostic.span === undefined && (diagnostic as { fatal?: boolean }).fatal !== true);
  const ends = spanEnds(all);
  if (wholeFile) ends.push((options.text as string).length);
  const endPositions = options.text !== undefined ? positionsOf(options.text, ends) : undefined;
  return {
    file,
    diagnostics,
    errorCount,
    warningCount,
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.form !== undefined ? { form: options.form } : {}),
    ...(options.agency !== undefined ? { agency: options.agency } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.format !== undefined ? { format: options.format } : {}),
    ...(endPositions && endPositions.size > 0 ? { endPositions } : {}),
    ...(wholeFile ? { textLength: (options.text as string).length } : {}),
    ...(options.suppressed !== undefined ? { suppressed: options.suppressed } : {}),
  };
}

function spanEnds(diagnostics: readonly Diagnostic[]): number[] {
  const ends: number[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.span) ends.push(diagnostic.span.end);
    // A place in another file (`uri`) has its end counted in that file's text, not this one's.
    for (const place of diagnostic.related ?? []) if (place.span && place.uri === undefined) ends.push(place.span.end);
  }
  return ends;
}

// Line breaks are counted as the reader counts them (\n, \r\n and a lone \r), so end positions agree
// with the start positions the spans already carry. One pass over the text, however many offsets.
function positionsOf(text: string, offsets: readonly number[]): Map<number, TextPosition> {
  const positions = new Map<number, TextPosition>();
  if (offsets.length === 0) return positions;
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  let next = 0;
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index <= text.length && next < wanted.length; index++) {
    while (next < wanted.length && (wanted[next] as number) === index) {
      positions.set(index, { line, column: index - lineStart + 1 });
      next++;
    }
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++;
      lineStart = index + 1;
    }
  }
  return positions;
}

/** Totals over several files' results. */
export interface ResultTotals extends DiagnosticCounts {
  /** Files checked. */
  readonly fileCount: number;
}

/** Adds up the diagnostics of several files' results. */
export function totalsOf(results: readonly FileResult[]): ResultTotals {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const result of results) {
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    infoCount += infoCountOf(result);
  }
  return { fileCount: results.length, errorCount, warningCount, infoCount };
}

/** The number of `info` diagnostics of a file's result. */
export function infoCountOf(result: FileResult): number {
  return countDiagnostics(result.diagnostics).infoCount;
}
