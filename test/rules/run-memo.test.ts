/**
 * The memo of one run of the rules (src/rules/support/run.ts): it exists only while the engine runs
 * the rules over a report, for that report and template; an enclosing run's memo comes back after a
 * nested one, even when the nested run throws; and a report changed between two runs is judged anew.
 */
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/catalog/index.js';
import { setCell } from '../../src/model/index.js';
import { RULES, runRules } from '../../src/rules/index.js';
import { runMemoOf, withRunMemo } from '../../src/rules/support/run.js';
import { sampleReport } from '../../src/rules/index.js';

describe('run memo', () => {
  it('is there only inside a run, for its report and template', () => {
    const report = sampleReport();
    const other = sampleReport();
    expect(runMemoOf(report, TEMPLATES['2021'])).toBeUndefined();
    withRunMemo(report, TEMPLATES['2021'], () => {
      expect(runMemoOf(report, TEMPLATES['2021'])?.report).toBe(report);
      expect(runMemoOf(other, TEMPLATES['2021'])).toBeUndefined();
      expect(runMemoOf(report, TEMPLATES['2019'])).toBeUndefined();
    });
    expect(runMemoOf(report, TEMPLATES['2021'])).toBeUndefined();
  });

  it("restores the enclosing run's memo after a nested run, even one that throws", () => {
    const outer = sampleReport();
    const inner = sampleReport();
    withRunMemo(outer, TEMPLATES['2021'], () => {
      const memo = runMemoOf(outer, TEMPLATES['2021']);
      expect(() =>
        withRunMemo(inner, TEMPLATES['2021'], () => {
          expect(runMemoOf(inner, TEMPLATES['2021'])).toBeDefined();
          throw new Error('nested');
        }),
      ).toThrow('nested');
      expect(runMemoOf(outer, TEMPLATES['2021'])).toBe(memo);
      expect(runMemoOf(inner, TEMPLATES['2021'])).toBeUndefined();
    });
  });

  it('locates the fault of a report changed between two runs anew', () => {
    const arithmetic = RULES.filter((rule) => rule.meta.category === 'arithmetic');
    const report = sampleReport();
    setCell(report, 'applications.received.naturalPerson', 6);
    const first = runRules(report, arithmetic).filter((diagnostic) => diagnostic.suggestion !== undefined);
    expect(first.length).toBeGreaterThanOrEqual(2);
    for (const diagnostic of first) expect(diagnostic.suggestion?.cell).toEqual({ table: 'applications', row: 'received', column: 'naturalPerson' });
    setCell(report, 'applications.received.naturalPerson', 4);
    setCell(report, 'applications.granted.naturalPerson', 5);
    const second = runRules(report, arithmetic).filter((diagnostic) => diagnostic.suggestion !== undefined);
    expect(second.length).toBeGreaterThanOrEqual(2);
    for (const diagnostic of second) expect(diagnostic.suggestion?.cell).toEqual({ table: 'applications', row: 'granted', column: 'naturalPerson' });
  });
});
