import DecimalJs from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import { AmountCellSchema, AnnualReportSchema, Decimal, DecimalSchema, createReport, serializeReport } from '../../src/index.js';
import { expectedReport, seedExpectation } from '../support/fixtures.js';

describe('DecimalSchema', () => {
  it('keeps 779.508355 exact through parse → encode → JSON', () => {
    const decoded = DecimalSchema.decode('779.508355');
    expect(decoded).toBeInstanceOf(Decimal);
    expect(decoded.toFixed()).toBe('779.508355');
    const encoded = DecimalSchema.encode(decoded);
    expect(encoded).toBe('779.508355');
    expect(JSON.stringify({ amount: encoded })).toBe('{"amount":"779.508355"}');
  });

  it('reads a number through its shortest text: 0.1 stays "0.1", not 0.1000000000000000055511151231257827', () => {
    expect(DecimalSchema.encode(DecimalSchema.decode(0.1))).toBe('0.1');
    expect(DecimalSchema.encode(DecimalSchema.decode(779.508355))).toBe('779.508355');
  });

  it('keeps digits a binary double cannot hold', () => {
    const text = '12345678901234567890.123456789012345678';
    expect(Number(text).toString()).not.toBe(text);
    expect(DecimalSchema.encode(DecimalSchema.decode(text))).toBe(text);
  });

  it('adds exactly: 0.1 + 0.2 = 0.3', () => {
    expect(DecimalSchema.decode('0.1').plus(DecimalSchema.decode('0.2')).toFixed()).toBe('0.3');
  });

  it.each([['abc'], ['251000元'], ['1,000'], [''], ['1e3'], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects %s', (input) => {
    expect(DecimalSchema.safeDecode(input as string).success).toBe(false);
  });
});

describe('the Decimal constructor', () => {
  const hostPrecision = DecimalJs.precision;
  afterEach(() => {
    DecimalJs.set({ precision: hostPrecision });
  });

  it('is a clone: importing xxgk-lint leaves the host decimal.js settings alone', () => {
    expect(Decimal).not.toBe(DecimalJs);
    expect(DecimalJs.precision).toBe(20);
  });

  it("is not changed by the host's Decimal.set", () => {
    DecimalJs.set({ precision: 2 });
    expect(new DecimalJs('1').div(3).toFixed()).toBe('0.33');
    expect(new Decimal('1').div(3).toFixed().length).toBeGreaterThan(40);
  });
});

describe('the fee amount in a report', () => {
  it('seed 001 (779.508355 万元) survives serializeReport → JSON text → parse exactly', () => {
    const report = expectedReport(seedExpectation('001'));
    const json = JSON.stringify(serializeReport(report));
    expect(json).toContain('"value":"779.508355"');
    const back = AnnualReportSchema.parse(JSON.parse(json));
    const fee = back.tables.activeDisclosure?.rows.fees?.cells.amountWanYuan;
    expect(fee?.kind).toBe('amount');
    expect(fee?.kind === 'amount' && fee.value.toFixed()).toBe('779.508355');
  });

  it('is written as a string even when given as a number', () => {
    const cell = AmountCellSchema.parse({ kind: 'amount', value: 0.1 });
    expect(AmountCellSchema.encode(cell)).toEqual({ kind: 'amount', value: '0.1' });
  });

  it('starts at 0 万元 in a report built in code', () => {
    const fee = createReport().tables.activeDisclosure?.rows.fees?.cells.amountWanYuan;
    expect(fee?.kind === 'amount' && fee.value.isZero()).toBe(true);
  });
});
