/**
 * The PDF front-end: a PDF attachment → the document model.
 *
 * @packageDocumentation
 */
import type { ReportDocument } from '../model.js';
import { unreadDocument } from '../problem.js';

/** Reads a PDF file into the document model. Never throws (the promise never rejects). */
export async function readPdfDocument(bytes: Uint8Array): Promise<ReportDocument> {
  void bytes;
  return unreadDocument('pdf', { code: 'unsupported-form', message: 'PDF files are not read yet' });
}
