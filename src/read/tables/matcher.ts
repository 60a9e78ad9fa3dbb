/**
 * Matching report text against the template catalog: the search for a table's row, group and column
 * patterns (derived once, in the catalog's keys view) in a label's key.
 *
 * @packageDocumentation
 */
import type { ColumnPattern, GroupPattern, RowPattern, TableMatcher } from '../../catalog/keys.js';
import { stripNotes } from '../../catalog/keys.js';
import { CHINESE_NUMERALS } from '../source.js';

export type { ColumnPattern, GroupPattern, RowPattern, TableMatcher } from '../../catalog/keys.js';
export { tableMatcher, sectionWordingAt as sectionHeadingAt } from '../../catalog/keys.js';

/** A row or group heading found in a label's key. */
export interface LabelMatch {
  /** Row index (for rows) or group index (for groups). */
  readonly index: number;
  /** Where the match starts in the key. */
  readonly start: number;
  /** Where it ends in the key. */
  readonly end: number;
}

// How far past the expected row a misspelt label is still looked for, and how alike it must be.
const FUZZY_WINDOW = 3;
const FUZZY_THRESHOLD = 0.6;

/** Earliest occurrence in `key[from, limit)` of any of the patterns (the longest on a tie). */
function findFirst(key: string, patterns: readonly string[], from: number, limit: number): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  for (const pattern of patterns) {
    const at = key.indexOf(pattern, from);
    if (at < 0 || at + pattern.length > limit) continue;
    if (!best || at < best.start) best = { start: at, end: at + pattern.length };
  }
  return best;
}

/** Whether an ordinal mark of any kind starts at `index` of a key ("1.", "(三)", "四、"). */
function isMarkerAt(key: string, index: number): boolean {
  const code = key.charCodeAt(index);
  const next = key.charAt(index + 1);
  if (code >= 48 && code <= 57) return next === '.';
  if (code === 40) return CHINESE_NUMERALS.includes(next) && key.charAt(index + 2) === ')';
  return CHINESE_NUMERALS.includes(key.charAt(index)) && next === '、';
}

/** Sørensen–Dice coefficient of the character bigrams of two short strings. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const bigrams = new Map<string, number>();
  for (let index = 0; index + 1 < a.length; index++) {
    const bigram = a.slice(index, index + 2);
    bigrams.set(bigram, (bigrams.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let index = 0; index + 1 < b.length; index++) {
    const bigram = b.slice(index, index + 2);
    const left = bigrams.get(bigram) ?? 0;
    if (left > 0) {
      bigrams.set(bigram, left - 1);
      shared++;
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** A misspelt marked label ("2.其他法律行政止公开"): the row's mark, then words alike enough to its label. */
function findSimilar(key: string, row: RowPattern, from: number, limit: number): { start: number; end: number } | undefined {
  for (const marker of row.markers) {
    let at = key.indexOf(marker, from);
    for (let tries = 0; at >= 0 && at < limit && tries < 4; tries++) {
      const wordsStart = at + marker.length;
      let wordsEnd = wordsStart;
      while (wordsEnd < limit && !isMarkerAt(key, wordsEnd)) wordsEnd++;
      const words = key.slice(wordsStart, wordsEnd);
      if (row.labels.some((label) => words.length >= 2 && words.length <= label.length * 2 && similarity(words, label) >= FUZZY_THRESHOLD)) {
        return { start: at, end: wordsEnd };
      }
      at = key.indexOf(marker, at + 1);
    }
  }
  return undefined;
}

/**
 * The rows of the template found in `key[from, limit)`, in template order from row `cursor` on,
 * each after the one before: exact labels first; a misspelt marked label is accepted for the few
 * rows right after the cursor.
 */
export function matchRows(matcher: TableMatcher, key: string, cursor: number, from: number, limit: number): LabelMatch[] {
  const found: LabelMatch[] = [];
  let position = from;
  for (let index = Math.max(0, cursor); index < matcher.rows.length; index++) {
    const row = matcher.rows[index] as RowPattern;
    let match = findFirst(key, row.exact, position, limit);
    const expected = found.length > 0 ? (found[found.length - 1] as LabelMatch).index + 1 : cursor;
    if (!match && index < expected + FUZZY_WINDOW && row.markers.length > 0) match = findSimilar(key, row, position, limit);
    if (match) {
      found.push({ index, start: match.start, end: match.end });
      position = match.end;
      // Nothing left to hold another label.
      if (limit - position < 2) break;
    }
  }
  return found;
}

/** The group headings over rows from `cursor` on found in `key[from, limit)`, in text order. */
export function matchGroups(matcher: TableMatcher, key: string, cursor: number, from: number, limit: number): LabelMatch[] {
  const found: LabelMatch[] = [];
  for (let index = 0; index < matcher.groups.length; index++) {
    const group = matcher.groups[index] as GroupPattern;
    if (group.firstRow < cursor) continue;
    const match = findFirst(key, group.exact, from, limit);
    if (match) found.push({ index, start: match.start, end: match.end });
  }
  return found.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
}

/** How many of the table's distinct columns have their label in `key[from, limit)`. */
export function countColumnsIn(matcher: TableMatcher, key: string, from: number, limit: number): number {
  if (limit - from < 2) return 0;
  let count = 0;
  for (const column of matcher.columns) {
    if (findFirst(key, column.keys, from, limit)) count++;
  }
  return count;
}

/** Offset of the first column label in `key[from, limit)`, or -1. */
export function firstColumnAt(matcher: TableMatcher, key: string, from: number, limit: number): number {
  let first = -1;
  for (const column of matcher.columns) {
    const match = findFirst(key, column.keys, from, limit);
    if (match && (first < 0 || match.start < first)) first = match.start;
  }
  return first;
}

/** The column a header cell names, when the cell is exactly that column's label (notes aside). */
export function columnNamedBy(matcher: TableMatcher, cell: string): ColumnPattern | undefined {
  const bare = stripNotes(cell);
  if (bare === '') return undefined;
  return matcher.columns.find((column) => column.bare.includes(bare));
}

/** Whether a row or group pattern of the table starts at `index` of the key (a numbered row, not a heading). */
export function labelStartsAt(matcher: TableMatcher, key: string, index: number): boolean {
  const patterns = matcher.labelsByPrefix.get(key.slice(index, index + 2));
  return patterns !== undefined && patterns.some((pattern) => key.startsWith(pattern, index));
}

/** Whether `key[from, limit)` is long enough to hold a row or group label, or two column labels. */
export function mayHoldContent(matcher: TableMatcher, from: number, limit: number): boolean {
  return limit - from >= Math.min(matcher.shortestLabel, 2 * matcher.shortestColumn);
}

/** Offsets of the numbered headings ("四、…") in `key[from, limit)`: a Han ordinal and 、. */
export function headingsIn(key: string, from: number, limit: number): number[] {
  const found: number[] = [];
  let at = key.indexOf('、', from + 1);
  while (at >= 0 && at < limit) {
    if (CHINESE_NUMERALS.includes(key.charAt(at - 1)) && at - 1 >= from) found.push(at - 1);
    at = key.indexOf('、', at + 1);
  }
  return found;
}
