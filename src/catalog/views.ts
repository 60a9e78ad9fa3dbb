/**
 * Views derived from the catalog that several readers need, each built once here.
 *
 * @packageDocumentation
 */
import { SECTIONS } from './sections.js';
import type { SectionKey } from './sections.js';
import { APPLICATIONS_TABLE_2019, TABLES } from './tables.js';
import type { ColumnDefinition, RowDefinition, TableDefinition, TableKey } from './tables.js';
import { TEMPLATES } from './templates.js';

/**
 * The groups that some template prints as one row of the same table — （六）其他处理 is three rows
 * in the 2021 table 三 and one in the 2019 one — by table. A 2021 report that keeps the one row is
 * read with it.
 */
export const GROUP_ROW_KEYS: Readonly<Partial<Record<TableKey, ReadonlySet<string>>>> = (() => {
  const groups: Partial<Record<TableKey, Set<string>>> = {};
  const rows: Partial<Record<TableKey, Set<string>>> = {};
  for (const template of Object.values(TEMPLATES)) {
    for (const [tableKey, definition] of Object.entries(template.tables) as [TableKey, TableDefinition][]) {
      for (const group of definition.groups) (groups[tableKey] ??= new Set()).add(group.key);
      for (const row of definition.rows) (rows[tableKey] ??= new Set()).add(row.key);
    }
  }
  const keys: Partial<Record<TableKey, Set<string>>> = {};
  for (const [tableKey, groupKeys] of Object.entries(groups) as [TableKey, Set<string>][]) {
    keys[tableKey] = new Set([...groupKeys].filter((key) => rows[tableKey]?.has(key)));
  }
  return keys;
})();

/** The section each table belongs to in the template: the one numbered with the table's ordinal (二, 三, 四). */
export const TABLE_SECTIONS: Readonly<Record<TableKey, SectionKey>> = (() => {
  const sections: Partial<Record<TableKey, SectionKey>> = {};
  for (const [tableKey, definition] of Object.entries(TABLES) as [TableKey, TableDefinition][]) {
    const section = SECTIONS.find((candidate) => candidate.ordinal === definition.ordinal);
    if (section) sections[tableKey] = section.key;
  }
  return sections as Record<TableKey, SectionKey>;
})();

// Every row a table has in some format: table 三's are the 2021 rows, then the 2019 template's own.
const rowsOf = (table: TableKey): readonly RowDefinition[] =>
  table === 'applications' ? [...TABLES.applications.rows, ...APPLICATIONS_TABLE_2019.rows] : TABLES[table].rows;

// Rows and columns are looked up per cell on the hot path (labels of diagnostics), so each table's
// are indexed once, on first use.
const rowIndex = new Map<TableKey, ReadonlyMap<string, RowDefinition>>();
const columnIndex = new Map<TableKey, ReadonlyMap<string, ColumnDefinition>>();

/** The catalog's definition of a row of a table in any format, or undefined for an unknown key. */
export function rowDefinition(table: TableKey, row: string): RowDefinition | undefined {
  let index = rowIndex.get(table);
  if (!index) {
    // A row both formats have is defined alike in each (the later, 2019 one, is kept).
    index = new Map(rowsOf(table).map((definition) => [definition.key, definition] as const));
    rowIndex.set(table, index);
  }
  return index.get(row);
}

/** The catalog's definition of a column of a table (its first, as the catalog lists it), or undefined for an unknown key. */
export function columnDefinition(table: TableKey, column: string): ColumnDefinition | undefined {
  let index = columnIndex.get(table);
  if (!index) {
    index = new Map(
      rowsOf(table)
        .flatMap((row) => row.columns.map((definition) => [definition.key, definition] as const))
        .reverse(),
    );
    columnIndex.set(table, index);
  }
  return index.get(column);
}

let wordings: readonly string[] | undefined;

/**
 * Every wording the template itself prints, as the catalog writes it: the section headings and
 * their variants, and each table's title, group labels, row labels and column labels with their
 * aliases. The same in every report of every year.
 */
export function templateWordings(): readonly string[] {
  wordings ??= [
    ...SECTIONS.flatMap((section) => [section.heading, ...section.variants]),
    ...Object.values(TABLES as Readonly<Record<string, TableDefinition>>).flatMap((table) => [
      table.title,
      ...table.groups.map((group) => group.label),
      ...table.rows.flatMap((row) => [row.label, ...(row.aliases ?? []), ...row.columns.flatMap((column) => [column.label, ...(column.aliases ?? [])])]),
    ]),
  ];
  return wordings;
}
