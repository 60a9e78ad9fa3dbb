/**
 * Reading the statistics tables from the grids a document gives (a web page's or a Word file's
 * tables): the template matcher. Each grid is matched to the table of the report's format whose
 * row labels it holds; each of its rows to a catalog row by its label (with the labels a merged
 * cell carries down from above, such as （三）不予公开 over 1.属于国家秘密); its values to the row's
 * columns by their order within the row — Word's grids are often misaligned (a value spanning two
 * grid columns), the order of the cells is not — or, when the count differs, by the headers above
 * them. Table 四's one row of 15 values is read by its shape under its headers. Whatever cannot be
 * placed with certainty is reported as unplaced, never guessed.
 *
 * @packageDocumentation
 */
import { GROUP_ROW_KEYS, TABLE_KEYS, TEMPLATES } from '../../catalog/index.js';
import type { ColumnDefinition, RowDefinition, TableDefinition, TableKey, Template } from '../../catalog/index.js';
import { layoutGrid } from '../../document/model.js';
import type { GridCell, GridRow, ReportDocument, TableGrid } from '../../document/model.js';
import type { AnyTable, Cell, ReportTables, Span, TableRow, UnplacedValue } from '../../model/index.js';
import { matchKey } from '../source.js';
import type { SourceText } from '../source.js';
import { cellFor } from '../tables/cells.js';
import { columnNamedBy, matchGroups, matchRows, tableMatcher } from '../tables/matcher.js';
import type { ColumnPattern, LabelMatch, TableMatcher } from '../tables/matcher.js';
import type { TableReading, TableReadingContext } from '../tables/index.js';
import { memoized } from './memo.js';

// A value as a report writes it in a cell: a number (possibly malformed: "2,821", "-1"), with a
// unit written in ("251000元"), or a change in words ("减4"). Anything else with words is a label.
const VALUE_LIKE = /^(?:减|增|约|共)?[+-]?\d[\d.,]*(?:万元|元|万|件|条|个|次|份|项|人|户|%)?$/u;

// A grid is taken for a table when it holds the labels of this many of the table's rows and columns.
const MIN_MATCHES = 2;

/** Whether a cell's text is a label (words) rather than a value. */
const isLabelText = (text: string): boolean => !VALUE_LIKE.test(text.replace(/\s/g, ''));

// "3、其他" numbers a row as "3.其他" does.
const labelKey = (text: string): string => matchKey(text).replace(/(\d)、/g, '$1.');

const labelKeys = new Map<string, string | null>();
/** The {@link matchKey} of a text that is a label, or null for a value. */
const labelKeyOfText = (text: string): string | null => (isLabelText(text) ? labelKey(text) : null);

/**
 * The label key of a cell holding a label (words rather than a value), or undefined: each distinct
 * text tested and folded once (see {@link memoized}), since a page's grids repeat their texts ("0",
 * "信息内容") and every report repeats the template's labels.
 */
const labelKeyOf = (cell: GridCell): string | undefined => (cell.blank || cell.text === '' ? undefined : (memoized(labelKeys, cell.text, labelKeyOfText) ?? undefined));

/**
 * Reads the tables of the report's format from the document's grids. Returns only the tables found
 * in a grid (the others are read from the text); never throws.
 */
export function readGridTables(document: ReportDocument, context: TableReadingContext): TableReading {
  try {
    return readAll(document, context);
  } catch (error) {
    // A reader defect must not take the whole check down, nor pass unnoticed: it is reported.
    return { tables: {}, unplaced: [], failure: error instanceof Error ? error.message : String(error) };
  }
}

