import { describe, expect, it } from 'vitest';
import { CellSchema, RULES, checkReport, createReport, runRules, serializeReport, AnnualReportSchema } from '../../src/index.js';
import type { Cell } from '../../src/index.js';

describe('a count cell', () => {
  it.each([0, 1, 16, 2821, Number.MAX_SAFE_INTEGER])('accepts %d', (value) => {
    expect(CellSchema.parse({ kind: 'count', value })).toEqual({ kind: 'count', value });
  });

  it.each([
    ['-1', -1],
    ['2.5', 2.5],
    ['"3" (a string)', '3'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['1e21 (not a safe integer)', 1e21],
    ['null', null],
  ])('rejects %s', (_name, value) => {
    expect(CellSchema.safeParse({ kind: 'count', value }).success).toBe(false);
  });
});

describe('a blank cell', () => {
  it.each(['', '—', '/', '无', '-'])('keeps %j as written', (text) => {
    const cell = CellSchema.parse({ kind: 'blank', text });
    expect(cell).toEqual({ kind: 'blank', text });
    expect(CellSchema.encode(cell)).toEqual({ kind: 'blank', text });
  });

  it('is not 0: it survives the JSON round trip as a blank, not a count', () => {
    const report = createReport({ year: 2024 });
    const received = report.tables.applications?.rows.received;
    if (!received) throw new Error('createReport has no received row');
    received.cells.naturalPerson = { kind: 'blank', text: '—' };
    const back = AnnualReportSchema.parse(JSON.parse(JSON.stringify(serializeReport(report))));
    const cell: Cell | undefined = back.tables.applications?.rows.received?.cells.naturalPerson;
    expect(cell).toEqual({ kind: 'blank', text: '—' });
    expect(cell).not.toEqual({ kind: 'count', value: 0 });
  });

  it('is not counted as 0 by the arithmetic: a blank where 0 would balance is "cannot check", not a pass', () => {
    // Every cell of a new report is 0; a blank in place of one 0 must not read as "balanced".
    const report = createReport({ year: 2024 });
    const received = report.tables.applications?.rows.received;
    if (!received) throw new Error('createReport has no received row');
    received.cells.naturalPerson = { kind: 'blank', text: '/' };
    const diagnostics = runRules(report, RULES.filter((rule) => rule.meta.id === 'applications-balance'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'applications-balance', severity: 'info', messageId: 'incomplete' });
  });
});

describe('an invalid cell', () => {
  it('keeps the text as written, for a rule to report', () => {
    expect(CellSchema.parse({ kind: 'invalid', text: '251000元' })).toEqual({ kind: 'invalid', text: '251000元' });
  });
});

describe('a cell of an unknown kind', () => {
  it('is rejected', () => {
    expect(CellSchema.safeParse({ kind: 'zero', value: 0 }).success).toBe(false);
  });
});

describe('a report built in code', () => {
  it('checks clean: every cell 0 balances', () => {
    expect(checkReport(createReport({ year: 2024 })).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
