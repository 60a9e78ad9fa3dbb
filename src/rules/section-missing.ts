import { defineRule } from './rule.js';

/** Each of the six sections of the template (条例 第五十条) must be present. */
export const sectionMissing = defineRule({
  meta: {
    id: 'section-missing',
    category: 'structure',
    defaultSeverity: 'error',
    description: {
      'zh-CN': '报告须包含模板规定的六个部分（条例第五十条要求的内容“不能遗漏”）；每缺少一个部分报告一次。2019 年以前的旧格式报告另有其章节，不按此检查（由 legacy-format 指出格式问题）。',
      en: 'The report must contain the six sections of the template (the content Article 50 requires may not be left out); each missing section is reported once. Reports in the pre-2019 style have other sections and are not judged by this rule (legacy-format reports the format).',
    },
    messages: {
      missing: {
        'zh-CN': '报告缺少“{section}”部分。',
        en: 'The report has no {section}.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '报告没有第五部分（存在的主要问题及改进情况）', en: 'The report has no section 五 (main problems and improvements)' },
          dropSections: ['problems'],
        },
      ],
      passing: [{ summary: { 'zh-CN': '六个部分齐全', en: 'All six sections present' } }],
    },
  },
  check(report, context) {
    // The template decides which sections are required: a pre-2019 report has other sections, and
    // legacy-format already says it is in the wrong format.
    const found = new Set(report.sections.map((section) => section.key));
    for (const section of context.template.sections) {
      if (!found.has(section)) context.report({ messageId: 'missing', args: { section } });
    }
  },
});
