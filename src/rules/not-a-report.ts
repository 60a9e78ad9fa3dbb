import { defineRule } from './rule.js';

/**
 * A text that is no report at all — an index page, "hello world", an empty file — gets this one
 * finding instead of a missing section and table each (checkReport keeps no other). A page that
 * links a document file gets it saying the report may be in that attachment; a page whose article
 * holds pictures, saying that if they are the report, a report published as images cannot be read.
 */
export const notAReport = defineRule({
  meta: {
    id: 'not-a-report',
    category: 'structure',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '文本中既没有年度报告的任何一个部分标题，也没有任何一张统计表（例如栏目索引页、空文件或无关文字）：只报告这一条，不再逐个报告缺少的部分和表格。',
      en: 'The text has none of the report\'s section headings and none of its tables (an index page, an empty file, unrelated text): this one finding is given instead of one per missing section and table.',
    },
    messages: {
      notAReport: {
        'zh-CN': '该文本不是政府信息公开工作年度报告：没有找到任何一个部分标题或统计表。',
        en: 'This text is not an annual report on government information disclosure: none of its section headings or tables was found.',
      },
      inAttachment: {
        'zh-CN': '没有找到年度报告的任何一个部分标题或统计表，页面附有 {count} 个文件（首个：“{file}”）：报告可能在附件中，应检查附件本身；否则该页面不是政府信息公开工作年度报告。',
        en: 'None of an annual report\'s section headings or tables was found, and the page links {count} file(s) (the first: "{file}"): the report may be in the attachment, which is what to check; otherwise this page is not an annual report on government information disclosure.',
      },
      onlyImages: {
        'zh-CN': '没有找到年度报告的任何一个部分标题或统计表，正文中有 {count} 张图片：如果报告是以图片发布的，其文字和表格无法读取、无法检查，应以文字发布；否则该页面不是政府信息公开工作年度报告。',
        en: 'None of an annual report\'s section headings or tables was found, and the text holds {count} image(s): if the report is published as pictures, its text and tables cannot be read or checked, and it should be published as text; otherwise this page is not an annual report on government information disclosure.',
      },
    },
    examples: {
      failing: [{ summary: { 'zh-CN': '一段无关文字', en: 'Unrelated text' }, text: 'hello world' }],
      passing: [{ summary: { 'zh-CN': '有各部分和统计表的报告', en: 'A report with its sections and tables' } }],
    },
  },
  check(report, context) {
    if (report.completeness?.verdict !== 'not-a-report') return;
    // A page that links a file may hold no more than the link to its report: the finding names
    // the file (the report's `attachments` give every address, for a pipeline to fetch).
    const attachment = report.attachments?.[0];
    if (attachment !== undefined) {
      const span = attachment.span ?? report.completeness.span;
      context.report({ messageId: 'inAttachment', args: { count: report.attachments?.length ?? 1, file: attachment.name }, ...(span ? { span } : {}) });
      return;
    }
    // A page with pictures may be a report published as images, or a page with photos that is no
    // report: no reader of its text can tell, so the finding says both, and points at the first picture.
    const figures = report.figures ?? [];
    const first = figures[0];
    if (first !== undefined) {
      const span = first.span ?? report.completeness.span;
      context.report({ messageId: 'onlyImages', args: { count: figures.length }, ...(span ? { span } : {}) });
      return;
    }
    context.report({ messageId: 'notAReport', ...(report.completeness.span ? { span: report.completeness.span } : {}) });
  },
});
