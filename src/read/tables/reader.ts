/**
 * Reading one table from its region: the tokens are read as alternating labels (text) and value
 * runs; labels are aligned with the template's rows in order (a cursor walks the catalog), and
 * each value run is cut into rows by the expected column counts. A run without a label is held
 * until the next label shows how many template rows it skipped: it is placed by position only when
 * the counts agree, otherwise reported, never guessed.
 *
 * Stages: layout (tokens → segments → runs, `layout.ts`) → walk (labels align the cursor, runs are
 * placed in rows, held runs resolved, a table printed as one row spread) → run-together digits cut
 * by the table's sums jointly → what a cut region left unread reported → the table built.
 *
 * @packageDocumentation
 */
import { GROUP_ROW_KEYS } from '../../catalog/index.js';
import type { SumRelation, TableDefinition, TableKey, Unit } from '../../catalog/index.js';
import type { AnyTable, Cell, Span, TableRow, UnplacedValue } from '../../model/index.js';
import type { SourceText } from '../source.js';
import { cellFor } from './cells.js';
import { buildBlob, headerOf, offsetIn } from './labels.js';
import type { Blob } from './labels.js';
import { fitRun, joined, layoutOf, runTogetherDigits, splitDigits, textOf } from './layout.js';
import type { Place, Position, RegionLayout, Run, Segment } from './layout.js';
import type { LabelMatch, RowPattern, TableMatcher } from './matcher.js';
import {
  countColumnsIn,
  firstColumnAt,
  headingsIn,
  labelStartsAt,
  matchGroups,
  matchRows,
  mayHoldContent,
  sectionHeadingAt,
  tableMatcher,
} from './matcher.js';
import { LISTED_READINGS, agreedPlaces, cutPlaces as cutDigits, splitJointly } from './split.js';
import type { Reading, RunTogether, Slot } from './split.js';
import type { Token } from './tokens.js';

/** A stretch of the normalized text in which one table is looked for. */
export interface TableRegion {
  /** Offset of the region's first character in the normalized text. */
  readonly start: number;
  /** Offset just past the region. */
  readonly end: number;
}

/** What reading one table gave. */
export interface TableReadResult {
  /** The table, when its region held any of it (a heading, a row label, column labels). */
  readonly table: AnyTable | undefined;
  /** Numbers of the table that could not be placed in a cell. */
  readonly unplaced: UnplacedValue[];
  /** Offset in the normalized text where reading stopped (the region's end, or the text that ended the table). */
  readonly stop: number;
  /** Runs of digits with several readings: the narrative may still decide them. */
  readonly ambiguities: RunAmbiguity[];
  /** The region's tokens as read (for the final check that every value was placed or reported). */
  readonly tokens: readonly Token[];
  /** The normalized ranges of every value placed in a cell or reported unplaced. */
  readonly accounted: readonly Place[];
  /** Offset in the normalized text of the table's first label or heading, or -1 when none was found. */
  readonly contentStart: number;
  /** When a heading or sentence ended the table before its region did: the first template row not read. */
  readonly unreadRow?: string;
}

/** A run of digits the table's sums leave with several readings, reported as one unplaced value. */
export interface RunAmbiguity {
  /** The run: its cells and digit strings. */
  readonly run: RunTogether;
  /** Where each digit string stands in the normalized text. */
  readonly places: readonly { readonly start: number; readonly end: number }[];
  /** The readings that fit. */
  readonly readings: readonly Reading[];
  /** The unplaced value that reports it. */
  readonly unplaced: UnplacedValue;
}

/** One template row as read so far. */
interface RowState {
  label?: string;
  labelSpan?: Span;
  labelInferred?: boolean;
  valuesInferred?: boolean;
  readonly cells: Record<string, Cell>;
}

/** Where the next run of values goes: the row a label just named, or spread over the rows from one on. */
type Target = { readonly kind: 'row'; readonly row: number } | { readonly kind: 'spread'; readonly from: number };

/** A group heading read with no row label after it. */
interface GroupHeading {
  readonly key: string;
  readonly firstRow: number;
  readonly span: Span;
  readonly label: string;
}

/** A row (or rows) whose digits ran together, cut once the whole table is read. */
const DECIMALS = /^\d+$/;
const isAmount = (unit: Unit | undefined): boolean => unit === 'wanYuan' || unit === 'amount';

