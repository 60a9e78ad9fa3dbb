// One piece of bench/html.mjs's work, in an isolate of its own: a full check of a page, or parse5's
// parse of it with or without source locations (workerData: { piece, html }). Each message runs the
// piece once and answers with its milliseconds and the CPU milliseconds the process spent meanwhile
// (the other workers are idle then: bench/html.mjs runs one piece at a time).
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'parse5';
import { checkDocument } from '../dist/index.js';

const { piece, html } = workerData;
const work = {
  check: () => checkDocument(html, { form: 'html' }),
  parseWithLocations: () => parse(html, { sourceCodeLocationInfo: true }),
  parseOnly: () => parse(html),
}[piece];
if (work === undefined) throw new Error(`unknown piece: ${piece}`);

parentPort.on('message', async () => {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  parentPort.postMessage({ ms, cpu: (used.user + used.system) / 1000 });
});
parentPort.postMessage('ready');
