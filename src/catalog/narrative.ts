/**
 * The narrative's counts and the table cells each one equals, as data: what the fact reader looks
 * for and what the rules compare it with, defined once.
 *
 * @packageDocumentation
 */
import type { TableKey } from './tables.js';
import type { FormatVersion } from './templates.js';

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
  /**
   * Where another format's tables hold the count instead (the 2019 table 二 counts 本年新制作数量, not
   * 本年制发件数), or `null` when that format's tables do not hold it at all.
   */
  readonly formats?: Readonly<Partial<Record<FormatVersion, Omit<NarrativeCount, 'table' | 'formats'> | null>>>;
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
  normativeDocumentsIssued: {
    table: 'activeDisclosure',
    cells: [{ row: 'normativeDocuments', column: 'issued' }],
    formats: { '2019': { cells: [{ row: 'normativeDocuments', column: 'newlyMade' }] } },
  },
  // 对外公开总数量 of the 2019 table counts what was ever published, not what is in force.
  normativeDocumentsInForce: { table: 'activeDisclosure', cells: [{ row: 'normativeDocuments', column: 'inForce' }], formats: { '2019': null } },
  reviewCases: { table: 'reviews', cells: [{ row: 'review', column: 'total' }] },
  litigationCases: {
    table: 'reviews',
    cells: [
      { row: 'litigationDirect', column: 'total' },
      { row: 'litigationAfterReview', column: 'total' },
    ],
  },
};

/**
 * Where the tables of a report in the given format hold a stated count: the cells it equals, or
 * undefined when that format's tables do not hold it.
 */
export function narrativeCountIn(kind: NarrativeCountKind, formatVersion: FormatVersion): NarrativeCount | undefined {
  const current = NARRATIVE_COUNTS[kind];
  const own = current.formats?.[formatVersion];
  if (own === null) return undefined;
  return own === undefined ? current : { table: current.table, ...own };
}
