import { litigationTotal } from '../../src/rules/litigation-total.js';
import { sampleReport } from '../../src/rules/index.js';
import type { ExpectedRelated } from './tester.js';
import { cell, EXPECTED_TABLE_LABEL, plant, seedValidCases, TABLE4_ZEROS, table4Line, testRule } from './tester.js';

const RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;

/** A litigation group's cells on the one line of table 四 (seeds 001, 004): total first, then the four results; `first` is upheld's column. */
const groupCells = (row: string, values: readonly string[], first: number): ExpectedRelated[] => [
  cell(row, 'total', values[4] ?? '', 57, first + 16),
  ...RESULTS.map((column, index) => cell(row, column, values[index] ?? '', 57, first + 4 * index)),
];

const RELATION = { zh: '行政诉讼各组总计等于结果维持、结果纠正、其他结果、尚未审结之和', en: 'litigation total = upheld + corrected + other + pending, in each group' };
const TABLE = EXPECTED_TABLE_LABEL.reviews;
const DIRECT = { zh: '行政诉讼 未经复议直接起诉', en: 'Administrative litigation: Litigation without prior review' };
const AFTER_REVIEW = { zh: '行政诉讼 复议后起诉', en: 'Administrative litigation: Litigation after review' };

const mismatch = (group: { zh: string; en: string }, total: number, sum: number) => ({
  'zh-CN': `${TABLE.zh}“${group.zh}”：“总计”为 ${total}，但各项结果之和为 ${sum}（${RELATION.zh}）。`,
  en: `${TABLE.en}, "${group.en}": "Total" is ${total}, but the results add up to ${sum} (${RELATION.en}).`,
});
const incomplete = (count: number, group: { zh: string; en: string }, column: { zh: string; en: string }) => ({
  'zh-CN': `${TABLE.zh}有 ${count} 个单元格为空、缺失或无效（首个：“${group.zh}”·“${column.zh}”），涉及这些单元格的“${RELATION.zh}”无法核对。`,
  en: `${TABLE.en}: blank, missing or invalid cells: ${count} (first: "${group.en}" · "${column.en}"); "${RELATION.en}" cannot be checked where they occur.`,
});

