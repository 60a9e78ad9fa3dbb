import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
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

/** A folder inside a searched directory that could not be listed, and the system's reason. */
export interface UnreadableFolder {
  /** The folder, relative to the directory searched (with `/`). */
  readonly path: string;
  /** The error code (`EACCES`, `ELOOP`, …). */
  readonly code: string;
}

/** What searching a directory found: files (relative, with `/`) and the folders it could not list. */
export interface DirectoryListing {
  readonly files: string[];
  readonly unreadable: UnreadableFolder[];
}

/**
 * Lists a directory's files with the given extensions (any case), at any depth, skipping hidden
 * entries and node_modules. Symbolic links are followed to what they name, and every real folder
 * is entered once — a link back to a parent (a loop) or a second link to a folder already
 * searched adds nothing — so each real file is listed once. A folder that cannot be listed is
 * returned with its error code rather than passed over: a search that skipped part of the tree
 * must not look complete. Never rejects.
 */
export async function walkDirectory(root: string, extensions: readonly string[]): Promise<DirectoryListing> {
  const files: string[] = [];
  const unreadable: UnreadableFolder[] = [];
  const visited = new Set<string>();
  const wanted = new Set(extensions.map((extension) => extension.toLowerCase()));
  const hasWantedExtension = (name: string): boolean => {
    const dot = name.lastIndexOf('.');
    return dot > 0 && wanted.has(name.slice(dot + 1).toLowerCase());
  };
  const walk = async (absolute: string, path: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(absolute);
    } catch (error) {
      unreadable.push({ path: path === '' ? '.' : path, code: errorCode(error) ?? 'EIO' });
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: path === '' ? '.' : path, code: errorCode(error) ?? 'EIO' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const childPath = path === '' ? entry.name : `${path}/${entry.name}`;
      const childAbsolute = join(absolute, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(childAbsolute);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          // A dangling link names nothing to check; a link that cannot be followed for another reason is reported.
          if (errorCode(error) !== 'ENOENT') unreadable.push({ path: childPath, code: errorCode(error) ?? 'EIO' });
          continue;
        }
      }
      if (isDirectory) await walk(childAbsolute, childPath);
      else if (isFile && hasWantedExtension(entry.name)) files.push(childPath);
    }
  };
  await walk(root, '');
  return { files, unreadable };
}

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
  /** A further test of found files (the `.xxgklintignore` file), given paths as found; true leaves the file out. */
  readonly isIgnored?: (file: string) => boolean;
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
  const byPattern = await ignoreTest(options.ignorePatterns ?? [], cwd);
  const byFile = options.isIgnored;
  const isIgnored: IgnoreTest = byFile ? (file, base) => byPattern(file, base) || byFile(file) : byPattern;
  // What left every found file out, for the message to name it.
  const allIgnoredKey = (found: readonly string[]): MessageKey => {
    const byIgnoreFile = byFile ? found.filter((file) => byFile(file)).length : 0;
    return byIgnoreFile === found.length ? 'allIgnoredByFile' : byIgnoreFile > 0 ? 'allIgnoredByBoth' : 'allIgnored';
  };
  // Each real file once: a file reached through symbolic links, or named twice, is the same file.
  const realKey = (file: string): Promise<string> => {
    const absolute = resolve(cwd, file);
    return realpath(absolute).catch(() => absolute);
  };
  const addAs = (file: string, key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(file);
  };
  const add = async (file: string): Promise<void> => addAs(file, await realKey(file));
  // The real paths of a folder's files are asked for a slice at a time, not one after the other: each
  // is a trip through the thread pool, and waiting for each in turn made the walk of a big folder
  // take longer than the check on a busy machine.
  const addAll = async (files: readonly string[]): Promise<void> => {
    for (let start = 0; start < files.length; start += 256) {
      const slice = files.slice(start, start + 256);
      const keys = await Promise.all(slice.map(realKey));
      slice.forEach((file, index) => addAs(file, keys[index] as string));
    }
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
      await add(input);
    } else if (kind === 'directory') {
      const walked = await walkDirectory(resolve(cwd, input), extensions);
      for (const folder of walked.unreadable) failures.push({ file: join(input, folder.path), key: 'unreadable', reason: folder.code });
      // Sorted as found (with `/`), so that the order is the same on every system.
      const found = walked.files.sort().map((file) => join(input, file));
      const kept = found.filter((file) => !isIgnored(file, input));
      if (found.length === 0 && walked.unreadable.length === 0) failures.push({ file: input, key: 'emptyDirectory' });
      else if (found.length > 0 && kept.length === 0) failures.push({ file: input, key: allIgnoredKey(found) });
      await addAll(kept);
    } else if ((await globber()).isDynamicPattern(input)) {
      const { glob } = await globber();
      const found = await glob(input, { cwd, ignore: IGNORE, onlyFiles: true, absolute: true });
      const kept = found.filter((file) => !isIgnored(file, globBase(input)));
      if (found.length === 0) failures.push({ file: input, key: 'noMatch' });
      else if (kept.length === 0) failures.push({ file: input, key: allIgnoredKey(found) });
      await addAll(kept.sort().map((file) => relativeName(file, cwd)));
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

/**
 * The largest input checked by default: 16 MiB. Published reports are a few kilobytes to a few
 * hundred; the limit only keeps a crawler's accident (a video, a disk image, `/dev/zero`) from
 * taking the machine's memory — hostile text costs the checker about 60 MB of memory per MB.
 */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** What kind of thing a path names, when it is not a regular file. */
export type NonRegularKind = 'fifo' | 'character-device' | 'block-device' | 'socket' | 'directory' | 'other';

/** Why a target's bytes were not read: a typed value for the command line to report, never thrown. */
export type ReadFailure =
  /** Larger than the limit; `size` is known for a file (from stat), not for a stream. */
  | { readonly kind: 'too-large'; readonly limit: number; readonly size?: number }
  /** A FIFO, device, socket or directory: reading it could block forever or never end. */
  | { readonly kind: 'not-regular'; readonly type: NonRegularKind }
  /** The system refused (`EACCES`, `ENOENT`, …). */
  | { readonly kind: 'io'; readonly code: string; readonly message: string };

/** The outcome of reading a target: its bytes, or why not. */
export type ReadOutcome = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly failure: ReadFailure };

