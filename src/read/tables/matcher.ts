/**
 * Matching report text against the template catalog: the patterns of every row, group heading and
 * column of a table, derived once from the catalog's labels, markers and aliases (through
 * {@link matchKey}), and the search for them in a label's key.
 *
 * @packageDocumentation
 */
import { SECTIONS } from '../../catalog/index.js';
import type { ColumnDefinition, TableDefinition, Unit } from '../../catalog/index.js';
import { CHINESE_NUMERALS, matchKey } from '../source.js';

/** A row of the template as the matcher sees it. */
export interface RowPattern {
  /** Position of the row in the template. */
  readonly index: number;
  /** The row's key. */
  readonly key: string;
  /** The row's columns, in printed order. */
  readonly columns: readonly ColumnDefinition[];
  /** The unit of each of the row's columns, by column key. */
  readonly units: Readonly<Record<string, Unit>>;
  /** Keys of marker + label (and aliases), and of the label alone where it is distinctive; longest first. */
  readonly exact: readonly string[];
  /** Keys of the ordinal mark in the forms reports write it (`1.`, `三、`, `(一)`); empty when the row has none. */
  readonly markers: readonly string[];
  /** Keys of the label and its aliases, without mark, for similarity matching. */
  readonly labels: readonly string[];
}

/** A spanning group heading as the matcher sees it. */
export interface GroupPattern {
  /** The group's key. */
  readonly key: string;
  /** Keys of marker + label, and of the label alone where it is distinctive; longest first. */
  readonly exact: readonly string[];
  /** Index of the group's first row in the template. */
  readonly firstRow: number;
}

/** A column label as the matcher sees it. */
export interface ColumnPattern {
  /** The column's key. */
  readonly key: string;
  /** Position of the column among the table's distinct columns, in printed order. */
  readonly order: number;
  /** Keys of the label and aliases. */
  readonly keys: readonly string[];
  /** The same keys without parenthesised notes ("本年收费金额(单位:万元)" → "本年收费金额"). */
  readonly bare: readonly string[];
}

/** Everything the reader matches for one table definition. */
export interface TableMatcher {
  /** The rows, in template order. */
  readonly rows: readonly RowPattern[];
  /** The group headings. */
  readonly groups: readonly GroupPattern[];
  /** The distinct columns of all rows, in printed order. */
  readonly columns: readonly ColumnPattern[];
  /** Texts that only the table itself contains, in template order, to find it when the section reader could not. */
  readonly anchors: readonly string[];
  /** The row and group patterns by their first two characters, to test a position quickly. */
  readonly labelsByPrefix: ReadonlyMap<string, readonly string[]>;
  /** Length of the shortest row or group pattern. */
  readonly shortestLabel: number;
  /** Length of the shortest column label. */
  readonly shortestColumn: number;
}

/** A row or group heading found in a label's key. */
export interface LabelMatch {
  /** Row index (for rows) or group index (for groups). */
  readonly index: number;
  /** Where the match starts in the key. */
  readonly start: number;
  /** Where it ends in the key. */
  readonly end: number;
}

// A label alone (without its ordinal mark) is matched only when it is this long: "其他" and "总计"
// are also column headings, so those rows are recognised by "3.其他", "(七)总计".
const MIN_UNMARKED_LABEL = 4;
// How far past the expected row a misspelt label is still looked for, and how alike it must be.
const FUZZY_WINDOW = 3;
const FUZZY_THRESHOLD = 0.6;
const MIN_ANCHOR = 6;
const MIN_FALLBACK_ANCHOR = 5;

const byLengthDesc = (a: string, b: string): number => b.length - a.length;
const unique = (items: Iterable<string>): string[] => [...new Set(items)].filter((item) => item.length > 0);
const stripNotes = (key: string): string => key.replace(/\([^()]*\)/g, '');

/** The forms an ordinal mark takes in reports, as keys. */
function markerForms(marker: string): string[] {
  const key = matchKey(marker);
  if (key === '') return [];
  const hanOrdinal = /^([一二三四五六七八九十]+)、$/.exec(key);
  if (hanOrdinal) return [key, `${hanOrdinal[1]}.`, `${hanOrdinal[1]},`];
  // "3." is written "3、" too (003.pdf's （六） rows: "1、申请人…", "3、其他").
  const digitOrdinal = /^(\d+)\.$/.exec(key);
  if (digitOrdinal) return [key, `${digitOrdinal[1]}、`];
  return [key];
}

