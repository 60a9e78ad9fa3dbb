/**
 * Where each table is looked for: in its section when the section reader found it, otherwise
 * around the first text only that table contains (a 第二十条 block, a numbered row of table 三, the
 * litigation headings of table 四), so that a report with a broken heading still has its tables read.
 *
 * @packageDocumentation
 */
import { SECTIONS, TABLE_SECTIONS } from '../../catalog/index.js';
import type { SectionKey, TableDefinition, TableKey } from '../../catalog/index.js';
import { countColumnsIn, matchRows, tableMatcher } from './matcher.js';
import type { TableMatcher } from './matcher.js';
import { isPageMarkerLine } from './tokens.js';
import type { LocatedSection } from './index.js';

/** The whole normalized text as one key: spaces, bars and tabs dropped, quotes and "1、" folded as labels are. */
const textKeyOf = (text: string): string => text.replace(/[ \t\n|]/g, '').replace(/[“”‘’']/g, '"').replace(/(\d)、/g, '$1.');

/** The offset in the text of the character at `keyIndex` of {@link textKeyOf}'s key. */
function textOffsetOf(text: string, keyIndex: number): number {
  let seen = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9 || code === 10 || code === 124) continue;
    if (seen === keyIndex) return index;
    seen++;
  }
  return -1;
}

/** A table's place in the text, before reading. */
export interface PlannedRegion {
  /** Start of the table's section, or -1 when the section was not found. */
  readonly sectionStart: number;
  /**
   * End of the table's region in its section, or -1: the next section heading after it that stands
   * in order (see {@link tableSectionEnd}).
   */
  readonly sectionEnd: number;
  /** Offset of the first anchor text of the table in the normalized text, or -1. */
  readonly anchor: number;
  /**
   * Where a region found around the anchor ends at the latest: the first section heading after the
   * anchor that ends the table as {@link tableSectionEnd} tells (五 after table 四), or -1.
   */
  readonly anchorEnd: number;
}

const orderOf = (key: SectionKey | undefined): number => SECTIONS.findIndex((known) => known.key === key);
const ordinalOf = (section: LocatedSection): number => orderOf(section.key);

/**
 * Where a table's region in its section ends: at the next section heading after it that stands in
 * order. A heading with a lower ordinal (一 inside table 三), one that stands before the section
 * of a later table (六 between tables 二 and 三), one out of order (六 inside table 四, 五 after it),
 * and a numbered line the section reader could not name ("四、结转下年" of a broken row) are no end
 * of the table: what follows them is still read, and
 * what the table's reading leaves is reported, never dropped. The last section keeps its own end.
 */
function tableSectionEnd(sections: readonly LocatedSection[], section: LocatedSection, tableOrdinals: ReadonlySet<number>): number {
  const end = endingHeading(sections, sections.indexOf(section) + 1, ordinalOf(section), tableOrdinals);
  return end >= 0 ? end : section.end;
}

/** The first heading from `sections[first]` on that ends a table of section ordinal `own` (as {@link tableSectionEnd} tells), or -1. */
function endingHeading(sections: readonly LocatedSection[], first: number, own: number, tableOrdinals: ReadonlySet<number>): number {
  for (let index = first; index < sections.length; index++) {
    const next = sections[index] as LocatedSection;
    const ordinal = ordinalOf(next);
    if (ordinal <= own) continue;
    const later = sections.slice(index + 1);
    if (!tableOrdinals.has(ordinal) && later.some((after) => ordinalOf(after) > own && tableOrdinals.has(ordinalOf(after)))) continue;
    // A heading out of order (六 moved inside table 四, with 五 after it) is no end either: the
    // section in order after the table's ends it.
    if (later.some((after) => ordinalOf(after) > own && ordinalOf(after) < ordinal)) continue;
    return next.start;
  }
  return -1;
}

const NUMBER_WORD = /^\d+(?:\.\d+)?$/u;
const BLANK_WORD = /^[-—/]$/u;
const SENTENCE_MARKS = /[。;；!！,，:：]/u;

/** How many numbers a line of values only holds (bars, blanks and blank marks apart), or -1 for a line of anything else. */
export function numbersInValuesLine(line: string): number {
  const trimmed = line.trim();
  if (trimmed === '' || isPageMarkerLine(trimmed)) return -1;
  let numbers = 0;
  for (const word of trimmed.split(/[\s|]+/u)) {
    if (NUMBER_WORD.test(word)) numbers++;
    else if (word !== '' && !BLANK_WORD.test(word)) return -1;
  }
  return numbers;
}

/**
 * Where a table goes on after a section heading that a line swap moved into it ("六、其他需要报告的
 * 事项" inside table 四's header, 五 lost; "一、总体情况" between table 二's header and its rows):
 * the heading's line is followed by lines of values and by the table's own labels (two column or
 * row labels at least), words of no sentence, up to where narrative resumes. Offset just past the
 * last line of values before it, or -1 when what follows the heading is no part of the table (a
 * section's narrative begins with words, not with the rows of a table). One pass over the lines.
 */
