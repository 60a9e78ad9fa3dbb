/**
 * The geometry of a PDF page, without pdf.js: positioned text items and the ruling lines of its
 * drawing → the page's lines of text and its ruled tables, top to bottom. Coordinates are PDF user
 * space (points, y upwards), as pdf.js gives text positions.
 *
 * @packageDocumentation
 */

/** A run of text placed on the page (one pdf.js text item). */
export interface PlacedText {
  /** The characters, as the PDF's text layer gives them. */
  readonly text: string;
  /** Left edge. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  /** Advance width of the run. */
  readonly width: number;
  /** Font size (the run's height). */
  readonly height: number;
}

/** An axis-aligned ruling line of the page's drawing (a stroked line or a thin filled rectangle). */
export interface RulingLine {
  /** Start and end; horizontal when `y1 === y2`, vertical when `x1 === x2`. */
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** A line of text outside any ruled table: its runs, left to right. */
export interface PageLine {
  readonly kind: 'line';
  /** Top of the line (for ordering blocks). */
  readonly top: number;
  /** Cells of the line: runs separated by a wide gap (a table without rulings) are separate cells. */
  readonly cells: readonly (readonly PlacedText[])[];
}

/** One cell of a ruled table, as drawn. */
export interface PageCell {
  /** Grid row and column of its top-left position (0-based), and how many it covers. */
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** Its text runs in reading order: line by line, top to bottom, each line left to right. */
  readonly lines: readonly (readonly PlacedText[])[];
}

/** A table drawn with ruling lines. */
export interface PageTable {
  readonly kind: 'table';
  /** Top and bottom edges. */
  readonly top: number;
  readonly bottom: number;
  /** The x of every column edge, left to right (columns are the gaps between them). */
  readonly columnEdges: readonly number[];
  /** How many grid rows. */
  readonly rowCount: number;
  /** The cells, by grid row, each row's cells left to right. */
  readonly rows: readonly (readonly PageCell[])[];
}

/** A block of a page: a line of text or a ruled table. */
export type PageBlock = PageLine | PageTable;

// Ruling lines of one table meet within this distance (points); edges closer than it are one edge.
const TOLERANCE = 2;

/**
 * Bounds of the work spent on one page's drawing: a report's page draws a few hundred ruling lines
 * and its tables have a few hundred cells. Past these a page is no report's (a hostile file can
 * draw a million lines in a few kilobytes), and laying it out would take longer than any limit.
 */
export const PAGE_LAYOUT_LIMITS = {
  /** Ruling lines (longer than the tolerance) one page may draw. */
  maxRulings: 10_000,
  /** Grid positions (rows × columns) one ruled table may have. */
  maxTableCells: 10_000,
} as const;

/** A page whose drawing is past the bounds of `PAGE_LAYOUT_LIMITS`: what was too large, said plainly. */
export class PageTooLarge extends Error {
  /**
   * @param detail - the id of the problem's detail (the page number is added by the front-end)
   * @param args - its arguments
   */
  constructor(
    readonly detail: 'pdf-page-too-many-rulings' | 'pdf-page-table-too-large',
    readonly args: Readonly<Record<string, number>>,
  ) {
    super(`${detail} ${JSON.stringify(args)}`);
    this.name = 'PageTooLarge';
  }
}
// A filled rectangle thinner than this is a ruling line, not a shaded area.
const THIN = 2.5;

/**
 * Turns a filled or stroked rectangle into ruling lines: a thin one is a line; a stroked wider one
 * is a box, its four edges. A filled box is a cell's shading, not its border: writers shade cells in
 * pieces that do not follow the merged cells.
 */
export function rectangleLines(x: number, y: number, width: number, height: number, stroked: boolean): RulingLine[] {
  const left = Math.min(x, x + width);
  const right = Math.max(x, x + width);
  const bottom = Math.min(y, y + height);
  const top = Math.max(y, y + height);
  if (right - left <= THIN && top - bottom > THIN) return [{ x1: (left + right) / 2, y1: bottom, x2: (left + right) / 2, y2: top }];
  if (top - bottom <= THIN && right - left > THIN) return [{ x1: left, y1: (top + bottom) / 2, x2: right, y2: (top + bottom) / 2 }];
  if (!stroked || right - left <= THIN || top - bottom <= THIN) return [];
  return [
    { x1: left, y1: bottom, x2: right, y2: bottom },
    { x1: left, y1: top, x2: right, y2: top },
    { x1: left, y1: bottom, x2: left, y2: top },
    { x1: right, y1: bottom, x2: right, y2: top },
  ];
}

interface Horizontal {
  readonly y: number;
  readonly left: number;
  readonly right: number;
}
interface Vertical {
  readonly x: number;
  readonly bottom: number;
  readonly top: number;
}

/** Values closer than the tolerance merged into one (their mean), ascending. */
function clusterValues(values: number[]): number[] {
  values.sort((a, b) => a - b);
  const clusters: number[] = [];
  let sum = 0;
  let count = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (count > 0 && value - last > TOLERANCE) {
      clusters.push(sum / count);
      sum = 0;
      count = 0;
    }
    sum += value;
    count++;
    last = value;
  }
  if (count > 0) clusters.push(sum / count);
  return clusters;
}

