import type { SumRelation, TableKey } from '../../catalog/index.js';
import type { Localized, MessageArgs, Suggestion } from '../../diagnostics/index.js';
import type { AnnualReport, AnyTable, Cell } from '../../model/index.js';
import type { ProblemRelated, RuleContext } from '../rule.js';
import { cellAt, cellSpan, cellText, tableOf } from './cells.js';
import { locateFault } from './locate.js';
import { unreachedRowOf } from './reach.js';
import { runMemoOf } from './run.js';
import type { FaultVerdict } from './locate.js';

const CELL_IN_SUM: Localized = { 'zh-CN': '{row} · {column}', en: '{row} · {column}' };

/**
 * The message ids a sum rule provides: `mismatch` (the sums differ), `incomplete` (cells it could not
 * read), and, when the table breaks several relations, the mismatch with what locating the fault gave:
 * `mismatch-suggested` (one cell explains every failure), `mismatch-swapped` (two cells of a row hold
 * each other's values), `mismatch-ambiguous` (several single changes would each explain them),
 * `mismatch-unexplained` (no single change does).
 */
const SUM_MESSAGE_IDS = {
  mismatch: 'mismatch',
  incomplete: 'incomplete',
  suggested: 'mismatch-suggested',
  swapped: 'mismatch-swapped',
  ambiguous: 'mismatch-ambiguous',
  unexplained: 'mismatch-unexplained',
} as const;

const SUGGESTED: Localized = {
  'zh-CN': '若“{otherRow}”·“{otherColumn}”为 {suggested}（现为 {current}），则所有勾稽关系成立。',
  en: 'If "{otherRow}" · "{otherColumn}" were {suggested} (it is {current}), every relation of the table would hold.',
};
const SWAPPED: Localized = {
  'zh-CN': '若“{otherRow}”行“{otherColumn}”与“{fromColumn}”两格数值互换（{suggested} 应在“{otherColumn}”），则所有勾稽关系成立。',
  en: 'If the values of "{otherColumn}" and "{fromColumn}" in "{otherRow}" were swapped ({suggested} belongs in "{otherColumn}"), every relation of the table would hold.',
};
const AMBIGUOUS: Localized = {
  'zh-CN': '有 {explanations} 种单个单元格的改动都能使本表所有勾稽关系成立，无法确定是哪个单元格有误。',
  en: '{explanations} different single-cell changes would each make every relation of the table hold: the faulty cell cannot be located.',
};
const UNEXPLAINED: Localized = {
  'zh-CN': '没有任何单个单元格的改动能使本表所有勾稽关系成立，无法确定是哪个单元格有误。',
  en: 'No single-cell change makes every relation of the table hold: the faulty cell cannot be located.',
};

const joined = (first: Localized, second: Localized): Localized => ({ 'zh-CN': `${first['zh-CN']}${second['zh-CN']}`, en: `${first.en} ${second.en}` });

/**
 * A sum rule's messages: its `mismatch` template, the same followed by what locating the fault gave
 * (see {@link locateFault}), and the shared `incomplete`.
 */
export function sumMessages(mismatch: Localized): Readonly<Record<string, Localized>> {
  return {
    [SUM_MESSAGE_IDS.mismatch]: mismatch,
    [SUM_MESSAGE_IDS.suggested]: joined(mismatch, SUGGESTED),
    [SUM_MESSAGE_IDS.swapped]: joined(mismatch, SWAPPED),
    [SUM_MESSAGE_IDS.ambiguous]: joined(mismatch, AMBIGUOUS),
    [SUM_MESSAGE_IDS.unexplained]: joined(mismatch, UNEXPLAINED),
    [SUM_MESSAGE_IDS.incomplete]: SUM_INCOMPLETE_MESSAGE,
  };
}

/** The message id and extra arguments a mismatch gets from the verdict on its table. */
function verdictMessage(verdict: FaultVerdict | undefined): { messageId: string; args: MessageArgs; suggestion?: Suggestion } {
  if (!verdict) return { messageId: SUM_MESSAGE_IDS.mismatch, args: {} };
  if (verdict.kind === 'ambiguous') return { messageId: SUM_MESSAGE_IDS.ambiguous, args: { explanations: verdict.explanations } };
  if (verdict.kind === 'unexplained') return { messageId: SUM_MESSAGE_IDS.unexplained, args: {} };
  const { suggestion } = verdict;
  const args: Record<string, string> = {
    otherRow: suggestion.cell.row,
    otherColumn: suggestion.cell.column,
    suggested: suggestion.value,
    current: suggestion.current ?? '',
  };
  if (suggestion.kind === 'column' && suggestion.from) {
    args.fromColumn = suggestion.from.column;
    return { messageId: SUM_MESSAGE_IDS.swapped, args, suggestion };
  }
  return { messageId: SUM_MESSAGE_IDS.suggested, args, suggestion };
}

/**
 * The `incomplete` message every sum rule lists in its metadata: how many cells of the table kept
 * the relation from being checked, and the first of them. Shared because what goes unchecked is
 * said the same way whichever relation it is.
 */
