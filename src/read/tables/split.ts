/**
 * Digits run together: crawled pages that flatten `<td>`s leave a row's values as one string
 * ("640020470" for 64/0/0/2/0/4/70). Such a string is cut into the row's cells by the template's
 * own relations — each row's total (C3, C4), then the column balances of the whole table (C1, C2)
 * — searched jointly over every run-together row of the table. A reading is placed only when it is
 * the only one that fits; otherwise the row's readings (or the absence of any) are reported.
 *
 * The search is bounded: each row's cuts are enumerated depth-first with at most
 * {@link LOCAL_STEP_LIMIT} steps and {@link READING_LIMIT} readings kept; the joint search visits at most
 * {@link JOINT_STEP_LIMIT} partial assignments. A search that reaches a bound decides nothing.
 *
 * @packageDocumentation
 */
import type { SumRelation } from '../../catalog/index.js';

/** One cell a run-together string is cut into. */
export interface Slot {
  /** Row key. */
  readonly row: string;
  /** Column key. */
  readonly column: string;
}

/** The digits of one row (or of a table printed as one row), as the text holds them. */
export interface RunTogether {
  /** The cells the digits fill, in printed order. */
  readonly slots: readonly Slot[];
  /** The digit strings, in order; a space or bar between two of them is a cell boundary. */
  readonly pieces: readonly string[];
}

/** How one run was cut: the length of each cell's digits, slot by slot. */
export type Reading = readonly number[];

/** What the search decided for one run. */
export type SplitOutcome =
  | { readonly kind: 'unique'; readonly reading: Reading; readonly byBalance: boolean }
  | { readonly kind: 'several'; readonly readings: readonly Reading[]; readonly more: boolean }
  | { readonly kind: 'none'; readonly bounded: boolean };

/** Most steps of the depth-first enumeration of one run's cuts. */
export const LOCAL_STEP_LIMIT = 20_000;
/** Most readings of one run kept (beyond it, the run is reported as having several). */
export const READING_LIMIT = 64;
/** How many readings of an ambiguous run its finding lists. */
export const LISTED_READINGS = 6;
/** Most partial assignments the joint search over a table's runs visits. */
export const JOINT_STEP_LIMIT = 20_000;
// A cell of more digits is not a count a report holds (and would not be exact in a double).
const MAX_CELL_DIGITS = 12;

/** The value of each cell of a reading. */
export function valuesOf(run: RunTogether, reading: Reading): number[] {
  const values: number[] = [];
  let piece = 0;
  let at = 0;
  for (const length of reading) {
    let text = run.pieces[piece] as string;
    if (at >= text.length) {
      piece++;
      at = 0;
      text = run.pieces[piece] as string;
    }
    values.push(Number(text.slice(at, at + length)));
    at += length;
  }
  return values;
}

type Known = (row: string, column: string) => number | undefined;

/** A row relation (`across: 'columns'`) as it applies to one row: lhs columns, rhs columns. */
interface RowCheck {
  readonly lhs: readonly string[];
  readonly rhs: readonly string[];
}

function rowChecksOf(relations: readonly SumRelation[], row: string): RowCheck[] {
  return relations.filter((relation) => relation.across === 'columns' && (relation.over === undefined || relation.over.includes(row))).map(({ lhs, rhs }) => ({ lhs, rhs }));
}

/**
 * Every cut of one run that its rows' own totals allow (the other cells of those rows as `known`
 * gives them), up to the bounds.
 */
