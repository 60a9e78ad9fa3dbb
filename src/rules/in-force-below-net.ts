import { defineRule } from './rule.js';
import { cellAt, cellSpan, tableOf } from './support/cells.js';
import { relatedCell } from './support/sums.js';

const ISSUED = 'issued';
const REPEALED = 'repealed';
const IN_FORCE = 'inForce';

/**
 * 现行有效 below 本年制发 − 本年废止, for 规章 or 行政规范性文件. Documents issued this year and not
 * repealed are in force at year end, so the count in force cannot be smaller — unless documents of
 * earlier years expired or were repealed in ways the table does not show, hence a warning.
 */
export const inForceBelowNet = defineRule({
  meta: {
    id: 'in-force-below-net',
    category: 'arithmetic',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '表二中规章、行政规范性文件的“现行有效件数”不应少于“本年制发件数”减“本年废止件数”：本年制发而未废止的文件年底仍现行有效。以往文件到期失效等情形可能造成例外，因此作为警告。',
      en: 'In table 二, the number of rules and of normative documents in force should not be below those issued minus those repealed this year: what was issued and not repealed is still in force at year end. Expiry of older documents can explain exceptions, hence a warning.',
    },
    messages: {
      belowNet: {
        'zh-CN': '{table}“{row}”的“{column}”为 {actual}，少于本年制发减本年废止的 {expected}（{issued} − {repealed}）。',
        en: '{table}, row "{row}": "{column}" is {actual}, below the {expected} issued minus repealed this year ({issued} − {repealed}).',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '行政规范性文件本年制发 5 件、废止 1 件，现行有效只有 3 件', en: 'Normative documents: 5 issued, 1 repealed, only 3 in force' },
          cells: {
            'activeDisclosure.normativeDocuments.issued': 5,
            'activeDisclosure.normativeDocuments.repealed': 1,
            'activeDisclosure.normativeDocuments.inForce': 3,
          },
        },
      ],
      passing: [
        {
          summary: { 'zh-CN': '本年制发 5 件、废止 1 件，现行有效 23 件', en: '5 issued, 1 repealed, 23 in force' },
          cells: {
            'activeDisclosure.normativeDocuments.issued': 5,
            'activeDisclosure.normativeDocuments.repealed': 1,
            'activeDisclosure.normativeDocuments.inForce': 23,
          },
        },
      ],
    },
  },
  check(report, context) {
    const definition = context.template.tables.activeDisclosure;
    const table = tableOf(report, 'activeDisclosure');
    if (!definition || !table) return;
    // The rows with all three columns: 规章 and 行政规范性文件 in the catalog.
    const rows = definition.rows.filter((row) => [ISSUED, REPEALED, IN_FORCE].every((key) => row.columns.some((column) => column.key === key)));
    for (const row of rows) {
      const [issued, repealed, inForce] = [ISSUED, REPEALED, IN_FORCE].map((column) => cellAt(table, row.key, column));
      // Blank, invalid and missing cells are reported by their own rules; nothing to weigh here.
      if (issued?.kind !== 'count' || repealed?.kind !== 'count' || inForce?.kind !== 'count') continue;
      const net = issued.value - repealed.value;
      if (inForce.value >= net) continue;
      const span = cellSpan(table, row.key, IN_FORCE);
      context.report({
        messageId: 'belowNet',
        args: { row: row.key, column: IN_FORCE, actual: inForce.value, expected: net, issued: issued.value, repealed: repealed.value },
        table: 'activeDisclosure',
        row: row.key,
        column: IN_FORCE,
        expected: `≥ ${net}`,
        actual: String(inForce.value),
        ...(span ? { span } : {}),
        related: [IN_FORCE, ISSUED, REPEALED].map((column) => relatedCell(table, 'activeDisclosure', { row: row.key, column })),
      });
    }
  },
});
