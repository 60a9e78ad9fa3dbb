import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { DIRECTORY_EXTENSIONS } from './messages.js';
import type { MessageKey } from './messages.js';

/** Standard input, as a target. */
export const STDIN = Symbol('stdin');

/** One thing to check: a path, or standard input. */
export type Target = string | typeof STDIN;

/** A target that named nothing checkable, with the message key saying why. */
export interface TargetFailure {
  readonly file: string;
  readonly key: MessageKey;
  readonly reason?: string;
}

/** What the command line's targets expand to. */
export interface ExpandedTargets {
  /** Files to check, in the order given (directories and globs sorted), without duplicates. */
  readonly targets: readonly Target[];
  readonly failures: readonly TargetFailure[];
}

const IGNORE = ['**/node_modules/**'];

/** How directories and globs are searched. */
export interface SearchOptions {
  /** The extensions (without dot) a directory is searched for; `txt` and `md` by default. */
  readonly extensions?: readonly string[];
  /**
   * Globs of files that directories and globs do not yield, matched against the path relative to
   * the working directory (`reports/草稿/**`; a name anywhere takes a leading globstar). A file named
   * on the command line is checked all the same.
   */
  readonly ignorePatterns?: readonly string[];
}

// Loaded on first use: checking one named file, the common case in a pipeline, then never pays for
// the glob library's start-up.
const globber = (): Promise<typeof import('tinyglobby')> => import('tinyglobby');

/** Tells whether a found file is to be left out; the matcher library is loaded only when there are patterns. */
type IgnoreTest = (file: string, base: string | undefined) => boolean;

/**
 * The ignore test of the patterns. A file is left out when a pattern matches its path relative to
 * the working directory, or relative to the directory or glob it was found through (so that a
 * pattern naming `INDEX.md` at any depth works on `../reports` too), or one of those paths' folders
 * (`reports/草稿` leaves out what is inside). Case is ignored, as the extension search ignores it; patterns take `/`.
 */
async function ignoreTest(patterns: readonly string[], cwd: string): Promise<IgnoreTest> {
  if (patterns.length === 0) return () => false;
  const { default: picomatch } = await import('picomatch');
  const matches = picomatch(
    patterns.map(withoutTrailingSlashes),
    { dot: true, nocase: true },
  );
  const matchesPathOrFolder = (path: string): boolean => {
    for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 1)) {
      if (matches(path.slice(0, end))) return true;
    }
    return false;
  };
  const slashed = (path: string): string => path.split(sep).join('/');
  return (file, base) =>
    matchesPathOrFolder(slashed(relative(cwd, resolve(cwd, file)))) || (base !== undefined && matchesPathOrFolder(slashed(relative(resolve(cwd, base), resolve(cwd, file)))));
}

// A loop, not `/\/+$/`: a regular expression anchored at the end retries the run of slashes from each of its starts.
function withoutTrailingSlashes(pattern: string): string {
  let end = pattern.length;
  while (end > 0 && pattern.charCodeAt(end - 1) === 0x2f) end--;
  return pattern.slice(0, end);
}

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;

/**
 * Expands the command line's targets. A path that exists is taken literally — report file names
 * often hold brackets (`【2023】年报.txt`) that a glob would misread — a directory is searched for
 * files with the given extensions (.txt and .md by default), and only a path that does not exist is
 * tried as a glob. Files that an ignore pattern matches are left out of directories and globs.
 */
export async function expandTargets(inputs: readonly string[], cwd: string, options: SearchOptions = {}): Promise<ExpandedTargets> {
  const targets: Target[] = [];
  const failures: TargetFailure[] = [];
  const seen = new Set<string>();
  const extensions = options.extensions ?? DIRECTORY_EXTENSIONS;
  const isIgnored = await ignoreTest(options.ignorePatterns ?? [], cwd);
  const add = (file: string): void => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(file);
  };
  for (const input of inputs) {
    if (input === '-') {
      targets.push(STDIN);
      continue;
    }
    let kind: 'file' | 'directory' | 'missing';
    try {
      const stats = await stat(resolve(cwd, input));
      kind = stats.isDirectory() ? 'directory' : 'file';
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        failures.push({ file: input, key: 'unreadable', reason: code ?? String(error) });
        continue;
      }
      kind = 'missing';
    }
    if (kind === 'file') {
      add(input);
    } else if (kind === 'directory') {
      const { glob } = await globber();
      // Sorted as found (with `/`), so that the order is the same on every system.
      const found = (
        await glob(
          extensions.map((extension) => `**/*.${extension}`),
          { cwd: resolve(cwd, input), ignore: IGNORE, caseSensitiveMatch: false, onlyFiles: true },
        )
      )
        .sort()
        .map((file) => join(input, file));
      const kept = found.filter((file) => !isIgnored(file, input));
      if (found.length === 0) failures.push({ file: input, key: 'emptyDirectory' });
      else if (kept.length === 0) failures.push({ file: input, key: 'allIgnored' });
      for (const file of kept) add(file);
    } else if ((await globber()).isDynamicPattern(input)) {
      const { glob } = await globber();
      const found = await glob(input, { cwd, ignore: IGNORE, onlyFiles: true, absolute: true });
      const kept = found.filter((file) => !isIgnored(file, globBase(input)));
      if (found.length === 0) failures.push({ file: input, key: 'noMatch' });
      else if (kept.length === 0) failures.push({ file: input, key: 'allIgnored' });
      for (const file of kept.sort()) add(relativeName(file, cwd));
    } else {
      failures.push({ file: input, key: 'notFound' });
    }
  }
  return { targets, failures };
}

/** The folder a glob starts from: its segments before the first one with a wildcard (`../reports` of `../reports/*.txt`). */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const first = segments.findIndex((segment) => /[*?[\]{}()!]/.test(segment));
  return first <= 0 ? '.' : segments.slice(0, first).join('/');
}

// Files found by a glob are named relative to the working directory when they are inside it, as
// the user would have typed them.
function relativeName(file: string, cwd: string): string {
  const name = relative(cwd, file);
  return name.startsWith('..') ? file : name;
}
