/**
 * `xxgk-lint/testing/vitest`: the matcher of `xxgk-lint/testing` with its types for vitest, so that
 * `expect(text).toBeCleanAnnualReport()` type-checks. Its own entry, so that a project testing with
 * jest (or with neither) never needs vitest's types: `xxgk-lint/testing` names no test runner.
 *
 * @example
 * ```ts
 * // matchers imported from xxgk-lint/testing/vitest; expect and test from vitest
 * expect.extend(matchers);
 * test('the generated report passes xxgk-lint', () => {
 *   expect(generateReport(2024)).toBeCleanAnnualReport({ rules: { 'section-order': 'off' } });
 * });
 * ```
 *
 * @packageDocumentation
 */
/// <reference types="vitest" />
import type { CleanReportOptions } from './index.js';

export { matchers } from './index.js';
export type { CleanReportOptions, MatcherResult } from './index.js';

/** The matcher as `expect(value)` and `expect.*` see it. */
export interface CleanAnnualReportMatchers<R = unknown> {
  /** Passes when the report (its text, a web page's source or a typed report) has no finding at or above `failOn`. */
  toBeCleanAnnualReport(options?: CleanReportOptions): R;
}

// vitest's own way to type a matcher of `expect.extend` (its "Extending Matchers" guide):
// `Assertion` for `expect(value).…`, `AsymmetricMatchersContaining` for `expect.…`.
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type -- declarations must match vitest's
  interface Assertion<T = any> extends CleanAnnualReportMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an augmentation adds members by extending
  interface AsymmetricMatchersContaining extends CleanAnnualReportMatchers {}
}
