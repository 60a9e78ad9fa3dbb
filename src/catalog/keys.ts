/**
 * The catalog's labels folded into match keys — the views of the template that readers match a
 * report's text against: each table's row, group and column patterns, the section headings' wordings,
 * the table labels that are no section heading, and the wordings that tell the formats apart.
 * Each is derived here once, lazily on first use, through the same folding as report text
 * ({@link matchKey}); no reader compiles its own copy.
 *
 * Kept out of the catalog's index: it depends on the reader's normalization, which the catalog's
 * data (and whoever reads only the data) does not need.
 *
 * @packageDocumentation
 */
import { CHINESE_NUMERALS, matchKey } from '../read/source.js';
import { SECTIONS } from './sections.js';
import type { SectionKey } from './sections.js';
import { APPLICATIONS_TABLE, APPLICATIONS_TABLE_2019, TABLES } from './tables.js';
import type { ColumnDefinition, TableDefinition, Unit } from './tables.js';
import { TEMPLATE_2019, TEMPLATE_2021, TEMPLATE_PRE_2019 } from './templates.js';

// ── Table patterns ──────────────────────────────────────────────────────────────────────

/** A row of the template as the matcher sees it. */
export interface RowPattern {
  /** Position of the row in the template. */
  readonly index: number;
  /** The row's key. */
  readonly key: string;
  /** The row's columns, in printed order. */
  readonly columns: readonly ColumnDefinition[];
  /** The unit of each of the row's columns, by column key. */
  readonly units: Readonly<Record<string, Unit>>;
  /** Keys of marker + label (and aliases), and of the label alone where it is distinctive; longest first. */
  readonly exact: readonly string[];
  /** Keys of the ordinal mark in the forms reports write it (`1.`, `三、`, `(一)`); empty when the row has none. */
  readonly markers: readonly string[];
  /** Keys of the label and its aliases, without mark, for similarity matching. */
  readonly labels: readonly string[];
}

/** A spanning group heading as the matcher sees it. */
export interface GroupPattern {
  /** The group's key. */
  readonly key: string;
  /** Keys of marker + label, and of the label alone where it is distinctive; longest first. */
  readonly exact: readonly string[];
  /** Index of the group's first row in the template. */
  readonly firstRow: number;
}

/** A column label as the matcher sees it. */
export interface ColumnPattern {
  /** The column's key. */
  readonly key: string;
  /** Position of the column among the table's distinct columns, in printed order. */
  readonly order: number;
  /** Keys of the label and aliases. */
  readonly keys: readonly string[];
  /** The same keys without parenthesised notes ("本年收费金额(单位:万元)" → "本年收费金额"). */
  readonly bare: readonly string[];
}

/** Everything the reader matches for one table definition. */
export interface TableMatcher {
  /** The rows, in template order. */
  readonly rows: readonly RowPattern[];
  /** The group headings. */
  readonly groups: readonly GroupPattern[];
  /** The distinct columns of all rows, in printed order. */
  readonly columns: readonly ColumnPattern[];
  /** Texts that only the table itself contains, in template order, to find it when the section reader could not. */
  readonly anchors: readonly string[];
  /** The row and group patterns by their first two characters, to test a position quickly. */
  readonly labelsByPrefix: ReadonlyMap<string, readonly string[]>;
  /** Keys of each row's whole label as printed (ordinal mark + label, and + each alias). */
  readonly wholeRowLabels: ReadonlySet<string>;
  /** Length of the shortest row or group pattern. */
  readonly shortestLabel: number;
  /** Length of the shortest column label. */
  readonly shortestColumn: number;
}

// A label alone (without its ordinal mark) is matched only when it is this long: "其他" and "总计"
// are also column headings, so those rows are recognised by "3.其他", "(七)总计".
const MIN_UNMARKED_LABEL = 4;
const MIN_ANCHOR = 6;
const MIN_FALLBACK_ANCHOR = 5;

const byLengthDesc = (a: string, b: string): number => b.length - a.length;
const unique = (items: Iterable<string>): string[] => [...new Set(items)].filter((item) => item.length > 0);

/** A column key without its parenthesised notes ("本年收费金额(单位:万元)" → "本年收费金额"). */
export const stripNotes = (key: string): string => key.replace(/\([^()]*\)/g, '');

/** The forms an ordinal mark takes in reports, as keys. */
function markerForms(marker: string): string[] {
  const key = matchKey(marker);
  if (key === '') return [];
  const hanOrdinal = /^([一二三四五六七八九十]+)、$/.exec(key);
  if (hanOrdinal) return [key, `${hanOrdinal[1]}.`, `${hanOrdinal[1]},`];
  // "3." is written "3、" too (003.pdf's （六） rows: "1、申请人…", "3、其他").
  const digitOrdinal = /^(\d+)\.$/.exec(key);
  if (digitOrdinal) return [key, `${digitOrdinal[1]}、`];
  return [key];
}

