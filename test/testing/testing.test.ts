import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument, checkText, parseReport } from '../../src/index.js';
import { AnnualReportFindingsError, assertCleanReport, describeFindings, failingFindings, matchers } from '../../src/testing/index.js';

expect.extend(matchers);
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- vitest declares it so; declarations must match
  interface Matchers<T = any> {
    toBeCleanAnnualReport(options?: import('../../src/testing/index.js').CleanReportOptions): T;
  }
}

const seed = (id: string): string => readFileSync(new URL(`../fixtures/seeds/${id}.txt`, import.meta.url), 'utf8');
// Seed 001 with a planted fault: 7 new applications from natural persons, the total still 6.
const planted = seed('001').replace(/(一、本年新收政府信息公开申请数量 \| )6( \|)/, '$17$2');

describe('assertCleanReport', () => {
  it('passes a clean report, as text or typed', () => {
    expect(() => assertCleanReport(seed('001'))).not.toThrow();
    expect(() => assertCleanReport(parseReport(seed('001')))).not.toThrow();
  });

  it('throws one error listing every finding, with the diagnostics attached', () => {
    const { diagnostics } = checkText(planted);
    const failing = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
    expect(failing.length).toBeGreaterThan(1);
    let thrown: unknown;
    try {
      assertCleanReport(planted);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AnnualReportFindingsError);
    const error = thrown as AnnualReportFindingsError;
    expect(error.diagnostics).toEqual(failing);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe(`年度报告未通过检查：${failing.length} 个问题（${failing.filter((d) => d.severity === 'error').length} 个错误，${failing.filter((d) => d.severity === 'warning').length} 个警告，0 条提示）`);
    failing.forEach((diagnostic, index) => {
      expect(lines[index + 1]).toBe(`  ${diagnostic.span!.line}:${diagnostic.span!.column}  ${diagnostic.severity}  ${diagnostic.ruleId}  ${diagnostic.message}`);
    });
  });

  it('takes the check options and failOn', () => {
    const ruleIds = [...new Set(checkText(planted).diagnostics.map((diagnostic) => diagnostic.ruleId))];
    expect(() => assertCleanReport(planted, { rules: Object.fromEntries(ruleIds.map((id) => [id, 'off'])) })).not.toThrow();
    expect(() => assertCleanReport(planted, { rules: Object.fromEntries(ruleIds.map((id) => [id, 'warning'])), failOn: 'error' })).not.toThrow();
    expect(() => assertCleanReport(planted, { locale: 'en' })).toThrow(/^The annual report is not clean: \d+ findings/);
  });
});

describe('toBeCleanAnnualReport', () => {
  it('passes, fails with the same message as assertCleanReport, and works with .not', () => {
    expect(seed('001')).toBeCleanAnnualReport();
    expect(planted).not.toBeCleanAnnualReport();
    expect(() => expect(planted).toBeCleanAnnualReport()).toThrow(describeFindings(checkText(planted).diagnostics.filter((d) => d.severity !== 'info')));
    expect(() => expect(seed('001')).not.toBeCleanAnnualReport({ locale: 'en' })).toThrow('expected the annual report not to be clean, but it is');
  });

  it('refuses what is not a report', () => {
    expect(() => expect(42).toBeCleanAnnualReport()).toThrow("toBeCleanAnnualReport expects the report's text or a typed report, not number");
  });
});

describe('a web page given as its source', () => {
  const page = readFileSync(new URL('../../docs/examples/pingtan-2024.html', import.meta.url), 'utf8');
  // The same page with one planted fault in table 三: 217 new applications from natural persons become 218.
  const plantedPage = page.replace(/(本年新收政府信息公开申请数量<\/p><\/td><td[^>]*><p[^>]*>)217</, '$1218<');
  it('is read as a page, as checkDocument reads it: the clean example page passes', async () => {
    expect((await checkDocument(page)).diagnostics).toEqual([]);
    expect(() => assertCleanReport(page)).not.toThrow();
    expect(page).toBeCleanAnnualReport();
  });

  it('fails with the findings checkDocument gives for a page with a fault, at the page\'s cell', async () => {
    expect(plantedPage).not.toBe(page);
    const expected = (await checkDocument(plantedPage)).diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
    expect(expected.map((diagnostic) => diagnostic.ruleId)).toContain('applications-balance');
    expect(failingFindings(plantedPage)).toEqual(expected);
    expect(() => assertCleanReport(plantedPage)).toThrow(describeFindings(expected));
    expect(plantedPage).not.toBeCleanAnnualReport();
  });
});
