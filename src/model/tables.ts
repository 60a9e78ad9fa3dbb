import * as z from 'zod';
import {
  ACTIVE_DISCLOSURE_TABLE,
  ACTIVE_DISCLOSURE_TABLE_2019,
  APPLICANT_COLUMNS,
  APPLICATIONS_TABLE,
  APPLICATIONS_TABLE_2019,
  CASE_OUTCOME_COLUMNS,
  REVIEWS_TABLE,
} from '../catalog/index.js';
import type { ApplicationsRowKey, TableDefinition } from '../catalog/index.js';
import { CellSchema } from './cell.js';
import type { Cell } from './cell.js';
import { SpanSchema } from './span.js';
import type { Span } from './span.js';

const uniqueKeys = <K extends string>(items: readonly { key: string }[]): [K, ...K[]] =>
  [...new Set(items.map((item) => item.key))] as [K, ...K[]];

/** Builds the schema of one table row whose cells are keyed by the given columns. */
const rowSchema = <C extends string>(columnKeys: [C, ...C[]]) =>
  z.object({
    /** Cells by column key; a column the reader did not find is absent (never 0). */
    cells: z.partialRecord(z.enum(columnKeys), CellSchema),
    /** The row label as written in the report. */
    label: z.string().optional(),
    /** Where the label was written. */
    labelSpan: SpanSchema.optional(),
    /** True when the report lost this row's label and the reader placed it by its position. */
    labelInferred: z.boolean().optional(),
    /** True when the row's values ran together in the text and were cut by the table's sums (the only reading that fits). */
    valuesInferred: z.boolean().optional(),
  });

/** Builds the schema of a table from its catalog definition(s): rows by key, each optional. */
const tableSchema = <R extends string, C extends string>(rowKeys: [R, ...R[]], columnKeys: [C, ...C[]]) =>
  z.object({
    /** Where the table was read. */
    span: SpanSchema.optional(),
    /** Rows by key; a row the reader did not find is absent. */
    rows: z.partialRecord(z.enum(rowKeys), rowSchema(columnKeys)),
  });

type RowKeyOf<T extends TableDefinition> = T['rows'][number]['key'];
type ColumnKeyOf<T extends TableDefinition> = T['rows'][number]['columns'][number]['key'];

const allColumns = (table: TableDefinition) => table.rows.flatMap((row) => row.columns);

/** Table 二 (第二十条 active disclosure), the 2021 rows and columns plus those of the 2019 format. */
export const ActiveDisclosureTableSchema = tableSchema(
  uniqueKeys<RowKeyOf<typeof ACTIVE_DISCLOSURE_TABLE> | RowKeyOf<typeof ACTIVE_DISCLOSURE_TABLE_2019>>([
    ...ACTIVE_DISCLOSURE_TABLE.rows,
    ...ACTIVE_DISCLOSURE_TABLE_2019.rows,
  ]),
  uniqueKeys<ColumnKeyOf<typeof ACTIVE_DISCLOSURE_TABLE> | ColumnKeyOf<typeof ACTIVE_DISCLOSURE_TABLE_2019>>([
    ...allColumns(ACTIVE_DISCLOSURE_TABLE),
    ...allColumns(ACTIVE_DISCLOSURE_TABLE_2019),
  ]),
);

/** Table 三 (applications), 2021 rows plus the single 2019 （六）其他处理 row. */
export const ApplicationsTableSchema = tableSchema(
  uniqueKeys<ApplicationsRowKey>([...APPLICATIONS_TABLE.rows, ...APPLICATIONS_TABLE_2019.rows]),
  uniqueKeys<(typeof APPLICANT_COLUMNS)[number]['key']>(APPLICANT_COLUMNS),
);

/** Table 四 (administrative review and litigation). */
export const ReviewsTableSchema = tableSchema(
  uniqueKeys<RowKeyOf<typeof REVIEWS_TABLE>>(REVIEWS_TABLE.rows),
  uniqueKeys<(typeof CASE_OUTCOME_COLUMNS)[number]['key']>(CASE_OUTCOME_COLUMNS),
);

/** Table 二 as read. */
export type ActiveDisclosureTable = z.infer<typeof ActiveDisclosureTableSchema>;
/** Table 三 as read. */
export type ApplicationsTable = z.infer<typeof ApplicationsTableSchema>;
/** Table 四 as read. */
export type ReviewsTable = z.infer<typeof ReviewsTableSchema>;
/** A row of any table, seen generically: cells by column key. */
export interface TableRow {
  /** Cells by column key; a column the reader did not find is absent (never 0). */
  cells: Partial<Record<string, Cell>>;
  /** The row label as written in the report. */
  label?: string | undefined;
  /** Where the label was written. */
  labelSpan?: Span | undefined;
  /** True when the report lost this row's label and the reader placed it by its position. */
  labelInferred?: boolean | undefined;
  /** True when the row's values ran together in the text and were cut by the table's sums. */
  valuesInferred?: boolean | undefined;
}
/** A table of any kind, seen generically: rows by key, cells by column key. */
export interface AnyTable {
  /** Where the table was read. */
  readonly span?: z.infer<typeof SpanSchema> | undefined;
  /** Rows by key. */
  readonly rows: Readonly<Partial<Record<string, TableRow>>>;
}
