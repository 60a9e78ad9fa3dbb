/**
 * The six sections of the 2021 annual-report format (国办公开办函〔2021〕30号), as data.
 *
 * @packageDocumentation
 */

/** One section of the report template. */
export interface SectionDefinition {
  /** Stable machine key. */
  readonly key: string;
  /** Chinese ordinal that numbers the heading (一 … 六). */
  readonly ordinal: string;
  /** The heading the template prints, without its ordinal. */
  readonly heading: string;
  /** English name, for docs and English messages. */
  readonly headingEn: string;
  /**
   * Wordings real reports use for this heading, in simplified script, without ordinal.
   * The reader matches headings against these (after normalization), never against a second list.
   */
  readonly variants: readonly string[];
}

/** The six sections, in the order the template prescribes. */
export const SECTIONS = [
  {
    key: 'overview',
    ordinal: '一',
    heading: '总体情况',
    headingEn: 'Overview',
    variants: ['总体情况', '概况', '概述', '基本情况'],
  },
  {
    key: 'activeDisclosure',
    ordinal: '二',
    heading: '主动公开政府信息情况',
    headingEn: 'Active disclosure of government information',
    variants: ['主动公开政府信息情况', '行政机关主动公开政府信息情况', '主动公开政府信息工作情况', '主动公开情况'],
  },
  {
    key: 'applications',
    ordinal: '三',
    heading: '收到和处理政府信息公开申请情况',
    headingEn: 'Applications for disclosure received and handled',
    variants: [
      '收到和处理政府信息公开申请情况',
      '行政机关收到和处理政府信息公开申请情况',
      '收到和处理政府信息公开申请的情况',
      '依申请公开政府信息情况',
      '依申请公开政府信息办理情况',
      '依申请公开政府信息的办理情况',
      '政府信息依申请公开工作情况',
      '政府信息依申请公开办理情况',
    ],
  },
  {
    key: 'reviewsAndLitigation',
    ordinal: '四',
    heading: '政府信息公开行政复议、行政诉讼情况',
    headingEn: 'Administrative reviews and litigation',
    variants: [
      '政府信息公开行政复议、行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '因政府信息公开工作被行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议和提起行政诉讼情况',
      '政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '行政复议、行政诉讼情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '行政复议、诉讼和申诉情况',
    ],
  },
  {
    key: 'problems',
    ordinal: '五',
    heading: '存在的主要问题及改进情况',
    headingEn: 'Main problems and improvements',
    variants: [
      '存在的主要问题及改进情况',
      '政府信息公开工作存在的主要问题及改进情况',
      '存在问题及改进情况',
      '存在的主要问题及改进措施',
      '存在的问题及改进情况',
      '存在的主要问题和改进措施',
      '政府信息公开工作存在的主要问题及改进措施',
    ],
  },
  {
    key: 'otherMatters',
    ordinal: '六',
    heading: '其他需要报告的事项',
    headingEn: 'Other matters to report',
    variants: ['其他需要报告的事项', '其他需要说明的事项', '其他需要报告事项'],
  },
] as const satisfies readonly SectionDefinition[];

/** Machine key of one of the six sections. */
export type SectionKey = (typeof SECTIONS)[number]['key'];

/** The section keys, in template order. */
export const SECTION_KEYS = SECTIONS.map((section) => section.key) as readonly SectionKey[];
