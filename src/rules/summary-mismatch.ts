import type { TableKey } from '../catalog/index.js';
import type { AnyTable, Cell } from '../model/index.js';
import { Decimal } from '../model/index.js';
import { defineSeriesRule } from './rule.js';
import type { ProblemRelated } from './rule.js';
import { cellSpan, cellText, tableOf } from './support/cells.js';

const TABLES: readonly TableKey[] = ['activeDisclosure', 'applications', 'reviews'];

/** A cell's value as an exact decimal (counts and amounts alike), or undefined when it holds none. */
function valueOf(cell: Cell | undefined): Decimal | undefined {
  if (cell?.kind === 'count') return new Decimal(cell.value);
  if (cell?.kind === 'amount') return new Decimal(cell.value);
  return undefined;
}

/** A summary (汇总) report: every cell is the sum of the same cell of the reports it adds up. */
export const summaryMismatch = defineSeriesRule({
  scope: 'summary',
  meta: {
    id: 'summary-mismatch',
    category: 'series',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '声明为汇总报告的（如一级政府汇总本级各部门），其统计表每个单元格应等于各组成报告同一单元格之和。仅在配置中声明汇总关系时检查，默认不运行。',
      en: 'A report declared a summary (a government adding up its departments) must hold, in every cell of its tables, the sum of the same cell of the reports it adds up. Checked only when the configuration declares the summary: off by default.',
    },
    messages: {
      mismatch: {
        'zh-CN': '{table}“{row}”·“{column}”为 {actual}，但 {parts} 份组成报告之和为 {expected}。',
        en: '{table}, "{row}" · "{column}" is {actual}, but the {parts} reports it adds up give {expected}.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '汇总报告新收 4 件，组成报告（与上年示例相同，3 件）', en: 'The summary has 4 new applications, its one part 3' },
        },
      ],
      passing: [
        {
          summary: { 'zh-CN': '汇总报告与其唯一组成报告相同', en: 'The summary equals its only part' },
          previous: { cells: { 'applications.received.naturalPerson': 4, 'applications.received.total': 4, 'applications.carriedForward.naturalPerson': 1, 'applications.carriedForward.total': 1, 'reviews.review.pending': 1, 'reviews.review.total': 1 }, meta: { year: 2024 } },
        },
      ],
    },
  },
  check(current, _previous, context) {
    if (context.parts.length === 0) return;
    for (const key of TABLES) {
      const summary = tableOf(current.report, key);
      if (!summary) continue;
      const parts = context.parts.map(({ entry, uri }) => ({ table: tableOf(entry.report, key), uri }));
      for (const [row, entry] of Object.entries(summary.rows)) {
        for (const [column, cell] of Object.entries(entry?.cells ?? {}) as [string, Cell | undefined][]) {
          const actual = valueOf(cell);
          if (actual === undefined) continue;
          let expected = new Decimal(0);
          let complete = true;
          for (const part of parts) {
            const value = part.table ? valueOf((part.table.rows[row]?.cells as Partial<Record<string, Cell>> | undefined)?.[column]) : undefined;
            if (value === undefined) complete = false;
            else expected = expected.plus(value);
          }
          // A part without the cell cannot be added: no sum is claimed (its own checks say what is missing).
          if (!complete || expected.equals(actual)) continue;
          const span = cellSpan(summary, row, column);
          const related = parts.map(({ table, uri }): ProblemRelated => {
            const partCell = table ? (table.rows[row]?.cells as Partial<Record<string, Cell>> | undefined)?.[column] : undefined;
            const value = cellText(partCell);
            const where = table ? cellSpan(table as AnyTable, row, column) : undefined;
            return { message: { 'zh-CN': '组成报告 {uri}', en: 'Part {uri}' }, args: { uri }, table: key, row, column, uri, ...(value !== undefined ? { value } : {}), ...(where ? { span: where } : {}) };
          });
          context.report({
            messageId: 'mismatch',
            args: { row, column, actual: actual.toFixed(), expected: expected.toFixed(), parts: parts.length },
            table: key,
            row,
            column,
            expected: expected.toFixed(),
            actual: actual.toFixed(),
            ...(span ? { span } : {}),
            related,
          });
        }
      }
    }
  },
});
