import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { binaryKindOf, textFormOf } from '../document/detect.js';
import { checkDocument, checkSeries, compareDiagnostics, countDiagnostics, fatalDiagnostic, reportCells, serializeReport, summarize } from '../index.js';
import type { AnnualReport, AnnualReportInput, CellRecord, Diagnostic, DocumentForm, FatalRuleId, FileResult, Locale, RuleLevel, SourceText } from '../index.js';
import { decodeReport } from './decode.js';
import { readFileBounded } from './files.js';
import type { NonRegularKind, ReadFailure } from './files.js';
import type { UndecodableReason } from './decode.js';
import { message } from './messages.js';
import type { MessageKey } from './messages.js';

let pdfjsCMaps: string | undefined;

/**
 * The predefined CMaps pdfjs-dist ships (its `cmaps/` folder, resolved from the installed package):
 * a PDF whose non-embedded fonts map their bytes through one (`GBK-EUC-H`, …) is read with them.
 */
function pdfjsCMapFolder(): string {
  pdfjsCMaps ??= join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + sep;
  return pdfjsCMaps;
}

/**
 * One file to check, as a plain object: it crosses to a worker thread as is. The worker reads the
 * file itself (reading is a good share of the work); standard input comes as its bytes.
 */
export interface CheckTask {
  /** The name the file is reported under. */
  readonly name: string;
  /** The absolute path to read; absent when `bytes` are given. */
  readonly path?: string;
  /** The bytes, for standard input. */
  readonly bytes?: Uint8Array;
  /** `--max-file-size`: the largest file read, in bytes. */
  readonly maxFileSize?: number;
  /** The rule levels for this file (configuration, overrides and command line merged). */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly locale: Locale;
  /** `--quiet`: keep errors only (warnings are still counted for --max-warnings). */
  readonly quiet: boolean;
  /** `--cells`: return the report's cells too. */
  readonly cells?: boolean;
  /** `--include-report`: return the typed report in its JSON form too. */
  readonly includeReport?: boolean;
  /** `--published-on`: the publication date, over the one the report states. */
  readonly publishedOn?: string;
  /** Return the report and its text as read (`--previous`, `--series`): only for a check on the main thread. */
  readonly keep?: boolean;
}

/** What checking one file gave: its result and what to say about it on stderr. */
export interface CheckOutcome {
  /** The result: diagnostics, counts, encoding, end positions; one fatal diagnostic when the file could not be checked. */
  readonly result: FileResult;
  /** Warnings found, before --quiet dropped them (what --max-warnings counts). */
  readonly warningsFound: number;
  /** Lines for stderr (without the command prefix): why the file was not checked, replaced bytes. */
  readonly notices: readonly string[];
  /** True when the file could not be checked at all. */
  readonly fatal: boolean;
  /** The report's cells, when the task asked for them. */
  readonly cells?: readonly CellRecord[];
  /** The typed report in its JSON form, when the task asked for it (`--include-report`). */
  readonly report?: AnnualReportInput;
  /** The report and the text it was read from, when the task asked to keep them (not for a worker). */
  readonly kept?: { readonly report: AnnualReport; readonly source: SourceText; readonly encoding?: string };
}

// Why a decoded file is refused: a form not read yet is "unsupported", anything else "undecodable".
const UNDECODABLE: Readonly<Record<UndecodableReason, { key: MessageKey; ruleId: FatalRuleId }>> = {
  pdf: { key: 'pdf', ruleId: 'file-unsupported' },
  office: { key: 'office', ruleId: 'file-unsupported' },
  binary: { key: 'binary', ruleId: 'file-undecodable' },
  'unknown-encoding': { key: 'unknownEncoding', ruleId: 'file-undecodable' },
};

// The rules that speak of a document its front-end could not read.
const DOCUMENT_PROBLEM_RULES: ReadonlySet<string> = new Set(['document-unreadable', 'no-text-layer']);
// Problem codes that mean a form xxgk-lint does not read, rather than a damaged or locked file.
const UNSUPPORTED_FORMS: ReadonlySet<string> = new Set(['unsupported-form', 'old-word-format']);

