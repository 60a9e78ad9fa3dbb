import { setCell } from '../../src/model/index.js';
import type { AnnualReport, AnyTable, Cell } from '../../src/model/index.js';
import { inForceBelowNet } from '../../src/rules/in-force-below-net.js';
import { sampleReport } from '../../src/rules/index.js';
import { seed, testRule } from './tester.js';

const put = (report: AnnualReport, row: string, column: string, cell: Cell): void => {
  const rows = (report.tables.activeDisclosure as AnyTable).rows as Record<string, { cells: Record<string, Cell> }>;
  (rows[row] ??= { cells: {} }).cells[column] = cell;
};

// Seed 001 with 12 normative documents issued and 1 repealed, but still 9 in force.
const NORMATIVE = '行政规范性文件 | 12 | 1 | 9 |';
const planted = seed('001', (text) => text.replace('行政规范性文件 | 3 | 0 | 9 |', NORMATIVE));

testRule(inForceBelowNet, {
  valid: [
    { name: 'seed 004: 1 issued, 23 in force', report: () => seed('004').report },
    { name: 'seed 001: 3 issued, 9 in force', report: () => seed('001').report },
    {
      name: 'in force exactly issued minus repealed',
      report: () => {
        const report = sampleReport();
        setCell(report, 'activeDisclosure.rules.issued', 4);
        setCell(report, 'activeDisclosure.rules.repealed', 1);
        return setCell(report, 'activeDisclosure.rules.inForce', 3);
      },
    },
    {
      name: 'more repealed than issued (older documents repealed)',
      report: () => setCell(setCell(sampleReport(), 'activeDisclosure.rules.repealed', 5), 'activeDisclosure.rules.inForce', 0),
    },
    {
      name: 'a blank in-force cell is not weighed (blank-cell speaks)',
      report: () => {
        const report = setCell(sampleReport(), 'activeDisclosure.normativeDocuments.issued', 5);
        put(report, 'normativeDocuments', 'inForce', { kind: 'blank', text: '—' });
        return report;
      },
    },
    { name: 'a 2019-format report: its table 二 has no 现行有效 column to weigh', report: () => sampleReport('2019') },
  ],
  invalid: [
    {
      name: 'seed 001 with 12 issued, 1 repealed and 9 in force',
      source: planted.spans.source,
      report: () => {
        const { report, spans } = planted;
        put(report, 'normativeDocuments', 'issued', { kind: 'count', value: 12, span: spans.numberAfter('行政规范性文件 |', 0) });
        put(report, 'normativeDocuments', 'repealed', { kind: 'count', value: 1, span: spans.numberAfter('行政规范性文件 |', 1) });
        put(report, 'normativeDocuments', 'inForce', { kind: 'count', value: 9, span: spans.numberAfter('行政规范性文件 |', 2) });
        return report;
      },
      diagnostics: [
        {
          messageId: 'belowNet',
          severity: 'warning',
          table: 'activeDisclosure',
          row: 'normativeDocuments',
          column: 'inForce',
          expected: '≥ 11',
          actual: '9',
          span: { text: '9', line: 13, column: 20 },
          message: {
            'zh-CN': '表二（主动公开政府信息情况）“行政规范性文件”的“现行有效件数”为 9，少于本年制发减本年废止的 11（12 − 1）。',
            en: 'Table 二 (Active disclosure (Article 20 items)), row "Normative documents": "In force" is 9, below the 11 issued minus repealed this year (12 − 1).',
          },
          related: [
            { message: '行政规范性文件 · 现行有效件数', row: 'normativeDocuments', column: 'inForce', value: '9', span: { text: '9', line: 13, column: 20 } },
            { message: '行政规范性文件 · 本年制发件数', row: 'normativeDocuments', column: 'issued', value: '12', span: { text: '12', line: 13, column: 11 } },
            { message: '行政规范性文件 · 本年废止件数', row: 'normativeDocuments', column: 'repealed', value: '1', span: { text: '1', line: 13, column: 16 } },
          ],
        },
      ],
    },
    {
      name: '规章 and 行政规范性文件 each judged',
      report: () => {
        const report = sampleReport();
        setCell(report, 'activeDisclosure.rules.issued', 2);
        setCell(report, 'activeDisclosure.normativeDocuments.issued', 1);
        return report;
      },
      diagnostics: [
        {
          messageId: 'belowNet',
          severity: 'warning',
          table: 'activeDisclosure',
          row: 'rules',
          column: 'inForce',
          expected: '≥ 2',
          actual: '0',
          span: null,
          message: {
            'zh-CN': '表二（主动公开政府信息情况）“规章”的“现行有效件数”为 0，少于本年制发减本年废止的 2（2 − 0）。',
            en: 'Table 二 (Active disclosure (Article 20 items)), row "Rules (规章)": "In force" is 0, below the 2 issued minus repealed this year (2 − 0).',
          },
        },
        {
          messageId: 'belowNet',
          severity: 'warning',
          table: 'activeDisclosure',
          row: 'normativeDocuments',
          column: 'inForce',
          expected: '≥ 1',
          actual: '0',
          span: null,
          message: {
            'zh-CN': '表二（主动公开政府信息情况）“行政规范性文件”的“现行有效件数”为 0，少于本年制发减本年废止的 1（1 − 0）。',
            en: 'Table 二 (Active disclosure (Article 20 items)), row "Normative documents": "In force" is 0, below the 1 issued minus repealed this year (1 − 0).',
          },
        },
      ],
    },
  ],
});