function readAll(document: ReportDocument, context: TableReadingContext): TableReading {
  const template = TEMPLATES[context.formatVersion] ?? TEMPLATES.unknown;
  const { wanted, namesOf } = tablesOf(template);
  const tables: Partial<Record<TableKey, AnyTable>> = {};
  const unplaced: UnplacedValue[] = [];
  if (wanted.length === 0 || document.grids.length === 0) return { tables, unplaced };

  // Each grid scored against each table by the distinct rows and columns whose labels it holds; the best pairs taken.
  const scores: { grid: LabelledGrid; table: WantedTable; score: number }[] = [];
  for (const grid of document.grids) {
    const labelled = labelGrid(grid);
    const rows = wanted.map(() => new Set<number>());
    const columns = wanted.map(() => new Set<string>());
    for (const key of labelled.distinct) {
      const named = namesOf(key);
      for (let table = 0; table < wanted.length; table++) {
        const { rows: rowMatches, column } = named[table] as KeyNames[number];
        for (const match of rowMatches) (rows[table] as Set<number>).add(match.index);
        if (column) (columns[table] as Set<string>).add(column.key);
      }
    }
    wanted.forEach((table, index) => {
      const score = (rows[index] as Set<number>).size + (columns[index] as Set<string>).size;
      if (score >= MIN_MATCHES) scores.push({ grid: labelled, table, score });
    });
  }
  scores.sort((a, b) => b.score - a.score || a.grid.grid.index - b.grid.grid.index);
  const usedGrids = new Set<LabelledGrid>();
  for (const { grid, table } of scores) {
    if (usedGrids.has(grid) || tables[table.key] !== undefined) continue;
    usedGrids.add(grid);
    tables[table.key] = readGrid(document.source, grid, table.key, table.definition, table.matcher, table.names, unplaced);
  }
  unplaced.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return { tables: tables as ReportTables, unplaced };
}

/** A table of the format that a grid may be read as. */
interface WantedTable {
  readonly key: TableKey;
  readonly definition: TableDefinition;
  readonly matcher: TableMatcher;
  readonly names: TableNames;
}

/** What one label key names in each of a format's tables (by the table's place among them): the rows it holds, from the table's first, and the column it heads. */
type KeyNames = readonly { readonly rows: readonly LabelMatch[]; readonly column: ColumnPattern | undefined }[];

/** A format's tables, and what a label key names in each of them (see {@link KeyNames}). */
interface FormatTables {
  readonly wanted: readonly WantedTable[];
  namesOf(key: string): KeyNames;
}

const tablesOfTemplates = new WeakMap<Template, FormatTables>();

/**
 * The format's tables, made once per template, and a memo of what each distinct key names in all of
 * them (see {@link memoized}): a grid's labels are scored against every table, one lookup a key
 * rather than two a key and table.
 */
function tablesOf(template: Template): FormatTables {
  let found = tablesOfTemplates.get(template);
  if (found === undefined) {
    const wanted = TABLE_KEYS.flatMap((key): WantedTable[] => {
      const definition = template.tables[key];
      if (!definition) return [];
      const matcher = tableMatcher(definition);
      return [{ key, definition, matcher, names: namesIn(matcher) }];
    });
    const memo = new Map<string, KeyNames>();
    const compute = (key: string): KeyNames => wanted.map(({ names }) => ({ rows: names.rows(key), column: names.column(key) }));
    found = { wanted, namesOf: (key) => memoized(memo, key, compute) };
    tablesOfTemplates.set(template, found);
  }
  return found;
}

/**
 * A grid with the label key of each of its label cells, found once per grid and check: scoring asks
 * every cell of every grid, and reading a grid asks each cell again (for its row's values, for the
 * columns a header names, for the labels a merged cell carries down). Lives as long as one reading.
 */
interface LabelledGrid {
  readonly grid: TableGrid;
  /** The key ({@link labelKeyOf}) of each cell holding a label; a cell holding a value or nothing has none. */
  readonly keys: ReadonlyMap<GridCell, string>;
  /** The grid's distinct label keys, in reading order. */
  readonly distinct: readonly string[];
}

/** The grid's label cells and their keys (see {@link LabelledGrid}). */
function labelGrid(grid: TableGrid): LabelledGrid {
  const keys = new Map<GridCell, string>();
  const distinct = new Set<string>();
  for (const row of grid.rows) {
    for (const cell of row.cells) {
      const key = labelKeyOf(cell);
      if (key === undefined) continue;
      keys.set(cell, key);
      distinct.add(key);
    }
  }
  return { grid, keys, distinct: [...distinct] };
}

/** What a label's key names in a table: the rows it holds (from the table's first, or from a cursor on), and the column it heads. */
interface TableNames {
  rows(key: string): readonly LabelMatch[];
  /** {@link matchRows} from row `cursor` on: a grid's rows are matched in template order. */
  rowsFrom(key: string, cursor: number): readonly LabelMatch[];
  column(key: string): ColumnPattern | undefined;
}

const namesOfMatchers = new WeakMap<TableMatcher, TableNames>();

