import { TABLE_LAYOUTS, TABLES } from '../../catalog/index.js';
import type { ColumnDefinition, FormatVersion, RowDefinition, RowGroupDefinition, TableDefinition, TableKey } from '../../catalog/index.js';
import { columnLabel, rowLabel, tableLabel } from '../../diagnostics/index.js';
import type { Locale, Severity } from '../../diagnostics/index.js';
import type { AnyTable, Cell, TableRow } from '../../model/index.js';
import { escapeHtml } from './escape.js';
import { word } from './words.js';

/** What the findings say about one cell (or a row label): which findings name it, the worst severity, what it should be. */
export interface CellMark {
  /** Element ids of the findings that name this cell. */
  readonly findings: string[];
  /** The worst severity among them. */
  severity: Severity | undefined;
  /** Expected values stated by findings whose main cell this is. */
  readonly expected: string[];
  /** The findings' messages, for the cell's tooltip. */
  readonly notes: string[];
  /** The value a suggested correction would put in this cell (the one change that balances the table). */
  readonly suggested: string[];
}

/** Everything drawing a table needs besides the table: ids, marks, the locale. */
export interface TableContext {
  readonly locale: Locale;
  /** The format the report was read in: cells are named in its wording. */
  readonly format: FormatVersion;
  /** The element id of a cell (`column` empty for a row label). */
  readonly cellId: (table: TableKey, row: string, column: string) => string;
  /** The marks by `table|row|column` (column empty for a row label). */
  readonly marks: ReadonlyMap<string, CellMark>;
  /** Rows holding a number the reader could not attribute to one column, by `table|row`. */
  readonly ambiguousRows: ReadonlySet<string>;
  /** The numbers of a row the reader could not place in a cell, as written, by `table|row`. */
  readonly unplacedByRow: ReadonlyMap<string, readonly string[]>;
}

/** The key of a cell in {@link TableContext.marks}. */
export const markKey = (table: string, row: string, column: string): string => `${table}|${row}|${column}`;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** The worse of two severities. */
export const worse = (a: Severity | undefined, b: Severity): Severity => (a && SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b);

const cellOf = (row: TableRow | undefined, column: string): Cell | undefined => row?.cells[column];

function valueCell(context: TableContext, table: TableKey, rowKey: string, row: TableRow | undefined, column: ColumnDefinition, span = 1): string {
  const { locale, format } = context;
  const cell = cellOf(row, column.key);
  const mark = context.marks.get(markKey(table, rowKey, column.key));
  const classes = ['xl-cell'];
  let content: string;
  let state: string;
  if (!cell) {
    state = context.ambiguousRows.has(`${table}|${rowKey}`) ? 'ambiguous' : 'missing';
    content = state === 'ambiguous' ? '?' : word('missingMark', locale);
  } else if (cell.kind === 'count') {
    state = 'count';
    content = String(cell.value);
  } else if (cell.kind === 'signed') {
    state = 'count';
    content = cell.value > 0 ? `+${cell.value}` : String(cell.value);
  } else if (cell.kind === 'amount') {
    state = 'count';
    content = cell.value.toFixed();
  } else if (cell.kind === 'blank') {
    state = 'blank';
    content = cell.text.trim() === '' ? word('blankMark', locale) : cell.text;
  } else {
    state = 'invalid';
    content = cell.text;
  }
  if (row?.labelInferred) classes.push('xl-inferred');
  classes.push(`xl-${state}`);
  if (mark?.severity) classes.push(`xl-sev-${mark.severity}`);
  const label = `${tableLabel(table, locale, format)} · ${rowLabel(table, rowKey, locale, format)} · ${columnLabel(table, column.key, locale, format)}`;
  const title = [label, ...(mark?.notes ?? [])].join('\n');
  const expected = mark && mark.expected.length > 0 ? `<span class="xl-expected">≠ ${escapeHtml(mark.expected.join(' / '))}</span>` : '';
  const suggested = mark && mark.suggested.length > 0 ? `<span class="xl-suggested" title="${escapeHtml(word('suggestion', locale))}">→ ${escapeHtml(mark.suggested.join(' / '))}</span>` : '';
  if (suggested !== '') classes.push('xl-has-suggestion');
  const attributes = [
    `id="${escapeHtml(context.cellId(table, rowKey, column.key))}"`,
    `class="${classes.join(' ')}"`,
    `data-state="${state}"`,
    `title="${escapeHtml(title)}"`,
    span > 1 ? `colspan="${span}"` : '',
    mark ? `data-findings="${escapeHtml(mark.findings.join(' '))}" tabindex="0"` : '',
    mark && mark.suggested.length > 0 ? `data-suggested="${escapeHtml(mark.suggested.join(' '))}"` : '',
  ].filter((part) => part !== '');
  return `<td ${attributes.join(' ')}><span class="xl-value">${escapeHtml(content)}</span>${expected}${suggested}</td>`;
}

