import { defineRule } from './rule.js';
import { tablesShownAsImages } from './support/figures.js';

/**
 * A text that stops before the report's end (an excerpt, a page cut off) gets this one finding,
 * saying where it stops; what the text never reached (later sections, tables, rows) is not
 * reported one by one (checkReport leaves those findings out). A table whose section holds an
 * image may be that image: the text is not said to stop before it, only in its section.
 */
export const reportTruncated = defineRule({
  meta: {
    id: 'report-truncated',
    category: 'structure',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '文本在报告结束之前中断（没有到达“六、其他需要报告的事项”，也没有落款日期）：报告一次，指出中断之处（所在部分、表格和行）；中断处之后的部分、表格和单元格不再逐个报告。',
      en: 'The text stops before the report ends (it never reaches section 六 and has no closing date): reported once, saying where it stops (section, table, row); the sections, tables and cells after that point are not reported one by one.',
    },
    messages: {
      inSection: {
        'zh-CN': '文本在“{section}”部分中断，报告不完整；之后的内容未检查。',
        en: 'The text stops in {section}; the report is incomplete and what follows was not checked.',
      },
      beforeTable: {
        'zh-CN': '文本在“{section}”部分、{table}之前中断，报告不完整；之后的内容未检查。',
        en: 'The text stops in {section}, before {table}; the report is incomplete and what follows was not checked.',
      },
      inTable: {
        'zh-CN': '文本在{table}“{row}”一行处中断，报告不完整；之后的行和部分未检查。',
        en: 'The text stops in {table} at row "{row}"; the report is incomplete and the rows and sections after it were not checked.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '一段摘录，停在第二部分', en: 'An excerpt that stops in section 二' },
          text: '2024年度某县人民政府政府信息公开工作年度报告\n一、总体情况\n本年度，我县持续推进政务公开。\n二、主动公开政府信息情况\n第二十条第（一）项',
        },
      ],
      passing: [{ summary: { 'zh-CN': '到达第六部分的完整报告', en: 'A whole report, up to section 六' } }],
    },
  },
  check(report, context) {
    const completeness = report.completeness;
    if (completeness?.verdict !== 'truncated') return;
    const span = completeness.span ? { span: completeness.span } : {};
    const section = completeness.section;
    if (completeness.table !== undefined && completeness.row !== undefined) {
      context.report({ messageId: 'inTable', args: { row: completeness.row }, table: completeness.table, row: completeness.row, ...span });
    } else if (completeness.table !== undefined && section !== undefined && !report.tables[completeness.table] && !tablesShownAsImages(report, context.template).has(completeness.table)) {
      context.report({ messageId: 'beforeTable', args: { section }, table: completeness.table, ...span });
    } else if (section !== undefined) {
      context.report({ messageId: 'inSection', args: { section }, ...span });
    }
  },
});
