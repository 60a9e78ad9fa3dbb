import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/read/index.js';
import { examplePrevious, exampleReport, SERIES_RULES } from '../../src/rules/index.js';
import type { RuleLevel } from '../../src/diagnostics/index.js';
import type { CheckOptions, RuleExample, SeriesReport, SeriesRule } from '../../src/rules/index.js';
import { checkSeries, checkSummary } from '../../src/series/index.js';

/** Only this rule, at its own level: the others off. */
const only = (rule: SeriesRule): CheckOptions => ({
  rules: Object.fromEntries(SERIES_RULES.map((other): [string, RuleLevel] => [other.meta.id, other === rule ? rule.meta.defaultSeverity : 'off'])),
});

function current(example: RuleExample): SeriesReport {
  return example.text !== undefined ? { report: parseReport(example.text), text: example.text, uri: 'current' } : { report: exampleReport(example), uri: 'current' };
}
function previous(example: RuleExample): SeriesReport {
  const text = example.previous?.text;
  return text !== undefined ? { report: parseReport(text), text, uri: 'previous' } : { report: examplePrevious(example.previous), uri: 'previous' };
}

/** What the rule reports on its example: a pair rule on last year and this year, a text rule on this year, a summary on its one part. */
function findings(rule: SeriesRule, example: RuleExample) {
  if (rule.scope === 'summary') return checkSummary(current(example), [previous(example)], only(rule));
  const entries = rule.scope === 'pair' ? [previous(example), current(example)] : [current(example)];
  const result = checkSeries(entries, only(rule));
  if (rule.scope === 'pair') expect(result.pairs).toEqual([{ previous: 0, current: 1, compared: true }]);
  return result.diagnostics.flat();
}

// Every series rule's documented examples are checked as the rules of one report are (test/examples.test.ts).
describe.each(SERIES_RULES.map((rule) => [rule.meta.id, rule] as const))('%s examples', (id, rule) => {
  it('has at least one failing and one passing example', () => {
    expect(rule.meta.examples.failing.length).toBeGreaterThan(0);
    expect(rule.meta.examples.passing.length).toBeGreaterThan(0);
  });
  it.each(rule.meta.examples.failing.map((example) => [example.summary.en, example] as const))('reports: %s', (_summary, example) => {
    expect(findings(rule, example).filter((diagnostic) => diagnostic.ruleId === id && diagnostic.severity !== 'info').length).toBeGreaterThan(0);
  });
  it.each(rule.meta.examples.passing.map((example) => [example.summary.en, example] as const))('accepts: %s', (_summary, example) => {
    expect(findings(rule, example)).toEqual([]);
  });
});
