/**
 * The PDF front-end: a PDF attachment → the document model, with Mozilla's pdf.js. Only the text
 * layer and the drawing operators are read: nothing is rendered, no image is decoded. Each page's
 * text runs are grouped into lines by baseline, and the text inside a table drawn with ruling lines
 * is read cell by cell (a label wrapped over several lines of a cell is one label); a table that
 * goes on over a page break is one table, its repeated header and the page numbers left out.
 *
 * The core stays browser-ready: pdf.js is imported on first use (or given by the caller), and when
 * no worker is configured its worker runs on the calling thread, in a page as in Node.
 *
 * @packageDocumentation
 */
import type { DocumentProblem, ReportDocument } from '../model.js';
import { documentProblem, unreadDocument } from '../problem.js';
import { composeDocument } from '../compose.js';
import type { ExtractedBlock } from '../compose.js';
import { PageTooLarge, layoutPage, looksTabular, rectangleLines } from './layout.js';
import type { PageBlock, PageLine, PageTable, PlacedText, RulingLine } from './layout.js';

/** The part of the pdf.js module the front-end uses (`pdfjs-dist/legacy/build/pdf.mjs` or `build/pdf.mjs`). */
export interface PdfJsModule {
  /** Opens a document: pdf.js's `getDocument`. */
  getDocument(source: Record<string, unknown>): {
    /** The document, once opened. */
    promise: Promise<PdfDocumentProxy>;
    /** Ends the loading and frees the document. */
    destroy(): Promise<void>;
  };
  /** pdf.js's operator codes (`OPS`). */
  readonly OPS: Readonly<Record<string, number>>;
  /** Where pdf.js's worker runs. */
  readonly GlobalWorkerOptions: { workerSrc: string; workerPort: unknown };
}

/** The part of a pdf.js document the front-end uses. */
export interface PdfDocumentProxy {
  /** How many pages it has. */
  readonly numPages: number;
  /** A page (1-based). */
  getPage(number: number): Promise<PdfPageProxy>;
  /** The information dictionary and metadata. */
  getMetadata(): Promise<{ info?: unknown }>;
  /** Frees the document. */
  destroy(): Promise<void>;
}

/** A stream of a page's text items, in chunks (pdf.js's `streamTextContent`, a `ReadableStream`). */
export interface PdfTextStream {
  /** Its reader. */
  getReader(): {
    /** The next chunk, or done. */
    read(): Promise<{ done: boolean; value?: { items: readonly unknown[] } }>;
    /** Stops the stream: pdf.js stops parsing the page. */
    cancel(reason?: unknown): Promise<void>;
  };
}

/** The part of a pdf.js page the front-end uses. */
export interface PdfPageProxy {
  /** The text layer: positioned text items. */
  getTextContent(parameters?: Record<string, unknown>): Promise<{ items: readonly unknown[] }>;
  /** The text layer as it is parsed, chunk by chunk: read when there, so that a page too large is stopped while parsed. */
  streamTextContent?(parameters?: Record<string, unknown>): PdfTextStream;
  /** The drawing operators (read for ruling lines, never drawn). */
  getOperatorList(parameters?: Record<string, unknown>): Promise<{ fnArray: readonly number[]; argsArray: readonly unknown[] }>;
  /** Frees what the page holds. */
  cleanup(): boolean | void;
}

