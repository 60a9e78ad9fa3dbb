import { Decimal as DecimalJs } from 'decimal.js';
import * as z from 'zod';

/**
 * The decimal.js constructor xxgk-lint computes with. A clone, so that a host's `Decimal.set`
 * never changes our results and we never change the host's.
 */
export const Decimal = DecimalJs.clone({ precision: 64, rounding: DecimalJs.ROUND_HALF_EVEN });

/** An exact decimal number (a decimal.js instance). */
export type Decimal = DecimalJs;

// Amounts in the report are never negative (FORMAT.md §6 C5): a negative is not a valid amount.
const DECIMAL_TEXT = /^\d+(\.\d+)?$/;

/**
 * A non-negative decimal amount: a plain decimal string (or a finite number) on input, a decimal.js `Decimal` in
 * the model, a string again when encoded to JSON. Exact: `"779.508355"` stays `779.508355`.
 */
export const DecimalSchema = z.codec(
  z.union([z.string().regex(DECIMAL_TEXT), z.number().nonnegative()]),
  z.custom<DecimalJs>((value) => DecimalJs.isDecimal(value), { message: 'expected a decimal.js Decimal' }),
  {
    // A number is read through its shortest round-trip text, so 0.1 stays 0.1.
    decode: (input) => new Decimal(typeof input === 'number' ? String(input) : input),
    encode: (decimal) => decimal.toFixed(),
  },
);
