import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { rules as RULE_METADATA } from '../index.js';
import type { Locale, RuleLevel } from '../index.js';
import { OUTPUT_FORMATS, closestMatch, isDocsBaseUrl, isIsoDate } from './args.js';
import type { OutputFormat } from './args.js';
import { message } from './messages.js';

/** The names a configuration file is looked for under, in this order, in each folder from the working directory up. */
export const CONFIG_FILE_NAMES: readonly string[] = ['xxgk-lint.config.json', 'xxgk-lint.config.mjs', 'xxgk-lint.config.js'];

/** The ignore file read from the working directory (gitignore syntax). */
export const IGNORE_FILE_NAME = '.xxgklintignore';

const LEVEL = z.enum(['off', 'info', 'warning', 'warn', 'error']);

/** The `rules` object: each catalog rule by id, nothing else (an unknown id is an error, not ignored). */
const rulesSchema = z
  .strictObject(Object.fromEntries(RULE_METADATA.map((rule) => [rule.id, LEVEL.optional().describe(`${rule.description.en} (default: ${rule.defaultSeverity})`)])))
  .describe('Rule levels by rule id: off, info, warning (or warn), error.');

/**
 * The configuration file's schema, built from the rule catalog, so a new rule is configurable (and
 * known to editors through the shipped JSON Schema) the moment it exists.
 */
export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    rules: rulesSchema.optional(),
    locale: z.enum(['zh-CN', 'en']).optional().describe('The language of messages (default zh-CN).'),
    format: z.enum(OUTPUT_FORMATS).optional().describe('The output format (default stylish).'),
    extensions: z
      .array(z.string().regex(/^\.?[\p{L}\p{N}_-]+$/u))
      .min(1)
      .optional()
      .describe('The extensions directories are searched for (default txt, md).'),
    ignorePatterns: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs of files that directories and globs do not yield, as --ignore-pattern takes them (relative to the working directory or the folder searched); added to those of the command line.'),
    maxWarnings: z.number().int().min(-1).optional().describe('Fail above this many warnings (-1: no limit).'),
    quiet: z.boolean().optional().describe('Report errors only.'),
    docsUrl: z
      .string()
      // The pattern for editors (the JSON Schema); the URL parser for the rest.
      .regex(/^(?:https?|file):\/\/[^?#\s]*$/u, 'an absolute http:, https: or file: URL without query or fragment')
      .refine(isDocsBaseUrl, 'an absolute http:, https: or file: URL without query or fragment')
      .optional()
      .describe(
        'The base URL where the documentation site built by `npm run docs` (docs/api/) is hosted: SARIF helpUri/informationUri and the HTML report link each rule to its page there. Default: package.json homepage, when declared; else no link.',
      ),
    overrides: z
      .array(
        z.strictObject({
          files: z.array(z.string().min(1)).min(1).describe('Globs, relative to this file’s folder, of the files the override applies to.'),
          rules: rulesSchema.optional(),
          agencyId: z
            .string()
            .regex(/\S/u, 'a non-blank id')
            .optional()
            .describe('The agency these reports are by, whatever name they give (an agency that renamed): reports with one agencyId are one agency in a series (--series, --previous).'),
          publishedOn: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date YYYY-MM-DD')
            .refine(isIsoDate, 'a date YYYY-MM-DD')
            .optional()
            .describe('The publication date (YYYY-MM-DD) of these reports, over the one they state, for published-late; --published-on wins.'),
          summaryOf: z
            .array(z.string().min(1))
            .min(1)
            .optional()
            .describe(
              'These reports are summaries (汇总): each is checked by summary-mismatch against the reports of the same run and the same year matched by these globs (relative to this file’s folder). Off unless declared.',
            ),
        }),
      )
      .optional()
      .describe('Settings for some files only (rule levels, agency id, publication date, summary), applied in order after the top-level ones: a later override wins.'),
  })
  .describe('xxgk-lint configuration (xxgk-lint.config.json).');

/** A configuration file's content, validated. */
export type ConfigFile = z.infer<typeof ConfigSchema>;

