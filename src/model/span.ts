import * as z from 'zod';

/**
 * A range of the original text the user supplied. Offsets are UTF-16 code-unit indices into that
 * text (so `text.slice(start, end)` is the range); `line` and `column` (1-based, columns in UTF-16
 * code units as SARIF counts them by default) locate `start`.
 */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});

/** A range of the original text; see {@link SpanSchema}. */
export type Span = z.infer<typeof SpanSchema>;

/** A value read from the text, with where it was read. */
export const located = <T extends z.ZodType>(value: T) => z.object({ value, span: SpanSchema.optional() });
