/**
 * The HTML front-end: a published web page → the document model.
 *
 * The page is parsed with parse5 (the WHATWG tree builder, so broken Word HTML is repaired as a
 * browser repairs it; see {@link parseTallied} for its source locations), the article is found (see {@link surveyPage}), and its blocks are written as
 * lines of plain text — headings and paragraphs one line each, a table one line per `<tr>` with its
 * cells joined by ` | ` — every character mapped to its place in the page's source. Each table also
 * becomes a grid of its `<td>`s, spans laid out. Nothing outside the article reaches the text but
 * the report's title.
 *
 * @packageDocumentation
 */
import { normalizeMapped } from '../../read/source.js';
import { isBlankMark } from '../../read/tables/tokens.js';
import { MIN_FIGURE_PIXELS } from '../model.js';
import type { DocumentAttachment, DocumentFigure, DocumentHints, DocumentProblem, GridCell, GridRow, ReportDocument, TableGrid, TextBlock, TextBlockKind } from '../model.js';
import { PlainTextBuilder } from '../plain.js';
import { documentProblem, errorText, unreadDocument } from '../problem.js';
import { reportTitleOf, surveyPage } from './article.js';
import { ElementKinds, kindsOf } from './classify.js';
import type { Element, Node, TextNode } from './classify.js';
import { parseTallied } from './parse.js';
import { LineWriter } from './text.js';

/**
 * Tables wider or longer than this are not grids (no report table is; a page built to exhaust a
 * reader is): their rows are still written as lines of text.
 */
export const MAX_GRID_COLUMNS = 256;
/** See {@link MAX_GRID_COLUMNS}. */
export const MAX_GRID_ROWS = 4096;
// The HTML standard's own caps on spans.
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/** A grid cell as the walk records it, in plain-text offsets. */
interface PlainCell {
  readonly start: number;
  readonly end: number;
  /** Where an empty cell stands: a plain character that maps to its `<td>`. */
  readonly place: number;
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

interface PlainGrid {
  readonly start: number;
  readonly end: number;
  readonly rows: PlainCell[][];
  readonly columnCount: number;
}

interface PlainBlock {
  readonly kind: TextBlockKind;
  readonly start: number;
  readonly end: number;
}

const attributeOf = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

function spanAttribute(element: Element, name: string, max: number): number {
  // Most cells span nothing: their attributes are not read.
  if (!(kindsOf(element) & SPANNED)) return 1;
  const value = attributeOf(element, name);
  if (value === undefined) return 1;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed) || parsed < 0) return 1;
  // rowspan="0" spans to the end of the table.
  if (parsed === 0) return name === 'rowspan' ? max : 1;
  return Math.min(parsed, max);
}

const startOf = (node: Node): number => ('sourceCodeLocation' in node ? (node.sourceCodeLocation?.startOffset ?? 0) : 0);

/** The `<tr>`s of a table (not those of tables inside it). */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.childNodes) {
    if (!('tagName' in child)) continue;
    if (child.nodeName === 'tr') rows.push(child);
    else if (child.nodeName === 'thead' || child.nodeName === 'tbody' || child.nodeName === 'tfoot') {
      for (const row of child.childNodes) if (row.nodeName === 'tr') rows.push(row as Element);
    }
  }
  return rows;
}

const cellsOf = (row: Element): Element[] => row.childNodes.filter((child): child is Element => child.nodeName === 'td' || child.nodeName === 'th');

// A cell holding more text than this lays out a page (a column beside the site's menu): no label or
// value of a report table is nearly as long.
const MAX_CELL_TEXT = 200;

/** Whether a code is whitespace to a regular expression's `\s` (and to `String.prototype.trim`). */
const isPatternSpace = (code: number): boolean =>
  code === 0x20 ||
  (code >= 0x09 && code <= 0x0d) ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;

// The cell walk's stack, reused from cell to cell (a table has hundreds of cells, most of one text node).
const cellWalk: Node[] = [];

/** The length of texts written one after another once their whitespace is collapsed and trimmed (as `textOf` in article.ts measures it). */
function collapsedLength(texts: readonly string[]): number {
  let collapsed = 0;
  let spaceLast = false;
  for (const value of texts) {
    for (let index = 0; index < value.length; index++) {
      if (isPatternSpace(value.charCodeAt(index))) {
        if (collapsed > 0 && !spaceLast) {
          collapsed++;
          spaceLast = true;
        }
      } else {
        collapsed++;
        spaceLast = false;
      }
    }
  }
  return collapsed - (spaceLast ? 1 : 0);
}