interface DeferredRun {
  readonly run: RunTogether;
  readonly places: Place[];
  /**
   * The decimals of an amount ending the run ("政府集中采购13575394432.52元"): cut off for the search
   * and given back to the last cell.
   */
  readonly fraction: number;
}

/**
 * The last element of a list, or undefined when it is empty. `list[list.length - 1]` on an empty
 * list reads index -1, which V8 looks up as a named property (off its fast element path).
 */
const lastOf = <T>(list: readonly T[]): T | undefined => (list.length > 0 ? list[list.length - 1] : undefined);

// How much text before a run of values can hold its labels and headers (table 四's header is ~100 characters).
const LABEL_WINDOW = 2048;

// Whether `key[start, end)` names a row or a group from `cursor` on, or two columns: searched in a
// slice, so that a long label with many headings is read in linear time. A function of the module,
// not a closure made for every label read.
function holdsContent(matcher: TableMatcher, key: string, cursor: number, start: number, end: number): boolean {
  if (!mayHoldContent(matcher, start, end)) return false;
  const words = key.slice(start, end);
  return matchRows(matcher, words, cursor, 0, words.length).length > 0 || matchGroups(matcher, words, cursor, 0, words.length).length > 0 || countColumnsIn(matcher, words, 0, words.length) >= 2;
}

/**
 * Reads one table from its region of the normalized text. Never throws on any text; linear in
 * the region's length (each label is matched against the template once).
 */
export function readTable(
  source: SourceText,
  tableKey: TableKey,
  definition: TableDefinition,
  region: TableRegion,
  relations: readonly SumRelation[] = [],
): TableReadResult {
  const layout = layoutOf(source.text, region.start, region.end);
  const reading = new TableReading(source, tableKey, tableMatcher(definition), layout, region);
  reading.walk();
  const ambiguities = reading.cutRunTogether(relations.filter((relation) => relation.table === tableKey));
  reading.reportCutRegion();
  const unreadRow = reading.unreadRow();
  return {
    table: reading.table(),
    unplaced: reading.unplaced,
    stop: reading.stop,
    ambiguities,
    tokens: layout.tokens,
    accounted: reading.accounted,
    contentStart: reading.contentStart,
    ...(unreadRow !== undefined ? { unreadRow } : {}),
  };
}

/**
 * The state of reading one table: the template rows as read so far, what was reported, and where
 * the walk over the region's segments stands (the catalog cursor, the row the next values go to,
 * the runs held until their rows are known, the header in force).
 */
class TableReading {
  readonly unplaced: UnplacedValue[] = [];
  /** The normalized ranges of the values placed in cells or reported unplaced. */
  readonly accounted: Place[] = [];
  /** Offset in the normalized text where reading stopped. */
  stop: number;
  private readonly text: string;
  private readonly tokens: readonly Token[];
  private readonly rowCount: number;
  private readonly rows: (RowState | undefined)[];
  private readonly groupRows: Record<string, RowState> = {};
  // Rows whose digits ran together: cut after the whole table is read, by its sums jointly.
  private readonly deferred: DeferredRun[] = [];
  private cursor = 0;
  // The cursor when a heading or sentence ended the table early (-1 while it has not).
  private stoppedAt = -1;
  private started = false;
  private target: Target | undefined;
  private pending: Run[] = [];
  private header: (string | null)[] | undefined;
  /** Offset of the table's first label or heading, or -1 before one is read. */
  contentStart = -1;
  private contentEnd = -1;
  // The last group heading read with no row label after it: a one-row group ("（六）其他处理 0 0 …" of
  // the 2019 table left in a 2021 one) gives its values to the group's own row where a template has it.
  private lastGroup: GroupHeading | undefined;
  // Which segments have a label naming one of the table's rows after them (found once, when asked).
  private rowLabelAfter: boolean[] | undefined;
  // The empty cells every row ends with (found once, when a row written blank asks).
  private residueAfterRows: number | undefined;

  constructor(
    private readonly source: SourceText,
    private readonly tableKey: TableKey,
    private readonly matcher: TableMatcher,
    private readonly layout: RegionLayout,
    private readonly region: TableRegion,
  ) {
    this.text = source.text;
    this.tokens = layout.tokens;
    this.stop = region.end;
    this.rowCount = matcher.rows.length;
    this.rows = new Array<RowState | undefined>(this.rowCount);
  }

