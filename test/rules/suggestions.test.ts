/**
 * Suggested corrections of the sum rules (src/rules/support/locate.ts): planted single-cell faults in
 * every cell of table 三 of every seed with ground truth are located and the seed's own value is
 * suggested; two-cell faults get no suggestion; table 四, whose relations share no cell, is never
 * "located"; ambiguity is said, not resolved.
 */
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/catalog/index.js';
import type { Template } from '../../src/catalog/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import type { AnnualReport, AnyTable } from '../../src/model/index.js';
import { setCell } from '../../src/model/index.js';
import { RULES, runRules } from '../../src/rules/index.js';
import { locateFault } from '../../src/rules/support/locate.js';
import { expectedReport, seedExpectation, TABLED_SEEDS } from '../support/fixtures.js';

const ARITHMETIC = RULES.filter((rule) => rule.meta.category === 'arithmetic');
const mismatches = (report: AnnualReport): Diagnostic[] => runRules(report, ARITHMETIC).filter((diagnostic) => diagnostic.messageId.startsWith('mismatch'));

/** Every count cell of a table of the seed's ground truth: `[row, column, value]`. */
function countCells(report: AnnualReport, table: 'applications' | 'reviews'): [string, string, number][] {
  const rows = (report.tables[table] as AnyTable | undefined)?.rows ?? {};
  return Object.entries(rows).flatMap(([row, entry]) =>
    Object.entries(entry?.cells ?? {}).flatMap(([column, cell]) => (cell?.kind === 'count' ? [[row, column, cell.value] as [string, string, number]] : [])),
  );
}

describe.each(TABLED_SEEDS.map((seed) => [seed] as const))('seed %s, table 三: one wrong cell anywhere', (seed) => {
  const truth = () => expectedReport(seedExpectation(seed));
  const cells = countCells(truth(), 'applications');

  it('has cells to plant faults in, and checks clean as is', () => {
    expect(cells.length).toBeGreaterThan(50);
    expect(mismatches(truth())).toEqual([]);
  });

  it.each(cells.map(([row, column, value]) => [`${row}.${column}`, row, column, value] as const))(
    '%s off by 3: every mismatch suggests the true value',
    (_address, row, column, value) => {
      const report = truth();
      setCell(report, `applications.${row}.${column}`, value + 3);
      const found = mismatches(report);
      expect(found.length).toBeGreaterThanOrEqual(2);
      for (const diagnostic of found) {
        expect(diagnostic.messageId).toBe('mismatch-suggested');
        expect(diagnostic.suggestion).toEqual({ cell: { table: 'applications', row, column }, value: String(value), current: String(value + 3), kind: 'value' });
      }
    },
  );
});

describe('table 三, seed 000 (16 natural persons received)', () => {
  const truth = () => expectedReport(seedExpectation('000'));

  it('names a transposition of two digits: 61 for 16', () => {
    const report = truth();
    setCell(report, 'applications.received.naturalPerson', 61);
    const [first] = mismatches(report);
    expect(first?.suggestion).toEqual({ cell: { table: 'applications', row: 'received', column: 'naturalPerson' }, value: '16', current: '61', kind: 'transposition' });
    expect(first?.message).toContain('若“一、本年新收政府信息公开申请数量”·“自然人”为 16（现为 61），则所有勾稽关系成立。');
  });

  it('names a value written in the wrong column of its row (16 under 商业企业, 0 under 自然人)', () => {
    const report = truth();
    setCell(report, 'applications.received.naturalPerson', 0);
    setCell(report, 'applications.received.business', 16);
    const found = mismatches(report);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const diagnostic of found) {
      expect(diagnostic.messageId).toBe('mismatch-swapped');
      expect(diagnostic.suggestion).toEqual({
        cell: { table: 'applications', row: 'received', column: 'naturalPerson' },
        value: '16',
        current: '0',
        kind: 'column',
        from: { table: 'applications', row: 'received', column: 'business' },
      });
    }
    expect(runRules(report, ARITHMETIC, { locale: 'en' })[0]?.message).toContain('If the values of "Natural persons" and "Businesses" in "New applications this year" were swapped');
  });

  it('suggests nothing for two wrong cells in different rows and columns', () => {
    const report = truth();
    setCell(report, 'applications.received.naturalPerson', 17);
    setCell(report, 'applications.granted.business', 1);
    const found = mismatches(report);
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const diagnostic of found) expect(diagnostic).not.toHaveProperty('suggestion');
  });

  it('locates a wrong total: its row and the total column both break, both through that cell', () => {
    const report = truth();
    setCell(report, 'applications.carriedOver.total', 1);
    const found = mismatches(report);
    expect(found.map((diagnostic) => [diagnostic.ruleId, diagnostic.suggestion?.cell.row, diagnostic.suggestion?.cell.column, diagnostic.suggestion?.value])).toEqual([
      ['applications-balance', 'carriedOver', 'total', '0'],
      ['applications-row-total', 'carriedOver', 'total', '0'],
    ]);
  });
});

