import * as z from 'zod';
import { DecimalSchema } from './decimal.js';
import { SpanSchema } from './span.js';

/** A count: a non-negative integer, as the template requires for every cell but the fee amount. */
export const CountCellSchema = z.object({
  kind: z.literal('count'),
  value: z.number().int().nonnegative(),
  span: SpanSchema.optional(),
});

/**
 * A change of a count from last year (the 2019 table 二's 本年增/减): an integer that may be
 * negative — "减4" and "-4" are −4.
 */
export const SignedCellSchema = z.object({
  kind: z.literal('signed'),
  value: z.number().int(),
  span: SpanSchema.optional(),
});

/** An amount of money (the fee in 万元, the 2019 采购总金额): an exact non-negative decimal. */
export const AmountCellSchema = z.object({
  kind: z.literal('amount'),
  value: DecimalSchema,
  /** The unit written in the cell, for a column whose unit the template does not print (the 2019 采购总金额: "75394432.52元"). */
  unit: z.enum(['元', '万元']).optional(),
  span: SpanSchema.optional(),
});

/**
 * A cell left without a number: empty, or holding a placeholder such as `—`, `/` or `无`.
 * Kept apart from 0: a blank is not a zero.
 */
export const BlankCellSchema = z.object({
  kind: z.literal('blank'),
  text: z.string(),
  span: SpanSchema.optional(),
});

/** A cell whose text is not a valid value for its column (`2821.5` as a count, `251000元`, `-1`). */
export const InvalidCellSchema = z.object({
  kind: z.literal('invalid'),
  text: z.string(),
  span: SpanSchema.optional(),
});

/** One table cell: its value and where it came from. */
export const CellSchema = z.discriminatedUnion('kind', [CountCellSchema, SignedCellSchema, AmountCellSchema, BlankCellSchema, InvalidCellSchema]);

/** One table cell; see {@link CellSchema}. */
export type Cell = z.infer<typeof CellSchema>;
/** A count cell. */
export type CountCell = z.infer<typeof CountCellSchema>;
/** A signed change cell. */
export type SignedCell = z.infer<typeof SignedCellSchema>;
/** An amount cell. */
export type AmountCell = z.infer<typeof AmountCellSchema>;
/** A blank cell. */
export type BlankCell = z.infer<typeof BlankCellSchema>;
/** An invalid cell. */
export type InvalidCell = z.infer<typeof InvalidCellSchema>;
/** What a cell looks like in JSON (the fee amount as a string). */
export type CellInput = z.input<typeof CellSchema>;
