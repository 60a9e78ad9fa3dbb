/**
 * The three statistics tables of the annual-report format, as data: rows, columns, labels, units.
 * Everything else — models, readers, rules and docs — reads these definitions.
 *
 * @packageDocumentation
 */

/**
 * What a cell measures: a count of items (non-negative integer), a change of a count from last
 * year (`signedCount`: an integer that may be negative, "减4" is −4), the fee amount in 万元, or an
 * amount of money whose unit the template does not print (`amount`: the 2019 采购总金额) — both
 * exact non-negative decimals.
 */
export type Unit = 'count' | 'signedCount' | 'wanYuan' | 'amount';

/** One column of a table. */
export interface ColumnDefinition {
  /** Stable machine key. */
  readonly key: string;
  /** Official Chinese label (simplified, as the template prints it). */
  readonly label: string;
  /** English label. */
  readonly labelEn: string;
  /** What the column's cells hold. */
  readonly unit: Unit;
  /** Other wordings seen in published reports (simplified script). */
  readonly aliases?: readonly string[];
}

/** A heading that spans several rows (a 第二十条 block, or an outcome group such as （三）不予公开). */
export interface RowGroupDefinition {
  /** Stable machine key. */
  readonly key: string;
  /** The ordinal mark printed before the label, e.g. `（三）`, or `''`. */
  readonly marker: string;
  /** Official Chinese label without its ordinal mark. */
  readonly label: string;
  /** English label. */
  readonly labelEn: string;
  /** True when a row's own label needs this heading to be understood (“1.属于国家秘密” under “（三）不予公开”). */
  readonly qualifiesRows?: boolean;
}

/** One row of a table. */
export interface RowDefinition {
  /** Stable machine key; rows inside a group are keyed `group.item`. */
  readonly key: string;
  /** The ordinal mark printed before the label (`一、`, `（一）`, `1.`) or `''`. */
  readonly marker: string;
  /** Official Chinese label without its ordinal mark. */
  readonly label: string;
  /** English label. */
  readonly labelEn: string;
  /** Key of the spanning group heading this row sits under, if any. */
  readonly group?: string;
  /** The columns this row has values for, in printed order. */
  readonly columns: readonly ColumnDefinition[];
  /** `outcome`: one of the 办理结果 items that （七）总计 adds up (FORMAT.md §6 C2). */
  readonly role?: 'outcome';
  /** Other wordings seen in published reports (simplified script, without ordinal mark). */
  readonly aliases?: readonly string[];
}

/** One statistics table. */
export interface TableDefinition {
  /** Stable machine key. */
  readonly key: string;
  /** The section ordinal the table belongs to in the template (二, 三 or 四). */
  readonly ordinal: string;
  /** Chinese title. */
  readonly title: string;
  /** English title. */
  readonly titleEn: string;
  /** Spanning group headings. */
  readonly groups: readonly RowGroupDefinition[];
  /** The rows, in printed order. */
  readonly rows: readonly RowDefinition[];
}

const count = (key: string, label: string, labelEn: string, aliases?: readonly string[]): ColumnDefinition =>
  aliases ? { key, label, labelEn, unit: 'count', aliases } : { key, label, labelEn, unit: 'count' };

// ── Table 二: 第二十条 active disclosure ────────────────────────────────────────────────

const DISCLOSURE_ITEM1_COLUMNS = [
  count('issued', '本年制发件数', 'Issued this year'),
  count('repealed', '本年废止件数', 'Repealed this year'),
  count('inForce', '现行有效件数', 'In force', ['现行有效件数(历史累计)']),
] as const;
const DECISIONS_COLUMNS = [count('decisions', '本年处理决定数量', 'Decisions this year', ['处理决定数量'])] as const;
const FEE_COLUMNS = [
  { key: 'amountWanYuan', label: '本年收费金额（单位：万元）', labelEn: 'Fees collected this year (10,000 yuan)', unit: 'wanYuan', aliases: ['本年收费金额'] },
] as const satisfies readonly ColumnDefinition[];