export const SUM_INCOMPLETE_MESSAGE: Localized = {
  'zh-CN': '{table}有 {count} 个单元格为空、缺失或无效（首个：“{row}”·“{column}”），涉及这些单元格的“{relation}”无法核对。',
  en: '{table}: blank, missing or invalid cells: {count} (first: "{row}" · "{column}"); "{relation}" cannot be checked where they occur.',
};

/**
 * The `mismatch` message of the case-outcome totals of table 四 (administrative review and each
 * litigation group): the row's total against the sum of its results.
 */
export const CASE_TOTAL_MISMATCH_MESSAGE: Localized = {
  'zh-CN': '{table}“{row}”：“{column}”为 {actual}，但各项结果之和为 {expected}（{relation}）。',
  en: '{table}, "{row}": "{column}" is {actual}, but the results add up to {expected} ({relation}).',
};

/** A cell's row and column keys. */
export interface CellAddress {
  /** Row key. */
  readonly row: string;
  /** Column key. */
  readonly column: string;
}

/** A cell as a related location of a sum diagnostic: its labels, its value as text, its span. */
export function relatedCell(table: AnyTable, tableKey: TableKey, { row, column }: CellAddress): ProblemRelated {
  const cell = cellAt(table, row, column);
  const value = cellText(cell);
  // One per addend of every mismatched sum: optional properties are assigned, not spread from
  // temporary literals.
  const related: { -readonly [Key in keyof ProblemRelated]: ProblemRelated[Key] } = { message: CELL_IN_SUM, args: { row, column }, table: tableKey, row, column };
  if (value !== undefined) related.value = value;
  if (cell?.span) related.span = cell.span;
  return related;
}

// Message arguments stay numbers, as other rules give them, unless a sum is too large for one.
const asArg = (value: number | bigint): number | string => (typeof value === 'number' ? value : String(value));

/** The cell a key of a relation names on one line: a row of a column, or a column of a row. */
function addressOf(relation: SumRelation, line: string, key: string): CellAddress {
  return relation.across === 'rows' ? { row: key, column: line } : { row: line, column: key };
}

/** The count a cell holds, when it can be added exactly (a whole, safe number); otherwise undefined. */
function countOf(cell: Cell | undefined): number | undefined {
  return cell?.kind === 'count' && Number.isSafeInteger(cell.value) ? cell.value : undefined;
}

/** A row's cells by column key. */
type RowCells = Partial<Record<string, Cell>> | undefined;

/**
 * The sum of one side of a relation on one line, exact: while the total stays a safe integer so does
 * every partial sum; a larger total (a bigint, so never equal to a number) is added up again without
 * rounding. Undefined when a cell cannot be added — a count that is no whole number (only a report
 * built in code can hold one) cannot be added exactly either; the cells are listed in `unreadable`.
 * Across rows, `keyCells` holds the cells of each row of `keys`, looked up once for every column.
 */
function sideSum(
  table: AnyTable,
  relation: SumRelation,
  line: string,
  keys: readonly string[],
  unreadable: CellAddress[],
  keyCells: readonly RowCells[],
): number | bigint | undefined {
  const acrossRows = relation.across === 'rows';
  // Along a row its cells are looked up once; down a column, each row's cells come from `keyCells`.
  const rowCells: RowCells = acrossRows ? undefined : (table.rows[line]?.cells as RowCells);
  let total: number | undefined = 0;
  for (let index = 0; index < keys.length; index++) {
    const count = countAt(acrossRows, keyCells, rowCells, keys, line, index);
    if (count === undefined) {
      unreadable.push(addressOf(relation, line, keys[index] as string));
      total = undefined;
    } else if (total !== undefined) total += count;
  }
  if (total === undefined || Number.isSafeInteger(total)) return total;
  let exact = 0n;
  for (let index = 0; index < keys.length; index++) exact += BigInt(countAt(acrossRows, keyCells, rowCells, keys, line, index) ?? 0);
  return exact;
}

/**
 * The count of the `index`-th cell of one side of a relation on one line (see {@link sideSum}). A
 * function of its own rather than a closure in `sideSum`: that is called for every line of every
 * relation, and each closure was an allocation (~50 KB per round of the four ratio seeds).
 */
function countAt(acrossRows: boolean, keyCells: readonly RowCells[], rowCells: RowCells, keys: readonly string[], line: string, index: number): number | undefined {
  return acrossRows ? countOf(keyCells[index]?.[line]) : countOf(rowCells?.[keys[index] as string]);
}

/** The cells of each row of `keys` (across rows: the same for every column a relation is checked in). */
const cellsOfRows = (table: AnyTable, relation: SumRelation, keys: readonly string[]): readonly RowCells[] =>
  relation.across === 'rows' ? keys.map((key) => table.rows[key]?.cells as RowCells) : [];

/**
 * The rows added up, with a group the report printed as one row (its own key, none of its rows
 * present: the 2019 （六）其他处理 in a 2021 table) added as that row instead of its rows.
 */