describe('table 四: each row its own relation', () => {
  it.each(TABLED_SEEDS.map((seed) => [seed] as const))('seed %s: a wrong cell is reported as before, never located', (seed) => {
    const truth = expectedReport(seedExpectation(seed));
    for (const [row, column, value] of countCells(truth, 'reviews')) {
      const report = expectedReport(seedExpectation(seed));
      setCell(report, `reviews.${row}.${column}`, value + 1);
      const found = mismatches(report);
      expect(found.map((diagnostic) => diagnostic.messageId)).toEqual(['mismatch']);
      expect(found[0]).not.toHaveProperty('suggestion');
    }
  });

  it('two rows wrong at once (as in corpus 001) keep their plain messages: separate faults', () => {
    const report = expectedReport(seedExpectation('000'));
    setCell(report, 'reviews.review.total', 9);
    setCell(report, 'reviews.litigationDirect.total', 9);
    expect(mismatches(report).map((diagnostic) => [diagnostic.messageId, diagnostic.row])).toEqual([
      ['mismatch', 'litigationDirect'],
      ['mismatch', 'review'],
    ]);
  });
});

describe('locateFault', () => {
  it('says how many single changes would each mend the table when more than one would', () => {
    // Two relations over the same five cells: any of them explains both failures.
    const base = TEMPLATES['2021'];
    const review = base.relations.find((relation) => relation.key === 'reviewTotal');
    if (!review) throw new Error('the 2021 template has a reviewTotal relation');
    const template: Template = { ...base, relations: [review, { ...review, key: 'litigationTotal' }] };
    const report = expectedReport(seedExpectation('000'));
    setCell(report, 'reviews.review.total', 5);
    const verdict = locateFault(report.tables.reviews as AnyTable, 'reviews', template);
    expect(verdict).toMatchObject({ kind: 'ambiguous' });
    expect(verdict?.kind === 'ambiguous' && verdict.explanations).toBeGreaterThanOrEqual(2);
  });

  it('says the fault cannot be located when the failures share a cell but no single change mends them all', () => {
    // Two relations through the review total, one without 尚未审结: 5 = 1 + 0 + 0 + 1 and 5 = 1 + 0 + 0
    // both fail; the total mends one or the other, never both.
    const base = TEMPLATES['2021'];
    const review = base.relations.find((relation) => relation.key === 'reviewTotal');
    if (!review) throw new Error('the 2021 template has a reviewTotal relation');
    const template: Template = { ...base, relations: [review, { ...review, key: 'litigationTotal', rhs: review.rhs.filter((column) => column !== 'pending') }] };
    const report = expectedReport(seedExpectation('000'));
    for (const [column, value] of Object.entries({ total: 5, upheld: 1, corrected: 0, other: 0, pending: 1 })) setCell(report, `reviews.review.${column}`, value);
    expect(locateFault(report.tables.reviews as AnyTable, 'reviews', template)).toEqual({ kind: 'unexplained' });
  });

  it('is undefined for a balanced table', () => {
    const report = expectedReport(seedExpectation('001'));
    expect(locateFault(report.tables.applications as AnyTable, 'applications', TEMPLATES['2021'])).toBeUndefined();
  });
});
