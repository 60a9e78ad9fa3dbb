import { availableParallelism } from 'node:os';
import { checkTask } from './check-file.js';
import type { CheckOutcome, CheckTask } from './check-file.js';
import { cellsPiece, filePiece } from './emitters.js';
import type { PieceOptions } from './emitters.js';
import type { Concurrency } from './args.js';

/** Below this many files `--concurrency auto` checks on the main thread: starting workers costs more than it saves. */
export const AUTO_MIN_FILES = 24;

// At most one worker per this many files: a worker that would check fewer costs more to start than it saves.
const FILES_PER_WORKER = 16;

// Files per message to a worker: the first few batches are small, so that every worker has work at
// once and the first output comes soon; later ones are large, so that the cost of a message (the
// pool's bookkeeping, a clone each way, a wake-up of the main thread) is a small share of the work.
const FIRST_BATCH = 4;
const LARGEST_BATCH = 64;

/** The size of batch number `index` (from 0) of a run on `threads` workers: doubling once per round of the workers. */
export const batchSize = (index: number, threads: number): number => Math.min(LARGEST_BATCH, FIRST_BATCH * 2 ** Math.floor(index / Math.max(1, threads)));

/** An outcome already known (a cache hit, a target that named nothing): passed through in its place. */
export interface Precomputed {
  readonly outcome: CheckOutcome;
}

const isPrecomputed = (item: CheckTask | Precomputed): item is Precomputed => 'outcome' in item;

/**
 * What the workers send back when the run lets them format each file's output (no baseline, no
 * cache, a format whose pieces stand alone): the output format, and whether cells come as CSV.
 */
export interface PieceRequest {
  readonly output: PieceOptions;
  /** `--cells` into a CSV file (else JSON Lines); absent without --cells. */
  readonly cellsAsCsv?: boolean;
}

/**
 * A file checked on a worker, sent back as its formatted output and the few figures the run adds
 * up: a string crosses between threads for a fraction of what cloning the result would cost.
 */
export interface FormattedOutcome {
  /** The name the file is reported under. */
  readonly file: string;
  /** The file's output ({@link filePiece}). */
  readonly piece: string;
  /** Its rows of the cells file, when `--cells` asked for them. */
  readonly cellsPiece?: string;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  /** Warnings found, before --quiet dropped them (what --max-warnings counts). */
  readonly warningsFound: number;
  /** Lines for stderr (without the command prefix). */
  readonly notices: readonly string[];
  /** True when the file could not be checked at all. */
  readonly fatal: boolean;
}

/** A file's outcome as the run receives it: the result itself, or already formatted by a worker. */
export type Outcome = CheckOutcome | FormattedOutcome;

/** True for an outcome a worker formatted ({@link FormattedOutcome}). */
export const isFormatted = (outcome: Outcome): outcome is FormattedOutcome => 'piece' in outcome;

/** A worker's task: files to check in order, and how to send back each outcome. */
export interface Batch {
  readonly tasks: readonly CheckTask[];
  /** Format each outcome on the worker; absent: send the outcomes themselves. */
  readonly pieces?: PieceRequest;
}

/** A checked file's outcome as its formatted output (the same text the main thread would write for it). */
export function formatOutcome(outcome: CheckOutcome, request: PieceRequest): FormattedOutcome {
  const { result } = outcome;
  let infoCount = 0;
  for (const diagnostic of result.diagnostics) if (diagnostic.severity === 'info') infoCount++;
  return {
    file: result.file,
    piece: filePiece(result, outcome.report, request.output),
    ...(outcome.cells ? { cellsPiece: cellsPiece(outcome.cells, request.cellsAsCsv ?? false) } : {}),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    infoCount,
    warningsFound: outcome.warningsFound,
    notices: outcome.notices,
    fatal: outcome.fatal,
  };
}

/** Checks a batch, one file after the other (what a worker does with each message). */
export async function checkBatch(batch: Batch): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const task of batch.tasks) {
    const outcome = await checkTask(task);
    outcomes.push(batch.pieces ? formatOutcome(outcome, batch.pieces) : outcome);
  }
  return outcomes;
}

/** How many worker threads a run uses: 0 means none (the main thread checks). */
export function threadCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'auto') return files < AUTO_MIN_FILES ? 0 : Math.max(0, Math.min(availableParallelism(), Math.ceil(files / FILES_PER_WORKER)));
  return concurrency <= 1 ? 0 : Math.min(concurrency, Math.max(1, Math.ceil(files / FILES_PER_WORKER)));
}

