import type { Locale, RuleLevel } from '../index.js';
import { DEFAULT_MAX_BYTES } from './files.js';
import { DIRECTORY_EXTENSIONS, message } from './messages.js';
import type { MessageKey } from './messages.js';

/** The output formats, as `--format` and the configuration file name them. */
export const OUTPUT_FORMATS = ['stylish', 'json', 'jsonl', 'sarif', 'csv', 'html'] as const;

/** An output format. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `--concurrency`: a number of worker threads, or `auto` (workers only when there are enough files). */
export type Concurrency = number | 'auto';

/** The command line, parsed and validated. */
export interface CliOptions {
  /** `--format`: stylish, json, sarif or html. */
  readonly format: OutputFormat;
  /** `--rule id=level`, repeatable: rule levels by id. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** `--locale`: the language of messages. */
  readonly locale: Locale;
  /** `--max-warnings`; -1: no limit. */
  readonly maxWarnings: number;
  /** `--quiet`: report errors only. */
  readonly quiet: boolean;
  /** `--include-report`: JSON output carries each file's typed report (`report`). */
  readonly includeReport: boolean;
  /** `--previous`: last year's report, compared with each file checked (carry-over, stocks, copied text). */
  readonly previous?: string;
  /** `--published-on`: the publication date (YYYY-MM-DD), over the one the report states, for `published-late`. */
  readonly publishedOn?: string;
  /** `--docs-url <base>`: the base URL of the hosted documentation site, for SARIF `helpUri` and the HTML report's rule links. */
  readonly docsUrl?: string;
  /** `--series`: compare the reports of this run, grouped by agency and year (checked in order, on one thread). */
  readonly series: boolean;
  /** `--ext`: the extensions (without dot) a directory is searched for. */
  readonly extensions: readonly string[];
  /** `--ignore-pattern`, repeatable: globs of files that directories and globs do not yield. */
  readonly ignorePatterns: readonly string[];
  /** `--output-file`: write results there instead of standard output. */
  readonly outputFile?: string;
  /** `--max-file-size`: the largest input checked, in bytes (16 MiB by default). */
  readonly maxFileSize: number;
  /** `--stdin-filename`: the name standard input is reported under. */
  readonly stdinFilename: string;
  /** `--color` / `--no-color`; undefined: decide by the terminal. */
  readonly color?: boolean;
  /** `--version`. */
  readonly version: boolean;
  /** `--help`. */
  readonly help: boolean;
  /** `--config <file>`: the configuration file to use instead of the one found. */
  readonly configFile?: string;
  /** `--no-config`: use no configuration file. */
  readonly noConfig: boolean;
  /** `--print-config <file>`: print the settings that apply to that file, and check nothing. */
  readonly printConfig?: string;
  /** `--list-rules`: print the rule catalog, and check nothing. */
  readonly listRules: boolean;
  /** `--baseline <file>`: findings recorded there are suppressed. */
  readonly baseline?: string;
  /** `--write-baseline <file>`: record this run's findings there. */
  readonly writeBaseline?: string;
  /** `--prune-baseline`: remove the --baseline's entries that no longer match anything. */
  readonly pruneBaseline: boolean;
  /** `--concurrency`. */
  readonly concurrency: Concurrency;
  /** `--cache`: skip files whose content and settings are unchanged since the last run. */
  readonly cache: boolean;
  /** `--cache-location <path>`: the cache file. */
  readonly cacheLocation?: string;
  /** `--cells <file.csv|file.jsonl>`: write every extracted cell there. */
  readonly cells?: string;
  /** The options given on the command line, by name (the configuration file fills in the others). */
  readonly given: ReadonlySet<string>;
  /** Files, folders, globs, or `-` for standard input. */
  readonly targets: readonly string[];
}

/** A usage error: one line, in the locale the command line asked for. */
export interface UsageError {
  /** The message, one line. */
  readonly usageError: string;
  /** The locale the rest of the message (the hint to run --help) should use. */
  readonly locale: Locale;
}

/** One option of the command line. */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly value: boolean;
}

