import { templateWordings } from '../catalog/index.js';
import type { SectionKey } from '../catalog/index.js';
import type { AnnualReport, Span } from '../model/index.js';
import { normalize } from '../read/source.js';
import type { SourceText } from '../read/source.js';

const NO_SECTIONS: ReadonlySet<SectionKey> = new Set();

/** A sentence of a report's narrative: its comparable form and where it is in the original text. */
export interface NarrativeSentence {
  /**
   * The sentence as compared: folded (full-width forms, traditional script), without spaces,
   * punctuation or the template's own words, every digit as `#` — a sentence copied with its
   * numbers updated is still copied.
   */
  readonly key: string;
  /** Where it is in the original text (a web page's source, for a page). */
  readonly span: Span;
}

// Made once per report: both the text rules and the pair rules read it.
const sources = new WeakMap<object, SourceText>();

/**
 * The text of a report as the series rules read it: the document's normalized text with its map
 * to the original (`source`, as a front-end read it — a web page's text, not its markup), or else
 * the text normalized as the reader normalizes plain text. Undefined without either.
 */
export function sourceOf(entry: { readonly text?: string; readonly source?: SourceText }): SourceText | undefined {
  if (entry.source) return entry.source;
  if (entry.text === undefined) return undefined;
  let source = sources.get(entry);
  if (!source) {
    source = normalize(entry.text);
    sources.set(entry, source);
  }
  return source;
}

/** The offset in the normalized text of the first character that comes from at or after `original`. */
export function normalizedOffset(source: SourceText, original: number): number {
  let low = 0;
  let high = source.text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (source.originalOffset(middle) < original) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Sentences end at these marks (after normalization: full-width forms are folded to ASCII).
const SENTENCE_END = new Set(['。', '!', '?', ';', '\n', '；', '！', '？']);
// What is compared: Han characters, letters and digits; the rest (spaces, punctuation, numbering
// marks) is left out.
const COMPARED = /[\p{Script=Han}A-Za-z0-9]/u;
const DIGIT = /[0-9]/;

/** A text as compared: Han characters, letters and digits, every digit as `#`. */
function comparable(text: string): string {
  let key = '';
  for (const char of text) if (COMPARED.test(char)) key += DIGIT.test(char) ? '#' : char;
  return key;
}

// The template's own words — headings, table titles, row, group and column labels — are the same in
// every report of every year: they are no copying, and are left out of the sentences compared.
// Longest first, so that a label is removed before a shorter one inside it.
let templatePhrases: readonly string[] | undefined;
function templateWords(): readonly string[] {
  templatePhrases ??= [...new Set(templateWordings().map(comparable).filter((phrase) => phrase.length >= 2))].sort((a, b) => b.length - a.length);
  return templatePhrases;
}

/** A sentence's comparable form without the template's own words. */
function withoutTemplate(key: string): string {
  let rest = key;
  for (const phrase of templateWords()) if (rest.includes(phrase)) rest = rest.split(phrase).join('');
  return rest;
}

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
 * The sentences of a report's narrative, in order, without the template's own words (headings,
 * table labels), with at least `minimum` compared characters left each (shorter ones — headings,
 * "无。" — say nothing of copying).
 */
export function narrativeSentences(report: AnnualReport, source: SourceText, minimum = 8): NarrativeSentence[] {
  const sentences: NarrativeSentence[] = [];
  const text = source.text;
  for (const [rangeStart, rangeEnd] of narrativeRanges(report, source.original.length)) {
    const from = normalizedOffset(source, rangeStart);
    const to = normalizedOffset(source, rangeEnd);
    let key = '';
    let first = -1;
    let last = -1;
    const flush = (): void => {
      const own = withoutTemplate(key);
      if (own.length >= minimum && first >= 0) sentences.push({ key: own, span: source.span(first, last + 1) });
      key = '';
      first = -1;
    };
    for (let index = from; index < to; index++) {
      const char = text[index] as string;
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
