import type { FormatVersion, SectionKey, TableKey, Template } from '../catalog/index.js';
import type { Locale, Localized, MessageArgs, Severity, Suggestion } from '../diagnostics/index.js';
import type { AnnualReport, Fact, Span, UnplacedValue } from '../model/index.js';
import type { SourceText } from '../read/source.js';

/** What a rule looks at. */
export type RuleCategory = 'structure' | 'cells' | 'arithmetic' | 'narrative' | 'series';

/**
 * A cell value in a structured example: a count, a decimal string (an amount), `null` to remove the
 * cell, or a cell left without a number (`{ blank: '—' }`) or holding text that is no valid value
 * (`{ invalid: '2821.5' }`).
 */
export type ExampleCellValue = number | string | null | { readonly blank: string } | { readonly invalid: string };

/** Changes an example makes to the sample report's metadata. */
export interface ExampleMeta {
  /** The reporting year; `null` removes it. */
  readonly year?: number | null;
  /** The format version; the sample is then built in that format (its tables and rows). */
  readonly formatVersion?: FormatVersion;
  /** The statistics period statement. */
  readonly period?: { readonly text: string; readonly blank: boolean };
  /** The publication date, ISO `YYYY-MM-DD`; `null` removes it. */
  readonly publishedOn?: string | null;
  /** The agency, as the report names it; `null` removes it. */
  readonly agency?: string | null;
}

/**
 * Last year's report in an example of a series rule: the sample report of the year before (new
 * applications 3, none carried forward, so that this year's nothing carried over matches), with
 * these changes; or an excerpt of last year's text.
 */
export interface PreviousExample {
  /** Last year's report excerpt, checked as text. */
  readonly text?: string;
  /** Cells to set on last year's sample. */
  readonly cells?: Readonly<Record<string, ExampleCellValue>>;
  /** Metadata changes to last year's sample. */
  readonly meta?: ExampleMeta;
}

/**
 * An example of a rule in action, for the docs and for the test that keeps docs honest: `failing`
 * examples must be reported by the rule, `passing` ones must not.
 * Either a report excerpt as text, or changes to the built-in balanced sample report (see
 * `sampleReport`): cells set (keys `table.row.column`), sections dropped or reordered, tables
 * dropped, facts, metadata or unplaced values replaced.
 */
export interface RuleExample {
  /** What the example shows. */
  readonly summary: Localized;
  /** A report excerpt, checked as text. */
  readonly text?: string;
  /** Cells to set on the sample report. */
  readonly cells?: Readonly<Record<string, ExampleCellValue>>;
  /** The sections found, in this order (the sample has the six in template order). */
  readonly sections?: readonly SectionKey[];
  /** Sections to drop from the sample report. */
  readonly dropSections?: readonly string[];
  /** Tables to drop from the sample report. */
  readonly dropTables?: readonly TableKey[];
  /** The narrative facts, replacing the sample's (it states 4 applications received and no processing fee). */
  readonly facts?: readonly Fact[];
  /** Metadata changes. */
  readonly meta?: ExampleMeta;
  /** Numbers the reader could not place. */
  readonly unplaced?: readonly UnplacedValue[];
  /** Images in the report's text, each in a section (the sample has none). */
  readonly figures?: readonly { readonly section?: SectionKey }[];
  /** Every cell of the sample's tables left blank (a template published as it came). */
  readonly blankTables?: boolean;
  /** What kept the document's front-end from reading it (a scan, an encrypted PDF, an old Word file). */
  readonly problems?: readonly { readonly code: string; readonly message: string; readonly detail?: { readonly id: string; readonly args?: Readonly<Record<string, string>> } }[];
  /** For a series rule: last year's report (the sample of the year before when absent). */
  readonly previous?: PreviousExample;
}

/** A rule's metadata: the single source for docs, SARIF and tools. */
export interface RuleMeta {
  /** Stable identifier (kebab-case); tools and docs depend on it. */
  readonly id: string;
  /** What the rule looks at. */
  readonly category: RuleCategory;
  /** Severity when not configured. */
  readonly defaultSeverity: Severity;
  /** One sentence on what the rule checks. */
  readonly description: Localized;
  /** Message templates by message id; `{name}` placeholders are filled from the diagnostic's args. */
  readonly messages: Readonly<Record<string, Localized>>;
  /** A failing and a passing example. */
  readonly examples: { readonly failing: readonly RuleExample[]; readonly passing: readonly RuleExample[] };
}

