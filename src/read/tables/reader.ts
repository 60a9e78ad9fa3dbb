/**
 * Reading one table from its region: the tokens are read as alternating labels (text) and value
 * runs; labels are aligned with the template's rows in order (a cursor walks the catalog), and
 * each value run is cut into rows by the expected column counts. A run without a label is held
 * until the next label shows how many template rows it skipped: it is placed by position only when
 * the counts agree, otherwise reported, never guessed.
 *
 * @packageDocumentation
 */
import type { TableDefinition, TableKey, Unit } from '../../catalog/index.js';
import type { AnyTable, Cell, Span, TableRow, UnplacedValue } from '../../model/index.js';
import type { SourceText } from '../source.js';
import { cellFor } from './cells.js';
import type { LabelMatch, RowPattern, TableMatcher } from './matcher.js';
import {
  columnNamedBy,
  columnsIn,
  firstColumnAt,
  headingsIn,
  labelStartsAt,
  matchGroups,
  matchRows,
  sectionHeadingAt,
  tableMatcher,
} from './matcher.js';
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
}

/** Where one value was written, in the normalized text. */
interface Place {
  readonly start: number;
  readonly end: number;
}

/** One position of a row: a value, or an empty cell between bars. */
type Position = Place | null;

/** Values of a run not yet given a row. */
interface Chunk {
  positions: Position[];
  /** The labelled row whose values came just before, when there was one. */
  readonly after: number | undefined;
  /** True when the values touch a label with no gap (digits run together: "申请数量0000000"). */
  readonly glued: boolean;
}

/** A label's text as one key, with the way back to the normalized text. */
interface Blob {
  readonly key: string;
  readonly offsets: number[];
  /** Key offsets where a new cell begins. */
  readonly cellStarts: number[];
  /** Key offsets where a new line begins. */
  readonly lineStarts: number[];
}

interface RowState {
  label?: string;
  labelSpan?: Span;
  labelInferred?: boolean;
  readonly cells: Record<string, Cell>;
}

type Target = { readonly kind: 'row'; readonly row: number } | { readonly kind: 'spread'; readonly from: number };

const DIGITS = /^\d+$/;

function buildBlob(text: string, tokens: readonly Token[], first: number, last: number): Blob {
  const codes: number[] = [];
  const offsets: number[] = [];
  const cellStarts: number[] = [];
  const spaceStarts: number[] = [];
  const lineStarts: number[] = [];
  for (let index = first; index <= last; index++) {
    const token = tokens[index] as Token;
    if (index > first) {
      if (token.bars > 0 || token.lineBreak) cellStarts.push(codes.length);
      else if (!token.glued) spaceStarts.push(codes.length);
      if (token.lineBreak) lineStarts.push(codes.length);
    }
    for (let offset = token.start; offset < token.end; offset++) {
      let code = text.charCodeAt(offset);
      // Quotes unified and "1、" read as "1.", as matchKey folds the catalog's labels.
      if (code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || code === 39) code = 34;
      else if (code === 0x3001 && codes.length > 0 && isDigitCode(codes[codes.length - 1] as number)) code = 46;
      codes.push(code);
      offsets.push(offset);
    }
  }
  return { key: String.fromCharCode(...codes), offsets, cellStarts: cellStarts.length > 0 ? cellStarts : spaceStarts, lineStarts };
}

const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;

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

/** Drops empty positions at the end, then at the start, while there are more than `width`. */
function fit(positions: readonly Position[], width: number): Position[] {
  let start = 0;
  let end = positions.length;
  while (end - start > width && positions[end - 1] === null) end--;
  while (end - start > width && positions[start] === null) start++;
  return positions.slice(start, end);
}

/** A number: the characters of a normalized range. */
const textOf = (text: string, place: Place): string => text.slice(place.start, place.end);

/**
 * Reads one table from its region of the normalized text. Never throws on any text; linear in
 * the region's length (each label is matched against the template once).
 */
