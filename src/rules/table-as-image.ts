import { TABLE_KEYS } from '../catalog/index.js';
import type { Localized } from '../diagnostics/index.js';
import type { Figure } from '../model/index.js';
import { defineRule } from './rule.js';
import type { ProblemRelated } from './rule.js';
import { tablesShownAsImages } from './support/figures.js';

// Each related place: the image standing where a table belongs.
const IMAGE_OF_TABLE: Localized = { 'zh-CN': '{table}所在部分的图片', en: 'The image in the section of {table}' };

/**
 * A statistics table possibly published as a picture: the section where the table belongs holds an
 * image and no table. Whether the image is the table (there for a reader, not for a checker) or
 * something else (a chart, a seal) with the table left out, no reader of the document can tell: so
 * it is said once for the report, as a warning that names both readings and every such table, and
 * `table-missing` stays silent on those tables rather than state as fact what may be untrue.
 */
export const tableAsImage = defineRule({
  meta: {
    id: 'table-as-image',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '统计表可能以图片形式发布：表格所在部分有图片而没有表格。图片若就是该表，读者看得到表格，检查工具却读不出其中的数字，表内勾稽关系和正文与表格是否一致都无法核对；图片若不是该表，则报告缺少该表。检查工具无法分辨这两种情况，因此整份报告只报告一次（警告），列出这些表并指向每张图片；table-missing 不再对这些表重复报告。应以文字表格发布统计表。',
      en: 'A statistics table possibly published as a picture: its section holds an image and no table. If the image is the table, a reader sees it but no checker can read its numbers, so neither its sums nor the narrative against it can be checked; if it is not, the table is missing. A checker cannot tell which, so this is said once for the report (a warning), naming those tables and pointing at each image; table-missing does not repeat them. Publish the tables as text tables.',
    },
    messages: {
      asImage: {
        'zh-CN': '{tables}所在部分有图片而没有表格：若表格以图片发布，其中的数字无法读取，表内勾稽关系和正文与表格是否一致都未能核对，应以文字表格发布；若图片不是该表，则报告缺少该表。',
        en: 'The section of {tables} holds an image and no table: if the table is published as an image, its numbers cannot be read and neither its sums nor the text against it were checked, so publish it as a text table; if the image is not the table, the table is missing.',
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
