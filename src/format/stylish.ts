import type { FormatVersion } from '../catalog/index.js';
import { columnLabel, tableLabelsIn } from '../diagnostics/index.js';
import type { Diagnostic, DiagnosticCounts, Locale, Localized, Severity } from '../diagnostics/index.js';
import { spanPlace } from './place.js';
import { totalsOf } from './result.js';
import type { FileResult } from './result.js';
import { displayWidth, padDisplay, wrapDisplay } from './width.js';

/** Options of the stylish formatter. */
export interface StylishOptions {
  /** Colour the output with ANSI escapes (see {@link shouldColor}). Off by default. */
  readonly color?: boolean;
  /** Language of the severity words and the summary line; Chinese by default. */
  readonly locale?: Locale;
  /**
   * The terminal's width in columns; lines are wrapped to it, kept between 80 and 120
   * (wider terminals still get 120: long lines are hard to read). 100 by default.
   */
  readonly width?: number;
}

const SEVERITY_WORDS: Readonly<Record<Severity, Localized>> = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  info: { 'zh-CN': '提示', en: 'info' },
};

const SGR = {
  red: 31,
  yellow: 33,
  blue: 34,
  dim: 2,
  bold: 1,
  underline: 4,
} as const;

type Paint = (style: keyof typeof SGR, text: string) => string;

const painter = (color: boolean): Paint => (color ? (style, text) => `\u001b[${SGR[style]}m${text}\u001b[0m` : (_style, text) => text);

const SEVERITY_STYLE: Readonly<Record<Severity, keyof typeof SGR>> = { error: 'red', warning: 'yellow', info: 'blue' };

// Report text and file names come from anywhere: a control character (an ESC sequence could clear
// the screen or forge colours; a newline in a file name could forge a diagnostic line) or a
// bidirectional override is shown as its code, never sent to the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text made safe for a terminal: control and bidi-override characters shown as `\x1B`, `\n`, `\u202E`. */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    if (code === 10) return '\\n';
    if (code === 13) return '\\r';
    if (code === 9) return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

// A message is wrapped by this format; its own line breaks are spaces. Its lines are joined with
// one space, the blanks around each break dropped: split and trimmed rather than
// replaced by `/\s*[\r\n]+\s*/g`, which retries a long run of blanks from each of its starts.
const joinLines = (text: string): string => {
  const lines = text.split(/[\r\n]+/);
  if (lines.length === 1) return text;
  const last = lines.length - 1;
  return lines
    .map((line, index) => (index === 0 ? line.trimEnd() : index === last ? line.trimStart() : line.trim()))
    .filter((line, index) => line !== '' || index === 0 || index === last)
    .join(' ');
};
const oneLine = (text: string): string => escapeTerminal(joinLines(text));

const MIN_WIDTH = 80;
const MAX_WIDTH = 120;
const DEFAULT_WIDTH = 100;
const ROW_LABEL_WIDTH = 20;

/** A label cut to a display width, with an ellipsis when cut. */
function shorten(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

/**
 * The cell or row a diagnostic is about, named compactly: `表三 · 自然人 · 一、本年新收政府信…`
 * (table, column, row — the row label shortened), or `Table 三 · Natural persons · New applications…`;
 * in the wording of the format the report was read in (the current one's when absent).
 */
export function compactPlace(diagnostic: Pick<Diagnostic, 'table' | 'row' | 'column'>, locale: Locale, format: FormatVersion = '2021'): string {
  const { table, row, column } = diagnostic;
  if (!table) return '';
  const labels = tableLabelsIn(table, format);
  if (!labels) return table;
  const parts = [labels.short[locale]];
  if (column !== undefined) parts.push(columnLabel(table, column, locale, format));
  if (row !== undefined) parts.push(shorten(labels.rows.get(row)?.short[locale] ?? row, ROW_LABEL_WIDTH * (locale === 'en' ? 2 : 1)));
  return parts.join(' · ');
}

/**
 * A diagnostic's suggested correction on a line of its own, the cell named compactly:
 * `→ 建议：表三 · 总计 · 一、本年新收政府信… 改为 6（现为 7）`; for two cells of a row swapped, both.
 */
function suggestionLine(diagnostic: Diagnostic, locale: Locale, format: FormatVersion | undefined): string | undefined {
  const { suggestion } = diagnostic;
  if (!suggestion) return undefined;
  const cell = escapeTerminal(compactPlace(suggestion.cell, locale, format));
  const value = escapeTerminal(suggestion.value);
  const current = suggestion.current !== undefined ? escapeTerminal(suggestion.current) : undefined;
  if (suggestion.kind === 'column' && suggestion.from) {
    const from = escapeTerminal(compactPlace(suggestion.from, locale, format));
    return locale === 'en' ? `→ suggested: swap ${cell} and ${from} (${value} belongs in the first)` : `→ 建议：${cell} 与 ${from} 两格数值互换（${value} 应在前者）`;
  }
  const now = current !== undefined ? (locale === 'en' ? ` (it is ${current})` : `（现为 ${current}）`) : '';
  return locale === 'en' ? `→ suggested: ${cell} = ${value}${now}` : `→ 建议：${cell} 改为 ${value}${now}`;
}

const clampWidth = (width: number | undefined): number =>
  width === undefined || !Number.isFinite(width) ? DEFAULT_WIDTH : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.floor(width)));

const MESSAGE_INDENT = '    ';

/**
 * The stylish block of one file: its name, then per diagnostic a line with its place
 * (`line:column`, after the page of a PDF or before the table cell of a web page or Word file, as
 * the HTML report names it; `-` when it has none), severity, rule id and the cell concerned, and under it the
 * message wrapped to the terminal's width by display width. Empty for a file without diagnostics,
 * as in ESLint. {@link formatStylish} is these blocks followed by {@link formatStylishSummary}; a
 * caller checking many files can write each block as soon as its file is checked.
 */
