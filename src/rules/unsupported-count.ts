import { narrativeCountIn } from '../catalog/index.js';
import type { AnyTable } from '../model/index.js';
import { defineRule } from './rule.js';
import type { ProblemRelated } from './rule.js';
import { cellAt, tableOf } from './support/cells.js';
import { relatedCell } from './support/sums.js';
import type { CellAddress } from './support/sums.js';


/** The sum of counted cells, or undefined when one of them holds no count. */
function sumOf(table: AnyTable, cells: readonly CellAddress[]): number | undefined {
  let total = 0;
  for (const { row, column } of cells) {
    const cell = cellAt(table, row, column);
    if (cell?.kind !== 'count') return undefined;
    total += cell.value;
  }
  return total;
}

/** A count the text states must agree with the tables. */
export const unsupportedCount = defineRule({
  meta: {
    id: 'unsupported-count',
    category: 'narrative',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '正文所述的数量须与统计表一致：受理申请件数对表三“本年新收”总计（或连同“上年结转”），“未收到申请”对应 0；行政复议件数对表四行政复议总计；行政诉讼件数对两类行政诉讼总计之和；规范性文件制发和现行有效件数对表二。诊断指向正文中的数字，并附上表格中的单元格。',
      en: 'Counts the text states must agree with the tables: applications received with table 三 new applications (or new plus carried over), "none received" meaning 0; administrative reviews with the review total of table 四; litigation with the sum of both litigation totals; normative documents issued and in force with table 二. The diagnostic points at the number in the text and carries the table cells.',
    },
    messages: {
      mismatch: {
        'zh-CN': '正文所述数量 {actual}（“{text}”）与{table}“{row}”的“{column}” {expected} 不符。',
        en: 'The text states {actual} ("{text}"), but {table}, row "{row}", column "{column}" gives {expected}.',
      },
      receivedMismatch: {
        'zh-CN': '正文所述数量 {actual}（“{text}”）与{table}“{row}”的“{column}” {expected} 不符（连同上年结转为 {withCarriedOver}）。',
        en: 'The text states {actual} ("{text}"), but {table}, row "{row}", column "{column}" gives {expected} ({withCarriedOver} with those carried over).',
      },
      sumMismatch: {
        'zh-CN': '正文所述数量 {actual}（“{text}”）与{table}中相关各行“{column}”之和 {expected} 不符。',
        en: 'The text states {actual} ("{text}"), but the "{column}" cells of the rows concerned in {table} add up to {expected}.',
      },
      noneStated: {
        'zh-CN': '正文称没有（“{text}”），但{table}“{row}”的“{column}”为 {expected}。',
        en: 'The text says there were none ("{text}"), but {table}, row "{row}", column "{column}" gives {expected}.',
      },
      noneStatedSum: {
        'zh-CN': '正文称没有（“{text}”），但{table}中相关各行“{column}”之和为 {expected}。',
        en: 'The text says there were none ("{text}"), but the "{column}" cells of the rows concerned in {table} add up to {expected}.',
      },
      uncheckable: {
        'zh-CN': '正文所述数量 {actual}（“{text}”）无法与{table}核对：相关单元格没有数字。',
        en: 'The stated {actual} ("{text}") cannot be checked against {table}: the cells concerned hold no number.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '正文称受理 18 件，表三新收 4 件', en: 'The text says 18 received, table 三 shows 4 new' },
          facts: [
            { kind: 'applicationsReceived', value: 18, text: '共受理政府信息公开申请18件' },
            { kind: 'processingFeeCollected', value: false, text: '本年度未收取信息处理费' },
          ],
        },
        {
          summary: { 'zh-CN': '正文称未发生行政复议，表四行政复议 1 件', en: 'The text says no reviews, table 四 shows 1' },
          facts: [{ kind: 'reviewCases', value: 0, text: '未发生行政复议' }],
        },
      ],
      passing: [
        { summary: { 'zh-CN': '正文称受理 4 件，表三新收 4 件', en: 'The text says 4 received, table 三 shows 4 new' } },
        {
          summary: { 'zh-CN': '正文所述受理数含上年结转 2 件（4 + 2 = 6）', en: 'The stated count includes 2 carried over (4 + 2 = 6)' },
          cells: {
            'applications.carriedOver.naturalPerson': 2,
            'applications.carriedOver.total': 2,
            'applications.granted.naturalPerson': 4,
            'applications.granted.total': 4,
            'applications.concludedTotal.naturalPerson': 5,
            'applications.concludedTotal.total': 5,
          },
          facts: [{ kind: 'applicationsReceived', value: 6, text: '共受理政府信息公开申请6件' }],
        },
      ],
    },
  },
  check(report, context) {
    for (const fact of report.facts) {
      if (fact.kind === 'processingFeeCollected') continue;
      const tabled = narrativeCountIn(fact.kind, context.template.version);
      const table = tabled ? tableOf(report, tabled.table) : undefined;
      // No table (table-missing speaks for it), or a format whose tables do not hold this count
      // (the 2019 table 二 counts no documents in force).
      if (!tabled || !table || !context.template.tables[tabled.table]) continue;
      const main = tabled.cells[0] as CellAddress;
      const sum = tabled.cells.length > 1;
      const where = fact.span ? { span: fact.span } : {};
      const expected = sumOf(table, tabled.cells);
      const extra = tabled.alsoWith ? sumOf(table, tabled.alsoWith) : undefined;
      // The cells of the other accepted reading are shown only when they change the figure.
      const shown = [...tabled.cells, ...(extra !== undefined && extra !== 0 ? (tabled.alsoWith ?? []) : [])];
      const related: ProblemRelated[] = shown.map((cell) => relatedCell(table, tabled.table, cell));
      if (expected === undefined) {
        context.report({
          messageId: 'uncheckable',
          severity: 'info',
          args: { actual: fact.value, text: fact.text },
          table: tabled.table,
          ...where,
          related,
        });
        continue;
      }
      const withExtra = extra !== undefined ? expected + extra : undefined;
      if (fact.value === expected || fact.value === withExtra) continue;
      const location: { readonly row?: string; readonly column: string } = sum ? { column: main.column } : { row: main.row, column: main.column };
      let messageId: string;
      if (fact.value === 0) messageId = sum ? 'noneStatedSum' : 'noneStated';
      else if (sum) messageId = 'sumMismatch';
      else messageId = withExtra !== undefined && extra !== 0 ? 'receivedMismatch' : 'mismatch';
      context.report({
        messageId,
        args: {
          column: main.column,
          ...(sum ? {} : { row: main.row }),
          actual: fact.value,
          expected,
          text: fact.text,
          ...(messageId === 'receivedMismatch' && withExtra !== undefined ? { withCarriedOver: withExtra } : {}),
        },
        table: tabled.table,
        ...location,
        expected: String(expected),
        actual: String(fact.value),
        ...where,
        related,
      });
    }
  },
});
