import { createWriteStream } from 'node:fs';
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

/** Output to a file the command creates (--output-file). */
export function fileOutput(path: string): Output {
  const stream = createWriteStream(path);
  const output = streamOutput(stream);
  return {
    write: (chunk) => output.write(chunk),
    async close() {
      if (output.error) return;
      await new Promise<void>((done) => {
        stream.once('error', () => done());
        stream.end(() => done());
      });
    },
    get error() {
      return output.error;
    },
    get closed() {
      return output.closed;
    },
  };
}
