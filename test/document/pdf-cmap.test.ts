import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { checkDocument } from '../../src/check.js';
import { checkBytes } from '../../src/cli/check-file.js';
import { readPdfDocument } from '../../src/document/pdf/index.js';
import { documentBytes } from './support.js';

// pdf.js parses a few hundred kilobytes per report; a loaded machine takes seconds.
vi.setConfig({ testTimeout: 60_000 });

// The lines scripts/cmap-fixtures.mjs sets in the fixtures' fonts (each line one paragraph).
const LINES = [
  '某某县人民政府2023年政府信息公开工作年度报告',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '规章 制发件数 0',
  '规范性文件 制发件数 3',
  '行政许可 处理决定数量 125',
];

/** pdfjs-dist's own packed CMaps, as a folder path (Node's pdf.js reads them with fs). */
const CMAPS = fileURLToPath(new URL('../../node_modules/pdfjs-dist/cmaps/', import.meta.url));

/** A paragraph's text with the blanks and cell separators a layout puts between runs taken out. */
const squeezed = (text: string): string => text.replace(/[\s|]+/g, '');

describe('fonts that map their bytes through a predefined CMap (older Chinese PDFs in a non-embedded 宋体)', () => {
  it.each([
    ['cmap-gbk.pdf', 'GBK-EUC-H'],
    ['cmap-ucs2.pdf', 'UniGB-UCS2-H'],
  ])('%s (%s): every line read when the CMaps are given', async (name) => {
    const document = await readPdfDocument(documentBytes(name), { cMapUrl: CMAPS });
    expect(document.problems).toEqual([]);
    const paragraphs = document.blocks.map((block) => squeezed(document.source.original.slice(block.start, block.end)));
    expect(paragraphs).toEqual(LINES.map(squeezed));
    expect(document.source.original).toContain('某某县人民政府2023年政府信息公开工作年度报告');
  });

  it.each([
    ['cmap-gbk.pdf', 'GBK-EUC-H'],
    ['cmap-ucs2.pdf', 'UniGB-UCS2-H'],
  ])('%s without the CMaps: one problem naming %s, never an empty or garbled text', async (name, cMap) => {
    const document = await readPdfDocument(documentBytes(name));
    expect(document.problems).toHaveLength(1);
    const [problem] = document.problems;
    expect(problem?.code).toBe('cmap-missing');
    expect(problem?.message).toContain(cMap);
    expect(problem?.message).toContain('`pdf.cMapUrl`');
    expect(problem?.message).toContain('the text set in those fonts could not be read');
    // Not taken for a scan: the text is there, its fonts' CMap is not.
    expect(problem?.message).not.toMatch(/OCR/);
    const { diagnostics } = await checkDocument(documentBytes(name));
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['document-unreadable']);
    expect(diagnostics[0]?.message).toContain(cMap);
  });

  it('CMaps not found where told: the same one problem, saying where they were looked for', async () => {
    const document = await readPdfDocument(documentBytes('cmap-gbk.pdf'), { cMapUrl: '/nowhere/cmaps/' });
    expect(document.problems.map((problem) => problem.code)).toEqual(['cmap-missing']);
    expect(document.problems[0]?.message).toContain('could not be loaded from /nowhere/cmaps/');
  });

  it('the command line reads them with pdfjs-dist’s own CMaps, unasked', async () => {
    const outcome = await checkBytes(documentBytes('cmap-gbk.pdf'), { name: 'cmap-gbk.pdf', rules: {}, locale: 'en', quiet: false, keep: true });
    expect(outcome.fatal).toBe(false);
    const ruleIds = outcome.result.diagnostics.map((diagnostic) => diagnostic.ruleId);
    expect(ruleIds).not.toContain('file-unreadable');
    expect(ruleIds).not.toContain('document-unreadable');
    // The title was read: the agency and the year it names.
    expect(outcome.result.agency).toBe('某某县人民政府');
    expect(outcome.result.year).toBe(2023);
  });
});
