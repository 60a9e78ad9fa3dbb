/**
 * The worst cases of the regular expressions that scripts/redos-check.mjs cannot prove safe on
 * their own, each safe by a bound its `redos-bound` comment names, and of the two that were
 * quadratic (PAGE_DATE, PAGE_MARKER). Each input is long enough that a quadratic expression takes
 * minutes (vitest's timeout fails the test); each also checks what was read, so a fix that gave up
 * reading fails too.
 */
import { describe, expect, it } from 'vitest';
import { checkText, detectForm, parseReport } from '../../src/index.js';
import { seedText } from '../support/fixtures.js';

const seed = seedText('000');
const RUN = 200_000;

/** The seed with `inserted` as a line of its overview (after its first line). */
const inOverview = (inserted: string): string => {
  const firstLine = seed.indexOf('\n') + 1;
  return `${seed.slice(0, firstLine)}${inserted}\n${seed.slice(firstLine)}`;
};

/** Cell values without their spans (an inserted line moves every span). */
const valuesOf = (tables: object): string => JSON.stringify(tables, (key, value: unknown) => (key === 'span' || key.endsWith('Span') ? undefined : value));

describe('regular expressions on their worst cases', () => {
  it('PAGE_DATE: 发布日期 then 160,000 newlines and no date is read in linear time, and a date after blanks still is', () => {
    const hostile = parseReport(`发布日期${'\n'.repeat(160_000)}x\n${seed}`);
    expect(hostile.meta.formatVersion).toBe(parseReport(seed).meta.formatVersion);
    expect(parseReport(`发布日期 :  2024-03-05\n${seed}`).meta.publishedOn?.value).toBe('2024-03-05');
  });

  it('PAGE_DATE: 发布日期 then 10 million newlines gives findings, not a RangeError (the matcher\'s stack overflowed)', () => {
    for (const label of ['发布日期', '发布日期2024']) {
      const { diagnostics } = checkText(`${label}${'\n'.repeat(10_000_000)}x`);
      expect(diagnostics.some((diagnostic) => diagnostic.ruleId === 'internal-error')).toBe(false);
      expect(diagnostics.length).toBeGreaterThan(0);
    }
  }, 120_000);

  it('meta: a page agency, a cut-off date and a self-reference followed by 10 million newlines give findings, not a RangeError', () => {
    // With `\s*` after these labels each overflowed the matcher's stack (internal-error); their blanks are bounded now.
    for (const label of ['发文机关', '截止2024', '领导下', '问题']) {
      const { diagnostics } = checkText(`${label}${'\n'.repeat(10_000_000)}x`);
      expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'internal-error')).toEqual([]);
      expect(diagnostics.length).toBeGreaterThan(0);
    }
    // A label and its value a few blanks apart are still read.
    expect(parseReport('发文机关 :  洪泽区人民政府\n截止 2024 年 12 月 31 日').meta.agency?.value).toBe('洪泽区人民政府');
    expect(parseReport('发文机关 :  洪泽区人民政府\n截止 2024 年 12 月 31 日').meta.year?.value).toBe(2024);
  }, 300_000);

  it('PAGE_MARKER: a 第0页 line with 200,000 tabs inside a table is read in linear time, and the table still is', () => {
    const marker = seed.indexOf('\n', seed.indexOf('三、收到和处理政府信息公开申请情况') + 1);
    expect(marker).toBeGreaterThan(0);
    const text = `${seed.slice(0, marker + 1)}第0页${'\t'.repeat(RUN)}x\n${seed.slice(marker + 1)}`;
    const report = parseReport(text);
    expect(Object.keys(report.tables.applications?.rows ?? {}).length).toBeGreaterThan(10);
    // A real page marker is still recognised and skipped.
    expect(valuesOf(parseReport(`${seed.slice(0, marker + 1)}第 3 页 , 共 9 页\n${seed.slice(marker + 1)}`).tables)).toBe(valuesOf(parseReport(seed).tables));
  });

  it('APPLICATIONS_COUNT_AFTER and TRAILING_ADVERBS: 受理共 and 全年 repeated stay linear (at most 24 and LOOK_BACK characters tried)', () => {
    const text = inOverview(`${'受理共'.repeat(RUN)}!${'全年'.repeat(RUN)}受理申请5件。`);
    const { report } = checkText(text);
    expect(valuesOf(report.tables)).toBe(valuesOf(parseReport(seed).tables));
  });

  it('FEE_AMOUNT: 收取 then 信处理元共 repeated stays linear (at most 20 characters before 信息处理费)', () => {
    const text = inOverview(`收取取${'信处理元共'.repeat(RUN / 5)}!收取信息处理费0元。`);
    expect(valuesOf(checkText(text).report.tables)).toBe(valuesOf(parseReport(seed).tables));
  });

  it('CHARSET: a page head of <META" repeated is read in bounded time (only the first 2,048 bytes are searched)', () => {
    const page = new TextEncoder().encode(`${'<META"'.repeat(RUN)}>${seed}`);
    expect(detectForm(page)).toBe(detectForm(new TextEncoder().encode(`<META">${seed}`)));
  });

  it('DEPARTMENT (series kind) and OWN_YEAR_PATTERNS: hostile agency names and year lines stay linear', () => {
    // DEPARTMENT: at most 64 characters between the place and the body, so each start tries at most 64.
    // OWN_YEAR_PATTERNS: runs of blanks of at most 16 after a year and after 年.
    const text = inOverview(`${'旗'.repeat(RUN)}省\n0000年${'\t'.repeat(RUN)}0000年,${'\n\n\n'.repeat(RUN / 3)}0303年1月1日${'\t'.repeat(RUN)}起`);
    expect(valuesOf(checkText(text).report.tables)).toBe(valuesOf(parseReport(seed).tables));
  });

  it('SELF_REFERENCES: 现公布 repeated stays linear (a name is at most 30 characters)', () => {
    const report = parseReport(inOverview('现公布'.repeat(RUN)));
    expect(report.meta.year?.value).toBe(parseReport(seed).meta.year?.value);
  });

  it('statement (the period): 统计期限 then a long run of blanks stays linear (the window is 80 characters)', () => {
    const report = parseReport(inOverview(`统计期限${' \t'.repeat(50)}x`.repeat(RUN / 50)));
    expect(report.meta.period?.text).toBe(parseReport(seed).meta.period?.text);
  });

  it('words (a heading tail): a heading followed by blanks and bars stays linear (the tail is 40 characters)', () => {
    const lines = seed.split('\n');
    const heading = lines.findIndex((line) => line.startsWith('二、'));
    expect(heading).toBeGreaterThan(0);
    const text = [...lines.slice(0, heading), `${lines[heading]}${' |/'.repeat(RUN)}`, ...lines.slice(heading + 1)].join('\n');
    expect(parseReport(text).sections.map((section) => section.key)).toEqual(parseReport(seed).sections.map((section) => section.key));
  });
});
