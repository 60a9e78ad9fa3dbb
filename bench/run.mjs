#!/usr/bin/env node
// The benchmark (`npm run bench`: build, then this). It generates a corpus from the seeds — simplified
// and traditional reports with planted faults — checks it through the library API and through the
// CLI on a folder, and prints the figures as a markdown table the README can quote.
//
// The CLI runs on the folder twice: with --concurrency auto (the default) and on one thread, to
// measure the parallel speed-up; the two outputs must be byte-identical (sha256).
//
// Options: --reports <n> (default 10000), --passes <n> (default 3), --no-cli (library only),
// --regenerate (rebuild the corpus), --corpus <dir> (where the corpus is kept; bench/.corpus by default),
// --large <MB> (also the large-input table: each hostile shape of bench/hostile.mjs at MB and MB/2,
// each in a process of its own for its peak memory; off by default).
// --pdf-reports <n> (PDFs checked in a row for the memory figure; default 1,000),
// --no-documents (no PDF and Word section), --same-isolate (the web-page pieces timed in this isolate,
// not each in a worker of its own; see bench/html.mjs).
// The web-page section and the cost ratios are measured by bench/html.mjs.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as CN2T from 'opencc-js/cn2t';
import * as T2CN from 'opencc-js/t2cn';
import { SECTIONS, checkDocument, checkText, countDiagnostics } from '../dist/index.js';
import { htmlLines, htmlRun } from './html.mjs';
// The text cost ratio in CPU time (the line in the first table): bench/text.mjs.
import { textRatioLine, textRatioRun } from './text.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
const SEEDS = ['000', '001', '002', '003', '004'];
const GENERATOR_VERSION = 1;

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : fallback;
};
const REPORTS = Number(option('reports', '10000'));
const CORPUS = resolve(ROOT, option('corpus', 'bench/.corpus'));
// The CLI runs from the project folder, and is given the corpus as a user would type it.
const CORPUS_ARG = relative(ROOT, CORPUS) || '.';
// The library rate is the median of several passes over the corpus: the machines this runs on are
// shared, and one pass can be slowed by a neighbour by a fifth or more.
const PASSES = Math.max(1, Number(option('passes', '3')));
const WITH_CLI = !argv.includes('--no-cli');
const REGENERATE = argv.includes('--regenerate');
const LARGE_MB = Number(option('large', '0'));
const WITH_DOCUMENTS = !argv.includes('--no-documents');
// The web-page pieces in this isolate rather than each in a worker of its own (see bench/html.mjs).
const SAME_ISOLATE = argv.includes('--same-isolate');
const PDF_REPORTS = Math.max(1, Number(option('pdf-reports', '1000')));

// A forced GC lets the memory figures show what is retained, not what is merely not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

// ---------------------------------------------------------------------------------------------
// Corpus

// mulberry32: a small seeded generator, so the corpus is the same on every run and machine.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (next, items) => items[Math.floor(next() * items.length)];

function changeNumber(text, next) {
  const numbers = [...text.matchAll(/\d+/g)];
  if (numbers.length === 0) return text;
  const match = pick(next, numbers);
  const value = Number(match[0]);
  const changed = String(value + 1 + Math.floor(next() * 9));
  return text.slice(0, match.index) + changed + text.slice(match.index + match[0].length);
}

function dropRow(text, next) {
  const lines = text.split('\n');
  const rows = lines.map((line, index) => (/\d/.test(line) && /[|\t]/.test(line) ? index : -1)).filter((index) => index >= 0);
  if (rows.length === 0) return text;
  lines.splice(pick(next, rows), 1);
  return lines.join('\n');
}

// Section headings are found by the catalog's ordinals (一 … 六), the same in both scripts.
const HEADING = new RegExp(`^\\s*[${SECTIONS.map((section) => section.ordinal).join('')}]\\s*[、,，.．]`);

function removeSection(text, next) {
  const lines = text.split('\n');
  const headings = lines.map((line, index) => (HEADING.test(line) ? index : -1)).filter((index) => index >= 0);
  if (headings.length === 0) return text;
  const which = Math.floor(next() * headings.length);
  const start = headings[which];
  const end = headings[which + 1] ?? lines.length;
  lines.splice(start, end - start);
  return lines.join('\n');
}

