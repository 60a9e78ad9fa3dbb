import type { Diagnostic } from '../diagnostics/index.js';
import type { FileResult, SuppressedDiagnostic } from './result.js';

/**
 * One file in the JSON output: exactly these four keys, so the shape is a stable contract — and
 * `suppressed`, only when a baseline was applied. A file that could not be checked has one
 * diagnostic with `fatal: true` (see `FatalDiagnostic`).
 */
export interface JsonFileResult {
  /** The file as the user named it. */
  readonly file: string;
  /** Its diagnostics, as the library returns them. */
  readonly diagnostics: readonly Diagnostic[];
  /** Number of errors. */
  readonly errorCount: number;
  /** Number of warnings. */
  readonly warningCount: number;
  /** Findings a baseline accepted (not counted); present only when a baseline was applied. */
  readonly suppressed?: readonly SuppressedDiagnostic[];
}

/** The JSON entry of one file (what {@link formatJson} writes for it). */
export function jsonFileResult(result: FileResult): JsonFileResult {
  return {
    file: result.file,
    diagnostics: result.diagnostics,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    ...(result.suppressed !== undefined ? { suppressed: result.suppressed } : {}),
  };
}

/**
 * Machine-readable output: a JSON array with one `{ file, diagnostics, errorCount, warningCount }`
 * per file, every file included even without diagnostics. One line, ending with a newline; a caller
 * streaming many files can write `[`, the entries joined by `,` (see {@link jsonFileResult}), then `]`
 * and get the same text.
 */
export function formatJson(results: readonly FileResult[]): string {
  // What is not a list of results is formatted as none: a formatter never throws.
  return `[${(Array.isArray(results) ? results : []).map((result) => JSON.stringify(jsonFileResult(result))).join(',')}]\n`;
}
