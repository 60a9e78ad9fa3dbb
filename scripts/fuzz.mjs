#!/usr/bin/env node
/**
 * Fuzz campaign: `npm run fuzz -- --inputs 1000000` (long campaigns) or the deterministic CI slice
 * `npm run fuzz -- --inputs 3000 --seed 14`. Prints inputs, throws, hangs over 1 s, losses (inputs
 * with a number of a table neither placed nor reported, and how many numbers) and span errors, with the first findings of each kind;
 * exits 1 when any throw, hang or span error is found (and on losses with --fail-on-loss).
 *
 * Options: --inputs N (default 3000), --seed S (default 14), --from I (first input index),
 * --workers W (default 1), --findings N (findings of each kind kept in full per worker, default 10), --fail-on-loss, --quiet, --dump DIR (write each text input there, to keep the one that hangs). The sources are bundled (esbuild) and run in
 * worker threads; a worker silent for 60 s is stopped and its input counted as a hang.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// One bundle per campaign: a long run in the background keeps its own while the sources change.
const bundle = isMainThread ? join(root, 'node_modules', '.fuzz', `campaign-${process.pid}.mjs`) : workerData.bundle;

if (!isMainThread) {
  const { runSlice } = await import(pathToFileURL(bundle).href);
  const { seed, from, count, fixtures, progress, dump, keep } = workerData;
  const current = new Int32Array(progress);
  const stats = runSlice({
    seed,
    from,
    count,
    fixtures,
    keep,
    onProgress: (stats) => parentPort.postMessage({ type: 'progress', stats: { ...stats, findings: [] } }),
    ...(dump ? { onText: (index, text) => writeFileSync(join(dump, `${index}.txt`), text) } : {}),
    onInput: (index) => {
      Atomics.store(current, 0, index);
    },
  });
  parentPort.postMessage({ type: 'done', stats });
} else {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const inputs = option('inputs', 3000);
  const seed = option('seed', 14);
  const first = option('from', 0);
  const workers = Math.max(1, option('workers', 1));
  const failOnLoss = args.includes('--fail-on-loss');
  const quiet = args.includes('--quiet');
  const keep = option('findings', 10);
  const dumpAt = args.indexOf('--dump');
  const dump = dumpAt >= 0 ? resolve(args[dumpAt + 1]) : undefined;
  if (dump) mkdirSync(dump, { recursive: true });

  const { build } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  process.on('exit', () => rmSync(bundle, { force: true }));
  await build({ entryPoints: [join(root, 'scripts/fuzz-campaign.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error', packages: 'external' });

  const fixtures = [];
  for (const dir of ['test/fixtures/seeds', 'test/fixtures/corpus']) {
    for (const name of readdirSync(join(root, dir)).sort()) if (name.endsWith('.txt')) fixtures.push(readFileSync(join(root, dir, name), 'utf8'));
  }

  const started = Date.now();
  const total = { inputs: 0, throws: 0, hangs: 0, losses: 0, lostNumbers: 0, spanErrors: 0, slowest: 0, findings: [] };
  const merge = (stats) => {
    for (const key of ['inputs', 'throws', 'hangs', 'losses', 'lostNumbers', 'spanErrors']) total[key] += stats[key];
    total.slowest = Math.max(total.slowest, stats.slowest);
    total.findings.push(...stats.findings);
  };
  let done = 0;
  // Long campaigns print their figures so far every 10,000 inputs (a log shows how far a cut run got).
  const partial = new Map();
  let logged = 0;
  const logProgress = () => {
    const sums = { inputs: total.inputs, throws: total.throws, hangs: total.hangs, losses: total.losses, spanErrors: total.spanErrors };
    for (const stats of partial.values()) for (const key of Object.keys(sums)) sums[key] += stats[key];
    if (sums.inputs - logged < 10_000) return;
    logged = sums.inputs;
    console.log(`fuzz progress: inputs ${sums.inputs}, throws ${sums.throws}, hangs>1s ${sums.hangs}, losses ${sums.losses}, span errors ${sums.spanErrors} (${Math.round((Date.now() - started) / 1000)} s)`);
  };
  const report = () => {
    if (quiet || !process.stderr.isTTY) return;
    process.stderr.write(`\rfuzz: ${done}/${inputs} inputs, ${Math.round((Date.now() - started) / 1000)} s`);
  };

  // One slice per worker; a stalled worker is stopped, its input counted as a hang, and the rest of its slice run anew.
  const runWorker = (from, count) =>
    new Promise((resolveSlice) => {
      const progress = new SharedArrayBuffer(4);
      const current = new Int32Array(progress);
      Atomics.store(current, 0, from);
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { seed, from, count, fixtures, progress, dump, bundle, keep } });
      let lastSeen = Date.now();
      let seenIndex = from;
      const watchdog = setInterval(() => {
        const index = Atomics.load(current, 0);
        if (index !== seenIndex) {
          done += index - seenIndex;
          seenIndex = index;
          lastSeen = Date.now();
          report();
        } else if (Date.now() - lastSeen > 60_000) {
          clearInterval(watchdog);
          void worker.terminate();
          merge({ inputs: index - from + 1, throws: 0, hangs: 1, losses: 0, lostNumbers: 0, spanErrors: 0, slowest: 60_000, findings: [{ kind: 'hang', index, entry: 'any', detail: 'no progress for 60 s: stopped' }] });
          const rest = from + count - index - 1;
          resolveSlice(rest > 0 ? runWorker(index + 1, rest) : undefined);
        }
      }, 1000);
      worker.on('message', (message) => {
        if (message.type === 'progress') {
          partial.set(worker, message.stats);
          logProgress();
          return;
        }
        if (message.type !== 'done') return;
        partial.delete(worker);
        clearInterval(watchdog);
        done += from + count - seenIndex;
        merge(message.stats);
        resolveSlice(undefined);
      });
      worker.on('error', (error) => {
        clearInterval(watchdog);
        merge({ inputs: 0, throws: 1, hangs: 0, losses: 0, lostNumbers: 0, spanErrors: 0, slowest: 0, findings: [{ kind: 'throw', index: Atomics.load(current, 0), entry: 'worker', detail: String(error).slice(0, 300) }] });
        const index = Atomics.load(current, 0);
        const rest = from + count - index - 1;
        resolveSlice(rest > 0 ? runWorker(index + 1, rest) : undefined);
      });
    });

  const share = Math.ceil(inputs / workers);
  await Promise.all(Array.from({ length: workers }, (_, index) => Math.min(share, inputs - index * share)).filter((count) => count > 0).map((count, index) => runWorker(first + index * share, count)));
  if (!quiet && process.stderr.isTTY) process.stderr.write('\n');

  const seconds = (Date.now() - started) / 1000;
  console.log(
    `fuzz: seed ${seed}, inputs ${total.inputs}, throws ${total.throws}, hangs>1s ${total.hangs}, losses ${total.losses} (inputs; ${total.lostNumbers} numbers), span errors ${total.spanErrors}` +
      ` (${seconds.toFixed(0)} s, slowest input ${Math.round(total.slowest)} ms)`,
  );
  for (const finding of total.findings.sort((a, b) => a.index - b.index).slice(0, Math.max(30, keep))) {
    console.log(`  ${finding.kind} #${finding.index} ${finding.entry}: ${finding.detail}  (reproduce: npm run fuzz -- --seed ${seed} --from ${finding.index} --inputs 1)`);
  }
  process.exit(total.throws + total.hangs + total.spanErrors > 0 || (failOnLoss && total.losses > 0) ? 1 : 0);
}