function withGroupRows(table: AnyTable, keys: readonly string[]): readonly string[] {
  let result: string[] | undefined;
  for (const key of keys) {
    // Asked of every row a relation adds, on every line: a row the table has is passed over before
    // its group's key is cut out of it (a string made for each, for nothing, in most reports).
    if (table.rows[key] != null) continue;
    const dot = key.indexOf('.');
    const group = dot > 0 ? key.slice(0, dot) : undefined;
    if (group === undefined || table.rows[group] == null) continue;
    if (keys.some((other) => other.startsWith(`${group}.`) && table.rows[other] != null)) continue;
    result ??= [...keys];
    const at = result.indexOf(key);
    if (result.includes(group)) result.splice(at, 1);
    else result.splice(at, 1, group);
  }
  return result ?? keys;
}

// Every relation of a table locates the same fault (the table's, from all its relations): in a
// run of the engine it is located once per table, not once by each sum rule that finds a mismatch
// in it (three rules share table 三).
function faultOf(report: AnnualReport, table: AnyTable, tableKey: TableKey, template: RuleContext['template']): FaultVerdict | undefined {
  const memo = runMemoOf(report, template);
  if (memo?.verdicts.has(tableKey)) return memo.verdicts.get(tableKey);
  const verdict = locateFault(table, tableKey, template, (keys) => withGroupRows(table, keys));
  memo?.verdicts.set(tableKey, verdict);
  return verdict;
}

/**
 * Checks one sum relation of the catalog in every row or column it applies to. A line whose cells
 * are blank, invalid or absent is not judged: the rule says once, as `info`, which cells kept it from
 * checking, rather than report a false imbalance.
 */
function checkSumRelation(report: AnnualReport, relation: SumRelation, context: RuleContext): void {
  const table = tableOf(report, relation.table);
  const definition = context.template.tables[relation.table];
  if (!table || !definition) return;
  const lines =
    relation.across === 'rows'
      ? (relation.over ?? definition.rows[0]?.columns.map((column) => column.key) ?? [])
      : withGroupRows(table, relation.over ?? definition.rows.map((row) => row.key));
  const unreadable: CellAddress[] = [];
  // Of a truncated text, a line that runs past the cut is not checked because of the cut, which is
  // reported once: its cells are not counted as blank or missing.
  const unreached = unreachedRowOf(report, context.template);
  const rhs = relation.across === 'rows' ? withGroupRows(table, relation.rhs) : relation.rhs;
  const summed = rhs === relation.rhs ? relation : { ...relation, rhs };
  // Located once per relation, and only when it has a mismatch: a balanced table pays nothing.
  let verdict: FaultVerdict | undefined | null = null;
  const lhsCells = cellsOfRows(table, relation, relation.lhs);
  const rhsCells = cellsOfRows(table, summed, summed.rhs);
  for (const line of lines) {
    // Sums on the hot path: no arrays unless a cell cannot be read or the sums differ.
    const before = unreadable.length;
    const actual = sideSum(table, relation, line, relation.lhs, unreadable, lhsCells);
    const expected = sideSum(table, summed, line, summed.rhs, unreadable, rhsCells);
    if (unreadable.length > before && unreadable.slice(before).some((cell) => unreached(relation.table, cell.row))) unreadable.length = before;
    if (actual === undefined || expected === undefined || actual === expected) continue;
    const main = addressOf(relation, line, relation.lhs[0] ?? line);
    const related = [...relation.lhs, ...summed.rhs].map((key) => relatedCell(table, relation.table, addressOf(relation, line, key)));
    const span = cellSpan(table, main.row, main.column);
    if (verdict === null) verdict = faultOf(report, table, relation.table, context.template);
    const located = verdictMessage(verdict);
    context.report({
      messageId: located.messageId,
      args: { relation: relation.key, row: main.row, column: main.column, actual: asArg(actual), expected: asArg(expected), ...located.args },
      ...(located.suggestion ? { suggestion: located.suggestion } : {}),
      table: relation.table,
      row: main.row,
      column: main.column,
      expected: String(expected),
      actual: String(actual),
      ...(span ? { span } : {}),
      related,
    });
  }
  if (unreadable.length > 0) {
    const first = unreadable[0] as CellAddress;
    const span = cellSpan(table, first.row, first.column);
    context.report({
      messageId: SUM_MESSAGE_IDS.incomplete,
      severity: 'info',
      args: { relation: relation.key, count: unreadable.length, row: first.row, column: first.column },
      table: relation.table,
      ...(span ? { span } : {}),
      related: unreadable.map((cell) => relatedCell(table, relation.table, cell)),
    });
  }
}

/** Checks every relation of the report's template with the given key (none when the template lacks it). */
export function checkRelation(report: AnnualReport, key: SumRelation['key'], context: RuleContext): void {
  for (const relation of context.template.relations) {
    if (relation.key === key) checkSumRelation(report, relation, context);
  }
}
