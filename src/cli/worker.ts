import { checkTask } from './check-file.js';
import type { CheckOutcome, CheckTask } from './check-file.js';

/** A worker thread's task: a batch of files, checked in order (one message per batch, not per file). */
export default function checkBatch(tasks: readonly CheckTask[]): CheckOutcome[] {
  return tasks.map(checkTask);
}