function rowLabelCell(context: TableContext, table: TableKey, definition: RowDefinition, row: TableRow | undefined, attributes = ''): string {
  const mark = context.marks.get(markKey(table, definition.key, ''));
  const classes = ['xl-row-label'];
  if (row?.labelInferred) classes.push('xl-inferred');
  if (mark?.severity) classes.push(`xl-sev-${mark.severity}`);
  const own = context.locale === 'en' ? definition.labelEn : `${definition.marker}${definition.label}`;
  // Numbers of this row that no cell took are shown with the row, as written: "640020470" is seven cells run together.
  const unplaced = context.unplacedByRow.get(`${table}|${definition.key}`) ?? [];
  const note = unplaced.length > 0 ? `<span class="xl-unplaced">${unplaced.map((text) => `「${escapeHtml(text)}」`).join(' ')}</span>` : '';
  const extra = [
    attributes,
    `id="${escapeHtml(context.cellId(table, definition.key, ''))}"`,
    mark ? `data-findings="${escapeHtml(mark.findings.join(' '))}" tabindex="0"` : '',
    row?.label !== undefined && row.label !== '' ? `title="${escapeHtml(row.label)}"` : '',
  ].filter((part) => part !== '');
  return `<th scope="row" class="${classes.join(' ')}" ${extra.join(' ')}>${escapeHtml(own)}${note}</th>`;
}

const groupText = (group: RowGroupDefinition | undefined, locale: Locale): string =>
  group ? (locale === 'en' ? group.labelEn : `${group.marker}${group.label}`) : '';

const columnText = (column: ColumnDefinition, locale: Locale): string => (locale === 'en' ? column.labelEn : column.label);

const rowsOfTable = (table: AnyTable | undefined, key: string): TableRow | undefined => table?.rows[key];

/** Table 二: a block per 第二十条 item, each with its heading line and its own column header. */
function drawBlocks(context: TableContext, definition: TableDefinition, table: AnyTable): string {
  const { locale } = context;
  const key = definition.key as TableKey;
  const width = Math.max(...definition.rows.map((row) => row.columns.length));
  const corner = TABLE_LAYOUTS[key].corner;
  const lines: string[] = [];
  for (const group of definition.groups) {
    const rows = definition.rows.filter((row) => row.group === group.key);
    if (rows.length === 0) continue;
    const columns = (rows[0] as RowDefinition).columns;
    const span = columns.length === 1 ? width : 1;
    lines.push(`<tr><th colspan="${width + 1}" class="xl-block">${escapeHtml(groupText(group, locale))}</th></tr>`);
    lines.push(
      `<tr><th scope="col">${escapeHtml(corner ? (locale === 'en' ? corner.labelEn : corner.label) : '')}</th>${columns
        .map((column) => `<th scope="col"${span > 1 ? ` colspan="${span}"` : ''}>${escapeHtml(columnText(column, locale))}</th>`)
        .join('')}</tr>`,
    );
    for (const row of rows) {
      const read = rowsOfTable(table, row.key);
      lines.push(`<tr>${rowLabelCell(context, key, row, read)}${row.columns.map((column) => valueCell(context, key, row.key, read, column, span)).join('')}</tr>`);
    }
  }
  return lines.join('\n');
}

/** The chain of groups a row sits in, outermost first. */
function groupChain(definition: TableDefinition, row: RowDefinition): RowGroupDefinition[] {
  const parents = TABLE_LAYOUTS[definition.key as TableKey].groupParents ?? {};
  const chain: RowGroupDefinition[] = [];
  let key = row.group;
  while (key !== undefined && chain.length < 8) {
    const group = definition.groups.find((candidate) => candidate.key === key);
    if (!group) break;
    chain.unshift(group);
    key = parents[key];
  }
  return chain;
}