/** Table 二 — 主动公开政府信息情况 (2021 format). */
export const ACTIVE_DISCLOSURE_TABLE = {
  key: 'activeDisclosure',
  ordinal: '二',
  title: '主动公开政府信息情况',
  titleEn: 'Active disclosure (Article 20 items)',
  groups: [
    { key: 'item1', marker: '', label: '第二十条第（一）项', labelEn: 'Article 20 (1)' },
    { key: 'item5', marker: '', label: '第二十条第（五）项', labelEn: 'Article 20 (5)' },
    { key: 'item6', marker: '', label: '第二十条第（六）项', labelEn: 'Article 20 (6)' },
    { key: 'item8', marker: '', label: '第二十条第（八）项', labelEn: 'Article 20 (8)' },
  ],
  rows: [
    { key: 'rules', marker: '', label: '规章', labelEn: 'Rules (规章)', group: 'item1', columns: DISCLOSURE_ITEM1_COLUMNS },
    {
      key: 'normativeDocuments',
      marker: '',
      label: '行政规范性文件',
      labelEn: 'Normative documents',
      group: 'item1',
      columns: DISCLOSURE_ITEM1_COLUMNS,
      aliases: ['规范性文件'],
    },
    { key: 'licensing', marker: '', label: '行政许可', labelEn: 'Administrative licensing', group: 'item5', columns: DECISIONS_COLUMNS },
    { key: 'penalties', marker: '', label: '行政处罚', labelEn: 'Administrative penalties', group: 'item6', columns: DECISIONS_COLUMNS },
    { key: 'enforcement', marker: '', label: '行政强制', labelEn: 'Administrative enforcement', group: 'item6', columns: DECISIONS_COLUMNS },
    { key: 'fees', marker: '', label: '行政事业性收费', labelEn: 'Administrative fees', group: 'item8', columns: FEE_COLUMNS },
  ],
} as const satisfies TableDefinition;

// ── Table 二 of the 2019 format (国办公开办函〔2019〕60号, FORMAT.md §7) ───────────────────────

const DISCLOSURE_ITEM1_COLUMNS_2019 = [
  count('newlyMade', '本年新制作数量', 'Newly made this year'),
  count('newlyPublished', '本年新公开数量', 'Newly published this year'),
  count('publishedTotal', '对外公开总数量', 'Published in total'),
] as const;
const PREVIOUS_ITEMS = count('previousItems', '上一年项目数量', 'Items last year');
const ITEMS_CHANGE = {
  key: 'change',
  label: '本年增/减',
  labelEn: 'Change this year',
  unit: 'signedCount',
  aliases: ['本年增减', '本年增（减）'],
} as const satisfies ColumnDefinition;
const ITEMS_AND_DECISIONS_COLUMNS_2019 = [PREVIOUS_ITEMS, ITEMS_CHANGE, count('decisions', '处理决定数量', 'Decisions', ['本年处理决定数量'])] as const;
const ITEMS_COLUMNS_2019 = [PREVIOUS_ITEMS, ITEMS_CHANGE] as const;
const PROCUREMENT_COLUMNS_2019 = [
  count('procurementCount', '采购项目数量', 'Procurement projects'),
  { key: 'procurementAmount', label: '采购总金额', labelEn: 'Procurement total amount', unit: 'amount' },
] as const satisfies readonly ColumnDefinition[];

/**
 * Table 二 in the 2019 format: block （一） counts documents made, published and published in
 * total; blocks （五）（六）（八） count items last year and their change (which may be negative);
 * block （九） is 政府集中采购.
 */
