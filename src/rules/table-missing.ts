import { TABLE_KEYS } from '../catalog/index.js';
import { defineRule } from './rule.js';
import { tablesShownAsImages } from './support/figures.js';
import { findSection, sectionOfTable } from './support/sections.js';

/** Each statistics table of the report's format must be present. */
export const tableMissing = defineRule({
  meta: {
    id: 'table-missing',
    category: 'structure',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '报告须包含其格式规定的统计表（2021 年格式：表二、表三、表四；2019 年格式：表三、表四），即使相应部分存在也可能漏了表格。2008 年条例时期的旧格式没有这些表，由 legacy-format 报告，此处不重复；表格所在部分有图片而没有表格的（表格可能以图片发布），由 table-as-image 报告。',
      en: 'The report must contain the statistics tables of its format (2021 format: tables 二, 三 and 四; 2019 format: 三 and 四), even when their section is present. Pre-2019 reports have no such tables: legacy-format reports them, this rule does not repeat it; a table whose section holds an image and no table (perhaps a table published as a picture) is reported by table-as-image.',
    },
    messages: {
      missingInSection: {
        'zh-CN': '“{section}”部分没有{table}。',
        en: '{section} has no {table}.',
      },
      missing: {
        'zh-CN': '报告没有{table}。',
        en: 'The report has no {table}.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '第四部分有标题但没有表四', en: 'Section 四 has a heading but no table 四' },
          dropTables: ['reviews'],
        },
      ],
      passing: [
        { summary: { 'zh-CN': '三个表齐全', en: 'All three tables present' } },
        {
          summary: { 'zh-CN': '2020 年度报告采用 2019 年格式：只要求表三、表四', en: 'A 2020 report in the 2019 format: only tables 三 and 四 are required' },
          meta: { formatVersion: '2019', year: 2020 },
        },
      ],
    },
  },
  check(report, context) {
    // The template decides which tables are expected: none for pre-2019 reports (legacy-format
    // covers them), 三 and 四 for the 2019 format, all three otherwise.
    // A table published as a picture is there, only not readable: table-as-image says so.
    const asImages = tablesShownAsImages(report, context.template);
    for (const table of TABLE_KEYS) {
      if (!context.template.tables[table] || report.tables[table] || asImages.has(table)) continue;
      const sectionKey = sectionOfTable(table);
      const section = sectionKey ? findSection(report, sectionKey) : undefined;
      const span = section?.headingSpan;
      context.report({
        messageId: section ? 'missingInSection' : 'missing',
        args: section ? { section: section.key } : {},
        table,
        ...(span ? { span } : {}),
      });
    }
  },
});
