import { createReport } from '../../src/model/index.js';
import { feeStatementMissing } from '../../src/rules/fee-statement-missing.js';
import { sampleReport } from '../../src/rules/index.js';
import { plant, seed, testRule } from './tester.js';

const seed001 = seed('001');
// Seed 000 with its processing-fee sentence moved from section 六 to the top of section 一.
const movedStatement = plant('000', ['2024年度未收取政府信息公开信息处理费。\n', ''], ['一、总体情况\n', '一、总体情况\n2024年度未收取政府信息公开信息处理费。\n']);

testRule(feeStatementMissing, {
  valid: [
    {
      name: 'seed 000: "2024年度未收取政府信息公开信息处理费。"',
      report: () => {
        const { report, spans } = seed('000');
        const text = '2024年度未收取政府信息公开信息处理费';
        report.facts = [{ kind: 'processingFeeCollected', value: false, text, span: spans.find(text) }];
        return report;
      },
    },
    {
      name: 'fees collected, and said so',
      report: () => ({ ...sampleReport(), facts: [{ kind: 'processingFeeCollected' as const, value: true, text: '收取信息处理费0.02万元' }] }),
    },
    { name: 'a 2020 report in the 2019 format: the processing-fee rules date from 2021', report: () => createReport({ year: 2020, formatVersion: '2019' }) },
    { name: 'a 2020 report in the current format: not yet due either', report: () => createReport({ year: 2020 }) },
    { name: 'a pre-2019 report: legacy-format speaks for it', report: () => createReport({ formatVersion: 'pre-2019' }) },
  ],
  invalid: [
    {
      // Seed 001 reports 779.508355 万元 of 行政事业性收费 in table 二: that is not a processing fee.
      name: 'seed 001 without its processing-fee sentence (its 行政事业性收费 does not count)',
      source: seed001.spans.source,
      report: () => {
        const { report, spans } = seed001;
        report.facts = [];
        report.sections = report.sections.map((section) =>
          section.key === 'otherMatters' ? { ...section, headingSpan: spans.line(section.heading) } : section,
        );
        return report;
      },
      diagnostics: [
        {
          messageId: 'missing',
          severity: 'warning',
          span: { text: '六、其他需要报告的事项', line: 61, column: 1 },
          message: {
            'zh-CN': '报告没有说明是否收取信息处理费（应在“六、其他需要报告的事项”中说明，未收取也应写明）。',
            en: 'The report does not say whether information processing fees were collected (due in Section 六 (Other matters to report), even when none were).',
          },
        },
      ],
    },
    {
      name: 'no year, no section 六, no statement',
      report: () => {
        const report = createReport();
        report.sections = report.sections.filter((section) => section.key !== 'otherMatters');
        return report;
      },
      diagnostics: [
        {
          messageId: 'missing',
          severity: 'warning',
          span: null,
          message: {
            'zh-CN': '报告没有说明是否收取信息处理费（应在“六、其他需要报告的事项”中说明，未收取也应写明）。',
            en: 'The report does not say whether information processing fees were collected (due in Section 六 (Other matters to report), even when none were).',
          },
        },
      ],
    },
    {
      name: 'seed 000 with the statement moved out of section 六: reported where it stands',
      source: movedStatement.source,
      report: movedStatement.report,
      diagnostics: [
        {
          messageId: 'elsewhere',
          severity: 'warning',
          span: { text: '未收取政府信息公开信息处理费', line: 10, column: 7 },
          message: {
            'zh-CN': '信息处理费的说明不在“六、其他需要报告的事项”中；模板要求在该部分报告收取信息处理费的情况。',
            en: 'The statement on information processing fees is not in Section 六 (Other matters to report), where the template requires it.',
          },
          related: [{ message: '六、其他需要报告的事项', span: { text: '六、其他需要报告的事项', line: 349, column: 1 } }],
        },
      ],
    },
  ],
});
