import type { Diagnostic, Locale, RelatedLocation, Severity } from '../diagnostics/index.js';
import type { Span } from '../model/index.js';
import { ENGINE_DIAGNOSTICS, INTERNAL_ERROR_RULE_ID, compareDiagnostics, rules as RULE_METADATA } from '../rules/index.js';
import type { RuleCategory, RuleMeta } from '../rules/index.js';
import { rulePageUrl, rulesIndexUrl } from './docs-url.js';
import { FATAL_DIAGNOSTICS, isFatal } from './fatal.js';
import { occurrenceFingerprints } from './fingerprint.js';
import type { FileResult, SuppressedDiagnostic } from './result.js';

/** A file that could not be checked at all (unreadable, undecodable): a tool failure, not a finding. */
export interface FileFailure {
  /** The file as the user named it. */
  readonly file: string;
  /** One line saying why, in the output's locale. */
  readonly message: string;
}

/** Options of the SARIF formatter. */
export interface SarifOptions {
  /** The xxgk-lint version that produced the log (`tool.driver.version`); omitted when not given. */
  readonly toolVersion?: string;
  /** Language of the rule descriptions; Chinese by default. Messages come rendered in the diagnostics. */
  readonly locale?: Locale;
  /** The rule metadata to describe; the library's rule catalog by default. */
  readonly rules?: readonly RuleMeta[];
  /** The tool's home page (`tool.driver.informationUri`); omitted when not given (no address is invented). */
  readonly informationUri?: string;
  /**
   * The rule documentation page; each rule's `helpUri` is this page with the rule id as its anchor.
   * By default `docs/rules.md` under `informationUri`; without either, rules carry their help as text only.
   */
  readonly rulesDocUri?: string;
  /**
   * The base URL of the hosted documentation site (`npm run docs` builds it into `docs/api/`): the
   * tool's `informationUri` (unless given) and each rule's `helpUri`, its page there (see
   * {@link rulePageUrl}); the engine's own ids link to the rules index. Wins over `rulesDocUri`.
   */
  readonly docsUrl?: string;
  /**
   * Absolute URI (ending in `/`) of the directory relative file names are relative to, usually the
   * working directory as `file:///…/`. Recorded as the `SRCROOT` base, as code-scanning tools expect.
   */
  readonly baseUri?: string;
}

/** Options of {@link formatSarif}: those of the writer, and the files that could not be checked. */
export interface FormatSarifOptions extends SarifOptions {
  /** Files that could not be read or decoded; each becomes a tool-execution notification. */
  readonly failures?: readonly FileFailure[];
}

/**
 * Writes a SARIF log piece by piece, so a caller checking many files keeps no diagnostics in memory:
 * `start()`, then `add(result)` per file, then `finish(failures)`; the pieces concatenated are the log
 * {@link formatSarif} returns for the same results.
 */
export interface SarifWriter {
  /** The beginning of the log, up to the opening of `results`. */
  start(): string;
  /** The results of one file (possibly empty text when it has no diagnostics). */
  add(result: FileResult): string;
  /** The end of the log: artifacts, the invocation with its notifications (one per failure). */
  finish(failures?: readonly FileFailure[]): string;
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

/** The result of another file, for regions of related places in it: no end positions known. */
const OTHER_FILE: FileResult = { file: '', diagnostics: [], errorCount: 0, warningCount: 0 };

const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

// How often a rule's findings are real problems, in SARIF's words. Arithmetic and structure are
// exact checks against the official template; cell and narrative findings depend on how well the
// text could be read, so they are a step lower. Code-scanning tools sort and filter on this.
const PRECISION: Readonly<Record<RuleCategory | 'engine', 'very-high' | 'high'>> = {
  arithmetic: 'very-high',
  structure: 'very-high',
  cells: 'high',
  narrative: 'high',
  // Comparisons between reports: exact on the tables, a measure of similarity on the text.
  series: 'high',
  engine: 'very-high',
};

// GitHub code scanning reads `problem.severity` to rank alerts: error, warning or recommendation.
const PROBLEM_SEVERITY: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'recommendation' };

const pascalCase = (id: string): string =>
  id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');

// SARIF's shortDescription is meant to be one sentence.
const firstSentence = (text: string): string => {
  const match = /^.+?[。.!?！？](?=\s|$)/u.exec(text);
  return match ? match[0] : text;
};

/**
 * A file name as a URI reference: backslashes become slashes, each segment is percent-encoded
 * (Chinese file names included), absolute paths become `file:` URIs; relative ones stay relative.
 */