// Seed 001: 2 corrected in direct litigation and 3 pending after review, both totals left at 0.
const bothGroups001 = plant('001', [TABLE4_ZEROS, table4Line([0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 3, 0])]);
// Traditional seed 004: 2 upheld after review, total 0.
const afterReview004 = plant('004', [TABLE4_ZEROS, table4Line([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0])]);
// Seed 000 (one cell per line): a direct-litigation total of 1 with no result — the last ten lines of table 四.
const TAIL_000 = '1 |\n1 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n五、';
const direct000 = plant('000', [TAIL_000, '1 |\n1 |\n0 |\n0 |\n0 |\n0 |\n1 |\n0 |\n0 |\n0 |\n0 |\n0 |\n五、']);
// Seed 001 with "—" for another result after review.
const blank001 = plant('001', [TABLE4_ZEROS, table4Line([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '—', 0, 0])]);
// Seed 001 with 14 numbers for 15 cells: the reader places none of them.
const short001 = plant('001', [TABLE4_ZEROS, table4Line(Array.from({ length: 14 }, () => 0))]);
// Seed 001 with "—" for pending reviews: not this rule's relation.
const reviewBlank001 = plant('001', [TABLE4_ZEROS, table4Line([0, 0, 0, '—', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]);
// Seed 001 with the review group out of balance: not this rule's relation.
const reviewFault001 = plant('001', [TABLE4_ZEROS, table4Line([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]);
// Seed 001 with both groups in balance: 1 + 1 = 2 direct, 3 pending = 3 after review.
const balanced001 = plant('001', [TABLE4_ZEROS, table4Line([0, 0, 0, 0, 0, 1, 1, 0, 0, 2, 0, 0, 0, 3, 3])]);

testRule(litigationTotal, {
  valid: [
    ...seedValidCases(),
    { name: 'seed 001 with both groups in balance, neither zero', report: balanced001.report },
    { name: 'seed 001 with "—" in the review group (reviews-total speaks)', report: reviewBlank001.report },
    { name: 'seed 001 with the review group out of balance (reviews-total speaks)', report: reviewFault001.report },
    { name: 'the balanced sample', report: () => sampleReport() },
  ],
  invalid: [
    {
      name: 'seed 001 with a fault in each group: direct first, then after review',
      source: bothGroups001.source,
      report: bothGroups001.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'reviews',
          row: 'litigationDirect',
          column: 'total',
          expected: '2',
          actual: '0',
          span: { text: '0', line: 57, column: 37 },
          message: mismatch(DIRECT, 0, 2),
          related: [
            { message: '行政诉讼 未经复议直接起诉 · 总计', ...cell('litigationDirect', 'total', '0', 57, 37) },
            { message: '行政诉讼 未经复议直接起诉 · 结果维持', ...cell('litigationDirect', 'upheld', '0', 57, 21) },
            { message: '行政诉讼 未经复议直接起诉 · 结果纠正', ...cell('litigationDirect', 'corrected', '2', 57, 25) },
            { message: '行政诉讼 未经复议直接起诉 · 其他结果', ...cell('litigationDirect', 'other', '0', 57, 29) },
            { message: '行政诉讼 未经复议直接起诉 · 尚未审结', ...cell('litigationDirect', 'pending', '0', 57, 33) },
          ],
        },
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'reviews',
          row: 'litigationAfterReview',
          column: 'total',
          expected: '3',
          actual: '0',
          span: { text: '0', line: 57, column: 57 },
          message: mismatch(AFTER_REVIEW, 0, 3),
          related: groupCells('litigationAfterReview', ['0', '0', '0', '3', '0'], 41),
        },
      ],
    },
    {
      name: 'traditional seed 004 with 2 upheld after review and a total of 0',
      source: afterReview004.source,
      report: afterReview004.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'reviews',
          row: 'litigationAfterReview',
          column: 'total',
          expected: '2',
          actual: '0',
          span: { text: '0', line: 57, column: 57 },
          message: mismatch(AFTER_REVIEW, 0, 2),
          related: groupCells('litigationAfterReview', ['2', '0', '0', '0', '0'], 41),
        },
      ],
    },
    {
      name: 'seed 000 (one cell per line) with a direct-litigation total of 1 and no result',
      source: direct000.source,
      report: direct000.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'reviews',
          row: 'litigationDirect',
          column: 'total',
          expected: '0',
          actual: '1',
          span: { text: '1', line: 338, column: 1 },
          message: mismatch(DIRECT, 1, 0),
          related: [
            cell('litigationDirect', 'total', '1', 338, 1),
            ...RESULTS.map((column, index) => cell('litigationDirect', column, '0', 334 + index, 1)),
          ],
        },
      ],
    },
    {
      name: 'seed 001 with "—" after review: one info, no false mismatch',
      source: blank001.source,
      report: blank001.report,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'reviews',
          span: { text: '—', line: 57, column: 49 },
          message: incomplete(1, AFTER_REVIEW, { zh: '其他结果', en: 'Other result' }),
          related: [{ message: '行政诉讼 复议后起诉 · 其他结果', ...cell('litigationAfterReview', 'other', '—', 57, 49) }],
        },
      ],
    },
    {
      name: 'seed 001 with 14 numbers for 15 cells: both groups’ cells absent, one info',
      source: short001.source,
      report: short001.report,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'reviews',
          span: { text: '未经复议直接起诉', line: 55, column: 28 },
          message: incomplete(10, DIRECT, { zh: '总计', en: 'Total' }),
          related: ['litigationDirect', 'litigationAfterReview'].flatMap((row) => ['total', ...RESULTS].map((column) => ({ row, column, span: null }))),
        },
      ],
    },
  ],
});