/** Worker threads, started before the work is known (while the folders are walked): each loads the library meanwhile. */
export interface WorkerPool {
  /** How many workers. */
  readonly threads: number;
  /** Checks a batch on the next free worker. */
  run(batch: Batch): Promise<Outcome[]>;
  /** Stops the workers. */
  destroy(): Promise<void>;
}

/**
 * How many workers to start before the folders are walked, when the run may need workers: as many
 * as the smallest run that uses them does, so that a folder of a few dozen files starts no more.
 */
export const earlyThreadCount = (concurrency: Concurrency): number => threadCount(concurrency, AUTO_MIN_FILES);

/** Starts `threads` workers (tinypool); they load the library at once, before the first batch. */
export function startPool(threads: number): WorkerPool {
  const pool = import('tinypool').then(
    ({ Tinypool }) =>
      new Tinypool({
        // The worker is a file of its own beside the bundled command (dist/worker.js).
        filename: new URL('./worker.js', import.meta.url).href,
        minThreads: threads,
        maxThreads: threads,
        idleTimeout: 1000,
        // Each worker holds its next batch while it checks the current one, so it never waits for
        // the main thread to wake up and hand it more (the worker checks its batches in turn).
        concurrentTasksPerWorker: 2,
      }),
  );
  return {
    threads,
    run: async (batch) => (await pool).run(batch) as Promise<Outcome[]>,
    destroy: async () => (await pool).destroy(),
  };
}

/** The pool with workers added up to `threads` (a pool started early for fewer): each batch goes to the part least busy. */
export function withMoreWorkers(pool: WorkerPool, threads: number): WorkerPool {
  if (threads <= pool.threads) return pool;
  const parts = [pool, startPool(threads - pool.threads)];
  const busy = parts.map(() => 0);
  return {
    threads,
    run: (batch) => {
      let index = 0;
      for (let part = 1; part < parts.length; part++) if (busy[part]! / parts[part]!.threads < busy[index]! / parts[index]!.threads) index = part;
      busy[index]!++;
      return parts[index]!.run(batch).finally(() => busy[index]!--);
    },
    destroy: async () => {
      await Promise.all(parts.map((part) => part.destroy()));
    },
  };
}

/**
 * Checks tasks and yields their outcomes in the order of the tasks, whichever thread finishes
 * first: output is the same, byte for byte, as a serial run. Outcomes come in groups (a batch a
 * worker checked, or one file on the main thread), so that the run writes each group at once. At
 * most a few batches per thread are in flight, so memory stays flat however many files there are.
 * Without a pool the main thread checks; with one, `pieces` lets the workers format the outcomes.
 * The pool is destroyed at the end.
 */
export async function* checkInOrder(tasks: AsyncIterable<CheckTask | Precomputed>, pool: WorkerPool | undefined, pieces?: PieceRequest): AsyncGenerator<readonly Outcome[]> {
  if (pool === undefined) {
    for await (const task of tasks) yield [isPrecomputed(task) ? task.outcome : await checkTask(task)];
    return;
  }
  const inFlight: Promise<readonly Outcome[]>[] = [];
  const window = pool.threads * 3;
  let batch: CheckTask[] = [];
  let batches = 0;
  const send = (): void => {
    inFlight.push(pool.run({ tasks: batch, ...(pieces ? { pieces } : {}) }));
    batches++;
    batch = [];
  };
  try {
    for await (const task of tasks) {
      if (isPrecomputed(task)) {
        // Whatever was batched before it goes first, so the order holds.
        if (batch.length > 0) send();
        inFlight.push(Promise.resolve([task.outcome]));
      } else {
        batch.push(task);
        if (batch.length < batchSize(batches, pool.threads)) continue;
        send();
      }
      if (inFlight.length >= window) yield await (inFlight.shift() as Promise<readonly Outcome[]>);
    }
    if (batch.length > 0) send();
    while (inFlight.length > 0) yield await (inFlight.shift() as Promise<readonly Outcome[]>);
  } finally {
    // A consumer that stops early (the reader of stdout left) must not leave batches unobserved.
    for (const pending of inFlight) pending.catch(() => {});
    await pool.destroy();
  }
}
