import { agencyKind, publicationDeadline, REVISED_REGULATION_FIRST_YEAR } from '../series/kind.js';
import { defineRule } from './rule.js';

/** 《政府信息公开条例》 第四十九条 (2008 条例 第三十一条 before 2019): the report was published after its deadline. */
export const publishedLate = defineRule({
  meta: {
    id: 'published-late',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '发布日期晚于《政府信息公开条例》第四十九条规定的期限：县级以上人民政府部门为次年1月31日，县级以上地方人民政府本级报告为次年3月31日；2019年以前的年度报告为次年3月31日（2008年条例第三十一条）。机关类别由名称判断，无法判断（如管委会、乡镇）时不报告；发布日期取自报告、网页或命令行与配置。',
      en: 'The publication date is after the deadline of Article 49 of the Regulations: 31 January of the next year for a department of a government at or above the county level, 31 March for a local government’s own report; 31 March for reports on years before 2019 (Article 31 of the 2008 Regulations). The kind of agency is read from its name; when it cannot be told (a 管委会, a township) nothing is reported. The date is the report’s, the page’s, or one given on the command line or in the configuration.',
    },
    messages: {
      department: {
        'zh-CN': '{year} 年度报告于 {publishedOn} 发布，晚于县级以上人民政府部门的发布期限 {deadline}（《政府信息公开条例》第四十九条）。',
        en: 'The {year} report was published on {publishedOn}, after the deadline for a department of a government at or above the county level, {deadline} (Article 49 of the Regulations).',
      },
      government: {
        'zh-CN': '{year} 年度报告于 {publishedOn} 发布，晚于县级以上地方人民政府本级报告的发布期限 {deadline}（《政府信息公开条例》第四十九条）。',
        en: 'The {year} report was published on {publishedOn}, after the deadline for a local government’s own report, {deadline} (Article 49 of the Regulations).',
      },
      'before-2019': {
        'zh-CN': '{year} 年度报告于 {publishedOn} 发布，晚于各级行政机关的发布期限 {deadline}（2008年《政府信息公开条例》第三十一条）。',
        en: 'The {year} report was published on {publishedOn}, after the deadline for every agency, {deadline} (Article 31 of the 2008 Regulations).',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '县民政局 2024 年度报告 2025 年 2 月 10 日发布', en: 'A county civil-affairs bureau’s 2024 report published on 10 February 2025' },
          meta: { agency: '示例县民政局', publishedOn: '2025-02-10' },
        },
        {
          summary: { 'zh-CN': '县人民政府 2024 年度报告 2025 年 4 月 1 日发布', en: 'A county government’s 2024 report published on 1 April 2025' },
          meta: { agency: '示例县人民政府', publishedOn: '2025-04-01' },
        },
      ],
      passing: [
        {
          summary: { 'zh-CN': '县人民政府 2024 年度报告 2025 年 3 月 31 日发布', en: 'A county government’s 2024 report published on 31 March 2025' },
          meta: { agency: '示例县人民政府', publishedOn: '2025-03-31' },
        },
        {
          summary: { 'zh-CN': '名称看不出机关类别（管委会）：不判断', en: 'A name that does not say the kind of agency (a 管委会): not judged' },
          meta: { agency: '示例开发区管委会', publishedOn: '2025-06-01' },
        },
      ],
    },
  },
  check(report, context) {
    const { year, publishedOn, agency } = report.meta;
    if (year === undefined || publishedOn === undefined) return;
    // A report out by a department's deadline, the earliest any kind of agency has, is late for
    // none: the agency's name (folded and matched, the costliest part of this rule) is not read.
    const earliest = publicationDeadline(year.value, 'department');
    if (earliest !== undefined && publishedOn.value <= earliest) return;
    const kind = agencyKind(agency?.value);
    const deadline = publicationDeadline(year.value, kind);
    // ISO dates compare as text.
    if (deadline === undefined || publishedOn.value <= deadline) return;
    context.report({
      messageId: year.value < REVISED_REGULATION_FIRST_YEAR ? 'before-2019' : kind === 'department' ? 'department' : 'government',
      args: { year: year.value, publishedOn: publishedOn.value, deadline },
      ...(publishedOn.span ? { span: publishedOn.span } : {}),
    });
  },
});
