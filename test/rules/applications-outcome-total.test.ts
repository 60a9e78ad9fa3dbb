import { applicationsOutcomeTotal } from '../../src/rules/applications-outcome-total.js';
import { sampleReport } from '../../src/rules/index.js';
import { cell, EXPECTED_TABLE_LABEL, plant, seedValidCases, testRule } from './tester.js';

const RELATION = { zh: '（七）总计等于各项办理结果之和', en: 'concluded total = sum of every outcome item' };
const TABLE = EXPECTED_TABLE_LABEL.applications;

// Seed 000 (one cell per line): 3 repeated applications instead of 2, in the natural-person and total columns.
const repeated000 = plant('000', ['2.重复申请 |\n2 |\n0 |\n0 |\n0 |\n0 |\n0 |\n2 |', '2.重复申请 |\n3 |\n0 |\n0 |\n0 |\n0 |\n0 |\n3 |']);
// Traditional seed 004: 3 applications "not held" instead of 2.
const notHeld004 = plant('004', ['不掌握相關(guān)政府信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '不掌握相關(guān)政府信息 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |']);
// Seed 001 with "—" for natural persons' repeated applications.
const blank001 = plant('001', ['2.重复申请 | 0 |', '2.重复申请 | — |']);
// Seed 001 with one of the seven values of the repeated-applications row lost: the reader places none of them.
const shortRow001 = plant('001', ['2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 |']);
// Seed 000: one application moved from （二）部分公开 to （一）予以公开 — the outcomes still add up to 16.
const moved000 = plant(
  '000',
  ['(一)予以公开 |\n1 |\n0 |\n0 |\n0 |\n0 |\n0 |\n1 |', '(一)予以公开 |\n2 |\n0 |\n0 |\n0 |\n0 |\n0 |\n2 |'],
  ['不计其他情形) |\n3 |\n0 |\n0 |\n0 |\n0 |\n0 |\n3 |', '不计其他情形) |\n2 |\n0 |\n0 |\n0 |\n0 |\n0 |\n2 |'],
);

// The outcome rows of table 三 in seed 000, one value per line: [row, label, natural persons, line].
const OUTCOMES_000: readonly (readonly [string, string, string, number])[] = [
  ['granted', '（一）予以公开', '1', 96],
  ['partiallyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3', 105],
  ['denied.stateSecret', '（三）不予公开 1.属于国家秘密', '0', 115],
  ['denied.prohibitedByLaw', '（三）不予公开 2.其他法律行政法规禁止公开', '0', 124],
  ['denied.threeSecurities', '（三）不予公开 3.危及“三安全一稳定”', '0', 133],
  ['denied.thirdPartyRights', '（三）不予公开 4.保护第三方合法权益', '0', 142],
  ['denied.internalAffairs', '（三）不予公开 5.属于三类内部事务信息', '0', 151],
  ['denied.processInfo', '（三）不予公开 6.属于四类过程性信息', '0', 160],
  ['denied.enforcementFiles', '（三）不予公开 7.属于行政执法案卷', '1', 169],
  ['denied.queryMatters', '（三）不予公开 8.属于行政查询事项', '0', 178],
  ['unableToProvide.notHeld', '（四）无法提供 1.本机关不掌握相关政府信息', '9', 188],
  ['unableToProvide.needsCreation', '（四）无法提供 2.没有现成信息需要另行制作', '0', 197],
  ['unableToProvide.unclearAfterCorrection', '（四）无法提供 3.补正后申请内容仍不明确', '0', 206],
  ['notProcessed.petition', '（五）不予处理 1.信访举报投诉类申请', '0', 216],
  ['notProcessed.repeated', '（五）不予处理 2.重复申请', '3', 225],
  ['notProcessed.publication', '（五）不予处理 3.要求提供公开出版物', '0', 234],
  ['notProcessed.massRepeated', '（五）不予处理 4.无正当理由大量反复申请', '0', 243],
  ['notProcessed.confirmation', '（五）不予处理 5.要求行政机关确认或重新出具已获取信息', '0', 252],
  ['otherHandling.noCorrection', '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '0', 262],
  ['otherHandling.unpaidFee', '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '0', 271],
  ['otherHandling.other', '（六）其他处理 3.其他', '0', 280],
];

// The outcome rows of table 三 in traditional seed 004, natural persons: [row, value, line, column].
const OUTCOMES_004: readonly (readonly [string, string, number, number])[] = [
  ['granted', '5', 30, 28],
  ['partiallyGranted', '1', 31, 38],
  ['denied.stateSecret', '0', 32, 23],
  ['denied.prohibitedByLaw', '0', 33, 1],
  ['denied.threeSecurities', '0', 34, 21],
  ['denied.thirdPartyRights', '0', 35, 1],
  ['denied.internalAffairs', '0', 36, 25],
  ['denied.processInfo', '0', 37, 1],
  ['denied.enforcementFiles', '0', 38, 19],
  ['denied.queryMatters', '0', 39, 14],
  ['unableToProvide.notHeld', '3', 40, 41],
  ['unableToProvide.needsCreation', '0', 41, 1],
  ['unableToProvide.unclearAfterCorrection', '0', 42, 1],
  ['notProcessed.petition', '0', 43, 12],
  ['notProcessed.repeated', '0', 44, 14],
  ['notProcessed.publication', '0', 45, 15],
  ['notProcessed.massRepeated', '0', 46, 21],
  ['notProcessed.confirmation', '0', 47, 30],
  ['otherHandling.noCorrection', '0', 48, 53],
  ['otherHandling.unpaidFee', '0', 49, 48],
  ['otherHandling.other', '0', 50, 8],
];

const INCOMPLETE_REPEATED = (count: number, column: { zh: string; en: string }) => ({
  'zh-CN': `${TABLE.zh}有 ${count} 个单元格为空、缺失或无效（首个：“（五）不予处理 2.重复申请”·“${column.zh}”），涉及这些单元格的“${RELATION.zh}”无法核对。`,
  en: `${TABLE.en}: blank, missing or invalid cells: ${count} (first: "Not processed: Repeated applications" · "${column.en}"); "${RELATION.en}" cannot be checked where they occur.`,
});

testRule(applicationsOutcomeTotal, {
  valid: [
    ...seedValidCases(),
    { name: 'seed 000 with one application moved between outcome items: still 16', report: moved000.report },
    { name: 'the balanced sample in the 2019 format (（六）其他处理 one row)', report: () => sampleReport('2019') },
  ],
  invalid: [
    {
      name: 'seed 000 (one cell per line) with 3 repeated applications: 16 concluded, outcomes 17',
      source: repeated000.source,
      report: repeated000.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'concludedTotal',
          column: 'naturalPerson',
          expected: '17',
          actual: '16',
          span: { text: '16', line: 289, column: 1 },
          message: {
            'zh-CN': `${TABLE.zh}“自然人”列：“（七）总计”为 16，但各项办理结果之和为 17（${RELATION.zh}）。`,
            en: `${TABLE.en}, column "Natural persons": "Concluded in total" is 16, but the outcome items add up to 17 (${RELATION.en}).`,
          },
          related: [
            { message: '（七）总计 · 自然人', ...cell('concludedTotal', 'naturalPerson', '16', 289, 1) },
            ...OUTCOMES_000.map(([row, label, value, line]) => ({ message: `${label} · 自然人`, ...cell(row, 'naturalPerson', value, line, 1) })),
          ],
        },
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'concludedTotal',
          column: 'total',
          expected: '17',
          actual: '16',
          span: { text: '16', line: 295, column: 1 },
          message: {
            'zh-CN': `${TABLE.zh}“总计”列：“（七）总计”为 16，但各项办理结果之和为 17（${RELATION.zh}）。`,
            en: `${TABLE.en}, column "Total": "Concluded in total" is 16, but the outcome items add up to 17 (${RELATION.en}).`,
          },
          // The total column is six lines below the natural-person column in this layout.
          related: [cell('concludedTotal', 'total', '16', 295, 1), ...OUTCOMES_000.map(([row, , value, line]) => cell(row, 'total', value, line + 6, 1))],
        },
      ],
    },
    {
      name: 'traditional seed 004 with 3 applications not held: 8 concluded, outcomes 9',
      source: notHeld004.source,
      report: notHeld004.report,
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'concludedTotal',
          column: 'naturalPerson',
          expected: '9',
          actual: '8',
          span: { text: '8', line: 51, column: 9 },
          message: {
            'zh-CN': `${TABLE.zh}“自然人”列：“（七）总计”为 8，但各项办理结果之和为 9（${RELATION.zh}）。`,
            en: `${TABLE.en}, column "Natural persons": "Concluded in total" is 8, but the outcome items add up to 9 (${RELATION.en}).`,
          },
          related: [cell('concludedTotal', 'naturalPerson', '8', 51, 9), ...OUTCOMES_004.map(([row, value, line, at]) => cell(row, 'naturalPerson', value, line, at))],
        },
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'concludedTotal',
          column: 'total',
          expected: '10',
          actual: '9',
          span: { text: '9', line: 51, column: 33 },
          message: {
            'zh-CN': `${TABLE.zh}“总计”列：“（七）总计”为 9，但各项办理结果之和为 10（${RELATION.zh}）。`,
            en: `${TABLE.en}, column "Total": "Concluded in total" is 9, but the outcome items add up to 10 (${RELATION.en}).`,
          },
        },
      ],
    },
    {
      name: 'seed 001 with "—" in an outcome row: one info, no false mismatch',
      source: blank001.source,
      report: blank001.report,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'applications',
          span: { text: '—', line: 44, column: 10 },
          message: INCOMPLETE_REPEATED(1, { zh: '自然人', en: 'Natural persons' }),
          related: [{ message: '（五）不予处理 2.重复申请 · 自然人', row: 'notProcessed.repeated', column: 'naturalPerson', value: '—', span: { text: '—', line: 44, column: 10 } }],
        },
      ],
    },
    {
      name: 'seed 001 with a row one value short: its seven cells absent, one info pointing at the row label',
      source: shortRow001.source,
      report: shortRow001.report,
      diagnostics: [
        {
          messageId: 'incomplete',
          severity: 'info',
          table: 'applications',
          span: { text: '2.重复申请', line: 44, column: 1 },
          message: INCOMPLETE_REPEATED(7, { zh: '自然人', en: 'Natural persons' }),
          related: ['naturalPerson', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((column) => ({
            row: 'notProcessed.repeated',
            column,
            span: null,
          })),
        },
      ],
    },
  ],
});
