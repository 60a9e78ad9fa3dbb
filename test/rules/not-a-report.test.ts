import { describe, expect, it } from 'vitest';
import { checkText, normalize, parseReport } from '../../src/index.js';
import { notAReport } from '../../src/rules/not-a-report.js';
import { sampleReport } from '../../src/rules/index.js';
import { fixtureText } from '../support/fixtures.js';
import { seed, testRule } from './tester.js';

const INDEX_PAGE = '政府信息公开年报\n2023年度平潭综合实验区政府信息公开工作年度报告 2024-01-20\n2022年度平潭综合实验区政府信息公开工作年度报告 2023-01-20\n';

const message = {
  'zh-CN': '该文本不是政府信息公开工作年度报告：没有找到任何一个部分标题或统计表。',
  en: 'This text is not an annual report on government information disclosure: none of its section headings or tables was found.',
};

testRule(notAReport, {
  valid: [
    { name: 'the sample report', report: () => sampleReport() },
    { name: 'seed 000, a whole report', report: () => seed('000').report },
    { name: 'an excerpt (corpus 034): a report, though cut short', report: () => parseReport(fixtureText('corpus/034.txt')) },
    { name: 'one sentence stating the statistics period: words only a report writes', report: () => parseReport('本年报中所列数据的统计期限自年月日起至年12月31日止。') },
  ],
  invalid: [
    {
      name: '"hello world": one error, at its last character',
      source: normalize('hello world'),
      report: () => parseReport('hello world'),
      diagnostics: [{ messageId: 'notAReport', severity: 'error', span: { text: 'd', line: 1, column: 11 }, message }],
    },
    {
      name: 'an index page of reports (titles only)',
      source: normalize(INDEX_PAGE),
      report: () => parseReport(INDEX_PAGE),
      diagnostics: [{ messageId: 'notAReport', severity: 'error', span: { text: '0', line: 3, column: 36 }, message }],
    },
    {
      name: 'an empty file',
      source: normalize(''),
      report: () => parseReport(''),
      diagnostics: [{ messageId: 'notAReport', severity: 'error', span: { text: '', line: 1, column: 1 }, message }],
    },
  ],
});

describe('a text that is not a report, checked in full', () => {
  it.each([['hello world'], [''], [INDEX_PAGE], ['   \n\n  ']])('gives the one not-a-report error and nothing else: %j', (text) => {
    expect(checkText(text).diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([['not-a-report', 'error']]);
  });
});