/**
 * {@link matchRows} and {@link columnNamedBy}, each distinct key (and cursor) asked once (see
 * {@link memoized}): a page's grids repeat their labels, and each grid's are asked of every table
 * when it is scored, then again as it is read; every report of a format reads the same rows in turn.
 */
function namesIn(matcher: TableMatcher): TableNames {
  let names = namesOfMatchers.get(matcher);
  if (names === undefined) {
    const rows = new Map<string, readonly LabelMatch[]>();
    const rowsFrom = new Map<string, (readonly LabelMatch[] | undefined)[]>();
    const columns = new Map<string, ColumnPattern | null>();
    const matchAll = (key: string): readonly LabelMatch[] => matchRows(matcher, key, 0, 0, key.length);
    const columnOf = (key: string): ColumnPattern | null => columnNamedBy(matcher, key) ?? null;
    // One list per key, indexed by cursor: a cursor is a row index, so a list is never longer than the table.
    const byCursor = (): (readonly LabelMatch[] | undefined)[] => [];
    names = {
      rows: (key) => memoized(rows, key, matchAll),
      rowsFrom: (key, cursor) => {
        if (cursor === 0) return memoized(rows, key, matchAll);
        const atCursor = memoized(rowsFrom, key, byCursor);
        return (atCursor[cursor] ??= matchRows(matcher, key, cursor, 0, key.length));
      },
      column: (key) => memoized(columns, key, columnOf) ?? undefined,
    };
    namesOfMatchers.set(matcher, names);
  }
  return names;
}

/** The span of a grid cell: its text in the original, and the cell's place (table, row, cell as written). */
function cellSpan(source: SourceText, grid: TableGrid, cell: GridCell, indexInRow: number): Span {
  const span = source.span(cell.start, cell.end);
  const place = { table: grid.index, row: cell.row + 1, column: indexInRow + 1 };
  // A span of a line and column alone (a web page's) is made anew with its cell, in one literal:
  // adding a property to the span made cost the engine more than making the span. Any other (a
  // Word file's, which its front-end may give a page) is made for this cell alone, so the cell is
  // added to it, in its place if it has one.
  if (span.page === undefined && span.cell === undefined) return { start: span.start, end: span.end, line: span.line, column: span.column, cell: place };
  span.cell = place;
  return span;
}

/** A value of a row placed in one of its columns: the column, and the value's cell by its index in the row. */
interface PlacedValue {
  readonly column: ColumnDefinition;
  readonly index: number;
}

/**
 * Reads one grid as the given table. A row's values are the cells after its last label cell,
 * `cells[first…]`: they are passed as that index into the row rather than copied out.
 */
