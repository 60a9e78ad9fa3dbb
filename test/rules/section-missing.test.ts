import { createReport } from '../../src/model/index.js';
import { sectionMissing } from '../../src/rules/section-missing.js';
import { sampleReport } from '../../src/rules/index.js';
import { seed, testRule } from './tester.js';

testRule(sectionMissing, {
  valid: [
    { name: 'seed 000: all six sections', report: () => seed('000').report },
    { name: 'seed 004 (traditional script, headings with variants): all six sections', report: () => seed('004').report },
    { name: 'a section found twice still counts as present', report: () => {
      const report = sampleReport();
      report.sections.push({ key: 'applications', heading: '三、收到和处理政府信息公开申请情况' });
      return report;
    } },
  ],
  invalid: [
    {
      name: 'seed 001 without sections 四 and 五 (the ones reports most often leave out)',
      report: () => {
        const { report } = seed('001');
        report.sections = report.sections.filter((section) => section.key !== 'reviewsAndLitigation' && section.key !== 'problems');
        return report;
      },
      diagnostics: [
        {
          messageId: 'missing',
          severity: 'error',
          span: null,
          message: {
            'zh-CN': '报告缺少“四、政府信息公开行政复议、行政诉讼情况”部分。',
            en: 'The report has no Section 四 (Administrative reviews and litigation).',
          },
        },
        {
          messageId: 'missing',
          severity: 'error',
          span: null,
          message: {
            'zh-CN': '报告缺少“五、存在的主要问题及改进情况”部分。',
            en: 'The report has no Section 五 (Main problems and improvements).',
          },
        },
      ],
    },
    {
      name: 'no section found at all: each of the six once, in template order',
      report: () => ({ ...createReport({ year: 2024 }), sections: [] }),
      diagnostics: [
        ['一、总体情况', 'Section 一 (Overview)'],
        ['二、主动公开政府信息情况', 'Section 二 (Active disclosure of government information)'],
        ['三、收到和处理政府信息公开申请情况', 'Section 三 (Applications for disclosure received and handled)'],
        ['四、政府信息公开行政复议、行政诉讼情况', 'Section 四 (Administrative reviews and litigation)'],
        ['五、存在的主要问题及改进情况', 'Section 五 (Main problems and improvements)'],
        ['六、其他需要报告的事项', 'Section 六 (Other matters to report)'],
      ].map(([zh, en]) => ({
        messageId: 'missing',
        severity: 'error' as const,
        span: null,
        message: { 'zh-CN': `报告缺少“${zh}”部分。`, en: `The report has no ${en}.` },
      })),
    },
  ],
});
