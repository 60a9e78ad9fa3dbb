/**
 * The library API never throws (issue 14): unknown locales, non-string text, null options, a report
 * object failing the schema, formatters without options, and setCell with an unknown key all give
 * values, never exceptions; one rule's findings per table are capped with one summary.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_PER_TABLE,
  INVALID_INPUT_RULE_ID,
  INVALID_OPTION_RULE_ID,
  TOO_MANY_FINDINGS_RULE_ID,
  checkReport,
  checkSeries,
  checkText,
  createReport,
  createSarifWriter,
  formatJson,
  formatSarif,
  formatStylish,
  isCellAddressError,
  normalize,
  parseReport,
  sampleReport,
  serializeReport,
  setCell,
  summarize,
} from '../../src/index.js';
import type { AnnualReport } from '../../src/index.js';
import { seedText } from '../support/fixtures.js';

// Seed 002 has findings: a diagnostic to render is what made an unknown locale throw.
const text = seedText('002');

describe('checkText never throws', () => {
  it("on an unknown locale ({ locale: 'zh' }): Chinese messages and one invalid-option diagnostic", () => {
    const { diagnostics } = checkText(text, { locale: 'zh' as never });
    const reference = checkText(text).diagnostics;
    expect(reference.length).toBeGreaterThan(0);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId !== INVALID_OPTION_RULE_ID)).toEqual(reference);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === INVALID_OPTION_RULE_ID)).toMatchObject([
      { severity: 'error', messageId: 'unknown-locale', args: { locale: 'zh' }, message: '语言 zh 无效（应为 zh-CN 或 en），已使用中文' },
    ]);
  });

  it.each([
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a number', 42, 'number'],
    ['bytes', new Uint8Array([0xe4, 0xb8, 0x80]), 'object'],
  ])('on text that is %s: an empty report and one invalid-input error', (_name, input, kind) => {
    const { report, diagnostics } = checkText(input as never);
    expect(report.sections).toEqual([]);
    expect(diagnostics).toMatchObject([{ ruleId: INVALID_INPUT_RULE_ID, severity: 'error', messageId: 'not-text', args: { value: kind } }]);
  });

  it("on a web page's source: one invalid-input error saying to use checkDocument, no pile of findings", () => {
    const page = readFileSync(new URL('../../docs/examples/pingtan-2024.html', import.meta.url), 'utf8');
    const { report, diagnostics } = checkText(page, { locale: 'en' });
    expect(report.sections).toEqual([]);
    expect(diagnostics).toEqual([
      { ruleId: INVALID_INPUT_RULE_ID, severity: 'error', messageId: 'html-page', args: {}, message: "The input is a web page's source (HTML), not a report's text: read a page with checkDocument; nothing was checked" },
    ]);
    expect(checkText(page).diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['输入是网页的源代码（HTML），不是报告的文本：网页请用 checkDocument 读取；未做检查']);
  });

  it.each([
    ['null', null],
    ['a string', 'en'],
    ['an array', []],
  ])('on options that are %s: checked with the defaults, and says so', (_name, options) => {
    const { diagnostics } = checkText(text, options as never);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId !== INVALID_OPTION_RULE_ID)).toEqual(checkText(text).diagnostics);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === INVALID_OPTION_RULE_ID)).toMatchObject([{ messageId: 'options-not-object' }]);
  });
});

describe('checkReport validates its input', () => {
  it('checkReport({}): error diagnostics naming the paths that fail the schema, no rule run on it', () => {
    const diagnostics = checkReport({} as AnnualReport, { locale: 'en' });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((diagnostic) => diagnostic.ruleId === INVALID_INPUT_RULE_ID && diagnostic.severity === 'error')).toBe(true);
    expect(diagnostics.map((diagnostic) => diagnostic.args.path)).toEqual(expect.arrayContaining(['meta', 'sections', 'tables']));
    expect(diagnostics[0]?.message).toMatch(/^The report object fails the schema at meta: /);
  });

  it('names a path deep inside the report', () => {
    const report = sampleReport();
    (report.tables.applications?.rows.received?.cells as Record<string, unknown>).total = { kind: 'count', value: -3 };
    expect(checkReport(report).map((diagnostic) => diagnostic.args.path)).toEqual(['tables.applications.rows.received.cells.total.value']);
  });

  it.each([null, undefined, 'report', 7])('on %s: one invalid-input error', (input) => {
    expect(checkReport(input as never)).toMatchObject([{ ruleId: INVALID_INPUT_RULE_ID, messageId: 'not-a-report-object' }]);
  });

  it('a valid report is checked as before', () => {
    expect(checkReport(sampleReport())).toEqual([]);
  });
});

describe('formatters take defaults', () => {
  const results = [summarize('002.txt', checkText(text).diagnostics, { text })];
  it('formatSarif(results) without options is a SARIF log', () => {
    const log = JSON.parse(formatSarif(results)) as { version: string; runs: { tool: { driver: { name: string } }; results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.tool.driver.name).toBe('xxgk-lint');
    expect(log.runs[0]?.results.length).toBe(results[0]?.diagnostics.length);
    const writer = createSarifWriter();
    expect(() => JSON.parse(writer.start() + writer.finish())).not.toThrow();
  });
  it('formatStylish and formatJson without options', () => {
    expect(formatStylish(results)).toContain('002.txt');
    expect(JSON.parse(formatJson(results))).toHaveLength(1);
  });
});

describe('setCell rejects unknown keys', () => {
  it("setCell(r, 'applications.recieved.total', 5): an error value naming the valid rows, the report unchanged", () => {
    const report = createReport();
    const before = serializeReport(report);
    // @ts-expect-error — a typo is a type error: the address is a typed key union.
    const result = setCell(report, 'applications.recieved.total', 5);
    expect(isCellAddressError(result)).toBe(true);
    expect(result).toMatchObject({ error: 'unknown-cell', address: 'applications.recieved.total', part: 'row' });
    expect(isCellAddressError(result) && result.validKeys).toContain('received');
    expect(serializeReport(report)).toEqual(before);
  });

  it('names the valid tables and columns too', () => {
    const report = createReport();
    expect(setCell(report, 'application.received.total' as string, 1)).toMatchObject({ part: 'table', validKeys: expect.arrayContaining(['activeDisclosure', 'applications', 'reviews']) });
    expect(setCell(report, 'activeDisclosure.fees.total' as string, 1)).toMatchObject({ part: 'column', validKeys: ['amountWanYuan'] });
  });

  it('returns the report for a valid address', () => {
    const report = createReport();
    expect(setCell(report, 'applications.received.total', 5)).toBe(report);
    expect(report.tables.applications?.rows.received?.cells.total).toEqual({ kind: 'count', value: 5 });
  });
});

describe('findings are capped per rule and table', () => {
  it('175 invalid cells in table 三 give 100 count-invalid diagnostics and one saying 75 more', () => {
    const report = sampleReport();
    let cells = 0;
    for (const row of Object.values(report.tables.applications?.rows ?? {})) {
      for (const column of Object.keys(row?.cells ?? {})) {
        (row?.cells as Record<string, unknown>)[column] = { kind: 'invalid', text: '-1' };
        cells++;
      }
    }
    expect(cells).toBe(175);
    const diagnostics = checkReport(report, { locale: 'en' });
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'count-invalid')).toHaveLength(DEFAULT_MAX_PER_TABLE);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === TOO_MANY_FINDINGS_RULE_ID)).toMatchObject([
      { table: 'applications', args: { rule: 'count-invalid', count: 75, max: 100 }, message: expect.stringContaining('found 75 more problems in') },
    ]);
    expect(checkReport(report, { maxPerTable: 1000 }).filter((diagnostic) => diagnostic.ruleId === 'count-invalid')).toHaveLength(175);
  });
});

describe('the functions named in the API review do not throw on null, undefined or wrong types', () => {
  it('parseReport and normalize read what is not a string as the empty text', () => {
    for (const input of [null, undefined, 42]) {
      expect(parseReport(input as never)).toEqual(parseReport(''));
      expect(normalize(input as never).text).toBe('');
    }
    expect(checkReport(parseReport(null as never)).map((diagnostic) => diagnostic.ruleId)).toEqual(['not-a-report']);
  });

  it('checkSeries: not an array is one invalid-input error; an entry that is no report is one in its own list, and nothing is paired', () => {
    expect(checkSeries(null as never)).toMatchObject({ diagnostics: [[{ ruleId: INVALID_INPUT_RULE_ID, messageId: 'not-a-report-object', args: { value: 'null' } }]], pairs: [] });
    const good = { report: parseReport(seedText('001')) };
    const result = checkSeries([good, {} as never]);
    expect(result.diagnostics[0]).toEqual([]);
    expect(result.diagnostics[1]).toMatchObject([{ ruleId: INVALID_INPUT_RULE_ID, messageId: 'not-a-report-object', args: { value: 'undefined' } }]);
    expect(result.pairs).toEqual([]);
  });

  it('formatters format what is not a list of results as none', () => {
    expect(formatStylish(null as never)).toBe(formatStylish([]));
    expect(formatJson(null as never)).toBe('[]\n');
    expect(JSON.parse(formatSarif(undefined as never, null as never)).runs[0].results).toEqual([]);
  });

  it.each([
    ['abc', { kind: 'invalid', text: 'abc' }],
    ['1,200', { kind: 'invalid', text: '1,200' }],
    ['１２', { kind: 'count', value: 12 }],
    [' 7 ', { kind: 'count', value: 7 }],
    ['—', { kind: 'blank', text: '—' }],
    ['', { kind: 'blank', text: '' }],
    ['2.5', { kind: 'invalid', text: '2.5' }],
  ])("setCell(r, 'applications.received.total', %j): read as the reader reads a cell, never a throw", (text, cell) => {
    const report = createReport({ year: 2024 });
    expect(setCell(report, 'applications.received.total', text)).toBe(report);
    expect(report.tables.applications?.rows.received?.cells.total).toEqual(cell);
  });

  it('setCell: an invalid cell set from a string is reported by checkReport as count-invalid, a fee as an exact amount', () => {
    const report = createReport({ year: 2024 });
    setCell(report, 'applications.received.total', '1,200');
    expect(checkReport(report).filter((diagnostic) => diagnostic.ruleId === 'count-invalid')).toMatchObject([{ table: 'applications', row: 'received', column: 'total' }]);
    setCell(report, 'activeDisclosure.fees.amountWanYuan', '0.35');
    expect(String((report.tables.activeDisclosure?.rows.fees?.cells.amountWanYuan as { value: unknown }).value)).toBe('0.35');
  });

  it('createReport(null) is the default report', () => {
    expect(serializeReport(createReport(null as never))).toEqual(serializeReport(createReport()));
  });
});
