#!/usr/bin/env node
// Makes the PDF, Word and HTML fixtures of test/fixtures/documents that are not copies of published
// files: a scan (a page that is only an image), an encrypted PDF, a truncated PDF, a corrupt zip, an
// old binary Word file, a web page whose tables are images, and the seeds printed to PDF by a browser from HTML pages built from the
// seed fixtures (test/support/seed-documents.ts), and the same seeds as Word files. The outputs are committed; run this again only
// to remake them:
//
//   npx esbuild test/support/seed-documents.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=.dev/seed-documents.mjs && node scripts/document-fixtures.mjs
//
// Needs Debian's `chromium` (printing, through playwright-core) and `qpdf` (encrypting).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/documents');
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage();

/** Prints an HTML page to A4 PDF bytes. */
async function print(html) {
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf({ format: 'A4', printBackground: true, margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
}

// A scan: the first page of the clean seed report photographed (a screenshot), printed as an image only.
const seedDocuments = await import(pathToFileURL(join(ROOT, '.dev/seed-documents.mjs')).href);
await page.setViewportSize({ width: 794, height: 1123 });
await page.setContent(seedDocuments.seedHtml('000'), { waitUntil: 'load' });
const shot = await page.screenshot({ type: 'png' });
const scan = await print(`<!doctype html><html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${shot.toString('base64')}"></body></html>`);
writeFileSync(join(OUT, 'scan.pdf'), scan);

// The seeds, clean and with the planted faults, printed as a browser prints them; and as Word
// files (the tests build these themselves; the benchmark reads them from here).
for (const variant of seedDocuments.SEED_VARIANTS) {
  writeFileSync(join(OUT, `seed-${variant.name}.pdf`), await print(seedDocuments.seedHtml(variant.seed, variant.plant)));
  writeFileSync(join(OUT, `seed-${variant.name}.docx`), seedDocuments.seedDocx(variant.seed, variant.plant));
}
await browser.close();

// An encrypted PDF: the corpus's clean report with a user password (it cannot be opened without one).
const encrypted = join(OUT, 'encrypted.pdf');
execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', join(OUT, '003.pdf'), encrypted]);
if (!existsSync(encrypted)) throw new Error('qpdf made no encrypted.pdf');

// A truncated PDF: a download cut at 60%.
const clean = readFileSync(join(OUT, '003.pdf'));
writeFileSync(join(OUT, 'truncated.pdf'), clean.subarray(0, Math.floor(clean.length * 0.6)));

// A corrupt zip: the Word template cut at 60% (its central directory lost).
const docx = readFileSync(join(OUT, 'template-2021.docx'));
writeFileSync(join(OUT, 'corrupt.docx'), docx.subarray(0, Math.floor(docx.length * 0.6)));

// An old binary Word file: an OLE2 compound file header (what .doc and .wps start with) and an empty body.
const ole = Buffer.alloc(1536);
Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
writeFileSync(join(OUT, 'old-word.doc'), ole);

// A published page whose statistics tables are pictures of them: corpus 010 as published, each
// <table> replaced by an image (the docs' example of table-as-image).
const published = readFileSync(join(ROOT, 'test/fixtures/corpus/010.html'), 'utf8');
writeFileSync(join(OUT, '010-tables-as-images.html'), published.replace(/<table[\s\S]*?<\/table>/gi, '<p><img src="/u/cms/www/202401/biao.png" width="600"></p>'));

console.log('fixtures written to', OUT);