export const ACTIVE_DISCLOSURE_TABLE_2019 = {
  key: 'activeDisclosure',
  ordinal: '二',
  title: '主动公开政府信息情况',
  titleEn: 'Active disclosure (Article 20 items)',
  groups: [
    ...ACTIVE_DISCLOSURE_TABLE.groups,
    { key: 'item9', marker: '', label: '第二十条第（九）项', labelEn: 'Article 20 (9)' },
  ],
  rows: [
    { key: 'rules', marker: '', label: '规章', labelEn: 'Rules (规章)', group: 'item1', columns: DISCLOSURE_ITEM1_COLUMNS_2019 },
    {
      key: 'normativeDocuments',
      marker: '',
      label: '规范性文件',
      labelEn: 'Normative documents',
      group: 'item1',
      columns: DISCLOSURE_ITEM1_COLUMNS_2019,
      aliases: ['行政规范性文件'],
    },
    { key: 'licensing', marker: '', label: '行政许可', labelEn: 'Administrative licensing', group: 'item5', columns: ITEMS_AND_DECISIONS_COLUMNS_2019 },
    {
      key: 'otherServices',
      marker: '',
      label: '其他对外管理服务事项',
      labelEn: 'Other external administrative services',
      group: 'item5',
      columns: ITEMS_AND_DECISIONS_COLUMNS_2019,
    },
    { key: 'penalties', marker: '', label: '行政处罚', labelEn: 'Administrative penalties', group: 'item6', columns: ITEMS_AND_DECISIONS_COLUMNS_2019 },
    { key: 'enforcement', marker: '', label: '行政强制', labelEn: 'Administrative enforcement', group: 'item6', columns: ITEMS_AND_DECISIONS_COLUMNS_2019 },
    { key: 'fees', marker: '', label: '行政事业性收费', labelEn: 'Administrative fees', group: 'item8', columns: ITEMS_COLUMNS_2019 },
    { key: 'procurement', marker: '', label: '政府集中采购', labelEn: 'Centralised government procurement', group: 'item9', columns: PROCUREMENT_COLUMNS_2019 },
  ],
} as const satisfies TableDefinition;

// ── Table 三: applications received and handled ─────────────────────────────────────────

/** The six applicant columns and the row total of table 三. */
export const APPLICANT_COLUMNS = [
  count('naturalPerson', '自然人', 'Natural persons'),
  count('business', '商业企业', 'Businesses'),
  count('research', '科研机构', 'Research institutions'),
  count('publicInterest', '社会公益组织', 'Public-interest organisations'),
  count('legalService', '法律服务机构', 'Legal-service organisations'),
  count('otherOrg', '其他', 'Other organisations'),
  count('total', '总计', 'Total'),
] as const;

type ApplicationsRowSpec = readonly [key: string, marker: string, label: string, labelEn: string, group?: string, aliases?: readonly string[]];

const applicationsRow = ([key, marker, label, labelEn, group, aliases]: ApplicationsRowSpec, role?: 'outcome'): RowDefinition => ({
  key,
  marker,
  label,
  labelEn,
  columns: APPLICANT_COLUMNS,
  ...(group ? { group } : {}),
  ...(role ? { role } : {}),
  ...(aliases ? { aliases } : {}),
});

const APPLICATION_OUTCOME_GROUPS = [
  { key: 'outcomes', marker: '三、', label: '本年度办理结果', labelEn: 'Outcomes this year' },
  { key: 'denied', marker: '（三）', label: '不予公开', labelEn: 'Not disclosed', qualifiesRows: true },
  { key: 'unableToProvide', marker: '（四）', label: '无法提供', labelEn: 'Unable to provide', qualifiesRows: true },
  { key: 'notProcessed', marker: '（五）', label: '不予处理', labelEn: 'Not processed', qualifiesRows: true },
  { key: 'otherHandling', marker: '（六）', label: '其他处理', labelEn: 'Other handling', qualifiesRows: true },
] as const satisfies readonly RowGroupDefinition[];

