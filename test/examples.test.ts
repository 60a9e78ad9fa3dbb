import { describe, expect, it } from 'vitest';
import { RULES, checkReport, checkText, exampleReport, runRules, sampleReport } from '../src/index.js';
import type { RuleExample } from '../src/index.js';

const structured = (examples: readonly RuleExample[]) => examples.filter((example) => example.text === undefined).map((example) => [example.summary.en, example] as const);
const textual = (examples: readonly RuleExample[]) => examples.filter((example) => example.text !== undefined).map((example) => [example.summary.en, example.text as string] as const);

// Every rule's documented examples are checked, as ESLint's check-rule-examples does:
// a failing example must be reported by that rule, a passing one must not.
describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s examples', (id, rule) => {
  it('has at least one failing and one passing example', () => {
    expect(rule.meta.examples.failing.length).toBeGreaterThan(0);
    expect(rule.meta.examples.passing.length).toBeGreaterThan(0);
  });
  it.each(structured(rule.meta.examples.failing))('reports: %s', (_summary, example) => {
    const diagnostics = runRules(exampleReport(example), [rule]);
    expect(diagnostics.filter((d) => d.ruleId === id && d.severity !== 'info').length).toBeGreaterThan(0);
  });
  it.each(structured(rule.meta.examples.passing))('accepts: %s', (_summary, example) => {
    expect(runRules(exampleReport(example), [rule])).toEqual([]);
  });
  // Text examples go through the reader: what a user pasting that excerpt would see.
  it.each(textual(rule.meta.examples.failing))('reports text: %s', (_summary, text) => {
    const { diagnostics } = checkText(text);
    expect(diagnostics.filter((d) => d.ruleId === id && d.severity !== 'info').length).toBeGreaterThan(0);
  });
  it.each(textual(rule.meta.examples.passing))('accepts text: %s', (_summary, text) => {
    const { diagnostics } = checkText(text);
    expect(diagnostics.filter((d) => d.ruleId === id)).toEqual([]);
  });
});

describe('sample report', () => {
  it('checks clean', () => {
    expect(checkReport(exampleReport({ summary: { 'zh-CN': '', en: '' } }))).toEqual([]);
  });
  it('is the report examples start from, unchanged by an example without changes', () => {
    expect(exampleReport({ summary: { 'zh-CN': '', en: '' } })).toEqual(sampleReport());
  });
  it('in the 2019 format, for 2020, is balanced too: every table of that format checked, nothing to say', () => {
    const diagnostics = checkReport(exampleReport({ summary: { 'zh-CN': '', en: '' }, meta: { formatVersion: '2019', year: 2020 } }));
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.table])).toEqual([]);
  });
});
