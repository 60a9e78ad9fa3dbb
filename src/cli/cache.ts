import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FileResult, TextPosition } from '../index.js';
import type { CheckOutcome, CheckTask } from './check-file.js';

/** Where `--cache` keeps its file unless `--cache-location` says otherwise (relative to the working directory). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/xxgk-lint/cache.json';

interface StoredOutcome {
  readonly key: string;
  readonly outcome: Omit<CheckOutcome, 'result'> & { readonly result: Omit<FileResult, 'endPositions'> & { readonly endPositions?: [number, TextPosition][] } };
}

interface CacheFile {
  readonly version: string;
  readonly entries: Record<string, StoredOutcome>;
}

/**
 * The results of earlier runs, keyed by file: a file is skipped when its bytes and the settings it
 * is checked with (rule levels, locale, --quiet) hash the same, and the xxgk-lint version is the
 * one that wrote the cache. Anything else — a new version, an edited file, a changed level — checks
 * the file again. Outcomes that depend on the file system (unreadable files) are never cached.
 */
export class ResultCache {
  private readonly entries: Map<string, StoredOutcome>;
  private readonly seen = new Set<string>();
  hits = 0;

  constructor(
    private readonly location: string,
    private readonly version: string,
  ) {
    this.entries = new Map();
    try {
      const stored = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      if (stored.version === version && typeof stored.entries === 'object') this.entries = new Map(Object.entries(stored.entries));
    } catch {
      // No cache yet, or one that cannot be read: start empty (a cache is never a reason to fail).
    }
  }

  /** The key of a file's bytes checked with a task's settings. */
  static keyOf(bytes: Uint8Array, task: CheckTask): string {
    const settings = JSON.stringify({ rules: Object.entries(task.rules).sort(), locale: task.locale, quiet: task.quiet, cells: task.cells === true, name: task.name, publishedOn: task.publishedOn ?? null });
    return createHash('sha256').update(bytes).update('\u0000').update(settings).digest('hex');
  }

  /** The cached outcome for a file, when its key matches. */
  get(path: string, key: string): CheckOutcome | undefined {
    const stored = this.entries.get(path);
    this.seen.add(path);
    if (!stored || stored.key !== key) return undefined;
    this.hits++;
    const { endPositions, ...result } = stored.outcome.result;
    return { ...stored.outcome, result: { ...result, ...(endPositions ? { endPositions: new Map(endPositions) } : {}) } };
  }

  /** Remembers a file's outcome (not a fatal one: those depend on the file system, not the bytes). */
  set(path: string, key: string, outcome: CheckOutcome): void {
    this.seen.add(path);
    if (outcome.fatal) return;
    const { endPositions, ...result } = outcome.result;
    this.entries.set(path, { key, outcome: { ...outcome, result: { ...result, ...(endPositions ? { endPositions: [...endPositions] } : {}) } } });
  }

  /** Writes the cache, keeping the entries of files this run did not check (a partial run loses nothing). */
  save(): void {
    try {
      mkdirSync(dirname(this.location), { recursive: true });
      writeFileSync(this.location, JSON.stringify({ version: this.version, entries: Object.fromEntries(this.entries) } satisfies CacheFile));
    } catch {
      // A cache that cannot be written only costs the next run its speed.
    }
  }
}
