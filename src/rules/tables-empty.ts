import { defineRule } from './rule.js';
import { tablesEmpty } from './support/document.js';

/** Statistics tables with not one value filled in (a template published as it came) are one error. */
export const tablesEmptyRule = defineRule({
  meta: {
    id: 'tables-empty',
    category: 'cells',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '统计表须填写数值：报告有模板的全部统计表，却没有任何一格填有数值（照抄空白模板），报告一次，不再逐行报告缺少或空白的单元格，也不再逐项提示无法核对的勾稽关系。',
      en: 'The statistics tables must be filled in: a report with every table of its template and not one value in any of them (a blank template) is reported once, instead of every row as missing or blank and every sum as not checkable.',
    },
    messages: {
      empty: {
        'zh-CN': '统计表均为空白：模板的每个表都在，却没有任何一格填有数值（照抄了空白模板）。',
        en: 'The statistics tables are all blank: every table of the template is there, with not one value filled in (a blank template).',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '表二、表三、表四均未填写', en: 'Tables 二, 三 and 四 left blank' },
          blankTables: true,
        },
      ],
      passing: [{ summary: { 'zh-CN': '填写了数值的统计表', en: 'Tables filled in' } }],
    },
  },
  check(report, context) {
    if (!tablesEmpty(report, context.template)) return;
    // The first table's place is where the finding points.
    const first = Object.values(report.tables).find((table) => table?.span)?.span;
    context.report({ messageId: 'empty', ...(first ? { span: first } : {}) });
  },
});
