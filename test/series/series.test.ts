import { describe, expect, it } from 'vitest';
import { checkReport, SERIES_RULES } from '../../src/rules/index.js';
import { agencyIdentity, checkSeries, groupSeries, sameAgency } from '../../src/series/index.js';
import { parsedEntry, PINGTAN, truthReport } from './pingtan.js';

describe('agencyIdentity', () => {
  it('is one for the spellings of one agency: long and short forms, full width, traditional script', () => {
    const forms = ['淮安市洪泽区人民政府办公室', '淮安市洪泽区政府办', '淮安市洪泽区政府办公室', '淮安市 洪泽区 人民政府办公室', '淮安市洪澤區人民政府辦公室'];
    expect(new Set(forms.map((name) => agencyIdentity(name)))).toEqual(new Set([agencyIdentity(forms[0])]));
    expect(agencyIdentity('平潭综合实验区管理委员会')).toBe(agencyIdentity('平潭综合实验区管委会'));
    expect(agencyIdentity('ＸＸ县人民政府')).toBe(agencyIdentity('XX县政府'));
  });
  it('tells agencies apart', () => {
    expect(agencyIdentity('淮安市洪泽区人民政府')).not.toBe(agencyIdentity('淮安市洪泽区人民政府办公室'));
    expect(agencyIdentity('淮安市人民政府')).not.toBe(agencyIdentity('淮安市洪泽区人民政府'));
  });
  it('takes an explicit id over the name (an agency that renamed), and is undefined with neither', () => {
    expect(agencyIdentity('甲县林业局', 'forestry')).toBe(agencyIdentity('甲县林业和草原局', 'forestry'));
    expect(agencyIdentity(undefined)).toBeUndefined();
    expect(agencyIdentity('  ', ' ')).toBeUndefined();
  });
});

describe('sameAgency', () => {
  const same = (a: string, b: string): boolean => sameAgency(agencyIdentity(a), agencyIdentity(b));
  it('is one agency with or without the divisions its name leads with (the city, the province)', () => {
    expect(same('洪泽区人民政府', '淮安市洪泽区人民政府')).toBe(true);
    expect(same('淮安市洪泽区人民政府', '洪泽区政府')).toBe(true);
    expect(same('江苏省淮安市洪泽区人民政府办公室', '洪泽区政府办')).toBe(true);
    expect(same('江苏省淮安市人民政府', '淮安市人民政府')).toBe(true);
    expect(same('内蒙古自治区锡林郭勒盟二连浩特市人民政府', '二连浩特市人民政府')).toBe(true);
  });
  it('never pairs a name that is not specific on its own, nor two different places or bodies', () => {
    expect(same('淮安市洪泽区人民政府', '人民政府')).toBe(false);
    expect(same('淮安市人民政府', '市人民政府')).toBe(false);
    expect(same('淮安市公安局', '公安局')).toBe(false);
    expect(same('淮安市洪泽区人民政府', '淮安市人民政府')).toBe(false);
    expect(same('淮安市洪泽区人民政府', '洪泽区人民政府办公室')).toBe(false);
    expect(same('南京市鼓楼区人民政府', '福州市鼓楼区人民政府')).toBe(false);
    // What leads is not a division: 洪泽区教育局 is not 洪泽区 of a 教育 city.
    expect(same('洪泽区教育局', '教育洪泽区教育局')).toBe(false);
    expect(sameAgency(undefined, agencyIdentity('洪泽区人民政府'))).toBe(false);
    expect(sameAgency(agencyIdentity('x', 'id-1'), agencyIdentity('x', 'id-1'))).toBe(true);
  });
});

describe('groupSeries', () => {
  it('groups the reports of one run by agency, each group by year', () => {
    const pingtan = PINGTAN.map(({ id }) => ({ report: truthReport(id) }));
    const other = { report: truthReport('004') };
    other.report.meta.agency = { value: '淮安市洪泽区人民政府' };
    const nameless = { report: truthReport('005') };
    delete nameless.report.meta.agency;
    // Input: 2024, other, 2019, nameless, 2022, 2021.
    const reports = [pingtan[3], other, pingtan[0], nameless, pingtan[2], pingtan[1]].map((entry) => entry as { report: ReturnType<typeof truthReport> });
    expect(groupSeries(reports)).toEqual([[2, 5, 4, 0], [1], [3]]);
  });
});

