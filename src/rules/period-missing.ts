import { defineRule } from './rule.js';

/** The reporting year must be stated, and the statistics period filled in. */
export const periodMissing = defineRule({
  meta: {
    id: 'period-missing',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '报告须写明报告年度，统计期限不能照抄模板留空（如“统计期限自年月日起至年12月31日止”）。没有年度，就无法判断报告应采用的格式和发布期限。',
      en: 'The report must state its reporting year, and its statistics period must not be the template left blank ("自年月日起至年12月31日止"). Without a year neither the required format nor the deadline can be told.',
    },
    messages: {
      noYear: {
        'zh-CN': '报告未写明报告年度（标题、统计期限和正文中都没有）。',
        en: 'The report states no reporting year (not in its title, statistics period or text).',
      },
      blankPeriod: {
        'zh-CN': '统计期限照抄模板未填写：“{text}”。',
        en: 'The statistics period is the template left blank: "{text}".',
      },
      blankPeriodNoYear: {
        'zh-CN': '统计期限照抄模板未填写：“{text}”，报告也未写明报告年度（标题和正文中都没有）。',
        en: 'The statistics period is the template left blank: "{text}", and the report states no reporting year (not in its title or text).',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '统计期限留空，全文没有年度', en: 'Blank statistics period, no year anywhere' },
          meta: { year: null, period: { text: '统计期限自年月日起至年12月31日止', blank: true } },
        },
        {
          summary: { 'zh-CN': '只有模板留空的统计期限（作为文本检查）', en: 'Only a blank template period (checked as text)' },
          text: '本年报中所列数据的统计期限自年月日起至年12月31日止。',
        },
      ],
      passing: [
        { summary: { 'zh-CN': '2024 年度报告', en: 'A report for 2024' } },
        {
          summary: { 'zh-CN': '统计期限已填写', en: 'The statistics period filled in' },
          meta: { period: { text: '统计期限自2024年1月1日起至2024年12月31日止', blank: false } },
        },
      ],
    },
  },
  check(report, context) {
    const { year, period } = report.meta;
    // One fault, one finding: a period copied blank from the template is also why no year is
    // found, so it says both, at the period.
    if (period?.blank) {
      context.report({ messageId: year === undefined ? 'blankPeriodNoYear' : 'blankPeriod', args: { text: period.text }, ...(period.span ? { span: period.span } : {}) });
    } else if (year === undefined) context.report({ messageId: 'noYear' });
  },
});
