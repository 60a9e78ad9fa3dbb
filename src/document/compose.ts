/**
 * Building the document model from what a binary front-end (PDF, Word) extracted: paragraphs and
 * tables of cells, in reading order. The extracted text is the document's original — one line per
 * paragraph, one line per table row with its cells joined by ` | ` (the layout the text reader
 * reads) — and spans point into it, with the page or the table cell added.
 *
 * @packageDocumentation
 */
import { lastAtMost, normalizeMapped } from '../read/source.js';
import type { MappedSourceText } from '../read/source.js';
import { isBlankMark } from '../read/tables/tokens.js';
import type { Span } from '../model/index.js';
import type { DocumentFigure, DocumentForm, DocumentHints, DocumentProblem, GridCell, ReportDocument, TableGrid, TextBlock } from './model.js';

/** A cell of an extracted table, as written (a merged cell appears once, in its first row). */
export interface ExtractedCell {
  /** Its text, lines and runs joined. */
  readonly text: string;
  /** Grid column of its left edge, after the spans of the cells before it (0-based). */
  readonly column: number;
  /** Rows and columns it covers (1 or more). */
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** A row of an extracted table: the cells that start in it, left to right. */
export interface ExtractedRow {
  readonly cells: readonly ExtractedCell[];
  /** The page the row is on (PDF). */
  readonly page?: number;
}

/** A paragraph, a table or an image (a Word file's drawing), in reading order. */
export type ExtractedBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly page?: number }
  | { readonly kind: 'table'; readonly rows: readonly ExtractedRow[] }
  | { readonly kind: 'figure'; readonly page?: number };

/** What a binary front-end extracted. */
export interface Extraction {
  readonly form: DocumentForm;
  readonly blocks: readonly ExtractedBlock[];
  readonly hints?: DocumentHints;
  readonly problems?: readonly DocumentProblem[];
}

/** The separator between the cells of a table row in the extracted text. */
export const CELL_SEPARATOR = ' | ';

/** Where a cell's text sits in the extracted text, for spans. */
interface CellPlace {
  readonly start: number;
  readonly end: number;
  readonly table: number;
  readonly row: number;
  readonly column: number;
}

/** A blank cell: nothing but spaces, or a blank mark (—, /, 无). */
const isBlankText = (text: string): boolean => {
  const trimmed = text.trim();
  return trimmed.length === 0 || isBlankMark(trimmed.replace(/\s+/g, ''));
};

// Line breaks inside a cell or paragraph would split one label over lines of the text: they become spaces.
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

/**
 * Builds the document from an extraction: the extracted text (the original spans point into),
 * normalized with one map back; a paragraph block per paragraph; a table block and a grid per table.
 * Spans of a table's text carry its cell (`{ table, row, column }`, 1-based, as written); spans of
 * a PDF's text carry the page.
 */
