import type { SectionKey } from '../catalog/index.js';
import type { AnnualReport, Span } from '../model/index.js';

const NO_SECTIONS: ReadonlySet<SectionKey> = new Set();
import { normalize } from '../read/source.js';

/** A sentence of a report's narrative: its comparable form and where it is in the original text. */
export interface NarrativeSentence {
  /**
   * The sentence as compared: folded (full-width forms, traditional script), without spaces or
   * punctuation, every digit as `#` — a sentence copied with its numbers updated is still copied.
   */
  readonly key: string;
  /** Offsets in the original text: `[start, end)`. */
  readonly start: number;
  readonly end: number;
}

// Sentences end at these marks (after normalization: full-width forms are folded to ASCII).
const SENTENCE_END = new Set(['。', '!', '?', ';', '\n', '；', '！', '？']);
// What is compared: Han characters, letters and digits; the rest (spaces, punctuation, numbering
// marks) is left out.
const COMPARED = /[\p{Script=Han}A-Za-z0-9]/u;
const DIGIT = /[0-9]/;

/**
 * The ranges of the original text that are the report's narrative: each section's range (the whole
 * text when no section was found) without the statistics tables in it. Page chrome before the first
 * section and after the last is not narrative. Sections in `without` are left out.
 */
export function narrativeRanges(report: AnnualReport, textLength: number, without: ReadonlySet<SectionKey> = NO_SECTIONS): [number, number][] {
  const sections = report.sections.flatMap((section) => (section.span && !without.has(section.key) ? [[section.span.start, section.span.end] as [number, number]] : []));
  const ranges: [number, number][] = sections.length > 0 ? sections : [[0, textLength]];
  const tables = Object.values(report.tables).flatMap((table) => (table?.span ? [[table.span.start, table.span.end] as const] : []));
  let result = ranges;
  for (const [tableStart, tableEnd] of tables) {
    result = result.flatMap(([start, end]): [number, number][] => {
      if (tableEnd <= start || tableStart >= end) return [[start, end]];
      return [
        [start, Math.max(start, tableStart)],
        [Math.min(end, tableEnd), end],
      ].filter(([from, to]) => (to as number) > (from as number)) as [number, number][];
    });
  }
  return result;
}

/**
 * The sentences of a report's narrative, in order, with at least `minimum` compared characters each
 * (shorter ones — headings, "无。" — say nothing of copying).
 */
export function narrativeSentences(report: AnnualReport, text: string, minimum = 8): NarrativeSentence[] {
  const sentences: NarrativeSentence[] = [];
  for (const [rangeStart, rangeEnd] of narrativeRanges(report, text.length)) {
    const source = normalize(text.slice(rangeStart, rangeEnd));
    let key = '';
    let first = -1;
    let last = -1;
    const flush = (): void => {
      if (key.length >= minimum && first >= 0) {
        sentences.push({ key, start: rangeStart + source.originalOffset(first), end: rangeStart + source.originalOffset(last) + 1 });
      }
      key = '';
      first = -1;
    };
    for (let index = 0; index < source.text.length; index++) {
      const char = source.text[index] as string;
      if (SENTENCE_END.has(char)) {
        flush();
        continue;
      }
      if (!COMPARED.test(char)) continue;
      key += DIGIT.test(char) ? '#' : char;
      if (first < 0) first = index;
      last = index;
    }
    flush();
  }
  return sentences;
}

/** The span of `[start, end)` of a text, with its 1-based line and column. */
export function spanIn(text: string, start: number, end: number): Span {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < start; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { start, end, line, column: start - lineStart + 1 };
}