const FAULTS = [changeNumber, dropRow, removeSection];

/** The corpus: half simplified, half traditional; 40 % untouched, the rest with one or two faults. */
function generateCorpus(count) {
  const manifest = join(CORPUS, 'manifest.json');
  const wanted = { generator: GENERATOR_VERSION, count };
  if (!REGENERATE && existsSync(manifest) && JSON.stringify(JSON.parse(readFileSync(manifest, 'utf8'))) === JSON.stringify(wanted)) {
    return 'reused';
  }
  // A folder given with --corpus is emptied only when it holds nothing or an earlier corpus.
  if (existsSync(CORPUS) && !existsSync(manifest) && readdirSync(CORPUS).length > 0) {
    throw new Error(`${CORPUS} is not empty and holds no bench corpus: not overwriting it`);
  }
  rmSync(CORPUS, { recursive: true, force: true });
  const toTraditional = CN2T.Converter({ from: 'cn', to: 'tw' });
  const toSimplified = T2CN.Converter({ from: 'tw', to: 'cn' });
  const seeds = SEEDS.map((id) => readFileSync(join(ROOT, `test/fixtures/seeds/${id}.txt`), 'utf8'));
  // Seed 004 is published in traditional script; the others are simplified.
  const bases = {
    simplified: seeds.map((text, index) => (SEEDS[index] === '004' ? toSimplified(text) : text)),
    traditional: seeds.map((text, index) => (SEEDS[index] === '004' ? text : toTraditional(text))),
  };
  const next = random(20210030);
  for (const script of ['simplified', 'traditional']) {
    const folder = join(CORPUS, script);
    mkdirSync(folder, { recursive: true });
    const total = script === 'simplified' ? Math.ceil(count / 2) : Math.floor(count / 2);
    for (let index = 0; index < total; index++) {
      let text = bases[script][index % bases[script].length];
      const roll = next();
      const faults = roll < 0.4 ? 0 : roll < 0.85 ? 1 : 2;
      for (let fault = 0; fault < faults; fault++) text = pick(next, FAULTS)(text, next);
      writeFileSync(join(folder, `${String(index).padStart(5, '0')}.txt`), text);
    }
  }
  writeFileSync(manifest, JSON.stringify(wanted));
  return 'generated';
}

// ---------------------------------------------------------------------------------------------
// Measurements

const mb = (bytes) => bytes / (1024 * 1024);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function memoryNow() {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

function retainedMemory() {
  gc();
  return memoryNow();
}

/** One pass over a group's files: each file read, then checked; the time spent checking, and the bytes. */
function checkGroup(group, onReport) {
  let seconds = 0;
  let bytes = 0;
  for (const file of group.files) {
    const text = readFileSync(file, 'utf8');
    const started = process.hrtime.bigint();
    const { diagnostics } = checkText(text);
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    bytes += Buffer.byteLength(text);
    onReport?.(diagnostics);
  }
  return { seconds, bytes };
}

/** Checks every corpus file through the library, keeping only counts, as a streaming caller would. */
function libraryRun() {
  const groups = ['simplified', 'traditional'].map((script) => ({
    script,
    files: readdirSync(join(CORPUS, script))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => join(CORPUS, script, name)),
  }));
  // Warm-up: the JIT and OpenCC's dictionaries, so the rates measure steady state.
  for (const group of groups) for (const file of group.files.slice(0, 50)) checkText(readFileSync(file, 'utf8'));

  const snapshots = [];
  let peakRss = 0;
  let peakHeap = 0;
  let done = 0;
  const totals = { errorCount: 0, warningCount: 0 };
  const rates = [];
  snapshots.push({ reports: 0, ...retainedMemory() });
  // The first pass also takes the memory figures and the diagnostic counts.
  const passes = groups.map(() => []);
  groups.forEach((group, index) => {
    const pass = checkGroup(group, (diagnostics) => {
      const counts = countDiagnostics(diagnostics);
      totals.errorCount += counts.errorCount;
      totals.warningCount += counts.warningCount;
      done++;
      if (done % 100 === 0 || done === REPORTS) {
        const { rss, heapUsed } = memoryNow();
        peakRss = Math.max(peakRss, rss);
        peakHeap = Math.max(peakHeap, heapUsed);
      }
      if (done === 1000 || done === REPORTS) snapshots.push({ reports: done, ...retainedMemory() });
    });
    passes[index].push(pass);
  });
  for (let pass = 1; pass < PASSES; pass++) groups.forEach((group, index) => passes[index].push(checkGroup(group)));
  for (const [index, group] of groups.entries()) {
    const perSecond = passes[index].map((pass) => group.files.length / pass.seconds);
    rates.push({ script: group.script, reports: group.files.length, perSecond: median(perSecond), low: Math.min(...perSecond), high: Math.max(...perSecond), bytes: passes[index][0].bytes, seconds: median(passes[index].map((pass) => pass.seconds)) });
  }
  return { rates, snapshots, peakRss, peakHeap, totals };
}

