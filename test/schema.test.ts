import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { annualReportJsonSchema, annualReportJsonSchemaText, SCHEMA_FILE } from '../scripts/schema.js';
import { AnnualReportSchema, createReport, serializeReport } from '../src/index.js';
import { expectedReport, seedExpectation, TABLED_SEEDS } from './support/fixtures.js';

// The JSON form of a report exactly as another program would receive it: text, parsed back.
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function validator() {
  // strict: an unknown keyword in the generated schema is an error, not silently ignored.
  // The `date` format is left to the pattern zod emits beside it (no format plugin needed).
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { date: true } });
  return ajv.compile(annualReportJsonSchema());
}

describe('the shipped JSON Schema', () => {
  it('is what z.toJSONSchema makes of AnnualReportSchema (run `npm run schema` after changing the model)', async () => {
    await expect(annualReportJsonSchemaText()).toMatchFileSnapshot(`../${SCHEMA_FILE}`);
  });

  it('reads a fee amount as a decimal string or a number, on the input side of the codec', () => {
    const definitions = annualReportJsonSchema().$defs as Record<string, unknown>;
    expect(definitions.Decimal).toMatchObject({ anyOf: [{ type: 'string' }, { type: 'number' }] });
  });
});

describe.each(TABLED_SEEDS)('seed %s ground truth in JSON form', (id) => {
  const json = asJson(serializeReport(expectedReport(seedExpectation(id))));

  it('validates against the JSON Schema', () => {
    const validate = validator();
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it('parses with zod to the same report', () => {
    expect(serializeReport(AnnualReportSchema.parse(json))).toEqual(json);
  });
});

describe('an invalid report', () => {
  const valid = asJson(serializeReport(createReport({ year: 2024 }))) as {
    tables: { applications: { rows: Record<string, { cells: Record<string, unknown> }> }; activeDisclosure: { rows: Record<string, { cells: Record<string, unknown> }> } };
  };

  const withCell = (table: 'applications' | 'activeDisclosure', row: string, column: string, cell: unknown): unknown => {
    const copy = structuredClone(valid);
    const rows = copy.tables[table].rows;
    (rows[row] ??= { cells: {} }).cells[column] = cell;
    return copy;
  };

  const cases: [string, unknown][] = [
    ['a count of -1', withCell('applications', 'received', 'total', { kind: 'count', value: -1 })],
    ['a count of 2.5', withCell('applications', 'received', 'total', { kind: 'count', value: 2.5 })],
    ['a fee amount "abc"', withCell('activeDisclosure', 'fees', 'amountWanYuan', { kind: 'amount', value: 'abc' })],
    ['a fee amount "251000元"', withCell('activeDisclosure', 'fees', 'amountWanYuan', { kind: 'amount', value: '251000元' })],
    ['an unknown row key', withCell('applications', 'notARow', 'total', { kind: 'count', value: 1 })],
  ];

  it('the unchanged report is valid for both (so the rejections below are about the fault)', () => {
    expect(AnnualReportSchema.safeParse(valid).success).toBe(true);
    expect(validator()(valid)).toBe(true);
  });

  it('a fee amount given as a number (779.508355) is valid for both', () => {
    const report = withCell('activeDisclosure', 'fees', 'amountWanYuan', { kind: 'amount', value: 779.508355 });
    expect(AnnualReportSchema.safeParse(report).success).toBe(true);
    expect(validator()(report)).toBe(true);
  });

  it.each(cases)('with %s is rejected by zod', (_name, report) => {
    expect(AnnualReportSchema.safeParse(report).success).toBe(false);
  });

  it.each(cases)('with %s is rejected by the JSON Schema', (_name, report) => {
    expect(validator()(report)).toBe(false);
  });
});