function readGrid(
  source: SourceText,
  labelled: LabelledGrid,
  tableKey: TableKey,
  definition: TableDefinition,
  matcher: TableMatcher,
  names: TableNames,
  unplaced: UnplacedValue[],
): AnyTable {
  const { grid, keys } = labelled;
  const layout = layoutGrid(grid);
  const rows: Record<string, TableRow> = {};
  // The column each grid column is headed by, from the header rows read so far (later rows win).
  const headers: (string | undefined)[] = new Array<string | undefined>(grid.columnCount).fill(undefined);
  // Where the header rows name the table's rows (table 四's 行政复议 | 未经复议直接起诉 | 复议后起诉).
  const rowHeaders = new Map<number, number>();
  let cursor = 0;
  // The rows' whole labels, ordinal marks included, as keys.
  const rowLabels = matcher.wholeRowLabels;

  const report = (cell: GridCell, indexInRow: number, reason: UnplacedValue['reason'], row?: string): void => {
    const text = cell.text === '' ? source.written(cell.start, cell.end) : cell.text;
    const span = cellSpan(source, grid, cell, indexInRow);
    unplaced.push(row !== undefined ? { text, table: tableKey, row, reason, span } : { text, table: tableKey, reason, span });
  };
  /** Reports every value of the row from `first` on (or only those written, `writtenOnly`). */
  const reportAll = (cells: readonly GridCell[], first: number, reason: UnplacedValue['reason'], row?: string, writtenOnly = false): void => {
    for (let index = first; index < cells.length; index++) {
      const cell = cells[index] as GridCell;
      if (!writtenOnly || cell.text !== '') report(cell, index, reason, row);
    }
  };

  for (let rowIndex = 0; rowIndex < grid.rows.length; rowIndex++) {
    const cells = (grid.rows[rowIndex] as GridRow).cells;
    let first = cells.length;
    while (first > 0 && !keys.has(cells[first - 1] as GridCell)) first--;
    if (first === cells.length || (allEmpty(cells, first) && !isBlankRow(cells, rowIndex, first) && !(first === 0 && fitsShape(cells.length - first)))) {
      readHeaderRow(cells);
      continue;
    }
    const firstValueColumn = (cells[first] as GridCell).column;
    // The row's label: every cell covering it left of its values, merged ones from above included.
    const labelCells: GridCell[] = [];
    let key = '';
    const line = layout[rowIndex] ?? [];
    for (let column = 0; column < firstValueColumn; column++) {
      const cell = line[column];
      if (cell === undefined || labelCells[labelCells.length - 1] === cell) continue;
      const cellKey = keys.get(cell);
      if (cellKey === undefined) continue;
      labelCells.push(cell);
      key += cellKey;
    }

    if (key === '') {
      if (readByShape(cells, first)) continue;
      reportAll(cells, first, 'unknown-row');
      continue;
    }
    let matches: readonly LabelMatch[] = names.rowsFrom(key, cursor);
    if (matches.length === 0) matches = names.rows(key);
    const match = matches[matches.length - 1];
    const rowDefinition = match ? definition.rows[match.index] : undefined;
    if ((!match || !rowDefinition) && readAsGroupRow(key, cells, first, labelCells)) continue;
    if (!match || !rowDefinition) {
      reportAll(cells, first, 'unknown-row');
      continue;
    }
    if (rows[rowDefinition.key] !== undefined) {
      reportAll(cells, first, 'ambiguous', rowDefinition.key);
      continue;
    }
    cursor = match.index + 1;
    const labelCell = labelCells[labelCells.length - 1] as GridCell;
    const placed = place(cells, first, rowDefinition);
    const row: TableRow = {
      cells: {},
      label: source.written(labelCell.start, labelCell.end),
      labelSpan: cellSpan(source, grid, labelCell, cells.indexOf(labelCell)),
    };
    if (!placed) reportAll(cells, first, 'ambiguous', rowDefinition.key, true);
    else for (const { column, index } of placed) row.cells[column.key] = typedCell(cells[index] as GridCell, index, column);
    rows[rowDefinition.key] = row;
  }

  /** Whether every cell of the row from `first` on is empty. */
  function allEmpty(cells: readonly GridCell[], first: number): boolean {
    for (let index = first; index < cells.length; index++) if ((cells[index] as GridCell).text !== '') return false;
    return true;
  }

  /** A header row (or a row of nothing): what its label cells name, the columns under them and the rows they head. */
  function readHeaderRow(cells: readonly GridCell[]): void {
    for (const cell of cells) {
      const key = keys.get(cell);
      if (key === undefined) continue;
      const column = names.column(key);
      if (column) for (let at = cell.column; at < Math.min(cell.column + cell.colSpan, headers.length); at++) headers[at] = column.key;
      const named = names.rows(key);
      const last = named[named.length - 1];
      if (last && !rowHeaders.has(last.index)) rowHeaders.set(last.index, cell.column);
    }
  }

  /**
   * Whether a row whose value cells (from `first` on) are all empty is a row of the table left
   * blank (a blank template, a row not filled in) rather than a header: its label names a row of
   * the table, and none of its cells names a column.
   */
  function isBlankRow(cells: readonly GridCell[], rowIndex: number, first: number): boolean {
    // "（七）总计" names a row, "总计" a column: a cell is a column's header unless it is a row's whole label.
    for (const cell of cells) {
      const cellKey = keys.get(cell);
      if (cellKey !== undefined && !rowLabels.has(cellKey) && names.column(cellKey) !== undefined) return false;
    }
    const firstValueColumn = (cells[first] as GridCell).column;
    const line = layout[rowIndex] ?? [];
    let key = '';
    let previous: GridCell | undefined;
    for (let column = 0; column < firstValueColumn; column++) {
      const cell = line[column];
      if (cell && cell !== previous) key += keys.get(cell) ?? '';
      previous = cell;
    }
    return key !== '' && names.rowsFrom(key, cursor).length > 0;
  }

  /**
   * A group that another template prints as one row (（六）其他处理 of the 2019 table 三, left in a
   * 2021 report): its values are read as the group's row, in the group's place, when none of the
   * group's own rows has been read.
   */
  function readAsGroupRow(key: string, cells: readonly GridCell[], first: number, labelCells: readonly GridCell[]): boolean {
    const groupRows = GROUP_ROW_KEYS[tableKey];
    if (!groupRows) return false;
    const found = matchGroups(matcher, key, cursor, 0, key.length).filter((candidate) => groupRows.has(matcher.groups[candidate.index]?.key ?? ''));
    const group = matcher.groups[found[found.length - 1]?.index ?? -1];
    if (!group) return false;
    const members = definition.rows.filter((row) => row.key.startsWith(`${group.key}.`));
    const firstMember = members[0];
    if (!firstMember || rows[group.key] !== undefined || members.some((row) => rows[row.key] !== undefined)) return false;
    const own = place(cells, first, firstMember);
    if (own === undefined || own.length !== firstMember.columns.length) return false;
    const labelCell = labelCells[labelCells.length - 1] as GridCell;
    const row: TableRow = {
      cells: {},
      label: source.written(labelCell.start, labelCell.end),
      labelSpan: cellSpan(source, grid, labelCell, cells.indexOf(labelCell)),
    };
    for (const { column, index } of own) row.cells[column.key] = typedCell(cells[index] as GridCell, index, column);
    rows[group.key] = row;
    cursor = definition.rows.indexOf(members[members.length - 1] as RowDefinition) + 1;
    return true;
  }

  /** Whether a row of `count` values has table 四's shape: its groups' columns one after the other. */
  function fitsShape(count: number): boolean {
    if (definition.key !== 'reviews') return false;
    const width = definition.rows[0]?.columns.length ?? 0;
    return width > 0 && count === width * definition.rows.length && definition.rows.every((row) => row.columns.length === width);
  }

  /** Table 四 as one row of values (from `first` on) under its headers: the rows' groups in the order the headers name them. */
  function readByShape(cells: readonly GridCell[], first: number): boolean {
    if (!fitsShape(cells.length - first)) return false;
    const width = definition.rows[0]?.columns.length ?? 0;
    const named = definition.rows.map((row, index) => ({ row, at: rowHeaders.get(index) }));
    if (named.some(({ at }) => at === undefined)) return false;
    named.sort((a, b) => (a.at as number) - (b.at as number));
    named.forEach(({ row }, group) => {
      if (rows[row.key] !== undefined) return;
      const entry: TableRow = { cells: {} };
      const from = first + group * width;
      for (let position = 0; position < width; position++) {
        const column = row.columns[position];
        if (column) entry.cells[column.key] = typedCell(cells[from + position] as GridCell, from + position, column);
      }
      rows[row.key] = entry;
    });
    return true;
  }

  /**
   * The row's values (from `first` on) by column: by order when the count is the row's, else by
   * the headers above them.
   */
  function place(cells: readonly GridCell[], first: number, row: RowDefinition): PlacedValue[] | undefined {
    const width = row.columns.length;
    let from = first;
    let to = cells.length;
    // Empty cells past the row's last value are the grid's, not the row's.
    while (to - from > width && (cells[to - 1] as GridCell).text === '') to--;
    // …and empty cells before its first value, under the labels of rows that have more of them.
    while (to - from > width && (cells[from] as GridCell).text === '') from++;
    const placed: PlacedValue[] = [];
    if (to - from === width) {
      for (let position = 0; position < width; position++) placed.push({ column: row.columns[position] as ColumnDefinition, index: from + position });
      return placed;
    }
    // Otherwise each value under the header of one of the row's columns, each column once.
    for (let index = from; index < to; index++) {
      const header = headers[(cells[index] as GridCell).column];
      const column = header === undefined ? undefined : row.columns.find((known) => known.key === header);
      if (column === undefined || placed.some((value) => value.column.key === header)) return undefined;
      placed.push({ column, index });
    }
    return placed;
  }

  function typedCell(cell: GridCell, index: number, column: ColumnDefinition): Cell {
    const span = cellSpan(source, grid, cell, index);
    if (cell.text === '') return { kind: 'blank', text: '', span };
    return cellFor(source.text, cell.start, cell.end, source, column.unit, span);
  }

  return { span: source.span(grid.start, grid.end), rows: rows as AnyTable['rows'] };
}
