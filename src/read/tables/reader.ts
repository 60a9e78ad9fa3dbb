/**
 * Reading one table from its region: the tokens are read as alternating labels (text) and value
 * runs; labels are aligned with the template's rows in order (a cursor walks the catalog), and
 * each value run is cut into rows by the expected column counts. A run without a label is held
 * until the next label shows how many template rows it skipped: it is placed by position only when
 * the counts agree, otherwise reported, never guessed.
 *
 * @packageDocumentation
 */
import { GROUP_ROW_KEYS } from '../../catalog/index.js';
import type { SumRelation, TableDefinition, TableKey, Unit } from '../../catalog/index.js';
import type { AnyTable, Cell, Span, TableRow, UnplacedValue } from '../../model/index.js';
import type { SourceText } from '../source.js';
import { cellFor } from './cells.js';
import type { LabelMatch, RowPattern, TableMatcher } from './matcher.js';
import {
  columnNamedBy,
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
import { tokenize } from './tokens.js';
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

/** Where one value was written, in the normalized text. */
interface Place {
  readonly start: number;
  readonly end: number;
}

/** One position of a row: a value, or an empty cell between bars. */
type Position = Place | null;

/**
 * The values of one row as written: the cells from its first value to its last (empty cells
 * between bars kept as null), and how many empty cells stood before and after them — which may be
 * real empty cells or the residue of merged cells, as the table's complete rows tell.
 */
interface Run {
  readonly lead: number;
  readonly body: Position[];
  readonly trail: number;
  /** True when the values touch a label with no gap (digits run together: "申请数量0000000"). */
  readonly glued: boolean;
  /** For a run held until its row is known: the labelled row whose values came just before, if any. */
  readonly after?: number | undefined;
}

/** A stretch of tokens: a label, a run of values, or narrative. */
interface Segment {
  readonly kind: 'text' | 'value' | 'prose';
  readonly first: number;
  readonly last: number;
}

/** A label's text as one key, with the way back to the normalized text. */
interface Blob {
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

interface RowState {
  label?: string;
  labelSpan?: Span;
  labelInferred?: boolean;
  valuesInferred?: boolean;
  readonly cells: Record<string, Cell>;
}

type Target = { readonly kind: 'row'; readonly row: number } | { readonly kind: 'spread'; readonly from: number };

const DIGITS = /^\d+$/;
const isAmount = (unit: Unit | undefined): boolean => unit === 'wanYuan' || unit === 'amount';
// A header cell that only numbers the columns (OCR, LLM and spreadsheet tools write them).
const PLACEHOLDER_HEADER = /^(?:数据|列|栏|字段|项|column|col|data)\d{1,2}$/iu;
// How much text before a run of values can hold its labels and headers (table 四's header is ~100 characters).
const LABEL_WINDOW = 2048;
// The most tokens a table region is read for: the largest table of the template has a few hundred
// cells and labels; a region with more is not one table, and reading all of it (a token per value
// of 10 MB of "1 ") would take gigabytes.
const MAX_REGION_TOKENS = 50_000;
const FOLDED = /[“”"‘’'、]/;

/** The key of a label's tokens, folded as matchKey folds the catalog's labels, with where its cells and lines began. */
function buildBlob(text: string, tokens: readonly Token[], first: number, last: number): Blob {
  const parts: string[] = [];
  const tokenKeyStarts: number[] = [];
  const tokenStarts: number[] = [];
  const cellStarts: number[] = [];
  const spaceStarts: number[] = [];
  const lineStarts: number[] = [];
  let length = 0;
  for (let index = first; index <= last; index++) {
    const token = tokens[index] as Token;
    if (index > first) {
      if (token.bars > 0 || token.lineBreak) cellStarts.push(length);
      else if (!token.glued) spaceStarts.push(length);
      if (token.lineBreak) lineStarts.push(length);
    }
    tokenKeyStarts.push(length);
    tokenStarts.push(token.start);
    const words = text.slice(token.start, token.end);
    parts.push(words);
    length += words.length;
  }
  let key = parts.join('');
  // Quotes unified and "1、" read as "1.", one character for one, so key offsets stay aligned.
  if (FOLDED.test(key)) key = key.replace(/[“”"‘’']/g, '"').replace(/(\d)、/g, '$1.');
  return { key, tokenKeyStarts, tokenStarts, cellStarts: cellStarts.length > 0 ? cellStarts : spaceStarts, lineStarts };
}

/** The normalized offset of the character at `index` of a blob's key. */
function offsetIn(blob: Blob, index: number): number {
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

const nulls = (count: number): null[] => Array.from({ length: Math.max(0, count) }, () => null);

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

/** The normalized characters a value was read from. */
const textOf = (text: string, place: Place): string => text.slice(place.start, place.end);

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
  const text = source.text;
  const tokens = tokenize(text, region.start, region.end, MAX_REGION_TOKENS);
  // Where a region too long to be a table was cut: what follows is reported as one unplaced value.
  const cut = tokens.length >= MAX_REGION_TOKENS ? (tokens[tokens.length - 1] as Token).end : undefined;
  const matcher: TableMatcher = tableMatcher(definition);
  const rowLayout = isRowLayout(tokens);
  const segments = segmentsOf(tokens);
  const runsBySegment = new Map<number, Run[]>();
  // What complete rows show around their values: empty cells that may be residue of merged cells
  // (the most any complete row of that width has, so that a short row is never padded by guess).
  const residue = new Map<number, { lead: number; trail: number }>();
  for (const segment of segments) {
    if (segment.kind !== 'value') continue;
    const runs = runsOf(tokens, segment.first, segment.last, rowLayout);
    runsBySegment.set(segment.first, runs);
    for (const run of runs) {
      const known = residue.get(run.body.length);
      residue.set(run.body.length, known ? { lead: Math.max(known.lead, run.lead), trail: Math.max(known.trail, run.trail) } : { lead: run.lead, trail: run.trail });
    }
  }
  const rowCount = matcher.rows.length;
  const rows: (RowState | undefined)[] = new Array<RowState | undefined>(rowCount);
  const unplaced: UnplacedValue[] = [];
  let cursor = 0;
  let started = false;
  let stop = region.end;
  let target: Target | undefined;
  let pending: Run[] = [];
  let header: (string | null)[] | undefined;
  let contentStart = -1;
  let contentEnd = -1;
  // The last group heading read with no row label after it: a one-row group ("（六）其他处理 0 0 …" of
  // the 2019 table left in a 2021 one) gives its values to the group's own row where a template has it.
  let lastGroup: { key: string; firstRow: number; span: Span; label: string } | undefined;
  const groupRows: Record<string, RowState> = {};

  const rowAt = (index: number): RowPattern => matcher.rows[index] as RowPattern;
  const widthOf = (index: number): number => rowAt(index).columns.length;
  const ensureRow = (index: number): RowState => (rows[index] ??= { cells: {} });
  const report = (place: Place, reason: UnplacedValue['reason'], row: number | undefined): void => {
    const span = source.span(place.start, place.end);
    const entry: UnplacedValue = { text: source.written(place.start, place.end), table: tableKey, reason, span };
    if (row !== undefined) entry.row = rowAt(row).key;
    unplaced.push(entry);
  };
  const reportAll = (positions: readonly Position[], reason: UnplacedValue['reason'], row: number | undefined): void => {
    for (const place of positions) if (place) report(place, reason, row);
  };
  const setCell = (row: number, column: string, unit: Unit, place: Place): void => {
    const span = source.span(place.start, place.end);
    ensureRow(row).cells[column] = cellFor(text, place.start, place.end, source, unit, span);
  };

  /** Digits run together ("0000000" for seven cells) read one digit per cell, when the count is exact. */
  const splitDigits = (positions: readonly Position[], width: number, glued: boolean): Place[] | undefined => {
    let digits = 0;
    // Run-together digits show as a value touching a label, or as a number no one writes ("0000000").
    let runTogether = glued;
    for (const place of positions) {
      if (!place || !DIGITS.test(textOf(text, place))) return undefined;
      digits += place.end - place.start;
      if (place.end - place.start > 1 && text.charCodeAt(place.start) === 48) runTogether = true;
    }
    if (digits !== width || !runTogether) return undefined;
    const split: Place[] = [];
    for (const place of positions as Place[]) for (let offset = place.start; offset < place.end; offset++) split.push({ start: offset, end: offset + 1 });
    return split;
  };

  // Rows whose digits ran together: cut after the whole table is read, by its sums jointly. `fraction`:
  // the decimals of an amount ending the run ("政府集中采购13575394432.52元"), cut off for the search and
  // given back to the last cell.
  const deferred: { run: RunTogether; places: Place[]; fraction: number }[] = [];
  /** Defers the digits of `slots` when they can only be digits run together; false when they cannot. */
  const defer = (positions: readonly Position[], slots: readonly Slot[], glued: boolean, lastIsAmount = false): boolean => {
    let digits = 0;
    let runTogether = glued;
    let fraction = 0;
    const places: Place[] = [];
    positions.forEach((place, index) => {
      if (!place) return;
      const written = textOf(text, place);
      const point = lastIsAmount && glued && index === positions.length - 1 ? written.indexOf('.') : -1;
      places.push(point > 0 && DIGITS.test(written.slice(point + 1)) ? { start: place.start, end: place.start + point } : place);
      if (point > 0) fraction = written.length - point;
    });
    if (places.length !== positions.length) return false;
    for (const place of places) {
      if (!DIGITS.test(textOf(text, place))) return false;
      digits += place.end - place.start;
      if (place.end - place.start > 1 && text.charCodeAt(place.start) === 48) runTogether = true;
    }
    if (!runTogether || digits < slots.length || positions.length === 0) return false;
    deferred.push({ run: { slots, pieces: places.map((place) => textOf(text, place)) }, places, fraction });
    return true;
  };

  /**
   * A run's positions for a row of `width` cells. Empty cells before or after the values count as
   * cells only beyond what the table's complete rows of that width show as residue of merged cells
   * ("| 6 | … | 6 | ||" in every row); when that does not tell where the missing cell is, the run is
   * returned short and its values are reported rather than shifted.
   */
  const fitRun = (run: Run, width: number): Position[] => {
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
  };

  /** The columns the current header gives a row's positions, when the header differs from the template's. */
  const headerColumns = (row: number, run: Run): (string | null)[] | undefined => {
    if (!header) return undefined;
    if (header.every((key) => key === null)) return header;
    const pattern = rowAt(row);
    const columns = pattern.columns;
    // The row's unit map is keyed by its column keys: asked per row, so no Set is built for it.
    if (!header.every((key) => key === null || Object.hasOwn(pattern.units, key))) return undefined;
    const identity = header.length === columns.length && header.every((key, index) => key === columns[index]?.key);
    if (identity || fitRun(run, header.length).length !== header.length) return undefined;
    return header;
  };

  /**
   * The blank cell at `index` of a row's positions, pointing (with no width) at the bar or tab that
   * closes it: the separators before the next value, counted back.
   */
  const blankAt = (positions: readonly Position[], index: number): Cell => {
    let next = index + 1;
    while (next < positions.length && !positions[next]) next++;
    const value = positions[next];
    if (!value) return { kind: 'blank', text: '' };
    let separators = 0;
    for (let at = value.start - 1; at >= region.start; at--) {
      const code = text.charCodeAt(at);
      if (code !== 124 && code !== 9) continue;
      if (++separators === next - index) return { kind: 'blank', text: '', span: source.span(at, at) };
    }
    return { kind: 'blank', text: '' };
  };

  /** Places a row's values in its cells; what does not fit is reported. */
  const placeRow = (row: number, run: Run): void => {
    const columns = rowAt(row).columns;
    const mapped = headerColumns(row, run);
    ensureRow(row);
    if (mapped?.every((key) => key === null)) {
      // Under another format's header: which template column a value belongs to is unknown.
      reportAll(run.body, 'ambiguous', row);
      return;
    }
    const width = mapped ? mapped.length : columns.length;
    const positions = fitRun(run, width);
    if (positions.length >= width) {
      const units = rowAt(row).units;
      let lastValue = -1;
      positions.forEach((place, index) => {
        if (place) lastValue = index;
      });
      positions.forEach((place, index) => {
        if (!place) {
          // An empty cell between bars ("| |", a bare "|" line) before the row's last value is a blank
          // cell, not a missing one; after it, the row has fewer values than cells (cell-missing).
          if (index > lastValue) return;
          const column = index < width ? (mapped ? mapped[index] : columns[index]?.key) : undefined;
          if (column !== undefined && column !== null) ensureRow(row).cells[column] ??= blankAt(positions, index);
          return;
        }
        if (mapped) {
          const column = index < width ? mapped[index] : undefined;
          if (column === undefined || column === null) report(place, 'extra-value', row);
          else setCell(row, column, units[column] ?? 'count', place);
          return;
        }
        const column = index < width ? columns[index] : undefined;
        if (column === undefined) report(place, 'extra-value', row);
        else setCell(row, column.key, column.unit, place);
      });
      return;
    }
    const split = splitDigits(positions, columns.length, run.glued);
    if (split) split.forEach((place, index) => setCell(row, (columns[index] as { key: string }).key, (columns[index] as { unit: Unit }).unit, place));
    else if (!defer(positions, columns.map((column) => ({ row: rowAt(row).key, column: column.key })), run.glued, isAmount(columns[columns.length - 1]?.unit)))
      reportAll(positions, 'ambiguous', row);
  };

  /** One run from several (lines of one row, or rows whose labels were lost): the values in order. */
  const joined = (runs: readonly Run[]): Run => ({
    lead: runs[0]?.lead ?? 0,
    body: runs.flatMap((run) => run.body),
    trail: runs[runs.length - 1]?.trail ?? 0,
    glued: runs.some((run) => run.glued),
  });

  /** Places one run over several rows in order (a table printed as one row under a multi-line header). */
  const placeSpread = (from: number, run: Run): void => {
    const slots: { row: number; key: string; unit: Unit }[] = [];
    for (let row = from; row < rowCount; row++) for (const column of rowAt(row).columns) slots.push({ row, key: column.key, unit: column.unit });
    if (slots.length === 0) {
      reportAll(run.body, 'extra-value', rowCount - 1);
      return;
    }
    const positions = fitRun(run, slots.length);
    const places = positions.length >= slots.length ? positions : splitDigits(positions, slots.length, run.glued);
    if (!places) {
      if (defer(positions, slots.map((slot) => ({ row: rowAt(slot.row).key, column: slot.key })), run.glued)) {
        for (let row = from; row < rowCount; row++) ensureRow(row);
      } else reportAll(positions, 'ambiguous', from);
      return;
    }
    places.forEach((place, index) => {
      const slot = slots[index];
      if (!place) return;
      if (!slot) report(place, 'extra-value', rowCount - 1);
      else setCell(slot.row, slot.key, slot.unit, place);
    });
    for (let row = from; row < rowCount; row++) ensureRow(row);
  };

  /** Gives held runs to the rows between the cursor and the next row found, when the counts agree. */
  const resolvePending = (next: number): void => {
    if (pending.length === 0) return;
    const held = pending;
    pending = [];
    const count = next - cursor;
    let placed = false;
    if (count > 0 && rowLayout) {
      const fits =
        held.length === count &&
        held.every((run, index) => {
          const width = widthOf(cursor + index);
          const positions = fitRun(run, width);
          return positions.length === width || splitDigits(positions, width, run.glued) !== undefined;
        });
      if (fits) {
        held.forEach((run, index) => placeRow(cursor + index, run));
        placed = true;
      }
    } else if (count > 0) {
      let width = 0;
      for (let row = cursor; row < next; row++) width += widthOf(row);
      const positions = fitRun(joined(held), width);
      if (positions.length === width) {
        let offset = 0;
        for (let row = cursor; row < next; row++) {
          placeRow(row, { lead: 0, body: positions.slice(offset, offset + widthOf(row)), trail: 0, glued: false });
          offset += widthOf(row);
        }
        placed = true;
      }
    }
    if (!placed && held.length === 1 && lastGroup && lastGroup.firstRow === cursor && GROUP_ROW_KEYS[tableKey]?.has(lastGroup.key)) {
      const group = lastGroup.key;
      const inGroup = (row: number): boolean => rowAt(row).key.startsWith(`${group}.`);
      let whole = count > 1 && inGroup(next - 1) && (next >= rowCount || !inGroup(next));
      for (let row = cursor; row < next && whole; row++) whole = inGroup(row);
      const run = held[0] as Run;
      const columns = rowAt(cursor).columns;
      const positions = fitRun(run, columns.length);
      if (whole && positions.length === columns.length) {
        const state: RowState = { label: lastGroup.label, labelSpan: lastGroup.span, cells: {} };
        positions.forEach((place, index) => {
          const column = columns[index];
          if (place && column) state.cells[column.key] = cellFor(text, place.start, place.end, source, column.unit, source.span(place.start, place.end));
        });
        groupRows[group] = state;
        cursor = next;
        return;
      }
    }
    if (placed) {
      for (let row = cursor; row < next; row++) {
        const state = ensureRow(row);
        if (state.label === undefined) state.labelInferred = true;
      }
      cursor = next;
      return;
    }
    for (const run of held) reportAll(run.body, run.after === undefined ? 'unknown-row' : 'extra-value', run.after);
  };

  const readRun = (segment: Segment): void => {
    const runs = runsBySegment.get(segment.first) ?? [];
    contentEnd = Math.max(contentEnd, (tokens[segment.last] as Token).end);
    const current = target;
    target = undefined;
    if (current?.kind === 'spread') {
      placeSpread(current.from, joined(runs));
      cursor = rowCount;
      return;
    }
    if (current?.kind !== 'row') {
      for (const run of runs) pending.push(run);
      return;
    }
    const row = current.row;
    const head = runs[0];
    if (!head) return;
    let rest: Run[] = runs.slice(1);
    let own = head;
    const width = headerColumns(row, head)?.length ?? widthOf(row);
    if (!rowLayout && head.body.length > width) {
      // One cell per line: the row takes its share; the rest belongs to rows whose labels were lost.
      const remainder = head.body.slice(width);
      let lead = 0;
      while (lead < remainder.length && remainder[lead] === null) lead++;
      own = { lead: 0, body: head.body.slice(0, width), trail: 0, glued: head.glued };
      rest = [{ lead, body: remainder.slice(lead), trail: head.trail, glued: head.glued }];
    }
    placeRow(row, own);
    for (const run of rest) if (run.body.length > 0) pending.push({ ...run, after: row });
  };

  /** Reads one label; returns false when it ends the table. */
  const readBlob = (first: number, last: number): boolean => {
    const blob = buildBlob(text, tokens, first, last);
    const key = blob.key;
    const offsetAt = (index: number): number => offsetIn(blob, index);
    let from = 0;
    let limit = key.length;
    let endsTable = false;
    // Searched in a slice, so that a long label with many headings is read in linear time.
    const hasContent = (start: number, end: number): boolean => {
      if (!mayHoldContent(matcher, start, end)) return false;
      const words = key.slice(start, end);
      return matchRows(matcher, words, cursor, 0, words.length).length > 0 || matchGroups(matcher, words, cursor, 0, words.length).length > 0 || countColumnsIn(matcher, words, 0, words.length) >= 2;
    };
    let lineIndex = 0;
    for (const heading of headingsIn(key, 0, key.length)) {
      if (heading < from || labelStartsAt(matcher, key, heading)) continue;
      if (started || hasContent(from, heading)) {
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
    if (!started) {
      const columnCount = countColumnsIn(matcher, key, from, limit);
      if (rowMatches.length === 0 && groupMatches.length === 0 && columnCount < 2) {
        // Text before the table: the numbers after it are not the table's.
        pending = [];
        target = undefined;
        return true;
      }
      started = true;
      pending = [];
      const starts = [rowMatches[0]?.start, groupMatches[0]?.start, firstColumnAt(matcher, key, from, limit)].filter((at): at is number => at !== undefined && at >= 0);
      contentStart = offsetAt(Math.min(...starts));
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
    if (next !== undefined) resolvePending(next);
    if (groupMatches.length > 0) header = undefined;
    const headerStart = lastGroupBeforeRows?.end ?? from;
    const headerEnd = firstRow?.start ?? limit;
    if (headerEnd > headerStart && (lastGroupBeforeRows || countColumnsIn(matcher, key, headerStart, headerEnd) > 0)) {
      header = headerOf(matcher, blob, headerStart, headerEnd, lastGroupBeforeRows !== undefined);
    }

    for (const match of rowMatches) {
      const state = ensureRow(match.index);
      const labelStart = offsetAt(match.start);
      const labelEnd = offsetAt(match.end - 1) + 1;
      const span = source.span(labelStart, labelEnd);
      state.label = source.written(labelStart, labelEnd);
      state.labelSpan = span;
      state.labelInferred = false;
    }
    const lastRow = rowMatches[rowMatches.length - 1];
    const finalGroup = groupMatches[groupMatches.length - 1];
    if (finalGroup && (!lastRow || finalGroup.start > lastRow.start)) {
      const groupStart = offsetAt(finalGroup.start);
      const groupEnd = offsetAt(finalGroup.end - 1) + 1;
      const span = source.span(groupStart, groupEnd);
      const firstRow = matcher.groups[finalGroup.index]?.firstRow ?? -1;
      lastGroup = { key: matcher.groups[finalGroup.index]?.key ?? '', firstRow, span, label: source.written(groupStart, groupEnd) };
    } else if (lastRow) lastGroup = undefined;
    const lastMatchEnd = Math.max(lastRow?.end ?? 0, groupMatches[groupMatches.length - 1]?.end ?? 0);
    if (lastMatchEnd > 0) contentEnd = Math.max(contentEnd, offsetAt(lastMatchEnd - 1) + 1);
    if (lastRow) {
      // Row labels followed by column labels are headings of a table printed as one row (table 四).
      target = countColumnsIn(matcher, key, lastRow.end, limit) > 0 ? { kind: 'spread', from: cursor } : { kind: 'row', row: lastRow.index };
      cursor = lastRow.index + 1;
    } else {
      target = undefined;
      const lastGroup = groupMatches[groupMatches.length - 1];
      const groupFirstRow = lastGroup ? (matcher.groups[lastGroup.index]?.firstRow ?? 0) : -1;
      if (groupFirstRow > cursor) cursor = groupFirstRow;
    }
    if (endsTable) {
      stop = offsetAt(limit);
      return false;
    }
    return true;
  };

  // A sentence inside the table (a note between its rows: "注：本表数据来源于…。", or between a
  // label and its values) when a label after it still names one of the table's rows, or when a
  // label before it still waits for the values that follow it. Which
  // segments have such a label after them is found once, from the end, when a first sentence
  // inside a started table asks: the reader stays linear.
  let rowLabelAfter: boolean[] | undefined;
  const rowsFollow = (after: number): boolean => {
    if (!rowLabelAfter) {
      rowLabelAfter = new Array<boolean>(segments.length).fill(false);
      let seen = false;
      for (let index = segments.length - 1; index >= 0; index--) {
        rowLabelAfter[index] = seen;
        const segment = segments[index] as Segment;
        if (!seen && segment.kind === 'text') {
          const label = buildBlob(text, tokens, segment.first, segment.last).key;
          seen = matchRows(matcher, label, 0, Math.max(0, label.length - LABEL_WINDOW), label.length).length > 0;
        }
      }
    }
    return rowLabelAfter[after] === true;
  };

  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as Segment;
    if (segment.kind === 'prose') {
      if (started && (rowsFollow(index) || (target !== undefined && segments[index + 1]?.kind === 'value'))) continue;
      if (started) {
        // A sentence after the table: the narrative has resumed.
        stop = (tokens[segment.first] as Token).start;
        break;
      }
      // Narrative before the table: its numbers are not the table's.
      pending = [];
      target = undefined;
    } else if (segment.kind === 'text') {
      if (!readBlob(segment.first, segment.last)) break;
    } else if (started) {
      readRun(segment);
    }
  }
  resolvePending(rowCount);
  const ambiguities: RunAmbiguity[] = [];
  if (deferred.length > 0) cutRunTogether();
  if (cut !== undefined && stop > cut) {
    const rest = text.slice(cut, Math.min(stop, cut + 64)).trim();
    unplaced.push({ text: `${rest}…`, table: tableKey, reason: 'extra-value', span: source.span(cut, stop) });
  }

  function cutRunTogether(): void {
    const rowIndex = new Map(matcher.rows.map((pattern, index) => [pattern.key, index]));
    const unitOf = new Map(matcher.rows.map((pattern) => [pattern.key, pattern.units]));
    const known = (row: string, column: string): number | undefined => {
      const cell = rows[rowIndex.get(row) ?? -1]?.cells[column];
      return cell?.kind === 'count' ? cell.value : undefined;
    };
    const outcomes = splitJointly(
      deferred.map(({ run }) => run),
      relations.filter((relation) => relation.table === tableKey),
      known,
    );
    outcomes.forEach((outcome, index) => {
      const { run, places, fraction } = deferred[index] as (typeof deferred)[number];
      const first = places[0] as Place;
      const last = { ...(places[places.length - 1] as Place), end: (places[places.length - 1] as Place).end + fraction };
      // The cut, with the amount's decimals given back to the last cell.
      const cutPlaces = (pieces: readonly Place[], reading: Reading): Place[] =>
        cutDigits(pieces, reading).map((place, position, all) => (position === all.length - 1 ? { ...place, end: place.end + fraction } : place));
      if (outcome.kind === 'unique') {
        cutPlaces(places, outcome.reading).forEach((place, position) => {
          const slot = run.slots[position] as Slot;
          const row = rowIndex.get(slot.row) as number;
          setCell(row, slot.column, unitOf.get(slot.row)?.[slot.column] ?? 'count', place);
          ensureRow(row).valuesInferred = true;
        });
        return;
      }
      // Cells every reading cuts alike are decided even when the row is not.
      const agreed = (outcome.kind === 'several' ? agreedPlaces(places, outcome.readings) : []).map((place, position, all) =>
        place && position === all.length - 1 ? { ...place, end: place.end + fraction } : place,
      );
      agreed.forEach((place, position) => {
        if (!place) return;
        const slot = run.slots[position] as Slot;
        const row = rowIndex.get(slot.row) as number;
        setCell(row, slot.column, unitOf.get(slot.row)?.[slot.column] ?? 'count', place);
        ensureRow(row).valuesInferred = true;
      });
      const span = source.span(first.start, last.end);
      const entry: UnplacedValue = {
        text: source.written(first.start, last.end),
        table: tableKey,
        row: (run.slots[0] as Slot).row,
        reason: outcome.kind === 'several' ? 'ambiguous' : 'unsplittable',
        span,
        cells: run.slots.filter((_, position) => !agreed[position]).map((slot) => `${slot.row}.${slot.column}`),
      };
      if (outcome.kind === 'several') {
        entry.readings = outcome.readings.slice(0, LISTED_READINGS).map((reading) => valuesOfPlaces(cutPlaces(places, reading)));
        ambiguities.push({ run, places, readings: outcome.readings, unplaced: entry });
      }
      unplaced.push(entry);
    });
  }

  function valuesOfPlaces(cut: readonly Place[]): string[] {
    return cut.map((place) => textOf(text, place));
  }

  if (!started) return { table: undefined, unplaced, stop, ambiguities };
  const tableRows: Record<string, TableRow> = {};
  rows.forEach((state, row) => {
    if (!state) return;
    const entry: TableRow = { cells: state.cells };
    if (state.label !== undefined) entry.label = state.label;
    if (state.labelSpan) entry.labelSpan = state.labelSpan;
    if (state.labelInferred) entry.labelInferred = true;
    if (state.valuesInferred) entry.valuesInferred = true;
    tableRows[rowAt(row).key] = entry;
  });
  for (const [key, state] of Object.entries(groupRows)) {
    if (tableRows[key]) continue;
    const entry: TableRow = { cells: state.cells };
    if (state.label !== undefined) entry.label = state.label;
    if (state.labelSpan) entry.labelSpan = state.labelSpan;
    tableRows[key] = entry;
  }
  const table: AnyTable = contentStart >= 0 ? { span: source.span(contentStart, Math.max(contentStart, contentEnd)), rows: tableRows } : { rows: tableRows };
  return { table, unplaced, stop, ambiguities };
}

/**
 * The columns a header names, cell by cell, when it is a simple one-line header (its first cell
 * naming the label column): each cell naming a catalog column, in catalog order, at most once; a
 * cell naming none is a column the template does not have (null). A header under a group heading
 * none of whose cells names a column is another format's (the 2019 table 二: "本年新制作数量 | 本年新公开数量 | …"):
 * all null, so that its values are reported rather than read into the template's columns.
 * Multi-level headers (tables 三 and 四) fail the order test and leave the template's order in force.
 */
function headerOf(matcher: TableMatcher, blob: Blob, start: number, end: number, underGroup: boolean): (string | null)[] | undefined {
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
