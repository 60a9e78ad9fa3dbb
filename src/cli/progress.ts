import type { WriteStream } from 'node:tty';
import { displayWidth } from '../format/width.js';

/** A one-line progress indicator on a terminal's standard error; silent anywhere else. */
export interface Progress {
  /** Shows that file `done` of `total` is being checked (redrawn at most every 100 ms). */
  update(done: number, file: string): void;
  /** Erases the line, before other output and at the end. */
  clear(): void;
}

const REDRAW_MS = 100;

/** A progress line, shown only when `stream` is a terminal and there is more than one file. */
export function createProgress(
  stream: NodeJS.WriteStream,
  total: number,
  label: (done: number, total: number) => string,
): Progress {
  if (!stream.isTTY || total <= 1) return { update() {}, clear() {} };
  const terminal = stream as WriteStream;
  let shown = false;
  let last = 0;
  return {
    update(done, file) {
      const now = Date.now();
      if (now - last < REDRAW_MS && done < total) return;
      last = now;
      const width = Math.max(20, (terminal.columns || 80) - 1);
      const prefix = `${label(done, total)} `;
      // A long path is cut from the left: its end, the file name, matters most.
      let name = file;
      const room = width - displayWidth(prefix);
      if (displayWidth(name) > room) {
        while (name.length > 1 && displayWidth(name) > room - 1) name = name.slice(1);
        name = `…${name}`;
      }
      terminal.write(`\r\u001b[2K${prefix}${name}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      terminal.write('\r\u001b[2K');
      shown = false;
    },
  };
}
