/**
 * The HTML front-end: a published web page → the document model.
 *
 * @packageDocumentation
 */
import type { ReportDocument } from '../model.js';
import { unreadDocument } from '../problem.js';

/** Reads a web page's source into the document model. Never throws. */
export function readHtmlDocument(html: string): ReportDocument {
  void html;
  return unreadDocument('html', { code: 'unsupported-form', message: 'web pages are not read yet' });
}
