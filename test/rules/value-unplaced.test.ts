import { sampleReport } from '../../src/rules/index.js';
import { valueUnplaced } from '../../src/rules/value-unplaced.js';
import { seed, testRule } from './tester.js';

// Seed 001 with an eighth value in the first row of table 三, and a row of numbers under a label no
// template row has, as a copy-paste slip would leave them.
const planted = seed('001', (text) =>
  text
    .replace('一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 | 6 |')
    .replace('(七)总计 |', '(八)合计 | 3 |\n(七)总计 |'),
);

testRule(valueUnplaced, {
  valid: [
    { name: 'seed 000: every number placed', report: () => seed('000').report },
    { name: 'the sample', report: () => sampleReport() },
  ],
  invalid: [
    {
      name: 'seed 001 with an extra value in a row and a value in an unknown row',
      source: planted.spans.source,
      report: () => {
        const { report, spans } = planted;
        report.unplaced = [
          { text: '6', table: 'applications', row: 'received', reason: 'extra-value', span: spans.numberAfter('一、本年新收政府信息公开申请数量', 7) },
          { text: '3', table: 'applications', reason: 'unknown-row', span: spans.numberAfter('(八)合计', 0) },
        ];
        return report;
      },
      diagnostics: [
        {
          messageId: 'extraValueInRow',
          severity: 'error',
          table: 'applications',
          row: 'received',
          span: { text: '6', line: 28, column: 48 },
          message: {
            'zh-CN': '表三（收到和处理政府信息公开申请情况）“一、本年新收政府信息公开申请数量”一行多出数值“6”，无法对应到任何一列。',
            en: 'Table 三 (Applications received and handled), row "New applications this year": the extra value "6" fits no column.',
          },
        },
        {
          messageId: 'unknownRow',
          severity: 'error',
          table: 'applications',
          span: { text: '3', line: 51, column: 9 },
          message: {
            'zh-CN': '表三（收到和处理政府信息公开申请情况）中的数值“3”所在的行无法识别，未能放入单元格。',
            en: 'In Table 三 (Applications received and handled), the value "3" stands in a row that could not be recognised; it was not placed.',
          },
        },
      ],
    },
    {
      name: 'values whose place is ambiguous, in a known row and not, and one outside any known table',
      report: () => ({
        ...sampleReport(),
        unplaced: [
          { text: '12', table: 'reviews' as const, row: 'review', reason: 'ambiguous' as const },
          { text: '7', table: 'activeDisclosure' as const, reason: 'ambiguous' as const },
          { text: '5', table: 'reviews' as const, reason: 'extra-value' as const },
          { text: '9', reason: 'unknown-row' as const },
        ],
      }),
      diagnostics: [
        {
          messageId: 'ambiguousInRow',
          severity: 'error',
          table: 'reviews',
          row: 'review',
          span: null,
          message: {
            'zh-CN': '表四（政府信息公开行政复议、行政诉讼情况）“行政复议”一行中的数值“12”无法确定属于哪一列。',
            en: 'Table 四 (Administrative reviews and litigation), row "Administrative review": it is unclear which column the value "12" belongs to.',
          },
        },
        {
          messageId: 'ambiguous',
          severity: 'error',
          table: 'activeDisclosure',
          span: null,
          message: {
            'zh-CN': '表二（主动公开政府信息情况）中的数值“7”无法确定属于哪个单元格。',
            en: 'In Table 二 (Active disclosure (Article 20 items)), it is unclear which cell the value "7" belongs to.',
          },
        },
        {
          messageId: 'extraValue',
          severity: 'error',
          table: 'reviews',
          span: null,
          message: {
            'zh-CN': '表四（政府信息公开行政复议、行政诉讼情况）中多出数值“5”，无法放入任何单元格。',
            en: 'Table 四 (Administrative reviews and litigation) has an extra value "5" that fits no cell.',
          },
        },
        {
          messageId: 'outsideTable',
          severity: 'error',
          span: null,
          message: {
            'zh-CN': '表格中的数值“9”未能放入任何单元格。',
            en: 'The value "9" in a table could not be placed in any cell.',
          },
        },
      ],
    },
  ],
});
