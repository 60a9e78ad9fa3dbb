/**
 * The HTML report: one self-contained page (no network, no external asset) that shows each report
 * as people know it — its three tables in the template's layout, every cell as read, the cells of
 * failed relations highlighted and linked to their findings — in Chinese or English.
 *
 * @packageDocumentation
 */
import { HTML_REPORT_SCRIPT, HTML_REPORT_STYLE } from './assets.js';
import { escapeHtml } from './escape.js';
import { renderHtmlFile, renderHtmlSummary, renderRuleGlossary } from './render.js';
import type { HtmlFileInput, HtmlOptions } from './render.js';
import { word } from './words.js';

export { HTML_REPORT_SCRIPT, HTML_REPORT_STYLE } from './assets.js';
export { escapeHtml } from './escape.js';
export { relationExpression, renderHtmlFile, renderHtmlSummary, renderRuleGlossary } from './render.js';
export type { HtmlFileInput, HtmlOptions } from './render.js';

/**
 * The HTML report of a run: a summary of every file sorted by errors, then one part per file
 * ({@link renderHtmlFile}), then the rules involved. Chinese by default, English with
 * `locale: 'en'`. The page holds its style and its one script inline: it opens from disk, makes no
 * request, and prints well.
 *
 * @example
 * ```ts
 * const { report, diagnostics } = checkText(text);
 * const page = formatHtml([{ file: 'report.txt', diagnostics, report, text }], { locale: 'en' });
 * ```
 */
export function formatHtml(files: readonly HtmlFileInput[], options: HtmlOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const title = options.title ?? word('title', locale);
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: not even a favicon or a font.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${HTML_REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<h2 id="summary">${escapeHtml(word('summary', locale))}</h2>`,
    renderHtmlSummary(files, options),
    ...files.map((file, index) => renderHtmlFile(file, index, options)),
    renderRuleGlossary(files, options),
    `<footer>${escapeHtml(word('generated', locale))}</footer>`,
    `<script>${HTML_REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