  /** Reads the segments in order: labels move the cursor, value runs are placed; then held runs are resolved. */
  walk(): void {
    const segments = this.layout.segments;
    for (let index = 0; index < segments.length; index++) {
      const segment = segments[index] as Segment;
      if (segment.kind === 'prose') {
        if (this.started && (this.rowsFollow(index) || (this.target !== undefined && segments[index + 1]?.kind === 'value'))) continue;
        if (this.started) {
          // A sentence after the table: the narrative has resumed.
          this.stop = (this.tokens[segment.first] as Token).start;
          this.stoppedAt = this.cursor;
          break;
        }
        // Narrative before the table: its numbers are not the table's.
        this.pending = [];
        this.target = undefined;
      } else if (segment.kind === 'text') {
        if (!this.readLabel(segment.first, segment.last)) {
          this.stoppedAt = this.cursor;
          break;
        }
      } else if (this.started) {
        this.readRun(segment);
      }
    }
    this.resolvePending(this.rowCount);
  }

  /** The first template row not read when a heading or sentence ended the table before its region did. */
  unreadRow(): string | undefined {
    if (this.stoppedAt < 0 || this.stoppedAt >= this.rowCount || this.stop >= this.region.end) return undefined;
    return this.rowAt(this.stoppedAt).key;
  }

  /** Where a region too long to be a table was cut: what follows, up to where reading stopped, is one unplaced value. */
  reportCutRegion(): void {
    const cut = this.layout.cut;
    if (cut === undefined || this.stop <= cut) return;
    const rest = this.text.slice(cut, Math.min(this.stop, cut + 64)).trim();
    this.unplaced.push({ text: `${rest}…`, table: this.tableKey, reason: 'extra-value', span: this.source.span(cut, this.stop) });
    this.accounted.push({ start: cut, end: this.stop });
  }

  /** The table read, or undefined when the region held none of it. */
  table(): AnyTable | undefined {
    if (!this.started) return undefined;
    const tableRows: Record<string, TableRow> = {};
    this.rows.forEach((state, row) => {
      if (!state) return;
      const entry: TableRow = { cells: state.cells };
      if (state.label !== undefined) entry.label = state.label;
      if (state.labelSpan) entry.labelSpan = state.labelSpan;
      if (state.labelInferred) entry.labelInferred = true;
      if (state.valuesInferred) entry.valuesInferred = true;
      tableRows[this.rowAt(row).key] = entry;
    });
    for (const [key, state] of Object.entries(this.groupRows)) {
      if (tableRows[key]) continue;
      const entry: TableRow = { cells: state.cells };
      if (state.label !== undefined) entry.label = state.label;
      if (state.labelSpan) entry.labelSpan = state.labelSpan;
      tableRows[key] = entry;
    }
    const { contentStart, contentEnd } = this;
    return contentStart >= 0 ? { span: this.source.span(contentStart, Math.max(contentStart, contentEnd)), rows: tableRows } : { rows: tableRows };
  }

