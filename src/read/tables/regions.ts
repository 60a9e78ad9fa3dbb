/**
 * Where each table is looked for: in its section when the section reader found it, otherwise
 * around the first text only that table contains (a 第二十条 block, a numbered row of table 三, the
 * litigation headings of table 四), so that a report with a broken heading still has its tables read.
 *
 * @packageDocumentation
 */
import { SECTIONS, TABLE_SECTIONS } from '../../catalog/index.js';
import type { SectionKey, TableDefinition, TableKey } from '../../catalog/index.js';
import { tableMatcher } from './matcher.js';
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
}

const orderOf = (key: SectionKey | undefined): number => SECTIONS.findIndex((known) => known.key === key);
const ordinalOf = (section: LocatedSection): number => orderOf(section.key);

/**
 * Where a table's region in its section ends: at the next section heading after it that stands in
 * order. A heading with a lower ordinal (一 inside table 三), one that stands before the section
 * of a later table (六 between tables 二 and 三), and a numbered line the section reader could not
 * name ("四、结转下年" of a broken row) are no end of the table: what follows them is still read, and
 * what the table's reading leaves is reported, never dropped. The last section keeps its own end.
 */
function tableSectionEnd(sections: readonly LocatedSection[], section: LocatedSection, tableOrdinals: ReadonlySet<number>): number {
  const at = sections.indexOf(section);
  const own = ordinalOf(section);
  for (let index = at + 1; index < sections.length; index++) {
    const next = sections[index] as LocatedSection;
    const ordinal = ordinalOf(next);
    if (ordinal <= own) continue;
    if (!tableOrdinals.has(ordinal) && sections.slice(index + 1).some((later) => ordinalOf(later) > own && tableOrdinals.has(ordinalOf(later)))) continue;
    return next.start;
  }
  return section.end;
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
    return { sectionStart: section ? section.start : -1, sectionEnd: section ? tableSectionEnd(sections, section, tableOrdinals) : -1, anchor };
  });
}

/** Offset just past the last sentence end (。) before `offset`, or 0. */
export function sentenceStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('。', offset) + 1;
}
