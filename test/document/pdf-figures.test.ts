import { describe, expect, it, vi } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { checkDocument } from '../../src/check.js';
import { MIN_FIGURE_PIXELS } from '../../src/document/model.js';
import { holdsImages, readDrawing, readPdfDocument } from '../../src/document/pdf/index.js';
import type { PdfJsModule } from '../../src/document/pdf/index.js';
import { pageFigures, placeFigures } from '../../src/document/pdf/layout.js';
import type { PageBlock, PlacedImage, PlacedText } from '../../src/document/pdf/layout.js';
import { documentBytes } from './support.js';

// pdf.js parses a few hundred kilobytes per report; a loaded machine takes seconds.
vi.setConfig({ testTimeout: 60_000 });

const MIN_POINTS = MIN_FIGURE_PIXELS * 0.75;

/** Every image each page of a fixture paints, read with nothing dropped (what the front-end then chooses from). */
async function paintedImages(name: string): Promise<PlacedImage[][]> {
  const task = pdfjs.getDocument({ data: documentBytes(name), maxImageSize: -1, isEvalSupported: false, verbosity: 0 });
  const pdf = await task.promise;
  const pages: PlacedImage[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    pages.push(readDrawing(await page.getOperatorList(), (pdfjs as unknown as PdfJsModule).OPS).images);
  }
  await task.destroy();
  return pages;
}

const sized = (images: readonly PlacedImage[]) => images.map((image) => [Math.round(image.right - image.left), Math.round(image.top - image.bottom)]);

