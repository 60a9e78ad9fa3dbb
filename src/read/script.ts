import { Locale } from 'opencc-js/t2cn';
import type { DictGroup, DictLike } from 'opencc-js/t2cn';

/**
 * OpenCC's traditional (Taiwan) → simplified conversion, the same output for every input as
 * `OpenCC.Converter({ from: 'tw', to: 'cn' })`, built from the same dictionaries (OpenCC's own
 * `tw2s` configuration). OpenCC walks a trie of `Map`s per character in each of its four passes and
 * allocates an object per match and an array of segments; a report in traditional script spent
 * most of its normalization there. Here each dictionary group is a table of single characters and
 * one of phrases, and a character no key begins with is passed over by one look-up in a flat table.
 *
 * The steps are OpenCC's: the text is normalized (compatibility ideographs), cut into segments by
 * the segmentation dictionary (its phrases, and the runs between them), and each segment goes
 * through each conversion group in turn; each pass takes at every position the longest key that
 * starts there, and steps over an ideographic description sequence (⿰…) whole when none does.
 */
export type ScriptConverter = (text: string) => string;

/** One dictionary group, ready for longest-match look-ups. */
interface PhraseTable {
  /** For each BMP code, the index in `singleValues` of the replacement of the key that is that one code (0: none). */
  readonly singleSlots: Uint16Array;
  /** Replacements of keys of one BMP code, by their slot (slot 0 unused). */
  readonly singleValues: readonly string[];
  /** Replacements of keys of one code point above the BMP, by that code point. */
  readonly astralSingles: Map<number, string>;
  /** Replacements of keys of two or more code points. */
  readonly phrases: Map<string, string>;
  /** The UTF-16 lengths of the phrases beginning with a code point, longest first. */
  readonly phraseLengths: Map<number, number[]>;
  /** For each UTF-16 code: 1 when a key begins with it (a high surrogate: with its code point), else 0. */
  readonly begins: Uint8Array;
  /**
   * For each hash of a phrase's first two UTF-16 codes ({@link pairSlot}), 1: most positions are
   * ruled out as the start of a phrase by one look-up, before any string is cut and hashed.
   */
  readonly pairs: Uint8Array;
}

/** The slot of two UTF-16 codes in {@link PhraseTable.pairs}. */
const pairSlot = (first: number, second: number): number => (Math.imul(first, 0x9e37) + second) & 0xffff;

/** The entries of a dictionary as OpenCC reads them: `"key value|key value"` or `[key, value]` pairs; the first value of a line. */
function entriesOf(dict: DictLike): (readonly [string, string])[] {
  if (typeof dict !== 'string') return dict.map(([key, value]) => [key, value] as const);
  return dict.split('|').map((line) => {
    const [key = '', value = ''] = line.split(' ');
    return [key, value] as const;
  });
}

/** A group's table; as OpenCC loads a group (last dictionary first), the first dictionary holding a key gives its replacement. */
function tableOf(group: DictGroup): PhraseTable {
  const singles = new Map<number, string>();
  const phrases = new Map<string, string>();
  const lengths = new Map<number, Set<number>>();
  const pairs = new Uint8Array(0x10000);
  const begins = new Uint8Array(0x10000);
  for (const dict of [...group].reverse()) {
    for (const [key, value] of entriesOf(dict)) {
      // OpenCC's trie holds no value at its root: an empty key never matches.
      if (key.length === 0) continue;
      const first = key.codePointAt(0) as number;
      begins[key.charCodeAt(0)] = 1;
      if (key.length === (first > 0xffff ? 2 : 1)) singles.set(first, value);
      else {
        phrases.set(key, value);
        pairs[pairSlot(key.charCodeAt(0), key.charCodeAt(1))] = 1;
        const known = lengths.get(first) ?? new Set<number>();
        known.add(key.length);
        lengths.set(first, known);
      }
    }
  }
  const singleSlots = new Uint16Array(0x10000);
  const singleValues = [''];
  const astralSingles = new Map<number, string>();
  for (const [codePoint, value] of singles) {
    if (codePoint > 0xffff) astralSingles.set(codePoint, value);
    else {
      singleSlots[codePoint] = singleValues.length;
      singleValues.push(value);
    }
  }
  const phraseLengths = new Map<number, number[]>();
  for (const [first, known] of lengths) phraseLengths.set(first, [...known].sort((a, b) => b - a));
  return { begins, singleSlots, singleValues, astralSingles, phrases, phraseLengths, pairs };
}

// The replacement of the last match of `matchAt`: returned beside its length without an object per match.
let matchedValue = '';

