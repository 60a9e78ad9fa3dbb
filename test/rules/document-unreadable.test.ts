import { describe, expect, it } from 'vitest';
import { unreadDocument } from '../../src/document/problem.js';
import { parseDocument } from '../../src/read/index.js';
import { checkReport } from '../../src/rules/index.js';
import { documentUnreadable } from '../../src/rules/document-unreadable.js';
import { seed, testRule } from './tester.js';

const unread = (code: string, message: string) => () => parseDocument(unreadDocument('pdf', { code, message }));

testRule(documentUnreadable, {
  valid: [
    { name: 'seed 000: read in full', report: () => seed('000').report },
    { name: 'a scan: no-text-layer reports it, not this rule', report: unread('no-text-layer', 'no text') },
  ],
  invalid: [
    {
      name: 'an encrypted PDF, with the reason',
      report: unread('encrypted', 'the PDF is encrypted and needs a password to open'),
      diagnostics: [
        {
          messageId: 'encrypted',
          severity: 'error',
          actual: 'encrypted',
          span: null,
          message: {
            'zh-CN': '文件已加密，需要密码才能打开，无法检查（the PDF is encrypted and needs a password to open）。',
            en: 'The file is encrypted and needs a password to open; it was not checked (the PDF is encrypted and needs a password to open).',
          },
        },
      ],
    },
    {
      name: 'an old Word file: save as .docx or PDF',
      report: unread('old-word-format', 'the old binary Word (.doc) or WPS format'),
      diagnostics: [
        {
          messageId: 'oldWordFormat',
          severity: 'error',
          actual: 'old-word-format',
          span: null,
          message: {
            'zh-CN': '文件是旧版 Word（.doc）或 WPS 格式，无法读取：请另存为 .docx 或 PDF 后再检查。',
            en: 'The file is in the old Word (.doc) or WPS format, which cannot be read: save it as .docx or PDF and check it again.',
          },
        },
      ],
    },
    {
      name: 'a truncated file',
      report: unread('truncated', 'the PDF is truncated: its end (%%EOF) is missing'),
      diagnostics: [
        {
          messageId: 'truncated',
          severity: 'error',
          actual: 'truncated',
          span: null,
          message: {
            'zh-CN': '文件不完整（缺少结尾，可能下载中断），无法检查（the PDF is truncated: its end (%%EOF) is missing）。',
            en: 'The file is truncated (its end is missing, perhaps a cut download); it was not checked (the PDF is truncated: its end (%%EOF) is missing).',
          },
        },
      ],
    },
    {
      name: 'a problem of a code no message names: the reader failure message, with the detail',
      report: unread('reader-failure', 'boom'),
      diagnostics: [
        {
          messageId: 'readerFailure',
          severity: 'error',
          actual: 'reader-failure',
          span: null,
          message: { 'zh-CN': '读取文件时出错，未能检查（boom）。', en: 'Reading the file failed; it was not checked (boom).' },
        },
      ],
    },
  ],
});

describe('a document that was not read', () => {
  it.each(['encrypted', 'damaged', 'truncated', 'limit-exceeded', 'old-word-format', 'unsupported-form'])('%s: this one error and nothing else (no missing sections or tables)', (code) => {
    const diagnostics = checkReport(unread(code, 'why')());
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([['document-unreadable', 'error']]);
  });
});
