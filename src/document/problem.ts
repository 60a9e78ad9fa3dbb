import type { Locale, Localized, MessageArgs } from '../diagnostics/index.js';
import { renderMessage } from '../diagnostics/render.js';
import { normalize } from '../read/source.js';
import type { DocumentForm, DocumentProblem } from './model.js';
import type { ReportDocument } from './model.js';

/**
 * What a front-end says of a document it could not read, by detail id, in both locales: the
 * `detail` of a {@link DocumentProblem}, rendered by the rules in the diagnostic's locale
 * (`{error}` is the text of a library's own error, given as it is).
 */
export const PROBLEM_DETAILS = {
  'reader-failure': { 'zh-CN': '读取程序出错：{error}', en: 'the reader failed: {error}' },
  'input-not-document': { 'zh-CN': '输入应为字符串或字节，而不是 {value}', en: 'the input must be a string or bytes, not {value}' },
  'old-word-format': { 'zh-CN': '旧版二进制 Word（.doc）或 WPS 格式：请另存为 .docx 或 PDF', en: 'the old binary Word (.doc) or WPS format: save it as .docx or PDF' },
  'pdf-not-bytes': { 'zh-CN': 'PDF 须以字节传入', en: 'a PDF must be given as bytes' },
  'docx-not-bytes': { 'zh-CN': 'Word 文件须以字节传入', en: 'a Word file must be given as bytes' },
  'page-too-many-tags': { 'zh-CN': '网页的标签超过 {max} 个', en: 'the page has more than {max} tags' },
  'docx-part-too-large': {
    'zh-CN': 'Word 文件的正文（{part}）由 {size} 字节解压为 {unzipped} 字节，超出读取上限（压缩炸弹或文件损坏）',
    en: "the Word file's text ({part}) unzips to {unzipped} bytes from {size}: more than is read (a zip bomb or a damaged file)",
  },
  'docx-text-too-large': { 'zh-CN': 'Word 文件的正文解压后超过 {max} 字节', en: "the Word file's text unzips to more than {max} bytes" },
  'docx-zip-damaged': { 'zh-CN': 'Word 文件已损坏，其 zip 无法打开（{error}）', en: 'the Word file is damaged: its zip cannot be opened ({error})' },
  'docx-no-document': { 'zh-CN': '该 zip 文件中没有 {part}：不是 Word（.docx）文档', en: 'the zip file holds no {part}: it is not a Word (.docx) document' },
  'docx-damaged': { 'zh-CN': 'Word 文件已损坏：{error}', en: 'the Word file is damaged: {error}' },
  'pdf-encrypted': { 'zh-CN': 'PDF 已加密，需要密码才能打开（{error}）', en: 'the PDF is encrypted and needs a password to open ({error})' },
  'pdf-damaged': { 'zh-CN': 'PDF 已损坏，无法读取（{error}）', en: 'the PDF is damaged and cannot be read ({error})' },
  'pdf-too-large': { 'zh-CN': 'PDF 有 {size} 字节，超过读取上限 {max} 字节', en: 'the PDF is {size} bytes, more than the {max} read' },
  'pdf-truncated': { 'zh-CN': 'PDF 不完整：缺少结尾标记（%%EOF）', en: 'the PDF is truncated: its end (%%EOF) is missing' },
  'pdf-too-slow': { 'zh-CN': '读取 PDF 超过 {max} 毫秒', en: 'reading the PDF took more than {max} ms' },
  'pdf-too-slow-on-page': { 'zh-CN': '读取 PDF 超过 {max} 毫秒（停在第 {page} 页）', en: 'reading the PDF took more than {max} ms (stopped on page {page})' },
  'pdf-page-too-many-runs': {
    'zh-CN': 'PDF 第 {page} 页的文字段超过每页读取上限 {max} 个',
    en: 'page {page} of the PDF holds more than the {max} text runs read on a page',
  },
  'pdf-page-too-many-rulings': {
    'zh-CN': 'PDF 第 {page} 页过大，无法排版：画有 {count} 条表格线，超过读取上限 {max} 条',
    en: 'page {page} of the PDF is too large to lay out: it draws {count} ruling lines, more than the {max} read',
  },
  'pdf-page-table-too-large': {
    'zh-CN': 'PDF 第 {page} 页过大，无法排版：其中一张表有 {rows} × {columns} 个单元格，超过读取上限 {max} 个',
    en: 'page {page} of the PDF is too large to lay out: a table it draws has {rows} × {columns} cells, more than the {max} read',
  },
  'pdf-cmap-missing': {
    'zh-CN': 'PDF 的字体需要预定义 CMap {list}，但未提供 CMap 来源（pdf.cMapUrl 选项：pdfjs-dist 的 cmaps/ 文件夹）：这些字体中的文字无法读取',
    en: "the PDF's fonts need the predefined CMap(s) {list} and no CMap source was given (the `pdf.cMapUrl` option: the cmaps/ folder of pdfjs-dist): the text set in those fonts could not be read",
  },
  'pdf-cmap-not-loaded': {
    'zh-CN': 'PDF 的字体需要预定义 CMap {list}，但无法从 {source} 载入：这些字体中的文字无法读取',
    en: "the PDF's fonts need the predefined CMap(s) {list} and they could not be loaded from {source}: the text set in those fonts could not be read",
  },
  'pdf-too-many-pages': { 'zh-CN': 'PDF 有 {pages} 页，超过读取上限 {max} 页', en: 'the PDF has {pages} pages, more than the {max} read' },
  'pdf-no-text-layer': { 'zh-CN': 'PDF 的 {pages} 页都没有文字层（扫描件）：须先进行文字识别（OCR）', en: "the PDF's {pages} page(s) hold no text layer (a scan): it needs OCR first" },
} as const satisfies Readonly<Record<string, Localized>>;

/** The id of a front-end problem's detail: a key of {@link PROBLEM_DETAILS}. */
export type ProblemDetailId = keyof typeof PROBLEM_DETAILS;

/**
 * A front-end problem: its code, its detail by id and args (rendered in the user's locale by the
 * rules), and `message`, the detail in English, for logs and for readers of the JSON.
 */
export function documentProblem(code: string, detail: ProblemDetailId, args: MessageArgs = {}): DocumentProblem {
  // Args as text: what the JSON of a report holds (a number of pages reads the same either way).
  const written = Object.fromEntries(Object.entries(args).map(([name, value]) => [name, String(value)]));
  return { code, message: renderMessage(PROBLEM_DETAILS[detail], written, 'en'), detail: { id: detail, args: written } };
}

/**
 * A problem's detail in a locale: from its id and args when it has them (every problem a
 * front-end of xxgk-lint records), else its message as given (a problem recorded elsewhere).
 */
export function problemDetailText(problem: DocumentProblem, locale: Locale): string {
  const template = problem.detail !== undefined && Object.hasOwn(PROBLEM_DETAILS, problem.detail.id) ? PROBLEM_DETAILS[problem.detail.id as ProblemDetailId] : undefined;
  return template ? renderMessage(template, problem.detail?.args ?? {}, locale) : problem.message;
}

/** The text of a thrown value, for a `{error}` argument. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A document a front-end could not read at all: no text, no grids, and the problem that says why
 * (the rules report it once instead of a missing section per heading).
 */
export function unreadDocument(form: DocumentForm, problem: DocumentProblem): ReportDocument {
  return { form, source: normalize(''), blocks: [], grids: [], hints: {}, problems: [problem] };
}
