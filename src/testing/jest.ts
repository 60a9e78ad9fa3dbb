/**
 * `xxgk-lint/testing/jest`: the matcher of `xxgk-lint/testing` with its types for jest (the global
 * `jest.Matchers` of `@types/jest`), so that `expect(text).toBeCleanAnnualReport()` type-checks. Its
 * own entry, so that a project testing with vitest (or with neither) never meets jest's types.
 *
 * @example
 * ```ts
 * // matchers imported from xxgk-lint/testing/jest
 * expect.extend(matchers);
 * test('the generated report passes xxgk-lint', () => {
 *   expect(generateReport(2024)).toBeCleanAnnualReport();
 * });
 * ```
 *
 * @packageDocumentation
 */
import type { CleanReportOptions } from './index.js';

export { matchers } from './index.js';
export type { CleanReportOptions, MatcherResult } from './index.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- jest's matchers are typed in its global namespace
  namespace jest {
    // The type parameters are those of @types/jest: declarations of one interface must match.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> {
      /** Passes when the report (its text, a web page's source or a typed report) has no finding at or above `failOn`. */
      toBeCleanAnnualReport(options?: CleanReportOptions): R;
    }
  }
}
