import { lastAtMost } from './source.js';
import type { SourceText } from './source.js';

/** The normalized text without whitespace, with the map back to normalized offsets. */
export interface CompactText {
  /** The text without whitespace. */
  readonly text: string;
  /** The normalized offset of the compact text's character at `index` (`text.length` maps past the end). */
  offset(index: number): number;
}

/**
 * Removes whitespace from the normalized range `[0, end)`: sentences of extracted PDF text are broken
 * over lines and numbers padded with spaces ("2024 年", "收取…信息处理费 0 元"). Each removed run
 * shifts what follows, so the map back is a list of shifts.
 */
function compact(text: string, end: number): CompactText {
  const range = end < text.length ? text.slice(0, end) : text;
  // One scan of character codes makes both the text (the runs between whitespace, each a slice,
  // joined by concatenation: a rope the engine flattens once) and the map, which allocates nothing
  // per run but its two entries (a match per run cost more than the rest of this stage; a native
  // replace after the scan, a second pass over the text, cost about as much as the scan).
  const starts: number[] = [0];
  const shifts: number[] = [0];
  let compacted = '';
  let kept = 0;
  let removed = 0;
  let index = 0;
  while (index < range.length) {
    const code = range.charCodeAt(index);
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13) {
      index++;
      continue;
    }
    let runEnd = index + 1;
    for (let next = range.charCodeAt(runEnd); next === 32 || next === 10 || next === 9 || next === 13; next = range.charCodeAt(runEnd)) runEnd++;
    if (kept < index) compacted += range.slice(kept, index);
    kept = runEnd;
    removed += runEnd - index;
    starts.push(runEnd - removed);
    shifts.push(removed);
    index = runEnd;
  }
  return {
    text: kept === 0 ? range : kept < range.length ? compacted + range.slice(kept) : compacted,
    offset(index: number): number {
      return index + (shifts[lastAtMost(starts, index)] as number);
    },
  };
}

/**
 * The normalized text of `[0, end)` without whitespace, with the map back to normalized offsets.
 * Metadata and facts both read it: the reader computes it once per report and hands it to both.
 */
export function compactOf(source: SourceText, end: number): CompactText {
  return compact(source.text, Math.min(end, source.text.length));
}
