import { setCell } from '../../src/model/index.js';
import type { AnnualReport, AnyTable, Cell, Fact } from '../../src/model/index.js';
import { sampleReport } from '../../src/rules/index.js';
import { unsupportedCount } from '../../src/rules/unsupported-count.js';
import { seed, testRule } from './tester.js';
import type { TextSpans } from './tester.js';

/** Gives a cell of a report the span of the text that holds it, as the reader would. */
const locate = (report: AnnualReport, table: keyof AnnualReport['tables'], row: string, column: string, span: Cell['span']): void => {
  const cell = ((report.tables[table] as AnyTable).rows[row]?.cells as Record<string, Cell> | undefined)?.[column];
  if (cell) Object.assign(cell, { span });
};

/** A counted fact stated by the given words of the text. */
const stated = (spans: TextSpans, kind: Exclude<Fact['kind'], 'processingFeeCollected'>, value: number, text: string): Fact => ({
  kind,
  value,
  text,
  span: spans.find(text),
});

const withFacts = (...facts: Fact[]) => () => ({ ...sampleReport(), facts });

// Seed 000 states "2024年共受理16件政府信息公开申请"; a copy that says 18 contradicts its table.
const seed000 = seed('000', (text) => text.replace('共受理16件', '共受理18件'));
// Seed 004 (traditional script) states 9; a copy says 12.
const seed004 = seed('004', (text) => text.replace('共受理政府信息公開申請9件', '共受理政府信息公開申請12件'));