/** Options of the PDF front-end (`readPdfDocument`), given through `DocumentOptions.pdf`. */
export interface PdfReadOptions {
  /**
   * The pdf.js module to use; imported on first use when not given (`pdfjs-dist/legacy/build/pdf.mjs`).
   * A page that bundles its own pdf.js passes it here.
   */
  readonly pdfjs?: PdfJsModule;
  /** A pdf.js worker to run the parsing in (`new Worker(…)` of pdf.worker.mjs); by default it runs on the calling thread. */
  readonly workerPort?: unknown;
  /** Pages beyond this are not read: the document is reported as too large. Default 200. */
  readonly maxPages?: number;
  /**
   * Milliseconds after which reading stops and the document is reported as too slow to read.
   * Default 30,000. It is checked while a page's text is parsed, and a page's drawing is read
   * only when it fits the time left, so that a single page of a hostile file cannot run past it.
   */
  readonly timeLimitMs?: number;
  /** Text runs one page may hold (a report's page holds a few hundred); past it the document is reported as too large. Default 20,000. */
  readonly maxPageRuns?: number;
  /** Files larger than this many bytes are not read. Default 100 MB. */
  readonly maxBytes?: number;
  /**
   * Where pdf.js finds the predefined CMaps (pdf.js's `cMapUrl`): the folder of `<name>.bcmap`
   * files, ending with `/`. A font that is not embedded often maps its bytes to characters through
   * one (`GBK-EUC-H`, `UniGB-UCS2-H`, `ETen-B5-H`, … in older Chinese PDFs set in 宋体), and its text
   * cannot be read without it. pdfjs-dist ships them in its `cmaps/` folder: in a page, give the URL
   * it is served at (`'/pdfjs/cmaps/'`, or a CDN's `https://unpkg.com/pdfjs-dist@5.6.205/cmaps/`); in
   * Node, a folder path (the CLI gives pdfjs-dist's own). Not given, a PDF that needs one is
   * reported once as not read, with the CMaps it needs, never read without that text.
   */
  readonly cMapUrl?: string;
  /** Whether the CMaps at `cMapUrl` are pdf.js's packed `.bcmap` files (those pdfjs-dist ships). Default true. */
  readonly cMapPacked?: boolean;
}

/** Default bounds of the work spent on one file. */
export const PDF_LIMITS = { maxPages: 200, timeLimitMs: 30_000, maxBytes: 100 * 1024 * 1024, maxPageRuns: 20_000 } as const;

/**
 * How many times its text a page's drawing may take to read: the operator list parses the same
 * content stream as the text layer, and building paths instead of skipping them makes it up to
 * about 4.5 times as slow (measured on pages of a million lines, rectangles or curves). pdf.js
 * cannot be stopped inside an operator list, so the drawing is read only when that fits the time left.
 */
const DRAWING_COST = 5;

let defaultModule: Promise<PdfJsModule> | undefined;

/**
 * Built-ins that pdf.js's legacy build replaces with core-js polyfills where the engine fails a
 * spec edge case core-js tests (Node 20's V8 lets `push` grow an array whose length is read-only,
 * and has no `JSON.rawJSON`). pdf.js uses none of those edges, and the polyfills are several times
 * slower than the engine's own: left in place, they would slow every later check in the process
 * (each `push` of the text, tables and rules, the JSON and SARIF output), pdf.js's own parsing too.
 */
const HOT_BUILT_INS: readonly (readonly [object, string])[] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
];

/** Runs a pdf.js import, then puts back the engine's own hot built-ins it replaced. */
async function keepingBuiltIns<T>(load: () => Promise<T>): Promise<T> {
  const saved = HOT_BUILT_INS.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const);
  try {
    return await load();
  } finally {
    for (const [owner, key, descriptor] of saved) if (descriptor) Object.defineProperty(owner, key, descriptor);
  }
}

/** The pdf.js module, imported once; its worker set to run on this thread unless one is configured. */
function loadPdfJs(): Promise<PdfJsModule> {
  defaultModule ??= keepingBuiltIns(async () => {
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJsModule;
    await ensureWorker(pdfjs);
    return pdfjs;
  });
  return defaultModule;
}

/** With no worker configured, pdf.js's worker code is loaded to run on the calling thread (as pdf.js itself does in Node). */
async function ensureWorker(pdfjs: PdfJsModule): Promise<void> {
  const host = globalThis as { pdfjsWorker?: unknown };
  if (pdfjs.GlobalWorkerOptions.workerPort || host.pdfjsWorker) return;
  host.pdfjsWorker = await keepingBuiltIns(() => import('pdfjs-dist/legacy/build/pdf.worker.mjs'));
}

/** A problem that keeps the document from being read. */
class ReadStop extends Error {
  constructor(readonly problem: DocumentProblem) {
    super(problem.message);
  }
}

const PDF_END = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

/** Whether the file ends as a PDF must: with `%%EOF` in its last kilobytes (a cut download does not). */
function hasEnd(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 4096);
  for (let index = bytes.length - PDF_END.length; index >= from; index--) {
    if (PDF_END.every((byte, offset) => bytes[index + offset] === byte)) return true;
  }
  return false;
}

