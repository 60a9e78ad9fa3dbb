// Stands in for src/document/html in the main bundle: loads reader-html.js, then reads with it.
import type { ReportDocument } from '../src/document/model.js';
import { loadScript, readers } from './lazy.js';

/** Reads a web page with the front-end loaded on demand. */
export async function readHtmlDocument(html: string): Promise<ReportDocument> {
  await loadScript('reader-html.js');
  return (readers().html as NonNullable<ReturnType<typeof readers>['html']>).readHtmlDocument(html);
}
