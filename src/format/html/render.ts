import { NARRATIVE_COUNTS, SECTIONS, TABLE_KEYS, TEMPLATES, narrativeCountIn } from '../../catalog/index.js';
import type { FormatVersion, TableKey } from '../../catalog/index.js';
import { columnLabel, countDiagnostics, relationLabel, rowLabel, sectionLabel, tableLabel } from '../../diagnostics/index.js';
import type { Diagnostic, Locale, Suggestion } from '../../diagnostics/index.js';
import type { AnnualReport, AnyTable, CountFact, Span } from '../../model/index.js';
import { rules } from '../../rules/index.js';
import { spanPlace } from '../place.js';
import { escapeHtml } from './escape.js';
import { catalogTable, drawTable, markKey, worse } from './tables.js';
import type { CellMark, TableContext } from './tables.js';
import { severityWord, word } from './words.js';

/** One checked file as the HTML report shows it: its findings and, when available, the report read and the text. */
export interface HtmlFileInput {
  /** The file as the user named it. */
  readonly file: string;
  /** The diagnostics, in order. */
  readonly diagnostics: readonly Diagnostic[];
  /** The typed report the diagnostics are about; without it only the findings are listed. */
  readonly report?: AnnualReport;
  /** The text the spans point into; lets the report quote the narrative around each stated count. */
  readonly text?: string;
}

/** Options of {@link formatHtml} and {@link renderHtmlFile}. */
export interface HtmlOptions {
  /** Language of the page; Chinese by default. */
  readonly locale?: Locale;
  /** The page title (the default names the check). */
  readonly title?: string;
  /**
   * Where a rule's documentation page is, `{ruleId}` standing for the rule id (e.g.
   * `../rules/{ruleId}.html`). Without it, each rule links to its description inside the page.
   */
  readonly ruleDocsUrl?: string;
}

// A span's place as stylish output names it too, or that it has none.
const placeOf = (span: Span | undefined, locale: Locale): string => (span ? spanPlace(span, locale) : word('noPlace', locale));

/**
 * A failed relation written out with the report's numbers: `18 + 0 = 18 ≠ 16 + 0 = 16`. Only the
 * terms that are not 0 are written when a side has many (（七）总计 adds up 21 rows). Exact: the
 * sums are big integers. Undefined when the finding is no sum, or a term holds no count.
 */
export function relationExpression(diagnostic: Diagnostic, report: AnnualReport | undefined, locale: Locale): string | undefined {
  const key = diagnostic.args.relation;
  if (!report || typeof key !== 'string' || diagnostic.row === undefined || diagnostic.column === undefined) return undefined;
  const relation = TEMPLATES[report.meta.formatVersion].relations.find((candidate) => candidate.key === key && candidate.table === diagnostic.table);
  const table = relation ? (report.tables[relation.table] as AnyTable | undefined) : undefined;
  if (!relation || !table) return undefined;
  const line = relation.across === 'rows' ? diagnostic.column : diagnostic.row;
  const side = (keys: readonly string[]): string | undefined => {
    const values: bigint[] = [];
    for (const part of keys) {
      const cell = relation.across === 'rows' ? table.rows[part]?.cells[line] : table.rows[line]?.cells[part];
      if (cell?.kind !== 'count') return undefined;
      values.push(BigInt(cell.value));
    }
    const total = values.reduce((sum, value) => sum + value, 0n);
    if (values.length === 1) return String(total);
    const shown = values.length > 8 ? values.filter((value) => value !== 0n) : values;
    const rest = values.length > 8 && shown.length < values.length ? (locale === 'en' ? ' (others 0)' : '（其余为 0）') : '';
    return `${shown.length > 0 ? shown.join(' + ') : '0'}${rest} = ${total}`;
  };
  const lhs = side(relation.lhs);
  const rhs = side(relation.rhs);
  if (lhs === undefined || rhs === undefined) return undefined;
  return `${relationLabel(key, locale, report.meta.formatVersion)}${locale === 'en' ? ': ' : '：'}${lhs} ≠ ${rhs}`;
}