/** Runs the CLI, counting its output without keeping it; peak RSS read from /proc (Linux). */
function cliRun(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstByte;
    let outputBytes = 0;
    // A digest of the output, so that runs with different --concurrency can be shown identical.
    const digest = createHash('sha256');
    let stderr = '';
    let peakRss = 0;
    const status = `/proc/${child.pid}/status`;
    // CPU time of all the process's threads (utime + stime in clock ticks, 100 per second on Linux):
    // what the scaling model compares, since wall time on a shared machine says little.
    let cpuSeconds = 0;
    // The main thread's own CPU time: in a serial run the rest (V8's optimizing compiler and
    // concurrent GC, on threads of their own) runs on the otherwise idle core.
    let mainCpuSeconds = 0;
    const stat = `/proc/${child.pid}/stat`;
    const mainStat = `/proc/${child.pid}/task/${child.pid}/stat`;
    const ticksOf = (file) => {
      const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    };
    const sample = () => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
        if (match) peakRss = Math.max(peakRss, Number(match[1]) * 1024);
        const seconds = ticksOf(stat);
        if (Number.isFinite(seconds)) cpuSeconds = Math.max(cpuSeconds, seconds);
        const main = ticksOf(mainStat);
        if (Number.isFinite(main)) mainCpuSeconds = Math.max(mainCpuSeconds, main);
      } catch {
        // The process has exited, or /proc is not there (not Linux): keep the last sample.
      }
    };
    const timer = setInterval(sample, 20);
    child.stdout.on('data', (chunk) => {
      firstByte ??= Number(process.hrtime.bigint() - started) / 1e6;
      outputBytes += chunk.length;
      digest.update(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, ms: Number(process.hrtime.bigint() - started) / 1e6, firstByte, outputBytes, peakRss, cpuSeconds, mainCpuSeconds, stderr, sha256: digest.digest('hex') });
    });
  });
}

