import { defineRule } from './rule.js';
import { CASE_TOTAL_MISMATCH_MESSAGE, checkRelation, sumMessages } from './support/sums.js';

/** C4 — table 四, within each 行政诉讼 group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const litigationTotal = defineRule({
  meta: {
    id: 'litigation-total',
    category: 'arithmetic',
    defaultSeverity: 'error',
    description: {
      'zh-CN': '表四行政诉讼“未经复议直接起诉”“复议后起诉”两组的总计，须各自等于结果维持、结果纠正、其他结果、尚未审结之和。',
      en: 'In table 四, each litigation group’s total (direct, after review) must equal upheld + corrected + other + pending.',
    },
    messages: sumMessages(CASE_TOTAL_MISMATCH_MESSAGE),
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '复议后起诉：结果维持 5，总计却填 0', en: 'After review: 5 upheld, but total 0' },
          cells: { 'reviews.litigationAfterReview.upheld': 5, 'reviews.litigationAfterReview.total': 0 },
        },
      ],
      passing: [{ summary: { 'zh-CN': '两组均为 0', en: 'Both groups zero' } }],
    },
  },
  check(report, context) {
    checkRelation(report, 'litigationTotal', context);
  },
});