/** A small union-find over indices. */
function unionFind(size: number): { find(index: number): number; union(a: number, b: number): void } {
  const parent = Array.from({ length: size }, (_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[index] !== root) {
      const next = parent[index] as number;
      parent[index] = root;
      index = next;
    }
    return root;
  };
  return {
    find,
    union(a, b) {
      const rootA = find(a);
      const rootB = find(b);
      if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
    },
  };
}

const crosses = (h: Horizontal, v: Vertical): boolean =>
  v.x >= h.left - TOLERANCE && v.x <= h.right + TOLERANCE && h.y >= v.bottom - TOLERANCE && h.y <= v.top + TOLERANCE;

/** Ruled tables: groups of horizontal and vertical lines that meet, each with at least 2 of each. */
function ruledGroups(lines: readonly RulingLine[]): { horizontals: Horizontal[]; verticals: Vertical[] }[] {
  const horizontals: Horizontal[] = [];
  const verticals: Vertical[] = [];
  for (const line of lines) {
    if (Math.abs(line.y1 - line.y2) <= 0.5 && Math.abs(line.x1 - line.x2) > TOLERANCE) {
      horizontals.push({ y: (line.y1 + line.y2) / 2, left: Math.min(line.x1, line.x2), right: Math.max(line.x1, line.x2) });
    } else if (Math.abs(line.x1 - line.x2) <= 0.5 && Math.abs(line.y1 - line.y2) > TOLERANCE) {
      verticals.push({ x: (line.x1 + line.x2) / 2, bottom: Math.min(line.y1, line.y2), top: Math.max(line.y1, line.y2) });
    }
  }
  // Every pair of lines is compared below: the count is bounded first.
  const count = horizontals.length + verticals.length;
  if (count > PAGE_LAYOUT_LIMITS.maxRulings) throw new PageTooLarge('pdf-page-too-many-rulings', { count, max: PAGE_LAYOUT_LIMITS.maxRulings });
  const sets = unionFind(horizontals.length + verticals.length);
  horizontals.forEach((h, i) => {
    verticals.forEach((v, j) => {
      if (crosses(h, v)) sets.union(i, horizontals.length + j);
    });
  });
  // A ruling line drawn in pieces (each cell's border on its own, the piece over a merged cell
  // crossing no column line) is one line: pieces that meet end to end belong together.
  horizontals.forEach((h, i) => {
    for (let j = i + 1; j < horizontals.length; j++) {
      const other = horizontals[j] as Horizontal;
      if (Math.abs(h.y - other.y) <= TOLERANCE && other.left <= h.right + TOLERANCE && h.left <= other.right + TOLERANCE) sets.union(i, j);
    }
  });
  verticals.forEach((v, i) => {
    for (let j = i + 1; j < verticals.length; j++) {
      const other = verticals[j] as Vertical;
      if (Math.abs(v.x - other.x) <= TOLERANCE && other.bottom <= v.top + TOLERANCE && v.bottom <= other.top + TOLERANCE) sets.union(horizontals.length + i, horizontals.length + j);
    }
  });
  const groups = new Map<number, { horizontals: Horizontal[]; verticals: Vertical[] }>();
  const groupOf = (index: number) => {
    const root = sets.find(index);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { horizontals: [], verticals: [] }));
    return group;
  };
  horizontals.forEach((h, i) => groupOf(i).horizontals.push(h));
  verticals.forEach((v, j) => groupOf(horizontals.length + j).verticals.push(v));
  return [...groups.values()].filter((group) => group.horizontals.length >= 2 && group.verticals.length >= 2);
}

