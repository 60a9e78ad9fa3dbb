/**
 * The Word front-end: a .docx file → the document model. The zip is opened with fflate (bounded:
 * a zip bomb or a huge entry is refused with one problem) and `word/document.xml` is read with
 * saxes: paragraphs and tables in reading order; a table's cells with their `w:gridSpan` and
 * `w:vMerge` (restart / continue) laid out as a grid; the runs of a paragraph joined, `w:br` and
 * `w:tab` kept as spaces; field codes left out and their results kept; tracked changes read as
 * accepted (`w:ins` kept, `w:del` dropped).
 *
 * @packageDocumentation
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { MIN_FIGURE_PIXELS, MIN_FIGURE_POINTS } from '../model.js';
import type { DocumentProblem, ReportDocument } from '../model.js';
import { documentProblem, errorText, unreadDocument } from '../problem.js';
import { composeDocument } from '../compose.js';
import type { ExtractedBlock, ExtractedCell, ExtractedRow } from '../compose.js';

/** Bounds of the work spent on one Word file. */
export const DOCX_LIMITS = {
  /** Largest `word/document.xml` read, uncompressed (bytes). */
  maxDocumentBytes: 64 * 1024 * 1024,
  /** Largest ratio of uncompressed to compressed size of an entry that is believed (a zip bomb has thousands). */
  maxRatio: 200,
} as const;

/** Options of the Word front-end (`readDocxDocument`), given through `DocumentOptions.docx`. */
export interface DocxReadOptions {
  /** Largest `word/document.xml` read, uncompressed. Default 64 MB. */
  readonly maxDocumentBytes?: number;
  /** Largest compression ratio believed. Default 200. */
  readonly maxRatio?: number;
}

const DOCUMENT_PART = 'word/document.xml';

class ReadStop extends Error {
  constructor(readonly problem: DocumentProblem) {
    super(problem.message);
  }
}

/** The document part, unzipped within the limits. */
function documentXml(bytes: Uint8Array, options: Required<DocxReadOptions>): string {
  let refused: DocumentProblem | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (file.name !== DOCUMENT_PART) return false;
        const ratio = file.size > 0 ? file.originalSize / file.size : Number.POSITIVE_INFINITY;
        if (file.originalSize > options.maxDocumentBytes || (file.originalSize > 1024 * 1024 && ratio > options.maxRatio)) {
          refused = documentProblem('limit-exceeded', 'docx-part-too-large', { part: DOCUMENT_PART, unzipped: file.originalSize, size: file.size });
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new ReadStop(documentProblem('damaged', 'docx-zip-damaged', { error: errorText(error) }));
  }
  if (refused) throw new ReadStop(refused);
  const part = files[DOCUMENT_PART];
  if (!part) throw new ReadStop(documentProblem('unsupported-form', 'docx-no-document', { part: DOCUMENT_PART }));
  if (part.length > options.maxDocumentBytes) throw new ReadStop(documentProblem('limit-exceeded', 'docx-text-too-large', { max: options.maxDocumentBytes }));
  return strFromU8(part);
}

/** What joins two pieces of one label or paragraph: nothing between Chinese characters, a space otherwise. */
function joinPieces(pieces: readonly string[]): string {
  let text = '';
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (trimmed.length === 0) continue;
    if (text.length > 0 && /[\w.,;:)]$/.test(text) && /^[\w(]/.test(trimmed)) text += ' ';
    text += trimmed;
  }
  return text;
}

/** A cell being read. */
interface CellState {
  /** Its paragraphs (and lines broken by `w:br`), joined when the cell ends. */
  readonly pieces: string[];
  gridSpan: number;
  /** `restart`, `continue` or none. */
  vMerge: 'restart' | 'continue' | undefined;
}

/** A table being read. */
interface TableState {
  readonly rows: { cells: { text: string; column: number; rowSpan: number; colSpan: number; row: number }[] }[];
  /** The cells of the current row, as read. */
  current: CellState[] | undefined;
  /** Grid columns skipped before the row's first cell (`w:gridBefore`). */
  gridBefore: number;
  /** The cell being read. */
  cell: CellState | undefined;
  /** By grid column, the last cell laid out that starts there: the one a `continue` cell may go on. */
  readonly bottom: Map<number, TableState['rows'][number]['cells'][number]>;
}

