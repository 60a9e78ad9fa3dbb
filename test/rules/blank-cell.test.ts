import type { AnyTable, Cell } from '../../src/model/index.js';
import type { AnnualReport } from '../../src/model/index.js';
import { blankCell } from '../../src/rules/blank-cell.js';
import { sampleReport } from '../../src/rules/index.js';
import { seed, testRule } from './tester.js';

const put = (report: AnnualReport, table: keyof AnnualReport['tables'], row: string, column: string, cell: Cell): void => {
  const rows = (report.tables[table] as AnyTable).rows as Record<string, { cells: Record<string, Cell> }>;
  (rows[row] ??= { cells: {} }).cells[column] = cell;
};

// Seed 001 with "/" for 行政强制 and "—" for two review outcomes, as reports with nothing to count often write.
const REVIEW_ROW = '0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
const planted = seed('001', (text) =>
  text.replace('行政强制 | 2 |', '行政强制 | / |').replace(REVIEW_ROW, '— | — | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'),
);

testRule(blankCell, {
  valid: [
    { name: 'seed 003: zeros where there is nothing to count', report: () => seed('003').report },
    { name: 'an invalid value is not blank (count-invalid speaks)', report: () => {
      const report = sampleReport();
      put(report, 'reviews', 'review', 'upheld', { kind: 'invalid', text: '1件' });
      return report;
    } },
  ],
  invalid: [
    {
      name: 'seed 001 with "/" and "—" for zeros',
      source: planted.spans.source,
      report: () => {
        const { report, spans } = planted;
        put(report, 'activeDisclosure', 'enforcement', 'decisions', { kind: 'blank', text: '/', span: spans.find('/', { after: '行政强制 | ' }) });
        put(report, 'reviews', 'review', 'upheld', { kind: 'blank', text: '—', span: spans.find('—') });
        put(report, 'reviews', 'review', 'corrected', { kind: 'blank', text: '—', span: spans.find('—', { nth: 1 }) });
        return report;
      },
      diagnostics: [
        {
          messageId: 'blank',
          severity: 'warning',
          table: 'activeDisclosure',
          row: 'enforcement',
          column: 'decisions',
          span: { text: '/', line: 20, column: 8 },
          message: {
            'zh-CN': '表二（主动公开政府信息情况）“行政强制”一行中“本年处理决定数量”没有填写数字（空白或“—”“/”等），应填写数字，没有的填 0。',
            en: 'Table 二 (Active disclosure (Article 20 items)), row "Administrative enforcement": no number in "Decisions this year" (blank, "—", "/" or the like); write a number, 0 when there is none.',
          },
          related: [{ row: 'enforcement', column: 'decisions', value: '/', span: { text: '/', line: 20, column: 8 } }],
        },
        {
          messageId: 'blank',
          severity: 'warning',
          table: 'reviews',
          row: 'review',
          span: { text: '—', line: 57, column: 1 },
          message: {
            'zh-CN': '表四（政府信息公开行政复议、行政诉讼情况）“行政复议”一行中“结果维持”、“结果纠正”没有填写数字（空白或“—”“/”等），应填写数字，没有的填 0。',
            en: 'Table 四 (Administrative reviews and litigation), row "Administrative review": no number in "Upheld", "Corrected" (blank, "—", "/" or the like); write a number, 0 when there is none.',
          },
          related: [
            { message: '行政复议 · 结果维持', row: 'review', column: 'upheld', value: '—', span: { text: '—', line: 57, column: 1 } },
            { message: '行政复议 · 结果纠正', row: 'review', column: 'corrected', value: '—', span: { text: '—', line: 57, column: 5 } },
          ],
        },
      ],
    },
    {
      name: 'an empty cell (no text at all) in table 三',
      report: () => {
        const report = sampleReport();
        put(report, 'applications', 'carriedOver', 'total', { kind: 'blank', text: '' });
        return report;
      },
      diagnostics: [
        {
          messageId: 'blank',
          severity: 'warning',
          table: 'applications',
          row: 'carriedOver',
          column: 'total',
          span: null,
          message: {
            'zh-CN': '表三（收到和处理政府信息公开申请情况）“二、上年结转政府信息公开申请数量”一行中“总计”没有填写数字（空白或“—”“/”等），应填写数字，没有的填 0。',
            en: 'Table 三 (Applications received and handled), row "Carried over from last year": no number in "Total" (blank, "—", "/" or the like); write a number, 0 when there is none.',
          },
        },
      ],
    },
  ],
});