/** The problem a pdf.js failure stands for. */
function problemOf(error: unknown): DocumentProblem {
  if (error instanceof ReadStop) return error.problem;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return documentProblem('encrypted', 'pdf-encrypted', { error: message });
  return documentProblem('damaged', 'pdf-damaged', { error: message });
}

/** A pdf.js text item as the front-end reads it. */
interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

const isTextItem = (item: unknown): item is TextItem => typeof (item as TextItem).str === 'string' && Array.isArray((item as TextItem).transform);

function placedText(item: TextItem): PlacedText {
  const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = item.transform;
  return { text: item.str, x, y, width: item.width, height: item.height || Math.hypot(c, d) || Math.hypot(a, b) };
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

// pdf.js's path operators inside a constructPath buffer (its DrawOPS).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_TO = 3;
const CLOSE_PATH = 4;

/** A glyph as pdf.js's operator list gives it. */
interface Glyph {
  readonly unicode?: string;
  readonly vmetric?: readonly number[];
}

/** What a page draws that the front-end reads besides its text layer. */
export interface PageDrawing {
  /** Stroked axis-aligned segments and thin rectangles, in page space. */
  readonly rulings: RulingLine[];
  /**
   * The glyphs of text set vertically (a font for vertical writing), one run each: pdf.js's text
   * layer loses the glyphs of such text after a few (a row label set top to bottom in its cell).
   */
  readonly verticalText: PlacedText[];
}

/** Reads a page's operator list: its ruling lines and its vertically set text. */
export function readDrawing(operators: { fnArray: readonly number[]; argsArray: readonly unknown[] }, OPS: Readonly<Record<string, number>>): PageDrawing {
  const lines: RulingLine[] = [];
  const verticalText: PlacedText[] = [];
  const stack: Matrix[] = [];
  let matrix: Matrix = [1, 0, 0, 1, 0, 0];
  // The text state: the line matrix (where the line starts) and the text matrix (where the next glyph goes).
  let lineMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  let textMatrix: Matrix = lineMatrix;
  let fontSize = 0;
  const translate = (m: Matrix, tx: number, ty: number): Matrix => [m[0], m[1], m[2], m[3], tx * m[0] + ty * m[2] + m[4], tx * m[1] + ty * m[3] + m[5]];
  const stroking = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const filling = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const point = (x: number, y: number): [number, number] => [matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5]];
  const { fnArray, argsArray } = operators;
  for (let index = 0; index < fnArray.length; index++) {
    const fn = fnArray[index];
    const args = argsArray[index] as unknown[] | null;
    if (fn === OPS.save) stack.push(matrix);
    else if (fn === OPS.restore) matrix = stack.pop() ?? matrix;
    else if (fn === OPS.transform && args) matrix = multiply(matrix, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(matrix);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) matrix = multiply(matrix, Array.from(args[0] as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) matrix = stack.pop() ?? matrix;
    else if (fn === OPS.beginText) lineMatrix = textMatrix = [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.setFont && args) fontSize = typeof args[1] === 'number' ? args[1] : fontSize;
    else if (fn === OPS.setTextMatrix && args) {
      const m = args[0] as ArrayLike<number> | undefined;
      if (m && m.length >= 6) lineMatrix = textMatrix = Array.from(m).slice(0, 6) as Matrix;
    } else if ((fn === OPS.moveText || fn === OPS.setLeadingMoveText) && args) {
      lineMatrix = textMatrix = translate(lineMatrix, Number(args[0]) || 0, Number(args[1]) || 0);
    } else if (fn === OPS.showText && args) {
      for (const glyph of (args[0] as (Glyph | number | null)[] | undefined) ?? []) {
        if (typeof glyph === 'number') {
          textMatrix = translate(textMatrix, 0, (glyph / 1000) * fontSize);
          continue;
        }
        const advance = glyph?.vmetric?.[0];
        if (!glyph || advance === undefined) continue;
        const full = multiply(matrix, textMatrix);
        const size = Math.abs(fontSize * full[3]) || Math.abs(fontSize * full[0]);
        if (glyph.unicode && glyph.unicode.trim().length > 0) verticalText.push({ text: glyph.unicode, x: full[4], y: full[5], width: size, height: size });
        textMatrix = translate(textMatrix, 0, (advance / 1000) * fontSize);
      }
    } else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const stroke = stroking.has(paint);
      if (!stroke && !filling.has(paint)) continue;
      const buffer = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!buffer) continue;
      let subpath: [number, number][] = [];
      const flush = (): void => {
        if (subpath.length >= 4 && subpath.length <= 5 && isRectangle(subpath)) {
          const xs = subpath.map(([x]) => x);
          const ys = subpath.map(([, y]) => y);
          const left = Math.min(...xs);
          const bottom = Math.min(...ys);
          lines.push(...rectangleLines(left, bottom, Math.max(...xs) - left, Math.max(...ys) - bottom, stroke));
        } else if (stroke) {
          for (let k = 1; k < subpath.length; k++) {
            const [x1, y1] = subpath[k - 1] as [number, number];
            const [x2, y2] = subpath[k] as [number, number];
            if (Math.abs(x1 - x2) < 0.5 || Math.abs(y1 - y2) < 0.5) lines.push({ x1, y1, x2, y2 });
          }
        }
        subpath = [];
      };
      for (let k = 0; k < buffer.length; ) {
        const op = buffer[k++];
        if (op === MOVE_TO) {
          flush();
          subpath.push(point(buffer[k] as number, buffer[k + 1] as number));
          k += 2;
        } else if (op === LINE_TO) {
          subpath.push(point(buffer[k] as number, buffer[k + 1] as number));
          k += 2;
        } else if (op === CURVE_TO) {
          // A curve is no ruling line: the subpath is kept only as a break.
          flush();
          k += 6;
        } else if (op === QUADRATIC_TO) {
          flush();
          k += 4;
        } else if (op === CLOSE_PATH) {
          if (subpath.length > 0) subpath.push(subpath[0] as [number, number]);
          flush();
        } else break;
      }
      flush();
    }
  }
  return { rulings: lines, verticalText };
}

