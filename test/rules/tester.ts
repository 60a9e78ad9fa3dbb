/**
 * A table-driven rule tester in the manner of ESLint's RuleTester: `valid` reports give no
 * diagnostic of the rule; each `invalid` report gives exactly the listed diagnostics, compared on
 * every location field (table, row, column, the original text under the span, its line and column),
 * expected/actual, and the message rendered in Chinese and in English.
 */
import { describe, expect, it } from 'vitest';
import type { TableKey } from '../../src/catalog/index.js';
import type { Diagnostic, Severity } from '../../src/diagnostics/index.js';
import type { AnnualReport, Span } from '../../src/model/index.js';
import { normalize, parseReport } from '../../src/read/index.js';
import type { SourceText } from '../../src/read/index.js';
import { runRules } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/index.js';
import { expectedReport, seedExpectation, seedText, TABLED_SEEDS } from '../support/fixtures.js';

/** Where a diagnostic points: the original characters, and their line and column. */
export interface ExpectedSpan {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** A related location as expected: the cell it names, its value and the text under its span. */
export interface ExpectedRelated {
  readonly message?: string;
  readonly row?: string;
  readonly column?: string;
  readonly value?: string;
  readonly span?: ExpectedSpan | null;
}

/** One diagnostic an invalid case must give. Absent location fields must be absent in the diagnostic. */
export interface ExpectedDiagnostic {
  readonly messageId: string;
  readonly severity: Severity;
  readonly table?: TableKey;
  readonly row?: string;
  readonly column?: string;
  readonly expected?: string;
  readonly actual?: string;
  /** `null`: the diagnostic has no span. */
  readonly span: ExpectedSpan | null;
  readonly message: { readonly 'zh-CN': string; readonly en: string };
  /** Checked when given. */
  readonly related?: readonly ExpectedRelated[];
}

/** A report the rule must accept. */
export interface ValidCase {
  readonly name: string;
  readonly report: () => AnnualReport;
}

/** A report the rule must reject, with exactly these diagnostics in this order. */
export interface InvalidCase {
  readonly name: string;
  readonly report: () => AnnualReport;
  /** The original text the report's spans point into. */
  readonly source?: SourceText;
  readonly diagnostics: readonly ExpectedDiagnostic[];
}

const spanOf = (span: Span | undefined, source: SourceText | undefined): ExpectedSpan | null => {
  if (!span) return null;
  return { text: source ? source.original.slice(span.start, span.end) : '<no source>', line: span.line, column: span.column };
};

const project = (diagnostic: Diagnostic, source: SourceText | undefined) => ({
  messageId: diagnostic.messageId,
  severity: diagnostic.severity,
  table: diagnostic.table,
  row: diagnostic.row,
  column: diagnostic.column,
  expected: diagnostic.expected,
  actual: diagnostic.actual,
  span: spanOf(diagnostic.span, source),
  message: diagnostic.message,
});

const projectExpected = (expected: ExpectedDiagnostic) => ({
  messageId: expected.messageId,
  severity: expected.severity,
  table: expected.table,
  row: expected.row,
  column: expected.column,
  expected: expected.expected,
  actual: expected.actual,
  span: expected.span,
  message: expected.message['zh-CN'],
});

/** Runs a rule's valid and invalid cases. */
export function testRule(rule: Rule, cases: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it.each(cases.valid.map((valid) => [valid.name, valid] as const))('valid: %s', (_name, valid) => {
      expect(runRules(valid.report(), [rule])).toEqual([]);
    });
    it.each(cases.invalid.map((invalid) => [invalid.name, invalid] as const))('invalid: %s', (_name, invalid) => {
      const report = invalid.report();
      const zh = runRules(report, [rule]);
      const en = runRules(report, [rule], { locale: 'en' });
      expect(zh.map((diagnostic) => project(diagnostic, invalid.source))).toEqual(invalid.diagnostics.map(projectExpected));
      expect(en.map((diagnostic) => diagnostic.message)).toEqual(invalid.diagnostics.map((expected) => expected.message.en));
      invalid.diagnostics.forEach((expected, index) => {
        if (!expected.related) return;
        const places = zh[index]?.related ?? [];
        const related = places.map((place, at) => ({
          ...(expected.related?.[at]?.message !== undefined ? { message: place.message } : {}),
          row: place.row,
          column: place.column,
          value: place.value,
          span: spanOf(place.span, invalid.source),
        }));
        expect(related).toEqual(
          expected.related.map((place) => ({
            ...(place.message !== undefined ? { message: place.message } : {}),
            row: place.row,
            column: place.column,
            value: place.value,
            span: place.span ?? null,
          })),
        );
      });
      // Rendered from the same message id and args, so a tool can re-render in either language.
      expect(en.map((diagnostic) => [diagnostic.messageId, diagnostic.args])).toEqual(zh.map((diagnostic) => [diagnostic.messageId, diagnostic.args]));
    });
  });
}

/** A report's text, normalized as the reader does, for building spans that point into the original. */
export class TextSpans {
  /** The normalized text with its map back to the original. */
  readonly source: SourceText;

  constructor(text: string) {
    this.source = normalize(text);
  }

