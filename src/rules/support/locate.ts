import type { TableKey, Template } from '../../catalog/index.js';
import type { CellReference, Suggestion } from '../../diagnostics/index.js';
import type { AnyTable } from '../../model/index.js';

/**
 * What locating the fault of a table that breaks several relations gave: the one correction that
 * explains every failure, or why there is none to give.
 */
export type FaultVerdict =
  | { readonly kind: 'located'; readonly suggestion: Suggestion }
  /** Several single changes would each make the table balance: which is right cannot be told. */
  | { readonly kind: 'ambiguous'; readonly explanations: number }
  /** No single change makes it balance (two or more cells are wrong, or a cell could not be read). */
  | { readonly kind: 'unexplained' };

/** One line of one relation: the cells added on each side, by their index in the {@link CellIndex}. */
interface Line {
  readonly lhs: readonly number[];
  readonly rhs: readonly number[];
}

/**
 * The cells a table's relations and counts name, each by a small integer: a fault is located by
 * adding its lines up again for every change tried, and integers index an array where cell names
 * made by joining row and column keys were hashed anew at each look-up.
 */
class CellIndex {
  /** Row and column keys by index. */
  readonly rows: string[] = [];
  readonly columns: string[] = [];
  /** The count of each cell by index; NaN where the cell is not a safe whole count (or absent). */
  readonly values: number[] = [];
  private readonly byRow = new Map<string, Map<string, number>>();

  /** The index of a cell, given one on first sight. */
  of(row: string, column: string): number {
    let columns = this.byRow.get(row);
    if (columns === undefined) {
      columns = new Map();
      this.byRow.set(row, columns);
    }
    let index = columns.get(column);
    if (index === undefined) {
      index = this.values.length;
      columns.set(column, index);
      this.rows.push(row);
      this.columns.push(column);
      this.values.push(Number.NaN);
    }
    return index;
  }
}

/** The rows a relation adds up, as the sum rules add them (a group printed as one row in place of its rows). */
export type RowsAdded = (keys: readonly string[]) => readonly string[];

const asListed: RowsAdded = (keys) => keys;

/** Every line of the table's relations: the lines the sum rules check. */
function linesOf(cells: CellIndex, tableKey: TableKey, template: Template, rowsAdded: RowsAdded): Line[] {
  const lines: Line[] = [];
  const definition = template.tables[tableKey];
  if (!definition) return lines;
  for (const relation of template.relations) {
    if (relation.table !== tableKey) continue;
    const acrossRows = relation.across === 'rows';
    const over = acrossRows
      ? (relation.over ?? definition.rows[0]?.columns.map((column) => column.key) ?? [])
      : rowsAdded(relation.over ?? definition.rows.map((row) => row.key));
    const rhs = acrossRows ? rowsAdded(relation.rhs) : relation.rhs;
    for (const line of over) {
      const index = (key: string): number => (acrossRows ? cells.of(key, line) : cells.of(line, key));
      lines.push({ lhs: relation.lhs.map(index), rhs: rhs.map(index) });
    }
  }
  return lines;
}

/**
 * The table's counts entered in `cells`; returns the counted cells grouped by row, in the table's
 * order (the cells a swap within a row is tried between).
 */
function enterCounts(cells: CellIndex, table: AnyTable): number[][] {
  const byRow: number[][] = [];
  for (const [row, entry] of Object.entries(table.rows)) {
    let counted: number[] | undefined;
    for (const [column, cell] of Object.entries(entry?.cells ?? {})) {
      if (cell?.kind !== 'count' || !Number.isSafeInteger(cell.value)) continue;
      const index = cells.of(row, column);
      cells.values[index] = cell.value;
      (counted ??= []).push(index);
    }
    if (counted !== undefined) byRow.push(counted);
  }
  return byRow;
}

/** lhs − rhs of a line, or undefined when one of its cells is not a count (the line is not judged). */
function difference(line: Line, values: readonly number[]): number | undefined {
  let total = 0;
  for (const index of line.lhs) total += values[index] as number;
  for (const index of line.rhs) total -= values[index] as number;
  // NaN (a cell that is no count) spreads through the sum.
  return Number.isNaN(total) ? undefined : total;
}

const balances = (lines: readonly Line[], values: readonly number[]): boolean =>
  lines.every((line) => {
    const diff = difference(line, values);
    return diff === undefined || diff === 0;
  });

/**
 * Each cell's failing lines as bits (`all`: every failing line), or undefined when there are more
 * failing lines than bits: a change leaves a failing line without any of its cells failing as
 * before, so only changes of cells that between them are in every failing line can explain them.
 */
function coverageOf(failing: readonly Line[], size: number): { readonly masks: Int32Array; readonly all: number } | undefined {
  if (failing.length > 30) return undefined;
  const masks = new Int32Array(size);
  failing.forEach((line, bit) => {
    for (const index of line.lhs) masks[index] = (masks[index] as number) | (1 << bit);
    for (const index of line.rhs) masks[index] = (masks[index] as number) | (1 << bit);
  });
  return { masks, all: (1 << failing.length) - 1 };
}

