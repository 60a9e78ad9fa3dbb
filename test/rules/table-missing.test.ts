import { createReport } from '../../src/model/index.js';
import { sampleReport } from '../../src/rules/index.js';
import { tableMissing } from '../../src/rules/table-missing.js';
import { legacySeed, seed, testRule } from './tester.js';

const seed000 = seed('000');

testRule(tableMissing, {
  valid: [
    { name: 'seed 001: tables 二, 三 and 四', report: () => seed('001').report },
    { name: 'a 2020 report in the 2019 format: tables 三 and 四 only', report: () => sampleReport('2019') },
    { name: 'seed 002, pre-2019: no tables, and legacy-format (not this rule) says so', report: () => legacySeed().report },
  ],
  invalid: [
    {
      name: 'seed 000 with section 四 but no table 四',
      source: seed000.spans.source,
      report: () => {
        const { report, spans } = seed000;
        delete report.tables.reviews;
        report.sections = report.sections.map((section) =>
          section.key === 'reviewsAndLitigation' ? { ...section, headingSpan: spans.line(section.heading) } : section,
        );
        return report;
      },
      diagnostics: [
        {
          messageId: 'missingInSection',
          severity: 'error',
          table: 'reviews',
          span: { text: '四、政府信息公开行政复议、行政诉讼情况', line: 305, column: 1 },
          message: {
            'zh-CN': '“四、政府信息公开行政复议、行政诉讼情况”部分没有表四（政府信息公开行政复议、行政诉讼情况）。',
            en: 'Section 四 (Administrative reviews and litigation) has no Table 四 (Administrative reviews and litigation).',
          },
        },
      ],
    },
    {
      name: 'neither section 二 nor table 二',
      report: () => {
        const report = sampleReport();
        delete report.tables.activeDisclosure;
        report.sections = report.sections.filter((section) => section.key !== 'activeDisclosure');
        return report;
      },
      diagnostics: [
        {
          messageId: 'missing',
          severity: 'error',
          table: 'activeDisclosure',
          span: null,
          message: {
            'zh-CN': '报告没有表二（主动公开政府信息情况）。',
            en: 'The report has no Table 二 (Active disclosure (Article 20 items)).',
          },
        },
      ],
    },
    {
      name: 'a report in the 2019 format without table 三 (its table 二 is not expected)',
      report: () => {
        const report = createReport({ year: 2020, formatVersion: '2019' });
        delete report.tables.applications;
        return report;
      },
      diagnostics: [
        {
          messageId: 'missingInSection',
          severity: 'error',
          table: 'applications',
          span: null,
          message: {
            'zh-CN': '“三、收到和处理政府信息公开申请情况”部分没有表三（收到和处理政府信息公开申请情况）。',
            en: 'Section 三 (Applications for disclosure received and handled) has no Table 三 (Applications received and handled).',
          },
        },
      ],
    },
    {
      name: 'a report whose format was not recognised is held to the current template',
      report: () => ({ ...createReport({ year: 2024 }), meta: { formatVersion: 'unknown' as const }, tables: {}, sections: [] }),
      diagnostics: ['二（主动公开政府信息情况）', '三（收到和处理政府信息公开申请情况）', '四（政府信息公开行政复议、行政诉讼情况）'].map((label, index) => ({
        messageId: 'missing',
        severity: 'error' as const,
        table: (['activeDisclosure', 'applications', 'reviews'] as const)[index],
        span: null,
        message: {
          'zh-CN': `报告没有表${label}。`,
          en: `The report has no ${['Table 二 (Active disclosure (Article 20 items))', 'Table 三 (Applications received and handled)', 'Table 四 (Administrative reviews and litigation)'][index]}.`,
        },
      })),
    },
  ],
});
