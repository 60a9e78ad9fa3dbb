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
import type { RowDefinition, TableDefinition, TableKey } from '../../catalog/index.js';
import { layoutGrid } from '../../document/model.js';
import type { GridCell, ReportDocument, TableGrid } from '../../document/model.js';
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

const labelTexts = new Map<string, boolean>();

/**
 * Whether a cell holds a label, each distinct text tested once (see {@link memoized}): a page's grids repeat their texts
 * ("0", "信息内容"), and each cell is asked about several times.
 */
const isLabel = (cell: GridCell): boolean => !cell.blank && cell.text !== '' && memoized(labelTexts, cell.text, isLabelText);

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
  const wanted = TABLE_KEYS.flatMap((key) => {
    const definition = template.tables[key];
    if (!definition) return [];
    const matcher = tableMatcher(definition);
    return [{ key, definition, matcher, names: namesIn(matcher) }];
  });
  const tables: Partial<Record<TableKey, AnyTable>> = {};
  const unplaced: UnplacedValue[] = [];
  if (wanted.length === 0 || document.grids.length === 0) return { tables, unplaced };

  // Each grid scored against each table by the distinct rows and columns whose labels it holds; the best pairs taken.
  const scores: { grid: TableGrid; table: (typeof wanted)[number]; score: number }[] = [];
  for (const grid of document.grids) {
    const keys = [...new Set(grid.rows.flatMap((row) => row.cells.filter(isLabel).map((cell) => keyOf(cell.text))))];
    for (const table of wanted) {
      const rows = new Set<number>();
      const columns = new Set<string>();
      for (const key of keys) {
        for (const match of table.names.rows(key)) rows.add(match.index);
        const column = table.names.column(key);
        if (column) columns.add(column.key);
      }
      const score = rows.size + columns.size;
      if (score >= MIN_MATCHES) scores.push({ grid, table, score });
    }
  }
  scores.sort((a, b) => b.score - a.score || a.grid.index - b.grid.index);
  const usedGrids = new Set<TableGrid>();
  for (const { grid, table } of scores) {
    if (usedGrids.has(grid) || tables[table.key] !== undefined) continue;
    usedGrids.add(grid);
    tables[table.key] = readGrid(document.source, grid, table.key, table.definition, table.matcher, table.names, unplaced);
  }
  unplaced.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return { tables: tables as ReportTables, unplaced };
}

/** What a label's key names in a table: the rows it holds (from the table's first), and the column it heads. */
interface TableNames {
  rows(key: string): readonly LabelMatch[];
  column(key: string): ColumnPattern | undefined;
}

const namesOfMatchers = new WeakMap<TableMatcher, TableNames>();

/**
 * {@link matchRows} from the table's first row and {@link columnNamedBy}, each distinct key asked once
 * (see {@link memoized}): a page's grids repeat their labels, and each grid's are asked of every
 * table when it is scored, then again as it is read.
 */
function namesIn(matcher: TableMatcher): TableNames {
  let names = namesOfMatchers.get(matcher);
  if (names === undefined) {
    const rows = new Map<string, readonly LabelMatch[]>();
    const columns = new Map<string, ColumnPattern | null>();
    const matchAll = (key: string): readonly LabelMatch[] => matchRows(matcher, key, 0, 0, key.length);
    const columnOf = (key: string): ColumnPattern | null => columnNamedBy(matcher, key) ?? null;
    names = {
      rows: (key) => memoized(rows, key, matchAll),
      column: (key) => memoized(columns, key, columnOf) ?? undefined,
    };
    namesOfMatchers.set(matcher, names);
  }
  return names;
}

const labelKeys = new Map<string, string>();
// "3、其他" numbers a row as "3.其他" does.
const labelKey = (text: string): string => matchKey(text).replace(/(\d)、/g, '$1.');

/** {@link matchKey}, each distinct text folded once (see {@link memoized}). */
const keyOf = (text: string): string => memoized(labelKeys, text, labelKey);

/** The span of a grid cell: its text in the original, and the cell's place (table, row, cell as written). */
function cellSpan(source: SourceText, grid: TableGrid, cell: GridCell, indexInRow: number): Span {
  // The span is made for this cell alone: it takes the cell's place rather than being copied with it.
  return Object.assign(source.span(cell.start, cell.end), { cell: { table: grid.index, row: cell.row + 1, column: indexInRow + 1 } });
}

