import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  checkDocument,
  compareDiagnostics,
  countDiagnostics,
  createSarifWriter,
  formatHtml,
  formatStylishFile,
  formatStylishSummary,
  jsonFileResult,
  RULES,
  rules as RULE_METADATA,
  runRules,
  serializeReport,
  shouldColor,
  summarize,
} from '../index.js';
import type { AnnualReport, Diagnostic, DocumentForm, FileFailure, FileResult, HtmlFileInput, Locale, RuleLevel, SeriesReport, SourceText } from '../index.js';
import { binaryKindOf, textFormOf } from '../document/detect.js';
import { parseArgs } from './args.js';
import type { CliOptions } from './args.js';
import { decodeReport } from './decode.js';
import type { UndecodableReason } from './decode.js';
import { STDIN, expandTargets } from './files.js';
import type { Target } from './files.js';
import { COMMAND, helpText, message } from './messages.js';
import type { MessageKey } from './messages.js';
import { fileOutput, streamOutput } from './output.js';
import type { Output } from './output.js';
import { createProgress } from './progress.js';
import { createSeriesCheck } from './series.js';
import type { SeriesCheck } from './series.js';

/** The process the command runs in; tests and the bin pass the real one. */
export interface CliEnvironment {
  /** The command-line arguments, without `node` and the script. */
  readonly argv: readonly string[];
  /** Standard input, asked for only when `-` is given (creating process.stdin has a cost). */
  readonly stdin: () => Readable;
  /** Where results go (json and sarif write nothing else there). */
  readonly stdout: NodeJS.WriteStream;
  /** Where messages, warnings and the progress line go. */
  readonly stderr: NodeJS.WriteStream;
  /** The directory relative paths and globs are resolved against. */
  readonly cwd: string;
  /** The environment (FORCE_COLOR and NO_COLOR decide colour). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The package version, for `--version` and SARIF. */
  readonly version: string;
  /** The package homepage, when declared: SARIF links the tool and its rule docs to it. */
  readonly homepage?: string;
}

/** Exit codes. */
export const EXIT = { ok: 0, problems: 1, failure: 2 } as const;

const UNDECODABLE: Readonly<Record<UndecodableReason, MessageKey>> = {
  pdf: 'pdf',
  office: 'office',
  binary: 'binary',
  'unknown-encoding': 'unknownEncoding',
};

// Node's error codes as one short phrase, in place of its English-only messages.
const IO_REASONS: Readonly<Record<string, { 'zh-CN': string; en: string }>> = {
  ENOENT: { 'zh-CN': '文件不存在', en: 'no such file' },
  EACCES: { 'zh-CN': '没有权限', en: 'permission denied' },
  EPERM: { 'zh-CN': '没有权限', en: 'permission denied' },
  EISDIR: { 'zh-CN': '是目录', en: 'is a directory' },
  ENOTDIR: { 'zh-CN': '路径中有非目录项', en: 'a part of the path is not a directory' },
  EMFILE: { 'zh-CN': '打开的文件过多', en: 'too many open files' },
};

const reasonOf = (error: unknown, locale: Locale): string => {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  if (code && IO_REASONS[code]) return IO_REASONS[code][locale];
  if (code) return code;
  return error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
};