  /** Cuts the deferred run-together digits by the table's sums jointly; returns the runs left with several readings. */
  cutRunTogether(relations: readonly SumRelation[]): RunAmbiguity[] {
    const ambiguities: RunAmbiguity[] = [];
    if (this.deferred.length === 0) return ambiguities;
    const rowIndex = new Map(this.matcher.rows.map((pattern, index) => [pattern.key, index]));
    const unitOf = new Map(this.matcher.rows.map((pattern) => [pattern.key, pattern.units]));
    const known = (row: string, column: string): number | undefined => {
      const cell = this.rows[rowIndex.get(row) ?? -1]?.cells[column];
      return cell?.kind === 'count' ? cell.value : undefined;
    };
    const place = (slot: Slot, at: Place): void => {
      const row = rowIndex.get(slot.row) as number;
      this.setCell(row, slot.column, unitOf.get(slot.row)?.[slot.column] ?? 'count', at);
      this.ensureRow(row).valuesInferred = true;
    };
    const outcomes = splitJointly(
      this.deferred.map(({ run }) => run),
      relations,
      known,
    );
    outcomes.forEach((outcome, index) => {
      const { run, places, fraction } = this.deferred[index] as DeferredRun;
      const first = places[0] as Place;
      const last = { ...(places[places.length - 1] as Place), end: (places[places.length - 1] as Place).end + fraction };
      // The cut, with the amount's decimals given back to the last cell.
      const cutPlaces = (pieces: readonly Place[], reading: Reading): Place[] =>
        cutDigits(pieces, reading).map((at, position, all) => (position === all.length - 1 ? { ...at, end: at.end + fraction } : at));
      if (outcome.kind === 'unique') {
        cutPlaces(places, outcome.reading).forEach((at, position) => place(run.slots[position] as Slot, at));
        return;
      }
      // Cells every reading cuts alike are decided even when the row is not.
      const agreed = (outcome.kind === 'several' ? agreedPlaces(places, outcome.readings) : []).map((at, position, all) =>
        at && position === all.length - 1 ? { ...at, end: at.end + fraction } : at,
      );
      agreed.forEach((at, position) => {
        if (at) place(run.slots[position] as Slot, at);
      });
      const entry: UnplacedValue = {
        text: this.source.written(first.start, last.end),
        table: this.tableKey,
        row: (run.slots[0] as Slot).row,
        reason: outcome.kind === 'several' ? 'ambiguous' : 'unsplittable',
        span: this.source.span(first.start, last.end),
        cells: run.slots.filter((_, position) => !agreed[position]).map((slot) => `${slot.row}.${slot.column}`),
      };
      if (outcome.kind === 'several') {
        entry.readings = outcome.readings.slice(0, LISTED_READINGS).map((reading) => cutPlaces(places, reading).map((at) => textOf(this.text, at)));
        ambiguities.push({ run, places, readings: outcome.readings, unplaced: entry });
      }
      this.unplaced.push(entry);
      this.accounted.push({ start: first.start, end: last.end });
    });
    return ambiguities;
  }

  private rowAt(index: number): RowPattern {
    return this.matcher.rows[index] as RowPattern;
  }

  private widthOf(index: number): number {
    return this.rowAt(index).columns.length;
  }

  private ensureRow(index: number): RowState {
    return (this.rows[index] ??= { cells: {} });
  }

  private fit(run: Run, width: number): Position[] {
    return fitRun(run, width, this.layout.residue);
  }

  private report(place: Place, reason: UnplacedValue['reason'], row: number | undefined): void {
    const span = this.source.span(place.start, place.end);
    const entry: UnplacedValue = { text: this.source.written(place.start, place.end), table: this.tableKey, reason, span };
    if (row !== undefined) entry.row = this.rowAt(row).key;
    this.unplaced.push(entry);
    this.accounted.push(place);
  }

  private reportAll(positions: readonly Position[], reason: UnplacedValue['reason'], row: number | undefined): void {
    for (const place of positions) if (place) this.report(place, reason, row);
  }

  private setCell(row: number, column: string, unit: Unit, place: Place): void {
    const span = this.source.span(place.start, place.end);
    this.ensureRow(row).cells[column] = cellFor(this.text, place.start, place.end, this.source, unit, span);
    this.accounted.push(place);
  }

  /** Defers the digits of `slots` when they can only be digits run together; false when they cannot. */
  private defer(positions: readonly Position[], slots: readonly Slot[], glued: boolean, lastIsAmount = false): boolean {
    let fraction = 0;
    const places: Position[] = positions.map((place, index) => {
      if (!place || !lastIsAmount || !glued || index !== positions.length - 1) return place;
      const written = textOf(this.text, place);
      const point = written.indexOf('.');
      if (point <= 0 || !DECIMALS.test(written.slice(point + 1))) return place;
      fraction = written.length - point;
      return { start: place.start, end: place.start + point };
    });
    const digits = runTogetherDigits(this.text, places, glued);
    if (digits === undefined || digits < slots.length || places.length === 0) return false;
    const cut = places as Place[];
    this.deferred.push({ run: { slots, pieces: cut.map((place) => textOf(this.text, place)) }, places: cut, fraction });
    return true;
  }

  /** The columns the current header gives a row's positions, when the header differs from the template's. */
  private headerColumns(row: number, run: Run): (string | null)[] | undefined {
    const header = this.header;
    if (!header) return undefined;
    if (header.every((key) => key === null)) return header;
    const pattern = this.rowAt(row);
    const columns = pattern.columns;
    // The row's unit map is keyed by its column keys: asked per row, so no Set is built for it.
    if (!header.every((key) => key === null || Object.hasOwn(pattern.units, key))) return undefined;
    const identity = header.length === columns.length && header.every((key, index) => key === columns[index]?.key);
    if (identity || this.fit(run, header.length).length !== header.length) return undefined;
    return header;
  }

