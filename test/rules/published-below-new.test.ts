import { normalize, parseReport } from '../../src/index.js';
import { setCell } from '../../src/model/index.js';
import { publishedBelowNew } from '../../src/rules/published-below-new.js';
import { sampleReport } from '../../src/rules/index.js';
import { fixtureText } from '../support/fixtures.js';
import { testRule } from './tester.js';

// Corpus 027 (a 2019-format report): 规范性文件 0 / 0 / 0. Planted: 9 newly published, 5 in total.
const published = fixtureText('corpus/027.txt');
const planted = published.replace('规范性文件 |\n0 |\n0 |\n0 |', '规范性文件 |\n9 |\n9 |\n5 |');

const report2019 = () => {
  const report = sampleReport('2019');
  report.meta.year = { value: 2020 };
  return report;
};

testRule(publishedBelowNew, {
  valid: [
    { name: 'corpus 027 as published', report: () => parseReport(published) },
    {
      name: 'as many in total as newly published',
      report: () => setCell(setCell(report2019(), 'activeDisclosure.rules.newlyPublished', 4), 'activeDisclosure.rules.publishedTotal', 4),
    },
    { name: 'a 2021-format report: its table 二 has no 对外公开总数量', report: () => sampleReport() },
  ],
  invalid: [
    {
      name: 'corpus 027 with 9 newly published and 5 in total',
      source: normalize(planted),
      report: () => parseReport(planted),
      diagnostics: [
        {
          messageId: 'belowNew',
          severity: 'warning',
          table: 'activeDisclosure',
          row: 'normativeDocuments',
          column: 'publishedTotal',
          expected: '≥ 9',
          actual: '5',
          span: { text: '5', line: 16, column: 1 },
          message: {
            'zh-CN': '表二（主动公开政府信息情况）“规范性文件”的“对外公开总数量”为 5，少于本年新公开数量 9。',
            en: 'Table 二 (Active disclosure (Article 20 items)), row "Normative documents": "Published in total" is 5, below the 9 newly published this year.',
          },
          related: [
            { message: '规范性文件 · 对外公开总数量', row: 'normativeDocuments', column: 'publishedTotal', value: '5', span: { text: '5', line: 16, column: 1 } },
            { message: '规范性文件 · 本年新公开数量', row: 'normativeDocuments', column: 'newlyPublished', value: '9', span: { text: '9', line: 15, column: 1 } },
          ],
        },
      ],
    },
  ],
});
