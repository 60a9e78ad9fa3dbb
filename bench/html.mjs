// The benchmark's web-page section (issue 8), kept apart from the text and CLI measurements in
// run.mjs (the text cost ratio is bench/text.mjs's):
// - HTML: published pages (the corpus pages in test/fixtures/corpus, real CMS pages with their site
//   chrome, 100–370 KB) checked through the library (`checkDocument`), in pages/s on one thread, and
//   a full check's cost as a multiple of parse5's own parse of the same page — without source
//   locations, the least any reader built on parse5 pays (the reader gets its locations for about
//   that cost, see src/document/html/parse.ts), and with them, for comparison. parse5's parse alone
//   is also the ceiling of the pages/s: a check cannot be faster than its parse, so the ceiling is
//   printed beside the target.
// The machine the bench runs on is shared: each figure is the median of the runs, and also the
// fastest run — no run is faster than the work itself, so on a loaded machine the fastest run is
// the nearest to what the work costs when the neighbours are quiet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { checkDocument } from '../dist/index.js';

const PAGES = ['010', '004', '005', '006'];

const quantile = (values, share) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * share)];

/**
 * Milliseconds of each of several pieces of work over `runs` rounds, after `warmup` rounds: the
 * median and the fastest run of each, every run (see {@link perRound}), and the median CPU time
 * this process spent on it (a piece descheduled by a neighbour spends none meanwhile). The pieces run in turn
 * within each round, so that a neighbour slowing the shared machine slows them alike and their
 * ratio holds.
 */
async function timedTogether(works, runs, warmup = 5) {
  for (let run = 0; run < warmup; run++) for (const work of works) await work();
  const times = works.map(() => []);
  const cpuTimes = works.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [index, work] of works.entries()) {
      const cpu = process.cpuUsage();
      const started = process.hrtime.bigint();
      await work();
      times[index].push(Number(process.hrtime.bigint() - started) / 1e6);
      const used = process.cpuUsage(cpu);
      cpuTimes[index].push((used.user + used.system) / 1000);
    }
  }
  return times.map((values, index) => ({ median: quantile(values, 0.5), fastest: quantile(values, 0), runs: values, cpu: quantile(cpuTimes[index], 0.5) }));
}

/** The median over the rounds of one piece's time ÷ another's in the same round. */
const perRound = (piece, base) => quantile(piece.runs.map((time, round) => time / base.runs[round]), 0.5);

/** Every measurement of this section, as rows the report prints. */
export async function htmlRun(root, { runs = 31 } = {}) {
  const pages = [];
  for (const id of PAGES) {
    const html = readFileSync(join(root, `test/fixtures/corpus/${id}.html`), 'utf8');
    const { diagnostics } = await checkDocument(html);
    // The 100 KB page is the target's: measured longer, for a steadier figure.
    const [check, parseWithLocations, parseOnly] = await timedTogether(
      [() => checkDocument(html, { form: 'html' }), () => parse(html, { sourceCodeLocationInfo: true }), () => parse(html)],
      id === '010' ? runs * 3 : runs,
    );
    pages.push({ id, bytes: Buffer.byteLength(html), check, parseWithLocations, parseOnly, errors: diagnostics.filter((d) => d.severity === 'error').length });
  }
  return { pages };
}

const fixed = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const check = (ok) => (ok ? '✓' : '✗');

/** The section's markdown lines. */
export function htmlLines(result) {
  const lines = [
    '',
    '| Web page (library, `checkDocument`; medians) | Size | Check | parse5 parse, without / with locations | Check ÷ parse5 (without / with locations; median of the rounds) | Pages/s | Errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const page of result.pages) {
    lines.push(
      `| corpus/${page.id}.html | ${fixed(page.bytes / 1024)} KB | ${fixed(page.check.median, 1)} ms | ${fixed(page.parseOnly.median, 1)} / ${fixed(page.parseWithLocations.median, 1)} ms | ${fixed(perRound(page.check, page.parseOnly), 2)}× / ${fixed(perRound(page.check, page.parseWithLocations), 2)}× | ${fixed(1000 / page.check.median)} | ${page.errors} |`,
    );
  }
  const hundred = result.pages.find((page) => page.id === '010');
  if (hundred) {
    const rate = (time) => 1000 / time;
    const { check: time, parseOnly: parse } = hundred;
    lines.push('');
    lines.push('| Measure | Result | Target |');
    lines.push('| --- | ---: | ---: |');
    lines.push(
      `| HTML, a 100 KB published page with chrome (010.html), one thread: median (fastest run) | ${fixed(rate(time.median))} (${fixed(rate(time.fastest))}) pages/s | ≥ 200 pages/s ${check(rate(time.median) >= 200)} |`,
    );
    // No check outruns its parse: parse5 alone bounds the pages/s on this machine (when it is quiet).
    const ceiling = rate(parse.fastest);
    lines.push(
      `| HTML, the ceiling: parse5's parse alone of 010.html (without locations), median (fastest run) | ${fixed(rate(parse.median))} (${fixed(ceiling)}) pages/s | ${ceiling >= 200 ? '200 pages/s within parse5’s reach' : '200 pages/s out of reach: parse5 alone is slower'} |`,
    );
    // Each round times the check and the parse back to back: the median of the rounds' ratios holds
    // when the machine's load changes from round to round (a longer piece is preempted more often, so
    // a loaded machine still inflates it: the CPU times' and the fastest runs' ratios are printed beside it).
    const ratio = perRound(time, parse);
    lines.push(
      `| HTML, full check ÷ parse5's parse of the same page (without locations): median of the rounds (CPU time; fastest runs); with locations ${fixed(perRound(time, hundred.parseWithLocations), 2)}× | ${fixed(ratio, 2)}× (${fixed(time.cpu / parse.cpu, 2)}×; ${fixed(time.fastest / parse.fastest, 2)}×) | ≤ 2× ${check(ratio <= 2)} |`,
    );
  }
  return lines;
}
