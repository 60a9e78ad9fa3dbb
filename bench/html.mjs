// The benchmark's web-page and cost-ratio section (issue 8), kept apart from the text and CLI
// measurements in run.mjs:
// - HTML: published pages (the corpus pages in test/fixtures/corpus, real CMS pages with their site
//   chrome, 100–370 KB) checked through the library (`checkDocument`), in pages/s on one thread, and
//   a full check's cost as a multiple of parse5's own parse of the same page (with source locations,
//   as the reader parses it; and without);
// - text: a full text check's cost as a multiple of one NFKC normalization plus one token-regex scan
//   of the same text — the floor any reader of the text pays.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { checkDocument, checkText } from '../dist/index.js';

const PAGES = ['010', '004', '005', '006'];
// One pass over the text: the words, numbers and marks a reader of the text must at least find.
const TOKEN = /[\u3400-\u9fff]+|\d+(?:\.\d+)?|[^\s\d\u3400-\u9fff]+/gu;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Median milliseconds of each of several pieces of work over `runs` rounds, after `warmup` rounds.
 * The pieces run in turn within each round, so that a neighbour slowing the shared machine slows
 * them alike and their ratio holds.
 */
async function timedTogether(works, runs, warmup = 5) {
  for (let run = 0; run < warmup; run++) for (const work of works) await work();
  const times = works.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [index, work] of works.entries()) {
      const started = process.hrtime.bigint();
      await work();
      times[index].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return times.map(median);
}

/** Every measurement of this section, as rows the report prints. */
export async function htmlRun(root, { runs = 15 } = {}) {
  const pages = [];
  for (const id of PAGES) {
    const html = readFileSync(join(root, `test/fixtures/corpus/${id}.html`), 'utf8');
    const { diagnostics } = await checkDocument(html);
    const [check, parseWithLocations, parseOnly] = await timedTogether(
      [() => checkDocument(html, { form: 'html' }), () => parse(html, { sourceCodeLocationInfo: true }), () => parse(html)],
      runs,
    );
    pages.push({ id, bytes: Buffer.byteLength(html), check, parseWithLocations, parseOnly, errors: diagnostics.filter((d) => d.severity === 'error').length });
  }
  const texts = ['000', '001', '003', '004'].map((id) => readFileSync(join(root, `test/fixtures/seeds/${id}.txt`), 'utf8'));
  const scan = (text) => {
    let count = 0;
    TOKEN.lastIndex = 0;
    const normalized = text.normalize('NFKC');
    while (TOKEN.exec(normalized) !== null) count++;
    return count;
  };
  const [textCheck, textScan] = await timedTogether(
    [
      () => {
        for (const text of texts) checkText(text);
      },
      () => {
        for (const text of texts) scan(text);
      },
    ],
    runs * 4,
  );
  return { pages, text: { check: textCheck, scan: textScan, bytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) } };
}

const fixed = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const check = (ok) => (ok ? '✓' : '✗');

/** The section's markdown lines. */
export function htmlLines(result) {
  const lines = ['', '| Web page (library, `checkDocument`) | Size | Check | parse5 parse (with locations / without) | Check ÷ parse5 | Pages/s | Errors |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const page of result.pages) {
    const ratio = page.check / page.parseWithLocations;
    lines.push(
      `| corpus/${page.id}.html | ${fixed(page.bytes / 1024)} KB | ${fixed(page.check, 1)} ms | ${fixed(page.parseWithLocations, 1)} / ${fixed(page.parseOnly, 1)} ms | ${fixed(ratio, 2)}× (${fixed(page.check / page.parseOnly, 2)}× plain) | ${fixed(1000 / page.check)} | ${page.errors} |`,
    );
  }
  const hundred = result.pages.find((page) => page.id === '010');
  if (hundred) {
    lines.push('');
    lines.push('| Measure | Result | Target |');
    lines.push('| --- | ---: | ---: |');
    lines.push(`| HTML, a 100 KB published page with chrome (010.html), one thread | ${fixed(1000 / hundred.check)} pages/s | ≥ 200 pages/s ${check(1000 / hundred.check >= 200)} |`);
    const ratio = hundred.check / hundred.parseWithLocations;
    lines.push(`| HTML, full check ÷ parse5's parse of the same page (with source locations) | ${fixed(ratio, 2)}× | ≤ 2× ${check(ratio <= 2)} |`);
    const textRatio = result.text.check / result.text.scan;
    lines.push(`| Text, full check ÷ one NFKC + token-regex scan of the same text (seeds 000, 001, 003, 004) | ${fixed(textRatio, 1)}× | ≤ 10× ${check(textRatio <= 10)} |`);
  }
  return lines;
}