/** Every option the command line takes (`--help` and the README list them all; a test checks). */
export const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'rule', value: true },
  { name: 'locale', value: true },
  { name: 'max-warnings', value: true },
  { name: 'quiet', short: 'q', value: false },
  { name: 'include-report', value: false },
  { name: 'ext', value: true },
  { name: 'ignore-pattern', value: true },
  { name: 'output-file', short: 'o', value: true },
  { name: 'max-file-size', value: true },
  { name: 'stdin-filename', value: true },
  { name: 'previous', value: true },
  { name: 'published-on', value: true },
  { name: 'series', value: false },
  { name: 'docs-url', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'no-config', value: false },
  { name: 'print-config', value: true },
  { name: 'list-rules', value: false },
  { name: 'baseline', value: true },
  { name: 'write-baseline', value: true },
  { name: 'prune-baseline', value: false },
  { name: 'concurrency', value: true },
  { name: 'cache', value: false },
  { name: 'cache-location', value: true },
  { name: 'cells', value: true },
  { name: 'color', value: false },
  { name: 'no-color', value: false },
  { name: 'version', short: 'v', value: false },
  { name: 'help', short: 'h', value: false },
];

const LEVELS: ReadonlySet<string> = new Set(['off', 'info', 'warning', 'error']);
const LEVEL_ALIASES: Readonly<Record<string, RuleLevel>> = { warn: 'warning' };

/**
 * Whether a text can be the documentation site's base URL: an absolute `http:`, `https:` or `file:`
 * URL (SARIF requires absolute links) without a query or fragment, which would land in the middle
 * of every link.
 */
