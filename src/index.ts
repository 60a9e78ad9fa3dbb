/**
 * xxgk-lint — checks Chinese government information-disclosure annual reports
 * (政府信息公开工作年度报告) against the official format 国办公开办函〔2021〕30号.
 *
 * The pipeline: a front-end (text, HTML, PDF, Word) → the document model → typed report ({@link AnnualReport}) → rules → {@link Diagnostic}s → formatters.
 *
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
