import type { FormatVersion, SectionKey } from '../../catalog/index.js';
import type { ReportTables, UnplacedValue } from '../../model/index.js';
import type { SourceText } from '../source.js';

/** A section as the section reader located it, in normalized-text offsets. */
export interface LocatedSection {
  /** Which template section. */
  readonly key: SectionKey;
  /** Offset of the heading's first character in the normalized text. */
  readonly start: number;
  /** Offset just past the section's end (the next section's heading, or the end of the report). */
  readonly end: number;
}

/** What the table reader needs to know besides the text. */
export interface TableReadingContext {
  /** The format the report was recognised as; decides which template's rows are expected. */
  readonly formatVersion: FormatVersion;
  /** The sections found, in text order. */
  readonly sections: readonly LocatedSection[];
}

/** What the table reader found: the tables (each may be absent) and every number it could not place. */
export interface TableReading {
  /** The tables read. */
  readonly tables: ReportTables;
  /** Numbers inside a table region that could not be placed in a cell. */
  readonly unplaced: UnplacedValue[];
}

/** Reads the three statistics tables. (Placeholder: the table reader is being written.) */
export function readTables(_source: SourceText, _context: TableReadingContext): TableReading {
  return { tables: {}, unplaced: [] };
}