function continuationAfter(text: string, heading: number, matcher: TableMatcher, limit: number): number {
  let lineStart = text.indexOf('\n', heading) + 1;
  if (lineStart <= 0) return -1;
  let words = '';
  // The words up to the last line of values: a heading or narrative after the table is none of its labels.
  let labels = '';
  let end = -1;
  let numbers = 0;
  while (lineStart < limit) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline > limit ? limit : newline;
    const line = text.slice(lineStart, lineEnd);
    if (SENTENCE_MARKS.test(line)) break;
    const values = numbersInValuesLine(line);
    if (values >= 0) {
      numbers += values;
      end = lineEnd;
      labels = words;
    } else words += line.replace(/[\s|]/gu, '');
    lineStart = lineEnd + 1;
  }
  // A number alone after the heading is no row of a table (a year wrapped onto its own line).
  if (end < 0 || numbers < 2) return -1;
  const labelled = labels === '' || countColumnsIn(matcher, labels, 0, labels.length) >= 2 || matchRows(matcher, labels, 0, 0, labels.length).length >= 2;
  return labelled ? end : -1;
}

/**
 * A table's end at the heading `end` starts, unless the heading was moved into the table: a heading
 * of no table's section with the table's labels and values after it (see {@link continuationAfter}).
 * The table then reaches past it, its reading stops at the heading, and what follows is reported.
 */
function pastMovedHeading(text: string, sections: readonly LocatedSection[], end: number, definition: TableDefinition, tableOrdinals: ReadonlySet<number>): number {
  const heading = sections.find((section) => section.start === end);
  if (!heading || tableOrdinals.has(ordinalOf(heading))) return end;
  const continued = continuationAfter(text, heading.start, tableMatcher(definition), heading.end);
  return continued > end ? continued : end;
}

/** The section that holds a table in the template: the one with the same ordinal (二, 三, 四). */
function sectionOf(definition: TableDefinition, sections: readonly LocatedSection[]): LocatedSection | undefined {
  const key = TABLE_SECTIONS[definition.key as TableKey] as SectionKey | undefined;
  return key === undefined ? undefined : sections.find((section) => section.key === key);
}

/**
 * Plans the regions of the given tables (in template order): their sections, and the offset of
 * their first anchor — the anchors are looked up only when some table's section is missing.
 */
export function planRegions(text: string, definitions: readonly TableDefinition[], sections: readonly LocatedSection[]): PlannedRegion[] {
  const located = definitions.map((definition) => sectionOf(definition, sections));
  const tableOrdinals = new Set(definitions.map((definition) => orderOf(TABLE_SECTIONS[definition.key as TableKey])));
  let textKey: string | undefined;
  let searchFrom = 0;
  return definitions.map((definition, index) => {
    const section = located[index];
    let anchor = -1;
    if (!section || located.some((other) => !other)) {
      textKey ??= textKeyOf(text);
      let best = -1;
      for (const pattern of tableMatcher(definition).anchors) {
        best = textKey.indexOf(pattern, searchFrom);
        if (best >= 0) break;
      }
      if (best >= 0) {
        searchFrom = best + 1;
        anchor = textOffsetOf(text, best);
      }
    }
    const own = orderOf(TABLE_SECTIONS[definition.key as TableKey]);
    const firstAfter = anchor >= 0 ? sections.findIndex((later) => later.start > anchor) : -1;
    const anchorEnd = firstAfter >= 0 ? endingHeading(sections, firstAfter, own, tableOrdinals) : -1;
    const sectionEnd = section ? pastMovedHeading(text, sections, tableSectionEnd(sections, section, tableOrdinals), definition, tableOrdinals) : -1;
    return { sectionStart: section ? section.start : -1, sectionEnd, anchor, anchorEnd };
  });
}

/**
 * The start of a line in `[after, before)` that begins the table's section although the section
 * reader could not name it: its ordinal and a mark ("二、"), then — anywhere on the line — the first
 * words of the section's heading ("主动"), as a heading cut or written into ("二、主动公开政府信2 |") leaves
 * it. The first such line, or -1. Linear in the stretch.
 */
export function brokenHeadingAt(text: string, definition: TableDefinition, sections: readonly LocatedSection[], after: number, before: number): number {
  const key = TABLE_SECTIONS[definition.key as TableKey] as SectionKey | undefined;
  const section = SECTIONS.find((known) => known.key === key);
  if (!section) return -1;
  const own = orderOf(key);
  // After the heading of the section before it, when that one was found.
  let from = Math.max(0, after);
  for (const located of sections) if (ordinalOf(located) < own && located.start < before) from = Math.max(from, located.start + 1);
  const cue = section.heading.slice(0, 2);
  const mark = /^\s*[、,，.．]/u;
  let lineStart = from === 0 ? 0 : text.indexOf('\n', from - 1) + 1;
  if (from > 0 && lineStart === 0) return -1;
  while (lineStart < before) {
    const lineEnd = text.indexOf('\n', lineStart);
    const end = Math.min(lineEnd < 0 ? text.length : lineEnd, before);
    const afterOrdinal = lineStart + section.ordinal.length;
    if (text.startsWith(section.ordinal, lineStart) && mark.test(text.slice(afterOrdinal, afterOrdinal + 4)) && text.slice(lineStart, end).includes(cue)) return lineStart;
    if (lineEnd < 0) return -1;
    lineStart = lineEnd + 1;
  }
  return -1;
}

/** Offset just past the last sentence end (。) before `offset`, or 0. */
export function sentenceStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('。', offset) + 1;
}