function labelPatterns(marker: string, labels: readonly string[]): { exact: string[]; markers: string[]; labels: string[] } {
  const markers = markerForms(marker);
  const labelKeys = unique(labels.map(matchKey));
  const exact: string[] = [];
  for (const label of labelKeys) {
    for (const form of markers) exact.push(form + label);
    if (markers.length === 0 || label.length >= MIN_UNMARKED_LABEL) exact.push(label);
  }
  return { exact: unique(exact).sort(byLengthDesc), markers, labels: labelKeys };
}

function buildMatcher(definition: TableDefinition): TableMatcher {
  const rows: RowPattern[] = definition.rows.map((row, index) => {
    const patterns = labelPatterns(row.marker, [row.label, ...(row.aliases ?? [])]);
    const units = Object.fromEntries(row.columns.map((column) => [column.key, column.unit]));
    return { index, key: row.key, columns: row.columns, units, exact: patterns.exact, markers: patterns.markers, labels: patterns.labels };
  });
  const groups: GroupPattern[] = definition.groups.map((group) => ({
    key: group.key,
    exact: labelPatterns(group.marker, [group.label]).exact,
    firstRow: Math.max(
      0,
      definition.rows.findIndex((row) => row.group === group.key),
    ),
  }));
  const columns: ColumnPattern[] = [];
  for (const row of definition.rows) {
    for (const column of row.columns) {
      if (columns.some((known) => known.key === column.key)) continue;
      const keys = unique([column.label, ...(column.aliases ?? [])].map(matchKey));
      columns.push({ key: column.key, order: columns.length, keys, bare: unique(keys.map(stripNotes)) });
    }
  }
  // In template order: the first one found is where the table starts (a narrative rarely quotes
  // a table's first row, while it may quote a later one).
  const ordered: string[] = [];
  rows.forEach((row, index) => {
    for (const group of groups) if (group.firstRow === index) ordered.push(...group.exact.filter((key) => key.length >= MIN_ANCHOR));
    if (row.markers.length > 0) ordered.push(...row.exact.filter((key) => key.length >= MIN_ANCHOR));
  });
  let anchors = unique(ordered);
  if (anchors.length === 0) anchors = unique(rows.flatMap((row) => row.exact.filter((key) => key.length >= MIN_FALLBACK_ANCHOR)));
  const labelsByPrefix = new Map<string, string[]>();
  for (const pattern of [...rows.flatMap((row) => row.exact), ...groups.flatMap((group) => group.exact)]) {
    const prefix = pattern.slice(0, 2);
    labelsByPrefix.set(prefix, [...(labelsByPrefix.get(prefix) ?? []), pattern]);
  }
  const lengths = (patterns: readonly string[]): number => Math.min(Infinity, ...patterns.map((pattern) => pattern.length));
  return {
    rows,
    groups,
    columns,
    anchors,
    labelsByPrefix,
    shortestLabel: lengths([...rows.flatMap((row) => row.exact), ...groups.flatMap((group) => group.exact)]),
    shortestColumn: lengths(columns.flatMap((column) => column.keys)),
  };
}

const matchers = new WeakMap<TableDefinition, TableMatcher>();

/** The matcher of a table definition (built once per definition). */
export function tableMatcher(definition: TableDefinition): TableMatcher {
  let matcher = matchers.get(definition);
  if (!matcher) {
    matcher = buildMatcher(definition);
    matchers.set(definition, matcher);
  }
  return matcher;
}

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

let sectionHeadings: ReadonlyMap<string, readonly string[]> | undefined;

/** Length of the section heading wording (catalog variants) that starts at `index` of the key, or 0. */
export function sectionHeadingAt(key: string, index: number): number {
  if (!sectionHeadings) {
    const byFirst = new Map<string, string[]>();
    for (const heading of unique(SECTIONS.flatMap((section) => section.variants.map(matchKey))).sort(byLengthDesc)) {
      byFirst.set(heading.charAt(0), [...(byFirst.get(heading.charAt(0)) ?? []), heading]);
    }
    sectionHeadings = byFirst;
  }
  for (const heading of sectionHeadings.get(key.charAt(index)) ?? []) if (key.startsWith(heading, index)) return heading.length;
  return 0;
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
