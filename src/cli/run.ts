import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { cellsCsvHeader, compareDiagnostics, countDiagnostics, rules as RULE_METADATA, shouldColor, summarize } from '../index.js';
import type { Diagnostic, Locale, RuleLevel, SeriesReport } from '../index.js';
import { parseArgs } from './args.js';
import type { CliOptions } from './args.js';
import { BaselineMatcher, BaselineRecorder, baselineText, readBaseline } from './baseline.js';
import type { Baseline } from './baseline.js';
import { DEFAULT_CACHE_LOCATION, ResultCache } from './cache.js';
import { checkTask, fatalOutcome, readFailureOutcome, reasonOf } from './check-file.js';
import type { CheckOutcome, CheckTask } from './check-file.js';
import { declaresSummaries, findConfigFile, ignoreFileTest, loadConfig, overrideMatchers, rulesForFile, settingsForFile } from './config.js';
import type { EffectiveSettings, LoadedConfig } from './config.js';
import { EMITTERS, FORMATS_NEEDING_REPORTS, PIECE_FORMATS, cellsPiece } from './emitters.js';
import type { PieceFormat } from './emitters.js';
import { STDIN, expandTargets, readStreamBounded } from './files.js';
import type { Target, TargetFailure } from './files.js';
import { COMMAND, helpText, message } from './messages.js';
import type { MessageKey } from './messages.js';
import { fileOutput, streamOutput } from './output.js';
import type { Output } from './output.js';
import { checkInOrder, earlyThreadCount, isFormatted, startPool, threadCount, withMoreWorkers } from './pool.js';
import type { Outcome, PieceRequest, Precomputed, WorkerPool } from './pool.js';
import { createProgress } from './progress.js';
import { createSeriesCheck } from './series.js';

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
  /** The package homepage, when declared: the default base URL of the documentation site (`--docs-url`). */
  readonly homepage?: string;
}

/** Exit codes. */
export const EXIT = { ok: 0, problems: 1, failure: 2 } as const;

/** The settings a run uses: defaults, then the configuration file, then the command line (rule levels are per file). */
export type RunSettings = Omit<EffectiveSettings, 'rules'>;

// Why a target named nothing checkable, as the fatal id its entry carries.
const TARGET_FAILURE_RULE: Partial<Record<MessageKey, 'file-not-found' | 'target-empty'>> = {
  notFound: 'file-not-found',
  noMatch: 'target-empty',
  emptyDirectory: 'target-empty',
  allIgnored: 'target-empty',
  allIgnoredByFile: 'target-empty',
  allIgnoredByBoth: 'target-empty',
};

/**
 * Merges the configuration file under the command line: a setting given on the command line wins,
 * one the file gives comes next, the default last. Ignore patterns add up (the file's, then the
 * command line's), as ESLint's do.
 */
export function settingsOf(options: CliOptions, loaded: LoadedConfig | undefined, homepage?: string): RunSettings {
  const config = loaded?.config ?? {};
  const pick = <T>(name: string, fromCli: T, fromFile: T | undefined): T => (options.given.has(name) ? fromCli : (fromFile ?? fromCli));
  // The documentation site's address is the user's to give (the package's homepage at most): never an invented one.
  const docsUrl = options.docsUrl ?? config.docsUrl ?? homepage;
  return {
    format: pick('format', options.format, config.format),
    locale: pick('locale', options.locale, config.locale),
    extensions: pick('ext', options.extensions, config.extensions?.map((extension) => extension.replace(/^\./, '').toLowerCase())),
    ignorePatterns: [...(config.ignorePatterns ?? []), ...options.ignorePatterns],
    maxWarnings: pick('max-warnings', options.maxWarnings, config.maxWarnings),
    quiet: options.given.has('quiet') || (config.quiet ?? false),
    ...(docsUrl !== undefined ? { docsUrl } : {}),
  };
}

/** The rule catalog as text: one aligned line per rule (id, default level, description). */
function ruleList(locale: Locale): string {
  const width = Math.max(...RULE_METADATA.map((rule) => rule.id.length));
  const levelWidth = Math.max(...RULE_METADATA.map((rule) => rule.defaultSeverity.length));
  return RULE_METADATA.map((rule) => `${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(levelWidth)}  ${rule.description[locale]}\n`).join('');
}

