/**
 * Views derived from the catalog that several readers need, each built once here.
 *
 * @packageDocumentation
 */
import { SECTIONS } from './sections.js';
import type { SectionKey } from './sections.js';
import { TABLE_DEFINITIONS, TABLE_KEYS, TABLES } from './tables.js';
import type { ColumnDefinition, RowDefinition, RowGroupDefinition, TableDefinition, TableKey } from './tables.js';
import { FORMAT_VERSIONS, TEMPLATES } from './templates.js';
import type { FormatVersion, Template } from './templates.js';

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

// ── Labels, as each format prints them ─────────────────────────────────────────────────────

/** A label in the two languages messages are rendered in (the shape of a diagnostic's `Localized`). */
export interface LabelText {
  /** Simplified Chinese, as the template prints it. */
  readonly 'zh-CN': string;
  /** English. */
  readonly en: string;
}

/** A column of a table, labelled as one format prints it. */
export interface ColumnLabels {
  /** The column's definition in that format. */
  readonly definition: ColumnDefinition;
  /** Its label (`本年新制作数量`, `Newly made this year`). */
  readonly label: LabelText;
}

/** A row of a table, labelled as one format prints it. */
export interface RowLabels {
  /** The row's definition in that format. */
  readonly definition: RowDefinition;
  /** The group heading it sits under in that format, if any. */
  readonly group?: RowGroupDefinition;
  /**
   * Its whole label: ordinal mark and label, after its group's when the group is needed to understand
   * it — `（三）不予公开 1.属于国家秘密`, `Not disclosed: State secret`; `规范性文件` in the 2019 table 二.
   */
  readonly label: LabelText;
  /** Compactly: the group's mark only — `（三）1.属于国家秘密`; in English the row's own label, `State secret`. */
  readonly short: LabelText;
  /** Without ordinal marks, the group's words before the row's — `不予公开 属于国家秘密`, `Not disclosed State secret`. */
  readonly plain: LabelText;
}

/** A table's labels in one format: its own, and its rows' and columns' by key. */
export interface TableLabels {
  /** The table with its title: `表三（收到和处理政府信息公开申请情况）`, `Table 三 (Applications received and handled)`. */
  readonly label: LabelText;
  /** The table by its ordinal: `表三`, `Table 三`. */
  readonly short: LabelText;
  /**
   * Its rows by key: the format's own, then those only another format has (current first), so that
   * a key a report of this format still holds — a 2021 report that keeps the flat （六） row — is named.
   */
  readonly rows: ReadonlyMap<string, RowLabels>;
  /** Its columns by key, the format's own first in the same way. */
  readonly columns: ReadonlyMap<string, ColumnLabels>;
}

const text = (zh: string, en: string): LabelText => ({ 'zh-CN': zh, en });

function rowLabels(definition: RowDefinition, groups: readonly RowGroupDefinition[]): RowLabels {
  const group = definition.group !== undefined ? groups.find((candidate) => candidate.key === definition.group) : undefined;
  const own = `${definition.marker}${definition.label}`;
  const qualified = group?.qualifiesRows === true;
  return {
    definition,
    ...(group ? { group } : {}),
    label: qualified ? text(`${group.marker}${group.label} ${own}`, `${group.labelEn}: ${definition.labelEn}`) : text(own, definition.labelEn),
    short: text(qualified ? `${group.marker}${own}` : own, definition.labelEn),
    plain: qualified ? text(`${group.label} ${definition.label}`, `${group.labelEn} ${definition.labelEn}`) : text(definition.label, definition.labelEn),
  };
}

function tableLabels(table: TableKey, template: Template): TableLabels {
  // The format's own definition first: its wording wins for a key every format has.
  const own = template.tables[table];
  const definitions = own ? [own, ...TABLE_DEFINITIONS[table].filter((definition) => definition !== own)] : TABLE_DEFINITIONS[table];
  const rows = new Map<string, RowLabels>();
  const columns = new Map<string, ColumnLabels>();
  for (const definition of definitions) {
    for (const row of definition.rows) {
      if (!rows.has(row.key)) rows.set(row.key, rowLabels(row, definition.groups));
      for (const column of row.columns) if (!columns.has(column.key)) columns.set(column.key, { definition: column, label: text(column.label, column.labelEn) });
    }
  }
  const { ordinal, title, titleEn } = own ?? TABLES[table];
  return { label: text(`表${ordinal}（${title}）`, `Table ${ordinal} (${titleEn})`), short: text(`表${ordinal}`, `Table ${ordinal}`), rows, columns };
}

/**
 * The labels of every table as each format prints them, by format: what messages, cell references
 * and every output name a report's rows and columns by, in the wording of the format the report was
 * read in (the 2019 table 二's `规范性文件` and `处理决定数量`, not the 2021 `行政规范性文件` and
 * `本年处理决定数量`). Built once from the tables; formats that share a template share its labels,
 * and the pre-2019 format, which has no tables, names keys as the current format does.
 */
export const FORMAT_LABELS: Readonly<Record<FormatVersion, Readonly<Record<TableKey, TableLabels>>>> = (() => {
  // Without a prototype, a key that is no format or table (`constructor`) finds nothing.
  const byTemplate = new Map<Template, Record<TableKey, TableLabels>>();
  const labels = Object.create(null) as Record<FormatVersion, Record<TableKey, TableLabels>>;
  for (const version of FORMAT_VERSIONS) {
    const template = TEMPLATES[version];
    let tables = byTemplate.get(template);
    if (!tables) {
      tables = Object.create(null) as Record<TableKey, TableLabels>;
      for (const table of TABLE_KEYS) tables[table] = tableLabels(table, template);
      byTemplate.set(template, Object.freeze(tables));
    }
    labels[version] = tables;
  }
  return Object.freeze(labels);
})();
