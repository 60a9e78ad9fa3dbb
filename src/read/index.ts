/**
 * The reader: published report text → typed {@link AnnualReport}.
 *
 * Stages, each its own module: `source` (normalize, with the map back to the original text) →
 * `sections` (the six headings, metadata, format version) → `tables` (cells placed by the template
 * catalog) → `facts` (counts the narrative states) → the typed report. Every stage reads the document model
 * (`src/document`) that a front-end made of the report.
 *
 * @packageDocumentation
 */
export { normalize, normalizeMapped, matchKey } from './source.js';
export type { SourceText, PlainTextMap, MappedSourceText } from './source.js';
export { parseReport, parseDocument } from './parse.js';
