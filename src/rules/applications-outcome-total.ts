import { defineRule } from './rule.js';
import { checkRelation, sumMessages } from './support/sums.js';

/** C2 — per column of table 三: （七）总计 = the sum of every outcome item. */
export const applicationsOutcomeTotal = defineRule({
  meta: {
    id: 'applications-outcome-total',
    category: 'arithmetic',
    defaultSeverity: 'error',
    description: {
      'zh-CN': '表三每一列的（七）总计须等于（一）至（六）各项办理结果之和（每件申请只计一种结果）。',
      en: 'In every column of table 三, the concluded total must equal the sum of every outcome item (each application counts once).',
    },
    messages: sumMessages({
      'zh-CN': '{table}“{column}”列：“{row}”为 {actual}，但各项办理结果之和为 {expected}（{relation}）。',
      en: '{table}, column "{column}": "{row}" is {actual}, but the outcome items add up to {expected} ({relation}).',
    }),
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '（七）总计填 4，但各项结果之和为 3', en: 'Concluded total 4, outcomes add up to 3' },
          cells: { 'applications.concludedTotal.naturalPerson': 4, 'applications.concludedTotal.total': 4 },
        },
      ],
      passing: [{ summary: { 'zh-CN': '予以公开 2 + 本机关不掌握 1 = 总计 3', en: '2 disclosed + 1 not held = 3 concluded' } }],
    },
  },
  check(report, context) {
    checkRelation(report, 'outcomeTotal', context);
  },
});
