import { defineRule } from './rule.js';
import { findSection } from './support/sections.js';

/** Section 六 must say whether 信息处理费 were collected (国办函〔2020〕109号). */
export const feeStatementMissing = defineRule({
  meta: {
    id: 'fee-statement-missing',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '2021 年格式要求在第六部分报告收取信息处理费的情况（国办函〔2020〕109号），未收取也应写明。表二中的行政事业性收费不是信息处理费，不能代替这一说明。2021 年以前的报告不适用。',
      en: 'The 2021 format requires section 六 to report whether information processing fees (信息处理费, 国办函〔2020〕109号) were collected, and to say so when none were. The administrative fees of table 二 are not processing fees and do not count. Reports for years before 2021 are exempt.',
    },
    messages: {
      missing: {
        'zh-CN': '报告没有说明是否收取信息处理费（应在“{section}”中说明，未收取也应写明）。',
        en: 'The report does not say whether information processing fees were collected (due in {section}, even when none were).',
      },
      elsewhere: {
        'zh-CN': '信息处理费的说明不在“{section}”中；模板要求在该部分报告收取信息处理费的情况。',
        en: 'The statement on information processing fees is not in {section}, where the template requires it.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '全文没有提到信息处理费', en: 'No word on processing fees' },
          facts: [{ kind: 'applicationsReceived', value: 4, text: '共受理政府信息公开申请4件' }],
        },
      ],
      passing: [
        { summary: { 'zh-CN': '写明“本年度未收取信息处理费”', en: 'States "no processing fee was collected this year"' } },
        {
          summary: { 'zh-CN': '2020 年度报告（2019 年格式）不要求说明', en: 'A 2020 report (2019 format) need not say' },
          meta: { formatVersion: '2019', year: 2020 },
          facts: [],
        },
      ],
    },
  },
  check(report, context) {
    const firstYear = context.template.firstYear;
    const year = report.meta.year?.value;
    // The processing-fee rules date from 2021 and only the 2021 template asks for the statement.
    if (context.template.version !== '2021' || (year !== undefined && firstYear !== undefined && year < firstYear)) return;
    const statements = report.facts.filter((fact) => fact.kind === 'processingFeeCollected');
    const otherMatters = findSection(report, 'otherMatters');
    const sectionSpan = otherMatters?.span;
    if (statements.length > 0) {
      // Where the positions are known, the statement must stand in section 六 ("在此处报告").
      const inSection = (fact: (typeof statements)[number]): boolean =>
        !sectionSpan || !fact.span || (fact.span.start >= sectionSpan.start && fact.span.end <= sectionSpan.end);
      if (statements.some(inSection)) return;
      const first = statements[0] as (typeof statements)[number];
      context.report({
        messageId: 'elsewhere',
        args: { section: 'otherMatters' },
        ...(first.span ? { span: first.span } : {}),
        ...(otherMatters?.headingSpan
          ? { related: [{ message: { 'zh-CN': '{section}', en: '{section}' }, args: { section: 'otherMatters' }, span: otherMatters.headingSpan }] }
          : {}),
      });
      return;
    }
    const span = otherMatters?.headingSpan;
    context.report({ messageId: 'missing', args: { section: 'otherMatters' }, ...(span ? { span } : {}) });
  },
});
