import { describe, expect, it } from 'vitest';
import {
  AnnualReportSchema,
  APPLICATIONS_TABLE,
  FORMAT_VERSIONS,
  parseReport,
  parseReportJson,
  REVIEWS_TABLE,
  SECTIONS,
  createReport,
  serializeReport,
  setCell,
  TEMPLATES,
} from '../../src/index.js';
import type { AnnualReport, TableKey } from '../../src/index.js';
import { seedText } from '../support/fixtures.js';

const throughJsonText = (report: AnnualReport) => parseReportJson(JSON.parse(JSON.stringify(serializeReport(report))));

describe('createReport', () => {
  it('builds the 2021 format by default: six sections, three tables, every catalog cell 0', () => {
    const report = createReport({ year: 2024, agency: '示例县人民政府办公室' });
    expect(report.meta).toEqual({ formatVersion: '2021', year: { value: 2024 }, agency: { value: '示例县人民政府办公室' } });
    expect(report.sections.map((section) => section.key)).toEqual(SECTIONS.map((section) => section.key));
    expect(report.sections[2]?.heading).toBe('三、收到和处理政府信息公开申请情况');
    expect(Object.keys(report.tables).sort()).toEqual(['activeDisclosure', 'applications', 'reviews']);
    const applications = report.tables.applications;
    expect(Object.keys(applications?.rows ?? {})).toEqual(APPLICATIONS_TABLE.rows.map((row) => row.key));
    expect(Object.keys(applications?.rows ?? {})).toHaveLength(25);
    expect(Object.values(applications?.rows.received?.cells ?? {})).toHaveLength(7);
    expect(Object.keys(report.tables.reviews?.rows ?? {})).toEqual(REVIEWS_TABLE.rows.map((row) => row.key));
    expect(report.tables.reviews?.rows.review?.cells.total).toEqual({ kind: 'count', value: 0 });
  });

  it.each(FORMAT_VERSIONS)('builds the tables the %s template models', (formatVersion) => {
    const report = createReport({ formatVersion });
    expect(Object.keys(report.tables).sort()).toEqual(Object.keys(TEMPLATES[formatVersion].tables).sort());
    expect(AnnualReportSchema.safeParse(serializeReport(report)).success).toBe(true);
  });

  it('round-trips through JSON text unchanged', () => {
    const report = createReport({ year: 2024, agency: '示例县人民政府办公室' });
    setCell(report, 'applications.received.naturalPerson', 5);
    setCell(report, 'activeDisclosure.fees.amountWanYuan', '779.508355');
    const result = throughJsonText(report);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(serializeReport(result.data)).toEqual(serializeReport(report));
    expect(result.data).toEqual(report);
  });

  it('the 2019 format round-trips too, with its single （六）其他处理 row', () => {
    const report = createReport({ year: 2020, formatVersion: '2019' });
    expect(report.tables.applications?.rows.otherHandling).toBeDefined();
    const result = throughJsonText(report);
    expect(result.success && serializeReport(result.data)).toEqual(serializeReport(report));
  });
});

describe('setCell', () => {
  it('sets a count, a decimal amount, and removes a cell with null', () => {
    const report = createReport();
    setCell(report, 'applications.denied.stateSecret.business', 3);
    setCell(report, 'activeDisclosure.fees.amountWanYuan', '0.5');
    setCell(report, 'reviews.review.total', null);
    expect(report.tables.applications?.rows['denied.stateSecret']?.cells.business).toEqual({ kind: 'count', value: 3 });
    const fee = report.tables.activeDisclosure?.rows.fees?.cells.amountWanYuan;
    expect(fee?.kind === 'amount' && fee.value.toFixed()).toBe('0.5');
    expect(report.tables.reviews?.rows.review?.cells).not.toHaveProperty('total');
  });

  it('ignores an address naming no table of the report', () => {
    const report = createReport({ formatVersion: 'pre-2019' });
    const before = serializeReport(report);
    setCell(report, 'applications.received.total' satisfies `${TableKey}.${string}`, 1);
    expect(serializeReport(report)).toEqual(before);
  });
});

describe('parseReportJson', () => {
  it('returns the issues instead of throwing on something that is not a report', () => {
    for (const input of [null, 42, 'report', {}, { meta: {}, sections: [], tables: {}, facts: [], unplaced: [] }]) {
      const result = parseReportJson(input);
      expect(result.success).toBe(false);
    }
  });

  it('takes the JSON text too: JSON.stringify(report) reads back as the report', () => {
    const report = parseReport(seedText('001'));
    const result = parseReportJson(JSON.stringify(report));
    expect(result.success).toBe(true);
    expect(result.success && serializeReport(result.data)).toEqual(serializeReport(report));
    expect(parseReportJson(JSON.stringify(serializeReport(report))).success).toBe(true);
  });

  it('gives a text that is not JSON as a failure naming the syntax error, never a throw', () => {
    const result = parseReportJson('{"meta": ');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ code: 'custom', path: [], message: expect.stringMatching(/^the text is not JSON: /) }]);
  });

  it('rejects a section key the catalog does not know', () => {
    const json = serializeReport(createReport());
    const result = parseReportJson({ ...json, sections: [{ key: 'appendix', heading: '七、附表' }] });
    expect(result.success).toBe(false);
  });
});