// The smallest picture's side in a drawing's unit, the EMU (914,400 to the inch, 9,525 to a pixel),
// and in a VML shape's style unit, the point (`width:415pt;height:300pt`: MIN_FIGURE_POINTS).
const MIN_FIGURE_EMU = MIN_FIGURE_PIXELS * 9525;

// redos-bound: a shape's style; a fixed word, then one number and a unit
const VML_SIZE = /(?:^|;)\s*(?:width|height)\s*:\s*(\d{1,6}(?:\.\d+)?)\s*(pt|px|in|cm|mm)?/gi;
// Points per unit of a VML length (a bare number is pixels).
const POINTS_PER: Readonly<Record<string, number>> = { pt: 1, px: 0.75, in: 72, cm: 72 / 2.54, mm: 72 / 25.4 };

/** Whether a VML shape's style declares it no smaller than an icon (an undeclared size is not small). */
function vmlShapeIsLarge(style: string | undefined): boolean {
  if (style === undefined) return true;
  for (const match of style.matchAll(VML_SIZE)) {
    if (Number(match[1]) * (POINTS_PER[(match[2] ?? 'px').toLowerCase()] ?? 0.75) < MIN_FIGURE_POINTS) return false;
  }
  return true;
}

// Elements whose whole content is not the document's accepted text.
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delInstrText', 'mc:Fallback', 'w:fldData', 'w:rPr', 'w:pPr']);

/** Reads the document part into paragraphs and tables, in reading order. */
function readBody(xml: string): ExtractedBlock[] {
  const blocks: ExtractedBlock[] = [];
  const tables: TableState[] = [];
  let paragraph: string[] | undefined;
  let line = '';
  let skipDepth = 0;
  let inText = false;
  // The pictures in the paragraph being read (outside tables): they stand after its text.
  let figures = 0;
  // Whether the drawing or VML shape being read is larger than an icon.
  let drawingLarge = false;
  let shapeLarge = true;
  const parser = new SaxesParser({ xmlns: false, position: false });
  const attribute = (tag: SaxesTagPlain, name: string): string | undefined => tag.attributes[name] as string | undefined;
  const endLine = (): void => {
    if (paragraph && line.length > 0) paragraph.push(line);
    line = '';
  };
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (skipDepth > 0) {
      if (!tag.isSelfClosing) skipDepth++;
      return;
    }
    if (SKIPPED.has(name)) {
      // The properties are read for what the table needs, below: only their text is skipped.
      if (name === 'w:rPr' || name === 'w:pPr') return;
      if (!tag.isSelfClosing) skipDepth = 1;
      return;
    }
    const table = tables[tables.length - 1];
    switch (name) {
      case 'w:p':
        paragraph = [];
        line = '';
        break;
      case 'w:t':
        inText = !tag.isSelfClosing;
        break;
      case 'w:tab':
        line += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        endLine();
        break;
      case 'w:noBreakHyphen':
        line += '-';
        break;
      case 'wp:extent':
        // A drawing's size (EMU), given before what it draws: a picture, a chart, a text box, a shape.
        drawingLarge = Number(attribute(tag, 'cx')) >= MIN_FIGURE_EMU && Number(attribute(tag, 'cy')) >= MIN_FIGURE_EMU;
        break;
      case 'pic:pic':
        // Only a picture may be a table's: a chart is drawn from data, a text box's text is read.
        if (!table?.cell && drawingLarge) figures++;
        drawingLarge = false;
        break;
      case 'v:shape':
        shapeLarge = vmlShapeIsLarge(attribute(tag, 'style'));
        break;
      case 'v:imagedata':
        if (!table?.cell && shapeLarge) figures++;
        break;
      case 'w:tbl':
        // A table inside a cell is read as that cell's text.
        if (table?.cell) break;
        tables.push({ rows: [], current: undefined, gridBefore: 0, cell: undefined, bottom: new Map() });
        break;
      case 'w:tr':
        if (table && !table.cell) {
          table.current = [];
          table.gridBefore = 0;
        }
        break;
      case 'w:gridBefore':
        if (table && !table.cell) table.gridBefore = Math.max(0, Number(attribute(tag, 'w:val')) || 0);
        break;
      case 'w:tc':
        if (table && !table.cell && table.current) table.cell = { pieces: [], gridSpan: 1, vMerge: undefined };
        break;
      case 'w:gridSpan':
        if (table?.cell) table.cell.gridSpan = Math.max(1, Math.min(64, Number(attribute(tag, 'w:val')) || 1));
        break;
      case 'w:vMerge':
        if (table?.cell) table.cell.vMerge = attribute(tag, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
    }
  });
  parser.on('text', (text) => {
    if (inText && skipDepth === 0) line += text;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name;
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    const table = tables[tables.length - 1];
    switch (name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p': {
        endLine();
        const pieces = paragraph ?? [];
        paragraph = undefined;
        if (table?.cell) table.cell.pieces.push(...pieces);
        else if (pieces.length > 0) blocks.push({ kind: 'paragraph', text: joinPieces(pieces) });
        if (!table?.cell) for (let count = 0; count < figures; count++) blocks.push({ kind: 'figure' });
        figures = 0;
        break;
      }
      case 'w:tc':
        if (table?.cell && table.current) {
          table.current.push(table.cell);
          table.cell = undefined;
        }
        break;
      case 'w:tr':
        if (table && !table.cell && table.current) {
          addRow(table, table.current);
          table.current = undefined;
        }
        break;
      case 'w:tbl':
        if (table && !table.cell) {
          tables.pop();
          const rows: ExtractedRow[] = table.rows.map((row) => ({ cells: row.cells.map(({ text, column, rowSpan, colSpan }): ExtractedCell => ({ text, column, rowSpan, colSpan })) }));
          const outer = tables[tables.length - 1];
          // A table that was nested in a cell of another is that cell's text.
          if (outer?.cell) outer.cell.pieces.push(...rows.map((row) => row.cells.map((cell) => cell.text).join(' ')));
          else if (rows.length > 0) blocks.push({ kind: 'table', rows });
        }
        break;
    }
  });
  parser.write(xml).close();
  return blocks;
}