/** The grid skeleton of a ruled group: its edges and, per grid position, the cell it belongs to. */
interface Skeleton {
  /** Column edges, left to right. */
  readonly xs: number[];
  /** Row edges, top to bottom (descending y). */
  readonly ys: number[];
  /** The cells, each as its top-left position and extent. */
  readonly cells: { row: number; column: number; rowSpan: number; colSpan: number }[];
  /** `owner[row][column]`: index into `cells` of the cell covering that position. */
  readonly owner: number[][];
}

function skeletonOf(ruled: { horizontals: Horizontal[]; verticals: Vertical[] }): Skeleton | undefined {
  let group = ruled;
  const xs = clusterValues(group.verticals.map((v) => v.x));
  // A table cut by a page break may have no line under its last row (or over its first): its
  // column lines, reaching past the last row line, still show where the row ends.
  const horizontals = [...group.horizontals];
  const lowest = Math.min(...horizontals.map((h) => h.y));
  const highest = Math.max(...horizontals.map((h) => h.y));
  const bottoms = group.verticals.filter((v) => v.bottom < lowest - TOLERANCE * 2);
  const tops = group.verticals.filter((v) => v.top > highest + TOLERANCE * 2);
  const left = xs[0] as number;
  const right = xs[xs.length - 1] as number;
  if (bottoms.length >= 2) horizontals.push({ y: Math.max(...bottoms.map((v) => v.bottom)), left, right });
  if (tops.length >= 2) horizontals.push({ y: Math.min(...tops.map((v) => v.top)), left, right });
  group = { horizontals, verticals: group.verticals };
  const ys = clusterValues(group.horizontals.map((h) => h.y)).reverse();
  if (xs.length < 2 || ys.length < 2) return undefined;
  const rowCount = ys.length - 1;
  const columnCount = xs.length - 1;
  // Each grid position is looked up among the table's lines below: the grid is bounded first.
  if (rowCount * columnCount > PAGE_LAYOUT_LIMITS.maxTableCells) {
    throw new PageTooLarge('pdf-page-table-too-large', { rows: rowCount, columns: columnCount, max: PAGE_LAYOUT_LIMITS.maxTableCells });
  }
  const verticalAt = (x: number, y: number) => group.verticals.some((v) => Math.abs(v.x - x) <= TOLERANCE && y >= v.bottom - TOLERANCE / 2 && y <= v.top + TOLERANCE / 2);
  const horizontalAt = (y: number, x: number) => group.horizontals.some((h) => Math.abs(h.y - y) <= TOLERANCE && x >= h.left - TOLERANCE / 2 && x <= h.right + TOLERANCE / 2);
  const sets = unionFind(rowCount * columnCount);
  for (let row = 0; row < rowCount; row++) {
    const middleY = ((ys[row] as number) + (ys[row + 1] as number)) / 2;
    for (let column = 0; column < columnCount; column++) {
      const middleX = ((xs[column] as number) + (xs[column + 1] as number)) / 2;
      if (column + 1 < columnCount && !verticalAt(xs[column + 1] as number, middleY)) sets.union(row * columnCount + column, row * columnCount + column + 1);
      if (row + 1 < rowCount && !horizontalAt(ys[row + 1] as number, middleX)) sets.union(row * columnCount + column, (row + 1) * columnCount + column);
    }
  }
  const cells: Skeleton['cells'] = [];
  const cellOfRoot = new Map<number, number>();
  const owner = Array.from({ length: rowCount }, () => new Array<number>(columnCount).fill(-1));
  for (let row = 0; row < rowCount; row++) {
    for (let column = 0; column < columnCount; column++) {
      const root = sets.find(row * columnCount + column);
      let index = cellOfRoot.get(root);
      if (index === undefined) {
        index = cells.length;
        cellOfRoot.set(root, index);
        cells.push({ row, column, rowSpan: 1, colSpan: 1 });
      }
      const cell = cells[index] as Skeleton['cells'][number];
      // A merged region that is not a rectangle is read as its bounding rectangle.
      cell.rowSpan = Math.max(cell.rowSpan, row - cell.row + 1);
      if (column < cell.column) {
        cell.colSpan += cell.column - column;
        cell.column = column;
      }
      cell.colSpan = Math.max(cell.colSpan, column - cell.column + 1);
      (owner[row] as number[])[column] = index;
    }
  }
  return { xs, ys, cells, owner };
}

/** The index of the gap between ascending edges that holds `value`, or -1 outside them. */
function gapIndex(edges: readonly number[], value: number): number {
  if (value < (edges[0] as number) - TOLERANCE || value > (edges[edges.length - 1] as number) + TOLERANCE) return -1;
  for (let index = 0; index + 1 < edges.length; index++) if (value <= (edges[index + 1] as number)) return index;
  return edges.length - 2;
}