function localReadings(run: RunTogether, relations: readonly SumRelation[], known: Known): { readings: Reading[]; more: boolean; bounded: boolean } {
  const slots = run.slots;
  const readings: Reading[] = [];
  let steps = 0;
  let bounded = false;
  let more = false;
  // Each row's checks, as slot indices of this run (or values known from elsewhere), checked at the row's last slot.
  type Term = { readonly slot: number } | { readonly value: number | undefined };
  const checksAt = new Map<number, { lhs: Term[]; rhs: Term[] }[]>();
  const lastSlotOfRow = new Map<string, number>();
  slots.forEach((slot, index) => lastSlotOfRow.set(slot.row, index));
  for (const [row, last] of lastSlotOfRow) {
    const termOf = (column: string): Term => {
      const index = slots.findIndex((slot) => slot.row === row && slot.column === column);
      return index >= 0 ? { slot: index } : { value: known(row, column) };
    };
    const checks = rowChecksOf(relations, row)
      .map((check) => ({ lhs: check.lhs.map(termOf), rhs: check.rhs.map(termOf) }))
      // A check through a cell no one knows decides nothing.
      .filter((check) => [...check.lhs, ...check.rhs].every((term) => !('value' in term) || term.value !== undefined));
    if (checks.length > 0) checksAt.set(last, checks);
  }
  const lengths: number[] = [];
  const values: number[] = [];
  const digitsAfter: number[] = run.pieces.map((_, index) => run.pieces.slice(index + 1).reduce((sum, piece) => sum + piece.length, 0));
  const termValue = (term: Term): number => ('slot' in term ? (values[term.slot] as number) : (term.value as number));
  const holds = (slot: number): boolean =>
    (checksAt.get(slot) ?? []).every((check) => {
      let left = 0;
      let right = 0;
      for (const term of check.lhs) left += termValue(term);
      for (const term of check.rhs) right += termValue(term);
      return left === right;
    });

  const walk = (slot: number, piece: number, at: number): void => {
    if (bounded || more) return;
    const text = run.pieces[piece] as string;
    if (slot === slots.length) {
      if (piece === run.pieces.length - 1 && at === text.length) {
        if (readings.length >= READING_LIMIT) more = true;
        else readings.push([...lengths]);
      }
      return;
    }
    if (at === text.length) {
      // A piece ends at a cell boundary: the next cell starts the next piece.
      if (piece + 1 < run.pieces.length) walk(slot, piece + 1, 0);
      return;
    }
    const slotsLeft = slots.length - slot;
    const piecesLeft = run.pieces.length - piece - 1;
    const digitsLeft = text.length - at + (digitsAfter[piece] as number);
    if (slotsLeft > digitsLeft || slotsLeft <= piecesLeft) return;
    const longest = text.charCodeAt(at) === 48 ? 1 : Math.min(MAX_CELL_DIGITS, text.length - at);
    for (let length = 1; length <= longest; length++) {
      // Every cut tried counts: the search is bounded by the cuts it tries, not by the readings it finds.
      if (++steps > LOCAL_STEP_LIMIT) {
        bounded = true;
        return;
      }
      lengths.push(length);
      values[slot] = Number(text.slice(at, at + length));
      if (holds(slot)) walk(slot + 1, piece, at + length);
      lengths.pop();
      if (bounded || more) return;
    }
  };
  if (run.pieces.length > 0 && run.pieces.every((piece) => piece.length > 0)) walk(0, 0, 0);
  return { readings, more, bounded };
}

/** One column balance (`across: 'rows'`) in one column: the cells on each side. */
interface ColumnCheck {
  readonly lhs: readonly Slot[];
  readonly rhs: readonly Slot[];
}

/**
 * Decides the cut of each run of one table: by its rows' totals, then jointly by the table's column
 * balances. `known` gives the counts of the cells read without cutting. Never throws; bounded.
 */
