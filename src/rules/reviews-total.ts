import { defineRule } from './rule.js';
import { CASE_TOTAL_MISMATCH_MESSAGE, checkRelation, sumMessages } from './support/sums.js';

/** C4 — table 四, 行政复议: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const reviewsTotal = defineRule({
  meta: {
    id: 'reviews-total',
    category: 'arithmetic',
    defaultSeverity: 'error',
    description: {
      'zh-CN': '表四行政复议的“总计”须等于结果维持、结果纠正、其他结果、尚未审结之和。',
      en: 'In table 四, the administrative-review total must equal upheld + corrected + other + pending.',
    },
    messages: sumMessages(CASE_TOTAL_MISMATCH_MESSAGE),
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '结果维持 10、结果纠正 1，总计却填 0', en: '10 upheld and 1 corrected, but total 0' },
          cells: { 'reviews.review.upheld': 10, 'reviews.review.corrected': 1, 'reviews.review.total': 0 },
        },
      ],
      passing: [{ summary: { 'zh-CN': '尚未审结 1，总计 1', en: '1 pending, total 1' } }],
    },
  },
  check(report, context) {
    checkRelation(report, 'reviewTotal', context);
  },
});