function labelPatterns(marker: string, labels: readonly string[]): { exact: string[]; markers: string[]; labels: string[] } {
  const markers = markerForms(marker);
  const labelKeys = unique(labels.map(matchKey));
  const exact: string[] = [];
  for (const label of labelKeys) {
    for (const form of markers) exact.push(form + label);
    if (markers.length === 0 || label.length >= MIN_UNMARKED_LABEL) exact.push(label);
  }
  return { exact: unique(exact).sort(byLengthDesc), markers, labels: labelKeys };
}

function buildMatcher(definition: TableDefinition): TableMatcher {
  const rows: RowPattern[] = definition.rows.map((row, index) => {
    const patterns = labelPatterns(row.marker, [row.label, ...(row.aliases ?? [])]);
    const units = Object.fromEntries(row.columns.map((column) => [column.key, column.unit]));
    return { index, key: row.key, columns: row.columns, units, exact: patterns.exact, markers: patterns.markers, labels: patterns.labels };
  });
  const groups: GroupPattern[] = definition.groups.map((group) => ({
    key: group.key,
    exact: labelPatterns(group.marker, [group.label]).exact,
    firstRow: Math.max(
      0,
      definition.rows.findIndex((row) => row.group === group.key),
    ),
  }));
  const columns: ColumnPattern[] = [];
  for (const row of definition.rows) {
    for (const column of row.columns) {
      if (columns.some((known) => known.key === column.key)) continue;
      const keys = unique([column.label, ...(column.aliases ?? [])].map(matchKey));
      columns.push({ key: column.key, order: columns.length, keys, bare: unique(keys.map(stripNotes)) });
    }
  }
  // In template order: the first one found is where the table starts (a narrative rarely quotes
  // a table's first row, while it may quote a later one).
  const ordered: string[] = [];
  rows.forEach((row, index) => {
    for (const group of groups) if (group.firstRow === index) ordered.push(...group.exact.filter((key) => key.length >= MIN_ANCHOR));
    if (row.markers.length > 0) ordered.push(...row.exact.filter((key) => key.length >= MIN_ANCHOR));
  });
  let anchors = unique(ordered);
  if (anchors.length === 0) anchors = unique(rows.flatMap((row) => row.exact.filter((key) => key.length >= MIN_FALLBACK_ANCHOR)));
  const labelsByPrefix = new Map<string, string[]>();
  for (const pattern of [...rows.flatMap((row) => row.exact), ...groups.flatMap((group) => group.exact)]) {
    const prefix = pattern.slice(0, 2);
    labelsByPrefix.set(prefix, [...(labelsByPrefix.get(prefix) ?? []), pattern]);
  }
  const wholeRowLabels = new Set(definition.rows.flatMap((row) => [row.label, ...(row.aliases ?? [])].map((label) => matchKey(row.marker + label))));
  const lengths = (patterns: readonly string[]): number => Math.min(Infinity, ...patterns.map((pattern) => pattern.length));
  return {
    rows,
    groups,
    columns,
    anchors,
    labelsByPrefix,
    wholeRowLabels,
    shortestLabel: lengths([...rows.flatMap((row) => row.exact), ...groups.flatMap((group) => group.exact)]),
    shortestColumn: lengths(columns.flatMap((column) => column.keys)),
  };
}

const matchers = new WeakMap<TableDefinition, TableMatcher>();

/** The patterns of a table definition (built once per definition). */
export function tableMatcher(definition: TableDefinition): TableMatcher {
  let matcher = matchers.get(definition);
  if (!matcher) {
    matcher = buildMatcher(definition);
    matchers.set(definition, matcher);
  }
  return matcher;
}

// ── Section headings ────────────────────────────────────────────────────────────────────

/** One wording of a section heading (the template's or a variant), folded. */
export interface SectionWording {
  /** The section. */
  readonly key: SectionKey;
  /** Position of the section in the template (0 … 5). */
  readonly order: number;
  /** The catalog's ordinal as a number (1 … 6). */
  readonly ordinal: number;
  /** The wording, folded as report text is ({@link matchKey}). */
  readonly text: string;
}

let sectionWordingList: readonly SectionWording[] | undefined;
let sectionWordingsByFirst: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * Every wording of every section heading, each once per section, longest first (so that
 * "政府信息公开工作存在的主要问题…" wins over a shorter wording it contains), in template order on a tie.
 */