export function fileUri(file: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]+:\/\//.test(file)) return file;
  const slashed = file.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(slashed);
  const encode = (path: string): string => path.split('/').map(encodeURIComponent).join('/');
  if (drive) return `file:///${drive[1]}:/${encode(slashed.slice(3))}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  return encode(slashed.replace(/^(\.\/)+/, ''));
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

/** Creates a {@link SarifWriter}. */
export function createSarifWriter(given: SarifOptions = {}): SarifWriter {
  // Options that are not an object (`null`) are the defaults: a formatter never throws.
  const options: SarifOptions = typeof given === 'object' && given !== null ? given : {};
  const locale = options.locale ?? 'zh-CN';
  const { docsUrl } = options;
  const informationUri = options.informationUri ?? docsUrl;
  const rulesDocUri = options.rulesDocUri ?? (informationUri !== undefined ? `${informationUri}/blob/main/docs/rules.md` : undefined);
  const ruleHelp = (id: string): { helpUri?: string } =>
    docsUrl !== undefined ? { helpUri: rulePageUrl(docsUrl, id) } : rulesDocUri !== undefined ? { helpUri: `${rulesDocUri}#${id}` } : {};
  // The engine's own ids have no page of their own: the rules index lists them.
  const engineHelp = (id: string): { helpUri?: string } =>
    docsUrl !== undefined ? { helpUri: rulesIndexUrl(docsUrl) } : rulesDocUri !== undefined ? { helpUri: `${rulesDocUri}#${id}` } : {};
  const metadata = options.rules ?? RULE_METADATA;
  const descriptors = [
    ...metadata.map((meta) => ({
      id: meta.id,
      name: pascalCase(meta.id),
      shortDescription: { text: firstSentence(meta.description[locale]) },
      fullDescription: { text: meta.description[locale] },
      help: { text: helpText(meta, locale) },
      defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
      ...ruleHelp(meta.id),
      properties: {
        category: meta.category,
        tags: ['xxgk-lint', meta.category],
        precision: PRECISION[meta.category],
        'problem.severity': PROBLEM_SEVERITY[meta.defaultSeverity],
      },
    })),
    // The ids the engine itself reports are not rules of the catalog, but a SARIF result should
    // still resolve to a descriptor (with help, as validators require), so the log describes them too.
    ...ENGINE_DIAGNOSTICS.filter((engine) => !metadata.some((meta) => meta.id === engine.id)).map((engine) => ({
      id: engine.id,
      name: pascalCase(engine.id),
      shortDescription: { text: firstSentence(engine.description[locale]) },
      fullDescription: { text: engine.description[locale] },
      help: { text: engine.description[locale] },
      defaultConfiguration: { level: 'error' as const },
      ...engineHelp(engine.id),
      properties: { category: engine.category, tags: ['xxgk-lint', engine.category], precision: PRECISION.engine, 'problem.severity': 'error' },
    })),
  ];
  // Inputs that could not be checked are notifications of the tool, not results: each refers to one of these.
  const notificationDescriptors = FATAL_DIAGNOSTICS.map((fatal) => ({
    id: fatal.id,
    name: pascalCase(fatal.id),
    shortDescription: { text: firstSentence(fatal.description[locale]) },
    fullDescription: { text: fatal.description[locale] },
    help: { text: fatal.description[locale] },
    defaultConfiguration: { level: 'error' as const },
  }));
  const notificationIndex = new Map(notificationDescriptors.map((descriptor, index) => [descriptor.id, index]));
  const fatalNotifications: object[] = [];
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const artifacts: { location: ArtifactLocation; encoding?: string }[] = [];
  const useBase = options.baseUri !== undefined;
  let written = 0;
  let internalErrors = 0;

  const artifactLocation = (uri: string, index?: number): ArtifactLocation => ({
    uri,
    ...(useBase && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) ? { uriBaseId: 'SRCROOT' } : {}),
    ...(index !== undefined ? { index } : {}),
  });

  const region = (span: Span, result: FileResult) => {
    const end = result.endPositions?.get(span.end);
    return {
      startLine: Math.max(1, span.line),
      startColumn: Math.max(1, span.column),
      ...(end ? { endLine: Math.max(1, end.line), endColumn: Math.max(1, end.column) } : {}),
      charOffset: span.start,
      charLength: Math.max(0, span.end - span.start),
    };
  };

  // A finding with no span is about the whole file: its region is the whole text, when its length is known.
  const wholeFile = (result: FileResult) => {
    if (result.textLength === undefined) return undefined;
    const end = result.endPositions?.get(result.textLength);
    return { startLine: 1, startColumn: 1, ...(end ? { endLine: end.line, endColumn: end.column } : {}), charOffset: 0, charLength: result.textLength };
  };

  // A PDF or Word file is bytes, not text: a text region on it would point nowhere. Its place is the
  // page and the table cell, with the line and column in the text extracted from it, as properties
  // of the location (SARIF regions have no page).
  const physical = (location: ArtifactLocation, span: Span | undefined, result: FileResult, whole = false) => {
    if (isBinary(result, span)) return { artifactLocation: location };
    const place = span ? region(span, result) : whole ? wholeFile(result) : undefined;
    return { artifactLocation: location, ...(place ? { region: place } : {}) };
  };
  const documentPlace = (span: Span | undefined, result: FileResult) =>
    span && isBinary(result, span)
      ? {
          properties: {
            ...(span.page !== undefined ? { page: span.page } : {}),
            ...(span.cell !== undefined ? { cell: span.cell } : {}),
            extractedText: { line: Math.max(1, span.line), column: Math.max(1, span.column), charOffset: span.start, charLength: Math.max(0, span.end - span.start) },
          },
        }
      : {};

  // A finding with no place in the text (a missing section, a missing table) concerns the whole
  // file, and a PDF or Word file has no text place: the location names the template element it is
  // about as a logical location, so viewers have more than a bare file name to show.
  const placeOf = (diagnostic: Diagnostic, location: ArtifactLocation, result: FileResult) => {
    const keys = [diagnostic.table, diagnostic.row, diagnostic.column].filter((key): key is string => key !== undefined);
    const section = typeof diagnostic.args.section === 'string' ? diagnostic.args.section : undefined;
    const path = keys.length > 0 ? keys : section !== undefined ? [section] : [];
    return {
      physicalLocation: physical(location, diagnostic.span, result, true),
      ...(diagnostic.span === undefined || path.length > 0 || isBinary(result, diagnostic.span)
        ? { logicalLocations: [path.length > 0 ? { name: path.at(-1), fullyQualifiedName: path.join('/'), kind: 'element' } : { name: 'report', kind: 'module' }] }
        : {}),
      ...documentPlace(diagnostic.span, result),
    };
  };

  // A place in another file (last year's report of a series finding) names that file's URI; its end
  // positions are not known (they are counted in this file's text), so its region has a start only.
  const related = (places: readonly RelatedLocation[], location: ArtifactLocation, result: FileResult) =>
    places.map((place, index) => ({
      id: index + 1,
      message: { text: place.value !== undefined ? `${place.message}: ${place.value}` : place.message },
      physicalLocation: place.uri !== undefined ? physical(artifactLocation(fileUri(place.uri)), place.span, OTHER_FILE) : physical(location, place.span, result),
      ...documentPlace(place.span, place.uri !== undefined ? OTHER_FILE : result),
    }));

  return {
    start() {
      const run = {
        tool: {
          driver: {
            name: 'xxgk-lint',
            version: options.toolVersion,
            semanticVersion: options.toolVersion !== undefined && /^\d+\.\d+\.\d+/.test(options.toolVersion) ? options.toolVersion : undefined,
            ...(informationUri !== undefined ? { informationUri } : {}),
            language: locale,
            rules: descriptors,
            notifications: notificationDescriptors,
          },
        },
        language: locale,
        columnKind: 'utf16CodeUnits',
        ...(options.baseUri !== undefined ? { originalUriBaseIds: { SRCROOT: { uri: options.baseUri } } } : {}),
      };
      const head = JSON.stringify({ version: '2.1.0', $schema: SARIF_SCHEMA_URI, runs: [run] });
      // Reopen the run to append its results: everything up to the run's closing `}]}`.
      return `${head.slice(0, -3)},"results":[\n`;
    },
    add(result) {
      const artifactIndex = artifacts.length;
      const uri = fileUri(result.file);
      artifacts.push({ location: artifactLocation(uri), ...(result.encoding !== undefined ? { encoding: result.encoding } : {}) });
      const location = artifactLocation(uri, artifactIndex);
      // Reported and suppressed findings are fingerprinted together, in the order of the text, so a
      // finding keeps its fingerprint whether or not a baseline accepts it.
      const findings: (Diagnostic | SuppressedDiagnostic)[] = [...result.diagnostics.filter((diagnostic) => !isFatal(diagnostic)), ...(result.suppressed ?? [])];
      // Positions, not objects, key the fingerprints: the same diagnostic object may come twice.
      const order = findings.map((_, index) => index);
      if (result.suppressed && result.suppressed.length > 0) order.sort((a, b) => compareDiagnostics(findings[a] as Diagnostic, findings[b] as Diagnostic) || a - b);
      const fingerprints: string[] = [];
      occurrenceFingerprints(order.map((index) => findings[index] as Diagnostic)).forEach((fingerprint, rank) => {
        fingerprints[order[rank] as number] = fingerprint;
      });
      for (const diagnostic of result.diagnostics) {
        if (!isFatal(diagnostic)) continue;
        fatalNotifications.push({
          level: 'error',
          message: { text: diagnostic.message },
          descriptor: { id: diagnostic.ruleId, index: notificationIndex.get(diagnostic.ruleId) },
          locations: [{ physicalLocation: { artifactLocation: location } }],
        });
      }
      let text = '';
      // Suppressed findings take their place in the text's order, as if reported.
      for (const position of order) {
        const diagnostic = findings[position] as Diagnostic | SuppressedDiagnostic;
        if (diagnostic.ruleId === INTERNAL_ERROR_RULE_ID && !('suppressions' in diagnostic)) internalErrors++;
        const index = ruleIndex.get(diagnostic.ruleId);
        const sarifResult = {
          ruleId: diagnostic.ruleId,
          ...(index !== undefined ? { ruleIndex: index } : {}),
          level: LEVEL[diagnostic.severity],
          message: { text: diagnostic.message },
          locations: [placeOf(diagnostic, location, result)],
          ...(diagnostic.related && diagnostic.related.length > 0 ? { relatedLocations: related(diagnostic.related, location, result) } : {}),
          partialFingerprints: { 'xxgkLint/v1': fingerprints[position] as string },
          ...('suppressions' in diagnostic
            ? {
                suppressions: diagnostic.suppressions.map((suppression) => ({
                  kind: 'external',
                  status: 'accepted',
                  ...(suppression.justification !== undefined ? { justification: suppression.justification } : {}),
                })),
              }
            : {}),
          properties: {
            messageId: diagnostic.messageId,
            args: diagnostic.args,
            ...(diagnostic.table !== undefined ? { table: diagnostic.table } : {}),
            ...(diagnostic.row !== undefined ? { row: diagnostic.row } : {}),
            ...(diagnostic.column !== undefined ? { column: diagnostic.column } : {}),
            ...(diagnostic.expected !== undefined ? { expected: diagnostic.expected } : {}),
            ...(diagnostic.actual !== undefined ? { actual: diagnostic.actual } : {}),
            // The correction that would balance the table: data, not a source edit (`fixes` is for edits).
            ...(diagnostic.suggestion !== undefined ? { suggestion: diagnostic.suggestion } : {}),
          },
        };
        text += `${written++ === 0 ? '' : ',\n'}${JSON.stringify(sarifResult)}`;
      }
      return text;
    },
    finish(failures = []) {
      const notifications = [
        ...fatalNotifications,
        ...failures.map((failure) => ({
          level: 'error' as const,
          message: { text: failure.message },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(fileUri(failure.file)) } }],
        })),
      ];
      const invocation = {
        executionSuccessful: notifications.length === 0 && internalErrors === 0,
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
      };
      return `\n],"artifacts":${JSON.stringify(artifacts)},"invocations":${JSON.stringify([invocation])}}]}\n`;
    },
  };
}

