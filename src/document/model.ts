/**
 * The document model: what every front-end (text, HTML, PDF, Word) makes of a published report, and
 * all that the stages after it read. A report is one normalized text — its blocks, in reading
 * order, with one map back to the original and one line index — plus the table grids the form
 * gave exactly (a web page's `<td>`s, a Word file's `w:tc`s, a PDF's positioned items).
 *
 * Nothing after the front-ends knows which form a report came from: sections, metadata, tables and
 * facts read this model.
 *
 * @packageDocumentation
 */
import type { Span } from '../model/index.js';
import type { SourceText } from '../read/source.js';

/** The forms a report is published in, each read by its own front-end. */
export const DOCUMENT_FORMS = ['text', 'html', 'pdf', 'docx'] as const;

/** A form a report is published in. */
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

/** What a block of the document's text is. */
export type TextBlockKind = 'heading' | 'paragraph' | 'table' | 'chrome';

/**
 * A block of the document's text: a heading, a paragraph, a table (its rows, one line each) or
 * page chrome kept for its metadata (a page's title or its 发布日期 line). Offsets are in the
 * normalized text ({@link ReportDocument.source}'s `text`).
 */
export interface TextBlock {
  /** What the block is. */
  readonly kind: TextBlockKind;
  /** Offset of its first character in the normalized text. */
  readonly start: number;
  /** Offset just past it. */
  readonly end: number;
}

/** One cell of a table grid, as written (a cell spanning several rows or columns appears once). */
export interface GridCell {
  /** The cell's text, normalized, its lines and runs joined (a label split over `<p>`s is one label). */
  readonly text: string;
  /** Offset of the cell's text in the normalized text (for an empty cell: where it stands). */
  readonly start: number;
  /** Offset just past the cell's text (equal to `start` for an empty cell). */
  readonly end: number;
  /** Index of the grid row the cell starts in (0-based). */
  readonly row: number;
  /** Index of the grid column the cell starts in, after earlier cells' spans are laid out (0-based). */
  readonly column: number;
  /** Rows the cell spans (1 or more, capped at the grid's real size). */
  readonly rowSpan: number;
  /** Columns the cell spans (1 or more, capped at the grid's real size). */
  readonly colSpan: number;
  /** True when the cell holds no value: empty, only spaces (`&nbsp;`), or a blank mark (—, /, 无). */
  readonly blank: boolean;
}

/** One row of a table grid: its cells in the order they are written. */
export interface GridRow {
  /** The cells that start in this row, left to right. */
  readonly cells: readonly GridCell[];
}

/** A table as the document gives it: rows of cells with their spans. */
export interface TableGrid {
  /** The table's index among the document's tables (1-based, as cell locations count it). */
  readonly index: number;
  /** Offset of the table's first character in the normalized text. */
  readonly start: number;
  /** Offset just past the table. */
  readonly end: number;
  /** The rows, top to bottom. */
  readonly rows: readonly GridRow[];
  /** How many grid columns the widest row fills once spans are laid out. */
  readonly columnCount: number;
}

/**
 * The smallest side, in CSS pixels (96 to the inch), of an image that may picture content (a table,
 * a page): an image declared smaller on either side is an icon, a bullet or a rule. Every front-end
 * that records images converts its own unit to this one.
 */
export const MIN_FIGURE_PIXELS = 100;

/** {@link MIN_FIGURE_PIXELS} in points (72 to the inch), the unit of a Word file's VML shapes and of a PDF page. */
export const MIN_FIGURE_POINTS = MIN_FIGURE_PIXELS * (72 / 96);

/**
 * An image standing in the report's text: a web page's `<img>`, a Word file's drawing. Agencies
 * often publish a statistics table as a picture of it; where a section's table is a picture, the
 * table is there but cannot be read, which is not the same finding as a table left out.
 */
export interface DocumentFigure {
  /** Offset in the normalized text where the image stands (between the text before and after it). */
  readonly start: number;
  /** Where the image is in the original: the `<img>` tag of a page; in a Word file's text, the end of the text before the picture. */
  readonly span: Span;
  /** A page's image address as written (`src`, or `data-src` for a lazily loaded one): what a pipeline fetches to read a pictured table. */
  readonly target?: string;
}

/**
 * A file the report's text links to or embeds: a web page's `<a href>`, `<iframe>`, `<embed>` or
 * `<object>` naming a PDF, Word, WPS, OFD, spreadsheet or archive file. Agencies often publish the
 * report itself, or its tables, as such a file, with a page that holds little more than its link.
 */
export interface DocumentAttachment {
  /** The file as the page names it: the link's text, else the file name in its address. */
  readonly name: string;
  /** The address as written (`href`, `src` or `data`), relative or absolute. */
  readonly target: string;
  /** Offset in the normalized text where it stands. */
  readonly start: number;
  /** The element in the original. */
  readonly span: Span;
}

/** Metadata a front-end found outside the report's text (a page's `<title>`, its 发布日期 box, a PDF's date). */
export interface DocumentHints {
  /** The document's title as given. */
  readonly title?: string;
  /** The publication date, ISO `YYYY-MM-DD`, when the page or file states one outside the text. */
  readonly publishedOn?: string;
}

/** A front-end's failure that left the document unread or partly read (a defect or a hostile input). */
export interface DocumentProblem {
  /** Stable code of the problem (e.g. `no-text-layer`, `encrypted`, `damaged`, `limit-exceeded`). */
  readonly code: string;
  /** What went wrong, in English (the rule renders the user's message from `code` and `detail`). */
  readonly message: string;
  /**
   * The same detail as data: its id (a key of `PROBLEM_DETAILS`) and args, which the rules render in
   * the diagnostic's locale. Absent for a problem recorded without one: `message` is then shown.
   */
  readonly detail?: { readonly id: string; readonly args?: Readonly<Record<string, string>> };
}

/** A published report, read into the one model every later stage reads. */
export interface ReportDocument {
  /** The form it was published in. */
  readonly form: DocumentForm;
  /** The normalized text with its one map back to the original and its one line index. */
  readonly source: SourceText;
  /** The text's blocks, in reading order. */
  readonly blocks: readonly TextBlock[];
  /** The tables the form gave as grids (none for plain text: its tables are read from the text). */
  readonly grids: readonly TableGrid[];
  /** The images standing in the text, in reading order; absent when the form has none (plain text). */
  readonly figures?: readonly DocumentFigure[];
  /** The files the text links to or embeds, in reading order; absent when it names none. */
  readonly attachments?: readonly DocumentAttachment[];
  /** Metadata found outside the text. */
  readonly hints: DocumentHints;
  /** What kept the front-end from reading all of it; empty when nothing did. */
  readonly problems: readonly DocumentProblem[];
}

/**
 * The grid laid out: `layout[row][column]` is the cell covering that position (a cell spanning
 * several positions covers each of them; a position no cell covers is `undefined`). A cell is
 * merged at a position when it does not start there.
 */
export function layoutGrid(grid: TableGrid): (GridCell | undefined)[][] {
  const layout: (GridCell | undefined)[][] = grid.rows.map(() => new Array<GridCell | undefined>(grid.columnCount).fill(undefined));
  for (const row of grid.rows) {
    for (const cell of row.cells) {
      for (let r = cell.row; r < Math.min(cell.row + cell.rowSpan, layout.length); r++) {
        const line = layout[r] as (GridCell | undefined)[];
        for (let c = cell.column; c < Math.min(cell.column + cell.colSpan, grid.columnCount); c++) line[c] = cell;
      }
    }
  }
  return layout;
}
