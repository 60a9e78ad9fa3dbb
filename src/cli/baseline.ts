import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import * as z from 'zod';
import { contentFingerprint, countDiagnostics, isFatal } from '../index.js';
import type { Diagnostic, FileResult, SuppressedDiagnostic } from '../index.js';

/**
 * A baseline: the findings accepted as known, by file and rule, each rule with its count and the
 * content fingerprints of its findings (rule, message, template place — never line numbers), so a
 * finding stays accepted when lines are inserted above it and a new one is reported however close.
 */
export const BaselineSchema = z.strictObject({
  version: z.literal(1),
  files: z.record(
    z.string(),
    z.record(
      z.string(),
      z.strictObject({
        /** How many findings of this rule the file had: the sum of the fingerprint counts. */
        count: z.number().int().nonnegative(),
        /** Fingerprint → how many findings share it. */
        fingerprints: z.record(z.string(), z.number().int().positive()),
        /** Why these findings are accepted (kept when the baseline is rewritten or pruned). */
        reason: z.string().optional(),
      }),
    ),
  ),
});

/** A baseline file's content. */
export type Baseline = z.infer<typeof BaselineSchema>;

/** The key a file has in a baseline: its path relative to the working directory, with `/`. */
export function baselineKey(file: string, cwd: string): string {
  const path = relative(cwd, resolve(cwd, file)).split(sep).join('/');
  return path.startsWith('../') || path === '' ? file.split(sep).join('/') : path;
}

/** Reads a baseline file; an error message (one line) when it is missing, not JSON or not a baseline. */
export function readBaseline(path: string): Baseline | { error: unknown } {
  try {
    const parsed = BaselineSchema.safeParse(JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    return { error: new Error(`${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'not a baseline'}`) };
  } catch (error) {
    return { error };
  }
}

/** Applies a baseline to the results, file by file, and remembers what matched (for stale entries and pruning). */
export class BaselineMatcher {
  // What is left of each file's accepted fingerprints, decremented as findings match.
  private readonly remaining = new Map<string, Map<string, Map<string, number>>>();
  private readonly checked = new Set<string>();
  private suppressedTotal = 0;

  constructor(
    private readonly baseline: Baseline,
    private readonly cwd: string,
  ) {}

  /** The result with the findings the baseline records moved to `suppressed` (fatal ones are never suppressed). */
  apply(result: FileResult): FileResult {
    const key = baselineKey(result.file, this.cwd);
    this.checked.add(key);
    const entries = this.baseline.files[key];
    let left = this.remaining.get(key);
    if (!left) {
      left = new Map(Object.entries(entries ?? {}).map(([rule, entry]) => [rule, new Map(Object.entries(entry.fingerprints))]));
      this.remaining.set(key, left);
    }
    const kept: Diagnostic[] = [];
    const suppressed: SuppressedDiagnostic[] = [];
    for (const diagnostic of result.diagnostics) {
      const fingerprints = isFatal(diagnostic) ? undefined : left.get(diagnostic.ruleId);
      const fingerprint = contentFingerprint(diagnostic);
      const count = fingerprints?.get(fingerprint) ?? 0;
      if (fingerprints && count > 0) {
        fingerprints.set(fingerprint, count - 1);
        const reason = entries?.[diagnostic.ruleId]?.reason;
        suppressed.push({ ...diagnostic, suppressions: [{ kind: 'baseline', ...(reason !== undefined ? { justification: reason } : {}) }] });
      } else {
        kept.push(diagnostic);
      }
    }
    this.suppressedTotal += suppressed.length;
    const counts = countDiagnostics(kept);
    return { ...result, diagnostics: kept, errorCount: counts.errorCount, warningCount: counts.warningCount, suppressed };
  }

  /** Findings suppressed so far. */
  get suppressedCount(): number {
    return this.suppressedTotal;
  }

  /** Entries of the files checked that matched nothing (a file not checked in this run is not stale). */
  staleCount(): number {
    let stale = 0;
    for (const key of this.checked) for (const fingerprints of this.remaining.get(key)?.values() ?? []) for (const count of fingerprints.values()) stale += count;
    return stale;
  }

  /** The baseline without its stale entries: what `--prune-baseline` writes. */
  pruned(): Baseline {
    const files: Baseline['files'] = {};
    for (const [key, rules] of Object.entries(this.baseline.files)) {
      const left = this.checked.has(key) ? this.remaining.get(key) : undefined;
      const kept: Baseline['files'][string] = {};
      for (const [rule, entry] of Object.entries(rules)) {
        const fingerprints: Record<string, number> = {};
        for (const [fingerprint, count] of Object.entries(entry.fingerprints)) {
          const used = count - (left?.get(rule)?.get(fingerprint) ?? 0);
          if (used > 0) fingerprints[fingerprint] = used;
        }
        const count = Object.values(fingerprints).reduce((sum, value) => sum + value, 0);
        if (count > 0) kept[rule] = { count, fingerprints, ...(entry.reason !== undefined ? { reason: entry.reason } : {}) };
      }
      if (Object.keys(kept).length > 0) files[key] = kept;
    }
    return { version: 1, files };
  }
}

/** Collects a run's findings into a new baseline, keeping the reasons of an earlier one. */
export class BaselineRecorder {
  private readonly files = new Map<string, Map<string, Map<string, number>>>();

  constructor(
    private readonly cwd: string,
    private readonly previous?: Baseline,
  ) {}

  /** Records a file's findings, reported and suppressed alike (fatal diagnostics are not findings). */
  add(result: FileResult): void {
    const key = baselineKey(result.file, this.cwd);
    const rules = this.files.get(key) ?? new Map<string, Map<string, number>>();
    for (const diagnostic of [...result.diagnostics, ...(result.suppressed ?? [])]) {
      if (isFatal(diagnostic)) continue;
      const fingerprints = rules.get(diagnostic.ruleId) ?? new Map<string, number>();
      const fingerprint = contentFingerprint(diagnostic);
      fingerprints.set(fingerprint, (fingerprints.get(fingerprint) ?? 0) + 1);
      rules.set(diagnostic.ruleId, fingerprints);
    }
    if (rules.size > 0) this.files.set(key, rules);
  }

  /** The number of findings recorded. */
  get count(): number {
    let total = 0;
    for (const rules of this.files.values()) for (const fingerprints of rules.values()) for (const count of fingerprints.values()) total += count;
    return total;
  }

  /** The baseline, files and rules sorted so that it diffs well under version control. */
  baseline(): Baseline {
    const files: Baseline['files'] = {};
    for (const key of [...this.files.keys()].sort()) {
      const rules = this.files.get(key) as Map<string, Map<string, number>>;
      const entry: Baseline['files'][string] = {};
      for (const rule of [...rules.keys()].sort()) {
        const fingerprints = rules.get(rule) as Map<string, number>;
        const sorted = Object.fromEntries([...fingerprints.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        const reason = this.previous?.files[key]?.[rule]?.reason;
        entry[rule] = { count: [...fingerprints.values()].reduce((sum, value) => sum + value, 0), fingerprints: sorted, ...(reason !== undefined ? { reason } : {}) };
      }
      files[key] = entry;
    }
    return { version: 1, files };
  }
}

/** A baseline as the file holds it: two-space JSON and a final newline. */
export const baselineText = (baseline: Baseline): string => `${JSON.stringify(baseline, null, 2)}\n`;