/** Whether `after` is `before` with two adjacent digits swapped ("61" for "16"). */
function isTransposition(before: string, after: string): boolean {
  if (before.length !== after.length || before === after) return false;
  const differing: number[] = [];
  for (let index = 0; index < before.length; index++) if (before[index] !== after[index]) differing.push(index);
  const [first, second] = differing;
  return differing.length === 2 && first !== undefined && second === first + 1 && before[first] === after[second] && before[second] === after[first];
}

const reference = (tableKey: TableKey, cells: CellIndex, index: number): CellReference => ({
  table: tableKey,
  row: cells.rows[index] as string,
  column: cells.columns[index] as string,
});

/**
 * Locates the fault of a table that breaks at least two lines of its relations: every change of one
 * cell's value that would make every failing line balance is tried, and so is every swap of two
 * cells of one row (a value written in the wrong column); a change counts as an explanation only if
 * afterwards every line of every relation of the table balances. Exactly one explanation is a
 * suggestion; more than one, or none, is said as such — never a guess between them.
 *
 * `rowsAdded` gives the rows a relation adds up as the sum rules add them.
 *
 * Undefined when the table breaks fewer than two lines (one failing sum can be mended by any of its
 * cells: there is nothing to locate), or when nothing explains failing lines that have no cell in
 * common (separate faults, each placed by its own line): the mismatches are then said as before.
 */
export function locateFault(table: AnyTable, tableKey: TableKey, template: Template, rowsAdded: RowsAdded = asListed): FaultVerdict | undefined {
  const cells = new CellIndex();
  const lines = linesOf(cells, tableKey, template, rowsAdded);
  const countedByRow = enterCounts(cells, table);
  const values = cells.values;
  const failing = lines.filter((line) => {
    const diff = difference(line, values);
    return diff !== undefined && diff !== 0;
  });
  if (failing.length < 2) return undefined;
  const suggestions: Suggestion[] = [];
  const coverage = coverageOf(failing, values.length);
  const coversAll = (first: number, second = first): boolean =>
    coverage === undefined || ((coverage.masks[first] as number) | (coverage.masks[second] as number)) === coverage.all;

  // One cell changed: it must be in every failing line, and each fixes its value the same way.
  const [firstFailing] = failing as [Line, ...Line[]];
  const candidates = new Set([...firstFailing.lhs, ...firstFailing.rhs]);
  for (const index of candidates) {
    const present = values[index] as number;
    if (Number.isNaN(present) || !coversAll(index)) continue;
    const weight = (line: Line): number => line.lhs.filter((other) => other === index).length - line.rhs.filter((other) => other === index).length;
    const firstWeight = weight(firstFailing);
    const firstDiff = difference(firstFailing, values) as number;
    if (firstWeight === 0 || firstDiff % firstWeight !== 0) continue;
    const value = present - firstDiff / firstWeight;
    if (value < 0 || !Number.isSafeInteger(value)) continue;
    // The change is tried in place and undone.
    values[index] = value;
    const explains = balances(lines, values);
    values[index] = present;
    if (!explains) continue;
    const before = String(present);
    const after = String(value);
    suggestions.push({ cell: reference(tableKey, cells, index), value: after, current: before, kind: isTransposition(before, after) ? 'transposition' : 'value' });
  }

  // Two cells of one row swapped, one of them in a failing line.
  const inFailing = new Set(failing.flatMap((line) => [...line.lhs, ...line.rhs]));
  for (const counted of countedByRow) {
    for (let first = 0; first < counted.length; first++) {
      for (let second = first + 1; second < counted.length; second++) {
        const a = counted[first] as number;
        const b = counted[second] as number;
        const valueA = values[a] as number;
        const valueB = values[b] as number;
        if (valueA === valueB || (!inFailing.has(a) && !inFailing.has(b)) || !coversAll(a, b)) continue;
        values[a] = valueB;
        values[b] = valueA;
        const explains = balances(lines, values);
        values[a] = valueA;
        values[b] = valueB;
        if (!explains) continue;
        // The cell that should hold the larger value is named: the value that was misplaced.
        const [target, source] = valueA > valueB ? [b, a] : [a, b];
        suggestions.push({
          cell: reference(tableKey, cells, target),
          value: String(values[source]),
          current: String(values[target]),
          kind: 'column',
          from: reference(tableKey, cells, source),
        });
      }
    }
  }

  const [only, ...others] = suggestions;
  if (only && others.length === 0) return { kind: 'located', suggestion: only };
  if (only) return { kind: 'ambiguous', explanations: suggestions.length };
  // Failing lines with no cell in common are separate faults, each already placed by its own line
  // (two rows of table 四): only failures that look like one fault are said to be unexplained.
  const shared = [...candidates].some((index) => failing.every((line) => line.lhs.includes(index) || line.rhs.includes(index)));
  return shared ? { kind: 'unexplained' } : undefined;
}