export function composeDocument(extraction: Extraction): ReportDocument {
  const parts: string[] = [];
  let length = 0;
  const lineStarts: number[] = [];
  const linePages: (number | undefined)[] = [];
  const cellPlaces: CellPlace[] = [];
  const plainBlocks: { kind: TextBlock['kind']; start: number; end: number }[] = [];
  const plainGrids: { index: number; start: number; end: number; rows: { cells: (ExtractedCell & { start: number; end: number; row: number })[] }[]; columnCount: number }[] = [];
  // An image has no text: it stands at the end of the text before it.
  const plainFigures: number[] = [];
  const pushLine = (text: string, page: number | undefined): number => {
    if (length > 0) {
      parts.push('\n');
      length += 1;
    }
    const start = length;
    lineStarts.push(start);
    linePages.push(page);
    parts.push(text);
    length += text.length;
    return start;
  };
  for (const block of extraction.blocks) {
    if (block.kind === 'figure') {
      plainFigures.push(length);
      continue;
    }
    if (block.kind === 'paragraph') {
      const text = oneLine(block.text);
      if (text.trim().length === 0) continue;
      const start = pushLine(text, block.page);
      plainBlocks.push({ kind: 'paragraph', start, end: length });
      continue;
    }
    if (block.rows.length === 0) continue;
    const index = plainGrids.length + 1;
    const grid: (typeof plainGrids)[number] = { index, start: -1, end: -1, rows: [], columnCount: 0 };
    block.rows.forEach((row, rowIndex) => {
      const cells: (typeof grid.rows)[number]['cells'] = [];
      let line = '';
      const places: { start: number; end: number; cell: ExtractedCell }[] = [];
      row.cells.forEach((cell, cellIndex) => {
        if (cellIndex > 0) line += CELL_SEPARATOR;
        const text = oneLine(cell.text);
        places.push({ start: line.length, end: line.length + text.length, cell });
        line += text;
        grid.columnCount = Math.max(grid.columnCount, cell.column + cell.colSpan);
      });
      const lineStart = pushLine(line, row.page);
      if (grid.start < 0) grid.start = lineStart;
      places.forEach(({ start, end, cell }, cellIndex) => {
        // Written out, not spread: the front-ends' cells differ in shape, and a spread of them is slow.
        cells.push({ text: cell.text, column: cell.column, rowSpan: cell.rowSpan, colSpan: cell.colSpan, start: lineStart + start, end: lineStart + end, row: rowIndex });
        cellPlaces.push({ start: lineStart + start, end: lineStart + end, table: index, row: rowIndex + 1, column: cellIndex + 1 });
      });
      grid.rows.push({ cells });
    });
    grid.end = length;
    plainBlocks.push({ kind: 'table', start: grid.start, end: grid.end });
    plainGrids.push(grid);
  }
  const plain = parts.join('');
  const hasPages = linePages.some((page) => page !== undefined);
  const cellStarts = cellPlaces.map((place) => place.start);
  let lineHint = 0;
  let cellHint = 0;
  const locate = (offset: number): Pick<Span, 'page' | 'cell'> => {
    const found: { page?: number; cell?: Span['cell'] } = {};
    if (hasPages && lineStarts.length > 0) {
      lineHint = lastAtMost(lineStarts, offset, lineHint);
      const page = linePages[lineHint];
      if (page !== undefined) found.page = page;
    }
    // Only a Word file's cells are located by cell: a PDF's tables are located by page.
    if (extraction.form === 'docx' && cellStarts.length > 0) {
      cellHint = lastAtMost(cellStarts, offset, cellHint);
      const place = cellPlaces[cellHint] as CellPlace;
      if (offset >= place.start && offset <= place.end && (offset < place.end || place.start === place.end)) {
        found.cell = { table: place.table, row: place.row, column: place.column };
      }
    }
    return found;
  };
  const source: MappedSourceText = normalizeMapped(plain, { plain, originalOffset: (offset) => offset, locate });
  const at = (offset: number): number => source.normalizedOffset(offset);
  const grids: TableGrid[] = plainGrids.map((grid) => ({
    index: grid.index,
    start: at(grid.start),
    end: at(grid.end),
    columnCount: grid.columnCount,
    rows: grid.rows.map((row) => ({
      cells: row.cells.map((cell): GridCell => {
        const start = at(cell.start);
        const end = cell.end > cell.start ? at(cell.end - 1) + 1 : start;
        return {
          text: source.text.slice(start, end).trim(),
          start,
          end,
          row: cell.row,
          column: cell.column,
          rowSpan: Math.max(1, Math.min(cell.rowSpan, grid.rows.length - cell.row)),
          colSpan: Math.max(1, cell.colSpan),
          blank: isBlankText(cell.text),
        };
      }),
    })),
  }));
  const blocks: TextBlock[] = plainBlocks.map((block) => ({ kind: block.kind, start: at(block.start), end: block.end > block.start ? at(block.end - 1) + 1 : at(block.start) }));
  const figures: DocumentFigure[] = plainFigures.map((offset) => ({ start: at(offset), span: source.originalSpan(offset, offset) }));
  return { form: extraction.form, source, blocks, grids, ...(figures.length > 0 ? { figures } : {}), hints: extraction.hints ?? {}, problems: extraction.problems ?? [] };
}
