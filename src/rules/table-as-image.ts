import { TABLE_KEYS } from '../catalog/index.js';
import type { Localized } from '../diagnostics/index.js';
import type { Figure } from '../model/index.js';
import { defineRule } from './rule.js';
import type { ProblemRelated } from './rule.js';
import { tablesShownAsImages } from './support/figures.js';

// Each related place: the image standing where a table belongs.
const IMAGE_OF_TABLE: Localized = { 'zh-CN': '{table}所在部分的图片', en: 'The image in the section of {table}' };

/**
 * A statistics table published as a picture: the section where the table belongs holds an image
 * and no table. The table is there for a reader but not for a checker: none of its cells, sums or
 * the narrative's counts against it can be checked. Said once for the report (naming every such
 * table), and `table-missing` stays silent on those tables: a table left out is another finding.
 */
export const tableAsImage = defineRule({
  meta: {
    id: 'table-as-image',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '统计表以图片形式发布：表格所在部分只有图片、没有表格。读者看得到表格，检查工具却读不出其中的数字，表内勾稽关系和正文与表格是否一致都无法核对。整份报告报告一次，列出这些表；table-missing 不再对这些表重复报告。应以文字表格发布统计表。',
      en: 'A statistics table published as a picture: its section holds an image and no table. A reader sees the table, but no checker can read its numbers, so neither its sums nor the narrative against it can be checked. Reported once for the report, naming those tables; table-missing does not repeat them. Publish the tables as text tables.',
    },
    messages: {
      asImage: {
        'zh-CN': '{tables}以图片形式发布，其中的数字无法读取，表内勾稽关系和正文与表格是否一致都未能核对；应以文字表格发布。',
        en: '{tables} published as images: their numbers cannot be read, so their sums and the text against them were not checked; publish them as text tables.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '第三、四部分各只有一张图片，没有表三、表四', en: 'Sections 三 and 四 hold an image each, and no table 三 or 四' },
          dropTables: ['applications', 'reviews'],
          figures: [{ section: 'applications' }, { section: 'reviewsAndLitigation' }],
        },
      ],
      passing: [
        { summary: { 'zh-CN': '三个表都以表格发布', en: 'All three tables published as tables' } },
        {
          summary: { 'zh-CN': '表格齐全，另配有图表', en: 'All tables present, with a chart besides' },
          figures: [{ section: 'applications' }],
        },
      ],
    },
  },
  check(report, context) {
    const shown = tablesShownAsImages(report, context.template);
    const tables = TABLE_KEYS.filter((table) => shown.has(table));
    const first = tables[0];
    if (first === undefined) return;
    const related: ProblemRelated[] = tables.flatMap((table) => {
      const figure = shown.get(table) as Figure;
      return [{ message: IMAGE_OF_TABLE, args: { table }, table, ...(figure.span ? { span: figure.span } : {}) }];
    });
    const span = (shown.get(first) as Figure).span;
    context.report({ messageId: 'asImage', args: { tables: tables.join(','), table: first }, table: first, ...(span ? { span } : {}), related });
  },
});