function scalingRun() {
  const unit = readFileSync(join(ROOT, 'test/fixtures/seeds/001.txt'), 'utf8');
  const rows = [];
  for (const size of [1, 2, 4, 5]) {
    const copies = Math.ceil((size * 1024 * 1024) / Buffer.byteLength(unit));
    const text = Array.from({ length: copies }, () => unit).join('\n');
    checkText(text);
    const times = [];
    for (let run = 0; run < 3; run++) {
      const started = process.hrtime.bigint();
      checkText(text);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    rows.push({ size, bytes: Buffer.byteLength(text), ms: median(times) });
  }
  return rows;
}

/** Each hostile shape at `size` MB and half that, each checked in a fresh process. */
async function largeRun(size) {
  const { SHAPES } = await import('./hostile.mjs');
  const measure = (shape, mb) =>
    new Promise((resolveRun) => {
      const child = spawn(process.execPath, [join(ROOT, 'bench/hostile.mjs'), shape, String(mb)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('close', (code) => resolveRun(code === 0 ? JSON.parse(out) : { failed: `exit ${code}: ${err.split('\n').find((line) => line.trim() !== '') ?? ''}` }));
    });
  const rows = [];
  for (const shape of Object.keys(SHAPES)) {
    console.error(`large: ${shape}…`);
    rows.push({ shape, half: await measure(shape, size / 2), full: await measure(shape, size) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Documents: PDF and Word files, read by their front-ends

const DOCUMENTS = join(ROOT, 'test/fixtures/documents');
const documentFiles = (pattern) => readdirSync(DOCUMENTS).filter((name) => pattern.test(name)).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(DOCUMENTS, name))) }));
const PDF_OPTIONS = { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 };

/** pdf.js's own text extraction of a file: the document opened, every page's text content read. */
async function pdfjsExtract(pdfjs, bytes) {
  const task = pdfjs.getDocument({ data: bytes.slice(), ...PDF_OPTIONS });
  const pdf = await task.promise;
  for (let number = 1; number <= pdf.numPages; number++) await (await pdf.getPage(number)).getTextContent();
  const pages = pdf.numPages;
  await task.destroy();
  return pages;
}

/**
 * CPU seconds of two text passes of pdf.js over a file's pages, one after the other on one open
 * document: the first also loads the fonts (each embedded font program parsed and rebuilt, once per
 * document), the second finds them loaded. Their difference is the font loading that any reading of
 * the text with pdf.js pays, and that no option of pdf.js turns off.
 */
async function pdfjsTextPasses(pdfjs, bytes) {
  const task = pdfjs.getDocument({ data: bytes.slice(), ...PDF_OPTIONS });
  const pdf = await task.promise;
  const pages = [];
  for (let number = 1; number <= pdf.numPages; number++) pages.push(await pdf.getPage(number));
  const passes = [];
  for (let pass = 0; pass < 2; pass++) {
    const started = cpuSeconds();
    for (const page of pages) await page.getTextContent();
    passes.push(cpuSeconds() - started);
  }
  await task.destroy();
  return passes;
}

/** The process's CPU time, in seconds: on a shared machine it moves less than the wall clock. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * Seconds (wall clock and CPU) of one round of each of `runs` over the files, the medians of several
 * rounds after one warm-up round. The runs take turns round by round, so that a neighbour's load on
 * the shared machine weighs on all of them alike, and their ratios are taken round by round.
 */
async function timeInTurns(files, runs, rounds) {
  for (const run of runs) for (const file of files) await run(file);
  const wall = runs.map(() => []);
  const cpu = runs.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, run] of runs.entries()) {
      const started = process.hrtime.bigint();
      const startedCpu = cpuSeconds();
      for (const file of files) await run(file);
      wall[index].push(Number(process.hrtime.bigint() - started) / 1e9);
      cpu[index].push(cpuSeconds() - startedCpu);
    }
  }
  const ratio = (times, index) => median(times[index].map((seconds, round) => seconds / times[0][round]));
  return runs.map((_, index) => ({ wall: median(wall[index]), cpu: median(cpu[index]), toFirst: ratio(wall, index), toFirstCpu: ratio(cpu, index) }));
}