  /**
   * The blank cell at `index` of a row's positions, pointing (with no width) at the bar or tab that
   * closes it: the separators before the next value, counted back.
   */
  private blankAt(positions: readonly Position[], index: number): Cell {
    let next = index + 1;
    while (next < positions.length && !positions[next]) next++;
    const value = positions[next];
    if (!value) return { kind: 'blank', text: '' };
    let separators = 0;
    for (let at = value.start - 1; at >= this.region.start; at--) {
      const code = this.text.charCodeAt(at);
      if (code !== 124 && code !== 9) continue;
      if (++separators === next - index) return { kind: 'blank', text: '', span: this.source.span(at, at) };
    }
    return { kind: 'blank', text: '' };
  }

  /** Places a row's values in its cells; what does not fit is reported. */
  private placeRow(row: number, run: Run): void {
    const columns = this.rowAt(row).columns;
    const mapped = this.headerColumns(row, run);
    this.ensureRow(row);
    if (mapped?.every((key) => key === null)) {
      // Under another format's header: which template column a value belongs to is unknown.
      this.reportAll(run.body, 'ambiguous', row);
      return;
    }
    const width = mapped ? mapped.length : columns.length;
    const positions = this.fit(run, width);
    if (positions.length >= width) {
      const units = this.rowAt(row).units;
      // Plain loops, not forEach with callbacks: placed for every row of every table, and each
      // callback closed over this row's state (a context allocated per row).
      let lastValue = -1;
      for (let index = 0; index < positions.length; index++) if (positions[index]) lastValue = index;
      for (let index = 0; index < positions.length; index++) {
        const place = positions[index];
        if (!place) {
          // An empty cell between bars ("| |", a bare "|" line) before the row's last value is a blank
          // cell, not a missing one; after it, the row has fewer values than cells (cell-missing).
          if (index > lastValue) continue;
          const column = index < width ? (mapped ? mapped[index] : columns[index]?.key) : undefined;
          if (column !== undefined && column !== null) this.ensureRow(row).cells[column] ??= this.blankAt(positions, index);
          continue;
        }
        if (mapped) {
          const column = index < width ? mapped[index] : undefined;
          if (column === undefined || column === null) this.report(place, 'extra-value', row);
          else this.setCell(row, column, units[column] ?? 'count', place);
          continue;
        }
        const column = index < width ? columns[index] : undefined;
        if (column === undefined) this.report(place, 'extra-value', row);
        else this.setCell(row, column.key, column.unit, place);
      }
      return;
    }
    const split = splitDigits(this.text, positions, columns.length, run.glued);
    if (split) split.forEach((place, index) => this.setCell(row, (columns[index] as { key: string }).key, (columns[index] as { unit: Unit }).unit, place));
    else if (!this.defer(positions, columns.map((column) => ({ row: this.rowAt(row).key, column: column.key })), run.glued, isAmount(columns[columns.length - 1]?.unit)))
      this.reportAll(positions, 'ambiguous', row);
  }

  /** Places one run over several rows in order (a table printed as one row under a multi-line header). */
  private placeSpread(from: number, run: Run): void {
    const slots: { row: number; key: string; unit: Unit }[] = [];
    for (let row = from; row < this.rowCount; row++) for (const column of this.rowAt(row).columns) slots.push({ row, key: column.key, unit: column.unit });
    if (slots.length === 0) {
      this.reportAll(run.body, 'extra-value', this.rowCount - 1);
      return;
    }
    const positions = this.fit(run, slots.length);
    const places = positions.length >= slots.length ? positions : splitDigits(this.text, positions, slots.length, run.glued);
    if (!places) {
      if (this.defer(positions, slots.map((slot) => ({ row: this.rowAt(slot.row).key, column: slot.key })), run.glued)) {
        for (let row = from; row < this.rowCount; row++) this.ensureRow(row);
      } else this.reportAll(positions, 'ambiguous', from);
      return;
    }
    places.forEach((place, index) => {
      const slot = slots[index];
      if (!place) return;
      if (!slot) this.report(place, 'extra-value', this.rowCount - 1);
      else this.setCell(slot.row, slot.key, slot.unit, place);
    });
    for (let row = from; row < this.rowCount; row++) this.ensureRow(row);
  }

