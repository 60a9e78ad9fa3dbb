/**
 * Typed models of the report (zod schemas; types inferred from them).
 *
 * @packageDocumentation
 */
export * from './span.js';
export * from './decimal.js';
export * from './cell.js';
export * from './tables.js';
export * from './facts.js';
export * from './report.js';
export * from './build.js';
