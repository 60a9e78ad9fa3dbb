import type { UnplacedValue } from '../model/index.js';
import { defineRule } from './rule.js';

/** The message for an unplaced value: by its reason, and by how much of its place is known. */
function messageIdOf(value: UnplacedValue): string {
  if (value.table === undefined) return 'outsideTable';
  if (value.reason === 'unknown-row') return 'unknownRow';
  const inRow = value.row !== undefined ? 'InRow' : '';
  return value.reason === 'extra-value' ? `extraValue${inRow}` : `ambiguous${inRow}`;
}

/** Every number inside a table region that the reader could not place in a cell is reported. */
export const valueUnplaced = defineRule({
  meta: {
    id: 'value-unplaced',
    category: 'cells',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '表格中的每个数字都须放入模板的某个单元格。读取时无法放入的数字（一行中多出的数值、无法识别的行中的数值、位置不明确的数值）逐个报告，绝不悄悄丢弃。',
      en: 'Every number in a table must go into a cell of the template. A number the reader could not place (an extra value in a row, a value in a row it could not recognise, a value whose place is ambiguous) is reported, never silently dropped.',
    },
    messages: {
      extraValueInRow: {
        'zh-CN': '{table}“{row}”一行多出数值“{text}”，无法对应到任何一列。',
        en: '{table}, row "{row}": the extra value "{text}" fits no column.',
      },
      extraValue: {
        'zh-CN': '{table}中多出数值“{text}”，无法放入任何单元格。',
        en: '{table} has an extra value "{text}" that fits no cell.',
      },
      unknownRow: {
        'zh-CN': '{table}中的数值“{text}”所在的行无法识别，未能放入单元格。',
        en: 'In {table}, the value "{text}" stands in a row that could not be recognised; it was not placed.',
      },
      ambiguousInRow: {
        'zh-CN': '{table}“{row}”一行中的数值“{text}”无法确定属于哪一列。',
        en: '{table}, row "{row}": it is unclear which column the value "{text}" belongs to.',
      },
      ambiguous: {
        'zh-CN': '{table}中的数值“{text}”无法确定属于哪个单元格。',
        en: 'In {table}, it is unclear which cell the value "{text}" belongs to.',
      },
      outsideTable: {
        'zh-CN': '表格中的数值“{text}”未能放入任何单元格。',
        en: 'The value "{text}" in a table could not be placed in any cell.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '表三首行多出第 8 个数值', en: 'Table 三: an 8th value in the first row' },
          unplaced: [{ text: '4', table: 'applications', row: 'received', reason: 'extra-value' }],
        },
      ],
      passing: [{ summary: { 'zh-CN': '所有数字都已放入单元格', en: 'Every number placed' } }],
    },
  },
  check(report, context) {
    for (const value of report.unplaced) {
      const row = value.table !== undefined && value.reason !== 'unknown-row' ? value.row : undefined;
      context.report({
        messageId: messageIdOf(value),
        args: { text: value.text, ...(row !== undefined ? { row } : {}) },
        ...(value.table !== undefined ? { table: value.table } : {}),
        ...(row !== undefined ? { row } : {}),
        ...(value.span ? { span: value.span } : {}),
      });
    }
  },
});
