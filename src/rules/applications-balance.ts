import { defineRule } from './rule.js';
import { checkRelation } from './support/sums.js';

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
    messages: {
      mismatch: {
        'zh-CN': '表三“{column}”列不平衡：一、本年新收与二、上年结转之和为 {actual}，而（七）总计与四、结转下年度之和为 {expected}。',
        en: 'Table 三, column "{column}" does not balance: new + carried over = {actual}, but concluded total + carried forward = {expected}.',
      },
      incomplete: {
        'zh-CN': '表三有 {count} 个单元格为空、缺失或无效（首个：{row}·{column}），相关列的勾稽关系无法核对。',
        en: 'Table 三 has {count} blank, missing or invalid cells (first: {row} · {column}); the balance of those columns cannot be checked.',
      },
    },
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
