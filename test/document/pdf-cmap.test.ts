import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it, vi } from 'vitest';
import { checkDocument } from '../../src/check.js';
import { checkBytes } from '../../src/cli/check-file.js';
import { readPdfDocument } from '../../src/document/pdf/index.js';
import { documentBytes } from './support.js';

// pdf.js parses a few hundred kilobytes per report; a loaded machine takes seconds.
vi.setConfig({ testTimeout: 60_000 });

// The lines scripts/cmap-fixtures.mjs sets in the fixtures' fonts (each line one paragraph).
const LINES = JSON.parse(new TextDecoder().decode(documentBytes('cmap-lines.json'))) as readonly string[];

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

describe('standard fonts not embedded (Helvetica, Times, Arial)', () => {
  /** A one-page PDF of three lines, each in a standard font that is not embedded (no widths given). */
  function standardFontsPdf(): Uint8Array {
    const content = 'BT /F1 12 Tf 72 760 Td (Annual report 2023) Tj ET BT /F2 12 Tf 72 730 Td (Times line 125) Tj ET BT /F3 12 Tf 72 700 Td (Arial line 42) Tj ET';
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>',
      '<< /Type /Font /Subtype /TrueType /BaseFont /Arial /Encoding /WinAnsiEncoding >>',
    ];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((body, index) => {
      offsets.push(pdf.length);
      pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
    pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return new TextEncoder().encode(pdf);
  }

  it('are read without pdf.js’s standard font data: their widths come from its built-in metrics', async () => {
    const document = await readPdfDocument(standardFontsPdf());
    expect(document.problems).toEqual([]);
    for (const line of ['Annual report 2023', 'Times line 125', 'Arial line 42']) expect(document.source.original).toContain(line);
    // The runs are placed as with the font data given (`standardFontDataUrl`): the layout does not depend on it.
    const runs = async (parameters: Record<string, unknown>): Promise<unknown[]> => {
      const task = pdfjs.getDocument({ data: standardFontsPdf(), verbosity: 0, useSystemFonts: false, ...parameters });
      const page = await (await task.promise).getPage(1);
      const items = (await page.getTextContent()).items as { str: string; width: number; transform: number[] }[];
      await task.destroy();
      return items.filter((item) => item.str.length > 0).map((item) => [item.str, item.width, ...item.transform]);
    };
    const standardFonts = fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));
    const without = await runs({});
    expect(without).toHaveLength(3);
    expect(without).toEqual(await runs({ standardFontDataUrl: standardFonts }));
  });
});