/**
 * Whether a cell lays out the page rather than holds a value: it holds another table, or a page's
 * worth of text — more than {@link MAX_CELL_TEXT} characters of its first text nodes, those
 * holding up to `MAX_CELL_TEXT + 1` characters as written, once its whitespace is collapsed and
 * trimmed (the measure of `textOf` in article.ts, taken without building the text). One walk for
 * both; the characters are looked at only when the text as written is long enough to count
 * (collapsing never lengthens it), which almost no cell of a report is.
 */
function laysOutPage(cell: Element): boolean {
  const nodes = cellWalk;
  nodes.length = 0;
  nodes.push(cell);
  // The text nodes taken, as written, and their length.
  let taken: string[] | undefined;
  let written = 0;
  let long = false;
  while (nodes.length > 0) {
    const node = nodes.pop() as Node;
    if (node.nodeName === '#text') {
      if (written > MAX_CELL_TEXT) continue;
      const value = (node as TextNode).value;
      written += value.length;
      (taken ??= []).push(value);
      // Taking stops here: the text is measured once, whatever follows.
      if (written > MAX_CELL_TEXT && collapsedLength(taken) > MAX_CELL_TEXT) long = true;
      if (long) break;
      continue;
    }
    if (!('childNodes' in node)) continue;
    if (node !== cell && node.nodeName === 'table') {
      long = true;
      break;
    }
    // A script's or a style's text is not the cell's (and holds no element).
    if (node.nodeName === 'script' || node.nodeName === 'style') continue;
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index--) nodes.push(children[index] as Node);
  }
  nodes.length = 0;
  return long;
}

/** Positions of the cells of a table with their spans laid out, or `undefined` when it is too big to be a grid. */
function layOut(rows: readonly Element[][]): { columns: number[][]; rowSpans: number[][]; colSpans: number[][]; width: number } | undefined {
  if (rows.length > MAX_GRID_ROWS) return undefined;
  // No span is wider than the widest row has cells: a colspan of 100000 in a table of 15 cells
  // covers what is there.
  let widest = 1;
  for (const cells of rows) widest = Math.max(widest, cells.length);
  if (widest > MAX_GRID_COLUMNS) return undefined;
  const busyUntil: number[] = [];
  const columns: number[][] = [];
  const rowSpans: number[][] = [];
  const colSpans: number[][] = [];
  let width = 0;
  for (let row = 0; row < rows.length; row++) {
    const cells = rows[row] as Element[];
    const rowColumns: number[] = [];
    const rowRowSpans: number[] = [];
    const rowColSpans: number[] = [];
    let column = 0;
    for (const cell of cells) {
      while ((busyUntil[column] ?? 0) > row) column++;
      if (column >= MAX_GRID_COLUMNS) return undefined;
      const colSpan = spanAttribute(cell, 'colspan', Math.min(MAX_COLSPAN, widest));
      const rowSpan = Math.min(spanAttribute(cell, 'rowspan', MAX_ROWSPAN), rows.length - row);
      const last = Math.min(column + colSpan, MAX_GRID_COLUMNS);
      for (let covered = column; covered < last; covered++) busyUntil[covered] = row + rowSpan;
      rowColumns.push(column);
      rowRowSpans.push(rowSpan);
      rowColSpans.push(colSpan);
      width = Math.max(width, column + 1);
      column += colSpan;
    }
    columns.push(rowColumns);
    rowSpans.push(rowRowSpans);
    colSpans.push(rowColSpans);
  }
  // The real width is where the rightmost cell starts: a span reaching past it (a colspan of 1000
  // over a table of 15 columns) covers what is there.
  for (let row = 0; row < rows.length; row++) {
    const rowColumns = columns[row] as number[];
    const rowColSpans = colSpans[row] as number[];
    for (let index = 0; index < rowColumns.length; index++) rowColSpans[index] = Math.max(1, Math.min(rowColSpans[index] as number, width - (rowColumns[index] as number)));
  }
  return { columns, rowSpans, colSpans, width };
}

const { CHROME, HIDDEN, SKIPPED_TAG, BLOCK_TAG, HEADING_TAG, SPANNED } = ElementKinds;

// The write walk's flags: the node is under a heading; the block the node starts is left.
const UNDER_HEADING = 1;
const LEAVING_BLOCK = 2;

