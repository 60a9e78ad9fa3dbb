/**
 * The narrative's counts and the table cells each one equals, as data: what the fact reader looks
 * for and what the rules compare it with, defined once.
 *
 * @packageDocumentation
 */
import type { TableKey } from './tables.js';

/** A cell of a table, by row and column key. */
export interface NarrativeCell {
  /** Row key. */
  readonly row: string;
  /** Column key. */
  readonly column: string;
}

/** Where the tables hold what a stated count counts. */
export interface NarrativeCount {
  /** The table. */
  readonly table: TableKey;
  /** The cells whose sum the stated count equals. */
  readonly cells: readonly NarrativeCell[];
  /** Cells whose sum, added to `cells`, is also an accepted reading of the statement ("收到75件" counting those carried over). */
  readonly alsoWith?: readonly NarrativeCell[];
}

/** The kinds of count a report's narrative states that its tables can confirm, in the order they are read. */
export const NARRATIVE_COUNT_KINDS = [
  'applicationsReceived',
  'applicationsConcluded',
  'applicationsCarriedForward',
  'normativeDocumentsIssued',
  'normativeDocumentsInForce',
  'reviewCases',
  'litigationCases',
] as const;

/** Kind of a counted narrative fact. */
export type NarrativeCountKind = (typeof NARRATIVE_COUNT_KINDS)[number];

/** Which cells each stated count equals. */
export const NARRATIVE_COUNTS: Readonly<Record<NarrativeCountKind, NarrativeCount>> = {
  applicationsReceived: {
    table: 'applications',
    cells: [{ row: 'received', column: 'total' }],
    alsoWith: [{ row: 'carriedOver', column: 'total' }],
  },
  applicationsConcluded: { table: 'applications', cells: [{ row: 'concludedTotal', column: 'total' }] },
  applicationsCarriedForward: { table: 'applications', cells: [{ row: 'carriedForward', column: 'total' }] },
  normativeDocumentsIssued: { table: 'activeDisclosure', cells: [{ row: 'normativeDocuments', column: 'issued' }] },
  normativeDocumentsInForce: { table: 'activeDisclosure', cells: [{ row: 'normativeDocuments', column: 'inForce' }] },
  reviewCases: { table: 'reviews', cells: [{ row: 'review', column: 'total' }] },
  litigationCases: {
    table: 'reviews',
    cells: [
      { row: 'litigationDirect', column: 'total' },
      { row: 'litigationAfterReview', column: 'total' },
    ],
  },
};