async function documentsRun() {
  // The corpus PDFs: 001 and 002 have five pages, 003 six.
  const pdfs = documentFiles(/^00[123]\.pdf$/);
  // pdf.js loaded by the library first, as a caller meets it: the extraction below runs in the
  // process the library leaves (pdf.js's legacy build replaces built-ins; the library puts the hot ones back).
  await checkDocument(pdfs[0].bytes);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pages = 0;
  for (const file of pdfs) pages += await pdfjsExtract(pdfjs, file.bytes);
  const rounds = Math.max(5, PASSES * 2);
  const [extract, check] = await timeInTurns(pdfs, [(file) => pdfjsExtract(pdfjs, file.bytes), (file) => checkDocument(file.bytes)], rounds);
  const fontLoading = [];
  for (let round = 0; round < rounds; round++) {
    let seconds = 0;
    for (const file of pdfs) {
      const [first, second] = await pdfjsTextPasses(pdfjs, file.bytes);
      seconds += first - second;
    }
    fontLoading.push(seconds);
  }
  const docx = documentFiles(/^(?:seed-.*|template-2021)\.docx$/);
  const [docxCheck] = await timeInTurns(docx, [(file) => checkDocument(file.bytes)], 20);

  // Memory: many PDFs checked in a row — every PDF of the fixtures in turn, the corpus, the seeds
  // and the hostile ones (a scan, an encrypted and a truncated file) — with the heap after a
  // collection and the RSS at the 100th and at the last.
  const memoryFiles = documentFiles(/\.pdf$/);
  const snapshots = [];
  let peakRss = 0;
  const memoryStarted = process.hrtime.bigint();
  for (let index = 1; index <= PDF_REPORTS; index++) {
    await checkDocument(memoryFiles[index % memoryFiles.length].bytes);
    if (index % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (index === Math.min(100, PDF_REPORTS) || index === PDF_REPORTS) {
      gc();
      snapshots.push({ reports: index, ...memoryNow() });
    }
  }
  const perFive = (seconds) => pages / 5 / seconds;
  return {
    pdfReports: pdfs.length,
    pages,
    pdfPerSecond: pdfs.length / check.wall,
    fivePagePerSecond: perFive(check.wall),
    fivePagePerCpuSecond: perFive(check.cpu),
    extractFivePagePerSecond: perFive(extract.wall),
    extractFivePagePerCpuSecond: perFive(extract.cpu),
    fontLoadingFivePageMs: (median(fontLoading) / (pages / 5)) * 1000,
    extractRatio: check.toFirst,
    extractCpuRatio: check.toFirstCpu,
    docxReports: docx.length,
    docxPerSecond: docx.length / docxCheck.wall,
    docxPerCpuSecond: docx.length / docxCheck.cpu,
    memoryFiles: memoryFiles.length,
    memorySeconds: Number(process.hrtime.bigint() - memoryStarted) / 1e9,
    snapshots,
    peakRss,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const fixed = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const check = (ok) => (ok ? '✓' : '✗');

async function main() {
  console.error(`corpus: ${generateCorpus(REPORTS)} (${REPORTS} reports in ${CORPUS_ARG})`);

  console.error('library: checking the corpus…');
  const library = libraryRun();

  let cli;
  let cliSerial;
  let cliSmall;
  let cliHalf;
  let startup;
  if (WITH_CLI) {
    console.error('cli: checking the corpus folder…');
    // The default (--concurrency auto: a worker per core on a folder this size), then one thread.
    cli = await cliRun(['--format', 'json', CORPUS_ARG]);
    console.error('cli: the same folder on one thread (--concurrency 1)…');
    cliSerial = await cliRun(['--format', 'json', '--concurrency', '1', CORPUS_ARG]);
    // Subsets of both scripts, by file-name globs: 1,000 files (000xx–004xx of each folder), and 5,000.
    cliSmall = await cliRun(['--format', 'json', `${CORPUS_ARG}/*/00[0-4]*.txt`]);
    cliHalf = await cliRun(['--format', 'json', `${CORPUS_ARG}/*/0[01]*.txt`, `${CORPUS_ARG}/*/02[0-4]*.txt`]);
    const firstBytes = [];
    for (let run = 0; run < 9; run++) firstBytes.push((await cliRun(['--format', 'json', 'test/fixtures/seeds/001.txt'])).firstByte);
    startup = median(firstBytes);
  }

  console.error('scaling: 1–5 MB inputs…');
  const scaling = scalingRun();
  const large = LARGE_MB > 0 ? await largeRun(LARGE_MB) : [];

  // Web pages and the cost ratios (issue 8): bench/html.mjs.
  console.error('html: published pages…');
  const html = await htmlRun(ROOT, { sameIsolate: SAME_ISOLATE });
  console.error('text: the cost ratio, in CPU time…');
  const textRatio = textRatioRun(ROOT);

  let documents;
  if (WITH_DOCUMENTS) {
    console.error(`documents: PDF and Word files (${PDF_REPORTS} PDFs for the memory figure)…`);
    documents = await documentsRun();
  }

  const lines = [];
  lines.push(`### Benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores; the library on one thread)`);
  lines.push('');
  lines.push('| Measure | Result | Target |');
  lines.push('| --- | ---: | ---: |');
  for (const rate of library.rates) {
    const target = rate.script === 'simplified' ? 2000 : 500;
    const spread = PASSES > 1 ? ` (median of ${PASSES} passes, ${fixed(rate.low)}–${fixed(rate.high)})` : '';
    lines.push(`| Library, ${rate.script} reports (${fixed(rate.reports)}) | ${fixed(rate.perSecond)} reports/s${spread}, ${fixed(mb(rate.bytes) / rate.seconds, 1)} MB/s | ≥ ${fixed(target)} reports/s ${check(rate.perSecond >= target)} |`);
  }
  lines.push(textRatioLine(textRatio));
  const first = library.snapshots.find((snapshot) => snapshot.reports === 1000);
  const last = library.snapshots.find((snapshot) => snapshot.reports === REPORTS);
  lines.push(`| Library, peak memory | ${fixed(mb(library.peakRss))} MB RSS, ${fixed(mb(library.peakHeap))} MB heap | |`);
  if (first && last) {
    const flat = last.heapUsed <= first.heapUsed * 1.2 + 2 * 1024 * 1024;
    lines.push(`| Library, heap retained after 1,000 → ${fixed(REPORTS)} reports | ${fixed(mb(first.heapUsed), 1)} → ${fixed(mb(last.heapUsed), 1)} MB | flat ${check(flat)} |`);
  }
  if (cli && cliSmall && cliHalf) {
    const files = REPORTS;
    lines.push(`| CLI on the corpus folder (\`--format json\`, \`--concurrency auto\`: ${cpus().length} threads) | ${fixed(files / (cli.ms / 1000))} reports/s, ${fixed(cli.ms / 1000, 1)} s, exit ${cli.code} | |`);
    if (cliSerial) {
      const speedUp = cliSerial.ms / cli.ms;
      lines.push(`| CLI on one thread (\`--concurrency 1\`) | ${fixed(files / (cliSerial.ms / 1000))} reports/s, ${fixed(cliSerial.ms / 1000, 1)} s | |`);
      lines.push(`| Parallel speed-up on ${cpus().length} cores, wall time (output byte-identical: ${check(cliSerial.sha256 === cli.sha256)}) | ${fixed(speedUp, 2)}× | ≥ 1.7× ${check(speedUp >= 1.7)} |`);
      // The scaling model: with the cores free, the parallel run takes its CPU time spread over the
      // threads, so the speed-up is threads × serial CPU / parallel CPU (the work the threads add —
      // starting, warming up, passing results — is what keeps it under the thread count).
      if (cli.cpuSeconds > 0 && cliSerial.cpuSeconds > 0) {
        const model = (cpus().length * cliSerial.cpuSeconds) / cli.cpuSeconds;
        lines.push(`| Scaling model: ${cpus().length} × CPU time serial / parallel (${fixed(cliSerial.cpuSeconds, 1)} s / ${fixed(cli.cpuSeconds, 1)} s) | ${fixed(model, 2)}× | ≥ 1.7× ${check(model >= 1.7)} |`);
        // The most any number of workers could give on these cores, with no cost of their own: a
        // serial run takes about its main thread's CPU time (the compiler and GC threads use the
        // idle core), a perfect parallel one its whole CPU time spread over the cores.
        if (cliSerial.mainCpuSeconds > 0) {
          const ceiling = Math.min(cpus().length, (cpus().length * cliSerial.mainCpuSeconds) / cliSerial.cpuSeconds);
          lines.push(`| Ceiling with free workers: ${cpus().length} × serial main-thread CPU / serial CPU (${fixed(cliSerial.mainCpuSeconds, 1)} s / ${fixed(cliSerial.cpuSeconds, 1)} s; the rest is V8's compiler and GC threads) | ${fixed(ceiling, 2)}× | |`);
        }
      }
    }
    lines.push(`| CLI peak RSS (main thread and workers), 1,000 → 5,000 → ${fixed(files)} files | ${fixed(mb(cliSmall.peakRss))} → ${fixed(mb(cliHalf.peakRss))} → ${fixed(mb(cli.peakRss))} MB | flat ${check(cli.peakRss <= cliHalf.peakRss * 1.2)} |`);
    lines.push(`| CLI start to first result (one file, median of 9) | ${fixed(startup)} ms | ≤ 300 ms ${check(startup <= 300)} |`);
  }
  lines.push('');
  lines.push('| Input size | checkText time | Time per MB |');
  lines.push('| ---: | ---: | ---: |');
  for (const row of scaling) lines.push(`| ${row.size} MB | ${fixed(row.ms)} ms | ${fixed(row.ms / mb(row.bytes))} ms/MB |`);
  if (large.length > 0) {
    lines.push('');
    lines.push(`| Hostile input (${fixed(LARGE_MB)} MB) | checkText time | Peak RSS | Time at ${fixed(LARGE_MB / 2)} MB → ${fixed(LARGE_MB)} MB |`);
    lines.push('| --- | ---: | ---: | ---: |');
    for (const row of large) {
      if (row.full.failed || row.half.failed) lines.push(`| ${row.shape} | ${row.full.failed ?? row.half.failed} | | |`);
      else lines.push(`| ${row.shape} | ${fixed(row.full.ms)} ms | ${fixed(row.full.peakRssMb)} MB | × ${fixed(row.full.ms / row.half.ms, 1)} (linear: × 2) |`);
    }
  }
  lines.push(...htmlLines(html));
  if (documents) {
    const [early, late = early] = documents.snapshots;
    lines.push('');
    lines.push('| PDF and Word (one thread) | Result | Target |');
    lines.push('| --- | ---: | ---: |');
    lines.push(`| PDF, full check (corpus 001–003, ${documents.pages} pages) | ${fixed(documents.pdfPerSecond, 1)} reports/s = ${fixed(documents.fivePagePerSecond, 1)} five-page reports/s (CPU time: ${fixed(documents.fivePagePerCpuSecond, 1)}) | ≥ 20 five-page reports/s ${check(documents.fivePagePerSecond >= 20)} |`);
    lines.push(`| pdf.js's own text extraction of the same files (the ceiling on this machine) | ${fixed(documents.extractFivePagePerSecond, 1)} five-page reports/s (CPU time: ${fixed(documents.extractFivePagePerCpuSecond, 1)}) | |`);
    lines.push(`| pdf.js's font loading alone (its first text pass over a file less its second, which finds the fonts loaded; no pdf.js option turns it off) | ${fixed(documents.fontLoadingFivePageMs)} ms CPU per five pages: at most ${fixed(1000 / documents.fontLoadingFivePageMs, 1)} five-page reports/s for any reader on pdf.js | |`);
    lines.push(`| PDF, full check ÷ pdf.js's own text extraction (median of the rounds' ratios) | ${fixed(documents.extractRatio, 2)}× (CPU time: ${fixed(documents.extractCpuRatio, 2)}×) | ≤ 1.5× ${check(documents.extractRatio <= 1.5)} |`);
    lines.push(`| Word, full check (${documents.docxReports} files: the seeds and the WPS template) | ${fixed(documents.docxPerSecond)} reports/s (CPU time: ${fixed(documents.docxPerCpuSecond)}) | ≥ 200 reports/s ${check(documents.docxPerSecond >= 200)} |`);
    if (early && late) {
      const flat = late.heapUsed <= early.heapUsed * 1.2 + 2 * 1024 * 1024;
      lines.push(
        `| PDF, after ${fixed(early.reports)} → ${fixed(late.reports)} PDFs (the ${documents.memoryFiles} fixture PDFs in turn, ${fixed(documents.memorySeconds)} s): heap retained, RSS | ${fixed(mb(early.heapUsed), 1)} → ${fixed(mb(late.heapUsed), 1)} MB heap, ${fixed(mb(early.rss))} → ${fixed(mb(late.rss))} MB RSS (peak ${fixed(mb(documents.peakRss))} MB) | flat ${check(flat)} |`,
      );
    }
  }
  lines.push('');
  lines.push(`Corpus: ${fixed(REPORTS)} reports generated from the five seeds (half converted to traditional script with OpenCC), 60 % with one or two planted faults (a changed number, a dropped table row, a removed section); ${fixed(library.totals.errorCount)} errors and ${fixed(library.totals.warningCount)} warnings found.`);
  console.log(lines.join('\n'));
  if (cli && cli.code !== 0 && cli.code !== 1) console.error(`cli exited ${cli.code}: ${cli.stderr.split('\n')[0]}`);
  if (cli && cliSerial && cli.sha256 !== cliSerial.sha256) {
    console.error('the parallel and the serial run gave different output');
    process.exitCode = 1;
  }
}

await main();