testRule(unsupportedCount, {
  valid: [
    {
      name: 'seed 000: "共受理16件政府信息公开申请", table 三 new 16; 1 review in text and table',
      report: () => {
        const { report, spans } = seed('000');
        report.facts = [stated(spans, 'applicationsReceived', 16, '共受理16件政府信息公开申请'), { kind: 'reviewCases', value: 1, text: '行政复议1件' }];
        return report;
      },
    },
    {
      name: 'seed 003: "未接到任何形式的政府信息公开申请" and a table of zeros',
      report: () => {
        const { report, spans } = seed('003');
        report.facts = [stated(spans, 'applicationsReceived', 0, '未接到任何形式的政府信息公开申请')];
        return report;
      },
    },
    {
      name: 'seed 004 (traditional): 9 received; 1 normative document made, 23 in force',
      report: () => {
        const { report, spans } = seed('004');
        report.facts = [
          stated(spans, 'applicationsReceived', 9, '共受理政府信息公开申请9件'),
          { kind: 'normativeDocumentsIssued', value: 1, text: '制定修订规范性文件1件' },
          { kind: 'normativeDocumentsInForce', value: 23, text: '现行有效规范性文件23件' },
        ];
        return report;
      },
    },
    {
      name: 'a statement counting new and carried-over applications together (4 + 2)',
      report: () => {
        const report = sampleReport();
        for (const [address, value] of Object.entries({ 'applications.carriedOver.naturalPerson': 2, 'applications.carriedOver.total': 2 })) setCell(report, address, value);
        report.facts = [{ kind: 'applicationsReceived', value: 6, text: '共受理政府信息公开申请6件' }];
        return report;
      },
    },
    { name: 'a fact whose table the report lacks (table-missing speaks)', report: () => ({ ...withFacts({ kind: 'reviewCases', value: 3, text: '行政复议3件' })(), tables: {} }) },
    {
      name: 'documents in force stated in a 2019-format report (its table 二 counts none in force: 对外公开总数量 is another count)',
      report: () => {
        const report = sampleReport('2019');
        setCell(report, 'activeDisclosure.normativeDocuments.publishedTotal', 30);
        return { ...report, facts: [{ kind: 'normativeDocumentsInForce' as const, value: 7, text: '现行有效规范性文件7件' }] };
      },
    },
    {
      name: 'documents made stated in a 2019-format report: 本年新制作数量 agrees',
      report: () => {
        const report = sampleReport('2019');
        setCell(report, 'activeDisclosure.normativeDocuments.newlyMade', 7);
        return { ...report, facts: [{ kind: 'normativeDocumentsIssued' as const, value: 7, text: '制发规范性文件7件' }] };
      },
    },
  ],
  invalid: [
    {
      name: 'a 2019-format report says 7 documents made where its table 二 has 本年新制作数量 0',
      report: () => ({ ...sampleReport('2019'), facts: [{ kind: 'normativeDocumentsIssued' as const, value: 7, text: '制发规范性文件7件' }] }),
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'activeDisclosure',
          row: 'normativeDocuments',
          column: 'newlyMade',
          expected: '0',
          actual: '7',
          span: null,
          message: {
            'zh-CN': '正文所述数量 7（“制发规范性文件7件”）与表二（主动公开政府信息情况）“规范性文件”的“本年新制作数量” 0 不符。',
            en: 'The text states 7 ("制发规范性文件7件"), but Table 二 (Active disclosure (Article 20 items)), row "Normative documents", column "Newly made this year" gives 0.',
          },
        },
      ],
    },
    {
      name: 'seed 000 edited to say 18 applications where table 三 has 16 new',
      source: seed000.spans.source,
      report: () => {
        const { report, spans } = seed000;
        report.facts = [stated(spans, 'applicationsReceived', 18, '共受理18件政府信息公开申请')];
        locate(report, 'applications', 'received', 'total', spans.numberAfter('一、本年新收政府信息公开申请数量', 6));
        locate(report, 'applications', 'carriedOver', 'total', spans.numberAfter('二、上年结转政府信息公开申请数量', 6));
        return report;
      },
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'received',
          column: 'total',
          expected: '16',
          actual: '18',
          span: { text: '共受理18件政府信息公开申请', line: 12, column: 89 },
          message: {
            'zh-CN': '正文所述数量 18（“共受理18件政府信息公开申请”）与表三（收到和处理政府信息公开申请情况）“一、本年新收政府信息公开申请数量”的“总计” 16 不符。',
            en: 'The text states 18 ("共受理18件政府信息公开申请"), but Table 三 (Applications received and handled), row "New applications this year", column "Total" gives 16.',
          },
          related: [
            // Nothing was carried over, so the carried-over cell is not shown.
            { message: '一、本年新收政府信息公开申请数量 · 总计', row: 'received', column: 'total', value: '16', span: { text: '16', line: 83, column: 1 } },
          ],
        },
      ],
    },
    {
      name: 'seed 004 (traditional) edited to say 12: the span is the traditional characters written',
      source: seed004.spans.source,
      report: () => {
        const { report, spans } = seed004;
        report.facts = [stated(spans, 'applicationsReceived', 12, '共受理政府信息公开申请12件')];
        return report;
      },
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'applications',
          row: 'received',
          column: 'total',
          expected: '9',
          actual: '12',
          span: { text: '共受理政府信息公開申請12件', line: 5, column: 132 },
          message: {
            'zh-CN': '正文所述数量 12（“共受理政府信息公开申请12件”）与表三（收到和处理政府信息公开申请情况）“一、本年新收政府信息公开申请数量”的“总计” 9 不符。',
            en: 'The text states 12 ("共受理政府信息公开申请12件"), but Table 三 (Applications received and handled), row "New applications this year", column "Total" gives 9.',
          },
        },
      ],
    },
    {
      name: 'a stated count matching neither reading when applications were carried over',
      report: () => {
        const report = sampleReport();
        for (const [address, value] of Object.entries({ 'applications.carriedOver.naturalPerson': 2, 'applications.carriedOver.total': 2 })) setCell(report, address, value);
        report.facts = [{ kind: 'applicationsReceived', value: 5, text: '共受理政府信息公开申请5件' }];
        return report;
      },
      diagnostics: [
        {
          messageId: 'receivedMismatch',
          severity: 'error',
          table: 'applications',
          row: 'received',
          column: 'total',
          expected: '4',
          actual: '5',
          span: null,
          message: {
            'zh-CN': '正文所述数量 5（“共受理政府信息公开申请5件”）与表三（收到和处理政府信息公开申请情况）“一、本年新收政府信息公开申请数量”的“总计” 4 不符（连同上年结转为 6）。',
            en: 'The text states 5 ("共受理政府信息公开申请5件"), but Table 三 (Applications received and handled), row "New applications this year", column "Total" gives 4 (6 with those carried over).',
          },
          related: [
            { row: 'received', column: 'total', value: '4' },
            { row: 'carriedOver', column: 'total', value: '2' },
          ],
        },
      ],
    },
    {
      name: '"no review" in the text, one review in table 四',
      report: withFacts({ kind: 'reviewCases', value: 0, text: '未发生行政复议案件' }),
      diagnostics: [
        {
          messageId: 'noneStated',
          severity: 'error',
          table: 'reviews',
          row: 'review',
          column: 'total',
          expected: '1',
          actual: '0',
          span: null,
          message: {
            'zh-CN': '正文称没有（“未发生行政复议案件”），但表四（政府信息公开行政复议、行政诉讼情况）“行政复议”的“总计”为 1。',
            en: 'The text says there were none ("未发生行政复议案件"), but Table 四 (Administrative reviews and litigation), row "Administrative review", column "Total" gives 1.',
          },
        },
      ],
    },
    {
      name: 'litigation: the text against the sum of both litigation groups',
      report: () => {
        const report = withFacts({ kind: 'litigationCases', value: 3, text: '行政诉讼3件' }, { kind: 'litigationCases', value: 0, text: '未发生行政诉讼' })();
        setCell(report, 'reviews.litigationDirect.pending', 1);
        setCell(report, 'reviews.litigationDirect.total', 1);
        return report;
      },
      diagnostics: [
        {
          messageId: 'sumMismatch',
          severity: 'error',
          table: 'reviews',
          column: 'total',
          expected: '1',
          actual: '3',
          span: null,
          message: {
            'zh-CN': '正文所述数量 3（“行政诉讼3件”）与表四（政府信息公开行政复议、行政诉讼情况）中相关各行“总计”之和 1 不符。',
            en: 'The text states 3 ("行政诉讼3件"), but the "Total" cells of the rows concerned in Table 四 (Administrative reviews and litigation) add up to 1.',
          },
          related: [
            { message: '行政诉讼 未经复议直接起诉 · 总计', row: 'litigationDirect', column: 'total', value: '1' },
            { message: '行政诉讼 复议后起诉 · 总计', row: 'litigationAfterReview', column: 'total', value: '0' },
          ],
        },
        {
          messageId: 'noneStatedSum',
          severity: 'error',
          table: 'reviews',
          column: 'total',
          expected: '1',
          actual: '0',
          span: null,
          message: {
            'zh-CN': '正文称没有（“未发生行政诉讼”），但表四（政府信息公开行政复议、行政诉讼情况）中相关各行“总计”之和为 1。',
            en: 'The text says there were none ("未发生行政诉讼"), but the "Total" cells of the rows concerned in Table 四 (Administrative reviews and litigation) add up to 1.',
          },
        },
      ],
    },
    {
      name: 'normative documents in force: the text says 8, table 二 says 9 (seed 001)',
      report: () => {
        const { report } = seed('001');
        report.facts = [{ kind: 'normativeDocumentsInForce', value: 8, text: '规范性文件8个' }];
        return report;
      },
      diagnostics: [
        {
          messageId: 'mismatch',
          severity: 'error',
          table: 'activeDisclosure',
          row: 'normativeDocuments',
          column: 'inForce',
          expected: '9',
          actual: '8',
          span: null,
          message: {
            'zh-CN': '正文所述数量 8（“规范性文件8个”）与表二（主动公开政府信息情况）“行政规范性文件”的“现行有效件数” 9 不符。',
            en: 'The text states 8 ("规范性文件8个"), but Table 二 (Active disclosure (Article 20 items)), row "Normative documents", column "In force" gives 9.',
          },
        },
      ],
    },
    {
      name: 'a blank table cell: said once, as info, that the statement cannot be checked',
      report: () => {
        const report = withFacts({ kind: 'applicationsReceived', value: 4, text: '共受理政府信息公开申请4件' })();
        const cells = (report.tables.applications as AnyTable).rows.received?.cells as Record<string, Cell>;
        cells.total = { kind: 'blank', text: '' };
        return report;
      },
      diagnostics: [
        {
          messageId: 'uncheckable',
          severity: 'info',
          table: 'applications',
          span: null,
          message: {
            'zh-CN': '正文所述数量 4（“共受理政府信息公开申请4件”）无法与表三（收到和处理政府信息公开申请情况）核对：相关单元格没有数字。',
            en: 'The stated 4 ("共受理政府信息公开申请4件") cannot be checked against Table 三 (Applications received and handled): the cells concerned hold no number.',
          },
        },
      ],
    },
  ],
});
