import { normalize } from '../../src/index.js';
import type { Diagnostic } from '../../src/index.js';

/**
 * A short report excerpt with Windows line endings, a lone CR, full-width digits and Chinese text:
 * every kind of position a formatter must carry through unchanged.
 */
export const EXCERPT = '三、收到和处理政府信息公开申请情况\r\n本年度共收到申请１８件。\r（一）予以公开\t16\n四、政府信息公开行政复议、行政诉讼情况\n';

const source = normalize(EXCERPT);
const spanOf = (needle: string) => {
  const start = source.text.indexOf(needle);
  if (start < 0) throw new Error(`not in excerpt: ${needle}`);
  return source.span(start, start + needle.length);
};

/** Diagnostics of every shape: with and without span, with related places, each severity. */
export const DIAGNOSTICS: Diagnostic[] = [
  {
    ruleId: 'unsupported-count',
    severity: 'error',
    messageId: 'applicationsReceived',
    args: { actual: 16, expected: 18 },
    message: '正文称收到申请 18 件，表三为 16 件。',
    table: 'applications',
    row: 'received',
    column: 'total',
    expected: '18',
    actual: '16',
    span: spanOf('18'),
    related: [
      { message: '表三 一、本年新收政府信息公开申请数量', table: 'applications', row: 'received', column: 'total', value: '16', span: spanOf('16') },
      { message: '（缺少的单元格）', table: 'applications', row: 'carriedOver', column: 'total' },
    ],
  },
  {
    ruleId: 'section-order',
    severity: 'warning',
    messageId: 'outOfOrder',
    args: { section: 'reviews' },
    message: '“四、政府信息公开行政复议、行政诉讼情况”出现在预期位置之外。',
    span: spanOf('四、政府信息公开'),
  },
  {
    ruleId: 'fee-statement-missing',
    severity: 'warning',
    messageId: 'missing',
    args: {},
    message: '报告没有说明是否收取信息处理费。',
  },
  {
    ruleId: 'applications-balance',
    severity: 'info',
    messageId: 'incomplete',
    args: { count: 1, table: 'applications', row: 'carriedOver', column: 'total' },
    message: '表三有 1 个单元格为空，相关列的勾稽关系无法核对。',
    table: 'applications',
  },
];
