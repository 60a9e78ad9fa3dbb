import type { AnnualReport } from '../../src/model/index.js';
import { applicationsBalance } from '../../src/rules/applications-balance.js';
import { sampleReport } from '../../src/rules/index.js';
import { expectedReport, seedExpectation } from '../support/fixtures.js';
import { cell, EXPECTED_TABLE_LABEL, plant, seedValidCases, testRule } from './tester.js';

const RELATION = { zh: '第一项加第二项之和，等于第三项（七）总计加第四项之和', en: 'new applications + carried over = concluded total + carried forward' };
const TABLE = EXPECTED_TABLE_LABEL.applications;

// Seed 001: 2 applications carried over from last year, but none more concluded nor carried forward.
const carriedOver001 = plant('001', ['二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |']);
// Traditional seed 004 (its row 一 lost its label): 1 application carried forward that was never received.
const carriedForward004 = plant('004', ['繼續(xù)辦理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '繼續(xù)辦理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |']);
// Seed 003 (tab-separated): row 四 carries 1 forward for natural persons, and "—" for businesses.
const blankAndFault003 = plant('003', ['四、结转下年度继续办理\t\t0\t0\t', '四、结转下年度继续办理\t\t1\t—\t']);
// Seed 001 with "—" where row 四 holds natural persons' carried-forward count.
const blank001 = plant('001', ['四、结转下年度继续办理 | 0 |', '四、结转下年度继续办理 | — |']);
// Seed 001: the same application carried over and carried forward still balances.
const carriedThrough001 = plant(
  '001',
  ['二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |'],
  ['四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |'],
);

/** Seed 000's ground truth without the cell of row 一 for natural persons. */
function withoutReceivedNaturalPerson(): AnnualReport {
  const report = expectedReport(seedExpectation('000'));
  delete (report.tables.applications?.rows.received?.cells as Record<string, unknown>)['naturalPerson'];
  return report;
}

testRule(applicationsBalance, {
  valid: [
    ...seedValidCases(),
    { name: 'seed 001 with 1 carried over and 1 carried forward: 6 + 1 = 6 + 1', report: carriedThrough001.report },
    { name: 'the balanced sample in the 2019 format', report: () => sampleReport('2019') },
  ],
  invalid: [
    {
      name: 'seed 001 with 2 carried over and nothing more concluded: the natural-person and total columns',
      source: carriedOver001.source,
      report: carriedOver001.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'received',
          column: 'naturalPerson',
          expected: '6',
          actual: '8',
          span: { text: '6', line: 28, column: 20 },
          message: {
            'zh-CN': `${TABLE.zh}“自然人”列不符合勾稽关系（${RELATION.zh}）：前者为 8，后者为 6。`,
            en: `${TABLE.en}, column "Natural persons" does not balance (${RELATION.en}): the left side is 8, the right side 6.`,
          },
          related: [
            { message: '一、本年新收政府信息公开申请数量 · 自然人', ...cell('received', 'naturalPerson', '6', 28, 20) },
            { message: '二、上年结转政府信息公开申请数量 · 自然人', ...cell('carriedOver', 'naturalPerson', '2', 29, 20) },
            { message: '（七）总计 · 自然人', ...cell('concludedTotal', 'naturalPerson', '6', 51, 9) },
            { message: '四、结转下年度继续办理 · 自然人', ...cell('carriedForward', 'naturalPerson', '0', 52, 15) },
          ],
        },
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'received',
          column: 'total',
          expected: '6',
          actual: '8',
          span: { text: '6', line: 28, column: 44 },
          message: {
            'zh-CN': `${TABLE.zh}“总计”列不符合勾稽关系（${RELATION.zh}）：前者为 8，后者为 6。`,
            en: `${TABLE.en}, column "Total" does not balance (${RELATION.en}): the left side is 8, the right side 6.`,
          },
          related: [
            cell('received', 'total', '6', 28, 44),
            cell('carriedOver', 'total', '2', 29, 44),
            cell('concludedTotal', 'total', '6', 51, 33),
            cell('carriedForward', 'total', '0', 52, 39),
          ],
        },
      ],
    },
    {
      name: 'traditional seed 004 with 1 carried forward that was never received',
      source: carriedForward004.source,
      report: carriedForward004.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'received',
          column: 'naturalPerson',
          expected: '9',
          actual: '8',
          span: { text: '8', line: 28, column: 1 },
          message: {
            'zh-CN': `${TABLE.zh}“自然人”列不符合勾稽关系（${RELATION.zh}）：前者为 8，后者为 9。`,
            en: `${TABLE.en}, column "Natural persons" does not balance (${RELATION.en}): the left side is 8, the right side 9.`,
          },
          related: [
            cell('received', 'naturalPerson', '8', 28, 1),
            cell('carriedOver', 'naturalPerson', '0', 29, 38),
            cell('concludedTotal', 'naturalPerson', '8', 51, 9),
            cell('carriedForward', 'naturalPerson', '1', 52, 32),
          ],
        },
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'received',
          column: 'total',
          expected: '10',
          actual: '9',
          span: { text: '9', line: 28, column: 25 },
          message: {
            'zh-CN': `${TABLE.zh}“总计”列不符合勾稽关系（${RELATION.zh}）：前者为 9，后者为 10。`,
            en: `${TABLE.en}, column "Total" does not balance (${RELATION.en}): the left side is 9, the right side 10.`,
          },
          related: [
            cell('received', 'total', '9', 28, 25),
            cell('carriedOver', 'total', '0', 29, 62),
            cell('concludedTotal', 'total', '9', 51, 33),
            cell('carriedForward', 'total', '1', 52, 56),
          ],
        },
      ],
    },
    {
      name: 'seed 001 with "—" in row 四: one info, no false imbalance',
      source: blank001.source,
      report: blank001.report,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'applications',
          span: { text: '—', line: 52, column: 15 },
          message: {
            'zh-CN': `${TABLE.zh}有 1 个单元格为空、缺失或无效（首个：“四、结转下年度继续办理”·“自然人”），涉及这些单元格的“${RELATION.zh}”无法核对。`,
            en: `${TABLE.en}: blank, missing or invalid cells: 1 (first: "Carried forward to next year" · "Natural persons"); "${RELATION.en}" cannot be checked where they occur.`,
          },
          related: [{ message: '四、结转下年度继续办理 · 自然人', row: 'carriedForward', column: 'naturalPerson', value: '—', span: { text: '—', line: 52, column: 15 } }],
        },
      ],
    },
    {
      name: 'seed 003 (tabs) with a fault in one column and "—" in the next: the fault, then the info',
      source: blankAndFault003.source,
      report: blankAndFault003.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'received',
          column: 'naturalPerson',
          expected: '1',
          actual: '0',
          span: { text: '0', line: 41, column: 19 },
          message: {
            'zh-CN': `${TABLE.zh}“自然人”列不符合勾稽关系（${RELATION.zh}）：前者为 0，后者为 1。`,
            en: `${TABLE.en}, column "Natural persons" does not balance (${RELATION.en}): the left side is 0, the right side 1.`,
          },
          related: [
            cell('received', 'naturalPerson', '0', 41, 19),
            cell('carriedOver', 'naturalPerson', '0', 42, 19),
            cell('concludedTotal', 'naturalPerson', '0', 64, 9),
            cell('carriedForward', 'naturalPerson', '1', 65, 14),
          ],
        },
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'applications',
          span: { text: '—', line: 65, column: 16 },
          message: {
            'zh-CN': `${TABLE.zh}有 1 个单元格为空、缺失或无效（首个：“四、结转下年度继续办理”·“商业企业”），涉及这些单元格的“${RELATION.zh}”无法核对。`,
            en: `${TABLE.en}: blank, missing or invalid cells: 1 (first: "Carried forward to next year" · "Businesses"); "${RELATION.en}" cannot be checked where they occur.`,
          },
          related: [cell('carriedForward', 'business', '—', 65, 16)],
        },
      ],
    },
    {
      name: 'seed 000 without the natural-person cell of row 一: one info, not a false 0 + 0 ≠ 17',
      report: withoutReceivedNaturalPerson,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'applications',
          span: null,
          message: {
            'zh-CN': `${TABLE.zh}有 1 个单元格为空、缺失或无效（首个：“一、本年新收政府信息公开申请数量”·“自然人”），涉及这些单元格的“${RELATION.zh}”无法核对。`,
            en: `${TABLE.en}: blank, missing or invalid cells: 1 (first: "New applications this year" · "Natural persons"); "${RELATION.en}" cannot be checked where they occur.`,
          },
          related: [{ row: 'received', column: 'naturalPerson', span: null }],
        },
      ],
    },
  ],
});