/**
 * Runs the command line and returns its exit code: 0 when no errors were found (and warnings are
 * within --max-warnings), 1 for errors or too many warnings, 2 for a usage error or any input that
 * could not be checked. An input that cannot be checked does not stop the others from being checked,
 * is an entry of its own in every output format (a fatal diagnostic), and its exit code 2 wins over
 * 1: a pipeline must not take an incomplete check for a finished one.
 */
export async function runCli(environment: CliEnvironment): Promise<number> {
  const { stderr, stdout, cwd } = environment;
  const knownRules = RULE_METADATA.map((rule) => rule.id);
  const parsed = parseArgs(environment.argv, knownRules);
  if ('usageError' in parsed) {
    stderr.write(`${COMMAND}: ${parsed.usageError}${message('seeHelp', parsed.locale, { command: COMMAND })}\n`);
    return EXIT.failure;
  }
  const options = parsed;
  if (options.help) {
    stdout.write(helpText(environment.version));
    return EXIT.ok;
  }
  if (options.version) {
    stdout.write(`${environment.version}\n`);
    return EXIT.ok;
  }
  const fail = (text: string): number => {
    stderr.write(`${COMMAND}: ${text}\n`);
    return EXIT.failure;
  };

  // The configuration file: --config, else the first found from the working directory up; none with --no-config.
  let loaded: LoadedConfig | undefined;
  if (!options.noConfig) {
    const path = options.configFile !== undefined ? resolve(cwd, options.configFile) : findConfigFile(cwd);
    if (path !== undefined) {
      const outcome = await loadConfig(path, options.configFile ?? relative(cwd, path), options.locale);
      if ('error' in outcome) return fail(outcome.error);
      loaded = outcome.loaded;
    }
  }
  const settings = settingsOf(options, loaded, environment.homepage);
  const { locale } = settings;
  const matchers = await overrideMatchers(loaded);
  const rulesOf = (file: string | undefined): Record<string, RuleLevel> => rulesForFile(file, cwd, loaded, matchers, options.rules);
  const fileSettingsOf = (file: string | undefined) => settingsForFile(file, cwd, loaded, matchers);
  // The publication date of a file: the command line's, else its override's.
  const publishedOnOf = (file: string | undefined): string | undefined => options.publishedOn ?? fileSettingsOf(file).publishedOn;

  if (options.listRules) {
    stdout.write(ruleList(locale));
    return EXIT.ok;
  }
  if (options.printConfig !== undefined) {
    const levels = rulesOf(options.printConfig);
    const { agencyId, summaryOf } = fileSettingsOf(options.printConfig);
    const publishedOn = publishedOnOf(options.printConfig);
    const effective = {
      configFile: loaded?.path ?? null,
      ...settings,
      ...(agencyId !== undefined ? { agencyId } : {}),
      ...(publishedOn !== undefined ? { publishedOn } : {}),
      ...(summaryOf !== undefined ? { summary: true } : {}),
      rules: Object.fromEntries(RULE_METADATA.map((rule) => [rule.id, levels[rule.id] ?? rule.defaultSeverity])),
    };
    stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
    return EXIT.ok;
  }
  if (options.targets.length === 0) {
    return fail(`${message('noTargets', locale)}${message('seeHelp', locale, { command: COMMAND })}`);
  }

  let baseline: Baseline | undefined;
  if (options.baseline !== undefined) {
    const read = readBaseline(resolve(cwd, options.baseline));
    if ('error' in read) return fail(message('baselineUnreadable', locale, { file: options.baseline, reason: reasonOf(read.error, locale) }));
    baseline = read;
  }
  const matcher = baseline ? new BaselineMatcher(baseline, cwd) : undefined;
  const recorder = options.writeBaseline !== undefined ? new BaselineRecorder(cwd, baseline) : undefined;
  // Year over year (--previous, --series) and summaries compare the reports themselves, which a
  // cached result does not hold: every file is read.
  const summaries = declaresSummaries(loaded);
  const seriesMode = options.previous !== undefined || options.series || summaries;
  const cache = options.cache && !seriesMode ? new ResultCache(resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION), environment.version) : undefined;

  // The report and its text stay on this thread when a series or the output needs them: a series is
  // compared on this thread, so the run is checked in order on it.
  const keepReports = seriesMode || FORMATS_NEEDING_REPORTS.has(settings.format);

  // `-o reports/out/results.sarif` into a folder that does not exist yet: create it, as a CI step expects.
  const openFile = (file: string): Output | { error: unknown } => {
    try {
      mkdirSync(dirname(resolve(cwd, file)), { recursive: true });
    } catch (error) {
      return { error };
    }
    return fileOutput(resolve(cwd, file));
  };
  const toFile = options.outputFile !== undefined;
  const opened = toFile ? openFile(options.outputFile as string) : streamOutput(stdout);
  if ('error' in opened && !('write' in opened)) return fail(message('cannotWrite', locale, { file: options.outputFile as string, reason: reasonOf(opened.error, locale) }));
  const output = opened as Output;
  // --cells: every extracted cell, CSV or JSON Lines by the file's extension, written as files finish.
  let cellsOutput: Output | undefined;
  const cellsAsCsv = options.cells !== undefined && /\.csv$/i.test(options.cells);
  if (options.cells !== undefined) {
    const cellsOpened = openFile(options.cells);
    if ('error' in cellsOpened && !('write' in cellsOpened)) return fail(message('cannotWrite', locale, { file: options.cells, reason: reasonOf(cellsOpened.error, locale) }));
    cellsOutput = cellsOpened as Output;
    if (cellsAsCsv) await cellsOutput.write(cellsCsvHeader());
  }
  // A folder or a glob may name thousands of files: workers are started before it is walked, so that
  // they load the library meanwhile (a run that then finds too few files for them stops them).
  const mayNameMany = (target: string): boolean => {
    if (target === '-') return false;
    try {
      return !statSync(resolve(cwd, target)).isFile();
    } catch {
      return true; // a glob, or a path the walk will report
    }
  };
  let early: WorkerPool | undefined = !keepReports && earlyThreadCount(options.concurrency) > 0 && options.targets.some(mayNameMany) ? startPool(earlyThreadCount(options.concurrency)) : undefined;

  const ignoredByFile = await ignoreFileTest(cwd);
  const search = { extensions: settings.extensions, ignorePatterns: settings.ignorePatterns, ...(ignoredByFile ? { isIgnored: ignoredByFile } : {}) };
  // Each input expanded on its own, so that the entries come in the order of the inputs, an input
  // that named nothing in its place; a file named twice (or found twice) is checked once.
  const inputs: (Target | TargetFailure)[] = [];
  const seen = new Set<string>();
  for (const input of options.targets) {
    const expanded = await expandTargets([input], cwd, search);
    inputs.push(...expanded.failures);
    for (const target of expanded.targets) {
      const key = target === STDIN ? '' : resolve(cwd, target);
      if (target !== STDIN && seen.has(key)) continue;
      seen.add(key);
      inputs.push(target);
    }
  }
  const isTarget = (input: Target | TargetFailure): input is Target => typeof input === 'string' || input === STDIN;
  const targets = inputs.filter(isTarget);

  const color = shouldColor({ flag: options.color, env: environment.env, isTTY: !toFile && Boolean(stdout.isTTY) });
  const width = !toFile && stdout.isTTY && stdout.columns ? stdout.columns : undefined;
  const emitter = EMITTERS[settings.format]({
    locale,
    color,
    version: environment.version,
    cwd,
    ...(width !== undefined ? { width } : {}),
    ...(settings.docsUrl !== undefined ? { docsUrl: settings.docsUrl } : {}),
  });
  const sharesTerminal = !toFile && Boolean(stdout.isTTY);
  const progress = createProgress(stderr, inputs.length, (done, total) => message('progress', locale, { done, total }));

  const extensions = settings.extensions.map((extension) => `.${extension}`).join(locale === 'en' ? ' or ' : ' 或 ');
  const targetFailure = (failure: TargetFailure): CheckOutcome =>
    fatalOutcome(failure.file, TARGET_FAILURE_RULE[failure.key] ?? 'file-unreadable', failure.key, locale, {
      // A system error code from the directory walk ("EACCES") in words, as for a file.
      ...(failure.reason !== undefined ? { reason: /^E[A-Z]+$/.test(failure.reason) ? reasonOf({ code: failure.reason }, locale) : failure.reason } : {}),
      ...(failure.key === 'emptyDirectory' ? { extensions } : {}),
    });

  // Last year's report (--previous) is read like any file; its own findings are not reported, but a
  // file that cannot be read is.
  const previousOutcomes: CheckOutcome[] = [];
  let previous: SeriesReport | undefined;
  if (options.previous !== undefined) {
    const outcome = await checkTask({ name: options.previous, path: resolve(cwd, options.previous), maxFileSize: options.maxFileSize, rules: rulesOf(options.previous), locale, quiet: false, keep: true });
    const { agencyId } = fileSettingsOf(options.previous);
    if (outcome.kept) previous = { report: outcome.kept.report, source: outcome.kept.source, text: outcome.kept.source.original, uri: options.previous, ...(agencyId !== undefined ? { agencyId } : {}) };
    else previousOutcomes.push(outcome);
  }
  const series = seriesMode ? createSeriesCheck({ locale, group: options.series, summaries, ...(previous ? { previous } : {}) }) : undefined;
  // A file's result with the series findings added (sorted in, counted, --quiet applied).
  const withSeries = (outcome: CheckOutcome, extra: readonly Diagnostic[]): CheckOutcome => {
    const kept = outcome.kept;
    if (extra.length === 0 || !kept) return outcome;
    const all = [...outcome.result.diagnostics, ...extra].sort(compareDiagnostics);
    const shown = settings.quiet ? all.filter((diagnostic) => diagnostic.severity === 'error') : all;
    const result = summarize(outcome.result.file, shown, {
      text: kept.source.original,
      ...(outcome.result.form !== undefined ? { form: outcome.result.form } : {}),
      ...(kept.encoding !== undefined ? { encoding: kept.encoding } : {}),
      ...(kept.report.meta.agency !== undefined ? { agency: kept.report.meta.agency.value } : {}),
      ...(kept.report.meta.year !== undefined ? { year: kept.report.meta.year.value } : {}),
      format: kept.report.meta.formatVersion,
    });
    return { ...outcome, result, warningsFound: outcome.warningsFound + countDiagnostics([...extra]).warningCount };
  };

  // The cache keys of the files in flight, in order: outcomes come back in the same order.
  const cacheKeys: (string | undefined)[] = [];
  // Standard input is read in its turn, not before: the files before it are checked and written
  // while it is still arriving.
  async function* work(): AsyncGenerator<CheckTask | Precomputed> {
    for (const target of inputs) {
      if (!isTarget(target)) {
        cacheKeys.push(undefined);
        yield { outcome: targetFailure(target) };
        continue;
      }
      const name = target === STDIN ? options.stdinFilename : target;
      const task = {
        name,
        rules: rulesOf(target === STDIN ? undefined : target),
        locale,
        quiet: settings.quiet,
        cells: cellsOutput !== undefined,
        includeReport: options.includeReport,
        ...optionalDate(publishedOnOf(target === STDIN ? undefined : target)),
        maxFileSize: options.maxFileSize,
        ...(keepReports ? { keep: true } : {}),
      };
      if (target === STDIN) {
        cacheKeys.push(undefined);
        const read = await readStreamBounded(environment.stdin(), options.maxFileSize);
        yield read.ok ? { ...task, bytes: read.bytes } : { outcome: readFailureOutcome(name, read.failure, locale) };
        continue;
      }
      const path = resolve(cwd, target);
      if (!cache) {
        cacheKeys.push(undefined);
        yield { ...task, path };
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(path);
      } catch {
        cacheKeys.push(undefined);
        yield { ...task, path }; // the checker reports why it cannot be read
        continue;
      }
      const key = ResultCache.keyOf(bytes, task);
      const hit = cache.get(path, key);
      cacheKeys.push(hit ? undefined : key);
      yield hit ? { outcome: hit } : { ...task, bytes };
    }
  }

  const totals = { errorCount: 0, warningCount: 0, infoCount: 0 };
  let warningsFound = 0;
  let fatalCount = 0;
  let done = 0;
  const threads = keepReports ? 0 : threadCount(options.concurrency, targets.length);
  const pool = threads === 0 ? undefined : early ? withMoreWorkers(early, threads) : startPool(threads);
  if (threads === 0) await early?.destroy();
  early = undefined;
  // The workers format each file's output themselves (a string is cheap to send back) unless the
  // main thread needs the result: to match a baseline, record one, or cache it, or for a format
  // (SARIF) whose output of a file depends on the files before it.
  const pieces: PieceRequest | undefined =
    PIECE_FORMATS.has(settings.format) && !matcher && !recorder && !cache
      ? { output: { format: settings.format as PieceFormat, locale, color, ...(width !== undefined ? { width } : {}) }, ...(cellsOutput ? { cellsAsCsv } : {}) }
      : undefined;
  // A series finding of two reports of the run is known once both are read: after the files, as a
  // second entry for the later report.
  async function* outcomes(): AsyncGenerator<readonly Outcome[]> {
    if (previousOutcomes.length > 0) yield previousOutcomes;
    for await (const group of checkInOrder(work(), pool, pieces)) {
      yield group.map((outcome) => {
        if (isFormatted(outcome)) return outcome;
        const key = cacheKeys.shift();
        if (cache && key !== undefined) cache.set(resolve(cwd, outcome.result.file), key, outcome);
        if (!series || !outcome.kept) return outcome;
        // Standard input is named by --stdin-filename, which the configuration's globs do not match.
        const named = outcome.result.file === options.stdinFilename && targets.includes(STDIN) ? undefined : outcome.result.file;
        const { agencyId, summaryOf } = fileSettingsOf(named);
        const seriesSettings = { rules: rulesOf(named), ...(agencyId !== undefined ? { agencyId } : {}), ...(summaryOf !== undefined ? { summaryOf } : {}) };
        const compared = series.file(outcome.kept.report, outcome.kept.source, outcome.result.file, seriesSettings);
        const withFindings = withSeries(outcome, compared.diagnostics);
        return compared.notice !== undefined ? { ...withFindings, notices: [...withFindings.notices, compared.notice] } : withFindings;
      });
    }
    const findings = (series?.finish() ?? []).map((finding): CheckOutcome => {
      const shown = settings.quiet ? finding.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : finding.diagnostics;
      const result = summarize(finding.file, shown, { text: finding.text, format: finding.report.meta.formatVersion });
      return { result, warningsFound: countDiagnostics(finding.diagnostics).warningCount, notices: [], fatal: false };
    });
    if (findings.length > 0) yield findings;
    const alone = series?.summariesWithoutParts() ?? [];
    const skipped = series?.seriesNotices() ?? [];
    if (alone.length > 0 || skipped.length > 0) {
      progress.clear();
      for (const file of alone) stderr.write(`${COMMAND}: ${message('summaryWithoutParts', locale, { file })}\n`);
      for (const notice of skipped) stderr.write(`${COMMAND}: ${notice}\n`);
    }
  }
  // Each group (a worker's batch) is written at once: one write for many files.
  let chunk = '';
  let cellsChunk = '';
  const flush = async (): Promise<void> => {
    // Output to the terminal the progress line is on must not land in the middle of that line.
    if (chunk !== '' && sharesTerminal) progress.clear();
    await output.write(chunk);
    chunk = '';
    if (cellsOutput) await cellsOutput.write(cellsChunk);
    cellsChunk = '';
  };
  for await (const group of outcomes()) {
    for (let outcome of group) {
      const file = isFormatted(outcome) ? outcome.file : outcome.result.file;
      progress.update(++done, file);
      if (outcome.notices.length > 0) {
        // What is said of a file on stderr comes after the output of the files before it.
        await flush();
        progress.clear();
        for (const notice of outcome.notices) stderr.write(`${COMMAND}: ${notice}\n`);
      }
      if (outcome.fatal) fatalCount++;
      if (isFormatted(outcome)) {
        warningsFound += outcome.warningsFound;
        totals.errorCount += outcome.errorCount;
        totals.warningCount += outcome.warningCount;
        totals.infoCount += outcome.infoCount;
        if (outcome.cellsPiece !== undefined) cellsChunk += outcome.cellsPiece;
        chunk += (emitter.piece as (piece: string) => string)(outcome.piece);
        continue;
      }
      if (matcher) outcome = { ...outcome, result: matcher.apply(outcome.result) };
      recorder?.add(outcome.result);
      warningsFound += outcome.warningsFound - (outcome.result.suppressed ?? []).filter((diagnostic) => diagnostic.severity === 'warning').length;
      addCounts(totals, outcome);
      if (cellsOutput && outcome.cells) cellsChunk += cellsPiece(outcome.cells, cellsAsCsv);
      chunk += emitter.file(outcome.result, outcome.report, outcome.kept ? { report: outcome.kept.report, text: outcome.kept.source.original } : undefined);
    }
    await flush();
    if (output.closed || output.error) break;
  }
  progress.clear();
  await output.write(emitter.end(totals, []));
  await output.close();
  await cellsOutput?.close();
  cache?.save();
  if (cellsOutput?.error) return fail(message('cannotWrite', locale, { file: options.cells as string, reason: reasonOf(cellsOutput.error, locale) }));
  if (output.error) return fail(message('cannotWrite', locale, { file: options.outputFile ?? 'stdout', reason: reasonOf(output.error, locale) }));

  if (matcher) {
    if (matcher.suppressedCount > 0 && settings.format === 'stylish') stderr.write(`${COMMAND}: ${message('suppressedCount', locale, { count: matcher.suppressedCount })}\n`);
    const stale = matcher.staleCount();
    if (options.pruneBaseline) {
      if (stale > 0) {
        const written = writeText(resolve(cwd, options.baseline as string), baselineText(matcher.pruned()));
        if (written) return fail(message('cannotWrite', locale, { file: options.baseline as string, reason: reasonOf(written, locale) }));
      }
      stderr.write(`${COMMAND}: ${message('baselinePruned', locale, { file: options.baseline as string, count: stale })}\n`);
    } else if (stale > 0) {
      stderr.write(`${COMMAND}: ${message('baselineStale', locale, { file: options.baseline as string, count: stale })}\n`);
    }
  }
  if (recorder) {
    const written = writeText(resolve(cwd, options.writeBaseline as string), baselineText(recorder.baseline()));
    if (written) return fail(message('cannotWrite', locale, { file: options.writeBaseline as string, reason: reasonOf(written, locale) }));
    stderr.write(`${COMMAND}: ${message('baselineWritten', locale, { file: options.writeBaseline as string, count: recorder.count })}\n`);
  }

  const tooManyWarnings = settings.maxWarnings >= 0 && warningsFound > settings.maxWarnings;
  if (tooManyWarnings) stderr.write(`${COMMAND}: ${message('tooManyWarnings', locale, { count: warningsFound, max: settings.maxWarnings })}\n`);
  if (fatalCount > 0) return EXIT.failure;
  if (totals.errorCount > 0 || tooManyWarnings) return EXIT.problems;
  return EXIT.ok;
}

const optionalDate = (publishedOn: string | undefined): { publishedOn?: string } => (publishedOn !== undefined ? { publishedOn } : {});

function addCounts(totals: { errorCount: number; warningCount: number; infoCount: number }, outcome: CheckOutcome): void {
  totals.errorCount += outcome.result.errorCount;
  totals.warningCount += outcome.result.warningCount;
  for (const diagnostic of outcome.result.diagnostics) if (diagnostic.severity === 'info') totals.infoCount++;
}

// Writes a whole file (a baseline), creating its folder; the error, if any.
function writeText(path: string, text: string): unknown {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return undefined;
  } catch (error) {
    return error;
  }
}
