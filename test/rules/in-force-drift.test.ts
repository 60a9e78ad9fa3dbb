import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { checkSeries } from '../../src/series/index.js';
import { truthOf, truthReport } from '../series/pingtan.js';

const drift = (diagnostics: readonly Diagnostic[] | undefined): Diagnostic[] => (diagnostics ?? []).filter((diagnostic) => diagnostic.ruleId === 'in-force-drift');

describe('in-force-drift on the Pingtan series', () => {
  it('finds 2022’s normative documents in force = 2021’s in force + issued − repealed: 665 + 88 − 55 = 698 (ground truth)', () => {
    const before = truthOf('004').tables.activeDisclosure?.normativeDocuments;
    const after = truthOf('005').tables.activeDisclosure?.normativeDocuments;
    expect([before?.inForce, after?.issued, after?.repealed, after?.inForce]).toEqual(['665', '88', '55', '698']);
    expect(665 + 88 - 55).toBe(698);
    expect(drift(checkSeries([{ report: truthReport('004') }, { report: truthReport('005') }]).diagnostics[1])).toEqual([]);
  });

  it('reports a stock that does not follow, with last year’s stock and this year’s flows as related places', () => {
    const current = truthReport('005');
    const cell = current.tables.activeDisclosure?.rows.normativeDocuments?.cells.inForce;
    if (cell?.kind !== 'count') throw new Error('count expected');
    cell.value = 700;
    const [diagnostic, ...others] = drift(checkSeries([{ report: truthReport('004'), uri: '004.txt' }, { report: current, uri: '005.txt' }]).diagnostics[1]);
    expect(others).toEqual([]);
    expect(diagnostic).toMatchObject({ severity: 'warning', table: 'activeDisclosure', row: 'normativeDocuments', column: 'inForce', expected: '698', actual: '700' });
    expect(diagnostic?.message).toBe('表二（主动公开政府信息情况）“行政规范性文件”·“现行有效件数”为 700，但2021年度报告为 665，加本年制发 88、减本年废止 55，应为 698。');
    expect(diagnostic?.related?.map((place) => [place.uri, place.column, place.value])).toEqual([
      ['004.txt', 'inForce', '665'],
      [undefined, 'issued', '88'],
      [undefined, 'repealed', '55'],
    ]);
  });

  it('checks 规章 too', () => {
    const current = truthReport('005');
    const cell = current.tables.activeDisclosure?.rows.rules?.cells.issued;
    if (cell?.kind !== 'count') throw new Error('count expected');
    cell.value = 1;
    expect(drift(checkSeries([{ report: truthReport('004') }, { report: current }]).diagnostics[1]).map((diagnostic) => [diagnostic.row, diagnostic.expected, diagnostic.actual])).toEqual([['rules', '1', '0']]);
  });

  it('does not compare when last year’s report has no table 二 (the 2019 format’s is not modelled)', () => {
    const previous = truthReport('004');
    previous.meta.year = { value: 2020 };
    delete previous.tables.activeDisclosure;
    expect(drift(checkSeries([{ report: previous }, { report: truthReport('004') }]).diagnostics[1])).toEqual([]);
  });
});