// Whether a place is in a PDF or Word file: the file's form says so; for another file's place (whose
// form is not known here) a page does — only a PDF's spans have one.
function isBinary(result: FileResult, span: Span | undefined): boolean {
  return result.form === 'pdf' || result.form === 'docx' || span?.page !== undefined;
}

function helpText(meta: RuleMeta, locale: Locale): string {
  const failing = meta.examples.failing.map((example) => example.summary[locale]);
  const passing = meta.examples.passing.map((example) => example.summary[locale]);
  const [fails, passes] = locale === 'en' ? ['Reported', 'Accepted'] : ['报告', '通过'];
  return [
    meta.description[locale],
    ...(failing.length > 0 ? [`${fails}: ${failing.join('; ')}`] : []),
    ...(passing.length > 0 ? [`${passes}: ${passing.join('; ')}`] : []),
  ].join('\n');
}

/**
 * A SARIF 2.1.0 log (what code-scanning tools read): one run whose driver describes every rule
 * (id, name, descriptions, default level, `helpUri`, category), one result per diagnostic with its
 * 1-based region (start, end when known, character offset and length) and related locations, the
 * artifacts checked, and an invocation whose notifications record files that could not be read.
 * `results` is always present, empty when nothing was found. Every option has a default: without
 * any, the log names no tool version and describes the rules in Chinese.
 *
 * @example
 * ```ts
 * const log = JSON.parse(formatSarif([summarize('report.txt', diagnostics, { text })], { toolVersion: '0.1.0' }));
 * ```
 */
export function formatSarif(results: readonly FileResult[], options: FormatSarifOptions = {}): string {
  const writer = createSarifWriter(options);
  // What is not a list of results is formatted as none: a formatter never throws.
  return writer.start() + (Array.isArray(results) ? results : []).map((result) => writer.add(result)).join('') + writer.finish(options?.failures);
}
