/**
 * Helpers for the table reader's tests: reading a text the way parse.ts will (normalize, then the
 * table reader with the sections and format), without depending on the section reader.
 */
import { SECTIONS, TEMPLATES } from '../../src/catalog/index.js';
import type { FormatVersion, TableKey } from '../../src/catalog/index.js';
import type { AnyTable, Cell, Span } from '../../src/model/index.js';
import { normalize } from '../../src/read/source.js';
import type { SourceText } from '../../src/read/source.js';
import { readTables } from '../../src/read/tables/index.js';
import type { LocatedSection, TableReading } from '../../src/read/tables/index.js';

export const TABLE_KEYS: TableKey[] = ['activeDisclosure', 'applications', 'reviews'];

/**
 * The numbered section headings of a normalized text, found simply: a line starting with the
 * section's ordinal, 、 and one of the catalog's wordings. Enough for the seeds' clean headings.
 */
export function locateSections(source: SourceText): LocatedSection[] {
  const found: { key: LocatedSection['key']; start: number }[] = [];
  for (const section of SECTIONS) {
    let best = -1;
    for (const variant of section.variants) {
      const heading = `${section.ordinal}、${variant}`;
      let at = source.text.indexOf(heading);
      while (at > 0 && source.text[at - 1] !== '\n') at = source.text.indexOf(heading, at + 1);
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
    if (best >= 0) found.push({ key: section.key, start: best });
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((section, index) => ({ ...section, end: found[index + 1]?.start ?? source.text.length }));
}

/** How the sections are given to the reader: found, or not at all (the reader finds the tables by their anchors). */
export type SectionMode = 'sections' | 'anchors';

/** Reads the tables of a text as parse.ts does. */
export function read(text: string, formatVersion: FormatVersion = '2021', mode: SectionMode = 'sections'): TableReading & { source: SourceText } {
  const source = normalize(text);
  const sections = mode === 'sections' ? locateSections(source) : [];
  return { ...readTables(source, { formatVersion, sections }), source };
}

/** Every cell of a table with its row and column keys. */
export function cellsOf(table: AnyTable | undefined): { row: string; column: string; cell: Cell }[] {
  const cells: { row: string; column: string; cell: Cell }[] = [];
  for (const [row, entry] of Object.entries(table?.rows ?? {})) {
    for (const [column, cell] of Object.entries(entry?.cells ?? {})) if (cell) cells.push({ row, column, cell });
  }
  return cells;
}

/** Every cell of every table. */
export function allCells(reading: TableReading): { table: TableKey; row: string; column: string; cell: Cell }[] {
  return TABLE_KEYS.flatMap((table) => cellsOf(reading.tables[table]).map((entry) => ({ table, ...entry })));
}

/** Line and column (1-based) of an offset, counted the way spans count them. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The original characters a span covers. */
export const spanText = (text: string, span: Span | undefined): string => (span ? text.slice(span.start, span.end) : '');

/** What a cell holds, as written in the fixtures (numbers for counts, strings otherwise). */
export function valueOf(cell: Cell | undefined): number | string | null {
  if (!cell) return null;
  if (cell.kind === 'count' || cell.kind === 'signed') return cell.value;
  if (cell.kind === 'amount') return cell.value.toFixed();
  return cell.text;
}

/** A row's cells in catalog column order, as fixture values (null when absent). */
export function rowValues(reading: TableReading, table: TableKey, row: string, formatVersion: FormatVersion = '2021'): (number | string | null)[] | undefined {
  const found = reading.tables[table]?.rows[row as never] as { cells: Partial<Record<string, Cell>> } | undefined;
  if (!found) return undefined;
  const columns = columnKeysOf(table, row, formatVersion);
  return columns.map((column) => valueOf(found.cells[column]));
}

/** The column keys of a catalog row. */
export function columnKeysOf(table: TableKey, row: string, formatVersion: FormatVersion = '2021'): string[] {
  const definition = TEMPLATES[formatVersion].tables[table];
  return definition?.rows.find((candidate) => candidate.key === row)?.columns.map((column) => column.key) ?? [];
}