/** Reads one grid as the given table. */
function readGrid(
  source: SourceText,
  grid: TableGrid,
  tableKey: TableKey,
  definition: TableDefinition,
  matcher: TableMatcher,
  names: TableNames,
  unplaced: UnplacedValue[],
): AnyTable {
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
    unplaced.push({
      text: cell.text === '' ? source.written(cell.start, cell.end) : cell.text,
      table: tableKey,
      ...(row !== undefined ? { row } : {}),
      reason,
      span: cellSpan(source, grid, cell, indexInRow),
    });
  };

  grid.rows.forEach((gridRow, rowIndex) => {
    const cells = gridRow.cells;
    let lastLabel = -1;
    cells.forEach((cell, index) => {
      if (isLabel(cell)) lastLabel = index;
    });
    const values = cells.slice(lastLabel + 1).map((cell, offset) => ({ cell, index: lastLabel + 1 + offset }));
    if (values.length === 0 || (values.every(({ cell }) => cell.text === '') && !isBlankRow(cells, rowIndex, values) && !(lastLabel < 0 && fitsShape(values)))) {
      // A header row (or a row of nothing): what its cells name.
      cells.forEach((cell) => {
        if (!isLabel(cell)) return;
        const key = keyOf(cell.text);
        const column = names.column(key);
        if (column) for (let at = cell.column; at < Math.min(cell.column + cell.colSpan, headers.length); at++) headers[at] = column.key;
        const named = names.rows(key);
        const last = named[named.length - 1];
        if (last && !rowHeaders.has(last.index)) rowHeaders.set(last.index, cell.column);
      });
      return;
    }
    const firstValueColumn = (values[0] as { cell: GridCell }).cell.column;
    // The row's label: every cell covering it left of its values, merged ones from above included.
    const labelCells: GridCell[] = [];
    const line = layout[rowIndex] ?? [];
    for (let column = 0; column < firstValueColumn; column++) {
      const cell = line[column];
      if (cell && isLabel(cell) && labelCells[labelCells.length - 1] !== cell) labelCells.push(cell);
    }
    const key = labelCells.map((cell) => keyOf(cell.text)).join('');

    if (key === '') {
      if (readByShape(values)) return;
      for (const { cell, index } of values) report(cell, index, 'unknown-row');
      return;
    }
    let matches: readonly LabelMatch[] = matchRows(matcher, key, cursor, 0, key.length);
    if (matches.length === 0) matches = names.rows(key);
    const match = matches[matches.length - 1];
    const rowDefinition = match ? definition.rows[match.index] : undefined;
    if ((!match || !rowDefinition) && readAsGroupRow(key, values, labelCells, cells)) return;
    if (!match || !rowDefinition) {
      for (const { cell, index } of values) report(cell, index, 'unknown-row');
      return;
    }
    if (rows[rowDefinition.key] !== undefined) {
      for (const { cell, index } of values) report(cell, index, 'ambiguous', rowDefinition.key);
      return;
    }
    cursor = match.index + 1;
    const labelCell = labelCells[labelCells.length - 1] as GridCell;
    const placed = place(values, rowDefinition);
    const row: TableRow = {
      cells: {},
      label: source.written(labelCell.start, labelCell.end),
      labelSpan: cellSpan(source, grid, labelCell, cells.indexOf(labelCell)),
    };
    if (!placed) {
      for (const { cell, index } of values) if (cell.text !== '') report(cell, index, 'ambiguous', rowDefinition.key);
    } else {
      for (const { column, cell, index } of placed) row.cells[column] = typedCell(cell, index, rowDefinition, column);
    }
    rows[rowDefinition.key] = row;
  });

  /**
   * Whether a row whose value cells are all empty is a row of the table left blank (a blank
   * template, a row not filled in) rather than a header: its label names a row of the table, and
   * none of its cells names a column.
   */
  function isBlankRow(cells: readonly GridCell[], rowIndex: number, values: readonly { cell: GridCell }[]): boolean {
    // "（七）总计" names a row, "总计" a column: a cell is a column's header unless it is a row's whole label.
    if (cells.some((cell) => isLabel(cell) && !rowLabels.has(keyOf(cell.text)) && names.column(keyOf(cell.text)) !== undefined)) return false;
    const firstValueColumn = (values[0] as { cell: GridCell }).cell.column;
    const line = layout[rowIndex] ?? [];
    let key = '';
    let previous: GridCell | undefined;
    for (let column = 0; column < firstValueColumn; column++) {
      const cell = line[column];
      if (cell && isLabel(cell) && cell !== previous) key += keyOf(cell.text);
      previous = cell;
    }
    return key !== '' && matchRows(matcher, key, cursor, 0, key.length).length > 0;
  }

  /**
   * A group that another template prints as one row (（六）其他处理 of the 2019 table 三, left in a
   * 2021 report): its values are read as the group's row, in the group's place, when none of the
   * group's own rows has been read.
   */
  function readAsGroupRow(key: string, values: readonly { cell: GridCell; index: number }[], labelCells: readonly GridCell[], cells: readonly GridCell[]): boolean {
    const groupRows = GROUP_ROW_KEYS[tableKey];
    if (!groupRows) return false;
    const found = matchGroups(matcher, key, cursor, 0, key.length).filter((candidate) => groupRows.has(matcher.groups[candidate.index]?.key ?? ''));
    const group = matcher.groups[found[found.length - 1]?.index ?? -1];
    if (!group) return false;
    const members = definition.rows.filter((row) => row.key.startsWith(`${group.key}.`));
    const first = members[0];
    if (!first || rows[group.key] !== undefined || members.some((row) => rows[row.key] !== undefined)) return false;
    const own = place(values, first);
    if (own === undefined || own.length !== first.columns.length) return false;
    const labelCell = labelCells[labelCells.length - 1] as GridCell;
    const row: TableRow = {
      cells: {},
      label: source.written(labelCell.start, labelCell.end),
      labelSpan: cellSpan(source, grid, labelCell, cells.indexOf(labelCell)),
    };
    for (const { column, cell, index } of own) row.cells[column] = typedCell(cell, index, first, column);
    rows[group.key] = row;
    cursor = definition.rows.indexOf(members[members.length - 1] as RowDefinition) + 1;
    return true;
  }

  /** Whether a row of values has table 四's shape: its groups' columns one after the other. */
  function fitsShape(values: readonly unknown[]): boolean {
    if (definition.key !== 'reviews') return false;
    const width = definition.rows[0]?.columns.length ?? 0;
    return width > 0 && values.length === width * definition.rows.length && definition.rows.every((row) => row.columns.length === width);
  }

  /** Table 四 as one row of values under its headers: the rows' groups in the order the headers name them. */
  function readByShape(values: readonly { cell: GridCell; index: number }[]): boolean {
    if (!fitsShape(values)) return false;
    const width = definition.rows[0]?.columns.length ?? 0;
    const named = definition.rows.map((row, index) => ({ row, at: rowHeaders.get(index) }));
    if (named.some(({ at }) => at === undefined)) return false;
    named.sort((a, b) => (a.at as number) - (b.at as number));
    named.forEach(({ row }, group) => {
      if (rows[row.key] !== undefined) return;
      const own = values.slice(group * width, (group + 1) * width);
      const entry: TableRow = { cells: {} };
      own.forEach(({ cell, index }, position) => {
        const column = row.columns[position];
        if (column) entry.cells[column.key] = typedCell(cell, index, row, column.key);
      });
      rows[row.key] = entry;
    });
    return true;
  }

  /** The row's values by column: by order when the count is the row's, else by the headers above them. */
  function place(
    values: readonly { cell: GridCell; index: number }[],
    row: RowDefinition,
  ): { column: string; cell: GridCell; index: number }[] | undefined {
    let own = values;
    // Empty cells past the row's last value are the grid's, not the row's.
    while (own.length > row.columns.length && (own[own.length - 1] as { cell: GridCell }).cell.text === '') own = own.slice(0, -1);
    // …and empty cells before its first value, under the labels of rows that have more of them.
    while (own.length > row.columns.length && (own[0] as { cell: GridCell }).cell.text === '') own = own.slice(1);
    if (own.length === row.columns.length) {
      return own.map((value, position) => ({ column: (row.columns[position] as { key: string }).key, ...value }));
    }
    // Otherwise each value under the header of one of the row's columns, each column once.
    const byColumn = new Map<string, { cell: GridCell; index: number }>();
    for (const value of own) {
      const column = headers[value.cell.column];
      if (column === undefined || !row.columns.some((known) => known.key === column) || byColumn.has(column)) return undefined;
      byColumn.set(column, value);
    }
    return [...byColumn].map(([column, value]) => ({ column, ...value }));
  }

  function typedCell(cell: GridCell, index: number, row: RowDefinition, column: string): Cell {
    const span = cellSpan(source, grid, cell, index);
    if (cell.text === '') return { kind: 'blank', text: '', span };
    const unit = row.columns.find((known) => known.key === column)?.unit ?? 'count';
    return cellFor(source.text, cell.start, cell.end, source, unit, span);
  }

  return { span: source.span(grid.start, grid.end), rows: rows as AnyTable['rows'] };
}