/** An image of the article as the walk records it: where it stands in the plain text, its tag in the source. */
interface PlainFigure {
  readonly at: number;
  readonly from: number;
  readonly to: number;
  /** The image's address as written. */
  readonly target?: string;
}

// redos-bound: a style attribute's value; one number after a fixed word
const STYLE_SIZE = /(?:^|[;\s])(?:width|height)\s*:\s*(\d{1,6})(?:\.\d+)?px/gi;

// A size in pixels as an attribute or style gives it: digits, or digits and `px`; a percentage
// scales with the page and says nothing of the picture.
const PIXELS = /^(\d{1,6})(?:\.\d+)?(?:px)?$/i;
// redos-bound: a class or address; fixed words
const ICON = /icon|logo|emoji|bullet/i;

/** Whether an `<img>` may picture content (a table, a page): not an icon, a logo or one declared as small as one. */
function picturesContent(image: Element): boolean {
  for (const name of ['width', 'height']) {
    const declared = PIXELS.exec((attributeOf(image, name) ?? '').trim());
    if (declared !== null && Number(declared[1]) < MIN_FIGURE_PIXELS) return false;
  }
  const style = attributeOf(image, 'style');
  if (style !== undefined) for (const match of style.matchAll(STYLE_SIZE)) if (Number(match[1]) < MIN_FIGURE_PIXELS) return false;
  const address = attributeOf(image, 'src') ?? attributeOf(image, 'data-src') ?? '';
  return !ICON.test(attributeOf(image, 'class') ?? '') && !ICON.test(address);
}

/** A file the article links to or embeds, as the walk records it. */
interface PlainAttachment extends PlainFigure {
  readonly name: string;
  readonly target: string;
}

