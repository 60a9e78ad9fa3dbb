/**
 * The JSON Schema of a report's JSON form, produced by zod's own `z.toJSONSchema` from the model, so
 * that tools in other languages validate exactly what {@link AnnualReportSchema} accepts.
 *
 * The committed file `schema/annual-report.schema.json` is checked against this by
 * `test/schema.test.ts`; `npm run schema` rewrites it (vitest's file-snapshot update).
 */
import * as z from 'zod';
import {
  ActiveDisclosureTableSchema,
  AmountCellSchema,
  AnnualReportSchema,
  ApplicationsTableSchema,
  BlankCellSchema,
  CellSchema,
  CountCellSchema,
  CountFactSchema,
  DecimalSchema,
  FactSchema,
  FeeFactSchema,
  InvalidCellSchema,
  PeriodSchema,
  ReportMetaSchema,
  ReportTablesSchema,
  ReviewsTableSchema,
  SectionSchema,
  SpanSchema,
  UnplacedValueSchema,
} from '../src/index.js';

/** Where the schema is shipped, relative to the package root (also an `exports` entry). */
export const SCHEMA_FILE = 'schema/annual-report.schema.json';

/**
 * Names and descriptions for the shared parts of the report. A local registry (never zod's global
 * one: the library must not touch its host's global state) so that each part becomes one named
 * `$defs` entry instead of being repeated inline.
 */
function definitions(): z.core.$ZodRegistry<Record<string, unknown>> {
  const registry = z.registry<Record<string, unknown>>();
  const named: [z.ZodType, string, string][] = [
    [SpanSchema, 'Span', 'A range of the original text: UTF-16 offsets start/end, and the 1-based line and column of start.'],
    [DecimalSchema, 'Decimal', 'An exact decimal (万元): a plain decimal string such as "779.508355", or a number. Written as a string.'],
    [CountCellSchema, 'CountCell', 'A count: a non-negative integer.'],
    [AmountCellSchema, 'AmountCell', 'The fee amount in 万元: an exact decimal.'],
    [BlankCellSchema, 'BlankCell', 'A cell without a number — empty, "—", "/", "无" — kept apart from 0.'],
    [InvalidCellSchema, 'InvalidCell', 'A cell whose text is not a valid value for its column, kept as written.'],
    [CellSchema, 'Cell', 'One table cell: its value and where it came from.'],
    [ActiveDisclosureTableSchema, 'ActiveDisclosureTable', 'Table 二 (第二十条 active disclosure): rows by key, cells by column key.'],
    [ApplicationsTableSchema, 'ApplicationsTable', 'Table 三 (收到和处理政府信息公开申请情况): rows by key, cells by column key.'],
    [ReviewsTableSchema, 'ReviewsTable', 'Table 四 (行政复议、行政诉讼情况): rows by key, cells by column key.'],
    [ReportTablesSchema, 'ReportTables', 'The statistics tables; each may be absent.'],
    [SectionSchema, 'Section', 'A section as found: its template key, its heading as written, where.'],
    [PeriodSchema, 'Period', 'The statistics period as stated.'],
    [ReportMetaSchema, 'ReportMeta', 'Who published the report, for which year, when, and in which format.'],
    [CountFactSchema, 'CountFact', 'A count the narrative states.'],
    [FeeFactSchema, 'FeeFact', 'Whether the narrative says 信息处理费 were collected.'],
    [FactSchema, 'Fact', 'A fact stated in the narrative.'],
    [UnplacedValueSchema, 'UnplacedValue', 'A number inside a table region that the reader could not place in a cell.'],
  ];
  for (const [schema, id, description] of named) registry.add(schema, { id, description });
  registry.add(AnnualReportSchema, {
    title: 'xxgk-lint annual report',
    description:
      'A 政府信息公开工作年度报告 as xxgk-lint models it (国办公开办函〔2021〕30号): metadata, sections, the three statistics tables, narrative facts and unplaced numbers.',
  });
  return registry;
}

/**
 * The JSON Schema (draft 2020-12) of the JSON form of a report — what `AnnualReportSchema` parses.
 * Generated on the input side (`io: 'input'`): a fee amount is a decimal string or a number.
 */
export function annualReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(AnnualReportSchema, { target: 'draft-2020-12', io: 'input', metadata: definitions() });
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function annualReportJsonSchemaText(): string {
  return `${JSON.stringify(annualReportJsonSchema(), null, 2)}\n`;
}
