import * as z from 'zod';

/**
 * A range of the original text the user supplied. Offsets are UTF-16 code-unit indices into that
 * text (so `text.slice(start, end)` is the range); `line` and `column` (1-based, columns in UTF-16
 * code units as SARIF counts them by default) locate `start`. For a web page the original is its
 * source (line and column of the text in the HTML); for a PDF or Word file, the text its reader
 * extracted, with the page or the table cell added.
 */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** The page, for a report read from a PDF (1-based). */
  page: z.number().int().positive().optional(),
  /**
   * The table cell, for a value read from a table of a web page or a Word file: the table's index
   * in the document and the row and cell (as written, spans not expanded) within it, all 1-based.
   */
  cell: z.object({ table: z.number().int().positive(), row: z.number().int().positive(), column: z.number().int().positive() }).optional(),
});

/** A range of the original text; see {@link SpanSchema}. */
export type Span = z.infer<typeof SpanSchema>;

/** A value read from the text, with where it was read. */
export const located = <T extends z.ZodType>(value: T) => z.object({ value, span: SpanSchema.optional() });