async function readStream(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Writes the chosen format piece by piece, so no file's diagnostics outlive its own output. */
interface Emitter {
  file(result: FileResult, read: { report: AnnualReport; text: string }): string;
  end(totals: { errorCount: number; warningCount: number; infoCount: number }, failures: readonly FileFailure[]): string;
}

function createEmitter(options: CliOptions, environment: CliEnvironment, color: boolean): Emitter {
  if (options.format === 'json') {
    let count = 0;
    return {
      // --include-report: the typed report in its JSON form (schema/annual-report.schema.json) beside the findings.
      file: (result, { report }) =>
        `${count++ === 0 ? '[' : ','}${JSON.stringify(options.includeReport ? { ...jsonFileResult(result), report: serializeReport(report) } : jsonFileResult(result))}`,
      end: () => (count === 0 ? '[]\n' : ']\n'),
    };
  }
  if (options.format === 'sarif') {
    const writer = createSarifWriter({
      toolVersion: environment.version,
      locale: options.locale,
      ...(environment.homepage !== undefined ? { informationUri: environment.homepage } : {}),
      baseUri: `${pathToFileURL(environment.cwd).href.replace(/\/?$/, '/')}`,
    });
    let started = false;
    const start = (): string => {
      if (started) return '';
      started = true;
      return writer.start();
    };
    return {
      file: (result) => start() + writer.add(result),
      end: (_totals, failures) => start() + writer.finish(failures),
    };
  }
  if (options.format === 'html') {
    // One page for the whole run, written at the end: it keeps each file's report and text until then.
    const files: HtmlFileInput[] = [];
    return {
      file: (result, read) => {
        files.push({ ...result, ...read });
        return '';
      },
      end: () => formatHtml(files, { locale: options.locale }),
    };
  }
  const stylish = { color, locale: options.locale, ...(options.outputFile === undefined && environment.stdout.isTTY && environment.stdout.columns ? { width: environment.stdout.columns } : {}) };
  return {
    file: (result) => formatStylishFile(result, stylish),
    end: (totals) => formatStylishSummary(totals, stylish),
  };
}

/**
 * Runs the command line and returns its exit code: 0 when no errors were found (and warnings are
 * within --max-warnings), 1 for errors or too many warnings, 2 for a usage error or any file that
 * could not be read. A file that cannot be read does not stop the others from being checked, and
 * its exit code 2 wins over 1: a pipeline must not take an incomplete check for a finished one.
 */
export async function runCli(environment: CliEnvironment): Promise<number> {
  const { stderr, stdout } = environment;
  const knownRules = RULE_METADATA.map((rule) => rule.id);
  const parsed = parseArgs(environment.argv, knownRules);
  if ('usageError' in parsed) {
    stderr.write(`${COMMAND}: ${parsed.usageError}${message('seeHelp', parsed.locale, { command: COMMAND })}\n`);
    return EXIT.failure;
  }
  const options = parsed;
  const { locale } = options;
  if (options.help) {
    stdout.write(helpText(environment.version));
    return EXIT.ok;
  }
  if (options.version) {
    stdout.write(`${environment.version}\n`);
    return EXIT.ok;
  }
  if (options.targets.length === 0) {
    stderr.write(`${COMMAND}: ${message('noTargets', locale)}${message('seeHelp', locale, { command: COMMAND })}\n`);
    return EXIT.failure;
  }

  const failures: FileFailure[] = [];
  let progress = createProgress(stderr, 0, () => '');
  const reportFailure = (file: string, key: MessageKey, args: Record<string, string | number> = {}): void => {
    const text = message(key, locale, { file, ...args });
    failures.push({ file, message: text });
    progress.clear();
    stderr.write(`${COMMAND}: ${text}\n`);
  };

  const expanded = await expandTargets(options.targets, environment.cwd, { extensions: options.extensions, ignorePatterns: options.ignorePatterns });
  for (const failure of expanded.failures) {
    reportFailure(failure.file, failure.key, {
      ...(failure.reason !== undefined ? { reason: failure.reason } : {}),
      extensions: options.extensions.map((extension) => `.${extension}`).join(locale === 'en' ? ' or ' : ' 或 '),
    });
  }

  // --previous: last year's report, read like any file (its own findings are not reported).
  let previous: SeriesReport | undefined;
  if (options.previous !== undefined) {
    const checked = await checkedDocument(await readTarget(options.previous, environment), options.previous, options, environment, reportFailure);
    if (checked) previous = { report: checked.report, text: checked.text, source: checked.source, uri: options.previous };
  }
  const series = createSeriesCheck({ rules: options.rules, locale }, previous, expanded.targets.length > 1);

  const toFile = options.outputFile !== undefined;
  const output: Output = toFile ? fileOutput(resolve(environment.cwd, options.outputFile as string)) : streamOutput(stdout);
  const color = shouldColor({ flag: options.color, env: environment.env, isTTY: !toFile && Boolean(stdout.isTTY) });
  const emitter = createEmitter(options, environment, color);
  const sharesTerminal = !toFile && Boolean(stdout.isTTY);
  progress = createProgress(stderr, expanded.targets.length, (done, total) => message('progress', locale, { done, total }));

  const totals = { errorCount: 0, warningCount: 0, infoCount: 0 };
  let warningsFound = 0;
  const emit = async (result: { fileResult: FileResult; read: { report: AnnualReport; text: string }; warningsFound: number }): Promise<void> => {
    warningsFound += result.warningsFound;
    totals.errorCount += result.fileResult.errorCount;
    totals.warningCount += result.fileResult.warningCount;
    for (const diagnostic of result.fileResult.diagnostics) if (diagnostic.severity === 'info') totals.infoCount++;
    const chunk = emitter.file(result.fileResult, result.read);
    // Output to the terminal the progress line is on must not land in the middle of that line.
    if (chunk !== '' && sharesTerminal) progress.clear();
    await output.write(chunk);
  };
  const targets = expanded.targets;
  for (let index = 0; index < targets.length; index++) {
    const target = targets[index] as Target;
    if (output.closed || output.error) break;
    const name = target === STDIN ? options.stdinFilename : target;
    progress.update(index + 1, name);
    const result = await checkBytes(await readTarget(target, environment), name, options, environment, reportFailure, series);
    if (!result) continue;
    await emit(result);
  }
  // Comparisons between reports of this run: known once all are read, a second entry for the later report.
  for (const finding of series.finish()) {
    if (output.closed || output.error) break;
    await emit(resultOf(finding.file, finding.diagnostics, finding.text, undefined, options, finding.report));
  }
  progress.clear();
  await output.write(emitter.end(totals, failures));
  await output.close();
  if (output.error) {
    stderr.write(`${COMMAND}: ${message('cannotWrite', locale, { file: options.outputFile ?? 'stdout', reason: reasonOf(output.error, locale) })}\n`);
    return EXIT.failure;
  }

  const tooManyWarnings = options.maxWarnings >= 0 && warningsFound > options.maxWarnings;
  if (tooManyWarnings) stderr.write(`${COMMAND}: ${message('tooManyWarnings', locale, { count: warningsFound, max: options.maxWarnings })}\n`);
  if (failures.length > 0) return EXIT.failure;
  if (totals.errorCount > 0 || tooManyWarnings) return EXIT.problems;
  return EXIT.ok;
}

/** A file's bytes, or why they could not be read. */
type ReadOutcome = { readonly bytes: Uint8Array } | { readonly error: unknown };

// Never rejects: a read that fails is an outcome like any other, reported in its turn. Files are
// read synchronously: reports are a few kilobytes, and an asynchronous read (open, stat, read,
// close, each a trip through the thread pool) costs more than the read itself — twice the run time
// on a folder of 1,000 reports.
async function readTarget(target: Target, environment: CliEnvironment): Promise<ReadOutcome> {
  try {
    return { bytes: target === STDIN ? await readStream(environment.stdin()) : readFileSync(resolve(environment.cwd, target)) };
  } catch (error) {
    return { error };
  }
}

/** A file read into its document and checked; undefined (and reported) when it could not be. */
async function checkedDocument(
  read: ReadOutcome,
  name: string,
  options: CliOptions,
  environment: CliEnvironment,
  reportFailure: (file: string, key: MessageKey, args?: Record<string, string | number>) => void,
): Promise<{ text: string; source: SourceText; report: AnnualReport; diagnostics: Diagnostic[]; encoding?: string } | undefined> {
  if ('error' in read) {
    reportFailure(name, 'unreadable', { reason: reasonOf(read.error, options.locale) });
    return undefined;
  }
  const check = { rules: options.rules, locale: options.locale };
  // The form is told by the content, not the name: a saved page called .txt is a web page.
  const kind = binaryKindOf(read.bytes);
  let form: DocumentForm;
  let input: string | Uint8Array;
  let encoding: string | undefined;
  if (kind === 'pdf' || kind === 'zip') {
    form = kind === 'pdf' ? 'pdf' : 'docx';
    input = read.bytes;
  } else {
    const decoded = decodeReport(read.bytes);
    if (!decoded.ok) {
      reportFailure(name, UNDECODABLE[decoded.reason]);
      return undefined;
    }
    if (decoded.replaced > 0) {
      environment.stderr.write(`${COMMAND}: ${message('replaced', options.locale, { file: name, count: decoded.replaced })}\n`);
    }
    form = textFormOf(decoded.text);
    input = decoded.text;
    encoding = decoded.encoding;
  }
  const { document, report, diagnostics } = await checkDocument(input, { ...check, form });
  // A document its reader could not read (damaged, encrypted, a scan without text, an old .doc) is
  // a file that could not be checked, like an unreadable one: named once, exit 2, never a clean result.
  const problem = document.problems[0];
  if (problem !== undefined) {
    reportFailure(name, 'documentProblem', { reason: problem.message });
    return undefined;
  }
  return { text: document.source.original, source: document.source, report, diagnostics, ...(encoding !== undefined ? { encoding } : {}) };
}

async function checkBytes(
  read: ReadOutcome,
  name: string,
  options: CliOptions,
  environment: CliEnvironment,
  reportFailure: (file: string, key: MessageKey, args?: Record<string, string | number>) => void,
  series: SeriesCheck,
): Promise<{ fileResult: FileResult; read: { report: AnnualReport; text: string }; warningsFound: number } | undefined> {
  const checked = await checkedDocument(read, name, options, environment, reportFailure);
  if (!checked) return undefined;
  const { text, source, report, encoding } = checked;
  let own = checked.diagnostics;
  // --published-on: the date given wins over the one the report states; the deadline is judged again with it.
  if (options.publishedOn !== undefined) {
    report.meta.publishedOn = { value: options.publishedOn };
    const deadline = RULES.filter((rule) => rule.meta.id === PUBLISHED_LATE);
    // The reader's failures were reported with the file's own checks: not again with this one rule.
    const { readerFailures: _reported, ...rest } = report;
    own = [...own.filter((diagnostic) => diagnostic.ruleId !== PUBLISHED_LATE), ...runRules(rest, deadline, { rules: pick(options.rules, PUBLISHED_LATE), locale: options.locale })];
  }
  const diagnostics = [...own, ...series.file(report, source, name)].sort(compareDiagnostics);
  return resultOf(name, diagnostics, text, encoding, options, report);
}

const PUBLISHED_LATE = 'published-late';
const pick = (levels: Readonly<Record<string, RuleLevel>>, id: string): Record<string, RuleLevel> => (levels[id] !== undefined ? { [id]: levels[id] } : {});

/** A file's result as the formatters take it (errors only with --quiet; --max-warnings counts all warnings). */
function resultOf(name: string, diagnostics: Diagnostic[], text: string, encoding: string | undefined, options: CliOptions, report: AnnualReport) {
  const warningsFound = countDiagnostics(diagnostics).warningCount;
  const shown: Diagnostic[] = options.quiet ? diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : diagnostics;
  const fileResult = summarize(name, shown, { text, ...(encoding !== undefined ? { encoding } : {}) });
  return { fileResult, read: { report, text }, warningsFound };
}