const OUTCOMES_BEFORE_OTHER_HANDLING = [
  ['granted', '（一）', '予以公开', 'Disclosed', 'outcomes'],
  ['partiallyGranted', '（二）', '部分公开（区分处理的，只计这一情形，不计其他情形）', 'Partially disclosed', 'outcomes', ['部分公开']],
  ['denied.stateSecret', '1.', '属于国家秘密', 'State secret', 'denied'],
  ['denied.prohibitedByLaw', '2.', '其他法律行政法规禁止公开', 'Prohibited by other laws', 'denied'],
  ['denied.threeSecurities', '3.', '危及“三安全一稳定”', 'Endangers the "three securities and one stability"', 'denied', ['危及三安全一稳定']],
  ['denied.thirdPartyRights', '4.', '保护第三方合法权益', "Protects a third party's rights", 'denied'],
  ['denied.internalAffairs', '5.', '属于三类内部事务信息', 'Internal affairs', 'denied'],
  ['denied.processInfo', '6.', '属于四类过程性信息', 'Process information', 'denied'],
  ['denied.enforcementFiles', '7.', '属于行政执法案卷', 'Enforcement case files', 'denied'],
  ['denied.queryMatters', '8.', '属于行政查询事项', 'Administrative query matters', 'denied'],
  ['unableToProvide.notHeld', '1.', '本机关不掌握相关政府信息', 'Not held by this agency', 'unableToProvide'],
  ['unableToProvide.needsCreation', '2.', '没有现成信息需要另行制作', 'Would need to be created', 'unableToProvide'],
  ['unableToProvide.unclearAfterCorrection', '3.', '补正后申请内容仍不明确', 'Still unclear after correction', 'unableToProvide'],
  ['notProcessed.petition', '1.', '信访举报投诉类申请', 'Petitions and complaints', 'notProcessed'],
  ['notProcessed.repeated', '2.', '重复申请', 'Repeated applications', 'notProcessed'],
  ['notProcessed.publication', '3.', '要求提供公开出版物', 'Requests for publications', 'notProcessed'],
  ['notProcessed.massRepeated', '4.', '无正当理由大量反复申请', 'Mass repeated applications', 'notProcessed'],
  ['notProcessed.confirmation', '5.', '要求行政机关确认或重新出具已获取信息', 'Requests to confirm or reissue information', 'notProcessed'],
] as const satisfies readonly ApplicationsRowSpec[];

const OTHER_HANDLING_2021 = [
  [
    'otherHandling.noCorrection',
    '1.',
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    'No correction in time; no longer processed',
    'otherHandling',
  ],
  [
    'otherHandling.unpaidFee',
    '2.',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    'Fee not paid in time; no longer processed',
    'otherHandling',
  ],
  ['otherHandling.other', '3.', '其他', 'Other', 'otherHandling'],
] as const satisfies readonly ApplicationsRowSpec[];

const OTHER_HANDLING_2019 = [['otherHandling', '（六）', '其他处理', 'Other handling', 'outcomes']] as const satisfies readonly ApplicationsRowSpec[];

const APPLICATIONS_HEAD = [
  ['received', '一、', '本年新收政府信息公开申请数量', 'New applications this year'],
  ['carriedOver', '二、', '上年结转政府信息公开申请数量', 'Carried over from last year'],
] as const satisfies readonly ApplicationsRowSpec[];
const APPLICATIONS_TAIL = [
  ['concludedTotal', '（七）', '总计', 'Concluded in total', 'outcomes'],
  ['carriedForward', '四、', '结转下年度继续办理', 'Carried forward to next year'],
] as const satisfies readonly ApplicationsRowSpec[];

const applicationsRows = (otherHandling: readonly ApplicationsRowSpec[]): readonly RowDefinition[] => [
  ...APPLICATIONS_HEAD.map((spec) => applicationsRow(spec)),
  ...[...OUTCOMES_BEFORE_OTHER_HANDLING, ...otherHandling].map((spec) => applicationsRow(spec, 'outcome')),
  ...APPLICATIONS_TAIL.map((spec) => applicationsRow(spec)),
];

/**
 * Key of a row of table 三, in either format: the 2021 rows plus the single 2019 `otherHandling` row.
 */
