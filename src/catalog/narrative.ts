/**
 * The narrative's counts and the table cells each one equals, as data: what the fact reader looks
 * for and what the rules compare it with, defined once.
 *
 * @packageDocumentation
 */
import { APPLICANT_COLUMNS, APPLICATIONS_TABLE } from './tables.js';
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
  'applicationsGranted',
  'applicationsPartiallyGranted',
  'applicationsGrantedOrPartly',
  'applicationsDenied',
  'applicationsUnableToProvide',
  'applicationsNotProcessed',
  'applicationsFromNaturalPersons',
  'applicationsFromOrganisations',
  'normativeDocumentsIssued',
  'normativeDocumentsInForce',
  'reviewCases',
  'litigationCases',
] as const;

/** Kind of a counted narrative fact. */
export type NarrativeCountKind = (typeof NARRATIVE_COUNT_KINDS)[number];

// The row total of each row of an outcome group of table 三 (（三）不予公开 1–8 …), as the catalog lists them.
const groupTotals = (group: string): readonly NarrativeCell[] =>
  APPLICATIONS_TABLE.rows.filter((row) => row.group === group).map((row) => ({ row: row.key, column: 'total' }));
// The 法人或其他组织 columns: every applicant column but 自然人 and the total.
const ORGANISATION_COLUMNS = APPLICANT_COLUMNS.map((column) => column.key).filter((key) => key !== 'naturalPerson' && key !== 'total');

