import * as z from 'zod';
import { FORMAT_VERSIONS, SECTION_KEYS, TABLE_KEYS } from '../catalog/index.js';
import { DOCUMENT_FORMS } from '../document/model.js';
import type { SectionKey, TableKey } from '../catalog/index.js';
import { FactSchema } from './facts.js';
import { located, SpanSchema } from './span.js';
import { ActiveDisclosureTableSchema, ApplicationsTableSchema, ReviewsTableSchema } from './tables.js';

/** A section of the report as found: which template section, its heading as written, where. */
export const SectionSchema = z.object({
  key: z.enum(SECTION_KEYS as [SectionKey, ...SectionKey[]]),
  /** The heading line as written in the report. */
  heading: z.string(),
  /** Where the heading is. */
  headingSpan: SpanSchema.optional(),
  /** The whole section: from its heading to the next section's heading or the end of the report. */
  span: SpanSchema.optional(),
});

/** The statistics period as stated ("统计期限自2024年1月1日起至2024年12月31日止"). */
export const PeriodSchema = z.object({
  text: z.string(),
  /** True when the template's blanks were never filled ("自年月日起至年12月31日止"). */
  blank: z.boolean(),
  span: SpanSchema.optional(),
});

/** Who published the report, for which year, when, and in which format. */
export const ReportMetaSchema = z.object({
  /** The agency, as written (title, signature block or the body's self-reference). */
  agency: located(z.string()).optional(),
  /** The reporting year (the statistics year, not the publication year). */
  year: located(z.number().int().min(1990).max(2200)).optional(),
  /** The publication date, ISO `YYYY-MM-DD`, when the report states one. */
  publishedOn: located(z.iso.date()).optional(),
  /** The statistics period statement, when present. */
  period: PeriodSchema.optional(),
  /** The format the report follows (FORMAT.md §7). */
  formatVersion: z.enum(FORMAT_VERSIONS),
  /** The form the report was read from: text, a web page, a PDF or a Word file. */
  form: z.enum(DOCUMENT_FORMS).optional(),
});

/**
 * Whether the text is a whole report: not a report at all (an index page, an empty file), or one
 * that stops before its end (an excerpt, a cut-off page) — where it stops, so that what the text
 * never reached is reported once, not section by section and cell by cell.
 */
export const CompletenessSchema = z.object({
  /** `not-a-report`: no section heading and no table of the template; `truncated`: the text stops before the report's end. */
  verdict: z.enum(['not-a-report', 'truncated']),
  /** The section the text stops in (truncated). */
  section: z.enum(SECTION_KEYS as [SectionKey, ...SectionKey[]]).optional(),
  /** The table the text stops in or before (truncated, in a section that holds a table). */
  table: z.enum(TABLE_KEYS as [TableKey, ...TableKey[]]).optional(),
  /** The first row of that table the text does not give whole, when it stops inside the table. */
  row: z.string().optional(),
  /** Where the text stops (its last characters). */
  span: SpanSchema.optional(),
});

/** A number found inside a table region that the reader could not place in a cell. */
export const UnplacedValueSchema = z.object({
  /** The text as written. */
  text: z.string(),
  /** The table whose region it was in. */
  table: z.enum(TABLE_KEYS as [TableKey, ...TableKey[]]).optional(),
  /** The row it was read with, when the row is known. */
  row: z.string().optional(),
  /**
   * Why it could not be placed: an extra value, a row not recognised, a place not certain (digits run
   * together that the table's sums leave with several readings), or digits run together that no
   * reading fits (`unsplittable`).
   */
  reason: z.enum(['extra-value', 'unknown-row', 'ambiguous', 'unsplittable']),
  span: SpanSchema.optional(),
  /** For digits run together: the cells (`row.column`) they fill once cut. */
  cells: z.array(z.string()).optional(),
  /** For digits run together with several readings: some of the readings that fit, each the cells' values in order. */
  readings: z.array(z.array(z.string())).optional(),
  /**
   * For the rest of a table's region that its reading did not reach (after a heading or sentence
   * that ended the table early): how many values the entry stands for (its `text` and `span` cover
   * them all), and the first template row not read — the rows from there on are this one finding's.
   * For a line of nothing but values outside every table (no `table`: a row copied into the
   * narrative): how many values the line holds.
   */
  rest: z.object({ count: z.number().int().positive(), fromRow: z.string().optional() }).optional(),
});

/**
 * An image in the report's text (a web page's `<img>`, a Word file's drawing): where it stands and
 * in which section. A statistics table published as a picture is there but cannot be read; the
 * rules tell that apart from a table left out.
 */
