import { availableParallelism } from 'node:os';
import { checkTask } from './check-file.js';
import type { CheckOutcome, CheckTask } from './check-file.js';
import type { Concurrency } from './args.js';

/** Below this many files `--concurrency auto` checks on the main thread: starting workers costs more than it saves. */
export const AUTO_MIN_FILES = 24;

// Files per message to a worker: enough that messaging is a small share of the work, few enough
// that output still streams and the two threads finish close together.
const BATCH = 16;

/** An outcome already known (a cache hit, a target that named nothing): passed through in its place. */
export interface Precomputed {
  readonly outcome: CheckOutcome;
}

const isPrecomputed = (item: CheckTask | Precomputed): item is Precomputed => 'outcome' in item;

/** How many worker threads a run uses: 0 means none (the main thread checks). */
export function threadCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'auto') return files < AUTO_MIN_FILES ? 0 : Math.max(0, Math.min(availableParallelism(), Math.ceil(files / BATCH)));
  return concurrency <= 1 ? 0 : Math.min(concurrency, Math.max(1, Math.ceil(files / BATCH)));
}

/**
 * Checks tasks and yields their outcomes in the order of the tasks, whichever thread finishes
 * first: output is the same, byte for byte, as a serial run. At most a few batches per thread are
 * in flight, so memory stays flat however many files there are.
 */
export async function* checkInOrder(tasks: AsyncIterable<CheckTask | Precomputed>, threads: number): AsyncGenerator<CheckOutcome> {
  if (threads === 0) {
    for await (const task of tasks) yield isPrecomputed(task) ? task.outcome : await checkTask(task);
    return;
  }
  const { Tinypool } = await import('tinypool');
  // The worker is a file of its own beside the bundled command (dist/worker.js).
  const pool = new Tinypool({ filename: new URL('./worker.js', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  const inFlight: Promise<CheckOutcome[]>[] = [];
  const window = threads * 3;
  let batch: CheckTask[] = [];
  try {
    for await (const task of tasks) {
      if (isPrecomputed(task)) {
        // Whatever was batched before it goes first, so the order holds.
        if (batch.length > 0) inFlight.push(pool.run(batch) as Promise<CheckOutcome[]>);
        batch = [];
        inFlight.push(Promise.resolve([task.outcome]));
      } else {
        batch.push(task);
        if (batch.length < BATCH) continue;
        inFlight.push(pool.run(batch) as Promise<CheckOutcome[]>);
        batch = [];
      }
      if (inFlight.length >= window) yield* (await inFlight.shift()) as CheckOutcome[];
    }
    if (batch.length > 0) inFlight.push(pool.run(batch) as Promise<CheckOutcome[]>);
    while (inFlight.length > 0) yield* (await inFlight.shift()) as CheckOutcome[];
  } finally {
    // A consumer that stops early (the reader of stdout left) must not leave batches unobserved.
    for (const pending of inFlight) pending.catch(() => {});
    await pool.destroy();
  }
}
