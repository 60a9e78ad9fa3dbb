// Stands in for src/document/pdf in the main bundle: loads reader-pdf.js, then reads with it.
import type { ReportDocument } from '../src/document/model.js';
import { loadScript, readers } from './lazy.js';

/** Reads a PDF with the front-end loaded on demand. */
export async function readPdfDocument(bytes: Uint8Array): Promise<ReportDocument> {
  await loadScript('reader-pdf.js');
  return (readers().pdf as NonNullable<ReturnType<typeof readers>['pdf']>).readPdfDocument(bytes);
}