  /** Gives held runs to the rows between the cursor and the next row found, when the counts agree. */
  private resolvePending(next: number): void {
    if (this.pending.length === 0) return;
    const held = this.pending;
    this.pending = [];
    const cursor = this.cursor;
    const count = next - cursor;
    let placed = false;
    if (count > 0 && this.layout.rowLayout) {
      const fits =
        held.length === count &&
        held.every((run, index) => {
          const width = this.widthOf(cursor + index);
          const positions = this.fit(run, width);
          return positions.length === width || splitDigits(this.text, positions, width, run.glued) !== undefined;
        });
      if (fits) {
        held.forEach((run, index) => this.placeRow(cursor + index, run));
        placed = true;
      }
    } else if (count > 0) {
      let width = 0;
      for (let row = cursor; row < next; row++) width += this.widthOf(row);
      const positions = this.fit(joined(held), width);
      if (positions.length === width) {
        let offset = 0;
        for (let row = cursor; row < next; row++) {
          this.placeRow(row, { lead: 0, body: positions.slice(offset, offset + this.widthOf(row)), trail: 0, glued: false });
          offset += this.widthOf(row);
        }
        placed = true;
      }
    }
    if (!placed && held.length === 1 && this.placeGroupRow(held[0] as Run, next)) return;
    if (placed) {
      for (let row = cursor; row < next; row++) {
        const state = this.ensureRow(row);
        if (state.label === undefined) state.labelInferred = true;
      }
      this.cursor = next;
      return;
    }
    for (const run of held) this.reportAll(run.body, run.after === undefined ? 'unknown-row' : 'extra-value', run.after);
  }

  /**
   * A one-row group: the held run goes to the group's own row (where the template has one) when
   * the rows it skipped are exactly the group's and the run fills them; true when it was placed.
   */
  private placeGroupRow(run: Run, next: number): boolean {
    const lastGroup = this.lastGroup;
    const cursor = this.cursor;
    if (!lastGroup || lastGroup.firstRow !== cursor || !GROUP_ROW_KEYS[this.tableKey]?.has(lastGroup.key)) return false;
    const group = lastGroup.key;
    const count = next - cursor;
    const inGroup = (row: number): boolean => this.rowAt(row).key.startsWith(`${group}.`);
    let whole = count > 1 && inGroup(next - 1) && (next >= this.rowCount || !inGroup(next));
    for (let row = cursor; row < next && whole; row++) whole = inGroup(row);
    const columns = this.rowAt(cursor).columns;
    const positions = this.fit(run, columns.length);
    if (!whole || positions.length !== columns.length) return false;
    const state: RowState = { label: lastGroup.label, labelSpan: lastGroup.span, cells: {} };
    positions.forEach((place, index) => {
      const column = columns[index];
      if (!place || !column) return;
      state.cells[column.key] = cellFor(this.text, place.start, place.end, this.source, column.unit, this.source.span(place.start, place.end));
      this.accounted.push(place);
    });
    this.groupRows[group] = state;
    this.cursor = next;
    return true;
  }

  /** Reads one value segment: to the row its label named, spread over the rows, or held. */
  private readRun(segment: Segment): void {
    const runs = this.layout.runsBySegment.get(segment.first) ?? [];
    this.contentEnd = Math.max(this.contentEnd, (this.tokens[segment.last] as Token).end);
    const current = this.target;
    this.target = undefined;
    if (current?.kind === 'spread') {
      this.placeSpread(current.from, joined(runs));
      this.cursor = this.rowCount;
      return;
    }
    if (current?.kind !== 'row') {
      for (const run of runs) this.pending.push(run);
      return;
    }
    const row = current.row;
    const head = runs[0];
    if (!head) return;
    const width = this.headerColumns(row, head)?.length ?? this.widthOf(row);
    if (!this.layout.rowLayout && head.body.length > width) {
      // One cell per line: the row takes its share; the rest belongs to rows whose labels were lost.
      const remainder = head.body.slice(width);
      let lead = 0;
      while (lead < remainder.length && remainder[lead] === null) lead++;
      this.placeRow(row, { lead: 0, body: head.body.slice(0, width), trail: 0, glued: head.glued });
      const body = remainder.slice(lead);
      if (body.length > 0) this.pending.push({ lead, body, trail: head.trail, glued: head.glued, after: row });
      return;
    }
    this.placeRow(row, head);
    // The runs after the first held as they are, each marked with the row before it: no list of
    // them sliced off, and no spread (a runtime call each) for a run of the layout's own shape.
    for (let index = 1; index < runs.length; index++) {
      const run = runs[index] as Run;
      if (run.body.length > 0) this.pending.push({ lead: run.lead, body: run.body, trail: run.trail, glued: run.glued, after: row });
    }
  }