/** The JSON Schema of the configuration file, as shipped in `schema/config.schema.json`. */
export function configJsonSchema(): Record<string, unknown> {
  return { title: 'xxgk-lint configuration', ...z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', io: 'input' }) };
}

/** A loaded configuration: where it came from and what it says. */
export interface LoadedConfig {
  /** The file's absolute path. */
  readonly path: string;
  /** Its content. */
  readonly config: ConfigFile;
}

/** The outcome of loading: a configuration, none, or one error line. */
export type ConfigOutcome = { readonly loaded?: LoadedConfig } | { readonly error: string };

/** Finds the configuration file for a working directory: the first of {@link CONFIG_FILE_NAMES} in it or a folder above. */
export function findConfigFile(cwd: string): string | undefined {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/** A file's path as the configuration's globs see it: relative to the configuration's folder, with forward slashes. */
export function configRelative(file: string, cwd: string, loaded: LoadedConfig): string {
  return relative(dirname(loaded.path), resolve(cwd, file)).split(sep).join('/');
}

/** What the configuration says of one file besides its rule levels: the series and deadline settings. */
export interface FileSettings {
  /** An explicit agency identity (an agency that renamed). */
  readonly agencyId?: string;
  /** The publication date the configuration gives it. */
  readonly publishedOn?: string;
  /** When it is a summary (汇总): whether another file of the run is one of its parts. */
  readonly summaryOf?: (file: string) => boolean;
}

/**
 * The series and deadline settings of one file: `agencyId`, `publishedOn`, `summaryOf` of the
 * overrides whose `files` match it, a later override winning, as for rule levels. `matchers` are
 * the overrides' globs as {@link overrideMatchers} compiles them.
 */
export function settingsForFile(file: string | undefined, cwd: string, loaded: LoadedConfig | undefined, matchers: OverrideMatchers): FileSettings {
  if (!loaded || file === undefined) return {};
  const path = configRelative(file, cwd, loaded);
  let settings: { agencyId?: string; publishedOn?: string; summaryOf?: (file: string) => boolean } = {};
  (loaded.config.overrides ?? []).forEach((override, index) => {
    if (!matchers.files[index]?.(path)) return;
    if (override.agencyId !== undefined) settings = { ...settings, agencyId: override.agencyId.trim() };
    if (override.publishedOn !== undefined) settings = { ...settings, publishedOn: override.publishedOn };
    const parts = matchers.summaryOf[index];
    if (parts) settings = { ...settings, summaryOf: (other) => parts(configRelative(other, cwd, loaded)) };
  });
  return settings;
}

/** Whether the configuration declares any report a summary (the run then keeps its reports to add them up). */
export const declaresSummaries = (loaded: LoadedConfig | undefined): boolean => (loaded?.config.overrides ?? []).some((override) => override.summaryOf !== undefined);

const levelOf = (level: string): RuleLevel => (level === 'warn' ? 'warning' : (level as RuleLevel));

// Zod's issues as one line a person can act on: the key or rule named, with the nearest known one.
function describeIssue(issue: z.core.$ZodIssue, file: string, locale: Locale): string {
  const path = issue.path.map(String);
  const at = path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] as string;
    const inRules = path.at(-1) === 'rules';
    const known = inRules ? RULE_METADATA.map((rule) => rule.id) : Object.keys(path.length === 0 ? ConfigSchema.shape : path[0] === 'overrides' ? { files: 0, rules: 0 } : {});
    const suggestion = closestMatch(key, known);
    const hint = suggestion ? message('ruleHint', locale, { rule: suggestion }) : '';
    return message(inRules ? 'configUnknownRule' : 'configUnknownKey', locale, { file, key: path.length > 0 ? `${at}.${key}` : key, rule: key, hint });
  }
  return message('configInvalid', locale, { file, key: at === '' ? '(root)' : at, reason: issue.message });
}

/** Validates a configuration object; the first problem as one line, or the typed configuration. */
export function validateConfig(value: unknown, file: string, locale: Locale): { config: ConfigFile } | { error: string } {
  const parsed = ConfigSchema.safeParse(value);
  if (parsed.success) return { config: parsed.data };
  return { error: describeIssue(parsed.error.issues[0] as z.core.$ZodIssue, file, locale) };
}