export const FigureSchema = z.object({
  /** The section the image stands in, when it stands in one. */
  section: z.enum(SECTION_KEYS as [SectionKey, ...SectionKey[]]).optional(),
  /** A web page's image address as written (`src`, or `data-src` for a lazily loaded one), to fetch it (to read a pictured table by OCR). */
  target: z.string().optional(),
  /** Where the image is: the `<img>` tag of a page; in a Word file's text, where the picture stands. */
  span: SpanSchema.optional(),
});

/**
 * A file the report's page links to or embeds (a PDF, Word, WPS, OFD or spreadsheet file): what a
 * pipeline fetches when the page itself holds no report, only the link to it.
 */
export const AttachmentSchema = z.object({
  /** The file as the page names it: the link's text, else the file name in its address. */
  name: z.string(),
  /** The address as written in the page (relative or absolute). */
  target: z.string(),
  /** The section it stands in, when it stands in one. */
  section: z.enum(SECTION_KEYS as [SectionKey, ...SectionKey[]]).optional(),
  /** Where the link or embed is in the page. */
  span: SpanSchema.optional(),
});

/** The statistics tables; each may be absent. */
export const ReportTablesSchema = z.object({
  activeDisclosure: ActiveDisclosureTableSchema.optional(),
  applications: ApplicationsTableSchema.optional(),
  reviews: ReviewsTableSchema.optional(),
});

/** A typed annual report: what the rules check. */
export const AnnualReportSchema = z.object({
  meta: ReportMetaSchema,
  /** The sections found, in the order they appear. */
  sections: z.array(SectionSchema),
  tables: ReportTablesSchema,
  /** Counts and statements read from the narrative. */
  facts: z.array(FactSchema),
  /** Numbers the reader could not place (never silently dropped). */
  unplaced: z.array(UnplacedValueSchema),
  /** The images in the report's text, in reading order; absent when it has none (always for plain text). */
  figures: z.array(FigureSchema).optional(),
  /** The files the page links to or embeds, in reading order; absent when it names none. */
  attachments: z.array(AttachmentSchema).optional(),
  /**
   * What kept the reader from reading the whole document (a PDF without a text layer, an encrypted
   * or damaged file, a limit reached), each with a stable code: reported as errors, never guessed around.
   */
  problems: z
    .array(
      z.object({
        code: z.string(),
        message: z.string(),
        detail: z.object({ id: z.string(), args: z.record(z.string(), z.string()).optional() }).optional(),
      }),
    )
    .optional(),
  /** Set when the text is not a whole report (see {@link CompletenessSchema}). */
  completeness: CompletenessSchema.optional(),
  /** Stages of the reader that failed on this text (a defect of xxgk-lint, reported as `internal-error`). */
  readerFailures: z.array(z.object({ stage: z.string(), message: z.string() })).optional(),
});

/**
 * A typed annual report (decoded: fee amounts are `Decimal`). Its fields, and every valid row and
 * column key, are listed on the page below (generated from the JSON Schema and the catalog).
 *
 * @document ../../docs/reference/annual-report.md
 */
export type AnnualReport = z.infer<typeof AnnualReportSchema>;
/** The JSON form of a report (fee amounts as strings) — what {@link AnnualReportSchema} parses. */
export type AnnualReportInput = z.input<typeof AnnualReportSchema>;
/** A section as found. */
export type Section = z.infer<typeof SectionSchema>;
/** Report metadata. */
export type ReportMeta = z.infer<typeof ReportMetaSchema>;
/** Whether the text is a whole report. */
export type Completeness = z.infer<typeof CompletenessSchema>;
/** An unplaced number. */
export type UnplacedValue = z.infer<typeof UnplacedValueSchema>;
/** A file the report's page links to or embeds. */
export type Attachment = z.infer<typeof AttachmentSchema>;
/** An image in the report's text. */
export type Figure = z.infer<typeof FigureSchema>;
/** The tables of a report. */
export type ReportTables = z.infer<typeof ReportTablesSchema>;

/**
 * Reads a report from its JSON form (as written by {@link serializeReport} or by hand), validating it.
 * Takes the parsed value or the JSON text itself (`parseReportJson(JSON.stringify(report))`). Returns
 * zod's result: `success` with the typed report, or the issues. Never throws: a text that is not JSON
 * is a failure whose one issue (`custom`, at the root) gives the syntax error.
 */
export function parseReportJson(json: unknown): z.ZodSafeParseResult<AnnualReport> {
  if (typeof json !== 'string') return AnnualReportSchema.safeParse(json);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const message = `the text is not JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { success: false, error: new z.ZodError([{ code: 'custom', message, path: [], input: json }]) as z.ZodError<AnnualReport> };
  }
  return AnnualReportSchema.safeParse(value);
}

/** Writes a report to its JSON form: fee amounts become exact decimal strings. */
export function serializeReport(report: AnnualReport): AnnualReportInput {
  return AnnualReportSchema.encode(report);
}
