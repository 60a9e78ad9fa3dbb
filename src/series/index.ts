/**
 * Several reports of one agency: year over year (`checkSeries`), a summary against its parts
 * (`checkSummary`), agency identity and kind, publication deadlines, and the narrative similarity the
 * series rules use. Pure: no I/O.
 *
 * @packageDocumentation
 */
export { checkSeries, checkSummary, groupSeries, uriOf } from './check.js';
export type { PairSkip, SeriesPair, SeriesResult } from './check.js';
export { agencyIdentity, sameAgency } from './identity.js';
export { agencyKind, publicationDeadline, REVISED_REGULATION_FIRST_YEAR } from './kind.js';
export type { AgencyKind } from './kind.js';
export { narrativeRanges, narrativeSentences, normalizedOffset, sourceOf } from './narrative.js';
export type { NarrativeSentence } from './narrative.js';
export { compareNarratives, SENTENCE_CONTAINMENT, SHINGLE_LENGTH } from './similarity.js';
export type { CopiedPassage, TextSimilarity } from './similarity.js';
