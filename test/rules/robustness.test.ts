import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSIONS, SECTION_KEYS, TABLE_KEYS, TABLES } from '../../src/catalog/index.js';
import { INTERNAL_ERROR_RULE_ID, RULES, runRules } from '../../src/rules/index.js';
import { COUNT_FACT_KINDS, Decimal } from '../../src/model/index.js';
import type { AnnualReport, Cell, Span } from '../../src/model/index.js';

// Reports as code or a lenient loader can build them: every shape the type allows, and values the
// schema would refuse (negative, fractional, NaN, huge) — no rule may fail on any of them.
const span: fc.Arbitrary<Span> = fc.record({ start: fc.nat(1000), end: fc.nat(1000), line: fc.integer({ min: 1, max: 50 }), column: fc.integer({ min: 1, max: 80 }) });
const optionalSpan = fc.option(span, { nil: undefined });

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({ kind: fc.constant('count' as const), value: fc.oneof(fc.nat(50), fc.integer({ min: -5, max: -1 }), fc.double({ noNaN: false }), fc.constant(Number.MAX_SAFE_INTEGER)) }),
  fc.record({ kind: fc.constant('amount' as const), value: fc.oneof(fc.constant('0'), fc.constant('779.508355'), fc.constant('-3'), fc.constant('NaN'), fc.constant('2.5')).map((text) => new Decimal(text)) }),
  fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('', '—', '/', '无') }),
  fc.record({ kind: fc.constant('invalid' as const), text: fc.string() }),
).chain((value) => optionalSpan.map((where) => (where ? { ...value, span: where } : value)) as fc.Arbitrary<Cell>);

const rowKeys = (table: (typeof TABLE_KEYS)[number]) => [...TABLES[table].rows.map((row) => row.key), 'otherHandling', 'unknownRow'];
const columnKeys = (table: (typeof TABLE_KEYS)[number]) => [...new Set(TABLES[table].rows.flatMap((row) => row.columns.map((column) => column.key))), 'unknownColumn'];

const table = (key: (typeof TABLE_KEYS)[number]) =>
  fc.record(
    {
      span: optionalSpan,
      rows: fc.dictionary(
        fc.constantFrom(...rowKeys(key)),
        fc.record({ cells: fc.dictionary(fc.constantFrom(...columnKeys(key)), cell), labelSpan: optionalSpan, labelInferred: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['cells'] }),
      ),
    },
    { requiredKeys: ['rows'] },
  );

const report = fc.record({
  meta: fc.record(
    {
      formatVersion: fc.constantFrom(...FORMAT_VERSIONS),
      year: fc.record({ value: fc.integer({ min: 1990, max: 2200 }), span: optionalSpan }, { requiredKeys: ['value'] }),
      period: fc.record({ text: fc.string(), blank: fc.boolean(), span: optionalSpan }, { requiredKeys: ['text', 'blank'] }),
    },
    { requiredKeys: ['formatVersion'] },
  ),
  sections: fc.array(fc.record({ key: fc.constantFrom(...SECTION_KEYS), heading: fc.string(), headingSpan: optionalSpan }, { requiredKeys: ['key', 'heading'] }), { maxLength: 9 }),
  tables: fc.record({ activeDisclosure: table('activeDisclosure'), applications: table('applications'), reviews: table('reviews') }, { requiredKeys: [] }),
  facts: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constantFrom(...COUNT_FACT_KINDS), value: fc.nat(100), text: fc.string(), span: optionalSpan }, { requiredKeys: ['kind', 'value', 'text'] }),
      fc.record({ kind: fc.constant('processingFeeCollected' as const), value: fc.boolean(), text: fc.string() }),
    ),
    { maxLength: 6 },
  ),
  unplaced: fc.array(
    fc.record(
      { text: fc.string(), table: fc.constantFrom(...TABLE_KEYS), row: fc.string(), reason: fc.constantFrom('extra-value' as const, 'unknown-row' as const, 'ambiguous' as const), span: optionalSpan },
      { requiredKeys: ['text', 'reason'] },
    ),
    { maxLength: 4 },
  ),
}) as unknown as fc.Arbitrary<AnnualReport>;

describe('every rule, on any report', () => {
  it('never fails internally, and renders every message in both languages', () => {
    fc.assert(
      fc.property(report, (built) => {
        const problems: string[] = [];
        for (const locale of ['zh-CN', 'en'] as const) {
          for (const diagnostic of runRules(built, RULES, { locale })) {
            if (diagnostic.ruleId === INTERNAL_ERROR_RULE_ID) problems.push(diagnostic.message);
            // Every placeholder of the message is filled: a rule never forgets an argument its message needs.
            const template = RULES.find((rule) => rule.meta.id === diagnostic.ruleId)?.meta.messages[diagnostic.messageId];
            for (const match of (template?.[locale] ?? '').matchAll(/\{(\w+)\}/g)) {
              if (diagnostic.args[match[1] as string] === undefined) problems.push(`${diagnostic.ruleId}/${diagnostic.messageId} lacks {${match[1]}}`);
            }
          }
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('every rule, on a report a lenient loader built', () => {
  it('takes a row that lost its cells as a row without values, not as a failure', () => {
    // JSON read without the schema may hold a row as `{}`: the type forbids it, the rules must not fail on it.
    const built = {
      meta: { formatVersion: '2021' },
      sections: [],
      tables: {
        activeDisclosure: { rows: { rules: {}, licensing: { cells: { decisions: { kind: 'count', value: 1 } } } } },
        applications: { rows: { received: {} } },
        reviews: { rows: { review: {} } },
      },
      facts: [],
      unplaced: [],
    } as unknown as AnnualReport;
    const diagnostics = runRules(built, RULES);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === INTERNAL_ERROR_RULE_ID)).toEqual([]);
    // The rows are still seen as present, and their cells as missing.
    expect(diagnostics.some((diagnostic) => diagnostic.ruleId === 'cell-missing' && diagnostic.row === 'received')).toBe(true);
  });
});