describe('checkSeries', () => {
  it('checks the Pingtan series as read: one consecutive pair compared, each gap said, no finding', () => {
    const result = checkSeries(PINGTAN.map(({ id }) => parsedEntry(id)));
    expect(result.pairs).toEqual([
      { previous: 0, current: 1, compared: false, skipped: 'not-consecutive' },
      { previous: 1, current: 2, compared: true },
      { previous: 2, current: 3, compared: false, skipped: 'not-consecutive' },
    ]);
    expect(result.withoutYear).toEqual([]);
    expect(result.diagnostics).toEqual([[], [], [], []]);
  });

  it('compares and groups one agency named with and without its city (洪泽区人民政府 2023, 淮安市洪泽区人民政府 2024)', () => {
    const earlier = { report: truthReport('004') };
    const later = { report: truthReport('004') };
    earlier.report.meta.agency = { value: '洪泽区人民政府' };
    later.report.meta.agency = { value: '淮安市洪泽区人民政府' };
    earlier.report.meta.year = { value: 2023 };
    later.report.meta.year = { value: 2024 };
    expect(checkSeries([earlier, later]).pairs).toEqual([{ previous: 0, current: 1, compared: true }]);
    expect(groupSeries([later, earlier])).toEqual([[1, 0]]);
  });

  it('does not compare two agencies, nor two reports of one year, and lists reports without a year', () => {
    const a = { report: truthReport('004') };
    const b = { report: truthReport('005') };
    b.report.meta.agency = { value: '淮安市人民政府' };
    const c = { report: truthReport('005') };
    const d = { report: truthReport('005') };
    delete d.report.meta.year;
    expect(checkSeries([a, b]).pairs).toEqual([{ previous: 0, current: 1, compared: false, skipped: 'other-agency' }]);
    expect(checkSeries([c, { report: truthReport('005') }]).pairs).toEqual([{ previous: 0, current: 1, compared: false, skipped: 'same-year' }]);
    expect(checkSeries([a, d]).withoutYear).toEqual([1]);
    // With an explicit id, a renamed agency is one series.
    expect(checkSeries([{ ...a, agencyId: 'pingtan' }, { ...b, agencyId: 'pingtan' }]).pairs).toEqual([{ previous: 0, current: 1, compared: true }]);
  });

  it('takes rule levels and the locale as checkReport does; checkReport accepts the series rules’ ids', () => {
    const previous = { report: truthReport('004') };
    const current = { report: truthReport('005') };
    const cell = current.report.tables.applications?.rows.carriedOver?.cells.total;
    if (cell?.kind !== 'count') throw new Error('count expected');
    cell.value = 3;
    const levels = { 'carry-over-mismatch': 'error', 'applications-balance': 'off' } as const;
    const [diagnostic] = checkSeries([previous, current], { rules: levels, locale: 'en' }).diagnostics[1] ?? [];
    expect(diagnostic).toMatchObject({ ruleId: 'carry-over-mismatch', severity: 'error' });
    expect(diagnostic?.message).toBe('Table 三 (Applications received and handled), "Carried over from last year" · "Total" is 3, but the 2021 report carried 1 forward.');
    expect(checkSeries([previous, current], { rules: { 'carry-over-mismatch': 'off' } }).diagnostics.flat()).toEqual([]);
    // An id of a series rule is no invalid option for checkReport; an unknown id is, once, there.
    expect(checkReport(current.report, { rules: levels }).filter((found) => found.ruleId === 'invalid-option')).toEqual([]);
    const unknown = checkSeries([previous, current], { rules: { 'no-such-rule': 'off' } }).diagnostics;
    expect(unknown.map((found) => found.map((diagnostic) => diagnostic.ruleId))).toEqual([['invalid-option'], ['carry-over-mismatch']]);
  });

  it('never throws: a rule that fails is an internal-error on that report, the others still run', () => {
    const previous = { report: truthReport('004') };
    const current = { report: truthReport('005') };
    // A report built in code with a table whose rows are not an object.
    (current.report.tables as Record<string, unknown>).activeDisclosure = { rows: null };
    const found = checkSeries([previous, current]).diagnostics[1] ?? [];
    expect(found.map((diagnostic) => diagnostic.ruleId)).toContain('internal-error');
    expect(SERIES_RULES.length).toBe(6);
  });

  it('does not repeat the reader’s failures, which checkReport reports', () => {
    const entry = { report: { ...truthReport('004'), readerFailures: [{ stage: 'tables', message: 'boom' }] } };
    expect(checkSeries([entry]).diagnostics).toEqual([[]]);
    expect(checkReport(entry.report).filter((diagnostic) => diagnostic.ruleId === 'internal-error')).toHaveLength(1);
  });
});
