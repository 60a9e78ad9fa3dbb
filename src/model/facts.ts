import * as z from 'zod';
import { NARRATIVE_COUNT_KINDS } from '../catalog/index.js';
import type { NarrativeCountKind } from '../catalog/index.js';
import { SpanSchema } from './span.js';

/** The counts a report's narrative states that its tables can confirm (the catalog's narrative vocabulary). */
export const COUNT_FACT_KINDS = NARRATIVE_COUNT_KINDS;

/** Kind of a counted narrative fact. */
export type CountFactKind = NarrativeCountKind;

/** A count stated in the text ("共受理16件政府信息公开申请"; "未收到…申请" states 0). */
export const CountFactSchema = z.object({
  kind: z.enum(COUNT_FACT_KINDS),
  value: z.number().int().nonnegative(),
  /** The words that state it, as written. */
  text: z.string(),
  span: SpanSchema.optional(),
});

/** Whether the text says 信息处理费 were collected ("未收取…信息处理费" says they were not). */
export const FeeFactSchema = z.object({
  kind: z.literal('processingFeeCollected'),
  value: z.boolean(),
  text: z.string(),
  span: SpanSchema.optional(),
});

/** A fact stated in the narrative. */
export const FactSchema = z.discriminatedUnion('kind', [CountFactSchema, FeeFactSchema]);

/** A fact stated in the narrative; see {@link FactSchema}. */
export type Fact = z.infer<typeof FactSchema>;
/** A counted fact. */
export type CountFact = z.infer<typeof CountFactSchema>;
/** The processing-fee statement. */
export type FeeFact = z.infer<typeof FeeFactSchema>;
