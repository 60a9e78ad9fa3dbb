// The pieces of work bench/html.mjs times on a page, defined once for its own isolate and for each
// worker (bench/html-worker.mjs): a full check, and parse5's parse with and without source locations.
import { parse } from 'parse5';
import { checkDocument } from '../dist/index.js';

/** The pieces, by the name the report and the worker know them by. */
export const PIECES = ['check', 'parseWithLocations', 'parseOnly'];

/**
 * A piece's timed run over `html`: each call runs it once and gives its milliseconds and the CPU
 * milliseconds the process spent meanwhile (a piece descheduled by a neighbour spends none).
 */
export function pieceRunner(piece, html) {
  const work = {
    check: () => checkDocument(html, { form: 'html' }),
    parseWithLocations: () => parse(html, { sourceCodeLocationInfo: true }),
    parseOnly: () => parse(html),
  }[piece];
  if (work === undefined) throw new Error(`unknown piece: ${piece}`);
  return async () => {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    return { ms, cpu: (used.user + used.system) / 1000 };
  };
}
