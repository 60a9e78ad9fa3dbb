import { periodMissing } from '../../src/rules/period-missing.js';
import { sampleReport } from '../../src/rules/index.js';
import { legacySeed, seed, testRule } from './tester.js';

const legacy = legacySeed();
const filled = seed('001');

testRule(periodMissing, {
  valid: [
    { name: 'the sample: a report for 2024', report: () => sampleReport() },
    {
      name: 'seed 001 with its statistics period filled in',
      report: () => {
        const text = '统计数据时间段:2023年1月1日至2023年12月31日';
        return { ...filled.report, meta: { ...filled.report.meta, period: { text, blank: false, span: filled.spans.find(text) } } };
      },
    },
  ],
  invalid: [
    {
      name: 'seed 002: the template period left blank, and no year anywhere — one finding, at the period',
      source: legacy.spans.source,
      report: () => legacy.report,
      diagnostics: [
        {
          messageId: 'blankPeriodNoYear',
          severity: 'warning',
          span: { text: '统计期限自年月日起至年12月31日止', line: 9, column: 208 },
          message: {
            'zh-CN': '统计期限照抄模板未填写：“统计期限自年月日起至年12月31日止”，报告也未写明报告年度（标题和正文中都没有）。',
            en: 'The statistics period is the template left blank: "统计期限自年月日起至年12月31日止", and the report states no reporting year (not in its title or text).',
          },
        },
      ],
    },
    {
      name: 'seed 002 with a year found in its title: the blank period alone',
      source: legacy.spans.source,
      report: () => ({ ...legacy.report, meta: { ...legacy.report.meta, year: { value: 2018 } } }),
      diagnostics: [
        {
          messageId: 'blankPeriod',
          severity: 'warning',
          span: { text: '统计期限自年月日起至年12月31日止', line: 9, column: 208 },
          message: {
            'zh-CN': '统计期限照抄模板未填写：“统计期限自年月日起至年12月31日止”。',
            en: 'The statistics period is the template left blank: "统计期限自年月日起至年12月31日止".',
          },
        },
      ],
    },
    {
      name: 'a year stated nowhere, the period not stated either',
      report: () => {
        const report = sampleReport();
        delete report.meta.year;
        return report;
      },
      diagnostics: [
        {
          messageId: 'noYear',
          severity: 'warning',
          span: null,
          message: {
            'zh-CN': '报告未写明报告年度（标题、统计期限和正文中都没有）。',
            en: 'The report states no reporting year (not in its title, statistics period or text).',
          },
        },
      ],
    },
  ],
});