// Node's error codes as one short phrase, in place of its English-only messages.
const IO_REASONS: Readonly<Record<string, { 'zh-CN': string; en: string }>> = {
  ENOENT: { 'zh-CN': '文件不存在', en: 'no such file' },
  EACCES: { 'zh-CN': '没有权限', en: 'permission denied' },
  EPERM: { 'zh-CN': '没有权限', en: 'permission denied' },
  EISDIR: { 'zh-CN': '是目录', en: 'is a directory' },
  ENOTDIR: { 'zh-CN': '路径中有非目录项', en: 'a part of the path is not a directory' },
  // mkdir of an output folder where a file of that name already is.
  EEXIST: { 'zh-CN': '已有同名文件', en: 'a file of that name is in the way' },
  EMFILE: { 'zh-CN': '打开的文件过多', en: 'too many open files' },
};

/** Why an I/O operation failed, as one short phrase in the locale. */
export function reasonOf(error: unknown, locale: Locale): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  if (code && IO_REASONS[code]) return IO_REASONS[code][locale];
  if (code) return code;
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

/** A file that could not be checked, as a result of its own: one fatal diagnostic, rendered in the locale. */
export function fatalOutcome(name: string, ruleId: FatalRuleId, key: MessageKey, locale: Locale, args: Readonly<Record<string, string | number>> = {}): CheckOutcome {
  const text = message(key, locale, { file: name, ...args });
  return { result: summarize(name, [fatalDiagnostic(ruleId, key, text, { file: name, ...args })]), warningsFound: 0, notices: [text], fatal: true };
}

/**
 * Reads, decodes and checks one file. Never throws: a file that cannot be read or decoded is an
 * outcome with a fatal diagnostic. The same function runs on the main thread and in workers, so a
 * parallel run gives exactly what a serial one does.
 */
export async function checkTask(task: CheckTask): Promise<CheckOutcome> {
  if (task.bytes !== undefined) return checkBytes(task.bytes, task);
  // Bounded: checked against the size limit before reading, and a FIFO, device or socket refused
  // rather than read forever. Synchronous: reports are a few kilobytes, and an asynchronous read
  // (open, stat, read, close, each a trip through the thread pool) costs more than the read itself.
  const read = readFileBounded(task.path as string, task.maxFileSize);
  if (!read.ok) return readFailureOutcome(task.name, read.failure, task.locale);
  return checkBytes(asPlainBytes(read.bytes), task);
}

const NON_REGULAR: Readonly<Record<NonRegularKind, { 'zh-CN': string; en: string }>> = {
  fifo: { 'zh-CN': '命名管道', en: 'a FIFO' },
  'character-device': { 'zh-CN': '字符设备', en: 'a character device' },
  'block-device': { 'zh-CN': '块设备', en: 'a block device' },
  socket: { 'zh-CN': '套接字', en: 'a socket' },
  directory: { 'zh-CN': '目录', en: 'a directory' },
  other: { 'zh-CN': '特殊文件', en: 'a special file' },
};

/** A byte count as people read it: 16 MiB as `16M`. */
const sizeText = (bytes: number): string =>
  bytes % 1024 ** 3 === 0 ? `${bytes / 1024 ** 3}G` : bytes % 1024 ** 2 === 0 ? `${bytes / 1024 ** 2}M` : bytes % 1024 === 0 ? `${bytes / 1024}k` : `${bytes} B`;

/** The outcome of a file (or standard input) that could not be read within the bounds: one fatal entry. */
export function readFailureOutcome(name: string, failure: ReadFailure, locale: Locale): CheckOutcome {
  switch (failure.kind) {
    case 'too-large':
      return fatalOutcome(name, 'file-unreadable', 'tooLarge', locale, { limit: sizeText(failure.limit) });
    case 'not-regular':
      // A directory named where a file was expected reads as what it is, not as a pipe to read from `-`.
      if (failure.type === 'directory') return fatalOutcome(name, 'file-unreadable', 'unreadable', locale, { reason: reasonOf({ code: 'EISDIR' }, locale) });
      return fatalOutcome(name, 'file-unreadable', 'notRegular', locale, { type: NON_REGULAR[failure.type][locale] });
    case 'io':
      return fatalOutcome(name, failure.code === 'ENOENT' ? 'file-not-found' : 'file-unreadable', 'unreadable', locale, { reason: reasonOf(failure, locale) });
  }
}

