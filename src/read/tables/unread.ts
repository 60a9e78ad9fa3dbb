/**
 * The reader's last stage: every value token of a table region that no table placed in a cell
 * nor reported is reported now, so that nothing inside a table is dropped whatever the reader's
 * earlier stages made of the text around it. Values before the point where the table's reading
 * stopped are reported one by one (their row could not be told: a lost or broken label); what
 * follows that point in the region — after a heading or sentence that ended the table early — is
 * one unplaced value covering it all (the reader did not read on, and says so once).
 *
 * @packageDocumentation
 */
import type { TableKey } from '../../catalog/index.js';
import type { UnplacedValue } from '../../model/index.js';
import type { SourceText } from '../source.js';
import type { Place } from './layout.js';
import type { Token } from './tokens.js';

/** One table as read: the region's tokens and where reading stopped. */
export interface ReadRegion {
  /** The table the region was read for. */
  readonly table: TableKey;
  /** The region's tokens as the reader saw them. */
  readonly tokens: readonly Token[];
  /** Offset in the normalized text from which its values are the table's (before it, the text that precedes the table). */
  readonly from: number;
  /** Offset in the normalized text where reading stopped. */
  readonly stop: number;
  /** When a heading or sentence ended the table early: the first template row not read. */
  readonly unreadRow?: string;
}


/** Whether a token is a value of a table rather than words or narrative. */
const isValue = (token: Token): boolean => token.kind === 'value' && !token.prose;

/**
 * The unplaced values for the value tokens of `regions` that overlap none of the `accounted`
 * ranges (normalized offsets of every cell and unplaced value of every table). Linear in the
 * tokens and the ranges (a pass over a region's tokens is one pass over the ranges), after sorting
 * the ranges when they are out of order.
 */
export function unreadValues(source: SourceText, regions: readonly ReadRegion[], accounted: readonly Place[]): UnplacedValue[] {
  // The tables place their values mostly in text order: the ranges are sorted only when they are not.
  const ranges = isSortedByStart(accounted) ? accounted : [...accounted].sort((a, b) => a.start - b.start);
  // The furthest end among the ranges up to each one: a token overlaps a range when the furthest end
  // of those that start before it ends lies past its start.
  const reach: number[] = [];
  let furthest = -1;
  for (const range of ranges) {
    furthest = Math.max(furthest, range.end);
    reach.push(furthest);
  }
  // The ranges that start before a token ends, counted by a cursor that only moves on: a region's
  // tokens are asked in text order, so each pass over a region's tokens (the cursor set back to 0
  // before it) is one pass over the ranges.
  let before = 0;
  const covered = (token: Token): boolean => {
    while (before < ranges.length && (ranges[before] as Place).start < token.end) before++;
    return before > 0 && (reach[before - 1] as number) > token.start;
  };
  const unplaced: UnplacedValue[] = [];
  const seen = new Set<number>();
  // Values before where a table's reading stopped are that table's, reported one by one.
  for (const region of regions) {
    before = 0;
    for (const token of region.tokens) {
      if (token.start < region.from || token.start >= region.stop || !isValue(token) || covered(token) || seen.has(token.start)) continue;
      seen.add(token.start);
      unplaced.push({ text: source.written(token.start, token.end), table: region.table, reason: 'unknown-row', span: source.span(token.start, token.end) });
    }
  }
  // A value after where several tables stopped (regions overlap when a heading was moved: table 三
  // read inside section 二) is the rest of the table whose reading stopped last before it — the one
  // a heading or sentence interrupted there — not of the first table whose region holds it.
  const owner = new Map<number, number>();
  regions.forEach((region, index) => {
    before = 0;
    for (const token of region.tokens) {
      if (token.start < region.from || token.start < region.stop || !isValue(token) || covered(token) || seen.has(token.start)) continue;
      const current = owner.get(token.start);
      if (current === undefined || (regions[current] as ReadRegion).stop < region.stop) owner.set(token.start, index);
    }
  });
  // (Most reports leave no value after where their tables stopped.)
  if (owner.size === 0) return unplaced;
  regions.forEach((region, index) => {
    let restStart = -1;
    let restEnd = -1;
    let restCount = 0;
    for (const token of region.tokens) {
      if (owner.get(token.start) !== index || seen.has(token.start)) continue;
      seen.add(token.start);
      if (restStart < 0) restStart = token.start;
      restEnd = token.end;
      restCount++;
    }
    if (restStart >= 0) {
      // The text as written under the span, as every unplaced value's is (findings quote its start), and
      // how many values it holds.
      unplaced.push({
        text: source.written(restStart, restEnd),
        table: region.table,
        reason: 'extra-value',
        span: source.span(restStart, restEnd),
        rest: { count: restCount, ...(region.unreadRow !== undefined ? { fromRow: region.unreadRow } : {}) },
      });
    }
  });
  return unplaced;
}

/** Whether the ranges are in order of their starts. */
function isSortedByStart(ranges: readonly Place[]): boolean {
  for (let index = 1; index < ranges.length; index++) if ((ranges[index] as Place).start < (ranges[index - 1] as Place).start) return false;
  return true;
}