/** A cell or place a problem refers to besides its main location. */
export interface ProblemRelated {
  /** Message id (of the same rule) or a literal message in both locales. */
  readonly message: Localized;
  /** Args for the message. */
  readonly args?: MessageArgs;
  /** Table key. */
  readonly table?: TableKey;
  /** Row key. */
  readonly row?: string;
  /** Column key. */
  readonly column?: string;
  /** Value found there, as text. */
  readonly value?: string;
  /** Where. */
  readonly span?: Span;
  /** The other file the place is in (a series rule pointing at last year's report); see `RelatedLocation.uri`. */
  readonly uri?: string;
}

/** What a rule reports; the engine adds the rule id, severity and the rendered message. */
export interface Problem {
  /** One of the rule's `meta.messages` keys. */
  readonly messageId: string;
  /** Values for the message template. */
  readonly args?: MessageArgs;
  /** Report at a lower severity than the rule's (e.g. `info` for "cannot check"); never higher. */
  readonly severity?: Severity;
  /** Table key. */
  readonly table?: TableKey;
  /** Row key. */
  readonly row?: string;
  /** Column key. */
  readonly column?: string;
  /** For arithmetic: what the relation requires. */
  readonly expected?: string;
  /** For arithmetic: what the report gives. */
  readonly actual?: string;
  /** Where in the original text. */
  readonly span?: Span;
  /** Other places involved. */
  readonly related?: readonly ProblemRelated[];
  /** The one correction that makes the table balance, when exactly one does. */
  readonly suggestion?: Suggestion;
}

/** What a rule's check receives besides the report. */
export interface RuleContext {
  /** The template the report is checked against (chosen from its format version). */
  readonly template: Template;
  /** Reports a problem. */
  report(problem: Problem): void;
  /** The locale messages are rendered in: for an argument a rule renders itself (a front-end problem's detail). */
  readonly locale?: Locale;
}

/** A rule: metadata and a check over the typed report. */
export interface Rule {
  /** Metadata. */
  readonly meta: RuleMeta;
  /** Looks at the report and reports problems through the context. Must not mutate the report. */
  check(report: AnnualReport, context: RuleContext): void;
}

/**
 * One report of a series of one agency's reports: the typed report and what series rules need
 * beside it. Spans of the report point into `text`.
 */
export interface SeriesReport {
  /** The typed report. */
  readonly report: AnnualReport;
  /** The text the report was read from, when there is one: what `text-repeated` and `year-mismatch` read. */
  readonly text?: string;
  /**
   * The document's normalized text with its map to `text`, as its front-end read it (`document.source`
   * of `readDocument`): needed for a web page, PDF or Word file, whose `text` is its source or
   * extracted text. Without it `text` is read as plain text.
   */
  readonly source?: SourceText;
  /**
   * Where the report is (a file path or URI), named in the related locations of findings that point
   * at it from another report. Without one the series names it `series:N` (its index in the input).
   */
  readonly uri?: string;
  /** An explicit agency identity, for an agency that renamed (from the configuration); else its name is used. */
  readonly agencyId?: string;
}

/** What a series rule's check receives besides the reports. */
export interface SeriesRuleContext extends RuleContext {
  /** Where last year's report is, for the related locations that point at it. */
  readonly previousUri: string;
  /** For `summary` rules: the reports the summary adds up, each with where it is. */
  readonly parts: readonly { readonly entry: SeriesReport; readonly uri: string }[];
}

/**
 * A rule over the reports of one agency: `pair` rules compare a report with the one of the year
 * before; `text` rules read one report's text (the typed report alone does not hold it); `summary`
 * rules compare a report declared a summary (汇总) with the reports it adds up (`context.parts`).
 */
export interface SeriesRule {
  /** Metadata. */
  readonly meta: RuleMeta;
  /**
   * `pair`: checked for each report whose predecessor is in the series; `text`: for each report;
   * `summary`: only for a report declared a summary, with its parts (opt-in: never run otherwise).
   */
  readonly scope: 'pair' | 'text' | 'summary';
  /**
   * Looks at the report (and, for `pair` rules, last year's) and reports problems, on the current
   * report, through the context. Must not mutate either.
   */
  check(current: SeriesReport, previous: SeriesReport | undefined, context: SeriesRuleContext): void;
}

/** Declares a series rule (an identity function that gives rule files their types). */
export function defineSeriesRule(rule: SeriesRule): SeriesRule {
  return rule;
}

/** Declares a rule (an identity function that gives rule files their types). */
export function defineRule(rule: Rule): Rule {
  return rule;
}
