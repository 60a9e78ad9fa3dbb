import type { SourceText } from './source.js';

/** The normalized text without whitespace, with the map back to normalized offsets. */
export interface CompactText {
  /** The text without whitespace. */
  readonly text: string;
  /** The normalized offset of the compact text's character at `index` (`text.length` maps past the end). */
  offset(index: number): number;
}

const WHITESPACE_RUN = /[ \t\n\r]+/g;

/**
 * Removes whitespace from the normalized range `[0, end)`: sentences of extracted PDF text are broken
 * over lines and numbers padded with spaces ("2024 年", "收取…信息处理费 0 元"). Each removed run
 * shifts what follows, so the map back is a list of shifts.
 */
function compact(text: string, end: number): CompactText {
  const parts: string[] = [];
  const starts: number[] = [0];
  const shifts: number[] = [0];
  let length = 0;
  let runStart = 0;
  WHITESPACE_RUN.lastIndex = 0;
  for (let match = WHITESPACE_RUN.exec(text); match && match.index < end; match = WHITESPACE_RUN.exec(text)) {
    parts.push(text.slice(runStart, match.index));
    length += match.index - runStart;
    runStart = Math.min(end, match.index + match[0].length);
    starts.push(length);
    shifts.push(runStart - length);
  }
  if (runStart < end) parts.push(text.slice(runStart, end));
  return {
    text: parts.join(''),
    offset(index: number): number {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] as number) <= index) low = middle;
        else high = middle - 1;
      }
      return index + (shifts[low] as number);
    },
  };
}

// Metadata and facts both read the report without its whitespace: it is computed once per text.
const cache = new WeakMap<SourceText, { end: number; view: CompactText }>();

/** The normalized text of `[0, end)` without whitespace, computed once per source and end. */
export function compactOf(source: SourceText, end: number): CompactText {
  const bounded = Math.min(end, source.text.length);
  const cached = cache.get(source);
  if (cached && cached.end === bounded) return cached.view;
  const view = compact(source.text, bounded);
  cache.set(source, { end: bounded, view });
  return view;
}
