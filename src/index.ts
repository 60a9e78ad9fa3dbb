/**
 * xxgk-lint — checks Chinese government information-disclosure annual reports
 * (政府信息公开工作年度报告) against the official format 国办公开办函〔2021〕30号.
 *
 * The pipeline: a front-end (text, HTML, PDF, Word) → the document model → typed report ({@link AnnualReport}) → rules → {@link Diagnostic}s → formatters.
 *
 * The guides of the documentation site are attached here:
 *
 * @document ../docs/guides/getting-started.md
 * @document ../docs/guides/cli.md
 * @document ../docs/guides/library.md
 * @document ../docs/guides/report-model.md
 * @document ../docs/guides/rules.md
 * @document ../docs/guides/ci.md
 * @document ../docs/guides/readers.md
 * @document ../docs/guides/playground.md
 * @packageDocumentation
 */
export * from './catalog/index.js';
export * from './model/index.js';
export * from './diagnostics/index.js';
export * from './rules/index.js';
export * from './read/index.js';
export * from './document/index.js';
export { checkText } from './check.js';
export type { TextCheckResult, DocumentCheckResult, DocumentInput, DocumentOptions } from './check.js';
export * from './format/index.js';
export * from './series/index.js';
