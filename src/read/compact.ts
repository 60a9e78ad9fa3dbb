import type { SourceText } from './source.js';

/** The normalized text without whitespace, with the map back to normalized offsets. */
export interface CompactText {
  /** The text without whitespace. */
  readonly text: string;
  /** The normalized offset of the compact text's character at `index` (`text.length` maps past the end). */
  offset(index: number): number;
}

/**
 * The map of a compact text back to normalized offsets: at each removed run of whitespace, the
 * compact offset where the text after it starts and how much was removed up to there. Kept in one
 * typed array sized for the text (the pairs side by side), doubled if it fills: the runs are many
 * (every line break, every space of a table row), and pushing two numbers per run onto plain arrays
 * cost a fifth of this stage; one array rather than one for each half, as each typed array's
 * allocation (a store outside the engine's heap) cost a measurable share of it.
 */
class ShiftMap {
  // Pair `i`: the compact offset at `2i`, the characters removed before it at `2i + 1`.
  private pairs: Int32Array;
  private size = 1;

  /** A map for about `runs` runs (it grows past them). */
  constructor(runs: number) {
    this.pairs = new Int32Array(2 * (runs + 1));
  }

  /** Records that from compact offset `start` on, `removed` characters have been removed before. */
  add(start: number, removed: number): void {
    if (2 * this.size === this.pairs.length) {
      const pairs = new Int32Array(this.pairs.length * 2);
      pairs.set(this.pairs);
      this.pairs = pairs;
    }
    this.pairs[2 * this.size] = start;
    this.pairs[2 * this.size + 1] = removed;
    this.size++;
  }

  /** The normalized offset of compact offset `index`: shifted by the last run at or before it (by halves). */
  offset(index: number): number {
    const pairs = this.pairs;
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((pairs[2 * middle] as number) <= index) low = middle;
      else high = middle - 1;
    }
    return index + (pairs[2 * low + 1] as number);
  }
}

// The most runs a map reserves before it has seen the text: past them it grows.
const MAX_RESERVED_RUNS = 1 << 16;

/**
 * Removes whitespace from the normalized range `[0, end)`: sentences of extracted PDF text are broken
 * over lines and numbers padded with spaces ("2024 年", "收取…信息处理费 0 元"). Each removed run
 * shifts what follows, so the map back is a list of shifts.
 */
function compact(text: string, end: number): CompactText {
  const range = end < text.length ? text.slice(0, end) : text;
  // One scan of character codes makes both the text (the runs between whitespace, each a slice,
  // joined by concatenation: a rope the engine flattens once) and the map, which allocates nothing
  // per run (a match per run cost more than the rest of this stage; a native replace after the
  // scan, a second pass over the text, cost about as much as the scan).
  // Reports run about one blank in seven characters; a text of blanks (hostile input) grows the map
  // instead of reserving it whole.
  const map = new ShiftMap(Math.min(range.length >> 2, MAX_RESERVED_RUNS));
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
    map.add(runEnd - removed, removed);
    index = runEnd;
  }
  return {
    text: kept === 0 ? range : kept < range.length ? compacted + range.slice(kept) : compacted,
    offset: (index: number): number => map.offset(index),
  };
}

/**
 * The normalized text of `[0, end)` without whitespace, with the map back to normalized offsets.
 * Metadata and facts both read it: the reader computes it once per report and hands it to both.
 */
export function compactOf(source: SourceText, end: number): CompactText {
  return compact(source.text, Math.min(end, source.text.length));
}
