/**
 * The table reader's first stages: a region's tokens as segments (labels, value runs, narrative),
 * each value segment cut into runs (one row's values as written), and what the table's complete
 * rows show about empty cells around their values. Nothing here knows the template: it is the
 * layout the later stages place against it.
 *
 * @packageDocumentation
 */
import { tokenize } from './tokens.js';
import type { Token } from './tokens.js';

/** Where one value was written, in the normalized text. */
export interface Place {
  readonly start: number;
  readonly end: number;
}

/** One position of a row: a value, or an empty cell between bars. */
export type Position = Place | null;

/**
 * The values of one row as written: the cells from its first value to its last (empty cells
 * between bars kept as null), and how many empty cells stood before and after them — which may be
 * real empty cells or the residue of merged cells, as the table's complete rows tell.
 */
export interface Run {
  readonly lead: number;
  readonly body: Position[];
  readonly trail: number;
  /** True when the values touch a label with no gap (digits run together: "申请数量0000000"). */
  readonly glued: boolean;
  /** For a run held until its row is known: the labelled row whose values came just before, if any. */
  readonly after?: number | undefined;
}

/** A stretch of tokens: a label, a run of values, or narrative. */
export interface Segment {
  readonly kind: 'text' | 'value' | 'prose';
  readonly first: number;
  readonly last: number;
}

/** Empty cells the complete rows of one width show before and after their values (residue of merged cells). */
export interface Residue {
  readonly lead: number;
  readonly trail: number;
}

/** A region's layout: its tokens, read as segments and runs. */
export interface RegionLayout {
  /** The region's tokens (at most `MAX_REGION_TOKENS`). */
  readonly tokens: readonly Token[];
  /** Where a region too long to be a table was cut (the end of its last token read), if it was. */
  readonly cut: number | undefined;
  /** Row layout (one table row per line) or cell layout (one cell per line). */
  readonly rowLayout: boolean;
  /** The tokens as labels, value runs and narrative, in order. */
  readonly segments: readonly Segment[];
  /** The runs of each value segment, by the segment's first token. */
  readonly runsBySegment: ReadonlyMap<number, Run[]>;
  /** By row width: the most empty cells any complete row of that width has around its values. */
  readonly residue: ReadonlyMap<number, Residue>;
}

// The most tokens a table region is read for: the largest table of the template has a few hundred
// cells and labels; a region with more is not one table, and reading all of it (a token per value
// of 10 MB of "1 ") would take gigabytes.
const MAX_REGION_TOKENS = 50_000;
const DIGITS = /^\d+$/;

/** Tokenizes a region and reads its layout: segments, runs, and the residue of merged cells. */
export function layoutOf(text: string, start: number, end: number): RegionLayout {
  const tokens = tokenize(text, start, end, MAX_REGION_TOKENS);
  const cut = tokens.length >= MAX_REGION_TOKENS ? (tokens[tokens.length - 1] as Token).end : undefined;
  const rowLayout = isRowLayout(tokens);
  const segments = segmentsOf(tokens);
  const runsBySegment = new Map<number, Run[]>();
  const residue = new Map<number, Residue>();
  for (const segment of segments) {
    if (segment.kind !== 'value') continue;
    const runs = runsOf(tokens, segment.first, segment.last, rowLayout);
    runsBySegment.set(segment.first, runs);
    for (const run of runs) {
      const known = residue.get(run.body.length);
      residue.set(run.body.length, known ? { lead: Math.max(known.lead, run.lead), trail: Math.max(known.trail, run.trail) } : { lead: run.lead, trail: run.trail });
    }
  }
  return { tokens, cut, rowLayout, segments, runsBySegment, residue };
}

/** Row layout (one table row per line) or cell layout (one cell per line): decides what a line break means. */
function isRowLayout(tokens: readonly Token[]): boolean {
  let rowLines = 0;
  let cellLines = 0;
  let values = 0;
  let texts = 0;
  let line = -1;
  const close = (): void => {
    if (values >= 2 || (values >= 1 && texts >= 1)) rowLines++;
    else if (values === 1) cellLines++;
  };
  for (const token of tokens) {
    if (token.line !== line) {
      close();
      line = token.line;
      values = 0;
      texts = 0;
    }
    if (token.kind === 'value') values++;
    else texts++;
  }
  close();
  return rowLines >= cellLines;
}

