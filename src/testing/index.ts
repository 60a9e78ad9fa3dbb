/**
 * Test helpers for platforms that generate annual reports: assert in their own test suites that what
 * they produce passes xxgk-lint. Works with any test runner (`assertCleanReport` throws), and gives
 * vitest and jest a matcher (`expect(text).toBeCleanAnnualReport()`).
 *
 * Import `assertCleanReport` and `matchers` from `xxgk-lint/testing`, then:
 *
 * @example
 * ```ts
 * expect.extend(matchers);
 * test('the generated report passes xxgk-lint', () => {
 *   const text = generateReport(2024);
 *   expect(text).toBeCleanAnnualReport();
 *   assertCleanReport(text, { rules: { 'section-order': 'off' } }); // the same check, any runner
 * });
 * ```
 *
 * @packageDocumentation
 */
import { checkReadDocument, checkReport, checkText, countDiagnostics, looksLikeHtml, readTextDocument } from '../index.js';
import type { AnnualReport, CheckOptions, Diagnostic, Locale, ReportDocument, Severity } from '../index.js';
// This subpath may load more than the core: a web page's source is read here, synchronously, by
// the HTML front-end (and parse5), which the core's `checkText` leaves out of a text-only bundle.
import { readHtmlDocument } from '../document/html/index.js';

// A message on one line: its lines trimmed and joined with a space (split, not a `\s*[\r\n]+\s*`
// replace, which retries a long run of blanks from each of its starts).
const oneLine = (text: string): string =>
  text
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');


/** Options of {@link assertCleanReport} and the matcher: those of the check, and what counts as a failure. */
export interface CleanReportOptions extends CheckOptions {
  /**
   * The lowest severity that fails: `'warning'` (the default) fails on errors and warnings, `'error'`
   * on errors only, `'info'` on anything reported.
   */
  readonly failOn?: Severity;
}

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The error {@link assertCleanReport} throws: its message lists every finding, `diagnostics` holds them. */
export class AnnualReportFindingsError extends Error {
  /** The findings that failed the check. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(message: string, diagnostics: readonly Diagnostic[]) {
    super(message);
    this.name = 'AnnualReportFindingsError';
    this.diagnostics = diagnostics;
  }
}

/** A web page's source read by the HTML front-end; a failure of the front-end itself is the document's problem, as `readDocument` records it. */
function readPage(html: string): ReportDocument {
  try {
    return readHtmlDocument(html);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...readTextDocument(''), form: 'html', problems: [{ code: 'reader-failure', message, detail: { id: 'reader-failure', args: { error: message } } }] };
  }
}

/**
 * The findings of a report that fail under the options, in the order of the text. The report is
 * its text, a web page's source (markup, read as `checkDocument` reads a page, so a generated page
 * is checked as published) or a typed report. Never throws: what is none of them gives the
 * `invalid-input` error of `checkReport`; `failOn` other than a severity is `'warning'`.
 */
export function failingFindings(input: string | AnnualReport, options: CleanReportOptions = {}): Diagnostic[] {
  const { failOn: givenFailOn, ...check } = typeof options === 'object' && options !== null ? options : ({} as CleanReportOptions);
  const failOn: Severity = givenFailOn !== undefined && Object.hasOwn(RANK, givenFailOn) ? givenFailOn : 'warning';
  const diagnostics =
    typeof input !== 'string' ? checkReport(input, check) : looksLikeHtml(input) ? checkReadDocument(readPage(input), check).diagnostics : checkText(input, check).diagnostics;
  return diagnostics.filter((diagnostic) => RANK[diagnostic.severity] >= RANK[failOn]);
}

/**
 * The message listing findings, one line each: `line:column  severity  ruleId  message`, under a
 * heading with the counts — what the thrown error and the failed matcher say.
 */
export function describeFindings(given: readonly Diagnostic[], locale: Locale = 'zh-CN'): string {
  // Not a list (`null`) describes no finding: a helper of a failing test must not fail itself.
  const diagnostics = Array.isArray(given) ? given.filter((diagnostic): diagnostic is Diagnostic => typeof diagnostic === 'object' && diagnostic !== null) : [];
  const { errorCount, warningCount, infoCount } = countDiagnostics(diagnostics);
  const heading =
    locale === 'en'
      ? `The annual report is not clean: ${diagnostics.length} ${diagnostics.length === 1 ? 'finding' : 'findings'} (${errorCount} errors, ${warningCount} warnings, ${infoCount} info)`
      : `年度报告未通过检查：${diagnostics.length} 个问题（${errorCount} 个错误，${warningCount} 个警告，${infoCount} 条提示）`;
  const lines = diagnostics.map((diagnostic) => {
    const position = diagnostic.span ? `${Math.max(1, diagnostic.span.line)}:${Math.max(1, diagnostic.span.column)}` : '-';
    return `  ${position}  ${diagnostic.severity}  ${diagnostic.ruleId}  ${oneLine(String(diagnostic.message))}`;
  });
  return [heading, ...lines].join('\n');
}

/**
 * Checks a report — its text, a web page's source (read as `checkDocument` reads a page: its
 * article and tables), or a typed report — and throws an {@link AnnualReportFindingsError}
 * listing every finding at or above `failOn` (warnings by default); returns nothing when clean.
 * Works with any test runner. Its job is to throw: anything that is not a report fails it too.
 */
export function assertCleanReport(input: string | AnnualReport, options: CleanReportOptions = {}): void {
  const failing = failingFindings(input, options);
  if (failing.length > 0) throw new AnnualReportFindingsError(describeFindings(failing, options?.locale), failing);
}

/** What a matcher returns to vitest or jest. */
export interface MatcherResult {
  /** True when the report is clean. */
  readonly pass: boolean;
  /** The failure message (every finding), or for `.not` the note that it was clean. */
  readonly message: () => string;
}

/**
 * Matchers for `expect.extend(matchers)` in vitest or jest: `expect(textOrReport).toBeCleanAnnualReport(options?)`.
 * The failure message is that of {@link assertCleanReport}.
 */
export const matchers = {
  /** Passes when the report has no finding at or above `failOn`. */
  toBeCleanAnnualReport(received: unknown, options: CleanReportOptions = {}): MatcherResult {
    if (typeof received !== 'string' && (typeof received !== 'object' || received === null || !('meta' in received))) {
      return { pass: false, message: () => `toBeCleanAnnualReport expects the report's text or a typed report, not ${received === null ? 'null' : typeof received}` };
    }
    const failing = failingFindings(received as string | AnnualReport, options);
    const locale = options?.locale;
    return {
      pass: failing.length === 0,
      message: () =>
        failing.length > 0 ? describeFindings(failing, locale) : locale === 'en' ? 'expected the annual report not to be clean, but it is' : '预期年度报告未通过检查，但它没有问题',
    };
  },
};
