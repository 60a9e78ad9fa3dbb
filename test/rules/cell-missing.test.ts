import { describe, expect, it } from 'vitest';
import type { AnyTable, Cell } from '../../src/model/index.js';
import { createReport, setCell } from '../../src/model/index.js';
import { checkText } from '../../src/check.js';
import { fixtureText } from '../support/fixtures.js';
import { cellMissing } from '../../src/rules/cell-missing.js';
import { sampleReport } from '../../src/rules/index.js';
import { seed, testRule } from './tester.js';

const seed001 = seed('001');
const seed003 = seed('003');
const seed004 = seed('004');

/** A row of a report's table, for attaching spans as the reader would. */
const rowOf = (table: AnyTable | undefined, row: string) => table?.rows[row] as { cells: Record<string, Cell | undefined>; labelSpan?: unknown; labelInferred?: boolean } | undefined;

testRule(cellMissing, {
  valid: [
    { name: 'seed 004: every cell read, rows placed by position where labels were lost', report: () => seed('004').report },
    { name: 'the sample: every cell of the 2021 template', report: () => sampleReport() },
    { name: 'a 2020 report in the 2019 format: its single （六） row suffices', report: () => sampleReport('2019') },
    { name: 'a report without tables (table-missing speaks)', report: () => ({ ...sampleReport(), tables: {} }) },
  ],
  invalid: [
    {
      name: 'seed 001: the first row of table 三 lost its business and total values',
      source: seed001.spans.source,
      report: () => {
        const { report, spans } = seed001;
        setCell(report, 'applications.received.business', null);
        setCell(report, 'applications.received.total', null);
        const row = rowOf(report.tables.applications, 'received');
        if (row) Object.assign(row, { labelSpan: spans.find('一、本年新收政府信息公开申请数量') });
        return report;
      },
      diagnostics: [
        {
          messageId: 'cellsMissing',
          severity: 'error',
          table: 'applications',
          row: 'received',
          span: { text: '一、本年新收政府信息公开申请数量', line: 28, column: 1 },
          message: {
            'zh-CN': '表三（收到和处理政府信息公开申请情况）“一、本年新收政府信息公开申请数量”一行缺少“商业企业”、“总计”的数值。',
            en: 'Table 三 (Applications received and handled), row "New applications this year": no value in "Businesses", "Total".',
          },
        },
      ],
    },
    {
      name: 'seed 004 (traditional): a row whose label was lost lacks one value; the diagnostic points at its first value',
      source: seed004.spans.source,
      report: () => {
        const { report, spans } = seed004;
        setCell(report, 'applications.received.legalService', null);
        const row = rowOf(report.tables.applications, 'received');
        const first = row?.cells.naturalPerson;
        if (row && first) {
          row.labelInferred = true;
          row.cells.naturalPerson = { ...first, span: spans.numberAfter('法律 服务 机构 | 其他 |', 0) };
        }
        return report;
      },
      diagnostics: [
        {
          messageId: 'cellsMissing',
          severity: 'error',
          table: 'applications',
          row: 'received',
          column: 'legalService',
          span: { text: '8', line: 28, column: 1 },
          message: {
            'zh-CN': '表三（收到和处理政府信息公开申请情况）“一、本年新收政府信息公开申请数量”一行缺少“法律服务机构”的数值。',
            en: 'Table 三 (Applications received and handled), row "New applications this year": no value in "Legal-service organisations".',
          },
        },
      ],
    },
    {
      name: 'seed 003: a whole row not found is reported once, at the table',
      source: seed003.spans.source,
      report: () => {
        const { report, spans } = seed003;
        const table = report.tables.applications as { rows: Record<string, unknown>; span?: unknown };
        delete table.rows['denied.stateSecret'];
        table.span = spans.line('三、收到和处理政府信息公开申请情况');
        return report;
      },
      diagnostics: [
        {
          messageId: 'rowMissing',
          severity: 'error',
          table: 'applications',
          row: 'denied.stateSecret',
          span: { text: '三、收到和处理政府信息公开申请情况', line: 36, column: 1 },
          message: {
            'zh-CN': '表三（收到和处理政府信息公开申请情况）缺少“（三）不予公开 1.属于国家秘密”一行。',
            en: 'Table 三 (Applications received and handled) has no row "Not disclosed: State secret".',
          },
        },
      ],
    },
    {
      name: 'a 2019-format table 三 without its single （六）其他处理 row',
      report: () => {
        const report = createReport({ year: 2020, formatVersion: '2019' });
        delete (report.tables.applications as { rows: Record<string, unknown> }).rows.otherHandling;
        return report;
      },
      diagnostics: [
        {
          messageId: 'rowMissing',
          severity: 'error',
          table: 'applications',
          row: 'otherHandling',
          span: null,
          message: {
            'zh-CN': '表三（收到和处理政府信息公开申请情况）缺少“（六）其他处理”一行。',
            en: 'Table 三 (Applications received and handled) has no row "Other handling".',
          },
        },
      ],
    },
    {
      name: 'table 四 found but not one row read: once for the table, not three times',
      report: () => ({ ...sampleReport(), tables: { ...sampleReport().tables, reviews: { rows: {} } } }),
      diagnostics: [
        {
          messageId: 'tableEmpty',
          severity: 'error',
          table: 'reviews',
          span: null,
          message: {
            'zh-CN': '表四（政府信息公开行政复议、行政诉讼情况）中没有读到任何一行数据。',
            en: 'No row of Table 四 (Administrative reviews and litigation) could be read.',
          },
        },
      ],
    },
  ],
});

describe('cell-missing on published texts (corpus)', () => {
  const found = (id: string) => checkText(fixtureText(`corpus/${id}.txt`)).diagnostics.filter((diagnostic) => diagnostic.ruleId === 'cell-missing');

  it('001: the one-row （六）其他处理 of the 2019 template is one warning, checked as the group total', () => {
    expect(found('001').map((diagnostic) => [diagnostic.messageId, diagnostic.severity, diagnostic.row])).toEqual([['groupAsOneRow', 'warning', 'otherHandling']]);
    expect(found('001')[0]?.message).toBe('表三（收到和处理政府信息公开申请情况）将“（六）其他处理”填为一行（2019 年版格式），而现行模板将其分为 3 行；已按该组合计核对，请按现行模板分行填写。');
  });

  it('004: cells whose digits ran together are not reported missing one by one', () => {
    expect(found('004')).toEqual([]);
  });

  it('016: a table printed with labels and no value is one finding', () => {
    // Its 2019 table 二 and its table 三 are both printed so: one finding for each table.
    expect(found('016').map((diagnostic) => [diagnostic.messageId, diagnostic.table])).toEqual([
      ['tableNoValues', 'activeDisclosure'],
      ['tableNoValues', 'applications'],
    ]);
  });

  it('024: blank cells ("| |") are blank-cell warnings, not cell-missing errors', () => {
    const diagnostics = checkText(fixtureText('corpus/024.txt')).diagnostics;
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'cell-missing')).toEqual([]);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'blank-cell').length).toBeGreaterThan(0);
  });
});
