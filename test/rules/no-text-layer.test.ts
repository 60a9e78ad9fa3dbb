import { describe, expect, it } from 'vitest';
import { unreadDocument } from '../../src/document/problem.js';
import { parseDocument } from '../../src/read/index.js';
import { checkReport } from '../../src/rules/index.js';
import { noTextLayer } from '../../src/rules/no-text-layer.js';
import { seed, testRule } from './tester.js';

const scan = () => parseDocument(unreadDocument('pdf', { code: 'no-text-layer', message: "the PDF's 2 page(s) hold no text layer" }));

testRule(noTextLayer, {
  valid: [
    { name: 'seed 001: a text', report: () => seed('001').report },
    { name: 'an encrypted PDF: document-unreadable reports it', report: () => parseDocument(unreadDocument('pdf', { code: 'encrypted', message: 'x' })) },
  ],
  invalid: [
    {
      name: 'a scanned PDF: OCR is needed',
      report: scan,
      diagnostics: [
        {
          messageId: 'noTextLayer',
          severity: 'error',
          actual: 'no-text-layer',
          span: null,
          message: {
            'zh-CN': "PDF 没有文字层（扫描件），无法读取其内容：须先进行文字识别（OCR）后再检查（the PDF's 2 page(s) hold no text layer）。",
            en: "The PDF has no text layer (a scan), so nothing in it can be read: it needs OCR before it can be checked (the PDF's 2 page(s) hold no text layer).",
          },
        },
      ],
    },
  ],
});

describe('a scan', () => {
  it('gets this one error, not a heap of missing sections', () => {
    expect(checkReport(scan()).map((diagnostic) => diagnostic.ruleId)).toEqual(['no-text-layer']);
  });
});
