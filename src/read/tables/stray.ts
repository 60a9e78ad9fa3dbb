/**
 * The reader's stage for lines of values outside every table: a line of a narrative section (一, 五,
 * 六 — none of the sections that hold a table in any format) that holds nothing but numbers, several
 * of them, and that no table region reaches. Such a line is a table's row copied or moved out of its
 * table (#1453436 of the seed-14 campaign: table 四's header words and its values row after section
 * 五's first paragraph), not prose: narrative writes its numbers with words ("共 21 件", "2024 年",
 * "电话：0517-…", "统计期限自…"), and a page number is skipped as chrome. Its numbers fit no cell, so
 * the line is reported, one unplaced value for the line, never dropped.
 *
 * @packageDocumentation
 */
import { TABLE_SECTIONS } from '../../catalog/index.js';
import type { SectionKey } from '../../catalog/index.js';
import type { UnplacedValue } from '../../model/index.js';
import type { SourceText } from '../source.js';
import type { LocatedSection } from './index.js';
import type { Place } from './layout.js';
import { numbersInValuesLine } from './regions.js';

// How many numbers a line of nothing else holds at least to be a table's row: narrative never
// writes three bare numbers alone on a line, while a year or a count wrapped onto its own line
// ("2024", "21") and a telephone number cut in two ("0517 83912345") stay the narrative's.
const MIN_VALUES = 3;

// Sections that hold a table in some format: their lines are the table reader's.
const TABLED_SECTIONS: ReadonlySet<SectionKey> = new Set(Object.values(TABLE_SECTIONS));

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
// What may stand before a line's first value: blanks, bars, and the blank marks - — /.
const isLineOpeningGap = (code: number): boolean => code === 32 || code === 9 || code === 124 || code === 0x3000 || code === 45 || code === 0x2014 || code === 47;

/**
 * The unplaced values for the lines of values in the narrative sections (see the module's comment)
 * that overlap none of the `regions` the tables were read in. Each is one entry, `rest.count` the
 * numbers it holds, with no table (which table's row it copies is not told). One pass over the
 * sections' lines.
 */
export function valueLinesOutsideTables(source: SourceText, sections: readonly LocatedSection[], regions: readonly Place[]): UnplacedValue[] {
  const text = source.text;
  const lines: UnplacedValue[] = [];
  for (const section of sections) {
    if (TABLED_SECTIONS.has(section.key)) continue;
    const end = Math.min(section.end, text.length);
    let lineStart = section.start;
    while (lineStart < end) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 || newline > end ? end : newline;
      // Only a line that opens as a line of values does (a digit, or a bar or blank mark before one) is
      // split into words: narrative lines open with words.
      let opening = lineStart;
      while (opening < lineEnd && isLineOpeningGap(text.charCodeAt(opening))) opening++;
      const count = opening < lineEnd && isDigit(text.charCodeAt(opening)) ? numbersInValuesLine(text.slice(lineStart, lineEnd)) : -1;
      if (count >= MIN_VALUES && !regions.some((region) => region.start < lineEnd && lineStart < region.end)) {
        let first = lineStart;
        while (first < lineEnd && !isDigit(text.charCodeAt(first))) first++;
        let last = lineEnd;
        while (last > first && !isDigit(text.charCodeAt(last - 1))) last--;
        lines.push({ text: source.written(first, last), reason: 'extra-value', span: source.span(first, last), rest: { count } });
      }
      lineStart = lineEnd + 1;
    }
  }
  return lines;
}