/** The cells (and row labels) a finding names, as `table|row|column` keys. */
function cellsOf(diagnostic: Diagnostic): string[] {
  const keys: string[] = [];
  const table = diagnostic.table;
  if (table && diagnostic.row !== undefined) {
    if (diagnostic.column !== undefined) keys.push(markKey(table, diagnostic.row, diagnostic.column));
    else {
      const listed = typeof diagnostic.args.columns === 'string' ? diagnostic.args.columns.split(',').filter((column) => column !== '') : [];
      if (listed.length > 0) for (const column of listed) keys.push(markKey(table, diagnostic.row, column));
      else keys.push(markKey(table, diagnostic.row, ''));
    }
  }
  for (const place of diagnostic.related ?? []) {
    // A place in another file (last year's report) is not a cell of this report's tables.
    if (place.uri !== undefined) continue;
    const placeTable = place.table ?? table;
    if (placeTable && place.row !== undefined) keys.push(markKey(placeTable, place.row, place.column ?? ''));
  }
  // The cell a suggested correction changes (and, for two cells swapped, the other one) is part of the finding.
  const { suggestion } = diagnostic;
  if (suggestion) {
    keys.push(markKey(suggestion.cell.table, suggestion.cell.row, suggestion.cell.column));
    if (suggestion.from) keys.push(markKey(suggestion.from.table, suggestion.from.row, suggestion.from.column));
  }
  return [...new Set(keys)];
}

/** What a suggested correction puts in each cell it changes, by mark key: the value, and for a swap the other cell's. */
function suggestedValues(diagnostic: Diagnostic): Map<string, string> {
  const values = new Map<string, string>();
  const { suggestion } = diagnostic;
  if (!suggestion) return values;
  values.set(markKey(suggestion.cell.table, suggestion.cell.row, suggestion.cell.column), suggestion.value);
  if (suggestion.from && suggestion.current !== undefined) values.set(markKey(suggestion.from.table, suggestion.from.row, suggestion.from.column), suggestion.current);
  return values;
}

interface FileView {
  readonly index: number;
  readonly prefix: string;
  readonly findingIds: readonly string[];
  readonly findingCells: readonly string[][];
  readonly context: TableContext;
  /** The ids of the elements drawn for the tables (filled once they are drawn). */
  readonly drawn: Set<string>;
  /**
   * The elements links to these cells should point at: a cell when it is drawn, else its table (or
   * the note that the table is missing), else nothing — a link never points at an absent element.
   */
  resolve(ids: readonly string[]): string[];
}

const ID_ATTRIBUTE = /\sid="([^"]+)"/g;

/** The ids of the elements in a piece of markup. */
const idsIn = (markup: string): Set<string> => new Set(Array.from(markup.matchAll(ID_ATTRIBUTE), (match) => match[1] as string));

