#!/usr/bin/env node
// Makes the PDF fixtures of test/fixtures/documents that hold images, printed by a browser as a
// Word file exported to PDF lays them out:
//
// - seed-001-tables-as-images.pdf: seed 001 with its three statistics tables published as pictures
//   of them (a screenshot of each table, pasted where the table stands, as wide as the text);
// - seed-001-decorated.pdf: seed 001 with its tables as tables;
//
// both with what real reports draw besides: a logo in the header of every page, a faint watermark
// behind the text of every page, a small bullet image before a line, and the agency's red seal
// (an image about 4 cm wide) stamped over its name and the date at the end.
//
// The outputs are committed; run this again only to remake them (the bytes are the same each run:
// the dates the browser writes are fixed):
//
//   npx esbuild test/support/seed-documents.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=.dev/seed-documents.mjs && node scripts/pdf-figure-fixtures.mjs
//
// Needs Debian's `chromium` (through playwright-core).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test/fixtures/documents');
const seedDocuments = await import(pathToFileURL(join(ROOT, '.dev/seed-documents.mjs')).href);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
const png = (bytes) => `data:image/png;base64,${bytes.toString('base64')}`;

/** A picture of an element drawn from this HTML: a screenshot (PNG), its background kept or made transparent. */
async function picture(html, selector, omitBackground = false) {
  await page.setContent(html, { waitUntil: 'load' });
  return page.locator(selector).screenshot({ type: 'png', omitBackground });
}

const FONT = "font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";
// The seal: a red ring, a star and the agency's name, on a transparent ground (as a scanned seal is cut out).
const seal = await picture(
  `<div id="seal" style="${FONT}; width: 300px; height: 300px; border: 10px solid #d00; border-radius: 50%; box-sizing: border-box; color: #d00; text-align: center; display: flex; flex-direction: column; justify-content: center; font-size: 34px"><div style="font-size: 90px">★</div><div>某县人民政府</div></div>`,
  '#seal',
  true,
);
// The header logo: an emblem, a red disc with a gold star.
const logo = await picture(
  `<div id="logo" style="${FONT}; width: 240px; height: 240px; background: #c00; border-radius: 50%; color: #fc0; font-size: 150px; display: flex; align-items: center; justify-content: center">★</div>`,
  '#logo',
);
// The watermark: the agency's name, in grey, drawn large behind the text.
const watermark = await picture(`<div id="mark" style="${FONT}; width: 600px; padding: 20px; color: #ddd; font-size: 80px; text-align: center">某县人民政府</div>`, '#mark');
// A bullet: a small blue square (an icon, not a figure).
const bullet = await picture('<div id="bullet" style="width: 24px; height: 24px; background: #06c"></div>', '#bullet');

// The seed's tables as pictures: each <table> of the seed's page, screenshot as the page shows it.
const html = seedDocuments.seedHtml('001');
await page.setContent(html, { waitUntil: 'load' });
const tables = [];
// A scan of a printed table has a margin of paper around the table.
await page.evaluate(() => {
  for (const table of document.querySelectorAll('table')) {
    const paper = document.createElement('div');
    paper.className = 'paper';
    paper.style.cssText = 'padding: 24px; background: #fff';
    table.replaceWith(paper);
    paper.append(table);
  }
});
for (const paper of await page.locator('.paper').all()) tables.push(await paper.screenshot({ type: 'png' }));
if (tables.length !== 3) throw new Error(`seed 001 has ${tables.length} tables, not 3`);

/** The seed's page with what real reports add: a bullet image, a watermark, the signature, the date and the seal over them. */
function decorated(body) {
  return body
    .replace('</style>', `.mark { position: fixed; top: 90mm; left: 20mm; width: 130mm; opacity: 0.5; z-index: -1 }\n</style>`)
    .replace('<body>', `<body><img class="mark" src="${png(watermark)}">`)
    .replace(/<p>(本报告根据)/, `<p><img src="${png(bullet)}" style="width: 9pt; height: 9pt"> $1`)
    .replace(
      '</body>',
      `<div style="position: relative; break-inside: avoid; height: 44mm; margin-top: 12pt; padding-top: 10mm; box-sizing: border-box; text-align: right; line-height: 2">
<p style="margin: 0">某县人民政府办公室</p><p style="margin: 0">2024年1月20日</p>
<img src="${png(seal)}" style="position: absolute; right: 8mm; top: 2mm; width: 40mm; height: 40mm">
</div></body>`,
    );
}

/** Prints a page to A4 PDF bytes, with the logo in the header of every page; the dates the browser writes are fixed. */
async function print(body) {
  await page.setContent(body, { waitUntil: 'load' });
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="width: 100%; padding-left: 18mm"><img src="${png(logo)}" style="width: 28mm; height: 28mm"></div>`,
    footerTemplate: '<div></div>',
    margin: { top: '38mm', bottom: '20mm', left: '18mm', right: '18mm' },
  });
  // Skia writes the time of printing as D:YYYYMMDDHHmmSS+HH'mm': the same length, fixed.
  return Buffer.from(pdf.toString('latin1').replace(/\(D:\d{14}/g, '(D:20240120000000'), 'latin1');
}

let index = 0;
const asImages = html.replace(/<table>[\s\S]*?<\/table>/g, () => `<p><img src="${png(tables[index++])}" style="width: 100%"></p>`);
writeFileSync(join(OUT, 'seed-001-tables-as-images.pdf'), await print(decorated(asImages)));
writeFileSync(join(OUT, 'seed-001-decorated.pdf'), await print(decorated(html)));
await browser.close();
console.log('fixtures written to', OUT);
