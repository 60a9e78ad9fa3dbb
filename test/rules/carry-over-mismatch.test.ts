import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS } from '../../src/catalog/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { checkSeries } from '../../src/series/index.js';
import { fixtureText } from '../support/fixtures.js';
import { parsedEntry, truthOf, truthReport } from '../series/pingtan.js';

const byRule = (diagnostics: readonly Diagnostic[], id: string): Diagnostic[] => diagnostics.filter((diagnostic) => diagnostic.ruleId === id);

describe('carry-over-mismatch on the Pingtan series', () => {
  it('finds the 2022 report carrying over, column by column, what the 2021 report carried forward (ground truth)', () => {
    const forward = truthOf('004').tables.applications?.carriedForward;
    const over = truthOf('005').tables.applications?.carriedOver;
    // What a careful reader gets: 1 natural person carried from 2021 into 2022, nothing else.
    expect(forward).toEqual({ naturalPerson: '1', business: '0', research: '0', publicInterest: '0', legalService: '0', otherOrg: '0', total: '1' });
    expect(over).toEqual(forward);
    const result = checkSeries([{ report: truthReport('004') }, { report: truthReport('005') }]);
    expect(result.pairs).toEqual([{ previous: 0, current: 1, compared: true }]);
    expect(result.diagnostics.flat().filter((diagnostic) => diagnostic.ruleId === 'carry-over-mismatch')).toEqual([]);
  });

  it('finds the same on the texts as read', () => {
    const result = checkSeries([parsedEntry('004'), parsedEntry('005')]);
    expect(result.pairs).toEqual([{ previous: 0, current: 1, compared: true }]);
    expect(byRule(result.diagnostics.flat(), 'carry-over-mismatch')).toEqual([]);
  });

  it('reports a carry-over changed in the 2022 text, pointing at both files', () => {
    const original = fixtureText('corpus/005.txt');
    const planted = original.replace('上年结转政府信息公开申请数量 1000001', '上年结转政府信息公开申请数量 2000002');
    expect(planted).not.toBe(original);
    const previous = parsedEntry('004');
    const current = parsedEntry('005', planted, '005-planted.txt');
    const found = byRule(checkSeries([previous, current]).diagnostics[1] ?? [], 'carry-over-mismatch');
    expect(found.map((diagnostic) => [diagnostic.column, diagnostic.actual, diagnostic.expected, diagnostic.severity])).toEqual([
      ['naturalPerson', '2', '1', 'warning'],
      ['total', '2', '1', 'warning'],
    ]);
    for (const diagnostic of found) {
      expect(diagnostic.message).toMatch(/^表三（收到和处理政府信息公开申请情况）“二、上年结转政府信息公开申请数量”·“(自然人|总计)”为 2，但2021年度报告结转下年度为 1。$/);
      const span = diagnostic.span;
      expect(span && planted.slice(span.start, span.end)).toBe('2');
      const [there] = diagnostic.related ?? [];
      expect(there).toMatchObject({ uri: '004.txt', row: 'carriedForward', column: diagnostic.column, value: '1' });
      expect(there?.span && (previous.text as string).slice(there.span.start, there.span.end)).toBe('1');
      expect(there?.message).toContain('2021年度报告“四、结转下年度继续办理”');
    }
  });

  it('compares every applicant column and the total, on the typed reports', () => {
    const previous = truthReport('004');
    const current = truthReport('005');
    const result = checkSeries([{ report: previous }, { report: current }], { locale: 'en' });
    expect(result.diagnostics[1]?.filter((diagnostic) => diagnostic.ruleId === 'carry-over-mismatch')).toEqual([]);
    for (const { key } of APPLICANT_COLUMNS) {
      const changed = truthReport('005');
      const cell = changed.tables.applications?.rows.carriedOver?.cells[key as 'total'];
      if (cell?.kind !== 'count') throw new Error('count expected');
      cell.value += 5;
      const [diagnostic, ...others] = byRule(checkSeries([{ report: previous }, { report: changed, uri: 'b' }]).diagnostics[1] ?? [], 'carry-over-mismatch');
      expect(others).toEqual([]);
      expect(diagnostic).toMatchObject({ column: key, actual: String(cell.value), expected: String(cell.value - 5) });
      // Without a uri, the earlier report is named by its index in the input.
      expect(diagnostic?.related?.[0]?.uri).toBe('series:0');
    }
  });

  it('says once, as info, which columns could not be compared', () => {
    const previous = truthReport('004');
    delete previous.tables.applications;
    const [diagnostic, ...others] = byRule(checkSeries([{ report: previous }, { report: truthReport('005') }]).diagnostics[1] ?? [], 'carry-over-mismatch');
    expect(others).toEqual([]);
    expect(diagnostic).toMatchObject({ severity: 'info', messageId: 'incomplete', args: { count: 7, column: 'naturalPerson' } });
  });

  it('does not compare reports whose years are not consecutive (2019 and 2021, 2022 and 2024)', () => {
    const result = checkSeries([{ report: truthReport('010') }, { report: truthReport('006') }, { report: truthReport('005') }, { report: truthReport('004') }]);
    expect(result.pairs).toEqual([
      { previous: 1, current: 3, compared: false, skipped: 'not-consecutive' },
      { previous: 3, current: 2, compared: true },
      { previous: 2, current: 0, compared: false, skipped: 'not-consecutive' },
    ]);
    expect(result.diagnostics.flat()).toEqual([]);
  });
});