/**
 * Loads a configuration file: JSON, or an ES module (`.mjs`, `.js`) whose default export is the
 * same object. Never throws: a file that cannot be read, parsed or validated is one error line.
 */
export async function loadConfig(path: string, shownAs: string, locale: Locale): Promise<ConfigOutcome> {
  let value: unknown;
  try {
    if (/\.json$/i.test(path)) {
      value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    } else {
      const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
      value = module.default;
    }
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
    if (code === 'ENOENT') return { error: message('configNotFound', locale, { file: shownAs }) };
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { error: message('configUnreadable', locale, { file: shownAs, reason }) };
  }
  const validated = validateConfig(value, shownAs, locale);
  return 'error' in validated ? validated : { loaded: { path, config: validated.config } };
}

/** What the run uses, after defaults, the configuration file and the command line (in that order). */
export interface EffectiveSettings {
  readonly format: OutputFormat;
  readonly locale: Locale;
  readonly extensions: readonly string[];
  readonly ignorePatterns: readonly string[];
  readonly maxWarnings: number;
  readonly quiet: boolean;
  /** The base URL of the hosted documentation site, when known (`--docs-url`, `docsUrl`, package.json `homepage`). */
  readonly docsUrl?: string;
  /** Top-level rule levels: the file's, then the command line's `--rule`. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
}

/**
 * The rule levels for one file: the configuration's top-level rules, each override whose `files`
 * match the file (relative to the configuration's folder), in order, then the command line's
 * `--rule`, which always wins.
 */
export function rulesForFile(
  file: string | undefined,
  cwd: string,
  loaded: LoadedConfig | undefined,
  matchers: OverrideMatchers,
  commandLine: Readonly<Record<string, RuleLevel>>,
): Record<string, RuleLevel> {
  const levels: Record<string, RuleLevel> = {};
  const apply = (from: Readonly<Record<string, string | undefined>> | undefined): void => {
    for (const [id, level] of Object.entries(from ?? {})) if (level !== undefined) levels[id] = levelOf(level);
  };
  apply(loaded?.config.rules);
  if (loaded && file !== undefined) {
    const path = configRelative(file, cwd, loaded);
    (loaded.config.overrides ?? []).forEach((override, index) => {
      if (matchers.files[index]?.(path)) apply(override.rules);
    });
  }
  Object.assign(levels, commandLine);
  return levels;
}

/** The globs of a configuration's overrides, compiled: by override, its `files`, and its `summaryOf` when it has one. */
export interface OverrideMatchers {
  readonly files: readonly ((path: string) => boolean)[];
  readonly summaryOf: readonly (((path: string) => boolean) | undefined)[];
}

/** The override matchers of a configuration (picomatch, loaded only when there are overrides). */
export async function overrideMatchers(loaded: LoadedConfig | undefined): Promise<OverrideMatchers> {
  const overrides = loaded?.config.overrides ?? [];
  if (overrides.length === 0) return { files: [], summaryOf: [] };
  const { default: picomatch } = await import('picomatch');
  return {
    files: overrides.map((override) => picomatch(override.files, { dot: true })),
    summaryOf: overrides.map((override) => (override.summaryOf ? picomatch(override.summaryOf, { dot: true }) : undefined)),
  };
}

/** The `.xxgklintignore` of the working directory as a test of paths relative to it; undefined when there is none. */
export async function ignoreFileTest(cwd: string): Promise<((path: string) => boolean) | undefined> {
  const file = join(cwd, IGNORE_FILE_NAME);
  if (!existsSync(file)) return undefined;
  const { default: ignore } = await import('ignore');
  const matcher = ignore().add(readFileSync(file, 'utf8'));
  return (path) => {
    const slashed = relative(cwd, resolve(cwd, path)).split(sep).join('/');
    // Paths outside the working directory are not the ignore file's to judge (`ignore` refuses them).
    return slashed !== '' && !slashed.startsWith('../') && matcher.ignores(slashed);
  };
}