describe('a PDF whose statistics tables are pictures of them (seed 001 printed, each table a screenshot pasted as wide as the text)', () => {
  const name = 'seed-001-tables-as-images.pdf';

  it('one table-as-image warning naming the three tables, at the first picture, on its page; no table-missing', async () => {
    const { diagnostics, report } = await checkDocument(documentBytes(name));
    expect(diagnostics.map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}`)).toEqual(['table-as-image:warning']);
    const [diagnostic] = diagnostics;
    expect(diagnostic?.message).toContain('表二（主动公开政府信息情况）、表三（收到和处理政府信息公开申请情况）、表四（政府信息公开行政复议、行政诉讼情况）所在部分有图片而没有表格');
    expect(diagnostic?.span?.page).toBe(1);
    expect(diagnostic?.related?.map((related) => [related.table, related.span?.page])).toEqual([
      ['activeDisclosure', 1],
      ['applications', 2],
      ['reviews', 2],
    ]);
    expect(report.figures?.map((figure) => [figure.section, figure.span?.page])).toEqual([
      ['activeDisclosure', 1],
      ['applications', 2],
      ['reviewsAndLitigation', 2],
    ]);
  });

  it('each picture stands in the text where it is drawn: after its section’s heading, before the next heading', async () => {
    const document = await readPdfDocument(documentBytes(name));
    const text = document.source.text;
    const lineBefore = (offset: number) => text.slice(0, offset).split('\n').pop();
    const lineAfter = (offset: number) => text.slice(offset).split('\n')[1];
    expect(document.figures?.map((figure) => [lineBefore(figure.start), lineAfter(figure.start)])).toEqual([
      ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'],
      ['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'],
      ['四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况'],
    ]);
    // Table 三's picture did not fit under its heading: it is drawn at the top of page 2, and its page is 2.
    expect(document.figures?.map((figure) => figure.span.page)).toEqual([1, 2, 2]);
    expect(document.grids).toEqual([]);
  });

  it('the pages paint more than the three pictures: the seal, the header logo on each page, the watermark, a bullet', async () => {
    const pages = await paintedImages(name);
    // Page 1: the watermark, the bullet, table 二, the logo; page 2: the watermark, tables 三 and 四, the logo; page 3: the watermark, the seal, the logo.
    expect(pages.map(sized)).toEqual([
      [[368, 77], [9, 9], [482, 221], [79, 79]],
      [[368, 77], [482, 423], [482, 103], [79, 79]],
      [[368, 77], [113, 113], [79, 79]],
    ]);
  });
});

describe('a PDF with images that are not its content (seed 001 printed with its tables as tables)', () => {
  const name = 'seed-001-decorated.pdf';

  it('a seal over the signature and the date, a header logo on each page, a watermark and a bullet: no finding, no figure', async () => {
    const { diagnostics, report } = await checkDocument(documentBytes(name));
    expect(diagnostics).toEqual([]);
    expect(report.figures).toBeUndefined();
    expect(report.tables.activeDisclosure && report.tables.applications && report.tables.reviews).toBeTruthy();
  });

  it('they are there to be left out: the seal 4 cm wide near the date, the logo in the header of every page', async () => {
    const pages = await paintedImages(name);
    expect(pages.map(sized)).toEqual([
      [[368, 77], [9, 9], [79, 79]],
      [[368, 77], [113, 113], [79, 79]],
    ]);
    expect(holdsImages(documentBytes(name))).toBe(true);
  });
});

describe('which files have their drawing read for images', () => {
  it('a file that names no image XObject: none (the corpus PDFs are read as before); one that does: its pages', () => {
    for (const name of ['001.pdf', '002.pdf', '003.pdf', 'seed-001.pdf', 'cmap-gbk.pdf']) expect(holdsImages(documentBytes(name)), name).toBe(false);
    for (const name of ['scan.pdf', 'seed-001-tables-as-images.pdf']) expect(holdsImages(documentBytes(name)), name).toBe(true);
  });

  it('the name /Image only, not a procedure set’s /ImageB, /ImageC or /ImageI', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(holdsImages(bytes('<< /ProcSet [/PDF /Text /ImageB /ImageC /ImageI] >>'))).toBe(false);
    expect(holdsImages(bytes('<< /Type /XObject /Subtype /Image /Width 10 >>'))).toBe(true);
    expect(holdsImages(bytes('<</Type/XObject/Subtype/Image/Width 10>>'))).toBe(true);
    expect(holdsImages(bytes('/Image'))).toBe(false);
  });
});

// Page geometry in points, y upwards: an A4 page, its body text from y 60 to 760 in 12-point lines.
const line = (y: number, text = '政府信息公开工作'): PlacedText => ({ text, x: 72, y, width: 96, height: 12 });
const box = (left: number, bottom: number, width: number, height: number): PlacedImage => ({ left, bottom, right: left + width, top: bottom + height });
const textPage = (images: PlacedImage[], from = 760, to = 60): { images: PlacedImage[]; runs: PlacedText[] } => {
  const runs: PlacedText[] = [];
  for (let y = from; y >= to; y -= 20) runs.push(line(y));
  return { images, runs };
};
// A page whose text stops above y 500 and goes on under y 300: room for a picture between.
const gapPage = (images: PlacedImage[]) => ({ images, runs: [...textPage([], 760, 500).runs, ...textPage([], 280, 60).runs] });

describe('which images of a page are figures', () => {
  const picture = box(72, 300, 450, 190);

  it('a picture between the lines is; one a side smaller than the threshold (a bullet, a rule) is not', () => {
    expect(pageFigures([gapPage([picture])], MIN_POINTS)).toEqual([[picture]]);
    expect(pageFigures([gapPage([box(72, 300, 450, MIN_POINTS - 1), box(72, 300, MIN_POINTS - 1, 190)])], MIN_POINTS)).toEqual([[]]);
    expect(pageFigures([gapPage([box(72, 300, MIN_POINTS, MIN_POINTS)])], MIN_POINTS)).toEqual([[box(72, 300, MIN_POINTS, MIN_POINTS)]]);
  });

  it('an image text overlaps is not: a seal over the signature, a watermark or a background under the text, a picture beside the text', () => {
    const seal = box(400, 80, 113, 113);
    const background = box(0, 0, 595, 842);
    const watermark = box(108, 400, 368, 77);
    const beside = box(300, 540, 200, 150);
    expect(pageFigures([textPage([seal, background, watermark, beside])], MIN_POINTS)).toEqual([[]]);
  });

  it('an image in the margin above or below all the document’s text is not: a header logo, a footer banner', () => {
    const logo = box(51, 770, 80, 80);
    const footer = box(72, -40, 450, 90);
    expect(pageFigures([gapPage([logo, footer, picture])], MIN_POINTS)).toEqual([[picture]]);
  });

  it('an image drawn at the same place on two pages with text is page chrome (a watermark over a picture, a letterhead); on pages of no text, each page’s scan', () => {
    const watermark = box(108, 350, 368, 77);
    expect(pageFigures([gapPage([picture, watermark]), gapPage([watermark])], MIN_POINTS)).toEqual([[picture], []]);
    const scan = box(36, 36, 523, 770);
    expect(pageFigures([textPage([]), { images: [scan], runs: [] }, { images: [scan], runs: [] }], MIN_POINTS)).toEqual([[], [scan], [scan]]);
  });

  it('placed among the page’s blocks by where it is drawn', () => {
    const blocks: PageBlock[] = [
      { kind: 'line', top: 512, cells: [[line(500)]] },
      { kind: 'line', top: 292, cells: [[line(280)]] },
    ];
    expect(placeFigures(blocks, [picture]).map((block) => [block.kind, block.top])).toEqual([
      ['line', 512],
      ['figure', 490],
      ['line', 292],
    ]);
  });
});