/** The UTF-16 length of the longest key of `table` at `index` of `text` within `end` (its replacement in `matchedValue`), or 0. */
function matchAt(table: PhraseTable, text: string, index: number, end: number): number {
  const code = text.charCodeAt(index);
  if (table.begins[code] === 0) return 0;
  const codePoint = text.codePointAt(index) as number;
  if (index + 1 < end && table.pairs[pairSlot(code, text.charCodeAt(index + 1))] === 1) {
    const lengths = table.phraseLengths.get(codePoint);
    if (lengths !== undefined) {
      for (const length of lengths) {
        if (index + length > end) continue;
        const value = table.phrases.get(text.slice(index, index + length));
        if (value !== undefined) {
          matchedValue = value;
          return length;
        }
      }
    }
  }
  if (codePoint > 0xffff) {
    const single = table.astralSingles.get(codePoint);
    if (single === undefined) return 0;
    matchedValue = single;
    return 2;
  }
  const slot = table.singleSlots[code] as number;
  if (slot === 0) return 0;
  matchedValue = table.singleValues[slot] as string;
  return 1;
}

const codePointLength = (text: string, index: number): number => ((text.codePointAt(index) as number) > 0xffff ? 2 : 1);

/** How many operands an ideographic description character takes (⿰ two, ⿲ three), 0 for any other. */
function descriptionArity(codePoint: number): number {
  if (codePoint >= 0x2ff0 && codePoint <= 0x2ff1) return 2;
  if (codePoint >= 0x2ff2 && codePoint <= 0x2ff3) return 3;
  if (codePoint >= 0x2ff4 && codePoint <= 0x2fff) return 2;
  return 0;
}

/** The end of the ideographic description sequence at `index` (within `end`), or 0 when none is complete there. */
function descriptionEnd(text: string, index: number, end: number): number {
  const arity = descriptionArity(text.codePointAt(index) as number);
  if (arity === 0) return 0;
  let at = index + codePointLength(text, index);
  for (let operand = 0; operand < arity; operand++) {
    if (at >= end) return 0;
    at = descriptionEnd(text, at, end) || at + codePointLength(text, at);
  }
  return at;
}

/** How far a pass steps over an unmatched position: a whole description sequence, or one code point. */
function unmatchedLength(text: string, index: number, end: number): number {
  const code = text.charCodeAt(index);
  // Only U+2FF0–U+2FFF begin a description sequence.
  if (code >= 0x2ff0 && code <= 0x2fff) {
    const sequenceEnd = descriptionEnd(text, index, end);
    if (sequenceEnd > index) return sequenceEnd - index;
  }
  return code >= 0xd800 && code <= 0xdbff ? codePointLength(text, index) : 1;
}

/** One pass of `table` over `text[start, end)`: every longest match replaced. */
function convertRange(table: PhraseTable, text: string, start: number, end: number): string {
  let converted = '';
  let copiedTo = start;
  for (let index = start; index < end; ) {
    const length = matchAt(table, text, index, end);
    if (length > 0) {
      converted += text.slice(copiedTo, index) + matchedValue;
      index += length;
      copiedTo = index;
    } else index += unmatchedLength(text, index, end);
  }
  return copiedTo === start ? text.slice(start, end) : converted + text.slice(copiedTo, end);
}

/** OpenCC's `tw2s` configuration, with its normalization chain (which its types leave out). */
interface Configuration {
  readonly normalizationChain?: readonly DictGroup[];
  readonly segmentation?: DictLike | DictGroup;
  readonly conversionChain: readonly DictGroup[];
}

/** A segmentation dictionary as OpenCC takes it: a list of serialized dictionaries is a group, anything else one dictionary. */
const segmentationGroup = (segmentation: DictLike | DictGroup): DictGroup =>
  Array.isArray(segmentation) && segmentation.every((dict) => typeof dict === 'string') ? (segmentation as DictGroup) : [segmentation as DictLike];

/** The traditional (Taiwan) → simplified converter; its tables are built on the first call of this. */
export function traditionalToSimplified(): ScriptConverter {
  const configuration = (Locale.configs as Record<string, Configuration>).tw2s as Configuration;
  const normalization = (configuration.normalizationChain ?? []).map(tableOf);
  const segmentation = configuration.segmentation ? tableOf(segmentationGroup(configuration.segmentation)) : undefined;
  const conversion = configuration.conversionChain.map(tableOf);
  const convertSegment = (text: string, start: number, end: number): string => {
    let segment: string | undefined;
    for (const table of conversion) segment = segment === undefined ? convertRange(table, text, start, end) : convertRange(table, segment, 0, segment.length);
    return segment ?? text.slice(start, end);
  };
  return (original) => {
    let text = original;
    for (const table of normalization) text = convertRange(table, text, 0, text.length);
    if (segmentation === undefined) return convertSegment(text, 0, text.length);
    // Segments: each phrase of the segmentation dictionary, and each run between them.
    let converted = '';
    let runStart = 0;
    for (let index = 0; index < text.length; ) {
      const length = matchAt(segmentation, text, index, text.length);
      if (length > 0) {
        if (runStart < index) converted += convertSegment(text, runStart, index);
        converted += convertSegment(text, index, index + length);
        index += length;
        runStart = index;
      } else index += unmatchedLength(text, index, text.length);
    }
    return runStart < text.length ? converted + convertSegment(text, runStart, text.length) : converted;
  };
}
