import { defineRule } from './rule.js';
import { cellAt, cellSpan, tableOf } from './support/cells.js';
import { relatedCell } from './support/sums.js';

const NEW = 'newlyPublished';
const TOTAL = 'publishedTotal';

/**
 * In the 2019 table 二, 对外公开总数量 below 本年新公开数量 for 规章 or 规范性文件: what was published
 * this year is part of what has been published in total. A report may count the total otherwise
 * (only what is still published), hence a warning.
 */
export const publishedBelowNew = defineRule({
  meta: {
    id: 'published-below-new',
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '2019 年格式表二中，规章、规范性文件的“对外公开总数量”不应少于“本年新公开数量”：本年新公开的文件包含在对外公开总数中。有的报告只计仍在公开的文件，可能造成例外，因此作为警告。',
      en: 'In the 2019 table 二, the number of rules and of normative documents published in total should not be below the number newly published this year, which it includes. A report that counts only what is still published can explain exceptions, hence a warning.',
    },
    messages: {
      belowNew: {
        'zh-CN': '{table}“{row}”的“{column}”为 {total}，少于本年新公开数量 {published}。',
        en: '{table}, row "{row}": "{column}" is {total}, below the {published} newly published this year.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '规范性文件本年新公开 9 件，对外公开总数 5 件', en: 'Normative documents: 9 newly published, 5 published in total' },
          meta: { formatVersion: '2019', year: 2020 },
          cells: { 'activeDisclosure.normativeDocuments.newlyPublished': 9, 'activeDisclosure.normativeDocuments.publishedTotal': 5 },
        },
      ],
      passing: [
        {
          summary: { 'zh-CN': '本年新公开 89 件，对外公开总数 89 件', en: '89 newly published, 89 in total' },
          meta: { formatVersion: '2019', year: 2020 },
          cells: { 'activeDisclosure.normativeDocuments.newlyPublished': 89, 'activeDisclosure.normativeDocuments.publishedTotal': 89 },
        },
      ],
    },
  },
  check(report, context) {
    const definition = context.template.tables.activeDisclosure;
    const table = tableOf(report, 'activeDisclosure');
    if (!definition || !table) return;
    // The rows with both columns: 规章 and 规范性文件 of the 2019 table.
    const rows = definition.rows.filter((row) => [NEW, TOTAL].every((key) => row.columns.some((column) => column.key === key)));
    for (const row of rows) {
      const published = cellAt(table, row.key, NEW);
      const total = cellAt(table, row.key, TOTAL);
      if (published?.kind !== 'count' || total?.kind !== 'count' || total.value >= published.value) continue;
      const span = cellSpan(table, row.key, TOTAL);
      context.report({
        messageId: 'belowNew',
        args: { row: row.key, column: TOTAL, total: total.value, published: published.value },
        table: 'activeDisclosure',
        row: row.key,
        column: TOTAL,
        expected: `≥ ${published.value}`,
        actual: String(total.value),
        ...(span ? { span } : {}),
        related: [TOTAL, NEW].map((column) => relatedCell(table, 'activeDisclosure', { row: row.key, column })),
      });
    }
  },
});