function viewOf(input: HtmlFileInput, index: number, locale: Locale): FileView {
  const prefix = `x${index}`;
  const safe = (part: string): string => part.replace(/[^\w.-]/g, '_');
  const cellId = (table: TableKey, row: string, column: string): string => `${prefix}-${table}${row ? `-${safe(row)}` : ''}${column ? `-${safe(column)}` : ''}`;
  const marks = new Map<string, CellMark>();
  const findingIds = input.diagnostics.map((_, number) => `${prefix}-f${number + 1}`);
  const findingCells = input.diagnostics.map((diagnostic, number) => {
    const keys = cellsOf(diagnostic);
    const expression = diagnostic.severity !== 'info' ? relationExpression(diagnostic, input.report, locale) : undefined;
    const main = diagnostic.table && diagnostic.row !== undefined && diagnostic.column !== undefined ? markKey(diagnostic.table, diagnostic.row, diagnostic.column) : undefined;
    const suggested = suggestedValues(diagnostic);
    for (const key of keys) {
      let mark = marks.get(key);
      if (!mark) {
        mark = { findings: [], severity: undefined, expected: [], notes: [], suggested: [] };
        marks.set(key, mark);
      }
      // Several findings of one table carry the same suggestion: the cell shows it once.
      const value = suggested.get(key);
      if (value !== undefined && !mark.suggested.includes(value)) mark.suggested.push(value);
      mark.findings.push(findingIds[number] as string);
      mark.severity = worse(mark.severity, diagnostic.severity);
      mark.notes.push(`${severityWord(diagnostic.severity, locale)} ${diagnostic.ruleId}: ${diagnostic.message}`);
      if (key === main && expression) mark.notes.push(expression);
      if (key === main && diagnostic.expected !== undefined && diagnostic.severity !== 'info') mark.expected.push(diagnostic.expected);
    }
    return keys.map((key) => {
      const [table, row, column] = key.split('|') as [TableKey, string, string];
      return cellId(table, row, column);
    });
  });
  const ambiguousRows = new Set(
    (input.report?.unplaced ?? []).filter((value) => value.reason === 'ambiguous' && value.table && value.row !== undefined).map((value) => `${value.table}|${value.row}`),
  );
  const drawn = new Set<string>();
  const resolve = (ids: readonly string[]): string[] => {
    const found = ids.map((id) => {
      if (drawn.has(id)) return id;
      const table = TABLE_KEYS.map((key) => cellId(key, '', '')).find((tableId) => id.startsWith(`${tableId}-`) || id === tableId);
      return table !== undefined && drawn.has(table) ? table : undefined;
    });
    return [...new Set(found.filter((id): id is string => id !== undefined))];
  };
  const unplacedByRow = new Map<string, string[]>();
  for (const value of input.report?.unplaced ?? []) {
    if (!value.table || value.row === undefined) continue;
    const key = `${value.table}|${value.row}`;
    unplacedByRow.set(key, [...(unplacedByRow.get(key) ?? []), value.text]);
  }
  return { index, prefix, findingIds, findingCells, context: { locale, format: input.report?.meta.formatVersion ?? '2021', cellId, marks, ambiguousRows, unplacedByRow }, drawn, resolve };
}

const ruleLink = (ruleId: string, options: HtmlOptions): string => {
  const href = options.ruleDocsUrl ? options.ruleDocsUrl.replace('{ruleId}', encodeURIComponent(ruleId)) : `#rule-${ruleId}`;
  return `<a class="xl-rule" href="${escapeHtml(href)}">${escapeHtml(ruleId)}</a>`;
};

/** The place of a cell in words, compactly: 表三 · 自然人 · 本年新收. */
function cellName(diagnostic: Pick<Diagnostic, 'table' | 'row' | 'column'>, locale: Locale, format: FormatVersion): string {
  const { table, row, column } = diagnostic;
  if (!table) return '';
  const parts = [tableLabel(table, locale, format)];
  if (row !== undefined) parts.push(rowLabel(table, row, locale, format));
  if (column !== undefined) parts.push(columnLabel(table, column, locale, format));
  return parts.join(' · ');
}

/**
 * A finding's suggested correction as a line of its own, the cell named and linked to where it is
 * drawn: 建议更正：表三 · 总计 · 一、本年新收… → 6（现为 7）. Empty without a suggestion.
 */