  /**
   * A row label followed by empty cells only (`| |`, bare `|` lines) and then by more words: the row
   * is written blank. Its empty cells beyond the residue every row of the table ends with (the `||`
   * after each row's last value) are blank cells, each pointing at the bar that closes it; cells
   * beyond them are missing, as the row has fewer cells than the template (cell-missing says so).
   */
  private readEmptyCells(row: number, blob: Blob, first: number, matchEnd: number, labelEnd: number): void {
    const state = this.ensureRow(row);
    if (Object.keys(state.cells).length > 0) return;
    let next = 0;
    while (next < blob.tokenKeyStarts.length && (blob.tokenKeyStarts[next] as number) < matchEnd) next++;
    const after = this.tokens[first + next];
    if (next >= blob.tokenKeyStarts.length || !after || after.bars < 2) return;
    // Without a row of values to learn the residue from (a table printed empty), blank cannot be told
    // from missing: cell-missing says the table is empty, once.
    const residue = this.trailResidue();
    if (residue === undefined) return;
    const columns = this.rowAt(row).columns;
    const cells = Math.min(columns.length, after.bars - 1 - residue);
    let bars = 0;
    for (let at = labelEnd; at < after.start && bars <= cells; at++) {
      const code = this.text.charCodeAt(at);
      if (code !== 124 && code !== 9) continue;
      // The first bar closes the label; each one after it closes an empty cell.
      const column = columns[bars - 1];
      if (bars > 0 && column) state.cells[column.key] = { kind: 'blank', text: '', span: this.source.span(at, at) };
      bars++;
    }
  }

  /** The fewest empty cells any row of the region has after its last value (the residue of merged cells every row ends with), or undefined without a row of values. */
  private trailResidue(): number | undefined {
    if (this.residueAfterRows === undefined) {
      let fewest = Number.POSITIVE_INFINITY;
      for (const runs of this.layout.runsBySegment.values()) for (const run of runs) fewest = Math.min(fewest, run.trail);
      this.residueAfterRows = Number.isFinite(fewest) ? fewest : -1;
    }
    return this.residueAfterRows >= 0 ? this.residueAfterRows : undefined;
  }

