/**
 * The document model and the front-ends that build it. The text front-end is part of the core;
 * the HTML, PDF and Word front-ends are loaded by {@link readDocument} only when a document of
 * their form is met.
 *
 * @packageDocumentation
 */
export * from './model.js';
export { readTextDocument } from './text/index.js';
export { detectForm, readDocument, checkDocument, checkReadDocument } from '../check.js';
export { looksLikeHtml } from './detect.js';
export { PlainTextBuilder } from './plain.js';
export type { PdfDocumentProxy, PdfJsModule, PdfPageProxy, PdfReadOptions, PdfTextStream } from './pdf/index.js';
export type { DocxReadOptions } from './docx/index.js';
