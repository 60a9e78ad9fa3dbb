import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { normalize, parseReportJson, serializeReport } from '../index.js';
import type { AnnualReportInput, FileResult, TextPosition } from '../index.js';
import type { CheckOutcome, CheckTask } from './check-file.js';

/** Where `--cache` keeps its file unless `--cache-location` says otherwise (relative to the working directory). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/xxgk-lint/cache.json';

// What an output that draws the report (HTML) needs of it, in JSON form: the typed report (its
// amounts as decimal strings) and the text it was read from.
interface StoredReport {
  readonly report: AnnualReportInput;
  readonly text: string;
  readonly encoding?: string;
}

interface StoredOutcome {
  readonly key: string;
  readonly outcome: Omit<CheckOutcome, 'result' | 'kept'> & {
    readonly result: Omit<FileResult, 'endPositions'> & { readonly endPositions?: [number, TextPosition][] };
    readonly kept?: StoredReport;
  };
}

interface CacheFile {
  readonly version: string;
  readonly entries: Record<string, StoredOutcome>;
}

/**
 * The results of earlier runs, keyed by file: a file is skipped when its bytes and the settings it
 * is checked with (rule levels, locale, --quiet, and what the output needs: cells, the report in
 * JSON form, the report itself for a format that draws it) hash the same, and the xxgk-lint version is the
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
    // A result stored without the report (a stylish run) must not serve a run that shows it
    // (--include-report, the HTML page): what the outcome holds is part of the key.
    const settings = JSON.stringify({
      rules: Object.entries(task.rules).sort(),
      locale: task.locale,
      quiet: task.quiet,
      cells: task.cells === true,
      includeReport: task.includeReport === true,
      keep: task.keep === true,
      name: task.name,
      publishedOn: task.publishedOn ?? null,
    });
    return createHash('sha256').update(bytes).update('\u0000').update(settings).digest('hex');
  }

  /** The cached outcome for a file, when its key matches. */
  get(path: string, key: string): CheckOutcome | undefined {
    const stored = this.entries.get(path);
    this.seen.add(path);
    if (!stored || stored.key !== key) return undefined;
    const { kept: storedReport, ...outcome } = stored.outcome;
    let kept: CheckOutcome['kept'];
    if (storedReport) {
      // Revived through the report's own schema, so its amounts are Decimals again; a stored report
      // the schema refuses (a cache edited by hand) is a miss, and the file is checked again.
      const parsed = parseReportJson(storedReport.report);
      if (!parsed.success) return undefined;
      // A cached result is never compared year over year (a series bypasses the cache): the text
      // is kept for the output to show, and normalized again only to be a SourceText of it.
      kept = { report: parsed.data, source: normalize(storedReport.text), ...(storedReport.encoding !== undefined ? { encoding: storedReport.encoding } : {}) };
    }
    this.hits++;
    const { endPositions, ...result } = outcome.result;
    return { ...outcome, result: { ...result, ...(endPositions ? { endPositions: new Map(endPositions) } : {}) }, ...(kept ? { kept } : {}) };
  }

  /** Remembers a file's outcome (not a fatal one: those depend on the file system, not the bytes). */
  set(path: string, key: string, outcome: CheckOutcome): void {
    this.seen.add(path);
    if (outcome.fatal) return;
    const { kept, ...rest } = outcome;
    const { endPositions, ...result } = rest.result;
    const storedReport: StoredReport | undefined = kept
      ? { report: serializeReport(kept.report), text: kept.source.original, ...(kept.encoding !== undefined ? { encoding: kept.encoding } : {}) }
      : undefined;
    this.entries.set(path, {
      key,
      outcome: { ...rest, result: { ...result, ...(endPositions ? { endPositions: [...endPositions] } : {}) }, ...(storedReport ? { kept: storedReport } : {}) },
    });
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