// redos-bound: an attribute's value; one alternation of fixed words after a dot
const ATTACHMENT_FILE = /[^/.]\.(?:pdf|docx?|wps|ofd|xlsx?|et|zip|rar|7z|ceb|caj)(?:[?#;]|$)/i;

// A document viewer's page names the file it shows in its query: `viewer.html?file=/u/年报.pdf`.
// redos-bound: a query; one name, then a run of characters that are no separator
const VIEWED_FILE = /[?&](?:file|url|src|path)=([^&#]{1,2000})/i;

/** The document file an address names: itself, or the file a viewer page is given; undefined when none. */
function documentFileOf(target: string): string | undefined {
  if (/^\s*(?:javascript|mailto|tel|data):/i.test(target)) return undefined;
  if (ATTACHMENT_FILE.test(target)) return target;
  const viewed = VIEWED_FILE.exec(target)?.[1];
  if (viewed === undefined) return undefined;
  let file = viewed;
  try {
    file = decodeURIComponent(viewed);
  } catch {
    // A malformed escape: the query as written.
  }
  return ATTACHMENT_FILE.test(file) ? file : undefined;
}

/** The file name at the end of an address, decoded when it is percent-encoded ("%E5%B9%B4" → "年"). */
function fileNameOf(target: string): string {
  const path = target.split(/[?#]/)[0] ?? '';
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The text of an element, its runs joined and its spaces collapsed. */
function textOf(element: Element): string {
  const stack: Node[] = [element];
  let text = '';
  while (stack.length > 0 && text.length < 200) {
    const node = stack.pop() as Node;
    if (node.nodeName === '#text') text += (node as TextNode).value;
    else if ('childNodes' in node) for (let index = node.childNodes.length - 1; index >= 0; index--) stack.push(node.childNodes[index] as Node);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The walk of the article: writes its lines and records blocks, grids, images and attachments in plain-text offsets. */
class ArticleWriter {
  readonly builder = new PlainTextBuilder();
  readonly writer = new LineWriter(this.builder);
  readonly blocks: PlainBlock[] = [];
  readonly grids: PlainGrid[] = [];
  readonly figures: PlainFigure[] = [];
  readonly attachments: PlainAttachment[] = [];
  private lineStart = 0;
  private lineKind: TextBlockKind = 'paragraph';

  /**
   * @param html - the page's source
   * @param strict - leave out chrome by its class and id too (the article was not found by its CMS container)
   */
  constructor(
    private readonly html: string,
    private readonly strict: boolean,
  ) {}

  /** Ends the current line as a block of the given kind. */
  private endLine(sourceOffset: number): void {
    if (this.writer.lineOpen) {
      const end = this.builder.length;
      this.writer.endLine(sourceOffset);
      this.blocks.push({ kind: this.lineKind, start: this.lineStart, end });
    }
    this.lineStart = this.builder.length;
    this.lineKind = 'paragraph';
  }

  private textNode(node: TextNode): void {
    const location = node.sourceCodeLocation;
    if (!location) return;
    this.writer.text(node.value, this.html, location.startOffset, location.endOffset);
  }

  /** Writes a line of chrome kept for its metadata (the report's title when the article lacks it). */
  chromeLine(text: string, sourceOffset: number, kind: TextBlockKind): void {
    this.endLine(sourceOffset);
    this.writer.generated(text, sourceOffset);
    this.lineKind = kind;
    this.endLine(sourceOffset);
  }

  /** Writes an element's content as blocks (headings, paragraphs, tables). Iterative: any depth. */
  write(root: Node, kind: TextBlockKind = 'paragraph'): void {
    // The walk's stack: a node, and whether it is under a heading, or that its block is left.
    const nodes: Node[] = [root];
    const flags: number[] = [kind === 'heading' ? UNDER_HEADING : 0];
    while (nodes.length > 0) {
      const node = nodes.pop() as Node;
      const flag = flags.pop() as number;
      if (flag & LEAVING_BLOCK) {
        this.endLine(endOf(node));
        continue;
      }
      if (node.nodeName === '#text') {
        if (flag & UNDER_HEADING && !this.writer.lineOpen) this.lineKind = 'heading';
        this.textNode(node as TextNode);
        continue;
      }
      if (!('childNodes' in node)) continue;
      const name = node.nodeName;
      const kinds = 'tagName' in node ? kindsOf(node) : 0;
      if ('tagName' in node) {
        // An embedded file is recorded though its element's content is no text of the article.
        if ((name === 'iframe' || name === 'embed' || name === 'object') && !(kinds & (this.strict ? HIDDEN | CHROME : HIDDEN))) this.attachment(node, name === 'object' ? 'data' : 'src');
        if (kinds & (this.strict ? SKIPPED_TAG | HIDDEN | CHROME : SKIPPED_TAG | HIDDEN)) continue;
        if (name === 'a') this.attachment(node, 'href');
        if (name === 'br') {
          this.endLine(startOf(node));
          continue;
        }
        if (name === 'table' && this.table(node)) continue;
        if (name === 'img') {
          if (picturesContent(node)) {
            // A lazily loaded image holds its address in data-src until it is shown.
            const target = (attributeOf(node, 'data-src') ?? attributeOf(node, 'src'))?.trim();
            this.figures.push({ at: this.builder.length, from: startOf(node), to: endOf(node), ...(target ? { target } : {}) });
          }
          continue;
        }
      }
      if (kinds & BLOCK_TAG) {
        this.endLine(startOf(node));
        nodes.push(node);
        flags.push(LEAVING_BLOCK);
      }
      const childFlag = flag & UNDER_HEADING || kinds & HEADING_TAG ? UNDER_HEADING : 0;
      const children = node.childNodes;
      for (let index = children.length - 1; index >= 0; index--) {
        nodes.push(children[index] as Node);
        flags.push(childFlag);
      }
    }
  }

  /**
   * Records the element as an attachment when its address (`attribute`) names a document or archive
   * file, or a viewer page given one. The same file linked twice (an icon, then its title) is one
   * attachment, named by the link that says most.
   */
  attachment(element: Element, attribute: string): void {
    const target = attributeOf(element, attribute)?.trim();
    const file = target !== undefined ? documentFileOf(target) : undefined;
    if (target === undefined || file === undefined) return;
    const text = element.nodeName === 'a' ? textOf(element) : '';
    const fileName = fileNameOf(file);
    // A link's text names the file when it says what the file is, not only how to get it ("点击下载").
    const name = text !== '' && !/^(?:点击)?(?:下载|查看|打开|预览|浏览)?(?:附件|文件|原文)?\d{0,2}[:：]?$/.test(text.replace(/\s+/g, '')) ? text : fileName;
    const same = this.attachments.findIndex((attachment) => attachment.target === target);
    if (same >= 0) {
      const known = this.attachments[same] as PlainAttachment;
      if (known.name === fileNameOf(documentFileOf(known.target) ?? known.target) && name !== fileName) this.attachments[same] = { ...known, name };
      return;
    }
    this.attachments.push({ at: this.builder.length, from: startOf(element), to: endOf(element), name, target });
  }

  /** Writes a table as a grid, one line per row; false when the table lays out the page instead. */
  private table(table: Element): boolean {
    const rowElements = rowsOf(table);
    if (rowElements.length === 0) return false;
    const rows = rowElements.map(cellsOf);
    if (rows.every((cells) => cells.length <= 1) || rows.some((cells) => cells.some(laysOutPage))) return false;
    const layout = layOut(rows);
    this.endLine(startOf(table));
    // A caption ("表三 收到和处理政府信息公开申请情况") is a line of its own before the rows.
    for (const child of table.childNodes) if (child.nodeName === 'caption') this.write(child);
    const start = this.builder.length;
    const gridRows: PlainCell[][] = [];
    rows.forEach((cells, row) => {
      const written: PlainCell[] = [];
      cells.forEach((cell, index) => {
        const tdStart = startOf(cell);
        if (index > 0) this.writer.generated(' | ', tdStart);
        const separator = this.builder.length - 2;
        const cellStart = this.builder.length;
        this.cellContent(cell);
        this.writer.dropSpace();
        let cellEnd = this.builder.length;
        let place = separator;
        if (cellEnd === cellStart && index === 0) {
          // An empty first cell: a bar stands for it, so that it has a place in the line.
          this.writer.generated('|', tdStart);
          place = cellStart;
          cellEnd = cellStart;
        }
        if (layout) {
          written.push({
            start: cellStart,
            end: cellEnd,
            place,
            row,
            column: layout.columns[row]?.[index] ?? 0,
            rowSpan: layout.rowSpans[row]?.[index] ?? 1,
            colSpan: layout.colSpans[row]?.[index] ?? 1,
          });
        }
      });
      gridRows.push(written);
      this.lineKind = 'table';
      const rowElement = rowElements[row] as Element;
      if (this.writer.lineOpen) {
        this.writer.endLine(endOf(rowElement));
        this.lineStart = this.builder.length;
      }
    });
    const end = Math.max(start, this.builder.length - 1);
    if (end > start) this.blocks.push({ kind: 'table', start, end });
    this.lineStart = this.builder.length;
    this.lineKind = 'paragraph';
    if (layout) this.grids.push({ start, end, rows: gridRows, columnCount: layout.width });
    return true;
  }

  /** Writes a cell's text: its paragraphs, spans and line breaks joined into one run. */
  private cellContent(cell: Element): void {
    const stack: Node[] = [cell];
    let first = true;
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      if (node.nodeName === '#text') {
        this.textNode(node as TextNode);
        continue;
      }
      if (!('childNodes' in node)) continue;
      if ('tagName' in node && !first) {
        const kinds = kindsOf(node);
        if (kinds & (SKIPPED_TAG | HIDDEN)) continue;
        // A page that lists its attachments in a table ("附件1： | 年度报告.pdf") links them from cells.
        if (node.nodeName === 'a') this.attachment(node, 'href');
        // A label broken over <p>s or <br>s is one label: "结<br>果<br>维<br>持" is 结果维持.
        if (node.nodeName === 'br' || kinds & BLOCK_TAG) this.writer.dropSpace();
      }
      first = false;
      const children = node.childNodes;
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Node);
    }
  }
}

const endOf = (node: Node): number => ('sourceCodeLocation' in node ? (node.sourceCodeLocation?.endOffset ?? 0) : 0);

/** The ISO date of a `<meta>` or chrome date, when the page states one. */
function hintsOf(title: string | undefined, publishedOn: string | undefined): DocumentHints {
  return { ...(title !== undefined ? { title } : {}), ...(publishedOn !== undefined ? { publishedOn } : {}) };
}

/**
 * Reads a web page's source into the document model: the article's text (and the report's title)
 * as blocks, one normalized text mapped back to the page's source, and every table as a grid.
 * Never throws: a page the reader fails on is returned unread with a `reader-failure` problem.
 *
 * @example
 * ```ts
 * const document = readHtmlDocument(html);
 * document.grids[1]?.rows[3]?.cells[1]?.text; // '64'
 * document.source.span(cell.start, cell.end); // line and column of the text in the page
 * ```
 */
export function readHtmlDocument(html: string): ReportDocument {
  try {
    return readPage(html);
  } catch (error) {
    return unreadDocument('html', documentProblem('reader-failure', 'reader-failure', { error: errorText(error) }));
  }
}

/**
 * Pages with more tags than this are not read: a published report has a few thousand, and the
 * parser's tree (with a source location per node) grows with every tag — a page built to exhaust a
 * reader is reported as such instead.
 */
export const MAX_PAGE_TAGS = 100_000;

/** Whether a page's source has more than `limit` start tags. */
export function hasMoreTagsThan(html: string, limit: number): boolean {
  // A start tag takes two characters at least (`<` and a letter): a page shorter than twice the
  // limit has too few to exceed it, and is not scanned (most published pages are).
  if (html.length < 2 * (limit + 1)) return false;
  let count = 0;
  for (let at = html.indexOf('<'); at >= 0 && count <= limit; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20;
    if (next >= 0x61 && next <= 0x7a) count++;
  }
  return count > limit;
}

function readPage(html: string): ReportDocument {
  if (hasMoreTagsThan(html, MAX_PAGE_TAGS)) {
    return unreadDocument('html', documentProblem('limit-exceeded', 'page-too-many-tags', { max: MAX_PAGE_TAGS }));
  }
  const { document: page, tally } = parseTallied(html);
  const survey = tally?.survey() ?? surveyPage(page);
  const article = new ArticleWriter(html, survey.guessed);
  const problems: DocumentProblem[] = [];
  const title = survey.pageTitle !== undefined ? reportTitleOf(survey.pageTitle) : undefined;
  if (survey.title) article.write(survey.title, 'heading');
  else if (title !== undefined && survey.article && !articleStartsWith(survey.article, title)) {
    // The article does not head itself with the report's title: the page's title stands for it.
    article.chromeLine(title, titleOffset(page), 'chrome');
  }
  if (survey.article) article.write(survey.article);
  const plain = article.builder.build();
  const source = normalizeMapped(html, plain);
  const toText = (offset: number): number => source.normalizedOffset(offset);
  const text = source.text;
  const blocks: TextBlock[] = article.blocks.map((block) => ({ kind: block.kind, start: toText(block.start), end: toText(block.end) }));
  const grids: TableGrid[] = article.grids.map((grid, index) => {
    const rows: GridRow[] = grid.rows.map((cells) => ({
      cells: cells.map((cell): GridCell => {
        let start = toText(cell.start);
        let end = cell.end > cell.start ? toText(cell.end - 1) + 1 : start;
        while (start < end && text.charCodeAt(start) === 0x20) start++;
        while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
        const written = text.slice(start, end);
        if (written === '') {
          start = toText(cell.place);
          end = start;
        }
        return { text: written, start, end, row: cell.row, column: cell.column, rowSpan: cell.rowSpan, colSpan: cell.colSpan, blank: written === '' || isBlankMark(written) };
      }),
    }));
    return { index: index + 1, start: toText(grid.start), end: toText(grid.end), rows, columnCount: grid.columnCount };
  });
  const figures: DocumentFigure[] = article.figures.map(({ at, from, to, target }) => ({ start: toText(at), span: source.originalSpan(from, to), ...(target !== undefined ? { target } : {}) }));
  const attachments: DocumentAttachment[] = article.attachments.map(({ at, from, to, name, target }) => ({ name, target, start: toText(at), span: source.originalSpan(from, to) }));
  return { form: 'html', source, blocks, grids, ...(figures.length > 0 ? { figures } : {}), ...(attachments.length > 0 ? { attachments } : {}), hints: hintsOf(title ?? survey.pageTitle, survey.publishedOn), problems };
}

function articleStartsWith(article: Element, title: string): boolean {
  const stack: Node[] = [article];
  let text = '';
  while (stack.length > 0 && text.length < title.length + 20) {
    const node = stack.pop() as Node;
    if (node.nodeName === '#text') text += (node as TextNode).value.replace(/\s+/g, '');
    else if ('childNodes' in node) for (let index = node.childNodes.length - 1; index >= 0; index--) stack.push(node.childNodes[index] as Node);
  }
  return text.startsWith(title.replace(/\s+/g, ''));
}

/** Where the page's `<title>` text is written (the page's start when it has none). */
function titleOffset(page: Node): number {
  const stack: Node[] = [page];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeName === 'title' && 'childNodes' in node) {
      const text = node.childNodes[0];
      return text ? startOf(text) : startOf(node);
    }
    if (node.nodeName === 'body') continue;
    if ('childNodes' in node) for (const child of node.childNodes) stack.push(child);
  }
  return 0;
}
