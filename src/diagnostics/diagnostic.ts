import type { TableKey } from '../catalog/index.js';
import type { Span } from '../model/index.js';

/** How serious a diagnostic is. */
export type Severity = 'error' | 'warning' | 'info';

/** A rule's configured level: a severity, or `'off'`. */
export type RuleLevel = Severity | 'off';

/** The languages messages are rendered in. Chinese is the default: the readers are Chinese officials. */
export type Locale = 'zh-CN' | 'en';

/** Text in both supported languages. */
export interface Localized {
  /** Simplified Chinese. */
  readonly 'zh-CN': string;
  /** English. */
  readonly en: string;
}

/**
 * Values a message template is filled with. Keys `table`, `row`, `column`, `section` and `relation`
 * name catalog entries and are rendered as their labels; `columns` and `sections` hold comma-separated keys,
 * rendered as a list of labels.
 */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** Another place that matters to a diagnostic (e.g. one cell of a failed sum). */
export interface RelatedLocation {
  /** What this place is, rendered in the diagnostic's locale. */
  readonly message: string;
  /** Table key, when the place is a cell. */
  readonly table?: TableKey;
  /** Row key, when the place is a cell. */
  readonly row?: string;
  /** Column key, when the place is a cell. */
  readonly column?: string;
  /** The value found there, as text (absent when the cell is missing). */
  readonly value?: string;
  /** Where it is in the original text, when it came from text. */
  readonly span?: Span;
  /**
   * The file the place is in, when it is another file than the diagnostic's own (a finding of a series
   * of reports points at last year's report); `span` then points into that file's text. Absent: the
   * diagnostic's own file.
   */
  readonly uri?: string;
}

/** A table cell, named by its keys. */
export interface CellReference {
  /** Table key. */
  readonly table: TableKey;
  /** Row key. */
  readonly row: string;
  /** Column key. */
  readonly column: string;
}

/**
 * A suggested correction: the one value of one cell under which every relation of its table holds —
 * given only when exactly one such single change (a value, two digits transposed, a value in the
 * wrong column of its row) explains every failure.
 */
export interface Suggestion {
  /** The cell to change. */
  readonly cell: CellReference;
  /** The value it would hold, as text. */
  readonly value: string;
  /** The value it holds now, as text. */
  readonly current?: string;
  /**
   * What kind of slip the change undoes: `value` (a wrong number), `transposition` (two digits
   * swapped: 61 for 16), `column` (two cells of one row hold each other's values: `cell` should hold
   * `value`, which is now in `from`, and `from` should hold `current`).
   */
  readonly kind: 'value' | 'transposition' | 'column';
  /** For `column`: the other cell of the row, which holds `value` now. */
  readonly from?: CellReference;
}

/** One finding: a plain data object, safe to serialize as JSON. */
export interface Diagnostic {
  /** The rule that reported it (stable across versions). */
  readonly ruleId: string;
  /** Severity after configuration. */
  readonly severity: Severity;
  /** Which of the rule's messages this is. */
  readonly messageId: string;
  /** The values the message was filled with; with `messageId` they re-render it in any locale. */
  readonly args: MessageArgs;
  /** The rendered message (Chinese by default, English with `locale: 'en'`). */
  readonly message: string;
  /** Table key, when it concerns cells. */
  readonly table?: TableKey;
  /** Row key, when it concerns a row or cell. */
  readonly row?: string;
  /** Column key, when it concerns a column or cell. */
  readonly column?: string;
  /** For arithmetic: the value the relation requires. */
  readonly expected?: string;
  /** For arithmetic: the value the report gives. */
  readonly actual?: string;
  /** Where in the original text, when known. */
  readonly span?: Span;
  /** Other places involved (every cell of a failed sum, the table value a sentence contradicts…). */
  readonly related?: readonly RelatedLocation[];
  /** The one correction that would make every relation of the table hold, when exactly one does. */
  readonly suggestion?: Suggestion;
}

/** Counts of diagnostics by severity. */
export interface DiagnosticCounts {
  /** Number of errors. */
  readonly errorCount: number;
  /** Number of warnings. */
  readonly warningCount: number;
  /** Number of infos. */
  readonly infoCount: number;
}

/** Counts diagnostics by severity. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errorCount++;
    else if (diagnostic.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { errorCount, warningCount, infoCount };
}
