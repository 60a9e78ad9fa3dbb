import type { TableKey } from '../catalog/index.js';
import type { AnyTable, Cell } from '../model/index.js';
import { defineSeriesRule } from './rule.js';
import type { SeriesReport } from './rule.js';
import { cellText, tableOf } from './support/cells.js';
import { yearOf } from './support/series.js';

const TABLES: readonly TableKey[] = ['activeDisclosure', 'applications', 'reviews'];
// A stock carried from year to year may stay the same by itself: it is no activity of the year.
const STOCK_COLUMNS: ReadonlySet<string> = new Set(['inForce']);

/** The cells of a table as text by `row.column`, and how many of the year's activity cells are non-zero. */
function contents(table: AnyTable): { cells: Map<string, string>; active: number } {
  const cells = new Map<string, string>();
  let active = 0;
  for (const [row, entry] of Object.entries(table.rows)) {
    for (const [column, cell] of Object.entries(entry?.cells ?? {}) as [string, Cell | undefined][]) {
      const text = cellText(cell);
      if (text === undefined || (cell?.kind !== 'count' && cell?.kind !== 'amount')) continue;
      cells.set(`${row}.${column}`, text);
      const zero = cell.kind === 'count' ? cell.value === 0 : cell.value.isZero();
      if (!zero && !STOCK_COLUMNS.has(column)) active++;
    }
  }
  return { cells, active };
}

function identical(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

const tableIn = (entry: SeriesReport, key: TableKey): AnyTable | undefined => tableOf(entry.report, key);

/** A statistics table with activity, the same in every cell as last year's. */
export const numbersRepeated = defineSeriesRule({
  scope: 'pair',
  meta: {
    id: 'numbers-repeated',
    category: 'series',
    defaultSeverity: 'warning',
    description: {
      'zh-CN': '统计表在本年有非零数据，却与上一年度报告的同一张表逐格完全相同：可能沿用了上年数据。',
      en: 'A statistics table with non-zero activity is identical, cell for cell, to the same table of last year’s report: last year’s figures may have been reused.',
    },
    messages: {
      repeated: {
        'zh-CN': '{table}与{previousYear}年度报告的同一张表逐格相同（{cells} 个单元格，其中 {active} 个非零）。',
        en: '{table} is identical to the same table of the {previousYear} report ({cells} cells, {active} of them non-zero).',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '两年的表三逐格相同，均为 4 件申请', en: 'Table 三 the same both years, 4 applications each' },
          previous: { cells: { 'applications.received.naturalPerson': 4, 'applications.received.total': 4, 'applications.carriedForward.naturalPerson': 1, 'applications.carriedForward.total': 1 } },
        },
      ],
      passing: [
        { summary: { 'zh-CN': '上年 3 件，本年 4 件', en: '3 applications last year, 4 this year' } },
        {
          summary: { 'zh-CN': '两年的表四相同，但全为 0', en: 'Table 四 the same both years, but all zero' },
          cells: { 'reviews.review.pending': 0, 'reviews.review.total': 0 },
        },
      ],
    },
  },
  check(current, previous, context) {
    if (!previous) return;
    for (const key of TABLES) {
      const now = tableIn(current, key);
      const before = tableIn(previous, key);
      if (!now || !before) continue;
      const mine = contents(now);
      if (mine.active === 0 || !identical(mine.cells, contents(before).cells)) continue;
      context.report({
        messageId: 'repeated',
        args: { previousYear: yearOf(previous) ?? '', cells: mine.cells.size, active: mine.active },
        table: key,
        ...(now.span ? { span: now.span } : {}),
        related: [
          {
            message: { 'zh-CN': '{previousYear}年度报告的{table}', en: 'The {previousYear} report, {table}' },
            args: { previousYear: yearOf(previous) ?? '', table: key },
            table: key,
            uri: context.previousUri,
            ...(before.span ? { span: before.span } : {}),
          },
        ],
      });
    }
  },
});
