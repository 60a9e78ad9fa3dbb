/**
 * A front-end's problem reads in the user's language: its detail has a message id and args, rendered
 * in the diagnostic's locale (no English inside a Chinese message), and the structured data is kept.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/index.js';
import { PROBLEM_DETAILS } from '../../src/document/problem.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();

describe('front-end problem details', () => {
  it('every detail has a Chinese and an English text with the same placeholders', () => {
    for (const [id, text] of Object.entries(PROBLEM_DETAILS)) {
      expect(placeholders(text['zh-CN']), id).toEqual(placeholders(text.en));
      expect(text['zh-CN'], id).toMatch(/\p{Script=Han}/u);
    }
  });

  it('a truncated PDF: the detail in Chinese or English, its id and the English message kept', async () => {
    const truncated = readFileSync(new URL('../../docs/examples/huaian-2024.pdf', import.meta.url)).subarray(0, 2000);
    const zh = await checkDocument(truncated);
    expect(zh.document.problems).toEqual([{ code: 'truncated', message: 'the PDF is truncated: its end (%%EOF) is missing', detail: { id: 'pdf-truncated', args: {} } }]);
    expect(zh.diagnostics).toMatchObject([{ ruleId: 'document-unreadable', args: { reason: 'pdf-truncated' }, message: '文件不完整（缺少结尾，可能下载中断），无法检查（PDF 不完整：缺少结尾标记（%%EOF））。' }]);
    const en = await checkDocument(truncated, { locale: 'en' });
    expect(en.diagnostics[0]?.message).toBe('The file is truncated (its end is missing, perhaps a cut download); it was not checked (the PDF is truncated: its end (%%EOF) is missing).');
    expect(zh.report.problems).toEqual(zh.document.problems);
  });

  it('a zip that is no Word file (an .xlsx): its detail names the missing part in the locale', async () => {
    const xlsx = zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') });
    const { diagnostics } = await checkDocument(xlsx);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['文件格式无法读取，未能检查（该 zip 文件中没有 word/document.xml：不是 Word（.docx）文档）。']);
  });
});
