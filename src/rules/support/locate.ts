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

/** One line of one relation: the cells added on each side. */
interface Line {
  readonly lhs: readonly string[];
  readonly rhs: readonly string[];
}

// Cells are named `row\u0000column` inside this module: row keys contain dots, never NUL.
const SEPARATOR = '\u0000';
const cellId = (row: string, column: string): string => `${row}${SEPARATOR}${column}`;
const splitId = (id: string): { row: string; column: string } => {
  const at = id.indexOf(SEPARATOR);
  return { row: id.slice(0, at), column: id.slice(at + 1) };
};

/** The rows a relation adds up, as the sum rules add them (a group printed as one row in place of its rows). */
export type RowsAdded = (keys: readonly string[]) => readonly string[];

const asListed: RowsAdded = (keys) => keys;

/** Every line of the table's relations, each cell named by its id: the lines the sum rules check. */
function linesOf(tableKey: TableKey, template: Template, rowsAdded: RowsAdded): Line[] {
  const lines: Line[] = [];
  const definition = template.tables[tableKey];
  if (!definition) return lines;
  for (const relation of template.relations) {
    if (relation.table !== tableKey) continue;
    const over =
      relation.across === 'rows'
        ? (relation.over ?? definition.rows[0]?.columns.map((column) => column.key) ?? [])
        : rowsAdded(relation.over ?? definition.rows.map((row) => row.key));
    const rhs = relation.across === 'rows' ? rowsAdded(relation.rhs) : relation.rhs;
    for (const line of over) {
      const id = (key: string): string => (relation.across === 'rows' ? cellId(key, line) : cellId(line, key));
      lines.push({ lhs: relation.lhs.map(id), rhs: rhs.map(id) });
    }
  }
  return lines;
}

/** The counts of the table by cell id; cells that are not safe whole counts are absent. */
function countsOf(table: AnyTable): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [row, entry] of Object.entries(table.rows)) {
    for (const [column, cell] of Object.entries(entry?.cells ?? {})) {
      if (cell?.kind === 'count' && Number.isSafeInteger(cell.value)) counts.set(cellId(row, column), cell.value);
    }
  }
  return counts;
}

/** lhs − rhs of a line, or undefined when one of its cells is not a count (the line is not judged). */
function difference(line: Line, value: (id: string) => number | undefined): number | undefined {
  let total = 0;
  for (const id of line.lhs) {
    const count = value(id);
    if (count === undefined) return undefined;
    total += count;
  }
  for (const id of line.rhs) {
    const count = value(id);
    if (count === undefined) return undefined;
    total -= count;
  }
  return total;
}

const balances = (lines: readonly Line[], value: (id: string) => number | undefined): boolean =>
  lines.every((line) => {
    const diff = difference(line, value);
    return diff === undefined || diff === 0;
  });

/** Whether `after` is `before` with two adjacent digits swapped ("61" for "16"). */
function isTransposition(before: string, after: string): boolean {
  if (before.length !== after.length || before === after) return false;
  const differing: number[] = [];
  for (let index = 0; index < before.length; index++) if (before[index] !== after[index]) differing.push(index);
  const [first, second] = differing;
  return differing.length === 2 && first !== undefined && second === first + 1 && before[first] === after[second] && before[second] === after[first];
}

const reference = (tableKey: TableKey, id: string): CellReference => ({ table: tableKey, ...splitId(id) });

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
  const lines = linesOf(tableKey, template, rowsAdded);
  const counts = countsOf(table);
  const current = (id: string): number | undefined => counts.get(id);
  const failing = lines.filter((line) => {
    const diff = difference(line, current);
    return diff !== undefined && diff !== 0;
  });
  if (failing.length < 2) return undefined;
  const suggestions: Suggestion[] = [];

  // One cell changed: it must be in every failing line, and each fixes its value the same way.
  const [firstFailing] = failing as [Line, ...Line[]];
  const candidates = new Set([...firstFailing.lhs, ...firstFailing.rhs]);
  for (const id of candidates) {
    const present = counts.get(id);
    if (present === undefined) continue;
    const weight = (line: Line): number => line.lhs.filter((other) => other === id).length - line.rhs.filter((other) => other === id).length;
    const firstWeight = weight(firstFailing);
    const firstDiff = difference(firstFailing, current) as number;
    if (firstWeight === 0 || firstDiff % firstWeight !== 0) continue;
    const value = present - firstDiff / firstWeight;
    if (value < 0 || !Number.isSafeInteger(value)) continue;
    const changed = (other: string): number | undefined => (other === id ? value : counts.get(other));
    if (!balances(lines, changed)) continue;
    const before = String(present);
    const after = String(value);
    suggestions.push({ cell: reference(tableKey, id), value: after, current: before, kind: isTransposition(before, after) ? 'transposition' : 'value' });
  }

  // Two cells of one row swapped, one of them in a failing line.
  const inFailing = new Set(failing.flatMap((line) => [...line.lhs, ...line.rhs]));
  const byRow = new Map<string, string[]>();
  for (const id of counts.keys()) {
    const { row } = splitId(id);
    const ids = byRow.get(row) ?? [];
    ids.push(id);
    byRow.set(row, ids);
  }
  for (const ids of byRow.values()) {
    for (let first = 0; first < ids.length; first++) {
      for (let second = first + 1; second < ids.length; second++) {
        const a = ids[first] as string;
        const b = ids[second] as string;
        const valueA = counts.get(a) as number;
        const valueB = counts.get(b) as number;
        if (valueA === valueB || (!inFailing.has(a) && !inFailing.has(b))) continue;
        const swapped = (other: string): number | undefined => (other === a ? valueB : other === b ? valueA : counts.get(other));
        if (!balances(lines, swapped)) continue;
        // The cell that should hold the larger value is named: the value that was misplaced.
        const [target, source] = valueA > valueB ? [b, a] : [a, b];
        suggestions.push({
          cell: reference(tableKey, target),
          value: String(counts.get(source)),
          current: String(counts.get(target)),
          kind: 'column',
          from: reference(tableKey, source),
        });
      }
    }
  }

  const [only, ...others] = suggestions;
  if (only && others.length === 0) return { kind: 'located', suggestion: only };
  if (only) return { kind: 'ambiguous', explanations: suggestions.length };
  // Failing lines with no cell in common are separate faults, each already placed by its own line
  // (two rows of table 四): only failures that look like one fault are said to be unexplained.
  const shared = [...candidates].some((id) => failing.every((line) => line.lhs.includes(id) || line.rhs.includes(id)));
  return shared ? { kind: 'unexplained' } : undefined;
}