export function splitJointly(runs: readonly RunTogether[], relations: readonly SumRelation[], known: Known): SplitOutcome[] {
  const local = runs.map((run) => localReadings(run, relations, known));
  const fallback = (): SplitOutcome[] =>
    local.map(({ readings, more, bounded }): SplitOutcome => {
      if (bounded) return { kind: 'none', bounded: true };
      if (readings.length === 1 && !more) return { kind: 'unique', reading: readings[0] as Reading, byBalance: false };
      if (readings.length === 0) return { kind: 'none', bounded: false };
      return { kind: 'several', readings, more };
    });
  // Runs with no reading, or too many, take no part: the balances through their cells decide nothing.
  const included = local.map(({ readings, more, bounded }) => !bounded && !more && readings.length > 0);
  const excluded = new Set<string>();
  runs.forEach((run, index) => {
    if (!included[index]) for (const slot of run.slots) excluded.add(`${slot.row}\u0000${slot.column}`);
  });

  // Which run (and which of its cells) fills each cell.
  const owner = new Map<string, { run: number; slot: number }>();
  runs.forEach((run, index) => {
    if (included[index]) run.slots.forEach((slot, position) => owner.set(`${slot.row}\u0000${slot.column}`, { run: index, slot: position }));
  });
  const columnChecks: { check: ColumnCheck; lastRun: number }[] = [];
  for (const relation of relations) {
    if (relation.across !== 'rows') continue;
    const columns = new Set<string>();
    for (const run of runs) for (const slot of run.slots) if ([...relation.lhs, ...relation.rhs].includes(slot.row)) columns.add(slot.column);
    for (const column of columns) {
      if (relation.over && !relation.over.includes(column)) continue;
      const check: ColumnCheck = { lhs: relation.lhs.map((row) => ({ row, column })), rhs: relation.rhs.map((row) => ({ row, column })) };
      let lastRun = -1;
      let complete = true;
      for (const slot of [...check.lhs, ...check.rhs]) {
        const runOf = owner.get(`${slot.row}\u0000${slot.column}`)?.run;
        if (runOf !== undefined) lastRun = Math.max(lastRun, runOf);
        else if (excluded.has(`${slot.row}\u0000${slot.column}`) || known(slot.row, slot.column) === undefined) complete = false;
      }
      // A balance through a cell no one read cannot decide anything.
      if (complete && lastRun >= 0) columnChecks.push({ check, lastRun });
    }
  }
  if (columnChecks.length === 0) return fallback();

  const values = local.map(({ readings }, index) => readings.map((reading) => valuesOf(runs[index] as RunTogether, reading)));
  const chosen: number[] = [];
  const valueAt = (slot: Slot): number => {
    const at = owner.get(`${slot.row}\u0000${slot.column}`);
    if (at === undefined) return known(slot.row, slot.column) as number;
    return (values[at.run]?.[chosen[at.run] as number]?.[at.slot] ?? 0) as number;
  };
  const holdsAt = (depth: number): boolean =>
    columnChecks.every(({ check, lastRun }) => {
      if (lastRun !== depth) return true;
      let left = 0;
      let right = 0;
      for (const slot of check.lhs) left += valueAt(slot);
      for (const slot of check.rhs) right += valueAt(slot);
      return left === right;
    });
  const solutions: number[][] = [];
  let steps = 0;
  let bounded = false;
  const search = (depth: number): void => {
    if (bounded) return;
    if (depth === runs.length) {
      solutions.push([...chosen]);
      return;
    }
    if (!included[depth]) {
      chosen[depth] = -1;
      search(depth + 1);
      return;
    }
    for (let option = 0; option < (local[depth]?.readings.length ?? 0); option++) {
      if (++steps > JOINT_STEP_LIMIT) {
        bounded = true;
        return;
      }
      chosen[depth] = option;
      if (holdsAt(depth)) search(depth + 1);
    }
    chosen.length = depth;
  };
  search(0);
  // No joint reading: the balances are broken in the report itself; they must not pick a reading.
  if (bounded || solutions.length === 0) return fallback();
  const alone = fallback();
  return runs.map((_, index): SplitOutcome => {
    if (!included[index]) return alone[index] as SplitOutcome;
    const options = [...new Set(solutions.map((solution) => solution[index] as number))];
    const readings = options.map((option) => local[index]?.readings[option] as Reading);
    if (readings.length === 1) return { kind: 'unique', reading: readings[0] as Reading, byBalance: (local[index]?.readings.length ?? 0) > 1 };
    return { kind: 'several', readings, more: false };
  });
}

/** Where a run's digits stand in the text: each piece's offsets. */
export interface PiecePlace {
  /** Offset of the piece's first digit. */
  readonly start: number;
  /** Offset just past its last digit. */
  readonly end: number;
}

/** The offsets of each cell of a reading, given where the run's pieces stand. */
export function cutPlaces(places: readonly PiecePlace[], reading: Reading): PiecePlace[] {
  const cut: PiecePlace[] = [];
  let piece = 0;
  let at = places[0]?.start ?? 0;
  for (const length of reading) {
    if (at >= (places[piece]?.end ?? 0) && piece + 1 < places.length) {
      piece++;
      at = (places[piece] as PiecePlace).start;
    }
    cut.push({ start: at, end: at + length });
    at += length;
  }
  return cut;
}

/** For each cell, its place when every reading cuts it the same way; undefined where they differ. */
export function agreedPlaces(places: readonly PiecePlace[], readings: readonly Reading[]): (PiecePlace | undefined)[] {
  const cuts = readings.map((reading) => cutPlaces(places, reading));
  const first = cuts[0] ?? [];
  return first.map((place, slot) => (cuts.every((cut) => cut[slot]?.start === place.start && cut[slot]?.end === place.end) ? place : undefined));
}
