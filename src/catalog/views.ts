/**
 * Views derived from the catalog that several readers need, each built once here.
 *
 * @packageDocumentation
 */
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