export function sectionWordings(): readonly SectionWording[] {
  if (!sectionWordingList) {
    const list: SectionWording[] = [];
    SECTIONS.forEach((section, order) => {
      const wordings = new Set<string>([section.heading, ...section.variants].map((wording) => matchKey(wording)));
      for (const text of wordings) list.push({ key: section.key, order, ordinal: CHINESE_NUMERALS.indexOf(section.ordinal) + 1, text });
    });
    sectionWordingList = list.sort((left, right) => right.text.length - left.text.length);
  }
  return sectionWordingList;
}

/** Length of the section heading wording that starts at `index` of the key (the longest), or 0. */
export function sectionWordingAt(key: string, index: number): number {
  if (!sectionWordingsByFirst) {
    sectionWordingsByFirst = byFirstCharacter(unique(sectionWordings().map((wording) => wording.text)), (heading) => heading);
  }
  for (const heading of sectionWordingsByFirst.get(key.charAt(index)) ?? []) if (key.startsWith(heading, index)) return heading.length;
  return 0;
}

/**
 * Items by the first character of their text, each list in the items' order: a text is compared
 * only with the few wordings or labels that can open it, not with every one.
 */
export function byFirstCharacter<T>(items: Iterable<T>, textOf: (item: T) => string): ReadonlyMap<string, readonly T[]> {
  const byFirst = new Map<string, T[]>();
  for (const item of items) {
    const first = textOf(item).charAt(0);
    const list = byFirst.get(first);
    if (list) list.push(item);
    else byFirst.set(first, [item]);
  }
  return byFirst;
}

// ── Table labels ────────────────────────────────────────────────────────────────────────

let tableLabelKeyList: readonly string[] | undefined;
let tableLabelsByFirst: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * The row and group labels of the statistics tables (both formats), folded, at least two characters
 * long: a numbered line that starts with one of them ("四、结转下年度继续办理") is a table row, never a
 * section heading.
 */
export function tableLabelKeys(): readonly string[] {
  if (!tableLabelKeyList) {
    const labels = new Set<string>();
    for (const table of [...Object.values(TABLES), APPLICATIONS_TABLE_2019]) {
      for (const row of table.rows) labels.add(matchKey(row.label));
      for (const group of table.groups) labels.add(matchKey(group.label));
    }
    tableLabelKeyList = [...labels].filter((label) => label.length >= 2);
  }
  return tableLabelKeyList;
}

/** The {@link tableLabelKeys} that `words` could start with: those of its first character, in their order. */
export function tableLabelsOpening(words: string): readonly string[] {
  tableLabelsByFirst ??= byFirstCharacter(tableLabelKeys(), (label) => label);
  return tableLabelsByFirst.get(words.charAt(0)) ?? [];
}

// ── Format signs ────────────────────────────────────────────────────────────────────────

/** The folded wordings that tell the formats apart. */
export interface FormatSigns {
  /** Wordings of the 2021 tables only: the template's signs and the table 三 rows only it has. */
  readonly current: readonly string[];
  /** The 2019 template's signs. */
  readonly older: readonly string[];
  /** The table 三 rows only the 2019 template has (its flat （六）其他处理), to be read followed by values. */
  readonly flatRows: readonly string[];
  /** The pre-2019 reports' signs. */
  readonly legacy: readonly string[];
}

let formatSignKeys: FormatSigns | undefined;

/**
 * What tells the formats apart, read from the catalog: each template's own signs (wordings only its
 * tables use), plus the table 三 rows only one template has — the 2021 numbered （六） sub-rows, or
 * the 2019 flat （六）其他处理 row.
 */
export function formatSigns(): FormatSigns {
  if (!formatSignKeys) {
    const rowKeys2019 = new Set(APPLICATIONS_TABLE_2019.rows.map((row) => row.key));
    const rowKeys2021 = new Set(APPLICATIONS_TABLE.rows.map((row) => row.key));
    const rows2021 = APPLICATIONS_TABLE.rows.filter((row) => !rowKeys2019.has(row.key)).map((row) => matchKey(row.label));
    const rows2019 = APPLICATIONS_TABLE_2019.rows.filter((row) => !rowKeys2021.has(row.key)).map((row) => matchKey(row.label));
    formatSignKeys = {
      // Short labels ("其他") say nothing about the format.
      current: [...TEMPLATE_2021.signs.map(matchKey), ...rows2021].filter((label) => label.length >= 4),
      older: TEMPLATE_2019.signs.map(matchKey),
      flatRows: rows2019,
      legacy: TEMPLATE_PRE_2019.signs.map(matchKey),
    };
  }
  return formatSignKeys;
}
