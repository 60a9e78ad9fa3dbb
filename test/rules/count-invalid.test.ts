import type { AnyTable, Cell } from '../../src/model/index.js';
import { Decimal, setCell } from '../../src/model/index.js';
import { countInvalid } from '../../src/rules/count-invalid.js';
import { sampleReport } from '../../src/rules/index.js';
import type { AnnualReport } from '../../src/model/index.js';
import { seed, testRule } from './tester.js';

/** Puts a cell as the reader would leave it (setCell builds only valid counts and amounts). */
const put = (report: AnnualReport, table: keyof AnnualReport['tables'], row: string, column: string, cell: Cell): void => {
  const rows = (report.tables[table] as AnyTable).rows as Record<string, { cells: Record<string, Cell> }>;
  (rows[row] ??= { cells: {} }).cells[column] = cell;
};

// Seed 001 with the malformed values FORMAT.md §8 lists: a fractional count and a unit in the fee.
const planted = seed('001', (text) => text.replace('行政许可 | 2821 |', '行政许可 | 2821.5 |').replace('行政事业性收费 | 779.508355 |', '行政事业性收费 | 251000元 |'));

testRule(countInvalid, {
  valid: [
    { name: 'seed 001: counts and the fee 779.508355 万元', report: () => seed('001').report },
    { name: 'blank cells are not invalid (blank-cell speaks)', report: () => {
      const report = sampleReport();
      put(report, 'reviews', 'review', 'upheld', { kind: 'blank', text: '/' });
      return report;
    } },
    {
      // An amount cell holding a whole number (built in code; setCell reads the text '12.0' as the reader does, an invalid count).
      name: 'a whole number written as a decimal in a count cell',
      report: () => {
        const report = sampleReport();
        put(report, 'activeDisclosure', 'penalties', 'decisions', { kind: 'amount', value: new Decimal('12.0') });
        return report;
      },
    },
    { name: 'a count in the fee column', report: () => setCell(sampleReport(), 'activeDisclosure.fees.amountWanYuan', 3) },
  ],
  invalid: [
    {
      name: 'seed 001 with "2821.5" as a count and "251000元" as the fee',
      source: planted.spans.source,
      report: () => {
        const { report, spans } = planted;
        put(report, 'activeDisclosure', 'licensing', 'decisions', { kind: 'invalid', text: '2821.5', span: spans.find('2821.5') });
        put(report, 'activeDisclosure', 'fees', 'amountWanYuan', { kind: 'invalid', text: '251000元', span: spans.find('251000元') });
        return report;
      },
      diagnostics: [
        {
          messageId: 'invalidCount',
          severity: 'error',
          table: 'activeDisclosure',
          row: 'licensing',
          column: 'decisions',
          span: { text: '2821.5', line: 16, column: 8 },
          message: {
            'zh-CN': '表二（主动公开政府信息情况）“行政许可”的“本年处理决定数量”应为非负整数，实际为“2821.5”。',
            en: 'Table 二 (Active disclosure (Article 20 items)), row "Administrative licensing", column "Decisions this year" must be a non-negative whole number; it holds "2821.5".',
          },
        },
        {
          messageId: 'invalidAmount',
          severity: 'error',
          table: 'activeDisclosure',
          row: 'fees',
          column: 'amountWanYuan',
          span: { text: '251000元', line: 23, column: 11 },
          message: {
            'zh-CN': '表二（主动公开政府信息情况）“行政事业性收费”的“本年收费金额（单位：万元）”应为非负的金额数字，实际为“251000元”。',
            en: 'Table 二 (Active disclosure (Article 20 items)), row "Administrative fees", column "Fees collected this year (10,000 yuan)" must be a non-negative amount; it holds "251000元".',
          },
        },
      ],
    },
    {
      name: 'values a report built in code can hold: a negative count, a fractional count, a negative fee',
      report: () => {
        const report = sampleReport();
        put(report, 'applications', 'carriedOver', 'research', { kind: 'count', value: -1 });
        put(report, 'reviews', 'review', 'other', { kind: 'amount', value: new Decimal('2.5') });
        put(report, 'activeDisclosure', 'fees', 'amountWanYuan', { kind: 'amount', value: new Decimal('-3') });
        return report;
      },
      diagnostics: [
        {
          messageId: 'invalidAmount',
          severity: 'error',
          table: 'activeDisclosure',
          row: 'fees',
          column: 'amountWanYuan',
          span: null,
          message: {
            'zh-CN': '表二（主动公开政府信息情况）“行政事业性收费”的“本年收费金额（单位：万元）”应为非负的金额数字，实际为“-3”。',
            en: 'Table 二 (Active disclosure (Article 20 items)), row "Administrative fees", column "Fees collected this year (10,000 yuan)" must be a non-negative amount; it holds "-3".',
          },
        },
        {
          messageId: 'invalidCount',
          severity: 'error',
          table: 'applications',
          row: 'carriedOver',
          column: 'research',
          span: null,
          message: {
            'zh-CN': '表三（收到和处理政府信息公开申请情况）“二、上年结转政府信息公开申请数量”的“科研机构”应为非负整数，实际为“-1”。',
            en: 'Table 三 (Applications received and handled), row "Carried over from last year", column "Research institutions" must be a non-negative whole number; it holds "-1".',
          },
        },
        {
          messageId: 'invalidCount',
          severity: 'error',
          table: 'reviews',
          row: 'review',
          column: 'other',
          span: null,
          message: {
            'zh-CN': '表四（政府信息公开行政复议、行政诉讼情况）“行政复议”的“其他结果”应为非负整数，实际为“2.5”。',
            en: 'Table 四 (Administrative reviews and litigation), row "Administrative review", column "Other result" must be a non-negative whole number; it holds "2.5".',
          },
        },
      ],
    },
  ],
});
