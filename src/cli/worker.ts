import { checkTask } from './check-file.js';
import type { CheckOutcome, CheckTask } from './check-file.js';

/** A worker thread's task: a batch of files, checked in order (one message per batch, not per file). */
export default async function checkBatch(tasks: readonly CheckTask[]): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  for (const task of tasks) outcomes.push(await checkTask(task));
  return outcomes;
}
