import type { AnnualReport } from '../../src/model/index.js';
import { applicationsRowTotal } from '../../src/rules/applications-row-total.js';
import { sampleReport } from '../../src/rules/index.js';
import { expectedReport, seedExpectation } from '../support/fixtures.js';
import type { ExpectedRelated } from './tester.js';
import { cell, EXPECTED_TABLE_LABEL, plant, seedValidCases, testRule } from './tester.js';

const APPLICANTS = ['naturalPerson', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;

/** The cells of a row of seed values laid out with a fixed distance between columns: the total first, then the six applicant columns. */
const rowCells = (row: string, values: readonly string[], line: number, first: number, step: number): ExpectedRelated[] => [
  cell(row, 'total', values[6] ?? '', line, first + 6 * step),
  ...APPLICANTS.map((column, index) => cell(row, column, values[index] ?? '', line, first + index * step)),
];

const RELATION = { zh: '总计等于自然人与各类法人或其他组织之和', en: 'row total = sum of the six applicant columns' };
const TABLE = EXPECTED_TABLE_LABEL.applications;
const NATURAL_PERSON = 'Natural persons';

// Seed 003 (tab-separated): 2 natural persons carried over, total left at 0.
const carriedOver003 = plant('003', ['二、上年结转政府信息公开申请数量\t\t0\t0', '二、上年结转政府信息公开申请数量\t\t2\t0']);
// Traditional seed 004, in its row 一 whose label was lost: total 10 for 8 + 1 applicants.
const received004 = plant('004', ['\n8 | 0 | 0 | 0 | 0 | 1 | 9 |', '\n8 | 0 | 0 | 0 | 0 | 1 | 10 |']);
// Seed 001: two rows whose totals disagree with their applicants.
const twoRows001 = plant(
  '001',
  ['(一)予以公开 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '(一)予以公开 | 6 | 0 | 0 | 0 | 0 | 0 | 5 |'],
  ['(七)总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '(七)总计 | 6 | 0 | 0 | 0 | 0 | 0 | 7 |'],
);
// Seed 001 with "/" and "无" in the row （七）总计.
const blanks001 = plant('001', ['(七)总计 | 6 | 0 | 0 |', '(七)总计 | / | 0 | 无 |']);
// Seed 001 with a fractional count, kept by the reader as an invalid cell.
const invalid001 = plant('001', ['一、本年新收政府信息公开申请数量 | 6 |', '一、本年新收政府信息公开申请数量 | 6.5 |']);
// Seed 001: one applicant moved from natural persons to businesses — the total still 6.
const moved001 = plant('001', ['一、本年新收政府信息公开申请数量 | 6 | 0 |', '一、本年新收政府信息公开申请数量 | 5 | 1 |']);

/** Seed 003's ground truth without the total of row 四. */
function withoutCarriedForwardTotal(): AnnualReport {
  const report = expectedReport(seedExpectation('003'));
  delete (report.tables.applications?.rows.carriedForward?.cells as Record<string, unknown>)['total'];
  return report;
}

const incomplete = (count: number, row: { zh: string; en: string }, column: { zh: string; en: string }) => ({
  'zh-CN': `${TABLE.zh}有 ${count} 个单元格为空、缺失或无效（首个：“${row.zh}”·“${column.zh}”），涉及这些单元格的“${RELATION.zh}”无法核对。`,
  en: `${TABLE.en}: blank, missing or invalid cells: ${count} (first: "${row.en}" · "${column.en}"); "${RELATION.en}" cannot be checked where they occur.`,
});

testRule(applicationsRowTotal, {
  valid: [
    ...seedValidCases(),
    { name: 'seed 001 with one applicant moved between columns: 5 + 1 = 6', report: moved001.report },
    { name: 'the balanced sample in the 2019 format', report: () => sampleReport('2019') },
  ],
  invalid: [
    {
      name: 'seed 003 (tabs) with 2 natural persons carried over and a total of 0',
      source: carriedOver003.source,
      report: carriedOver003.report,
      diagnostics: [
        {
          messageId: 'mismatch-suggested',
          severity: 'error',
          table: 'applications',
          row: 'carriedOver',
          column: 'total',
          expected: '2',
          actual: '0',
          span: { text: '0', line: 42, column: 31 },
          message: {
            // The planted 2 is the one cell that explains both broken relations (this row and the natural-person column).
            'zh-CN': `${TABLE.zh}“二、上年结转政府信息公开申请数量”行：“总计”为 0，但各类申请人之和为 2（${RELATION.zh}）。若“二、上年结转政府信息公开申请数量”·“自然人”为 0（现为 2），则所有勾稽关系成立。`,
            en: `${TABLE.en}, row "Carried over from last year": "Total" is 0, but the applicant columns add up to 2 (${RELATION.en}). If "Carried over from last year" · "${NATURAL_PERSON}" were 0 (it is 2), every relation of the table would hold.`,
          },
          related: rowCells('carriedOver', ['2', '0', '0', '0', '0', '0', '0'], 42, 19, 2),
        },
      ],
    },
    {
      name: 'traditional seed 004, in the row whose label was lost: total 10 for 8 + 1',
      source: received004.source,
      report: received004.report,
      diagnostics: [
        {
          messageId: 'mismatch-suggested',
          severity: 'error',
          table: 'applications',
          row: 'received',
          column: 'total',
          expected: '9',
          actual: '10',
          span: { text: '10', line: 28, column: 25 },
          message: {
            'zh-CN': `${TABLE.zh}“一、本年新收政府信息公开申请数量”行：“总计”为 10，但各类申请人之和为 9（${RELATION.zh}）。若“一、本年新收政府信息公开申请数量”·“总计”为 9（现为 10），则所有勾稽关系成立。`,
            en: `${TABLE.en}, row "New applications this year": "Total" is 10, but the applicant columns add up to 9 (${RELATION.en}). If "New applications this year" · "Total" were 9 (it is 10), every relation of the table would hold.`,
          },
          related: rowCells('received', ['8', '0', '0', '0', '0', '1', '10'], 28, 1, 4),
        },
      ],
    },
    {
      name: 'seed 001 with wrong totals in two rows: each row judged, in table order',
      source: twoRows001.source,
      report: twoRows001.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'granted',
          column: 'total',
          expected: '6',
          actual: '5',
          span: { text: '5', line: 30, column: 47 },
          message: {
            'zh-CN': `${TABLE.zh}“（一）予以公开”行：“总计”为 5，但各类申请人之和为 6（${RELATION.zh}）。`,
            en: `${TABLE.en}, row "Disclosed": "Total" is 5, but the applicant columns add up to 6 (${RELATION.en}).`,
          },
          related: rowCells('granted', ['6', '0', '0', '0', '0', '0', '5'], 30, 23, 4),
        },
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'concludedTotal',
          column: 'total',
          expected: '6',
          actual: '7',
          span: { text: '7', line: 51, column: 33 },
          message: {
            'zh-CN': `${TABLE.zh}“（七）总计”行：“总计”为 7，但各类申请人之和为 6（${RELATION.zh}）。`,
            en: `${TABLE.en}, row "Concluded in total": "Total" is 7, but the applicant columns add up to 6 (${RELATION.en}).`,
          },
          related: rowCells('concludedTotal', ['6', '0', '0', '0', '0', '0', '7'], 51, 9, 4),
        },
      ],
    },
    {
      name: 'seed 001 with "/" and "无" in one row: one info naming both, no false mismatch',
      source: blanks001.source,
      report: blanks001.report,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'applications',
          span: { text: '/', line: 51, column: 9 },
          message: incomplete(2, { zh: '（七）总计', en: 'Concluded in total' }, { zh: '自然人', en: 'Natural persons' }),
          related: [
            { message: '（七）总计 · 自然人', ...cell('concludedTotal', 'naturalPerson', '/', 51, 9) },
            { message: '（七）总计 · 科研机构', ...cell('concludedTotal', 'research', '无', 51, 17) },
          ],
        },
      ],
    },
    {
      name: 'seed 001 with "6.5" as a count: not added up (count-invalid speaks), one info',
      source: invalid001.source,
      report: invalid001.report,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'applications',
          span: { text: '6.5', line: 28, column: 20 },
          message: incomplete(1, { zh: '一、本年新收政府信息公开申请数量', en: 'New applications this year' }, { zh: '自然人', en: 'Natural persons' }),
          related: [cell('received', 'naturalPerson', '6.5', 28, 20)],
        },
      ],
    },
    {
      name: 'seed 003 without the total of row 四: one info, no span to give',
      report: withoutCarriedForwardTotal,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'applications',
          span: null,
          message: incomplete(1, { zh: '四、结转下年度继续办理', en: 'Carried forward to next year' }, { zh: '总计', en: 'Total' }),
          related: [{ row: 'carriedForward', column: 'total', span: null }],
        },
      ],
    },
  ],
});
