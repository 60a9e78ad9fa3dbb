import { documentProblem, problemDetailText } from '../document/problem.js';
import { defineRule } from './rule.js';

/** A scanned PDF has no text to check: one error saying that OCR is needed. */
export const noTextLayer = defineRule({
  meta: {
    id: 'no-text-layer',
    category: 'structure',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        'PDF 须带有文字层：扫描件（只有图像）无法读取其文字和表格，须先进行文字识别（OCR），或改为发布可复制文字的 PDF。报告一次，不再逐项报告缺少的部分和表格。',
      en: 'A PDF must have a text layer: a scan (images only) has no text or tables to read; it needs OCR first, or publishing as a PDF whose text can be copied. Reported once, instead of every section and table as missing.',
    },
    messages: {
      noTextLayer: {
        'zh-CN': 'PDF 没有文字层（扫描件），无法读取其内容：须先进行文字识别（OCR）后再检查（{detail}）。',
        en: 'The PDF has no text layer (a scan), so nothing in it can be read: it needs OCR before it can be checked ({detail}).',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '扫描成图像的 PDF', en: 'A PDF scanned to images' },
          problems: [documentProblem('no-text-layer', 'pdf-no-text-layer', { pages: 5 })],
        },
      ],
      passing: [{ summary: { 'zh-CN': '带文字层的 PDF', en: 'A PDF with a text layer' } }],
    },
  },
  check(report, context) {
    for (const problem of report.problems ?? []) {
      if (problem.code === 'no-text-layer') context.report({ messageId: 'noTextLayer', args: { detail: problemDetailText(problem, context.locale ?? 'zh-CN'), ...(problem.detail ? { reason: problem.detail.id } : {}) }, actual: problem.code });
    }
  },
});