function renderSuggestion(diagnostic: Diagnostic, view: FileView, locale: Locale): string {
  const { suggestion } = diagnostic;
  if (!suggestion) return '';
  const linked = (cell: Suggestion['cell']): string => {
    const name = escapeHtml(cellName(cell, locale, view.context.format));
    const id = view.resolve([view.context.cellId(cell.table, cell.row, cell.column)])[0];
    return id !== undefined ? `<a href="#${escapeHtml(id)}">${name}</a>` : name;
  };
  const now = suggestion.current !== undefined ? (locale === 'en' ? ` (${word('suggestionNow', locale)} ${escapeHtml(suggestion.current)})` : `（${word('suggestionNow', locale)} ${escapeHtml(suggestion.current)}）`) : '';
  let body: string;
  if (suggestion.kind === 'column' && suggestion.from) {
    const other = suggestion.current !== undefined ? ` → <b>${escapeHtml(suggestion.current)}</b>` : '';
    body = `${linked(suggestion.cell)} → <b>${escapeHtml(suggestion.value)}</b>${locale === 'en' ? ', ' : '，'}${linked(suggestion.from)}${other}${locale === 'en' ? ` (${word('suggestionSwap', locale)})` : `（${word('suggestionSwap', locale)}）`}`;
  } else {
    const kind = suggestion.kind === 'transposition' ? (locale === 'en' ? `, ${word('suggestionTransposed', locale)}` : `，${word('suggestionTransposed', locale)}`) : '';
    body = `${linked(suggestion.cell)} → <b>${escapeHtml(suggestion.value)}</b>${now}${kind}`;
  }
  const cell = suggestion.cell;
  return `<div class="xl-suggestion" data-kind="${suggestion.kind}" data-table="${escapeHtml(cell.table)}" data-row="${escapeHtml(cell.row)}" data-column="${escapeHtml(cell.column)}" data-value="${escapeHtml(suggestion.value)}">${escapeHtml(word('suggestionLead', locale))}${body}</div>`;
}

/**
 * The places a finding points at in other files (last year's report, a summary's parts): each with
 * its file, its place there and what it is — the cells drawn on this page are this report's only.
 */
function renderOtherFiles(diagnostic: Diagnostic, locale: Locale): string {
  const places = (diagnostic.related ?? []).filter((place) => place.uri !== undefined);
  if (places.length === 0) return '';
  const items = places.map(
    (place) =>
      `<li class="xl-other-file" data-uri="${escapeHtml(place.uri as string)}"><code>${escapeHtml(place.uri as string)}</code> <span class="xl-place">${escapeHtml(placeOf(place.span, locale))}</span> ${escapeHtml(place.message)}${
        place.value !== undefined ? ` <b>${escapeHtml(place.value)}</b>` : ''
      }</li>`,
  );
  return `<ul class="xl-other-files">${items.join('')}</ul>`;
}

function renderFindings(input: HtmlFileInput, view: FileView, options: HtmlOptions, locale: Locale): string {
  if (input.diagnostics.length === 0) return `<p class="xl-clean">${escapeHtml(word('noFindings', locale))}</p>`;
  const items = input.diagnostics.map((diagnostic, number) => {
    const cells = view.resolve(view.findingCells[number] as string[]);
    const values =
      diagnostic.expected !== undefined || diagnostic.actual !== undefined
        ? `<span class="xl-values">${diagnostic.expected !== undefined ? `${escapeHtml(word('expected', locale))} <b>${escapeHtml(diagnostic.expected)}</b>` : ''}${
            diagnostic.actual !== undefined ? ` ${escapeHtml(word('actual', locale))} <b>${escapeHtml(diagnostic.actual)}</b>` : ''
          }</span>`
        : '';
    const where = cellName(diagnostic, locale, view.context.format);
    const suggestion = renderSuggestion(diagnostic, view, locale);
    const elsewhere = renderOtherFiles(diagnostic, locale);
    const expression = diagnostic.severity !== 'info' ? relationExpression(diagnostic, input.report, locale) : undefined;
    return [
      `<li id="${view.findingIds[number]}" class="xl-finding xl-sev-${diagnostic.severity}" data-rule="${escapeHtml(diagnostic.ruleId)}"${cells.length > 0 ? ` data-cells="${cells.join(' ')}"` : ''} tabindex="0">`,
      `<span class="xl-place">${escapeHtml(placeOf(diagnostic.span, locale))}</span>`,
      `<span class="xl-severity">${escapeHtml(severityWord(diagnostic.severity, locale))}</span>`,
      ruleLink(diagnostic.ruleId, options),
      where ? `<span class="xl-where">${escapeHtml(where)}</span>` : '',
      `<div class="xl-message">${escapeHtml(diagnostic.message)}</div>`,
      values,
      expression ? `<div class="xl-relation">${escapeHtml(expression)}</div>` : '',
      suggestion,
      elsewhere,
      '</li>',
    ].join('');
  });
  return `<ol class="xl-findings">\n${items.join('\n')}\n</ol>`;
}

