/**
 * The entry points that read a report and check it: they sit above both the reader and the rules.
 *
 * @packageDocumentation
 */
import { renderMessage } from './diagnostics/index.js';
import type { Diagnostic, Localized } from './diagnostics/index.js';
import { decodeText } from './document/decode.js';
import { binaryKindOf, looksLikeHtml, textFormOf } from './document/detect.js';
import type { DocxReadOptions } from './document/docx/index.js';
import type { DocumentForm, ReportDocument } from './document/model.js';
import type { PdfReadOptions } from './document/pdf/index.js';
import { documentProblem, errorText, unreadDocument } from './document/problem.js';
import { readTextDocument } from './document/text/index.js';
import type { AnnualReport } from './model/index.js';
import { parseDocument, parseReport } from './read/parse.js';
import { INVALID_INPUT_RULE_ID, checkReadReport, kindOf, validateOptions } from './rules/index.js';
import type { CheckOptions } from './rules/index.js';

/** What {@link checkText} and {@link checkDocument} return: the typed report read and what the rules found. */
export interface TextCheckResult {
  /** The typed report read from the input. */
  readonly report: AnnualReport;
  /** Diagnostics, ordered by position; every span points into the input as given. */
  readonly diagnostics: Diagnostic[];
}

const NOT_TEXT: Localized = {
  'zh-CN': '应传入报告文本（字符串），而不是 {value}；未做检查',
  en: 'The report text must be a string, not {value}; nothing was checked',
};
const HTML_PAGE: Localized = {
  'zh-CN': '输入是网页的源代码（HTML），不是报告的文本：网页请用 checkDocument 读取；未做检查',
  en: "The input is a web page's source (HTML), not a report's text: read a page with checkDocument; nothing was checked",
};

/** A report read by `read`, or — when the reader itself fails (a defect, or the engine's own limits such as a RangeError) — an empty one recording the failure, reported as `internal-error`. */
function readSafely(read: () => AnnualReport): AnnualReport {
  try {
    return read();
  } catch (error) {
    return { ...parseReport(''), readerFailures: [{ stage: 'parse', message: error instanceof Error ? error.message : String(error) }] };
  }
}

/**
 * Reads a report given as text and checks it: `parseReport` then the rules. Never throws, on any
 * input: a `text` that is not a string (`undefined`, `null`, bytes…) gives an empty report and one
 * `invalid-input` error diagnostic; invalid options (`null`, `{ locale: 'zh' }`) are reported as
 * `invalid-option` and left at their defaults; a failure of the reader itself is an
 * `internal-error` diagnostic. A web page's source (markup, as `looksLikeHtml` tells it) is not read
 * as text — its tags and CMS chrome would give false findings — but gives an empty report and one
 * `invalid-input` error (message id `html-page`) saying to use {@link checkDocument}, which reads
 * the page's article and tables. Text-only, so a bundle that uses only `checkText` has no HTML parser.
 *
 * @example
 * ```ts
 * const { report, diagnostics } = checkText(text, { locale: 'en' });
 * ```
 */
export function checkText(text: string, options: CheckOptions = {}): TextCheckResult {
  if (typeof text !== 'string') {
    const { locale, diagnostics } = validateOptions(options);
    const args = { value: kindOf(text) };
    const notText: Diagnostic = { ruleId: INVALID_INPUT_RULE_ID, severity: 'error', messageId: 'not-text', args, message: renderMessage(NOT_TEXT, args, locale) };
    return { report: parseReport(''), diagnostics: [...diagnostics, notText] };
  }
  if (looksLikeHtml(text)) {
    const { locale, diagnostics } = validateOptions(options);
    const htmlPage: Diagnostic = { ruleId: INVALID_INPUT_RULE_ID, severity: 'error', messageId: 'html-page', args: {}, message: renderMessage(HTML_PAGE, {}, locale) };
    return { report: parseReport(''), diagnostics: [...diagnostics, htmlPage] };
  }
  const report = readSafely(() => parseReport(text));
  // The reader's report is valid by construction: only reports from elsewhere go through the schema.
  return { report, diagnostics: checkReadReport(report, options) };
}

/** What a report is given as: its text, or the bytes of its file (text, web page, PDF, Word). */
export type DocumentInput = string | Uint8Array | ArrayBuffer;

/** Options of {@link readDocument} and {@link checkDocument}. */
export interface DocumentOptions extends CheckOptions {
  /** The form of the input; detected from its content when not given (markup, `%PDF-`, a zip). */
  readonly form?: DocumentForm;
  /**
   * The publication date (ISO `YYYY-MM-DD`) when it is known from outside the report — a
   * configuration, the command line, a crawler's record: it wins over the date the report states.
   */
  readonly publishedOn?: string;
  /** How a PDF is read: the pdf.js module and worker to use (a page bundling its own), and the limits. */
  readonly pdf?: PdfReadOptions;
  /** The limits a Word file is read within. */
  readonly docx?: DocxReadOptions;
}