/** Whether the points of a closed subpath trace an axis-aligned rectangle. */
function isRectangle(points: readonly [number, number][]): boolean {
  for (let k = 1; k < points.length; k++) {
    const [x1, y1] = points[k - 1] as [number, number];
    const [x2, y2] = points[k] as [number, number];
    if (Math.abs(x1 - x2) >= 0.5 && Math.abs(y1 - y2) >= 0.5) return false;
  }
  return true;
}

// A page number standing alone: "- 5 -", "— 5 —", "第 5 页", "5 / 12", "5". (`\s*(?:[，,]\s*)?共`, not
// `\s*[，,]?\s*共`: two runs of blanks side by side are split every way before failing.)
const PAGE_NUMBER = /^\s*(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*(?:[，,]\s*)?共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4})\s*$/;

/** A cell's text: its lines joined (a label wrapped in its cell is one label), runs on a line joined by their gaps. */
function runsText(lines: readonly (readonly PlacedText[])[]): string {
  return lines
    .map((line) => {
      let text = '';
      let last: PlacedText | undefined;
      for (const run of line) {
        // A gap of a quarter of a font size between runs is a space the text layer did not write.
        if (last !== undefined && run.x - (last.x + last.width) > Math.max(run.height, last.height) * 0.25 && !/\s$/.test(text)) text += ' ';
        text += run.text;
        last = run;
      }
      return text.trim();
    })
    .filter((text) => text.length > 0)
    .join('');
}

/** A line's text, its cells (runs set wide apart) joined by the separator. */
const lineText = (line: PageLine, separator: string): string => line.cells.map((cell) => runsText([cell])).join(separator);

/** A page read: its blocks and its height. */
interface ReadPage {
  readonly number: number;
  readonly blocks: readonly PageBlock[];
  readonly height: number;
}

const rowTexts = (table: PageTable, row: number): string => (table.rows[row] ?? []).map((cell) => runsText(cell.lines)).join('\u0000');

/**
 * Where the column edges of a table at the top of a page fall among those of the table it may go on
 * from: the index of each of its edges among the earlier table's, or undefined when it is another
 * table. It goes on when its outer edges are the earlier table's and each inner edge is one of them
 * (the rows on the new page may not use every column line, as table 二's one-value rows do not).
 */
function continuedColumns(a: PageTable, b: PageTable): number[] | undefined {
  const near = (x: number, y: number): boolean => Math.abs(x - y) <= 3;
  const first = a.columnEdges[0] as number;
  const last = a.columnEdges[a.columnEdges.length - 1] as number;
  if (!near(first, b.columnEdges[0] as number) || !near(last, b.columnEdges[b.columnEdges.length - 1] as number)) return undefined;
  const indices = b.columnEdges.map((edge) => a.columnEdges.findIndex((candidate) => near(candidate, edge)));
  return indices.every((index) => index >= 0) ? indices : undefined;
}

