import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdfDocument } from '../../src/document/pdf/index.js';
import type { PdfDocumentProxy, PdfJsModule, PdfPageProxy, PdfTextStream } from '../../src/document/pdf/index.js';
import { documentBytes } from './support.js';

// pdf.js parses a few hundred kilobytes per report; a loaded machine takes seconds.
vi.setConfig({ testTimeout: 60_000 });

/** A one-page PDF (A4, Helvetica as /F1) whose page draws `content`, deflated as writers store it. */
function onePagePdf(content: string): Uint8Array {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const data = deflateSync(latin1(content));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  const chunks: Buffer[] = [latin1('%PDF-1.7\n')];
  let length = chunks[0]!.length;
  const add = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(length);
    add(latin1(`${index + 1} 0 obj\n${body}\nendobj\n`));
  });
  offsets.push(length);
  add(latin1(`5 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`));
  add(data);
  add(latin1('\nendstream\nendobj\n'));
  const xref = length;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  add(latin1(`xref\n0 6\n0000000000 65535 f \n${entries}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

// Two lines of a table set without rulings: a page that looks tabular, so its drawing is read.
const TABLE_TEXT = 'BT /F1 10 Tf 72 780 Td (Name) Tj 300 0 Td (Count) Tj ET BT /F1 10 Tf 72 765 Td (Apples) Tj 300 0 Td (12) Tj ET\n';

/** Keeps the thread busy for `ms` milliseconds, as parsing a large page does. */
const busy = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

/** A text item of the fake pdf.js, placed like a table cell. */
const item = (str: string, x: number, y: number) => ({ str, transform: [10, 0, 0, 10, x, y], width: 10 * str.length, height: 10, dir: 'ltr' });

/**
 * A pdf.js of one page whose text stream gives `chunk()` until it returns undefined, each chunk
 * after `chunkMs` of work, and which writes down what the front-end asked of it.
 */
function fakePdfJs(chunk: (index: number) => unknown[] | undefined, chunkMs: number) {
  const asked = { chunks: 0, cancelled: [] as unknown[], operatorLists: 0 };
  const stream: PdfTextStream = {
    getReader: () => ({
      read: async () => {
        busy(chunkMs);
        const items = chunk(asked.chunks);
        if (!items) return { done: true };
        asked.chunks++;
        return { done: false, value: { items } };
      },
      cancel: async (reason?: unknown) => {
        asked.cancelled.push(reason);
      },
    }),
  };
  const page: PdfPageProxy = {
    getTextContent: async () => ({ items: [] }),
    streamTextContent: () => stream,
    getOperatorList: async () => {
      asked.operatorLists++;
      return { fnArray: [], argsArray: [] };
    },
    cleanup: () => true,
  };
  const document: PdfDocumentProxy = { numPages: 1, getPage: async () => page, getMetadata: async () => ({}), destroy: async () => undefined };
  const module: PdfJsModule = {
    getDocument: () => ({ promise: Promise.resolve(document), destroy: async () => undefined }),
    OPS: pdfjs.OPS,
    // A worker port given: the front-end loads no worker of its own.
    GlobalWorkerOptions: { workerSrc: '', workerPort: {} },
  };
  return { module, asked };
}

describe('a single page cannot run past the time limit', () => {
  it('a page whose text never ends is stopped at the limit while it is parsed, its stream cancelled', async () => {
    const { module, asked } = fakePdfJs((index) => [item(`run ${index}`, 72, 700)], 10);
    const document = await readPdfDocument(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), { pdfjs: module, timeLimitMs: 100 });
    expect(document.problems).toEqual([{ code: 'limit-exceeded', message: 'reading the PDF took more than 100 ms (stopped on page 1)', detail: { id: 'pdf-too-slow-on-page', args: { max: '100', page: '1' } } }]);
    expect(asked.cancelled).toHaveLength(1);
    expect(asked.chunks).toBeLessThan(100);
  });

  it("a page's drawing is read only when it fits the time left (pdf.js cannot be stopped inside it)", async () => {
    // One chunk of a table's text, parsed in 60 ms: its drawing may take five times that.
    const tableChunk = (index: number) => (index === 0 ? [item('行政许可', 72, 700), item('12', 300, 700), item('行政处罚', 72, 680), item('3', 300, 680)] : undefined);
    const tight = fakePdfJs(tableChunk, 60);
    const stopped = await readPdfDocument(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), { pdfjs: tight.module, timeLimitMs: 200 });
    expect(stopped.problems).toEqual([{ code: 'limit-exceeded', message: 'reading the PDF took more than 200 ms (stopped on page 1)', detail: { id: 'pdf-too-slow-on-page', args: { max: '200', page: '1' } } }]);
    expect(tight.asked.operatorLists).toBe(0);
    const roomy = fakePdfJs(tableChunk, 60);
    const read = await readPdfDocument(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), { pdfjs: roomy.module, timeLimitMs: 60_000 });
    expect(read.problems).toEqual([]);
    expect(roomy.asked.operatorLists).toBe(1);
  });

  describe('with pdf.js', () => {
    beforeAll(async () => {
      // pdf.js loaded first: its import is not the hostile page's time.
      await readPdfDocument(documentBytes('seed-001.pdf'));
    });

    it('a 40 KB file whose page runs 400,000 text operators is stopped while pdf.js parses the page', async () => {
      const bytes = onePagePdf('BT /F1 12 Tf 72 700 Td (a) Tj ET\n'.repeat(400_000));
      const cancelled: unknown[] = [];
      // The real pdf.js, its text streams' cancelling written down.
      const real = pdfjs as unknown as PdfJsModule;
      const watching: PdfJsModule = {
        ...real,
        getDocument: (parameters) => {
          const task = real.getDocument(parameters);
          const promise = task.promise.then((pdf) => {
            const getPage = pdf.getPage.bind(pdf);
            return Object.assign(pdf, {
              getPage: async (number: number) => {
                const page = await getPage(number);
                const stream = page.streamTextContent?.bind(page);
                if (!stream) return page;
                return Object.assign(page, {
                  streamTextContent: (parameters?: Record<string, unknown>) => {
                    const reader = stream(parameters).getReader();
                    const cancel = reader.cancel.bind(reader);
                    return { getReader: () => Object.assign(reader, { cancel: (reason?: unknown) => (cancelled.push(reason), cancel(reason)) }) };
                  },
                });
              },
            });
          });
          // An own property over the loading task's getter: the task stays pdf.js's own.
          return Object.defineProperty(task, 'promise', { value: promise });
        },
      };
      // Only the time limit may stop it: the cap on a page's runs, met first on a fast machine, is lifted.
      const document = await readPdfDocument(bytes, { pdfjs: watching, timeLimitMs: 1000, maxPageRuns: Number.MAX_SAFE_INTEGER });
      expect(document.problems).toEqual([{ code: 'limit-exceeded', message: 'reading the PDF took more than 1000 ms (stopped on page 1)', detail: { id: 'pdf-too-slow-on-page', args: { max: '1000', page: '1' } } }]);
      expect(cancelled).toHaveLength(1);
    });

    it('a page of more text runs than the limit is one limit-exceeded problem, saying which page', async () => {
      const document = await readPdfDocument(documentBytes('seed-000.pdf'), { maxPageRuns: 100 });
      expect(document.problems).toEqual([{ code: 'limit-exceeded', message: 'page 1 of the PDF holds more than the 100 text runs read on a page', detail: { id: 'pdf-page-too-many-runs', args: { page: '1', max: '100' } } }]);
    });

    it('a page drawing more ruling lines than a page of tables is not laid out: one limit-exceeded problem', async () => {
      const lines = Array.from({ length: 12_000 }, (_, index) => `72 ${100 + (index % 600)} m 300 ${100 + (index % 600)} l S\n`).join('');
      const document = await readPdfDocument(onePagePdf(TABLE_TEXT + lines));
      expect(document.problems).toEqual([
        {
          code: 'limit-exceeded',
          message: 'page 1 of the PDF is too large to lay out: it draws 12000 ruling lines, more than the 10000 read',
          detail: { id: 'pdf-page-too-many-rulings', args: { page: '1', count: '12000', max: '10000' } },
        },
      ]);
    });

    it('a ruled table of more cells than the limit is not laid out: one limit-exceeded problem', async () => {
      // 120 column lines and 120 row lines 4 points apart: a grid of 119 × 119 cells.
      const columns = Array.from({ length: 120 }, (_, index) => `${50 + index * 4} 100 m ${50 + index * 4} 576 l S\n`).join('');
      const rows = Array.from({ length: 120 }, (_, index) => `50 ${100 + index * 4} m 526 ${100 + index * 4} l S\n`).join('');
      const document = await readPdfDocument(onePagePdf(TABLE_TEXT + columns + rows));
      expect(document.problems).toEqual([
        {
          code: 'limit-exceeded',
          message: 'page 1 of the PDF is too large to lay out: a table it draws has 119 × 119 cells, more than the 10000 read',
          detail: { id: 'pdf-page-table-too-large', args: { page: '1', rows: '119', columns: '119', max: '10000' } },
        },
      ]);
    });
  });
});
