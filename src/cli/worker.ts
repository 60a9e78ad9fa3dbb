import { checkBatch } from './pool.js';
import type { Batch, Outcome } from './pool.js';

// The pool hands a worker its next batch while it checks the current one: batches are checked in
// turn, never interleaved, so each comes back as soon as it is done.
let queue: Promise<unknown> = Promise.resolve();

/** A worker thread's task: a batch of files, checked in order (one message per batch, not per file). */
export default function runBatch(batch: Batch): Promise<Outcome[]> {
  const run = queue.then(() => checkBatch(batch));
  queue = run.catch(() => {});
  return run;
}