/** Table 三: one header (申请人情况 over 自然人 | 法人或其他组织 … | 总计), row groups as cells spanning their rows. */
function drawRows(context: TableContext, definition: TableDefinition, table: AnyTable): string {
  const { locale } = context;
  const key = definition.key as TableKey;
  const layout = TABLE_LAYOUTS[key];
  const columns = (definition.rows[0] as RowDefinition).columns;
  const chains = definition.rows.map((row) => groupChain(definition, row));
  const depth = Math.max(0, ...chains.map((chain) => chain.length));
  const labelColumns = depth + 1;
  const groups = layout.columnGroups ?? [];
  const headerRows = (layout.columnHeading ? 1 : 0) + (groups.length > 0 ? 2 : 1);
  const text = (label: { label: string; labelEn: string }): string => escapeHtml(locale === 'en' ? label.labelEn : label.label);
  const lines: string[] = [];
  const corner = `<th scope="col" class="xl-corner" rowspan="${headerRows}" colspan="${labelColumns}">${layout.corner ? text(layout.corner) : ''}</th>`;
  const first: string[] = [corner];
  if (layout.columnHeading) {
    first.push(`<th scope="colgroup" colspan="${columns.length}">${text(layout.columnHeading)}</th>`);
    lines.push(`<tr>${first.join('')}</tr>`);
  }
  const upper: string[] = layout.columnHeading ? [] : [corner];
  const lower: string[] = [];
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index] as ColumnDefinition;
    const group = groups.find((candidate) => candidate.columns.includes(column.key));
    if (!group) {
      upper.push(`<th scope="col"${groups.length > 0 ? ' rowspan="2"' : ''}>${escapeHtml(columnText(column, locale))}</th>`);
    } else {
      if (group.columns[0] === column.key) upper.push(`<th scope="colgroup" colspan="${group.columns.length}">${text(group)}</th>`);
      lower.push(`<th scope="col">${escapeHtml(columnText(column, locale))}</th>`);
    }
  }
  lines.push(`<tr>${upper.join('')}</tr>`);
  if (lower.length > 0) lines.push(`<tr>${lower.join('')}</tr>`);
  definition.rows.forEach((row, index) => {
    const chain = chains[index] as RowGroupDefinition[];
    const cells: string[] = [];
    chain.forEach((group, level) => {
      const previous = index > 0 ? (chains[index - 1] as RowGroupDefinition[])[level] : undefined;
      if (previous?.key === group.key) return;
      let span = 0;
      while (index + span < chains.length && (chains[index + span] as RowGroupDefinition[])[level]?.key === group.key) span++;
      cells.push(`<th scope="rowgroup" class="xl-group" rowspan="${span}">${escapeHtml(groupText(group, locale))}</th>`);
    });
    const read = rowsOfTable(table, row.key);
    const labelSpan = labelColumns - chain.length;
    cells.push(rowLabelCell(context, key, row, read, labelSpan > 1 ? `colspan="${labelSpan}"` : ''));
    for (const column of row.columns) cells.push(valueCell(context, key, row.key, read, column));
    lines.push(`<tr>${cells.join('')}</tr>`);
  });
  return lines.join('\n');
}

/** Table 四: the catalog's rows side by side (行政复议 | 行政诉讼: 未经复议直接起诉 | 复议后起诉), one line of values. */
function drawTransposed(context: TableContext, definition: TableDefinition, table: AnyTable): string {
  const { locale } = context;
  const key = definition.key as TableKey;
  const top: string[] = [];
  const middle: string[] = [];
  definition.rows.forEach((row, index) => {
    const group = row.group ? definition.groups.find((candidate) => candidate.key === row.group) : undefined;
    const read = rowsOfTable(table, row.key);
    if (!group) {
      top.push(rowLabelCell(context, key, row, read, `colspan="${row.columns.length}" rowspan="2"`).replace('scope="row"', 'scope="colgroup"'));
      return;
    }
    const previous = definition.rows[index - 1];
    if (previous?.group !== group.key) {
      const width = definition.rows.filter((candidate) => candidate.group === group.key).reduce((sum, candidate) => sum + candidate.columns.length, 0);
      top.push(`<th scope="colgroup" class="xl-group" colspan="${width}">${escapeHtml(groupText(group, locale))}</th>`);
    }
    middle.push(rowLabelCell(context, key, row, read, `colspan="${row.columns.length}"`).replace('scope="row"', 'scope="colgroup"'));
  });
  const bottom = definition.rows.flatMap((row) => row.columns.map((column) => `<th scope="col">${escapeHtml(columnText(column, locale))}</th>`));
  const values = definition.rows.flatMap((row) => row.columns.map((column) => valueCell(context, key, row.key, rowsOfTable(table, row.key), column)));
  return [`<tr>${top.join('')}</tr>`, `<tr>${middle.join('')}</tr>`, `<tr>${bottom.join('')}</tr>`, `<tr>${values.join('')}</tr>`].join('\n');
}

/**
 * One statistics table drawn in the template's printed layout, every cell with its value as read
 * and its state (`count`, `blank`, `invalid`, `missing`, `ambiguous`; rows placed by position are
 * marked inferred) and the findings that name it.
 */
export function drawTable(context: TableContext, definition: TableDefinition, table: AnyTable): string {
  const key = definition.key as TableKey;
  const shape = TABLE_LAYOUTS[key].shape;
  const body = shape === 'blocks' ? drawBlocks(context, definition, table) : shape === 'rows' ? drawRows(context, definition, table) : drawTransposed(context, definition, table);
  return `<table class="xl-table xl-table-${key}" id="${escapeHtml(context.cellId(key, '', ''))}">\n<caption>${escapeHtml(tableLabel(key, context.locale, context.format))}</caption>\n${body}\n</table>`;
}

/** The catalog definition of a table (the 2021 one when the template has none). */
export const catalogTable = (key: TableKey, fromTemplate: TableDefinition | undefined): TableDefinition => fromTemplate ?? TABLES[key];