  /** Reads one label; returns false when it ends the table. */
  private readLabel(first: number, last: number): boolean {
    const { matcher, source } = this;
    const blob = buildBlob(this.text, this.tokens, first, last);
    const key = blob.key;
    const offsetAt = (index: number): number => offsetIn(blob, index);
    const cursor = this.cursor;
    let from = 0;
    let limit = key.length;
    let endsTable = false;
    let lineIndex = 0;
    for (const heading of headingsIn(key, 0, key.length)) {
      if (heading < from || labelStartsAt(matcher, key, heading)) continue;
      if (this.started || holdsContent(matcher, key, cursor, from, heading)) {
        limit = heading;
        endsTable = true;
        break;
      }
      // The table's own section heading (its words may name a row, as 行政复议 does): read past it.
      const wording = sectionHeadingAt(key, heading + 2);
      while (lineIndex < blob.lineStarts.length && (blob.lineStarts[lineIndex] as number) <= heading) lineIndex++;
      from = wording > 0 ? heading + 2 + wording : (blob.lineStarts[lineIndex] ?? heading + 2);
    }
    // Labels sit right before their values: in text this long, only the end is matched (keeps the reader linear).
    from = Math.max(from, limit - LABEL_WINDOW);
    const rowMatches = matchRows(matcher, key, cursor, from, limit);
    const groupMatches = matchGroups(matcher, key, cursor, from, limit);
    if (!this.started) {
      const columnCount = countColumnsIn(matcher, key, from, limit);
      if (rowMatches.length === 0 && groupMatches.length === 0 && columnCount < 2) {
        // Text before the table: the numbers after it are not the table's.
        this.pending = [];
        this.target = undefined;
        return true;
      }
      this.started = true;
      this.pending = [];
      const starts = [rowMatches[0]?.start, groupMatches[0]?.start, firstColumnAt(matcher, key, from, limit)].filter((at): at is number => at !== undefined && at >= 0);
      this.contentStart = offsetAt(Math.min(...starts));
    }

    const firstRow = rowMatches[0];
    let next = firstRow?.index;
    let lastGroupBeforeRows: LabelMatch | undefined;
    for (const group of groupMatches) {
      if (firstRow && group.start > firstRow.start) break;
      lastGroupBeforeRows = group;
      const groupFirstRow = matcher.groups[group.index]?.firstRow ?? 0;
      if (next === undefined || groupFirstRow < next) next = groupFirstRow;
    }
    if (next !== undefined) this.resolvePending(next);
    if (groupMatches.length > 0) this.header = undefined;
    const headerStart = lastGroupBeforeRows?.end ?? from;
    const headerEnd = firstRow?.start ?? limit;
    if (headerEnd > headerStart && (lastGroupBeforeRows || countColumnsIn(matcher, key, headerStart, headerEnd) > 0)) {
      this.header = headerOf(matcher, blob, headerStart, headerEnd, lastGroupBeforeRows !== undefined);
    }

    for (let position = 0; position < rowMatches.length; position++) {
      const match = rowMatches[position] as LabelMatch;
      const state = this.ensureRow(match.index);
      const labelStart = offsetAt(match.start);
      const labelEnd = offsetAt(match.end - 1) + 1;
      state.label = source.written(labelStart, labelEnd);
      state.labelSpan = source.span(labelStart, labelEnd);
      state.labelInferred = false;
      // A label with only empty cells after it, then the next label: a row written blank.
      const nextStart = rowMatches[position + 1]?.start ?? limit;
      if (countColumnsIn(matcher, key, match.end, nextStart) === 0) this.readEmptyCells(match.index, blob, first, match.end, labelEnd);
    }
    const lastRow = lastOf(rowMatches);
    const finalGroup = lastOf(groupMatches);
    if (finalGroup && (!lastRow || finalGroup.start > lastRow.start)) {
      const groupStart = offsetAt(finalGroup.start);
      const groupEnd = offsetAt(finalGroup.end - 1) + 1;
      const groupFirstRow = matcher.groups[finalGroup.index]?.firstRow ?? -1;
      this.lastGroup = { key: matcher.groups[finalGroup.index]?.key ?? '', firstRow: groupFirstRow, span: source.span(groupStart, groupEnd), label: source.written(groupStart, groupEnd) };
    } else if (lastRow) this.lastGroup = undefined;
    const lastMatchEnd = Math.max(lastRow?.end ?? 0, finalGroup?.end ?? 0);
    if (lastMatchEnd > 0) this.contentEnd = Math.max(this.contentEnd, offsetAt(lastMatchEnd - 1) + 1);
    if (lastRow) {
      // Row labels followed by column labels are headings of a table printed as one row (table 四).
      this.target = countColumnsIn(matcher, key, lastRow.end, limit) > 0 ? { kind: 'spread', from: this.cursor } : { kind: 'row', row: lastRow.index };
      this.cursor = lastRow.index + 1;
    } else {
      this.target = undefined;
      const groupFirstRow = finalGroup ? (matcher.groups[finalGroup.index]?.firstRow ?? 0) : -1;
      if (groupFirstRow > this.cursor) this.cursor = groupFirstRow;
    }
    if (endsTable) {
      this.stop = offsetAt(limit);
      return false;
    }
    return true;
  }

  /**
   * A sentence inside the table (a note between its rows: "注：本表数据来源于…。", or between a
   * label and its values) when a label after it still names one of the table's rows, or when a
   * label before it still waits for the values that follow it. Which segments have such a label
   * after them is found once, from the end, when a first sentence inside a started table asks:
   * the reader stays linear.
   */
  private rowsFollow(after: number): boolean {
    if (!this.rowLabelAfter) {
      const segments = this.layout.segments;
      const rowLabelAfter = new Array<boolean>(segments.length).fill(false);
      let seen = false;
      for (let index = segments.length - 1; index >= 0; index--) {
        rowLabelAfter[index] = seen;
        const segment = segments[index] as Segment;
        if (!seen && segment.kind === 'text') {
          const label = buildBlob(this.text, this.tokens, segment.first, segment.last).key;
          seen = matchRows(this.matcher, label, 0, Math.max(0, label.length - LABEL_WINDOW), label.length).length > 0;
        }
      }
      this.rowLabelAfter = rowLabelAfter;
    }
    return this.rowLabelAfter[after] === true;
  }
}
