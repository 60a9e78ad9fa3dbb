/**
 * Views derived from the catalog that several readers need, each built once here.
 *
 * @packageDocumentation
 */
import { SECTIONS } from './sections.js';
import type { SectionKey } from './sections.js';
import { TABLES } from './tables.js';
import type { TableDefinition, TableKey } from './tables.js';
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