/** A cell being assembled: a table going on over a page break may still extend it. */
interface OpenCell {
  text: string;
  readonly column: number;
  rowSpan: number;
  readonly colSpan: number;
  /** The row it starts in, within the whole table. */
  readonly row: number;
}

/** A table being assembled over the pages it runs across. */
interface OpenTable {
  /** Its first part, whose header a later page may repeat. */
  readonly first: PageTable;
  readonly rows: { cells: OpenCell[]; page: number }[];
}

/** A paragraph being assembled from the lines it wraps over. */
interface OpenParagraph {
  readonly kind: 'paragraph';
  text: string;
  /** The page it starts on. */
  readonly page: number;
  /** Its last line so far. */
  line: PageLine;
}

// A row label opens with its number: "（四）", "1.", "2、", "一、".
const NUMBERED = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*、|\d+\s*[.．、])/;
const isNumber = (text: string): boolean => /^\s*[\d.,，．]+\s*$/.test(text);

/** The cells of the table's last row and those above reaching down to it, by grid column. */
function bottomCells(table: OpenTable): Map<number, OpenCell> {
  const covering = new Map<number, OpenCell>();
  table.rows.forEach((row) => {
    for (const cell of row.cells) if (cell.row + cell.rowSpan === table.rows.length) covering.set(cell.column, cell);
  });
  return covering;
}

/**
 * Joins the first row of a table's continuation to the cells it goes on from: a cell drawn again at
 * the top of the page under a cell of the same columns reaching the bottom of the last page is that
 * cell's rest when it is empty (a merged label cell drawn on both pages), or when both hold a label
 * and the lower one does not start with a row number ("（四）无" / "法提供").
 */
function joinContinuation(table: OpenTable, row: { cells: OpenCell[]; page: number }): void {
  const above = bottomCells(table);
  row.cells = row.cells.filter((cell) => {
    const upper = above.get(cell.column);
    if (!upper || upper.colSpan !== cell.colSpan) return true;
    const continues =
      cell.text.trim().length === 0
        ? upper.text.trim().length > 0
        : upper.text.trim().length > 0 && !isNumber(upper.text) && !isNumber(cell.text) && !NUMBERED.test(cell.text) && NUMBERED.test(upper.text);
    if (!continues) return true;
    upper.text += cell.text.trim();
    upper.rowSpan += cell.rowSpan;
    return false;
  });
}

/** The pages as paragraphs and tables, tables going on over a page break joined, page numbers left out. */
function extractBlocks(pages: readonly ReadPage[]): ExtractedBlock[] {
  const blocks: (OpenParagraph | OpenTable)[] = [];
  let open: OpenTable | undefined;
  let paragraph: OpenParagraph | undefined;
  for (const page of pages) {
    // Page numbers at the top or the bottom of the page are chrome.
    const content = page.blocks.filter(
      (block) => !(block.kind === 'line' && (block.top < 80 || block.top > page.height - 60) && PAGE_NUMBER.test(lineText(block, ' '))),
    );
    // The right margin of the page's text: a line reaching it goes on in the next line.
    const rights = content.flatMap((block) => (block.kind === 'line' ? [lineRight(block)] : []));
    const margin = rights.length > 0 ? Math.max(...rights) : 0;
    content.forEach((block, index) => {
      if (block.kind === 'line') {
        open = undefined;
        const text = lineText(block, ' | ');
        // Over a page break the last page's margin is not known here: its line must reach this page's.
        if (paragraph && continuesParagraph(paragraph.line, block, margin)) {
          paragraph.text += joiner(paragraph.text, text) + text;
          paragraph.line = block;
          return;
        }
        paragraph = { kind: 'paragraph', text, page: page.number, line: block };
        blocks.push(paragraph);
        return;
      }
      paragraph = undefined;
      const columns = index === 0 && open !== undefined ? continuedColumns(open.first, block) : undefined;
      const continues = columns !== undefined;
      let skip = 0;
      if (continues && open) {
        // A header repeated at the top of the next page is the table's own header again.
        while (skip < block.rowCount && skip < open.first.rowCount && rowTexts(block, skip).length > 0 && rowTexts(block, skip) === rowTexts(open.first, skip)) skip++;
      }
      const table: OpenTable = continues && open ? open : { first: block, rows: [] };
      if (table !== open) blocks.push(table);
      const offset = table.rows.length - skip;
      for (let row = skip; row < block.rowCount; row++) {
        // A continuation's cells are placed on the columns of the table it goes on from.
        const place = (edge: number): number => (columns ? (columns[edge] as number) : edge);
        const cells: OpenCell[] = (block.rows[row] ?? []).map((cell) => ({
          text: runsText(cell.lines),
          column: place(cell.column),
          rowSpan: Math.min(cell.rowSpan, block.rowCount - row),
          colSpan: place(cell.column + cell.colSpan) - place(cell.column),
          row: row + offset,
        }));
        const openRow = { cells, page: page.number };
        if (row === skip && continues) joinContinuation(table, openRow);
        table.rows.push(openRow);
      }
      open = table;
    });
    // A table is continued only by a table at the very top of the next page.
    if (content.length > 0 && content[content.length - 1]?.kind !== 'table') open = undefined;
  }
  return blocks.map((block): ExtractedBlock => {
    if (!('kind' in block)) {
      return {
        kind: 'table',
        rows: block.rows.map((row) => ({
          page: row.page,
          cells: row.cells.map((cell) => ({ text: cell.text, column: cell.column, rowSpan: cell.rowSpan, colSpan: cell.colSpan })),
        })),
      };
    }
    return { kind: 'paragraph', text: block.text, page: block.page };
  });
}

