import { reviewsTotal } from '../../src/rules/reviews-total.js';
import { sampleReport } from '../../src/rules/index.js';
import type { ExpectedRelated } from './tester.js';
import { cell, EXPECTED_TABLE_LABEL, plant, seedValidCases, TABLE4_ZEROS, table4Line, testRule } from './tester.js';

// The cells of the 行政复议 group on the one line of table 四 (seeds 001, 004): total first, then the four results.
const reviewCells = (values: readonly [string, string, string, string, string]): ExpectedRelated[] => [
  cell('review', 'total', values[4], 57, 17),
  cell('review', 'upheld', values[0], 57, 1),
  cell('review', 'corrected', values[1], 57, 5),
  cell('review', 'other', values[2], 57, 9),
  cell('review', 'pending', values[3], 57, 13),
];

const RELATION = { zh: '行政复议总计等于结果维持、结果纠正、其他结果、尚未审结之和', en: 'administrative review total = upheld + corrected + other + pending' };
const TABLE = EXPECTED_TABLE_LABEL.reviews;

const mismatch = (total: number, sum: number) => ({
  'zh-CN': `${TABLE.zh}“行政复议”：“总计”为 ${total}，但各项结果之和为 ${sum}（${RELATION.zh}）。`,
  en: `${TABLE.en}, "Administrative review": "Total" is ${total}, but the results add up to ${sum} (${RELATION.en}).`,
});
const incomplete = (count: number, column: { zh: string; en: string }) => ({
  'zh-CN': `${TABLE.zh}有 ${count} 个单元格为空、缺失或无效（首个：“行政复议”·“${column.zh}”），涉及这些单元格的“${RELATION.zh}”无法核对。`,
  en: `${TABLE.en}: blank, missing or invalid cells: ${count} (first: "Administrative review" · "${column.en}"); "${RELATION.en}" cannot be checked where they occur.`,
});

// Seed 000 (one cell per line): the 1 review still pending is gone, the total still 1.
const pendingGone000 = plant('000', ['|\n0 |\n0 |\n0 |\n1 |\n1 |\n', '|\n0 |\n0 |\n0 |\n0 |\n1 |\n']);
// Seed 001: 1 review upheld, total left at 0.
const upheld001 = plant('001', [TABLE4_ZEROS, table4Line([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]);
// Traditional seed 004: 2 corrected and 1 other result, total 2.
const corrected004 = plant('004', [TABLE4_ZEROS, table4Line([0, 2, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]);
// Seed 001 with "—" for pending reviews.
const blank001 = plant('001', [TABLE4_ZEROS, '\n0 | 0 | 0 | — | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']);
// Seed 001 with 14 numbers for 15 cells: the reader places none of them.
const short001 = plant('001', [TABLE4_ZEROS, table4Line(Array.from({ length: 14 }, () => 0))]);
// Seed 001 with "—" in a litigation group: not this rule's relation.
const litigationBlank001 = plant('001', [TABLE4_ZEROS, '\n0 | 0 | 0 | 0 | 0 | 0 | 0 | — | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']);
// Seed 001: a litigation group out of balance (2 corrected, total 0).
const litigationFault001 = plant('001', [TABLE4_ZEROS, table4Line([0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0])]);
// Seed 001: 2 upheld + 1 pending = 3.
const balanced001 = plant('001', [TABLE4_ZEROS, table4Line([2, 0, 0, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]);

testRule(reviewsTotal, {
  valid: [
    ...seedValidCases(),
    { name: 'seed 001 with 2 upheld, 1 pending, total 3', report: balanced001.report },
    { name: 'seed 001 with "—" in a litigation group (litigation-total speaks)', report: litigationBlank001.report },
    { name: 'seed 001 with a litigation group out of balance (litigation-total speaks)', report: litigationFault001.report },
    { name: 'the balanced sample', report: () => sampleReport() },
  ],
  invalid: [
    {
      name: 'seed 000 (one cell per line): total 1, but nothing pending any more',
      source: pendingGone000.source,
      report: pendingGone000.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'reviews',
          row: 'review',
          column: 'total',
          expected: '0',
          actual: '1',
          span: { text: '1', line: 333, column: 1 },
          message: mismatch(1, 0),
          related: [
            { message: '行政复议 · 总计', ...cell('review', 'total', '1', 333, 1) },
            { message: '行政复议 · 结果维持', ...cell('review', 'upheld', '0', 329, 1) },
            { message: '行政复议 · 结果纠正', ...cell('review', 'corrected', '0', 330, 1) },
            { message: '行政复议 · 其他结果', ...cell('review', 'other', '0', 331, 1) },
            { message: '行政复议 · 尚未审结', ...cell('review', 'pending', '0', 332, 1) },
          ],
        },
      ],
    },
    {
      name: 'seed 001 with 1 review upheld and a total of 0',
      source: upheld001.source,
      report: upheld001.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'reviews',
          row: 'review',
          column: 'total',
          expected: '1',
          actual: '0',
          span: { text: '0', line: 57, column: 17 },
          message: mismatch(0, 1),
          related: reviewCells(['1', '0', '0', '0', '0']),
        },
      ],
    },
    {
      name: 'traditional seed 004 with 2 corrected and 1 other, total 2',
      source: corrected004.source,
      report: corrected004.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'reviews',
          row: 'review',
          column: 'total',
          expected: '3',
          actual: '2',
          span: { text: '2', line: 57, column: 17 },
          message: mismatch(2, 3),
          related: reviewCells(['0', '2', '1', '0', '2']),
        },
      ],
    },
    {
      name: 'seed 001 with "—" for pending reviews: one info, no false mismatch',
      source: blank001.source,
      report: blank001.report,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'reviews',
          span: { text: '—', line: 57, column: 13 },
          message: incomplete(1, { zh: '尚未审结', en: 'Pending' }),
          related: [{ message: '行政复议 · 尚未审结', ...cell('review', 'pending', '—', 57, 13) }],
        },
      ],
    },
    {
      name: 'seed 001 with 14 numbers for 15 cells: the group’s cells absent, one info at the group’s heading',
      source: short001.source,
      report: short001.report,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'reviews',
          span: { text: '行政复议', line: 54, column: 1 },
          message: incomplete(5, { zh: '总计', en: 'Total' }),
          related: ['total', 'upheld', 'corrected', 'other', 'pending'].map((column) => ({ row: 'review', column, span: null })),
        },
      ],
    },
  ],
});
