/**
 * Formatters: plain functions of per-file results ({@link FileResult}) to text — `stylish` for
 * people, `html` for people reading a whole run in a browser, `json` for scripts, `sarif` for
 * code-scanning tools. Pure, like the rest of the core.
 *
 * @packageDocumentation
 */
export { summarize, totalsOf, infoCountOf } from './result.js';
export type { FileResult, ResultTotals, SummarizeOptions, SuppressedDiagnostic, Suppression, TextPosition } from './result.js';
export { FATAL_DIAGNOSTICS, fatalDiagnostic, isFatal } from './fatal.js';
export type { FatalDiagnostic, FatalRuleId } from './fatal.js';
export { contentFingerprint, occurrenceFingerprints } from './fingerprint.js';
export { spanPlace } from './place.js';
export { compactPlace, escapeTerminal, formatStylish, formatStylishFile, formatStylishSummary, shouldColor } from './stylish.js';
export type { ColorSignals, StylishOptions } from './stylish.js';
export { formatJson, jsonFileResult } from './json.js';
export type { JsonFileResult } from './json.js';
export { createSarifWriter, fileUri, formatSarif } from './sarif.js';
export type { FileFailure, FormatSarifOptions, SarifOptions, SarifWriter } from './sarif.js';
export { CSV_COLUMNS, csvField, csvHeader, csvRows, formatCsv } from './csv.js';
export { CELL_COLUMNS, cellsCsvHeader, cellsCsvRows, reportCells } from './cells.js';
export type { CellRecord, CellStatus } from './cells.js';
export { formatHtml, relationExpression, renderHtmlFile, renderHtmlSummary, renderRuleGlossary, HTML_REPORT_SCRIPT, HTML_REPORT_STYLE } from './html/index.js';
export type { HtmlFileInput, HtmlOptions } from './html/index.js';
export { RULE_PAGE_PATH, RULES_INDEX_PATH, rulePagesTemplate, rulePageUrl, rulesIndexUrl } from './docs-url.js';