export function formatStylishFile(result: FileResult, options: StylishOptions = {}): string {
  if (result.diagnostics.length === 0) return '';
  const locale = options.locale ?? 'zh-CN';
  const width = clampWidth(options.width);
  const paint = painter(options.color ?? false);
  const rows = result.diagnostics.map((diagnostic) => ({
    position: diagnostic.span ? spanPlace(diagnostic.span, locale, { brief: true }) : '-',
    severity: diagnostic.severity,
    word: SEVERITY_WORDS[diagnostic.severity][locale],
    message: oneLine(diagnostic.message),
    ruleId: escapeTerminal(diagnostic.ruleId),
    place: escapeTerminal(compactPlace(diagnostic, locale, result.format)),
    suggestion: suggestionLine(diagnostic, locale, result.format),
  }));
  const positionWidth = Math.max(...rows.map((row) => displayWidth(row.position)));
  const severityWidth = Math.max(...rows.map((row) => displayWidth(row.word)));
  const blocks = rows.map((row) => {
    const head = `  ${paint('dim', padDisplay(row.position, positionWidth))}  ${paint(SEVERITY_STYLE[row.severity], padDisplay(row.word, severityWidth))}  ${paint('bold', row.ruleId)}`;
    const headWidth = 2 + positionWidth + 2 + severityWidth + 2 + displayWidth(row.ruleId);
    const lines: string[] = [];
    if (row.place === '') lines.push(head);
    else if (headWidth + 2 + displayWidth(row.place) <= width) lines.push(`${head}  ${paint('dim', row.place)}`);
    else lines.push(head, `${MESSAGE_INDENT}${paint('dim', row.place)}`);
    for (const line of wrapDisplay(row.message, width - MESSAGE_INDENT.length)) lines.push(`${MESSAGE_INDENT}${line}`);
    if (row.suggestion !== undefined) for (const line of wrapDisplay(row.suggestion, width - MESSAGE_INDENT.length)) lines.push(`${MESSAGE_INDENT}${paint('bold', line)}`);
    return lines.join('\n');
  });
  return `${paint('underline', escapeTerminal(result.file))}\n${blocks.join('\n')}\n\n`;
}

/** The summary line of stylish output (empty when there is nothing to report). */
export function formatStylishSummary(totals: DiagnosticCounts, options: StylishOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const paint = painter(options.color ?? false);
  const { errorCount, warningCount, infoCount } = totals;
  const problems = errorCount + warningCount;
  if (problems === 0 && infoCount === 0) return '';
  const infoText = locale === 'en' ? `${infoCount} info` : `${infoCount} 条提示`;
  if (problems === 0) return `${paint('bold', `ℹ ${infoText}`)}\n`;
  const parts =
    locale === 'en'
      ? [`${errorCount} ${errorCount === 1 ? 'error' : 'errors'}`, `${warningCount} ${warningCount === 1 ? 'warning' : 'warnings'}`]
      : [`${errorCount} 个错误`, `${warningCount} 个警告`];
  // Problems are errors and warnings, as ESLint counts them; the infos listed come after, apart,
  // so that the parts in the parentheses add up to the total before them.
  const besides = infoCount === 0 ? '' : locale === 'en' ? `, and ${infoText}` : `，另有 ${infoText}`;
  const line =
    locale === 'en'
      ? `✖ ${problems} ${problems === 1 ? 'problem' : 'problems'} (${parts.join(', ')})${besides}`
      : `✖ ${problems} 个问题（${parts.join('，')}）${besides}`;
  return `${paint(errorCount > 0 ? 'red' : 'yellow', paint('bold', line))}\n`;
}

/** What decides colour: the command line's `--color`/`--no-color`, the environment, and whether output is a terminal. */
export interface ColorSignals {
  /** `--color` (true) or `--no-color` (false); undefined when neither was given. */
  readonly flag?: boolean | undefined;
  /** The environment variables (`FORCE_COLOR`, `NO_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when the output is a terminal. */
  readonly isTTY: boolean;
}

/**
 * Whether to colour: `--color`/`--no-color` first, then `FORCE_COLOR` (any value but `0` or
 * `false` turns colour on, `0`/`false` off), then `NO_COLOR` (any non-empty value turns it off,
 * as no-color.org asks), else colour on a terminal only.
 */
export function shouldColor({ flag, env, isTTY }: ColorSignals): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

/**
 * ESLint's "stylish" output, fitted to an 80–120-column terminal: diagnostics grouped by file,
 * each with its place, severity, rule id and cell on one line and its message wrapped under it,
 * and a summary line such as `✖ 3 个问题（2 个错误，1 个警告）` (Chinese) or
 * `✖ 3 problems (2 errors, 1 warning)` (English). Infos are listed but are not problems. Control
 * characters from report text and file names are shown escaped. Never throws: `results` that is
 * not an array is formatted as no results.
 *
 * @example
 * ```ts
 * process.stdout.write(formatStylish([summarize('report.txt', diagnostics)], { color: true, locale: 'en', width: process.stdout.columns }));
 * ```
 */
export function formatStylish(results: readonly FileResult[], options: StylishOptions = {}): string {
  // Formatting is the last step of a run: what is not a list of results is formatted as none.
  if (!Array.isArray(results)) return formatStylish([], options);
  const blocks = results.map((result) => formatStylishFile(result, options)).join('');
  return blocks + formatStylishSummary(totalsOf(results), options);
}
