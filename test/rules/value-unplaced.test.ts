import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../src/rules/index.js';
import { checkText } from '../../src/check.js';
import { fixtureText } from '../support/fixtures.js';
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
    {
      name: 'a line of values in the narrative, outside every table (a warning: it may be a table of the report\'s own)',
      report: () => ({
        ...sampleReport(),
        unplaced: [{ text: '10 1 0 0 0', reason: 'extra-value' as const, rest: { count: 5 } }],
      }),
      diagnostics: [
        {
          messageId: 'outsideTableMany',
          severity: 'warning',
          span: null,
          message: {
            'zh-CN': '表格之外有一行只有 5 个数值（自“10 1 0 0 0”起），像是表格的一行，未能放入任何单元格。',
            en: 'A line outside the tables holds nothing but 5 values (from "10 1 0 0 0"), as a table\'s row does; they were not placed in any cell.',
          },
        },
      ],
    },
  ],
});

describe('value-unplaced on digits run together and on runs of lost rows (corpus)', () => {
  const corpusCheck = (id: string) => checkText(fixtureText(`corpus/${id}.txt`)).diagnostics.filter((diagnostic) => diagnostic.ruleId === 'value-unplaced');

  it('004: the rows the sums cut are said once per table (info); 693665 is one warning listing its readings', () => {
    const found = corpusCheck('004');
    expect(found.map((diagnostic) => [diagnostic.messageId, diagnostic.severity, diagnostic.table])).toEqual([
      ['runTogetherReadings', 'warning', 'activeDisclosure'],
      ['valuesInferred', 'info', 'applications'],
      ['valuesInferred', 'info', 'reviews'],
    ]);
    expect(found[0]?.message).toContain('69/3/665');
    expect(found[0]?.row).toBe('normativeDocuments');
  });

  it('005: the narrative decides 8855698 (现行有效698件, 制发88件): no finding left for it', () => {
    expect(corpusCheck('005').filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
  });

  it('027: 63 values under lost row labels are one finding, not 63', () => {
    const found = corpusCheck('027');
    expect(found.map((diagnostic) => [diagnostic.messageId, diagnostic.args.count])).toEqual([['unknownRowMany', '63']]);
    expect(found[0]?.message).toBe('表三（收到和处理政府信息公开申请情况）中有连续 63 个数值（自“0”起）所在的行无法识别（行标签缺失），未能放入单元格。');
  });

  it('a row with fewer values than cells is left to cell-missing: no value-unplaced for its values', () => {
    const text = fixtureText('seeds/001.txt').replace('一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 6 |');
    const diagnostics = checkText(text).diagnostics.filter((diagnostic) => diagnostic.row === 'received' && diagnostic.severity === 'error');
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.messageId])).toEqual([['cell-missing', 'cellsMissingFound']]);
    expect(diagnostics[0]?.message).toBe('表三（收到和处理政府信息公开申请情况）“一、本年新收政府信息公开申请数量”一行只有 6 个数值，少于模板的 7 格，无法确定各数值属于哪一列；缺少“自然人”、“商业企业”、“科研机构”、“社会公益组织”、“法律服务机构”、“其他”、“总计”的数值。');
  });
});
