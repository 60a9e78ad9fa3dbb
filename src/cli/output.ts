import { createWriteStream, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

/** Where the formatted output goes: standard output or the --output-file. */
export interface Output {
  /** Writes a chunk, waiting when the stream asks to (a slow pipe must not make output pile up in memory). */
  write(chunk: string): Promise<void>;
  /** Finishes writing; resolves once everything has been handed to the system. */
  close(): Promise<void>;
  /** The first write or open error, if any (EPIPE on standard output is not one: the reader left). */
  readonly error: Error | undefined;
  /** True when the reader of standard output went away (e.g. `| head`): stop writing. */
  readonly closed: boolean;
}

/** Output to a stream the command does not own (standard output): never ended, only drained. */
export function streamOutput(stream: Writable): Output {
  let error: Error | undefined;
  let closed = false;
  stream.on('error', (cause: NodeJS.ErrnoException) => {
    if (cause.code === 'EPIPE') closed = true;
    else error ??= cause;
  });
  return {
    async write(chunk) {
      if (closed || error || chunk === '') return;
      if (!stream.write(chunk)) {
        await new Promise<void>((done) => {
          const finish = (): void => {
            stream.off('drain', finish);
            stream.off('error', finish);
            stream.off('close', finish);
            done();
          };
          stream.on('drain', finish);
          stream.on('error', finish);
          stream.on('close', finish);
        });
      }
    },
    async close() {
      // Standard output is flushed by Node before exit; nothing to end here.
    },
    get error() {
      return error;
    },
    get closed() {
      return closed;
    },
  };
}

/**
 * Output to a file the command creates (--output-file). The output is written beside it under a
 * temporary name and renamed over it once complete, so a run that fails part way (or is killed)
 * leaves the previous file as it was, never a truncated one. A target that is not a regular file
 * (`/dev/stdout`, a named pipe) is written in place: renaming over it would replace it.
 */
export function fileOutput(path: string): Output {
  const temporary = isRegularOrAbsent(path) ? join(dirname(path), `.${basename(path)}.${process.pid}.tmp`) : undefined;
  const stream = createWriteStream(temporary ?? path);
  const output = streamOutput(stream);
  let renameError: Error | undefined;
  // Exiting before close (a crash, --max-warnings is not one: close comes first) leaves no temporary file behind.
  const removeTemporary = (): void => {
    if (temporary === undefined) return;
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed or never created.
    }
  };
  if (temporary !== undefined) process.once('exit', removeTemporary);
  return {
    write: (chunk) => output.write(chunk),
    async close() {
      if (output.error) return;
      await new Promise<void>((done) => {
        stream.once('error', () => done());
        stream.end(() => done());
      });
      if (temporary === undefined || output.error) return;
      try {
        renameSync(temporary, path);
      } catch (error) {
        renameError = error as Error;
      }
      removeTemporary();
      process.off('exit', removeTemporary);
    },
    get error() {
      return output.error ?? renameError;
    },
    get closed() {
      return output.closed;
    },
  };
}

// True when the path names a regular file or nothing yet (the usual -o target).
function isRegularOrAbsent(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return true;
  }
}
