import { describe, expect, it } from 'vitest';
import { RULES, checkReport, exampleReport, runRules } from '../src/index.js';

// Every rule's documented examples are checked, as ESLint's check-rule-examples does:
// a failing example must be reported by that rule, a passing one must not.
describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s examples', (id, rule) => {
  it.each(rule.meta.examples.failing.filter((example) => !example.text).map((example) => [example.summary.en, example] as const))(
    'reports: %s',
    (_summary, example) => {
      const diagnostics = runRules(exampleReport(example), [rule]);
      expect(diagnostics.filter((d) => d.ruleId === id && d.severity !== 'info').length).toBeGreaterThan(0);
    },
  );
  it.each(rule.meta.examples.passing.filter((example) => !example.text).map((example) => [example.summary.en, example] as const))(
    'accepts: %s',
    (_summary, example) => {
      expect(runRules(exampleReport(example), [rule])).toEqual([]);
    },
  );
});

describe('sample report', () => {
  it('checks clean', () => {
    expect(checkReport(exampleReport({ summary: { 'zh-CN': '', en: '' } }))).toEqual([]);
  });
});