/** The tokens as labels, value runs and narrative, in order. */
function segmentsOf(tokens: readonly Token[]): Segment[] {
  const segments: Segment[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    const kind = token.prose ? 'prose' : token.kind;
    let last = index;
    while (last + 1 < tokens.length) {
      const next = tokens[last + 1] as Token;
      if ((next.prose ? 'prose' : next.kind) !== kind) break;
      last++;
    }
    segments.push({ kind, first: index, last });
    index = last + 1;
  }
  return segments;
}

/**
 * The runs of values of a stretch of value tokens: one per line in the row layout, one in all in
 * the cell layout. Bars with nothing between them are empty cells.
 */
function runsOf(tokens: readonly Token[], first: number, last: number, rowLayout: boolean): Run[] {
  const runs: Run[] = [];
  const head = tokens[first] as Token;
  const glued = head.glued || (tokens[last + 1]?.glued ?? false);
  let lead = Math.max(0, (rowLayout && head.lineBreak ? head.barsAfterBreak : head.bars) - 1);
  let body: Position[] = [head];
  for (let index = first + 1; index <= last; index++) {
    const token = tokens[index] as Token;
    if (rowLayout && token.lineBreak) {
      runs.push({ lead, body, trail: Math.max(0, token.bars - token.barsAfterBreak - 1), glued });
      lead = Math.max(0, token.barsAfterBreak - 1);
      body = [token];
    } else {
      for (let empty = 1; empty < token.bars; empty++) body.push(null);
      body.push(token);
    }
  }
  const next = tokens[last + 1];
  const trail = next ? Math.max(0, (rowLayout && next.lineBreak ? next.bars - next.barsAfterBreak : next.bars) - 1) : 0;
  runs.push({ lead, body, trail, glued });
  return runs;
}

/** `count` empty positions. */
export const nulls = (count: number): null[] => Array.from({ length: Math.max(0, count) }, () => null);

/** The normalized characters a value was read from. */
export const textOf = (text: string, place: Place): string => text.slice(place.start, place.end);

/**
 * A run's positions for a row of `width` cells. Empty cells before or after the values count as
 * cells only beyond what the table's complete rows of that width show as residue of merged cells
 * ("| 6 | … | 6 | ||" in every row); when that does not tell where the missing cell is, the run is
 * returned short and its values are reported rather than shifted.
 */
export function fitRun(run: Run, width: number, residue: ReadonlyMap<number, Residue>): Position[] {
  const need = width - run.body.length;
  if (need <= 0) return run.body;
  const known = residue.get(width);
  if (known) {
    const spareLead = Math.max(0, run.lead - known.lead);
    const spareTrail = Math.max(0, run.trail - known.trail);
    if (spareTrail >= need && spareLead === 0) return [...run.body, ...nulls(need)];
    if (spareLead >= need && spareTrail === 0) return [...nulls(need), ...run.body];
    return run.body;
  }
  // No complete row to learn from: empty cells after the label first (a lone total), then after the values.
  const lead = Math.min(run.lead, need);
  return [...nulls(lead), ...run.body, ...nulls(Math.min(run.trail, need - lead))];
}

/** One run from several (lines of one row, or rows whose labels were lost): the values in order. */
export function joined(runs: readonly Run[]): Run {
  // The bodies copied in a loop: flatMap, the engine's generic flattening, cost several times as much
  // for lists this short (a body holds no holes for it to skip).
  const body: Position[] = [];
  let glued = false;
  for (const run of runs) {
    for (const position of run.body) body.push(position);
    if (run.glued) glued = true;
  }
  return { lead: runs[0]?.lead ?? 0, body, trail: runs[runs.length - 1]?.trail ?? 0, glued };
}

/**
 * The digits of `positions` when they can only be digits run together (all plain digits, touching
 * a label or written as no one writes a number: "0000000"): their count, or undefined.
 */
export function runTogetherDigits(text: string, positions: readonly Position[], glued: boolean): number | undefined {
  let digits = 0;
  let runTogether = glued;
  for (const place of positions) {
    if (!place || !DIGITS.test(textOf(text, place))) return undefined;
    digits += place.end - place.start;
    if (place.end - place.start > 1 && text.charCodeAt(place.start) === 48) runTogether = true;
  }
  return runTogether ? digits : undefined;
}

/** Digits run together ("0000000" for seven cells) read one digit per cell, when the count is exact. */
export function splitDigits(text: string, positions: readonly Position[], width: number, glued: boolean): Place[] | undefined {
  if (runTogetherDigits(text, positions, glued) !== width) return undefined;
  const split: Place[] = [];
  for (const place of positions as Place[]) for (let offset = place.start; offset < place.end; offset++) split.push({ start: offset, end: offset + 1 });
  return split;
}
