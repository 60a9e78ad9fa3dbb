import { lastAtMost } from './source.js';
import type { SourceText } from './source.js';

/** The normalized text without whitespace, with the map back to normalized offsets. */
export interface CompactText {
  /** The text without whitespace. */
  readonly text: string;
  /** The normalized offset of the compact text's character at `index` (`text.length` maps past the end). */
  offset(index: number): number;
}

// The whitespace compact removes: space, tab, line feed, carriage return.
const isWhitespace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

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
  // A scan by character code: whitespace runs are many (every line break), and a regex match
  // allocates a result array for each of them.
  let index = 0;
  while (index < end) {
    if (!isWhitespace(text.charCodeAt(index))) {
      index++;
      continue;
    }
    let runEnd = index + 1;
    while (runEnd < text.length && isWhitespace(text.charCodeAt(runEnd))) runEnd++;
    parts.push(text.slice(runStart, index));
    length += index - runStart;
    runStart = Math.min(end, runEnd);
    starts.push(length);
    shifts.push(runStart - length);
    index = runEnd;
  }
  if (runStart < end) parts.push(text.slice(runStart, end));
  return {
    text: parts.join(''),
    offset(index: number): number {
      return index + (shifts[lastAtMost(starts, index)] as number);
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
