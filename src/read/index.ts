/**
 * The reader: published report text → typed {@link AnnualReport}.
 *
 * Stages, each its own module: `source` (normalize, with the map back to the original text) →
 * `sections` (the six headings, metadata, format version) → `tables` (cells placed by the template
 * catalog) → `facts` (counts the narrative states) → the typed report.
 *
 * @packageDocumentation
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { AnnualReport } from '../model/index.js';
import { checkReport } from '../rules/index.js';
import type { CheckOptions } from '../rules/index.js';
import { parseReport } from './parse.js';

export { normalize, matchKey } from './source.js';
export type { SourceText } from './source.js';
export { parseReport } from './parse.js';

/** What {@link checkText} returns: the typed report it read and what the rules found. */
export interface TextCheckResult {
  /** The typed report read from the text. */
  readonly report: AnnualReport;
  /** Diagnostics, ordered by position; every span points into the text as given. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads a report as published and checks it: `parseReport` then `checkReport`. Never throws.
 *
 * @example
 * ```ts
 * const { report, diagnostics } = checkText(text, { locale: 'en' });
 * ```
 */
export function checkText(text: string, options: CheckOptions = {}): TextCheckResult {
  const report = parseReport(text);
  return { report, diagnostics: checkReport(report, options) };
}
