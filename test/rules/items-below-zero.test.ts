import { normalize, parseReport } from '../../src/index.js';
import { setCell } from '../../src/model/index.js';
import type { AnyTable, Cell } from '../../src/model/index.js';
import { itemsBelowZero } from '../../src/rules/items-below-zero.js';
import { sampleReport } from '../../src/rules/index.js';
import { fixtureText } from '../support/fixtures.js';
import { testRule } from './tester.js';

// Corpus 027 (a 2019-format report): 行政许可 6 items last year, "减4" this year. Planted: "减7".
const published = fixtureText('corpus/027.txt');
const planted = published.replace('行政许可 |\n6 |\n减4 |', '行政许可 |\n6 |\n减7 |');

const report2019 = () => {
  const report = sampleReport('2019');
  report.meta.year = { value: 2020 };
  return report;
};

testRule(itemsBelowZero, {
  valid: [
    { name: 'corpus 027: 6 items last year, "减4" (−4) this year', report: () => parseReport(published) },
    { name: 'a decrease to exactly none', report: () => setCell(setCell(report2019(), 'activeDisclosure.licensing.previousItems', 3), 'activeDisclosure.licensing.change', -3) },
    {
      name: 'a blank change is not weighed (blank-cell speaks)',
      report: () => {
        const report = setCell(report2019(), 'activeDisclosure.penalties.previousItems', 2);
        ((report.tables.activeDisclosure as AnyTable).rows.penalties as { cells: Record<string, Cell> }).cells.change = { kind: 'blank', text: '/' };
        return report;
      },
    },
    { name: 'a 2021-format report: its table 二 has no 本年增/减', report: () => sampleReport() },
  ],
  invalid: [
    {
      name: 'corpus 027 with "减7" where there were 6 items last year',
      source: normalize(planted),
      report: () => parseReport(planted),
      diagnostics: [
        {
          messageId: 'belowZero',
          severity: 'error',
          table: 'activeDisclosure',
          row: 'licensing',
          column: 'change',
          expected: '≥ -6',
          actual: '-7',
          span: { text: '减7', line: 24, column: 1 },
          message: {
            'zh-CN': '表二（主动公开政府信息情况）“行政许可”的“本年增/减”为 -7，而上一年项目数量只有 6：本年项目数量将为 -1，不可能小于 0。',
            en: 'Table 二 (Active disclosure (Article 20 items)), row "Administrative licensing": "Change this year" is -7 but there were only 6 items last year, which leaves -1; a number of items cannot be below zero.',
          },
          related: [
            { message: '行政许可 · 本年增/减', row: 'licensing', column: 'change', value: '-7', span: { text: '减7', line: 24, column: 1 } },
            { message: '行政许可 · 上一年项目数量', row: 'licensing', column: 'previousItems', value: '6', span: { text: '6', line: 23, column: 1 } },
          ],
        },
      ],
    },
    {
      name: 'other services: 0 items last year, −2 this year (a built report)',
      report: () => setCell(report2019(), 'activeDisclosure.otherServices.change', -2),
      diagnostics: [
        {
          messageId: 'belowZero',
          severity: 'error',
          table: 'activeDisclosure',
          row: 'otherServices',
          column: 'change',
          expected: '≥ 0',
          actual: '-2',
          span: null,
          message: {
            'zh-CN': '表二（主动公开政府信息情况）“其他对外管理服务事项”的“本年增/减”为 -2，而上一年项目数量只有 0：本年项目数量将为 -2，不可能小于 0。',
            en: 'Table 二 (Active disclosure (Article 20 items)), row "Other external administrative services": "Change this year" is -2 but there were only 0 items last year, which leaves -2; a number of items cannot be below zero.',
          },
        },
      ],
    },
  ],
});