/** The right edge of a line's last run. */
const lineRight = (line: PageLine): number => {
  const last = line.cells[line.cells.length - 1];
  const run = last?.[last.length - 1];
  return run ? run.x + run.width : 0;
};

/** The left edge of a line's first run. */
const lineLeft = (line: PageLine): number => line.cells[0]?.[0]?.x ?? 0;

/** The font size of a line (its first run's). */
const lineSize = (line: PageLine): number => line.cells[0]?.[0]?.height ?? 0;

/**
 * Whether a line goes on with the paragraph of the line before it: the earlier line runs to the
 * right margin (a wrapped line), both are set in one size, the new line starts no further right
 * than the earlier one's start, and neither is laid out in cells.
 */
function continuesParagraph(previous: PageLine, line: PageLine, margin: number): boolean {
  const size = lineSize(previous);
  if (size <= 0 || Math.abs(lineSize(line) - size) > size * 0.15) return false;
  if (previous.cells.length !== 1 || line.cells.length !== 1) return false;
  if (lineRight(previous) < margin - size * 1.5) return false;
  return lineLeft(line) <= lineLeft(previous) + size * 0.5;
}

/** What joins two pieces of a wrapped paragraph: nothing between Chinese characters, a space between words. */
const joiner = (before: string, after: string): string => (/[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? ' ' : '');

/** The document's title from the PDF's information dictionary, when it states one. */
function titleOf(info: unknown): string | undefined {
  const title = (info as { Title?: unknown } | undefined)?.Title;
  return typeof title === 'string' && title.trim().length > 0 ? title.trim() : undefined;
}

/** What pdf.js is asked to open: the text and the drawing operators, nothing drawn, no image decoded. */
function documentParameters(bytes: Uint8Array, disableFontFace: boolean, options: PdfReadOptions): Record<string, unknown> {
  return {
    // A plain Uint8Array copy: pdf.js takes the buffer over, and refuses a Node Buffer (a subclass).
    data: Uint8Array.from(bytes),
    isEvalSupported: false,
    // With font faces disabled pdf.js builds the outline of every glyph an operator list shows, to
    // draw it as a path: half the cost of a page's operator list. Font faces stay enabled, and
    // the loader that would install them is turned off instead (`withoutFontLoading`).
    disableFontFace,
    useSystemFonts: false,
    // Images are never decoded: every image is dropped from the operator lists.
    maxImageSize: 0,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    verbosity: 0,
    ...(options.cMapUrl !== undefined ? { cMapUrl: options.cMapUrl } : {}),
    cMapPacked: options.cMapPacked ?? true,
    // The CMaps are fetched on this thread, by the factory `watchingCMaps` sees, never by the worker.
    useWorkerFetch: false,
  };
}

/** The part of pdf.js's loading task (an internal of pdf.js 5) that fetches a CMap for the worker. */
interface BinaryDataTask {
  readonly _transport?: { binaryDataFactory?: { fetch?: unknown } | null } | null;
}

/**
 * Records the predefined CMaps pdf.js could not get (none given, or not found where told): a font
 * whose CMap is missing is dropped by pdf.js with a warning only, its text lost. The names go
 * into `missing`; false when this pdf.js fetches its CMaps elsewhere.
 */
function watchingCMaps(task: unknown, missing: Set<string>): boolean {
  const factory = (task as BinaryDataTask)._transport?.binaryDataFactory;
  if (!factory || typeof factory.fetch !== 'function') return false;
  const fetch = factory.fetch.bind(factory) as (request: { kind?: unknown; filename?: unknown }) => Promise<unknown>;
  factory.fetch = async (request: { kind?: unknown; filename?: unknown }): Promise<unknown> => {
    try {
      return await fetch(request);
    } catch (error) {
      if (request.kind === 'cMapUrl' && typeof request.filename === 'string') missing.add(request.filename.replace(/\.bcmap$/, ''));
      throw error;
    }
  };
  return true;
}

/** The problem of a document some of whose fonts could not be read for want of their CMaps. */
function missingCMaps(names: ReadonlySet<string>, options: PdfReadOptions): DocumentProblem {
  const list = [...names].sort().join(', ');
  return options.cMapUrl === undefined
    ? documentProblem('cmap-missing', 'pdf-cmap-missing', { list })
    : documentProblem('cmap-missing', 'pdf-cmap-not-loaded', { list, source: options.cMapUrl });
}

/** The part of pdf.js's loading task (its transport, an internal of pdf.js 5) that loads font faces. */
interface FontLoadingTask {
  readonly _transport?: { fontLoader?: { bind?: unknown } } | null;
}

/**
 * Turns off the loading of the document's fonts as font faces (a `FontFace` added to the page, in
 * Node a stylesheet rule it has no document for): nothing is drawn, and the text is read from the
 * text layer and the operator lists, which do not depend on it. False when this pdf.js keeps its
 * font loader elsewhere.
 */
function withoutFontLoading(task: unknown): boolean {
  const loader = (task as FontLoadingTask)._transport?.fontLoader;
  if (!loader || typeof loader.bind !== 'function') return false;
  loader.bind = async (): Promise<void> => undefined;
  return true;
}

/**
 * A page's text items, read as pdf.js parses them when it streams them: `check` is called after
 * each chunk, and a `ReadStop` it throws stops pdf.js's parsing of the page (a huge content
 * stream is stopped at the limit, not read to its end first).
 */
async function readTextItems(page: PdfPageProxy, check: (items: number) => void): Promise<unknown[]> {
  if (typeof page.streamTextContent !== 'function') {
    const content = await page.getTextContent();
    check(content.items.length);
    return [...content.items];
  }
  const reader = page.streamTextContent().getReader();
  const items: unknown[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return items;
      for (const item of value?.items ?? []) items.push(item);
      check(items.length);
    }
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    throw error;
  }
}

