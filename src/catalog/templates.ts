/**
 * Format versions and the arithmetic relations between cells (FORMAT.md §6–7), as data.
 *
 * @packageDocumentation
 */
import { ACTIVE_DISCLOSURE_TABLE, ACTIVE_DISCLOSURE_TABLE_2019, APPLICANT_COLUMNS, APPLICATIONS_TABLE, APPLICATIONS_TABLE_2019, CASE_OUTCOME_COLUMNS, REVIEWS_TABLE } from './tables.js';
import { SECTION_KEYS } from './sections.js';
import type { SectionKey } from './sections.js';
import type { TableDefinition, TableKey } from './tables.js';

/** The report formats a reader can recognise. */
export const FORMAT_VERSIONS = ['2021', '2019', 'pre-2019', 'unknown'] as const;

/** A report format: the 2021 template, the 2019 template, the pre-2019 style, or not recognised. */
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];

/**
 * An equality of sums between cells of one table, checked once per column (`across: 'rows'`, the
 * listed rows are added) or once per row (`across: 'columns'`, the listed columns are added).
 */
export interface SumRelation {
  /** Identifier in FORMAT.md §6 (C1 … C4). */
  readonly id: string;
  /** Unique key of the relation within a template. */
  readonly key: 'balance' | 'outcomeTotal' | 'rowTotal' | 'reviewTotal' | 'litigationTotal';
  /** Table the relation holds in. */
  readonly table: TableKey;
  /** What is added up: rows (checked in every column) or columns (checked in every row). */
  readonly across: 'rows' | 'columns';
  /** Keys added up on the left-hand side. */
  readonly lhs: readonly string[];
  /** Keys added up on the right-hand side. */
  readonly rhs: readonly string[];
  /** The rows (for `across: 'columns'`) or columns (for `across: 'rows'`) it is checked in; all when absent. */
  readonly over?: readonly string[];
  /** What the relation says, in Chinese and English. */
  readonly description: { readonly 'zh-CN': string; readonly en: string };
}

/** One published report format and what xxgk-lint knows of it. */
export interface Template {
  /** Version name. */
  readonly version: FormatVersion;
  /** The document that set it. */
  readonly source: string;
  /** First reporting year it applies to. */
  readonly firstYear: number | undefined;
  /** The sections the format requires, in order (the older reports' sections are not modelled). */
  readonly sections: readonly SectionKey[];
  /** The tables this catalog models for the format. */
  readonly tables: Readonly<Partial<Record<TableKey, TableDefinition>>>;
  /** The arithmetic relations its tables must satisfy. */
  readonly relations: readonly SumRelation[];
  /**
   * Wordings found only in reports of this format (FORMAT.md §7): what the reader recognises the
   * format by. Never the document a report cites — reports cite one format and use another.
   */
  readonly signs: readonly string[];
}

const keysOf = (items: readonly { key: string }[]): readonly string[] => items.map((item) => item.key);
const APPLICANT_PARTS = keysOf(APPLICANT_COLUMNS.filter((column) => column.key !== 'total'));
const CASE_PARTS = keysOf(CASE_OUTCOME_COLUMNS.filter((column) => column.key !== 'total'));

const relationsFor = (applications: TableDefinition): readonly SumRelation[] => [
  {
    id: 'C1',
    key: 'balance',
    table: 'applications',
    across: 'rows',
    lhs: ['received', 'carriedOver'],
    rhs: ['concludedTotal', 'carriedForward'],
    description: {
      'zh-CN': '第一项加第二项之和，等于第三项（七）总计加第四项之和',
      en: 'new applications + carried over = concluded total + carried forward',
    },
  },
  {
    id: 'C2',
    key: 'outcomeTotal',
    table: 'applications',
    across: 'rows',
    lhs: ['concludedTotal'],
    rhs: keysOf(applications.rows.filter((row) => row.role === 'outcome')),
    description: {
      'zh-CN': '（七）总计等于各项办理结果之和',
      en: 'concluded total = sum of every outcome item',
    },
  },
  {
    id: 'C3',
    key: 'rowTotal',
    table: 'applications',
    across: 'columns',
    lhs: ['total'],
    rhs: APPLICANT_PARTS,
    description: {
      'zh-CN': '总计等于自然人与各类法人或其他组织之和',
      en: 'row total = sum of the six applicant columns',
    },
  },
  {
    id: 'C4',
    key: 'reviewTotal',
    table: 'reviews',
    across: 'columns',
    lhs: ['total'],
    rhs: CASE_PARTS,
    over: ['review'],
    description: {
      'zh-CN': '行政复议总计等于结果维持、结果纠正、其他结果、尚未审结之和',
      en: 'administrative review total = upheld + corrected + other + pending',
    },
  },
  {
    id: 'C4',
    key: 'litigationTotal',
    table: 'reviews',
    across: 'columns',
    lhs: ['total'],
    rhs: CASE_PARTS,
    over: ['litigationDirect', 'litigationAfterReview'],
    description: {
      'zh-CN': '行政诉讼各组总计等于结果维持、结果纠正、其他结果、尚未审结之和',
      en: 'litigation total = upheld + corrected + other + pending, in each group',
    },
  },
];

/** The current format, 国办公开办函〔2021〕30号, used from the 2021 reports on. */
export const TEMPLATE_2021: Template = {
  version: '2021',
  source: '国办公开办函〔2021〕30号',
  firstYear: 2021,
  sections: SECTION_KEYS,
  tables: { activeDisclosure: ACTIVE_DISCLOSURE_TABLE, applications: APPLICATIONS_TABLE, reviews: REVIEWS_TABLE },
  relations: relationsFor(APPLICATIONS_TABLE),
  signs: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'],
};

/** The 2019 format, 国办公开办函〔2019〕60号, for the 2019 and 2020 reports. */
export const TEMPLATE_2019: Template = {
  version: '2019',
  source: '国办公开办函〔2019〕60号',
  firstYear: 2019,
  sections: SECTION_KEYS,
  tables: { activeDisclosure: ACTIVE_DISCLOSURE_TABLE_2019, applications: APPLICATIONS_TABLE_2019, reviews: REVIEWS_TABLE },
  relations: relationsFor(APPLICATIONS_TABLE_2019),
  signs: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '第二十条第（九）项', '采购项目数量', '采购总金额'],
};

/** The reports under the 2008 条例: no statistics tables of the current kind. */
export const TEMPLATE_PRE_2019: Template = {
  version: 'pre-2019',
  source: '《政府信息公开条例》（2008）',
  firstYear: undefined,
  sections: [],
  tables: {},
  relations: [],
  signs: ['申请总数', '否决公开', '收费及减免', '行政申诉数'],
};

/** Templates by version; `unknown` reports are checked against the current format. */
export const TEMPLATES: Readonly<Record<FormatVersion, Template>> = {
  '2021': TEMPLATE_2021,
  '2019': TEMPLATE_2019,
  'pre-2019': TEMPLATE_PRE_2019,
  unknown: TEMPLATE_2021,
};
