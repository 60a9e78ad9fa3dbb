import { SECTIONS, TABLES, TABLE_DEFINITIONS, TEMPLATE_2021 } from '../catalog/index.js';
import type { ColumnDefinition, RowDefinition, RowGroupDefinition, TableKey } from '../catalog/index.js';
import type { Locale } from './diagnostic.js';

// The rows of every format's definition of the table, the current format's first (its label wins for a shared key).
const rowsOf = (table: TableKey): readonly RowDefinition[] => TABLE_DEFINITIONS[table].flatMap((definition) => definition.rows);

/** The catalog's label of a table, in the given locale. */
export function tableLabel(table: TableKey, locale: Locale): string {
  const definition = TABLES[table];
  return locale === 'en' ? `Table ${definition.ordinal} (${definition.titleEn})` : `表${definition.ordinal}（${definition.title}）`;
}

// Rows and columns are looked up per cell on the hot path, so each table's are indexed once
// (the first definition of a column key wins, as the catalog lists it).
const rowIndex = new Map<TableKey, ReadonlyMap<string, RowDefinition>>();
const columnIndex = new Map<TableKey, ReadonlyMap<string, ColumnDefinition>>();

/** The catalog's definition of a row, or undefined for an unknown key. */
export function findRow(table: TableKey, row: string): RowDefinition | undefined {
  let index = rowIndex.get(table);
  if (!index) {
    index = new Map(rowsOf(table).map((definition) => [definition.key, definition] as const).reverse());
    rowIndex.set(table, index);
  }
  return index.get(row);
}

// Labels are rendered for every cell a diagnostic relates: each row's is composed once per locale.
const rowLabels = new Map<RowDefinition, Partial<Record<Locale, string>>>();

/** The catalog's label of a row, with its group and ordinal mark (e.g. `（三）不予公开 1.属于国家秘密`). */
export function rowLabel(table: TableKey, row: string, locale: Locale): string {
  const definition = findRow(table, row);
  if (!definition) return row;
  let labels = rowLabels.get(definition);
  if (!labels) {
    labels = {};
    rowLabels.set(definition, labels);
  }
  return (labels[locale] ??= composeRowLabel(table, definition, locale));
}

function composeRowLabel(table: TableKey, definition: RowDefinition, locale: Locale): string {
  const groups: readonly RowGroupDefinition[] = TABLE_DEFINITIONS[table].flatMap((table) => table.groups);
  const group = definition.group ? groups.find((candidate) => candidate.key === definition.group) : undefined;
  if (locale === 'en') {
    return group?.qualifiesRows ? `${group.labelEn}: ${definition.labelEn}` : definition.labelEn;
  }
  const own = `${definition.marker}${definition.label}`;
  return group?.qualifiesRows ? `${group.marker}${group.label} ${own}` : own;
}

/** The catalog's label of a column of a table. */
export function columnLabel(table: TableKey, column: string, locale: Locale): string {
  let index = columnIndex.get(table);
  if (!index) {
    index = new Map(rowsOf(table).flatMap((row) => row.columns.map((definition) => [definition.key, definition] as const)).reverse());
    columnIndex.set(table, index);
  }
  const definition = index.get(column);
  if (!definition) return column;
  return locale === 'en' ? definition.labelEn : definition.label;
}

/** The catalog's heading of a section. */
export function sectionLabel(section: string, locale: Locale): string {
  const definition = SECTIONS.find((candidate) => candidate.key === section);
  if (!definition) return section;
  return locale === 'en' ? `Section ${definition.ordinal} (${definition.headingEn})` : `${definition.ordinal}、${definition.heading}`;
}

/** What an arithmetic relation of the catalog says (e.g. C1's 勾稽关系), by relation key. */
export function relationLabel(relation: string, locale: Locale): string {
  return TEMPLATE_2021.relations.find((candidate) => candidate.key === relation)?.description[locale] ?? relation;
}