/** Runs in reading order: grouped into lines by baseline, top to bottom, each line left to right. */
export function readingLines(runs: readonly PlacedText[]): PlacedText[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; height: number; runs: PlacedText[] }[] = [];
  for (const run of sorted) {
    // A run belongs to a line when its baseline is within half a font size of the line's
    // (superscripts and a number set a little lower in its cell stay on the line).
    const line = lines.find((candidate) => Math.abs(candidate.y - run.y) <= Math.max(candidate.height, run.height) * 0.5);
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, height: run.height, runs: [run] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.map((line) => line.runs.sort((a, b) => a.x - b.x));
}

/**
 * Splits a line's runs into cells where the gap between two runs is wide (three font sizes): a table
 * drawn without ruling lines, or a label and its value set apart.
 */
export function lineCells(runs: readonly PlacedText[]): PlacedText[][] {
  const cells: PlacedText[][] = [];
  let last: PlacedText | undefined;
  for (const run of runs) {
    const gap = last === undefined ? 0 : run.x - (last.x + last.width);
    if (last === undefined || gap > Math.max(run.height, last.height) * 3) cells.push([run]);
    else (cells[cells.length - 1] as PlacedText[]).push(run);
    last = run;
  }
  return cells;
}

/**
 * Lays out one page: its ruled tables with the text inside them, and the other text as lines.
 * Throws `PageTooLarge` for a drawing past `PAGE_LAYOUT_LIMITS` (the front-end reports it).
 */
export function layoutPage(runs: readonly PlacedText[], rulings: readonly RulingLine[]): PageBlock[] {
  const visible = runs.filter((run) => run.text.trim().length > 0);
  const skeletons = ruledGroups(rulings)
    .map(skeletonOf)
    .filter((skeleton): skeleton is Skeleton => skeleton !== undefined && skeleton.cells.length >= 2);
  const tableRuns = skeletons.map((skeleton) => skeleton.cells.map((): PlacedText[] => []));
  const free: PlacedText[] = [];
  for (const run of visible) {
    // The run's middle decides its cell: a run is set within one cell.
    const middleX = run.x + run.width / 2;
    const middleY = run.y + run.height * 0.35;
    let placed = false;
    for (let index = 0; index < skeletons.length && !placed; index++) {
      const skeleton = skeletons[index] as Skeleton;
      const column = gapIndex(skeleton.xs, middleX);
      const rowFromBottom = gapIndex([...skeleton.ys].reverse(), middleY);
      if (column < 0 || rowFromBottom < 0) continue;
      const row = skeleton.ys.length - 2 - rowFromBottom;
      const owner = skeleton.owner[row]?.[column];
      if (owner === undefined || owner < 0) continue;
      (tableRuns[index]?.[owner] as PlacedText[]).push(run);
      placed = true;
    }
    if (!placed) free.push(run);
  }
  const blocks: PageBlock[] = [];
  skeletons.forEach((skeleton, index) => {
    const rows: PageCell[][] = Array.from({ length: skeleton.ys.length - 1 }, () => []);
    skeleton.cells.forEach((cell, cellIndex) => {
      (rows[cell.row] as PageCell[]).push({ ...cell, lines: readingLines(tableRuns[index]?.[cellIndex] ?? []) });
    });
    for (const row of rows) row.sort((a, b) => a.column - b.column);
    blocks.push({
      kind: 'table',
      top: skeleton.ys[0] as number,
      bottom: skeleton.ys[skeleton.ys.length - 1] as number,
      columnEdges: skeleton.xs,
      rowCount: rows.length,
      rows,
    });
  });
  for (const line of readingLines(free)) {
    const top = Math.max(...line.map((run) => run.y + run.height));
    blocks.push({ kind: 'line', top, cells: lineCells(line) });
  }
  return blocks.sort((a, b) => b.top - a.top);
}

/**
 * Whether a page's text is set like a table: two or more lines with runs set wide apart. Only such
 * a page has its drawing read for ruling lines — reading the drawing costs as much as the text.
 */
export function looksTabular(runs: readonly PlacedText[]): boolean {
  let rows = 0;
  for (const line of readingLines(runs.filter((run) => run.text.trim().length > 0))) if (lineCells(line).length >= 2 && ++rows >= 2) return true;
  return false;
}