export type ApplicationsRowKey =
  | (typeof APPLICATIONS_HEAD)[number][0]
  | (typeof OUTCOMES_BEFORE_OTHER_HANDLING)[number][0]
  | (typeof OTHER_HANDLING_2021)[number][0]
  | (typeof OTHER_HANDLING_2019)[number][0]
  | (typeof APPLICATIONS_TAIL)[number][0];

/** Table 三 — 收到和处理政府信息公开申请情况 (2021 format: 25 rows × 7 columns). */
export const APPLICATIONS_TABLE = {
  key: 'applications',
  ordinal: '三',
  title: '收到和处理政府信息公开申请情况',
  titleEn: 'Applications received and handled',
  groups: APPLICATION_OUTCOME_GROUPS,
  rows: applicationsRows(OTHER_HANDLING_2021),
} as const satisfies TableDefinition;

/** Table 三 in the 2019 format (国办公开办函〔2019〕60号): （六）其他处理 is a single row, 23 rows in all. */
export const APPLICATIONS_TABLE_2019 = {
  ...APPLICATIONS_TABLE,
  groups: APPLICATION_OUTCOME_GROUPS.filter((group) => group.key !== 'otherHandling'),
  rows: applicationsRows(OTHER_HANDLING_2019),
} as const satisfies TableDefinition;

// ── Table 四: administrative review and litigation ───────────────────────────────────────

/** The five columns each group of table 四 has. */
export const CASE_OUTCOME_COLUMNS = [
  count('upheld', '结果维持', 'Upheld'),
  count('corrected', '结果纠正', 'Corrected'),
  count('other', '其他结果', 'Other result'),
  count('pending', '尚未审结', 'Pending'),
  count('total', '总计', 'Total'),
] as const;

/** Table 四 — 政府信息公开行政复议、行政诉讼情况: three groups of five, printed as one row of 15 numbers. */
export const REVIEWS_TABLE = {
  key: 'reviews',
  ordinal: '四',
  title: '政府信息公开行政复议、行政诉讼情况',
  titleEn: 'Administrative reviews and litigation',
  groups: [{ key: 'litigation', marker: '', label: '行政诉讼', labelEn: 'Administrative litigation', qualifiesRows: true }],
  rows: [
    { key: 'review', marker: '', label: '行政复议', labelEn: 'Administrative review', columns: CASE_OUTCOME_COLUMNS },
    {
      key: 'litigationDirect',
      marker: '',
      label: '未经复议直接起诉',
      labelEn: 'Litigation without prior review',
      group: 'litigation',
      columns: CASE_OUTCOME_COLUMNS,
    },
    {
      key: 'litigationAfterReview',
      marker: '',
      label: '复议后起诉',
      labelEn: 'Litigation after review',
      group: 'litigation',
      columns: CASE_OUTCOME_COLUMNS,
    },
  ],
} as const satisfies TableDefinition;

/** The three tables of the 2021 format, by key. */
export const TABLES = {
  activeDisclosure: ACTIVE_DISCLOSURE_TABLE,
  applications: APPLICATIONS_TABLE,
  reviews: REVIEWS_TABLE,
} as const;

/** Machine key of a table. */
export type TableKey = keyof typeof TABLES;

/**
 * Every definition of each table across the formats the catalog models, the current one first: what
 * a report's rows and columns may be keyed by, whichever format it follows.
 */
export const TABLE_DEFINITIONS: Readonly<Record<TableKey, readonly TableDefinition[]>> = {
  activeDisclosure: [ACTIVE_DISCLOSURE_TABLE, ACTIVE_DISCLOSURE_TABLE_2019],
  applications: [APPLICATIONS_TABLE, APPLICATIONS_TABLE_2019],
  reviews: [REVIEWS_TABLE],
};

/** The table keys, in the order the report prints them. */
export const TABLE_KEYS = Object.keys(TABLES) as readonly TableKey[];