/**
 * The bytes as a plain Uint8Array over the same memory: pdf.js refuses a Node Buffer, and bytes that
 * crossed to a worker arrive as a plain Uint8Array — both paths must give the same result.
 */
export const asPlainBytes = (bytes: Uint8Array): Uint8Array => (Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * Tells the form by the content (a PDF or Word file by its bytes, a saved page by its markup,
 * whatever the file is called), decodes text in its real encoding, and checks the document.
 */
export async function checkBytes(given: Uint8Array, task: CheckTask): Promise<CheckOutcome> {
  const bytes = asPlainBytes(given);
  const kind = binaryKindOf(bytes);
  let form: DocumentForm;
  let input: string | Uint8Array;
  let encoding: string | undefined;
  const notices: string[] = [];
  if (kind === 'pdf' || kind === 'zip') {
    form = kind === 'pdf' ? 'pdf' : 'docx';
    input = bytes;
  } else {
    const decoded = decodeReport(bytes);
    if (!decoded.ok) {
      const refusal = UNDECODABLE[decoded.reason];
      return fatalOutcome(task.name, refusal.ruleId, refusal.key, task.locale);
    }
    if (decoded.warning === 'bom-mismatch') notices.push(message('bomMismatch', task.locale, { file: task.name, encoding: decoded.encoding }));
    if (decoded.replaced > 0) notices.push(message('replaced', task.locale, { file: task.name, count: decoded.replaced, encoding: decoded.encoding }));
    form = textFormOf(decoded.text);
    input = decoded.text;
    encoding = decoded.encoding;
  }
  const { document, report, diagnostics } = await checkDocument(input, {
    rules: task.rules,
    locale: task.locale,
    form,
    ...(task.publishedOn !== undefined ? { publishedOn: task.publishedOn } : {}),
    ...(form === 'pdf' ? { pdf: { cMapUrl: pdfjsCMapFolder() } } : {}),
  });
  // A document its reader could not read (damaged, encrypted, a scan without text, a form not read
  // yet) is a file that could not be checked, like an unreadable one: never a clean result.
  const problem = document.problems[0];
  if (problem !== undefined) {
    // The reason in the user's language: what the rule for unreadable documents (or scans) says of
    // it, whatever its level; the front-end's English text only when no rule spoke.
    const said = diagnostics.find((diagnostic) => DOCUMENT_PROBLEM_RULES.has(diagnostic.ruleId))?.message;
    const ruleId = UNSUPPORTED_FORMS.has(problem.code) ? 'file-unsupported' : 'file-unreadable';
    return fatalOutcome(task.name, ruleId, 'documentProblem', task.locale, { reason: said ?? problem.message, code: problem.code });
  }
  // The rules a series runs on one report's own text (another year named in it) run with every file.
  const own = checkSeries([{ report, source: document.source, text: document.source.original, uri: task.name }], { rules: task.rules, locale: task.locale });
  if ((own.diagnostics[0] ?? []).length > 0) {
    diagnostics.push(...(own.diagnostics[0] ?? []));
    diagnostics.sort(compareDiagnostics);
  }
  const warningsFound = countDiagnostics(diagnostics).warningCount;
  const shown: Diagnostic[] = task.quiet ? diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : diagnostics;
  const result = summarize(task.name, shown, {
    text: document.source.original,
    form,
    ...(encoding !== undefined ? { encoding } : {}),
    ...(report.meta.agency !== undefined ? { agency: report.meta.agency.value } : {}),
    ...(report.meta.year !== undefined ? { year: report.meta.year.value } : {}),
    format: report.meta.formatVersion,
  });
  return {
    result,
    warningsFound,
    notices,
    fatal: false,
    ...(task.cells ? { cells: reportCells(task.name, report, task.locale) } : {}),
    ...(task.includeReport ? { report: serializeReport(report) } : {}),
    ...(task.keep ? { kept: { report, source: document.source, ...(encoding !== undefined ? { encoding } : {}) } } : {}),
  };
}