const ioFailure = (error: unknown): ReadOutcome => ({
  ok: false,
  failure: {
    kind: 'io',
    code: errorCode(error) ?? 'EIO',
    message: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
  },
});

function nonRegularKind(stats: Stats): NonRegularKind {
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice()) return 'character-device';
  if (stats.isBlockDevice()) return 'block-device';
  if (stats.isSocket()) return 'socket';
  if (stats.isDirectory()) return 'directory';
  return 'other';
}

// Opened without blocking: opening a FIFO for reading otherwise waits for a writer, forever.
// (O_NONBLOCK does not exist on Windows, where there are no FIFOs to open.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a file named on the command line, bounded: the file is opened without blocking and
 * checked on its descriptor (so it cannot be swapped between the check and the read), a
 * FIFO, device, socket or directory is refused, a file over `maxBytes` is refused before any byte
 * is read, and the read itself stops past `maxBytes` (a file can grow, and /proc files report no
 * size). Synchronous: reports are small, and an asynchronous read costs more than the read itself.
 * Never throws.
 */
export function readFileBounded(path: string, maxBytes: number = DEFAULT_MAX_BYTES): ReadOutcome {
  let descriptor: number;
  try {
    descriptor = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return ioFailure(error);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { ok: false, failure: { kind: 'not-regular', type: nonRegularKind(stats) } };
    if (stats.size > maxBytes) return { ok: false, failure: { kind: 'too-large', limit: maxBytes, size: stats.size } };
    // One byte more than the limit is asked for, to tell a file at the limit from a longer one.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stats.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { ok: false, failure: { kind: 'too-large', limit: maxBytes } };
        const larger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { ok: false, failure: { kind: 'too-large', limit: maxBytes } };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return ioFailure(error);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Reads a stream (standard input) up to `maxBytes`: past it, reading stops and the stream is
 * destroyed, so `xxgk-lint - < /dev/zero` ends at once with a clear failure instead of filling
 * memory. Never rejects.
 */
export async function readStreamBounded(stream: Readable, maxBytes: number = DEFAULT_MAX_BYTES): Promise<ReadOutcome> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      length += bytes.length;
      if (length > maxBytes) {
        stream.destroy();
        return { ok: false, failure: { kind: 'too-large', limit: maxBytes } };
      }
      chunks.push(bytes);
    }
  } catch (error) {
    return ioFailure(error);
  }
  return { ok: true, bytes: Buffer.concat(chunks, length) };
}