/**
 * Reads a PDF file into the document model. Never rejects: an encrypted, damaged, truncated or too
 * large file, or one without a text layer (a scan), gives a document with one problem saying so.
 *
 * @example
 * ```ts
 * const document = await readPdfDocument(new Uint8Array(await file.arrayBuffer()));
 * document.problems; // [] when it was read
 * ```
 */
export async function readPdfDocument(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<ReportDocument> {
  const maxPages = options.maxPages ?? PDF_LIMITS.maxPages;
  const timeLimit = options.timeLimitMs ?? PDF_LIMITS.timeLimitMs;
  const maxBytes = options.maxBytes ?? PDF_LIMITS.maxBytes;
  const maxPageRuns = options.maxPageRuns ?? PDF_LIMITS.maxPageRuns;
  if (bytes.length > maxBytes) {
    return unreadDocument('pdf', documentProblem('limit-exceeded', 'pdf-too-large', { size: bytes.length, max: maxBytes }));
  }
  if (!hasEnd(bytes)) return unreadDocument('pdf', documentProblem('truncated', 'pdf-truncated'));
  const started = Date.now();
  const tooSlow = (page?: number): ReadStop =>
    new ReadStop(page === undefined ? documentProblem('limit-exceeded', 'pdf-too-slow', { max: timeLimit }) : documentProblem('limit-exceeded', 'pdf-too-slow-on-page', { max: timeLimit, page }));
  const inTime = (page?: number): void => {
    if (Date.now() - started > timeLimit) throw tooSlow(page);
  };
  let task: { promise: Promise<PdfDocumentProxy>; destroy(): Promise<void> } | undefined;
  try {
    const pdfjs = options.pdfjs ?? (await loadPdfJs());
    if (options.pdfjs) await ensureWorker(pdfjs);
    if (options.workerPort !== undefined) pdfjs.GlobalWorkerOptions.workerPort = options.workerPort;
    task = pdfjs.getDocument(documentParameters(bytes, false, options));
    let pdf = await task.promise;
    if (!withoutFontLoading(task)) {
      // A pdf.js that keeps its font loader elsewhere: the document is opened again with font faces
      // disabled (pdf.js then builds every glyph's outline: slower, the same text).
      await task.destroy();
      task = pdfjs.getDocument(documentParameters(bytes, true, options));
      pdf = await task.promise;
    }
    // Fonts are loaded as the pages are parsed, after the document is open.
    const missing = new Set<string>();
    watchingCMaps(task, missing);
    if (pdf.numPages > maxPages) {
      return unreadDocument('pdf', documentProblem('limit-exceeded', 'pdf-too-many-pages', { pages: pdf.numPages, max: maxPages }));
    }
    const pages: ReadPage[] = [];
    let textRuns = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      inTime();
      const page = await pdf.getPage(number);
      const pageStarted = Date.now();
      const read = await readTextItems(page, (count) => {
        inTime(number);
        if (count > maxPageRuns) {
          throw new ReadStop(documentProblem('limit-exceeded', 'pdf-page-too-many-runs', { page: number, max: maxPageRuns }));
        }
      });
      const items = read.filter(isTextItem);
      const visible = items.filter((item) => item.str.trim().length > 0).length;
      textRuns += visible;
      // Only a page with text set like a table (or set vertically, as a row label may be) has its
      // drawing read: a page of prose has no table to find.
      const vertical = items.some((item) => (item as { dir?: unknown }).dir === 'ttb');
      const wanted = visible > 0 && (vertical || looksTabular(items.map(placedText)));
      if (wanted && Date.now() + DRAWING_COST * (Date.now() - pageStarted) - started > timeLimit) throw tooSlow(number);
      const drawing = wanted ? readDrawing(await page.getOperatorList(), pdfjs.OPS) : { rulings: [], verticalText: [] };
      inTime(number);
      // Text set vertically is read from the drawing, where none of its glyphs is lost.
      const horizontal = drawing.verticalText.length > 0 ? items.filter((item) => (item as { dir?: unknown }).dir !== 'ttb') : items;
      const runs = [...horizontal.map(placedText), ...drawing.verticalText];
      const rulings = drawing.rulings;
      const view = (page as unknown as { view?: number[] }).view;
      const height = Array.isArray(view) && view.length === 4 ? Math.abs((view[3] as number) - (view[1] as number)) : 842;
      let blocks: PageBlock[];
      try {
        blocks = layoutPage(runs, rulings);
      } catch (error) {
        if (error instanceof PageTooLarge) throw new ReadStop(documentProblem('limit-exceeded', error.detail, { page: number, ...error.args }));
        throw error;
      }
      pages.push({ number, blocks, height });
      page.cleanup();
    }
    inTime();
    // Text lost with its fonts would be read as cells left empty and sections missing: the document
    // is said to be unread, once, with the CMaps it needs.
    if (missing.size > 0) return unreadDocument('pdf', missingCMaps(missing, options));
    if (textRuns === 0) {
      return unreadDocument('pdf', documentProblem('no-text-layer', 'pdf-no-text-layer', { pages: pdf.numPages }));
    }
    const info = (await pdf.getMetadata().catch(() => ({ info: undefined }))).info;
    const title = titleOf(info);
    return composeDocument({ form: 'pdf', blocks: extractBlocks(pages), hints: title !== undefined ? { title } : {} });
  } catch (error) {
    return unreadDocument('pdf', problemOf(error));
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}
