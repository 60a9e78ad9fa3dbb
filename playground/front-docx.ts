// Stands in for src/document/docx in the main bundle: loads reader-docx.js, then reads with it.
import type { ReportDocument } from '../src/document/model.js';
import { loadScript, readers } from './lazy.js';

/** Reads a Word file with the front-end loaded on demand. */
export async function readDocxDocument(bytes: Uint8Array): Promise<ReportDocument> {
  await loadScript('reader-docx.js');
  return (readers().docx as NonNullable<ReturnType<typeof readers>['docx']>).readDocxDocument(bytes);
}