/** Which cells each stated count equals. */
export const NARRATIVE_COUNTS: Readonly<Record<NarrativeCountKind, NarrativeCount>> = {
  applicationsReceived: {
    table: 'applications',
    cells: [{ row: 'received', column: 'total' }],
    alsoWith: [{ row: 'carriedOver', column: 'total' }],
  },
  applicationsConcluded: { table: 'applications', cells: [{ row: 'concludedTotal', column: 'total' }] },
  applicationsCarriedForward: { table: 'applications', cells: [{ row: 'carriedForward', column: 'total' }] },
  applicationsGranted: { table: 'applications', cells: [{ row: 'granted', column: 'total' }] },
  applicationsPartiallyGranted: { table: 'applications', cells: [{ row: 'partiallyGranted', column: 'total' }] },
  applicationsGrantedOrPartly: {
    table: 'applications',
    cells: [
      { row: 'granted', column: 'total' },
      { row: 'partiallyGranted', column: 'total' },
    ],
  },
  applicationsDenied: { table: 'applications', cells: groupTotals('denied') },
  applicationsUnableToProvide: { table: 'applications', cells: groupTotals('unableToProvide') },
  applicationsNotProcessed: { table: 'applications', cells: groupTotals('notProcessed') },
  // "收到申请75件，涉及自然人72件" counts by applicant what was received, and may count those carried over with it.
  applicationsFromNaturalPersons: {
    table: 'applications',
    cells: [{ row: 'received', column: 'naturalPerson' }],
    alsoWith: [{ row: 'carriedOver', column: 'naturalPerson' }],
  },
  applicationsFromOrganisations: {
    table: 'applications',
    cells: ORGANISATION_COLUMNS.map((column) => ({ row: 'received', column })),
    alsoWith: ORGANISATION_COLUMNS.map((column) => ({ row: 'carriedOver', column })),
  },
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

// ── How reports word them ────────────────────────────────────────────────────────────────

/**
 * A count stated by the words just before it, in a sentence about the applications for disclosure
 * ("其中，予以公开2件，部分公开2件", "涉及自然人72件"): the fact it states and its wordings. Where one
 * wording holds another ("予以公开及部分公开" and "部分公开"), the longer is read.
 */
export interface ApplicationCountWording {
  /** The fact a count after these words states. */
  readonly kind: NarrativeCountKind;
  /** The words, as a report writes them (simplified script). */
  readonly words: readonly string[];
}

/** The outcomes and applicants a report's narrative counts applications by. */
export const APPLICATION_COUNT_WORDINGS: readonly ApplicationCountWording[] = [
  { kind: 'applicationsGrantedOrPartly', words: ['予以公开及部分公开', '予以公开和部分公开', '予以公开或部分公开', '全部或部分公开', '全部公开和部分公开', '公开及部分公开', '公开和部分公开'] },
  { kind: 'applicationsGranted', words: ['予以公开', '全部公开'] },
  { kind: 'applicationsPartiallyGranted', words: ['部分公开'] },
  { kind: 'applicationsDenied', words: ['不予公开'] },
  { kind: 'applicationsUnableToProvide', words: ['无法提供'] },
  { kind: 'applicationsNotProcessed', words: ['不予处理'] },
  { kind: 'applicationsFromNaturalPersons', words: ['自然人'] },
  { kind: 'applicationsFromOrganisations', words: ['法人或其他组织', '法人和其他组织', '法人及其他组织'] },
];

/**
 * The vocabulary of the narrative's statements (simplified script, as the compact text holds it):
 * the verbs, units and qualifiers the fact reader builds its patterns from.
 */
export const NARRATIVE_VOCABULARY = {
  /** Verbs that count applications received, with the count after the 申请 ("办理政府信息公开申请218件"). */
  receivedVerbs: ['受理', '收到', '接到', '接收', '新收', '办理'],
  /** Verbs that count applications received, with the count before the 申请 ("收到70件申请"). */
  receivedVerbsBefore: ['受理', '收到', '接到', '接收', '新收'],
  /** Verbs that a negation before them turns into "none received" ("未收到…申请"). */
  receivedVerbsDenied: ['受理', '收到', '接到', '接收'],
  /** Negations that deny applications received. */
  applicationNegations: ['未', '没有', '尚未', '均未', '从未'],
  /** Units of a count of applications, outcomes and cases. */
  countUnits: ['件', '条', '起', '宗', '份'],
  /** Units of a count of normative documents. */
  documentUnits: ['件', '个', '部', '份', '条'],
  /** Units of a count of review and litigation cases. */
  caseUnits: ['件', '起', '宗', '例'],
  /** The verb of applications concluded ("办结69件"). */
  concludedVerbs: ['办结'],
  /** Verbs of normative documents made this year. */
  documentVerbs: ['制定', '制发', '出台', '印发'],
  /** Words that make a 申请 something else than an application for disclosure, or the count another one. */
  notAnApplication: ['咨询', '留言', '信访', '投诉', '举报', '建议', '提案', '来信', '来电', '补正', '告知', '答复', '办结', '结转', '上年', '去年', '信件'],
  /** Words of a sentence about something else than applications for disclosure (its outcomes are not theirs). */
  notAboutApplications: ['建议', '提案', '来信', '来访', '案件', '留言', '投诉', '举报', '信访', '事项', '诉求', '工单'],
  /** Words that make a count not this year's ("累计", "截至"). */
  notThisYear: ['累计', '历年', '以来', '上年', '去年', '截至', '截止', '往年'],
  /** Characters before a numeral that make it no count ("第一件", "数十件", "几件"). */
  notACountBefore: ['第', '数', '几'],
  /** Negations that deny review and litigation cases ("没有发生…行政复议"). */
  caseNegations: ['没有', '尚未', '均未', '从未', '未', '无'],
  /** Words that put a sentence's count about disclosure ("因政府信息公开引起的行政复议"). */
  disclosureContext: ['信息公开', '依申请'],
  /** The fee the report must state (section 六), as it is named. */
  processingFee: '信息处理费',
  /** Negations that deny the fee was collected ("未收取信息处理费", "不存在收取…"). */
  feeNegations: ['未', '没有', '无', '不存在', '均未', '从未', '不予', '不'],
  /** Verbs of collecting the fee. */
  feeCollectVerbs: ['收取', '收缴', '收'],
  /** Verbs of a fee arising ("未产生信息处理费"). */
  feeArisingVerbs: ['产生', '发生', '涉及'],
  /** Units of a fee amount. */
  feeUnits: ['万元', '元'],
} as const;

/** The Chinese numerals a count may be written in ("两件", "十二件"), by value. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The Chinese numeral for ten, which also forms 11–99 ("十二", "二十", "二十三"). */
export const CHINESE_TEN = '十';