/** Lays a row's cells out on the grid: spans placed, a `continue` cell merged into the cell above it. */
function addRow(table: TableState, cells: readonly CellState[]): void {
  const row: TableState['rows'][number]['cells'] = [];
  const rowIndex = table.rows.length;
  let column = table.gridBefore;
  for (const cell of cells) {
    const text = joinPieces(cell.pieces);
    // A `continue` cell goes on with the cell above that starts in its grid column and reaches down to this row.
    const candidate = cell.vMerge === 'continue' ? table.bottom.get(column) : undefined;
    const above = candidate && candidate.row + candidate.rowSpan === rowIndex ? candidate : undefined;
    if (above) {
      above.rowSpan++;
      if (text.length > 0) above.text = joinPieces([above.text, text]);
    } else {
      const laid = { text, column, rowSpan: 1, colSpan: cell.gridSpan, row: rowIndex };
      row.push(laid);
      table.bottom.set(column, laid);
    }
    column += cell.gridSpan;
  }
  table.rows.push({ cells: row });
}

/**
 * Reads a .docx file into the document model. Never throws: a damaged zip, a zip bomb, or a zip
 * that is no Word document gives a document with one problem saying so.
 *
 * @example
 * ```ts
 * const document = readDocxDocument(new Uint8Array(await file.arrayBuffer()));
 * document.grids.length; // the Word tables, one grid each
 * ```
 */
export function readDocxDocument(bytes: Uint8Array, options: DocxReadOptions = {}): ReportDocument {
  const limits = { maxDocumentBytes: options.maxDocumentBytes ?? DOCX_LIMITS.maxDocumentBytes, maxRatio: options.maxRatio ?? DOCX_LIMITS.maxRatio };
  try {
    const xml = documentXml(bytes, limits);
    return composeDocument({ form: 'docx', blocks: readBody(xml) });
  } catch (error) {
    if (error instanceof ReadStop) return unreadDocument('docx', error.problem);
    return unreadDocument('docx', documentProblem('damaged', 'docx-damaged', { error: errorText(error) }));
  }
}
