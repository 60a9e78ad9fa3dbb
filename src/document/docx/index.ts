/**
 * The Word front-end: a .docx file → the document model.
 *
 * @packageDocumentation
 */
import type { ReportDocument } from '../model.js';
import { unreadDocument } from '../problem.js';

/** Reads a .docx file into the document model. Never throws. */
export function readDocxDocument(bytes: Uint8Array): ReportDocument {
  void bytes;
  return unreadDocument('docx', { code: 'unsupported-form', message: 'Word files are not read yet' });
}
