import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
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
  const ignorePatterns = options.ignorePatterns ?? [];
  // Matched against the path relative to the working directory, with forward slashes, as written.
  const ignored = ignorePatterns.length > 0 ? picomatch([...ignorePatterns], { dot: true }) : undefined;
  const isIgnored = (file: string): boolean => ignored !== undefined && ignored(relative(cwd, resolve(cwd, file)).split(sep).join('/'));
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
      const found = (
        await glob(
          extensions.map((extension) => `**/*.${extension}`),
          { cwd: resolve(cwd, input), ignore: IGNORE, caseSensitiveMatch: false, onlyFiles: true },
        )
      )
        .map((file) => join(input, file))
        .filter((file) => !isIgnored(file));
      if (found.length === 0) failures.push({ file: input, key: 'emptyDirectory' });
      for (const file of found.sort()) add(file);
    } else if ((await globber()).isDynamicPattern(input)) {
      const { glob } = await globber();
      const found = (await glob(input, { cwd, ignore: IGNORE, onlyFiles: true, absolute: true })).filter((file) => !isIgnored(file));
      if (found.length === 0) failures.push({ file: input, key: 'noMatch' });
      for (const file of found.sort()) add(relativeName(file, cwd));
    } else {
      failures.push({ file: input, key: 'notFound' });
    }
  }
  return { targets, failures };
}

// Files found by a glob are named relative to the working directory when they are inside it, as
// the user would have typed them.
function relativeName(file: string, cwd: string): string {
  const name = relative(cwd, file);
  return name.startsWith('..') ? file : name;
}