export function readTable(source: SourceText, tableKey: TableKey, definition: TableDefinition, region: TableRegion): TableReadResult {
  const text = source.text;
  const tokens = tokenize(text, region.start, region.end);
  const matcher: TableMatcher = tableMatcher(definition);
  const rowLayout = isRowLayout(tokens);
  const rowCount = matcher.rows.length;
  const rows: (RowState | undefined)[] = new Array<RowState | undefined>(rowCount);
  const unplaced: UnplacedValue[] = [];
  let cursor = 0;
  let started = false;
  let stop = region.end;
  let target: Target | undefined;
  let pending: Chunk[] = [];
  let header: (string | null)[] | undefined;
  let contentStart = -1;
  let contentEnd = -1;

  const rowAt = (index: number): RowPattern => matcher.rows[index] as RowPattern;
  const widthOf = (index: number): number => rowAt(index).columns.length;
  const ensureRow = (index: number): RowState => (rows[index] ??= { cells: {} });
  const report = (place: Place, reason: UnplacedValue['reason'], row: number | undefined): void => {
    const span = source.span(place.start, place.end);
    const entry: UnplacedValue = { text: source.original.slice(span.start, span.end), table: tableKey, reason, span };
    if (row !== undefined) entry.row = rowAt(row).key;
    unplaced.push(entry);
  };
  const reportAll = (positions: readonly Position[], reason: UnplacedValue['reason'], row: number | undefined): void => {
    for (const place of positions) if (place) report(place, reason, row);
  };
  const setCell = (row: number, column: string, unit: Unit, place: Place): void => {
    const span = source.span(place.start, place.end);
    ensureRow(row).cells[column] = cellFor(textOf(text, place), source.original, unit, span);
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

  /** The columns the current header gives a row's positions, when the header differs from the template's. */
  const headerColumns = (row: number, positions: readonly Position[]): (string | null)[] | undefined => {
    if (!header) return undefined;
    const columns = rowAt(row).columns;
    const keys = new Set(columns.map((column) => column.key));
    if (!header.every((key) => key === null || keys.has(key))) return undefined;
    const identity = header.length === columns.length && header.every((key, index) => key === columns[index]?.key);
    if (identity || fit(positions, header.length).length !== header.length) return undefined;
    return header;
  };

  /** Places a row's positions in its cells; what does not fit is reported. */
  const placeRow = (row: number, positions: readonly Position[], glued: boolean): void => {
    const columns = rowAt(row).columns;
    const mapped = headerColumns(row, positions);
    const width = mapped ? mapped.length : columns.length;
    const fitted = fit(positions, width);
    ensureRow(row);
    if (fitted.length >= width) {
      fitted.forEach((place, index) => {
        if (!place) return;
        const column = index < width ? (mapped ? mapped[index] : columns[index]?.key) : undefined;
        if (column === undefined || column === null) report(place, 'extra-value', row);
        else setCell(row, column, rowAt(row).units[column] ?? 'count', place);
      });
      return;
    }
    const split = splitDigits(fitted, columns.length, glued);
    if (split) split.forEach((place, index) => setCell(row, (columns[index] as { key: string }).key, (columns[index] as { unit: Unit }).unit, place));
    else reportAll(fitted, 'ambiguous', row);
  };

  /** Places one run over several rows in order (a table printed as one row under a multi-line header). */
  const placeSpread = (from: number, positions: readonly Position[], glued: boolean): void => {
    const slots: { row: number; key: string; unit: Unit }[] = [];
    for (let row = from; row < rowCount; row++) for (const column of rowAt(row).columns) slots.push({ row, key: column.key, unit: column.unit });
    if (slots.length === 0) {
      reportAll(positions, 'extra-value', rowCount - 1);
      return;
    }
    const fitted = fit(positions, slots.length);
    const places = fitted.length >= slots.length ? fitted : splitDigits(fitted, slots.length, glued);
    if (!places) {
      reportAll(fitted, 'ambiguous', from);
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
      const fits = held.length === count && held.every((chunk, index) => {
        const width = widthOf(cursor + index);
        const fitted = fit(chunk.positions, width);
        return fitted.length === width || splitDigits(fitted, width, chunk.glued) !== undefined;
      });
      if (fits) {
        held.forEach((chunk, index) => placeRow(cursor + index, chunk.positions, chunk.glued));
        placed = true;
      }
    } else if (count > 0) {
      let width = 0;
      for (let row = cursor; row < next; row++) width += widthOf(row);
      const flat = fit(
        held.flatMap((chunk) => chunk.positions),
        width,
      );
      if (flat.length === width) {
        let offset = 0;
        for (let row = cursor; row < next; row++) {
          placeRow(row, flat.slice(offset, offset + widthOf(row)), false);
          offset += widthOf(row);
        }
        placed = true;
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
    for (const chunk of held) reportAll(chunk.positions, chunk.after === undefined ? 'unknown-row' : 'extra-value', chunk.after);
  };

  /** Values between bars, split into lines in the row layout; empty cells between bars are kept as null. */
  const chunksOf = (first: number, last: number): Position[][] => {
    const chunks: Position[][] = [];
    let current: Position[] = [];
    const empties = (count: number): void => {
      for (let index = 0; index < count; index++) current.push(null);
    };
    const head = tokens[first] as Token;
    empties((rowLayout && head.lineBreak ? head.barsAfterBreak : head.bars) - 1);
    current.push(head);
    for (let index = first + 1; index <= last; index++) {
      const token = tokens[index] as Token;
      if (rowLayout && token.lineBreak) {
        empties(token.bars - token.barsAfterBreak - 1);
        chunks.push(current);
        current = [];
        empties(token.barsAfterBreak - 1);
      } else {
        empties(token.bars - 1);
      }
      current.push(token);
    }
    const next = tokens[last + 1];
    if (next) empties((rowLayout && next.lineBreak ? next.bars - next.barsAfterBreak : next.bars) - 1);
    chunks.push(current);
    return chunks;
  };

  const readRun = (first: number, last: number): void => {
    const chunks = chunksOf(first, last);
    const glued = (tokens[first] as Token).glued || (tokens[last + 1]?.glued ?? false);
    contentEnd = Math.max(contentEnd, (tokens[last] as Token).end);
    const current = target;
    target = undefined;
    if (current?.kind === 'spread') {
      placeSpread(current.from, chunks.flat(), glued);
      cursor = rowCount;
      return;
    }
    if (current?.kind === 'row') {
      const row = current.row;
      let head = chunks[0] as Position[];
      let rest: Position[] = [];
      if (!rowLayout) {
        // One cell per line: the row takes its share of the run; the rest belongs to rows whose labels were lost.
        const width = headerColumns(row, head)?.length ?? widthOf(row);
        let end = head.length;
        while (end > width && head[end - 1] === null) end--;
        let start = 0;
        while (end - start > width && (end - start - width) % width !== 0 && head[start] === null) start++;
        rest = head.slice(start + width, end);
        head = head.slice(start, start + width);
      }
      placeRow(row, head, glued);
      const after: Chunk[] = (rowLayout ? chunks.slice(1) : [rest]).filter((positions) => positions.some((place) => place !== null)).map((positions) => ({ positions, after: row, glued }));
      pending.push(...after);
      return;
    }
    pending.push(...chunks.map((positions) => ({ positions, after: undefined, glued })));
  };

  /** Reads one label; returns false when it ends the table. */
  const readBlob = (first: number, last: number): boolean => {
    const blob = buildBlob(text, tokens, first, last);
    const key = blob.key;
    const offsetAt = (index: number): number => blob.offsets[Math.min(index, blob.offsets.length - 1)] ?? region.end;
    let from = 0;
    let limit = key.length;
    let endsTable = false;
    const hasContent = (start: number, end: number): boolean =>
      matchRows(matcher, key, cursor, start, end).length > 0 || matchGroups(matcher, key, cursor, start, end).length > 0 || columnsIn(matcher, key, start, end).size >= 2;
    for (const heading of headingsIn(key, 0, key.length)) {
      if (heading < from || labelStartsAt(matcher, key, heading)) continue;
      if (started || hasContent(from, heading)) {
        limit = heading;
        endsTable = true;
        break;
      }
      // The table's own section heading (its words may name a row, as 行政复议 does): read past it.
      const wording = sectionHeadingAt(key, heading + 2);
      const lineEnd = blob.lineStarts.find((lineStart) => lineStart > heading);
      from = wording > 0 ? heading + 2 + wording : (lineEnd ?? heading + 2);
    }
    const rowMatches = matchRows(matcher, key, cursor, from, limit);
    const groupMatches = matchGroups(matcher, key, cursor, from, limit);
    if (!started) {
      const columnCount = columnsIn(matcher, key, from, limit).size;
      if (rowMatches.length === 0 && groupMatches.length === 0 && columnCount < 2) {
        // Narrative before the table: its numbers are not the table's.
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
      if (groupFirstRow >= cursor && (next === undefined || groupFirstRow < next)) next = groupFirstRow;
    }
    if (next !== undefined) resolvePending(next);
    if (groupMatches.length > 0) header = undefined;
    const headerStart = lastGroupBeforeRows?.end ?? from;
    const headerEnd = firstRow?.start ?? limit;
    if (headerEnd > headerStart && columnsIn(matcher, key, headerStart, headerEnd).size > 0) header = headerOf(matcher, blob, headerStart, headerEnd);

    for (const match of rowMatches) {
      const state = ensureRow(match.index);
      const span = source.span(offsetAt(match.start), offsetAt(match.end - 1) + 1);
      state.label = source.original.slice(span.start, span.end);
      state.labelSpan = span;
      delete state.labelInferred;
    }
    const lastRow = rowMatches[rowMatches.length - 1];
    const lastMatchEnd = Math.max(lastRow?.end ?? 0, groupMatches[groupMatches.length - 1]?.end ?? 0);
    if (lastMatchEnd > 0) contentEnd = Math.max(contentEnd, offsetAt(lastMatchEnd - 1) + 1);
    if (lastRow) {
      // Row labels followed by column labels are headings of a table printed as one row (table 四).
      target = columnsIn(matcher, key, lastRow.end, limit).size > 0 ? { kind: 'spread', from: cursor } : { kind: 'row', row: lastRow.index };
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

  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    if (token.prose) {
      if (started) {
        // A sentence after the table: the narrative has resumed.
        stop = token.start;
        break;
      }
      // Narrative before the table: its numbers are not the table's.
      pending = [];
      target = undefined;
      index++;
      continue;
    }
    const kind = token.kind;
    let last = index;
    while (last + 1 < tokens.length && (tokens[last + 1] as Token).kind === kind && !(tokens[last + 1] as Token).prose) last++;
    if (kind === 'text') {
      if (!readBlob(index, last)) break;
    } else if (started) {
      readRun(index, last);
    }
    index = last + 1;
  }
  resolvePending(rowCount);

  if (!started) return { table: undefined, unplaced, stop };
  const tableRows: Record<string, TableRow> = {};
  rows.forEach((state, row) => {
    if (!state) return;
    const entry: TableRow = { cells: state.cells };
    if (state.label !== undefined) entry.label = state.label;
    if (state.labelSpan) entry.labelSpan = state.labelSpan;
    if (state.labelInferred) entry.labelInferred = true;
    tableRows[rowAt(row).key] = entry;
  });
  const table: AnyTable = contentStart >= 0 ? { span: source.span(contentStart, Math.max(contentStart, contentEnd)), rows: tableRows } : { rows: tableRows };
  return { table, unplaced, stop };
}

/**
 * The columns a header names, cell by cell, when it is a simple one-line header (its first cell
 * naming the label column): each cell naming a catalog column, in catalog order, at most once.
 * Multi-level headers (table 三, table 四) fail these tests and leave the template's order in force.
 */
function headerOf(matcher: TableMatcher, blob: Blob, start: number, end: number): (string | null)[] | undefined {
  const cuts = [start, ...blob.cellStarts.filter((at) => at > start && at < end), end];
  const cells: string[] = [];
  for (let index = 0; index + 1 < cuts.length; index++) {
    const cell = blob.key.slice(cuts[index], cuts[index + 1]);
    if (cell.length > 0) cells.push(cell);
  }
  const named = cells.map((cell) => columnNamedBy(matcher, cell));
  if (named.length > 0 && named[0] === undefined) named.shift();
  if (named.length === 0 || named.every((column) => column === undefined)) return undefined;
  let order = -1;
  for (const column of named) {
    if (!column) continue;
    if (column.order <= order) return undefined;
    order = column.order;
  }
  return named.map((column) => column?.key ?? null);
}