  /** The span of the `nth` occurrence (0-based) of `needle` in the normalized text, after `after` when given. */
  find(needle: string, options: { readonly after?: string; readonly nth?: number } = {}): Span {
    let from = 0;
    if (options.after !== undefined) {
      const anchor = this.source.text.indexOf(options.after);
      if (anchor < 0) throw new Error(`anchor not found: ${options.after}`);
      from = anchor + options.after.length;
    }
    let index = this.source.text.indexOf(needle, from);
    for (let count = 0; count < (options.nth ?? 0) && index >= 0; count++) index = this.source.text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`not found: ${needle}`);
    return this.source.span(index, index + needle.length);
  }

  /** The span of the `nth` number (0-based) after `anchor` (the first occurrence), across lines: a cell of a table row. */
  numberAfter(anchor: string, nth: number): Span {
    const text = this.source.text;
    const at = text.indexOf(anchor);
    if (at < 0) throw new Error(`anchor not found: ${anchor}`);
    const pattern = /-?\d+(?:\.\d+)?/g;
    pattern.lastIndex = at + anchor.length;
    let match: RegExpExecArray | null = null;
    for (let count = 0; count <= nth; count++) {
      match = pattern.exec(text);
      if (!match) throw new Error(`no number ${nth} after ${anchor}`);
    }
    const found = match as RegExpExecArray;
    return this.source.span(found.index, found.index + found[0].length);
  }

  /** The span of the `nth` line (0-based) that starts with `start` — a section heading — up to its end. */
  line(start: string, nth = 0): Span {
    let offset = 0;
    let count = 0;
    for (const line of this.source.text.split('\n')) {
      if (line.startsWith(start) && count++ === nth) return this.source.span(offset, offset + line.length);
      offset += line.length + 1;
    }
    throw new Error(`no line starting with ${start}`);
  }
}

/** A seed's hand-encoded report, with its text (as published) for spans. */
export function seed(id: string, edit: (text: string) => string = (text) => text): { report: AnnualReport; spans: TextSpans } {
  const text = edit(seedText(id));
  return { report: expectedReport(seedExpectation(id)), spans: new TextSpans(text) };
}

/**
 * Seed 002 — a pre-2019 report (a template copied with its year left blank) — as the reader sees
 * it: no tables, no year, a blank statistics period, and the three headings that match the catalog.
 */
export function legacySeed(): { report: AnnualReport; spans: TextSpans } {
  const spans = new TextSpans(seedText('002'));
  const section = (key: 'overview' | 'activeDisclosure' | 'problems', heading: string) => ({ key, heading, headingSpan: spans.line(heading) });
  const period = '统计期限自年月日起至年12月31日止';
  const report: AnnualReport = {
    meta: { formatVersion: 'pre-2019', period: { text: period, blank: true, span: spans.find(period) } },
    sections: [
      section('overview', '一、概述'),
      section('activeDisclosure', '二、主动公开政府信息工作情况'),
      section('problems', '六、存在的主要问题及改进措施'),
    ],
    tables: {},
    facts: [],
    unplaced: [],
  };
  return { report, spans };
}

/** A seed's text with each `[from, to]` edit made where `from` occurs exactly once, and the report read from it. */
export function plant(id: string, ...edits: readonly (readonly [string, string])[]): { source: SourceText; report: () => AnnualReport } {
  const text = edits.reduce((edited, [from, to]) => {
    if (edited.split(from).length !== 2) throw new Error(`not exactly once in seed ${id}: ${from}`);
    return edited.replace(from, to);
  }, seedText(id));
  return { source: normalize(text), report: () => parseReport(text) };
}

/** A related cell whose span holds its value as written, at a line and column of the original text. */
export const cell = (row: string, column: string, value: string, line: number, at: number): ExpectedRelated => ({
  row,
  column,
  value,
  span: { text: value, line, column: at },
});

/**
 * How the messages name tables 三 and 四, written out as a reader sees them: the expected text of
 * every arithmetic rule's messages (the catalog renders them; the tests spell them once, here).
 */
export const EXPECTED_TABLE_LABEL = {
  applications: { zh: '表三（收到和处理政府信息公开申请情况）', en: 'Table 三 (Applications received and handled)' },
  reviews: { zh: '表四（政府信息公开行政复议、行政诉讼情况）', en: 'Table 四 (Administrative reviews and litigation)' },
} as const;

/** Valid cases every arithmetic rule passes: each tabled seed, as hand-encoded and as read from its text. */
export function seedValidCases(): ValidCase[] {
  return [
    ...TABLED_SEEDS.map((id) => ({ name: `seed ${id}: hand-encoded ground truth`, report: () => expectedReport(seedExpectation(id)) })),
    ...TABLED_SEEDS.map((id) => ({ name: `seed ${id}: read from its text`, report: () => parseReport(seedText(id)) })),
  ];
}

/** The 15 numbers of table 四 on one line, as seeds 001 and 004 print them (each preceded by a line break). */
export const table4Line = (values: readonly (number | string)[]): string => `\n${values.join(' | ')} |`;
/** Table 四's line of seeds 001 and 004 as published: all zeros. */
export const TABLE4_ZEROS = table4Line(Array.from({ length: 15 }, () => 0));