/** Whether an input is bytes: a `Uint8Array` (a Node `Buffer` is one) or an `ArrayBuffer`. */
const isBytes = (input: unknown): input is Uint8Array | ArrayBuffer => input instanceof Uint8Array || input instanceof ArrayBuffer;

/** The form of an input, from its content: `%PDF-` is a PDF, a zip a Word file, markup a web page. */
export function detectForm(input: DocumentInput): DocumentForm | 'unsupported' {
  if (typeof input === 'string') return textFormOf(input);
  if (!isBytes(input)) return 'unsupported';
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  switch (binaryKindOf(bytes)) {
    case 'pdf':
      return 'pdf';
    case 'zip':
      return 'docx';
    case 'ole':
      return 'unsupported';
    default:
      return textFormOf(decodeText(bytes.subarray(0, 4096)));
  }
}

/**
 * Reads a report in any form into the document model, each front-end loaded only when a document
 * of its form is met (a page that checks only text never loads the HTML, PDF or Word reader).
 * Never rejects: a document that cannot be read has a `problems` entry saying why.
 */
export async function readDocument(input: DocumentInput, options: Pick<DocumentOptions, 'form' | 'pdf' | 'docx'> = {}): Promise<ReportDocument> {
  if (typeof input !== 'string' && !isBytes(input)) return unreadDocument('text', documentProblem('unsupported-form', 'input-not-document', { value: kindOf(input) }));
  const form = (typeof options === 'object' && options !== null ? options.form : undefined) ?? detectForm(input);
  try {
    const bytes = typeof input === 'string' ? undefined : input instanceof Uint8Array ? input : new Uint8Array(input);
    const text = (): string => (typeof input === 'string' ? input : decodeText(bytes as Uint8Array));
    switch (form) {
      case 'text':
        return readTextDocument(text());
      case 'html':
        return (await import('./document/html/index.js')).readHtmlDocument(text());
      case 'pdf':
        if (bytes === undefined) return unreadDocument('pdf', documentProblem('unsupported-form', 'pdf-not-bytes'));
        return await (await import('./document/pdf/index.js')).readPdfDocument(bytes, options?.pdf);
      case 'docx':
        if (bytes === undefined) return unreadDocument('docx', documentProblem('unsupported-form', 'docx-not-bytes'));
        return (await import('./document/docx/index.js')).readDocxDocument(bytes, options?.docx);
      default:
        return unreadDocument('text', documentProblem('old-word-format', 'old-word-format'));
    }
  } catch (error) {
    // A front-end defect must not take the check down, nor pass unnoticed.
    return unreadDocument(form === 'unsupported' ? 'text' : form, documentProblem('reader-failure', 'reader-failure', { error: errorText(error) }));
  }
}

/**
 * Reads a report as published — text, a web page, a PDF or a Word file, as a string or bytes — and
 * checks it. The form is detected from the content unless `options.form` says it. Never rejects.
 *
 * @example
 * ```ts
 * const { report, diagnostics } = await checkDocument(readFileSync('report.html'));
 * report.meta.form; // 'html'
 * ```
 */
export async function checkDocument(input: DocumentInput, options: DocumentOptions = {}): Promise<DocumentCheckResult> {
  // Options that are not an object (`null`) are reported by the rules' engine; the form is then detected.
  const given = typeof options === 'object' && options !== null ? options : {};
  const document = await readDocument(input, given);
  return { document, ...checkReadDocument(document, options) };
}

/**
 * Checks a document already read into the model (by {@link readDocument}, or a front-end called
 * directly): reads the typed report from it and runs the rules — what {@link checkDocument} does
 * once the document is read, synchronously. `options.publishedOn` wins over the date the document
 * states. Never throws: a failure of the reader is an `internal-error` diagnostic.
 */
export function checkReadDocument(document: ReportDocument, options: Omit<DocumentOptions, 'form' | 'pdf' | 'docx'> = {}): TextCheckResult {
  const given = typeof options === 'object' && options !== null ? options : {};
  const report = readSafely(() => parseDocument(document));
  if (given.publishedOn !== undefined) report.meta.publishedOn = { value: given.publishedOn };
  return { report, diagnostics: checkReadReport(report, options) };
}

/** What {@link checkDocument} returns: also the document model the report was read from. */
export interface DocumentCheckResult extends TextCheckResult {
  /** The document as its front-end read it: its text (for PDF and Word, the text extracted), blocks and grids. */
  readonly document: ReportDocument;
}
