// One hostile input of the benchmark's large-input table, checked in a process of its own so that
// its peak memory is its own: `node bench/hostile.mjs <shape> <MB>` prints { ms, peakRssMb, heapMb }.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkText } from '../dist/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const seed = (id) => readFileSync(`${ROOT}test/fixtures/seeds/${id}.txt`, 'utf8');

/** The text of `unit` repeated to about `bytes` UTF-8 bytes. */
const repeatTo = (unit, bytes) => unit.repeat(Math.max(1, Math.ceil(bytes / Buffer.byteLength(unit))));

/** Seed 000 with `filler` put inside table 三 (after its heading line). */
function inTableThree(filler) {
  const text = seed('000');
  const at = text.indexOf('\n', text.indexOf('三、收到和处理政府信息公开申请情况')) + 1;
  return text.slice(0, at) + filler + '\n' + text.slice(at);
}

/** The hostile shapes: what crawlers and attackers have fed the checker (issue 14). */
export const SHAPES = {
  'table 三 heading, then "1 " repeated': (bytes) => inTableThree(repeatTo('1 ', bytes)),
  '发布日期, then newlines': (bytes) => `发布日期${'\n'.repeat(bytes)}x`,
  '第0页 and tabs inside table 三': (bytes) => inTableThree(`第0页${'\t'.repeat(bytes)}x`),
  'cell bars inside table 三': (bytes) => inTableThree(repeatTo('|', bytes)),
  'digits run together inside table 三': (bytes) => inTableThree(repeatTo('1234567890', bytes)),
  'one line of narrative, no line break': (bytes) => repeatTo('政府信息公开工作年度报告共受理申请5件，', bytes),
  'traditional script with OpenCC-widened characters': (bytes) => repeatTo(`${seed('004')}勣𡻕瓛\n`, bytes),
  'seed 000 repeated (a normal report, very long)': (bytes) => repeatTo(`${seed('000')}\n`, bytes),
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [shape, mb] = process.argv.slice(2);
  const text = SHAPES[shape](Number(mb) * 1024 * 1024);
  const started = process.hrtime.bigint();
  const { diagnostics } = checkText(text);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, heapMb: process.memoryUsage().heapUsed / 1024 / 1024, diagnostics: diagnostics.length }));
}
