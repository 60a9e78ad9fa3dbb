import { documentProblem, problemDetailText } from '../document/problem.js';
import { defineRule } from './rule.js';

// The problems a front-end records, by code, each with the message that names the reason. A scan
// (`no-text-layer`) has a rule of its own: it is read once OCR has given it a text.
const MESSAGE_OF_CODE: Readonly<Record<string, string>> = {
  encrypted: 'encrypted',
  damaged: 'damaged',
  truncated: 'truncated',
  'limit-exceeded': 'tooLarge',
  'old-word-format': 'oldWordFormat',
  'unsupported-form': 'unsupportedForm',
};

/** A file that could not be read is one error saying why, not a missing section per heading. */
export const documentUnreadable = defineRule({
  meta: {
    id: 'document-unreadable',
    category: 'structure',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '文件须能读取：加密（需要密码）、损坏、不完整（下载中断）、超出读取上限的文件，以及旧版 Word（.doc）或 WPS 文件，无法检查其内容。报告一次并说明原因，不再逐项报告缺少的部分和表格。',
      en: 'The file must be readable: an encrypted (password-protected), damaged, truncated (cut download) or too large file, or an old Word (.doc) or WPS file, cannot be checked. Reported once with the reason, instead of every section and table as missing.',
    },
    messages: {
      encrypted: {
        'zh-CN': '文件已加密，需要密码才能打开，无法检查（{detail}）。',
        en: 'The file is encrypted and needs a password to open; it was not checked ({detail}).',
      },
      damaged: {
        'zh-CN': '文件已损坏，无法读取，未能检查（{detail}）。',
        en: 'The file is damaged and cannot be read; it was not checked ({detail}).',
      },
      truncated: {
        'zh-CN': '文件不完整（缺少结尾，可能下载中断），无法检查（{detail}）。',
        en: 'The file is truncated (its end is missing, perhaps a cut download); it was not checked ({detail}).',
      },
      tooLarge: {
        'zh-CN': '文件超出读取上限，未予检查（{detail}）。',
        en: 'The file is beyond what is read; it was not checked ({detail}).',
      },
      oldWordFormat: {
        'zh-CN': '文件是旧版 Word（.doc）或 WPS 格式，无法读取：请另存为 .docx 或 PDF 后再检查。',
        en: 'The file is in the old Word (.doc) or WPS format, which cannot be read: save it as .docx or PDF and check it again.',
      },
      unsupportedForm: {
        'zh-CN': '文件格式无法读取，未能检查（{detail}）。',
        en: 'The file is in a form that cannot be read; it was not checked ({detail}).',
      },
      readerFailure: {
        'zh-CN': '读取文件时出错，未能检查（{detail}）。',
        en: 'Reading the file failed; it was not checked ({detail}).',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '需要密码才能打开的 PDF', en: 'A PDF that needs a password to open' },
          problems: [documentProblem('encrypted', 'pdf-encrypted', { error: 'No password given' })],
        },
        {
          summary: { 'zh-CN': '旧版 Word（.doc）文件', en: 'An old Word (.doc) file' },
          problems: [documentProblem('old-word-format', 'old-word-format')],
        },
      ],
      passing: [{ summary: { 'zh-CN': '读取完整的报告', en: 'A report read in full' } }],
    },
  },
  check(report, context) {
    for (const problem of report.problems ?? []) {
      if (problem.code === 'no-text-layer') continue;
      context.report({ messageId: MESSAGE_OF_CODE[problem.code] ?? 'readerFailure', args: { detail: problemDetailText(problem, context.locale ?? 'zh-CN'), ...(problem.detail ? { reason: problem.detail.id } : {}) }, actual: problem.code });
    }
  },
});
