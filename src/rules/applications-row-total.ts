import { defineRule } from './rule.js';
import { checkRelation, sumMessages } from './support/sums.js';

/** C3 — every row of table 三: 总计 = the six applicant columns. */
export const applicationsRowTotal = defineRule({
  meta: {
    id: 'applications-row-total',
    category: 'arithmetic',
    defaultSeverity: 'error',
    description: {
      'zh-CN': '表三每一行的“总计”须等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和。',
      en: 'In every row of table 三, the total must equal the sum of the six applicant columns.',
    },
    messages: sumMessages({
      'zh-CN': '{table}“{row}”行：“{column}”为 {actual}，但各类申请人之和为 {expected}（{relation}）。',
      en: '{table}, row "{row}": "{column}" is {actual}, but the applicant columns add up to {expected} ({relation}).',
    }),
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '自然人 3、商业企业 1，总计却填 3', en: '3 natural persons and 1 business, but total 3' },
          cells: { 'applications.received.business': 1 },
        },
      ],
      passing: [{ summary: { 'zh-CN': '自然人 4，总计 4', en: '4 natural persons, total 4' } }],
    },
  },
  check(report, context) {
    checkRelation(report, 'rowTotal', context);
  },
});
