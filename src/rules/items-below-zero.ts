import { defineRule } from './rule.js';
import { cellAt, cellSpan, tableOf } from './support/cells.js';
import { relatedCell } from './support/sums.js';

const PREVIOUS = 'previousItems';
const CHANGE = 'change';

/**
 * In the 2019 table 二, 本年增/减 takes away more items than 上一年项目数量 had: the year would end
 * with fewer than none. A decrease is allowed (the column is signed), a negative count of items is not.
 */
export const itemsBelowZero = defineRule({
  meta: {
    id: 'items-below-zero',
    category: 'arithmetic',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '2019 年格式表二中，“本年增/减”可以为负（减少），但减少的数量不能超过“上一年项目数量”：上一年项目数量加本年增/减是本年的项目数量，不能小于 0。',
      en: 'In the 2019 table 二, the change this year (本年增/减) may be negative, but it cannot take away more items than there were last year: items last year plus the change is this year’s number of items, which cannot be below zero.',
    },
    messages: {
      belowZero: {
        'zh-CN': '{table}“{row}”的“{column}”为 {change}，而上一年项目数量只有 {previous}：本年项目数量将为 {result}，不可能小于 0。',
        en: '{table}, row "{row}": "{column}" is {change} but there were only {previous} items last year, which leaves {result}; a number of items cannot be below zero.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '行政许可上一年 3 项，本年减 5 项', en: 'Licensing: 3 items last year, 5 fewer this year' },
          meta: { formatVersion: '2019', year: 2020 },
          cells: { 'activeDisclosure.licensing.previousItems': 3, 'activeDisclosure.licensing.change': -5 },
        },
      ],
      passing: [
        {
          summary: { 'zh-CN': '行政许可上一年 6 项，本年减 4 项（“减4”）', en: 'Licensing: 6 items last year, 4 fewer this year ("减4")' },
          meta: { formatVersion: '2019', year: 2020 },
          cells: { 'activeDisclosure.licensing.previousItems': 6, 'activeDisclosure.licensing.change': -4 },
        },
      ],
    },
  },
  check(report, context) {
    const definition = context.template.tables.activeDisclosure;
    const table = tableOf(report, 'activeDisclosure');
    if (!definition || !table) return;
    // The rows that count items and their change: blocks （五）（六）（八） of the 2019 table.
    const rows = definition.rows.filter((row) => [PREVIOUS, CHANGE].every((key) => row.columns.some((column) => column.key === key)));
    for (const row of rows) {
      const previous = cellAt(table, row.key, PREVIOUS);
      const change = cellAt(table, row.key, CHANGE);
      // Blank, invalid and missing cells are reported by their own rules; nothing to weigh here.
      if (previous?.kind !== 'count' || change?.kind !== 'signed') continue;
      const result = previous.value + change.value;
      if (result >= 0) continue;
      const span = cellSpan(table, row.key, CHANGE);
      context.report({
        messageId: 'belowZero',
        args: { row: row.key, column: CHANGE, change: change.value, previous: previous.value, result },
        table: 'activeDisclosure',
        row: row.key,
        column: CHANGE,
        expected: `≥ ${-previous.value}`,
        actual: String(change.value),
        ...(span ? { span } : {}),
        related: [CHANGE, PREVIOUS].map((column) => relatedCell(table, 'activeDisclosure', { row: row.key, column })),
      });
    }
  },
});
