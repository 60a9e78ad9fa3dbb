import { FORMAT_LABELS, SECTIONS, TEMPLATES } from '../catalog/index.js';
import type { FormatVersion, RowDefinition, TableKey, TableLabels, Template } from '../catalog/index.js';
import type { Locale } from './diagnostic.js';

// Every lookup here reads the catalog's label view (FORMAT_LABELS), built once: no label is composed
// or written twice. The format defaults to the current one for callers that name none; a format or
// table key the catalog lacks (a caller's own arguments) gives the key back, never throws.

// The view keyed by maps, once: labels are looked up for every cell a diagnostic relates, and a map
// finds nothing for a key that is no format or table.
const BY_FORMAT: ReadonlyMap<string, ReadonlyMap<string, TableLabels>> = new Map(
  Object.entries(FORMAT_LABELS).map(([format, tables]) => [format, new Map(Object.entries(tables))] as const),
);
const CURRENT = BY_FORMAT.get('2021') as ReadonlyMap<string, TableLabels>;

/**
 * A table's labels as the given format prints them (the catalog's {@link FORMAT_LABELS} view), or
 * undefined for a key the catalog lacks.
 */
export function tableLabelsIn(table: TableKey, format: FormatVersion = '2021'): TableLabels | undefined {
  return (BY_FORMAT.get(format) ?? CURRENT).get(table);
}

/**
 * The catalog's label of a table, in the given locale (`表三（收到和处理政府信息公开申请情况）`), as the
 * given format prints it.
 */
export function tableLabel(table: TableKey, locale: Locale, format: FormatVersion = '2021'): string {
  return tableLabelsIn(table, format)?.label[locale] ?? table;
}

/**
 * The catalog's definition of a row in the given format (or, for a key only another format has, in
 * that one), or undefined for an unknown key.
 */
export function findRow(table: TableKey, row: string, format: FormatVersion = '2021'): RowDefinition | undefined {
  return tableLabelsIn(table, format)?.rows.get(row)?.definition;
}

/**
 * The catalog's label of a row, with its group and ordinal mark (e.g. `（三）不予公开 1.属于国家秘密`),
 * in the wording of the given format (`规范性文件` in the 2019 table 二); the key itself when unknown.
 */
export function rowLabel(table: TableKey, row: string, locale: Locale, format: FormatVersion = '2021'): string {
  return tableLabelsIn(table, format)?.rows.get(row)?.label[locale] ?? row;
}

/** The catalog's label of a column of a table, in the wording of the given format; the key itself when unknown. */
export function columnLabel(table: TableKey, column: string, locale: Locale, format: FormatVersion = '2021'): string {
  return tableLabelsIn(table, format)?.columns.get(column)?.label[locale] ?? column;
}

/** The catalog's heading of a section. */
export function sectionLabel(section: string, locale: Locale): string {
  const definition = SECTIONS.find((candidate) => candidate.key === section);
  if (!definition) return section;
  return locale === 'en' ? `Section ${definition.ordinal} (${definition.headingEn})` : `${definition.ordinal}、${definition.heading}`;
}

/** What an arithmetic relation of the given format says (e.g. C1's 勾稽关系), by relation key. */
export function relationLabel(relation: string, locale: Locale, format: FormatVersion = '2021'): string {
  // The pre-2019 format has no relations: a key is then said as the current format says it.
  const find = (template: Template) => template.relations.find((candidate) => candidate.key === relation);
  const found = (Object.hasOwn(TEMPLATES, format) ? find(TEMPLATES[format]) : undefined) ?? find(TEMPLATES['2021']);
  return found?.description[locale] ?? relation;
}
