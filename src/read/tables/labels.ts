/**
 * The table reader's view of a label: the text of a stretch of label tokens as one key (folded as
 * the matcher folds the catalog's labels), with the way back to the normalized text and where its
 * cells and lines began; and the columns a one-line header names.
 *
 * @packageDocumentation
 */
import type { TableMatcher } from './matcher.js';
import { columnNamedBy } from './matcher.js';
import type { Token } from './tokens.js';

// A header cell that only numbers the columns (OCR, LLM and spreadsheet tools write them).
const PLACEHOLDER_HEADER = /^(?:数据|列|栏|字段|项|column|col|data)\d{1,2}$/iu;
// What a key folds: quotes, and "1、" (a digit before 、). Each is asked before its replace runs: most
// keys fold nothing, and a key with a heading's 、 ("二、…") holds no "1、" — a global replace with
// a group costs far more than the test.
const QUOTE = /[“”"‘’']/;
const QUOTES = /[“”"‘’']/g;
const DIGIT_COMMA = /\d、/;
const DIGIT_COMMAS = /(\d)、/g;

/** A label's text as one key, with the way back to the normalized text. */
export interface Blob {
  /** The label's words, quotes unified and "1、" read as "1.". */
  readonly key: string;
  /** Key offset where each token of the label begins… */
  readonly tokenKeyStarts: number[];
  /** …and the normalized offset of that token. */
  readonly tokenStarts: number[];
  /** Key offsets where a new cell begins. */
  readonly cellStarts: number[];
  /** Key offsets where a new line begins. */
  readonly lineStarts: number[];
}

/** The key of a label's tokens, folded as matchKey folds the catalog's labels, with where its cells and lines began. */
export function buildBlob(text: string, tokens: readonly Token[], first: number, last: number): Blob {
  // Built for every label of every table: the per-token lists are sized once, and the key is
  // concatenated (no list of parts to join).
  const count = Math.max(0, last - first + 1);
  const tokenKeyStarts = new Array<number>(count);
  const tokenStarts = new Array<number>(count);
  const cellStarts: number[] = [];
  const spaceStarts: number[] = [];
  const lineStarts: number[] = [];
  let key = '';
  for (let index = first; index <= last; index++) {
    const token = tokens[index] as Token;
    if (index > first) {
      if (token.bars > 0 || token.lineBreak) cellStarts.push(key.length);
      else if (!token.glued) spaceStarts.push(key.length);
      if (token.lineBreak) lineStarts.push(key.length);
    }
    tokenKeyStarts[index - first] = key.length;
    tokenStarts[index - first] = token.start;
    key += text.slice(token.start, token.end);
  }
  // Quotes unified and "1、" read as "1.", one character for one, so key offsets stay aligned.
  if (QUOTE.test(key)) key = key.replace(QUOTES, '"');
  if (DIGIT_COMMA.test(key)) key = key.replace(DIGIT_COMMAS, '$1.');
  return { key, tokenKeyStarts, tokenStarts, cellStarts: cellStarts.length > 0 ? cellStarts : spaceStarts, lineStarts };
}

/** The normalized offset of the character at `index` of a blob's key. */
export function offsetIn(blob: Blob, index: number): number {
  const at = Math.max(0, Math.min(index, blob.key.length - 1));
  let low = 0;
  let high = blob.tokenKeyStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((blob.tokenKeyStarts[middle] as number) <= at) low = middle;
    else high = middle - 1;
  }
  return (blob.tokenStarts[low] as number) + at - (blob.tokenKeyStarts[low] as number);
}

/**
 * The columns a header names, cell by cell, when it is a simple one-line header (its first cell
 * naming the label column): each cell naming a catalog column, in catalog order, at most once; a
 * cell naming none is a column the template does not have (null). A header under a group heading
 * none of whose cells names a column is another format's (the 2019 table 二: "本年新制作数量 | 本年新公开数量 | …"):
 * all null, so that its values are reported rather than read into the template's columns.
 * Multi-level headers (tables 三 and 四) fail the order test and leave the template's order in force.
 */
export function headerOf(matcher: TableMatcher, blob: Blob, start: number, end: number, underGroup: boolean): (string | null)[] | undefined {
  const cuts = [start, ...blob.cellStarts.filter((at) => at > start && at < end), end];
  const cells: string[] = [];
  for (let index = 0; index + 1 < cuts.length; index++) {
    const cell = blob.key.slice(cuts[index], cuts[index + 1]);
    if (cell.length > 0) cells.push(cell);
  }
  // Placeholder headers of OCR and conversion tools ("| 类别 | 数据1 | … | 数据6 | 总计 |") name no column:
  // the template's order stands.
  if (cells.some((cell) => PLACEHOLDER_HEADER.test(cell))) return undefined;
  const named = cells.map((cell) => columnNamedBy(matcher, cell));
  if (named.length > 0 && named[0] === undefined) named.shift();
  if (named.length === 0 || (!underGroup && named.every((column) => column === undefined))) return undefined;
  let order = -1;
  for (const column of named) {
    if (!column) continue;
    if (column.order <= order) return undefined;
    order = column.order;
  }
  return named.map((column) => column?.key ?? null);
}