function renderMeta(report: AnnualReport, locale: Locale): string {
  const rows: [string, string][] = [
    [word('agency', locale), report.meta.agency?.value ?? word('unknown', locale)],
    [word('year', locale), report.meta.year ? String(report.meta.year.value) : word('unknown', locale)],
    [word('format', locale), report.meta.formatVersion === 'unknown' ? word('unknown', locale) : `${report.meta.formatVersion}（${TEMPLATES[report.meta.formatVersion].source}）`],
  ];
  if (report.meta.publishedOn) rows.push([word('publishedOn', locale), report.meta.publishedOn.value]);
  return `<dl class="xl-meta">${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
}

function renderSections(report: AnnualReport, locale: Locale): string {
  const found = new Map(report.sections.map((section) => [section.key as string, section]));
  const expected = TEMPLATES[report.meta.formatVersion].sections;
  const keys = expected.length > 0 ? expected : SECTIONS.map((section) => section.key);
  const items = keys.map((key) => {
    const section = found.get(key);
    const label = escapeHtml(sectionLabel(key, locale));
    if (!section) return `<li class="xl-section xl-section-missing" data-section="${key}"><span class="xl-mark">✗</span> ${label} <em>${escapeHtml(word('missingSection', locale))}</em></li>`;
    return `<li class="xl-section xl-section-found" data-section="${key}"><span class="xl-mark">✓</span> ${label} <span class="xl-place">${escapeHtml(
      placeOf(section.headingSpan, locale),
    )}</span> <q>${escapeHtml(section.heading)}</q></li>`;
  });
  return `<ul class="xl-sections">${items.join('')}</ul>`;
}

/** A short piece of the text around a span, the span itself marked. */
function excerpt(text: string | undefined, span: Span | undefined, fallback: string): string {
  if (text === undefined || !span || span.end > text.length) return `<mark>${escapeHtml(fallback)}</mark>`;
  const lineStart = Math.max(text.lastIndexOf('\n', span.start - 1) + 1, span.start - 40);
  const newline = text.indexOf('\n', span.end);
  const lineEnd = Math.min(newline < 0 ? text.length : newline, span.end + 40);
  return `${lineStart > 0 && text[lineStart - 1] !== '\n' ? '…' : ''}${escapeHtml(text.slice(lineStart, span.start))}<mark>${escapeHtml(text.slice(span.start, span.end))}</mark>${escapeHtml(
    text.slice(span.end, lineEnd),
  )}${lineEnd < text.length && text[lineEnd] !== '\n' ? '…' : ''}`;
}

function renderNarrative(input: HtmlFileInput, report: AnnualReport, view: FileView, locale: Locale): string {
  const facts = report.facts.filter((fact): fact is CountFact => fact.kind !== 'processingFeeCollected');
  if (facts.length === 0) return `<p>${escapeHtml(word('noNarrative', locale))}</p>`;
  const items = facts.map((fact) => {
    const tabled = narrativeCountIn(fact.kind, report.meta.formatVersion) ?? NARRATIVE_COUNTS[fact.kind];
    const table = report.tables[tabled.table] as AnyTable | undefined;
    const targets = tabled.cells.map(({ row, column }) => view.resolve([view.context.cellId(tabled.table, row, column)])[0]);
    const cellIds = [...new Set(targets.filter((id): id is string => id !== undefined))];
    const values = tabled.cells.map(({ row, column }) => {
      const cell = table?.rows[row]?.cells[column];
      return cell?.kind === 'count' ? String(cell.value) : cell?.kind === 'blank' || cell?.kind === 'invalid' ? cell.text : word('missingMark', locale);
    });
    const findings = input.diagnostics
      .map((diagnostic, number) => ({ diagnostic, id: view.findingIds[number] as string }))
      .filter(({ diagnostic }) => diagnostic.ruleId === 'unsupported-count' && diagnostic.span !== undefined && fact.span !== undefined && diagnostic.span.start === fact.span.start);
    const failed = findings.some(({ diagnostic }) => diagnostic.severity !== 'info');
    const format = report.meta.formatVersion;
    const names = tabled.cells.map(({ row, column }) => `${tableLabel(tabled.table, locale, format)} · ${rowLabel(tabled.table, row, locale, format)} · ${columnLabel(tabled.table, column, locale, format)}`);
    const links = targets.map((id, number) => {
      const label = `${escapeHtml(names[number] as string)}: <b>${escapeHtml(values[number] as string)}</b>`;
      return id !== undefined ? `<a href="#${id}" class="xl-cell-link" data-cells="${id}">${label}</a>` : `<span>${label}</span>`;
    });
    const status = findings.length === 0 ? word('agrees', locale) : failed ? word('disagrees', locale) : '';
    return [
      `<li class="xl-fact${failed ? ' xl-sev-error' : ''}" data-cells="${cellIds.join(' ')}"${findings.length > 0 ? ` data-findings="${findings.map(({ id }) => id).join(' ')}"` : ''} tabindex="0">`,
      `<span class="xl-place">${escapeHtml(placeOf(fact.span, locale))}</span> `,
      `<span class="xl-quote">${excerpt(input.text, fact.span, fact.text)}</span>`,
      `<span class="xl-stated">${escapeHtml(word('statedAs', locale))} <b>${fact.value}</b> · ${escapeHtml(word('tableGives', locale))} ${links.join(' + ')}${status ? ` · ${escapeHtml(status)}` : ''}</span>`,
      '</li>',
    ].join('');
  });
  return `<ul class="xl-facts">${items.join('\n')}</ul>`;
}

function renderTables(report: AnnualReport, view: FileView, locale: Locale): string {
  const template = TEMPLATES[report.meta.formatVersion];
  const keys = TABLE_KEYS.filter((key) => template.tables[key] !== undefined || report.tables[key] !== undefined);
  if (keys.length === 0) return `<p>${escapeHtml(word('noTables', locale))}</p>`;
  return keys
    .map((key) => {
      const table = report.tables[key] as AnyTable | undefined;
      if (!table) return `<div class="xl-table-missing" id="${view.context.cellId(key, '', '')}"><b>${escapeHtml(tableLabel(key, locale, report.meta.formatVersion))}</b> ${escapeHtml(word('tableNotFound', locale))}</div>`;
      return drawTable(view.context, catalogTable(key, template.tables[key]), table);
    })
    .join('\n');
}

function legend(locale: Locale): string {
  const states: [string, 'stateFailed' | 'stateBlank' | 'stateMissing' | 'stateAmbiguous' | 'stateInferred' | 'stateInvalid'][] = [
    ['xl-cell xl-count xl-sev-error', 'stateFailed'],
    ['xl-cell xl-blank', 'stateBlank'],
    ['xl-cell xl-missing', 'stateMissing'],
    ['xl-cell xl-ambiguous', 'stateAmbiguous'],
    ['xl-cell xl-inferred', 'stateInferred'],
    ['xl-cell xl-invalid', 'stateInvalid'],
  ];
  return `<p class="xl-legend"><b>${escapeHtml(word('legend', locale))}</b> ${states
    .map(([classes, key]) => `<span class="xl-swatch ${classes}"></span>${escapeHtml(word(key, locale))}`)
    .join(' ')}</p>`;
}

/**
 * The part of the HTML report about one file: its findings, the three tables in the template's
 * layout with every cell as read, the sections found and missing, and the counts its text states.
 * The playground shows this; {@link formatHtml} puts one per file in a page.
 */
export function renderHtmlFile(input: HtmlFileInput, index: number, options: HtmlOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const view = viewOf(input, index, locale);
  const counts = countDiagnostics(input.diagnostics);
  const parts = [
    `<section class="xl-file" id="${view.prefix}" data-file="${escapeHtml(input.file)}" data-errors="${counts.errorCount}" data-warnings="${counts.warningCount}" data-infos="${counts.infoCount}">`,
    `<h2>${escapeHtml(input.file)} <small>${counts.errorCount} ${escapeHtml(word('errors', locale))} · ${counts.warningCount} ${escapeHtml(word('warnings', locale))} · ${counts.infoCount} ${escapeHtml(
      word('infos', locale),
    )}</small></h2>`,
  ];
  // The tables are drawn first: links from findings and stated counts go only to what is drawn.
  const tables = input.report ? renderTables(input.report, view, locale) : '';
  for (const id of idsIn(tables)) view.drawn.add(id);
  if (input.report) parts.push(renderMeta(input.report, locale));
  parts.push(`<h3>${escapeHtml(word('findings', locale))}</h3>`, renderFindings(input, view, options, locale));
  if (input.report) {
    parts.push(
      `<h3>${escapeHtml(word('tables', locale))}</h3>`,
      legend(locale),
      tables,
      `<h3>${escapeHtml(word('sections', locale))}</h3>`,
      renderSections(input.report, locale),
      `<h3>${escapeHtml(word('narrative', locale))}</h3>`,
      renderNarrative(input, input.report, view, locale),
    );
  } else {
    parts.push(`<p>${escapeHtml(word('notRead', locale))}</p>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The summary table: every file with its counts, most errors first, each linked to its part. */
export function renderHtmlSummary(inputs: readonly HtmlFileInput[], options: HtmlOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  if (inputs.length === 0) return `<p>${escapeHtml(word('noFiles', locale))}</p>`;
  const rows = inputs
    .map((input, index) => ({ input, index, counts: countDiagnostics(input.diagnostics) }))
    .sort((a, b) => b.counts.errorCount - a.counts.errorCount || b.counts.warningCount - a.counts.warningCount || a.index - b.index);
  const totals = countDiagnostics(inputs.flatMap((input) => input.diagnostics));
  const head = `<tr><th scope="col">${escapeHtml(word('file', locale))}</th><th scope="col">${escapeHtml(word('errors', locale))}</th><th scope="col">${escapeHtml(
    word('warnings', locale),
  )}</th><th scope="col">${escapeHtml(word('infos', locale))}</th></tr>`;
  const body = rows.map(
    ({ input, index, counts }) =>
      `<tr class="${counts.errorCount > 0 ? 'xl-sev-error' : counts.warningCount > 0 ? 'xl-sev-warning' : ''}"><td><a href="#x${index}">${escapeHtml(input.file)}</a></td><td>${counts.errorCount}</td><td>${counts.warningCount}</td><td>${counts.infoCount}</td></tr>`,
  );
  const fileCount = locale === 'en' ? `${word('total', locale)} (${inputs.length} ${inputs.length === 1 ? 'file' : 'files'})` : `${word('total', locale)}（${inputs.length} ${word('files', locale)}）`;
  const foot = `<tr><th scope="row">${escapeHtml(fileCount)}</th><td>${totals.errorCount}</td><td>${totals.warningCount}</td><td>${totals.infoCount}</td></tr>`;
  return `<table class="xl-summary"><thead>${head}</thead><tbody>${body.join('')}</tbody><tfoot>${foot}</tfoot></table>`;
}

/** The descriptions of the rules the findings name, each the target of the findings' rule links. */
export function renderRuleGlossary(inputs: readonly HtmlFileInput[], options: HtmlOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const used = new Set(inputs.flatMap((input) => input.diagnostics.map((diagnostic) => diagnostic.ruleId)));
  const known = rules.filter((meta) => used.has(meta.id));
  if (known.length === 0) return '';
  const items = known.map((meta) => {
    const docs = options.ruleDocsUrl ? ` <a href="${escapeHtml(options.ruleDocsUrl.replace('{ruleId}', encodeURIComponent(meta.id)))}">${escapeHtml(word('ruleDocs', locale))}</a>` : '';
    return `<dt id="rule-${meta.id}"><code>${escapeHtml(meta.id)}</code>${docs}</dt><dd>${escapeHtml(meta.description[locale])}</dd>`;
  });
  return `<h2>${escapeHtml(word('rules', locale))}</h2><dl class="xl-glossary">${items.join('')}</dl>`;
}