export function isDocsBaseUrl(value: string): boolean {
  if (/[?#\s]/u.test(value) || !URL.canParse(value)) return false;
  return ['http:', 'https:', 'file:'].includes(new URL(value).protocol);
}

/** Whether a text is a real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads a locale the way people write it (`zh`, `zh_CN`, `en-US`…), or undefined. */
function parseLocale(value: string): Locale | undefined {
  const lower = value.toLowerCase().replace('_', '-');
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-hans' || lower === 'zh-hans-cn') return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

/** The locale the command line asks for, read before (and whatever else) the parsing finds: usage errors use it too. */
export function requestedLocale(argv: readonly string[]): Locale {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--') break;
    const value = arg === '--locale' ? argv[index + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    const locale = value !== undefined ? parseLocale(value) : undefined;
    if (locale) return locale;
  }
  return 'zh-CN';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The closest known name (a rule id, a key) to a misspelt one, when it is close enough to be a likely typo. */
export function closestMatch(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(id.length / 4)) ? best : undefined;
}

// `exactOptionalPropertyTypes`: an option not given is absent, never `undefined`.
const optional = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } => (value !== undefined ? ({ [key]: value } as { [P in K]?: string }) : {});

/**
 * Parses the command line. Long options take their value as `--name value` or `--name=value`;
 * everything after `--` is a target; `-` alone is standard input.
 */
export function parseArgs(argv: readonly string[], knownRules: readonly string[]): CliOptions | UsageError {
  const locale = requestedLocale(argv);
  const fail = (key: MessageKey, args: Record<string, string | number> = {}): UsageError => ({ usageError: message(key, locale, args), locale });
  const values = new Map<string, string[]>();
  const targets: string[] = [];
  let onlyTargets = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (onlyTargets || arg === '-' || !arg.startsWith('-')) {
      targets.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyTargets = true;
      continue;
    }
    const long = arg.startsWith('--');
    const equals = long ? arg.indexOf('=') : -1;
    const written = equals >= 0 ? arg.slice(0, equals) : arg;
    const spec = OPTIONS.find((option) => (long ? `--${option.name}` === written : option.short !== undefined && `-${option.short}` === written));
    if (!spec) return fail('unknownOption', { option: written });
    let value: string;
    if (!spec.value) {
      if (equals >= 0) return fail('unexpectedValue', { option: written });
      value = '';
    } else if (equals >= 0) {
      value = arg.slice(equals + 1);
    } else {
      const next = argv[index + 1];
      if (next === undefined) return fail('missingValue', { option: written });
      value = next;
      index++;
    }
    values.set(spec.name, [...(values.get(spec.name) ?? []), value]);
  }
  const last = (name: string): string | undefined => values.get(name)?.at(-1);

  const format = last('format') ?? 'stylish';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) return fail('badFormat', { value: format, formats: OUTPUT_FORMATS.join(locale === 'en' ? ', ' : '、') });

  const localeValue = last('locale');
  const parsedLocale = localeValue !== undefined ? parseLocale(localeValue) : 'zh-CN';
  if (!parsedLocale) return fail('badLocale', { value: localeValue ?? '' });

  const maxWarningsValue = last('max-warnings') ?? '-1';
  if (!/^(-1|\d+)$/.test(maxWarningsValue)) return fail('badMaxWarnings', { value: maxWarningsValue });

  const rules: Record<string, RuleLevel> = {};
  for (const setting of (values.get('rule') ?? []).flatMap((value) => value.split(','))) {
    const match = /^\s*([\w-]+)\s*[=:]\s*(\w+)\s*$/.exec(setting);
    if (!match) return fail('badRuleSetting', { value: setting });
    const [, rule, rawLevel] = match as unknown as [string, string, string];
    if (!knownRules.includes(rule)) {
      const suggestion = closestMatch(rule, knownRules);
      return fail('unknownRule', { rule, hint: suggestion ? message('ruleHint', locale, { rule: suggestion }) : '' });
    }
    const level = LEVEL_ALIASES[rawLevel.toLowerCase()] ?? rawLevel.toLowerCase();
    if (!LEVELS.has(level)) return fail('badLevel', { rule, level: rawLevel });
    rules[rule] = level as RuleLevel;
  }

  // `--ext txt,.md` or `--ext txt --ext md`: letters and digits, the dot optional.
  let extensions = DIRECTORY_EXTENSIONS;
  if (values.has('ext')) {
    extensions = [];
    for (const written of (values.get('ext') ?? []).flatMap((value) => value.split(','))) {
      const extension = written.trim().replace(/^\./, '');
      if (!/^[\p{L}\p{N}_-]+$/u.test(extension)) return fail('badExtension', { value: written });
      if (!extensions.includes(extension.toLowerCase())) extensions = [...extensions, extension.toLowerCase()];
    }
  }

  const concurrencyValue = last('concurrency') ?? 'auto';
  if (!/^(auto|[1-9]\d{0,2})$/.test(concurrencyValue)) return fail('badConcurrency', { value: concurrencyValue });
  if (values.has('prune-baseline') && !values.has('baseline')) return fail('pruneNeedsBaseline');
  if (values.has('config') && values.has('no-config')) return fail('configConflict');
  const cells = last('cells');
  if (cells !== undefined && !/\.(csv|jsonl)$/i.test(cells)) return fail('badCellsFile', { value: cells });

  // `--max-file-size 64M`: bytes, or k/M/G (binary multiples, any case).
  const maxFileSizeValue = last('max-file-size');
  let maxFileSize = DEFAULT_MAX_BYTES;
  if (maxFileSizeValue !== undefined) {
    const size = /^(\d{1,15})([kmg]?)i?b?$/i.exec(maxFileSizeValue.trim());
    const multiple = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(size?.[2] ?? '').toLowerCase() as '' | 'k' | 'm' | 'g'];
    maxFileSize = size ? Number(size[1]) * multiple : 0;
    if (!Number.isSafeInteger(maxFileSize) || maxFileSize <= 0) return fail('badMaxFileSize', { value: maxFileSizeValue });
  }

  const color = values.has('no-color') ? false : values.has('color') ? true : undefined;
  const outputFile = last('output-file');
  const previous = last('previous');
  const publishedOn = last('published-on');
  if (publishedOn !== undefined && !isIsoDate(publishedOn)) return fail('badDate', { value: publishedOn });
  const docsUrl = last('docs-url');
  if (docsUrl !== undefined && !isDocsBaseUrl(docsUrl)) return fail('badDocsUrl', { value: docsUrl });
  return {
    format: format as OutputFormat,
    rules,
    locale: parsedLocale,
    maxWarnings: Number(maxWarningsValue),
    quiet: values.has('quiet'),
    includeReport: values.has('include-report'),
    series: values.has('series'),
    ...(previous !== undefined ? { previous } : {}),
    ...(publishedOn !== undefined ? { publishedOn } : {}),
    ...optional('docsUrl', docsUrl),
    extensions,
    ignorePatterns: values.get('ignore-pattern') ?? [],
    ...(outputFile !== undefined ? { outputFile } : {}),
    maxFileSize,
    stdinFilename: last('stdin-filename') ?? '<stdin>',
    ...(color !== undefined ? { color } : {}),
    version: values.has('version'),
    help: values.has('help'),
    ...optional('configFile', last('config')),
    noConfig: values.has('no-config'),
    ...optional('printConfig', last('print-config')),
    listRules: values.has('list-rules'),
    ...optional('baseline', last('baseline')),
    ...optional('writeBaseline', last('write-baseline')),
    pruneBaseline: values.has('prune-baseline'),
    concurrency: concurrencyValue === 'auto' ? 'auto' : Number(concurrencyValue),
    cache: values.has('cache'),
    ...optional('cacheLocation', last('cache-location')),
    ...optional('cells', cells),
    given: new Set(values.keys()),
    targets,
  };
}
