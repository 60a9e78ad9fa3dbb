import { TABLE_KEYS } from '../catalog/index.js';
import type { Cell } from '../model/index.js';
import { defineRule } from './rule.js';
import type { ProblemRelated } from './rule.js';
import { tableOf } from './support/cells.js';
import { relatedCell } from './support/sums.js';

/**
 * Whether a row holds a blank cell: one pass over the cells as stored, so that a row without one
 * (most rows) is not asked for each of its template's columns by name — an engine's property lookup
 * by a key it is given costs several times its walk over an object's own keys.
 */
function holdsBlank(cells: Readonly<Partial<Record<string, Cell>>>): boolean {
  for (const column in cells) if (cells[column]?.kind === 'blank') return true;
  return false;
}

/**
 * A cell the template requires a number in, left blank or holding "—", "/" or "无" (FORMAT.md §8).
 * A warning, not an error: such a cell usually means 0 and the figure itself may be right, but the
 * format asks for a number (0 when there is none), and the sums through that cell cannot be checked.
 */
export const blankCell = defineRule({
  meta: {
    id: 'blank-cell',
    category: 'cells',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '模板的每个单元格都应填写数字，没有的填 0；留空或填“—”“/”“无”是常见错误。此类单元格多半表示 0，数字本身未必有误，因此作为警告；但它使经过该格的勾稽关系无法核对。每行报告一次，列出这些列。',
      en: 'Every cell of the template takes a number, 0 when there is none; blanks or "—", "/", "无" are a common error. Such a cell usually means 0 and the figure may be right, hence a warning; but the sums through it cannot be checked. Reported once per row, naming the columns.',
    },
    messages: {
      blank: {
        'zh-CN': '{table}“{row}”一行中{columns}没有填写数字（空白或“—”“/”等），应填写数字，没有的填 0。',
        en: '{table}, row "{row}": no number in {columns} (blank, "—", "/" or the like); write a number, 0 when there is none.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '表四行政复议“结果维持”填“/”', en: 'Table 四: review "upheld" written "/"' },
          cells: { 'reviews.review.upheld': { blank: '/' } },
        },
      ],
      passing: [{ summary: { 'zh-CN': '没有的填 0', en: 'None written as 0' } }],
    },
  },
  check(report, context) {
    for (const tableKey of TABLE_KEYS) {
      const definition = context.template.tables[tableKey];
      const table = tableOf(report, tableKey);
      if (!definition || !table) continue;
      for (const row of definition.rows) {
        const cells = table.rows[row.key]?.cells;
        if (!cells || !holdsBlank(cells)) continue;
        // The list is made at the first blank.
        let blanks: string[] | undefined;
        for (const column of row.columns) if (cells[column.key]?.kind === 'blank') (blanks ??= []).push(column.key);
        const first = blanks?.[0];
        if (blanks === undefined || first === undefined) continue;
        const related: ProblemRelated[] = blanks.map((column) => relatedCell(table, tableKey, { row: row.key, column }));
        const span = cells[first]?.span ?? table.rows[row.key]?.labelSpan ?? table.span;
        context.report({
          messageId: 'blank',
          args: { row: row.key, columns: blanks.join(',') },
          table: tableKey,
          row: row.key,
          ...(blanks.length === 1 ? { column: first } : {}),
          ...(span ? { span } : {}),
          related,
        });
      }
    }
  },
});
