import type { DiagnosticCounts, Locale, Localized, Severity } from '../diagnostics/index.js';
import { totalsOf } from './result.js';
import type { FileResult } from './result.js';
import { displayWidth, padDisplay } from './width.js';

/** Options of the stylish formatter. */
export interface StylishOptions {
  /** Colour the output with ANSI escapes (the CLI asks for it on a terminal only). Off by default. */
  readonly color?: boolean;
  /** Language of the severity words and the summary line; Chinese by default. */
  readonly locale?: Locale;
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

// A message is one line in this format; a line break inside one would break the columns. Its lines
// are joined with one space, the blanks around each break dropped: split and trimmed rather than
// replaced by `/\s*[\r\n]+\s*/g`, which retries a long run of blanks from each of its starts.
const oneLine = (text: string): string => {
  const lines = text.split(/[\r\n]+/);
  if (lines.length === 1) return text;
  const last = lines.length - 1;
  return lines
    .map((line, index) => (index === 0 ? line.trimEnd() : index === last ? line.trimStart() : line.trim()))
    .filter((line, index) => line !== '' || index === 0 || index === last)
    .join(' ');
};

/**
 * The stylish block of one file: its name, then one aligned line per diagnostic
 * (`line:column  severity  message  ruleId`). Empty for a file without diagnostics, as in ESLint.
 * {@link formatStylish} is these blocks followed by {@link formatStylishSummary}; a caller
 * checking many files can write each block as soon as its file is checked.
 */
export function formatStylishFile(result: FileResult, options: StylishOptions = {}): string {
  if (result.diagnostics.length === 0) return '';
  const locale = options.locale ?? 'zh-CN';
  const paint = painter(options.color ?? false);
  const rows = result.diagnostics.map((diagnostic) => ({
    position: diagnostic.span ? `${Math.max(1, diagnostic.span.line)}:${Math.max(1, diagnostic.span.column)}` : '-',
    severity: diagnostic.severity,
    word: SEVERITY_WORDS[diagnostic.severity][locale],
    message: oneLine(diagnostic.message),
    ruleId: diagnostic.ruleId,
  }));
  const positionWidth = Math.max(...rows.map((row) => row.position.length));
  const severityWidth = Math.max(...rows.map((row) => displayWidth(row.word)));
  const messageWidth = Math.max(...rows.map((row) => displayWidth(row.message)));
  const lines = rows.map((row) => {
    const position = paint('dim', row.position.padEnd(positionWidth));
    const severity = paint(SEVERITY_STYLE[row.severity], padDisplay(row.word, severityWidth));
    return `  ${position}  ${severity}  ${padDisplay(row.message, messageWidth)}  ${paint('dim', row.ruleId)}`;
  });
  return `${paint('underline', result.file)}\n${lines.join('\n')}\n\n`;
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
  if (infoCount > 0) parts.push(infoText);
  const line =
    locale === 'en'
      ? `✖ ${problems} ${problems === 1 ? 'problem' : 'problems'} (${parts.join(', ')})`
      : `✖ ${problems} 个问题（${parts.join('，')}）`;
  return `${paint(errorCount > 0 ? 'red' : 'yellow', paint('bold', line))}\n`;
}

/**
 * ESLint's "stylish" output: diagnostics grouped by file, one aligned line each
 * (`line:column  severity  message  ruleId`; `-` for a diagnostic with no place in the text), and
 * a summary line such as `✖ 3 个问题（2 个错误，1 个警告）` (Chinese) or
 * `✖ 3 problems (2 errors, 1 warning)` (English). Infos are listed but are not problems.
 *
 * @example
 * ```ts
 * process.stdout.write(formatStylish([summarize('report.txt', diagnostics)], { color: true, locale: 'en' }));
 * ```
 */
export function formatStylish(results: readonly FileResult[], options: StylishOptions = {}): string {
  const blocks = results.map((result) => formatStylishFile(result, options)).join('');
  return blocks + formatStylishSummary(totalsOf(results), options);
}
