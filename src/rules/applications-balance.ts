import { defineRule } from './rule.js';
import { checkRelation, sumMessages } from './support/sums.js';

/** C1 — per column of table 三: 一 + 二 = 三（七）总计 + 四. */
export const applicationsBalance = defineRule({
  meta: {
    id: 'applications-balance',
    category: 'arithmetic',
    defaultSeverity: 'error',
    description: {
      'zh-CN': '表三每一列须满足勾稽关系：第一项加第二项之和，等于第三项（七）总计加第四项之和。',
      en: 'In every column of table 三, new applications + carried over must equal the concluded total + carried forward.',
    },
    messages: sumMessages({
      'zh-CN': '{table}“{column}”列不符合勾稽关系（{relation}）：前者为 {actual}，后者为 {expected}。',
      en: '{table}, column "{column}" does not balance ({relation}): the left side is {actual}, the right side {expected}.',
    }),
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '新收 5 件、结转 0 件，但办结 3 件、结转下年 1 件', en: '5 new and 0 carried over, but 3 concluded and 1 carried forward' },
          cells: { 'applications.received.naturalPerson': 5, 'applications.received.total': 5 },
        },
      ],
      passing: [{ summary: { 'zh-CN': '4 + 0 = 3 + 1', en: '4 + 0 = 3 + 1' } }],
    },
  },
  check(report, context) {
    checkRelation(report, 'balance', context);
  },
});
