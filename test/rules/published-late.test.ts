import { describe, expect, it } from 'vitest';
import { createReport } from '../../src/model/index.js';
import { parseReport } from '../../src/read/index.js';
import { publishedLate } from '../../src/rules/published-late.js';
import { runRules } from '../../src/rules/index.js';
import { agencyKind, publicationDeadline } from '../../src/series/index.js';
import type { AgencyKind } from '../../src/series/index.js';
import { fixtureText } from '../support/fixtures.js';

const lateness = (agency: string, year: number, publishedOn: string) => {
  const report = createReport({ year, agency });
  report.meta.publishedOn = { value: publishedOn };
  return runRules(report, [publishedLate]);
};

describe('agencyKind', () => {
  it.each([
    ['淮安市洪泽区人民政府', 'government'],
    ['淮安市人民政府', 'government'],
    ['西畴县人民政府', 'government'],
    ['内蒙古自治区人民政府', 'government'],
    ['洪泽区政府', 'government'],
    ['淮安市生态环境局', 'department'],
    ['长治市上党区人民政府办公室', 'department'],
    ['廣州市人民政府辦公廳', 'department'],
    ['山西省人民政府外事办公室', 'department'],
    ['国家统计局', 'department'],
    ['桃江县松木塘镇人民政府', 'township'],
    ['卫东区蒲城街道办事处', 'township'],
    ['螅镇', 'township'],
    ['平潭综合实验区', 'unknown'],
    ['平潭综合实验区管委会', 'unknown'],
    ['示例开发区管理委员会办公室', 'unknown'],
    ['某县人民法院', 'unknown'],
    ['城口县人民政府机关', 'unknown'],
  ] as const)('%s → %s', (name, kind) => {
    expect(agencyKind(name)).toBe(kind);
  });
  it('is unknown without a name', () => {
    expect(agencyKind(undefined)).toBe('unknown');
    expect(agencyKind('')).toBe('unknown');
  });
});

describe('publicationDeadline (条例 第四十九条; 2008 条例 第三十一条 before 2019)', () => {
  const cases: [number, AgencyKind, string | undefined][] = [
    [2024, 'department', '2025-01-31'],
    [2024, 'government', '2025-03-31'],
    [2024, 'township', undefined],
    [2024, 'unknown', undefined],
    [2019, 'department', '2020-01-31'],
    [2018, 'department', '2019-03-31'],
    [2018, 'government', '2019-03-31'],
    [2018, 'township', '2019-03-31'],
    [2018, 'unknown', undefined],
  ];
  it.each(cases)('%i, %s → %s', (year, kind, deadline) => {
    expect(publicationDeadline(year, kind)).toBe(deadline);
  });

  it('gives no kind of agency a deadline before a department’s (published-late reads the agency’s name only for a report out after it)', () => {
    const kinds: AgencyKind[] = ['department', 'government', 'township', 'unknown'];
    for (let year = 2000; year <= 2040; year++) {
      const earliest = publicationDeadline(year, 'department') as string;
      expect(earliest).toBeDefined();
      for (const kind of kinds) {
        const deadline = publicationDeadline(year, kind);
        if (deadline !== undefined) expect(deadline >= earliest).toBe(true);
      }
    }
  });
});

describe('published-late', () => {
  it('reports a department’s report published after 31 January', () => {
    const [diagnostic, ...others] = lateness('淮安市生态环境局', 2024, '2025-02-01');
    expect(others).toEqual([]);
    expect(diagnostic).toMatchObject({ ruleId: 'published-late', severity: 'warning', messageId: 'department' });
    expect(diagnostic?.message).toBe('2024 年度报告于 2025-02-01 发布，晚于县级以上人民政府部门的发布期限 2025-01-31（《政府信息公开条例》第四十九条）。');
    expect(lateness('淮安市生态环境局', 2024, '2025-01-31')).toEqual([]);
  });

  it('reports a government’s own report published after 31 March, not one before', () => {
    expect(lateness('淮安市人民政府', 2024, '2025-04-01').map((diagnostic) => diagnostic.args.deadline)).toEqual(['2025-03-31']);
    expect(lateness('淮安市人民政府', 2024, '2025-03-31')).toEqual([]);
    expect(lateness('淮安市人民政府', 2024, '2025-02-15')).toEqual([]);
  });

  it('gives reports on years before 2019 until 31 March, under the 2008 条例, whatever the agency', () => {
    const [diagnostic] = lateness('淮安市生态环境局', 2018, '2019-04-02');
    expect(diagnostic?.message).toBe('2018 年度报告于 2019-04-02 发布，晚于各级行政机关的发布期限 2019-03-31（2008年《政府信息公开条例》第三十一条）。');
    expect(lateness('淮安市生态环境局', 2018, '2019-03-01')).toEqual([]);
    expect(lateness('桃江县松木塘镇人民政府', 2018, '2019-04-02')).toHaveLength(1);
  });

  it('says nothing of an agency whose kind its name does not say, or of a township after 2019', () => {
    expect(lateness('平潭综合实验区', 2024, '2025-12-31')).toEqual([]);
    expect(lateness('桃江县松木塘镇人民政府', 2024, '2025-12-31')).toEqual([]);
  });

  it('says nothing without a publication date or a year', () => {
    expect(runRules(createReport({ year: 2024, agency: '淮安市生态环境局' }), [publishedLate])).toEqual([]);
    const report = createReport({ agency: '淮安市生态环境局' });
    report.meta.publishedOn = { value: '2030-01-01' };
    expect(runRules(report, [publishedLate])).toEqual([]);
  });

  it('reads the date from the page: seed 000 (a 区 government office, published 7 January) is on time; a week into February it is late, pointed at the date', () => {
    const text = fixtureText('seeds/000.txt');
    expect(runRules(parseReport(text), [publishedLate])).toEqual([]);
    const late = text.replaceAll('2025-01-07', '2025-02-07');
    const [diagnostic, ...others] = runRules(parseReport(late), [publishedLate], { locale: 'en' });
    expect(others).toEqual([]);
    expect(diagnostic?.message).toBe('The 2024 report was published on 2025-02-07, after the deadline for a department of a government at or above the county level, 2025-01-31 (Article 49 of the Regulations).');
    expect(diagnostic?.span && late.slice(diagnostic.span.start, diagnostic.span.end)).toContain('2025-02-07');
  });

  it('gives the dated Pingtan reports no finding: 平潭综合实验区 is, by its name, no 人民政府 nor 部门', () => {
    for (const id of ['004', '005', '006', '010']) {
      const report = parseReport(fixtureText(`corpus/${id}.txt`));
      expect(report.meta.publishedOn).toBeDefined();
      expect(runRules(report, [publishedLate])).toEqual([]);
    }
  });
});
