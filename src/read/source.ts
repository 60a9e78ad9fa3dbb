import type { Span } from '../model/index.js';
import * as OpenCC from 'opencc-js/t2cn';

/**
 * A report's text after normalization, with the map back to what the user wrote. Every later stage
 * reads `text`; every span it reports goes through {@link SourceText.span}, so diagnostics point at
 * the original characters.
 */
export interface SourceText {
  /**
   * The text spans index: the text as supplied, a web page's source, or the text a PDF or Word
   * front-end extracted. `original.slice(span.start, span.end)` is what a span covers.
   */
  readonly original: string;
  /** The normalized text (see {@link normalize}). */
  readonly text: string;
  /** True when traditional script was found and folded to simplified. */
  readonly traditional: boolean;
  /** Maps an offset in `text` to the offset in `original` of the character it came from. */
  originalOffset(offset: number): number;
  /** The span in the original text of the normalized range `[start, end)`. */
  span(start: number, end: number): Span;
  /**
   * The span of a range of the original itself, `[start, end)` in `original`: for what a front-end
   * found in the original that has no text of its own (an image where a table stands).
   */
  originalSpan(start: number, end: number): Span;
  /**
   * The normalized range `[start, end)` as the report writes it, before normalization and without
   * markup: what a label, a heading or a blank cell is shown as. For plain text it is the original
   * characters under the span.
   */
  written(start: number, end: number): string;
}

// A handful of the commonest traditional-only characters of these reports. Their presence decides
// whether the converter runs at all, so simplified input pays nothing for it.
const TRADITIONAL_SENTINELS =
  '報開與數處請關務機復訴國會發說實們過時對應進經辦號條據區縣門網體項類總資訊議記檢為幾並這從個來將當後見間產決導節統計點舉種專線變結轉審維糾構權護濟義歸屬級傳規範廢現';
// Every report is scanned for them in full, so they are looked up in the fold's table indexed by
// code (FOLD_CLASS): V8 runs a regular expression with a class this large through a range search
// per character, which cost more than the rest of normalization (~40 µs of ~600 µs per report).

/** The Chinese numerals that number headings and table rows (一 … 十). */
export const CHINESE_NUMERALS = '一二三四五六七八九十';

// Inline pinyin left by some converters after a character: "數(shù)據(jù)".
const PINYIN = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]/y;

/** Whether a UTF-16 code is a Han character (CJK unified ideographs, extension A, compatibility). */
export const isHan = (code: number): boolean =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
const isSpaceLike = (code: number): boolean =>
  code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
const isInvisible = (code: number): boolean => (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
const foldCode = (code: number): number => (code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code);
/** Length of the inline pinyin at `index` ("(shù)"), or 0. */
function pinyinAt(text: string, index: number): number {
  // Most parentheses after a Han character open a numbering ("（一）") or a note: a letter must follow.
  const next = text.charCodeAt(index + 1);
  if (!((next >= 97 && next <= 122) || (next >= 0xe0 && next <= 0x1e3f))) return 0;
  PINYIN.lastIndex = index;
  return PINYIN.exec(text)?.[0].length ?? 0;
}

// Marks before which a doubled comma is dropped ("一,、總體情況", "要求,,結合"): , 、 。 ; : . ! ? )
const AFTER_DOUBLED_COMMA = new Set([0x2c, 0x3001, 0x3002, 0x3b, 0x3a, 0x2e, 0x21, 0x3f, 0x29]);

let toSimplified: ((text: string) => string) | undefined;

// Characters whose own conversion changes their UTF-16 length (勣 → 𪟝, 𡻕 → 岁), found once each:
// asked for every Han character of a traditional report, so characters of the basic plane are kept
// in a table indexed by code (0 not asked yet, 1 kept, 2 changed), the rest in a map.
const LENGTH_UNKNOWN = 0;
const LENGTH_KEPT = 1;
const LENGTH_CHANGED = 2;
const basicLengthChanging = new Uint8Array(0x10000);
const astralLengthChanging = new Map<number, boolean>();

// OpenCC converts phrase by phrase, and a few of its entries change the UTF-16 length (勣 → 𪟝,
// 𡻕 → 岁, 二噁英 → 二𫫇英). The offset map of normalize is one for one, so the fold must keep every
// character's length: the text is cut at each character whose own conversion changes its length
// (such a character is kept as written), and each piece between is converted whole (keeping
// OpenCC's phrases) when that keeps its length, or else character by character (keeping any
// character whose conversion would not). Two changes cancelling out in one text can therefore
// never shift the characters between them, as comparing the whole text's length once let them.
function foldScript(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  const convert = toSimplified;
  const changesLength = (codePoint: number): boolean => {
    if (codePoint <= 0xffff) {
      let known = basicLengthChanging[codePoint] as number;
      if (known === LENGTH_UNKNOWN) {
        const char = String.fromCharCode(codePoint);
        known = convert(char).length !== char.length ? LENGTH_CHANGED : LENGTH_KEPT;
        basicLengthChanging[codePoint] = known;
      }
      return known === LENGTH_CHANGED;
    }
    let changes = astralLengthChanging.get(codePoint);
    if (changes === undefined) {
      const char = String.fromCodePoint(codePoint);
      changes = convert(char).length !== char.length;
      astralLengthChanging.set(codePoint, changes);
    }
    return changes;
  };
  const convertPiece = (piece: string): string => {
    const whole = convert(piece);
    if (whole.length === piece.length) return whole;
    return Array.from(piece, (char) => {
      const one = convert(char);
      return one.length === char.length ? one : char;
    }).join('');
  };
  let folded = '';
  let pieceStart = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Only Han characters (and astral ones, as surrogate pairs) have entries in the dictionaries.
    if (code < 0x3400) continue;
    // Most are known already to keep their length: one lookup, before any call (a high surrogate
    // stands for the pair it opens, unless it is alone).
    const highSurrogate = code >= 0xd800 && code <= 0xdbff;
    if (!highSurrogate && basicLengthChanging[code] === LENGTH_KEPT) continue;
    const codePoint = highSurrogate ? (text.codePointAt(index) as number) : code;
    const width = codePoint > 0xffff ? 2 : 1;
    if (changesLength(codePoint)) {
      folded += convertPiece(text.slice(pieceStart, index)) + text.slice(index, index + width);
      pieceStart = index + width;
    }
    index += width - 1;
  }
  return pieceStart === 0 ? convertPiece(text) : folded + convertPiece(text.slice(pieceStart));
}

/**
 * The index of the last entry of an ascending list that is at most `value` (0 when none is): the
 * segment or line an offset falls in. Starts from `hint` — lookups mostly come in text order — and
 * gallops on from it (1, 2, 4, … entries), halving only the last step, so a lookup that moves on by a
 * line or a few (a table written one cell per line asks every line in turn) costs a step or two, not
 * a search of the whole list; from 0 when it must go back.
 */
export function lastAtMost(sorted: readonly number[], value: number, hint = 0): number {
  const length = sorted.length;
  let low = hint < length && (sorted[hint] as number) <= value ? hint : 0;
  if (low + 1 >= length || (sorted[low + 1] as number) > value) return low;
  low++;
  let step = 1;
  let beyond = low + step;
  while (beyond < length && (sorted[beyond] as number) <= value) {
    low = beyond;
    step *= 2;
    beyond = low + step;
  }
  // sorted[low] <= value, and every entry from `beyond` on is above it (or there is none).
  let high = Math.min(beyond, length) - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((sorted[middle] as number) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Offsets where lines begin, as {@link fold} finds them, by the engine's own search for
 * line breaks rather than a loop over every character: a web page's source is scanned only for
 * its lines, and it is many times longer than its text.
 */
function lineStartsOf(text: string): number[] {
  const lineStarts = [0];
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr >= 0 || lf >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      // \r\n is one break, a lone \r another.
      const next = cr + 1;
      if (text.charCodeAt(next) === 10) {
        lineStarts.push(next + 1);
        lf = text.indexOf('\n', next + 1);
      } else {
        lineStarts.push(next);
      }
      cr = text.indexOf('\r', next);
    } else {
      lineStarts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return lineStarts;
}

// What the fold does with each UTF-16 code: copy it (0), look at it (1: \r, odd spaces, invisible
// characters, full-width forms), or look at it when the next code makes it one to change (2: a space
// before another space, a comma before another mark, a parenthesis that may open inline pinyin);
// and, of the codes it copies, those it notes: a line feed (3), a traditional sentinel (4). One
// lookup classes each character of the text, the commonest (a Han character) in one step.
const FOLD_COPY = 0;
const FOLD_ALWAYS = 1;
const FOLD_BY_NEXT = 2;
const FOLD_LINE_FEED = 3;
const FOLD_SENTINEL = 4;
const FOLD_CLASS = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x0d, 0x0d],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200d],
  [0x202f, 0x202f],
  [0x205f, 0x2060],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
  [0xff01, 0xff5e],
] as const) {
  FOLD_CLASS.fill(FOLD_ALWAYS, from, to + 1);
}
for (const code of [0x20, 0x2c, 0x28]) FOLD_CLASS[code] = FOLD_BY_NEXT;
FOLD_CLASS[0x0a] = FOLD_LINE_FEED;
for (const char of TRADITIONAL_SENTINELS) FOLD_CLASS[char.charCodeAt(0)] = FOLD_SENTINEL;
// The marks after which a comma is doubled, as written (full-width or not): , 、 。 ; : . ! ? )
const BEFORE_DOUBLED_COMMA = new Set([...AFTER_DOUBLED_COMMA, 0xff0c, 0xff1b, 0xff1a, 0xff0e, 0xff01, 0xff1f, 0xff09]);
// Inline pinyin after the parenthesis at the sticky position: "(shù)".
const PINYIN_AFTER_PARENTHESIS = /[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]/y;

/** Whether the code at `index` (class {@link FOLD_BY_NEXT}) is one the fold changes, by the code after it. */
function changedByNext(original: string, index: number, code: number): boolean {
  const next = original.charCodeAt(index + 1);
  if (code === 0x20) return isSpaceLike(next);
  if (code === 0x2c) return BEFORE_DOUBLED_COMMA.has(next);
  // A parenthesis: a letter must follow before the pattern is tried.
  if (!((next >= 97 && next <= 122) || (next >= 0xe0 && next <= 0x1e3f))) return false;
  PINYIN_AFTER_PARENTHESIS.lastIndex = index + 1;
  return PINYIN_AFTER_PARENTHESIS.test(original);
}

/** What {@link fold} finds besides the folded text: the folded-from text's line starts and script. */
interface FoldScan {
  /** Offsets where the folded-from text's lines begin; a line ends at `\r\n`, `\r` or `\n`. */
  readonly lineStarts: number[];
  /** True when a traditional sentinel character occurs (folding leaves Han characters as they are). */
  readonly traditional: boolean;
}

// The fold reads its input code by code, and the engine compiles that read inline only while the
// loop has seen at most four kinds of string (interned or not, one byte or two a character, a slice,
// a rope); past them every read goes through a generic lookup, which made the fold about twice as
// slow per character (~8% of a check of the seeds spent in it, and 7% of all instructions on such
// lookups). Report texts are long plain strings, but catalog labels (interned), names sliced from a
// report and the like are normalized too: a short text is folded from a plain copy of it (the
// copy joined from its code units, the same text), so that the loop keeps seeing few kinds.
const COPIED_BELOW = 256;
const plainCopyOf = (text: string): string => (text.length > 1 && text.length < COPIED_BELOW ? text.split('').join('') : text);

/**
 * The folding of {@link normalize} without the script: the normalized text and its map back, and
 * (one pass over the characters for all three) where the folded-from text's lines begin and
 * whether it holds traditional script.
 */
function fold(input: string): FoldedText & FoldScan {
  const original = plainCopyOf(input);
  // Most characters are copied, so the output is the original's runs between the characters that
  // change, each a slice, joined by concatenation (a rope the engine flattens once); full-width
  // punctuation, the commonest change, folds to ASCII, whose one-character strings the engine keeps.
  // Replacements are one for one, so only dropped characters shift offsets: the map back is a short
  // list of segments, each with its own shift.
  const length = original.length;
  let text = '';
  let written = 0;
  let runStart = 0;
  let lastEmitted = -1;
  const segmentStarts: number[] = [0];
  const segmentShifts: number[] = [0];
  let shift = 0;
  const lineStarts = [0];
  let traditional = false;

  /** Ends the run of copied characters at `end`; `outLength` is then what has been written. */
  const flushRun = (end: number): void => {
    if (runStart < end) {
      text += original.slice(runStart, end);
      written += end - runStart;
      lastEmitted = original.charCodeAt(end - 1);
    }
  };
  const drop = (index: number, count: number): void => {
    flushRun(index);
    shift += count;
    if (segmentStarts[segmentStarts.length - 1] === written) segmentShifts[segmentShifts.length - 1] = shift;
    else {
      segmentStarts.push(written);
      segmentShifts.push(shift);
    }
    runStart = index + count;
  };
  const replace = (index: number, code: number): void => {
    flushRun(index);
    text += String.fromCharCode(code);
    written++;
    lastEmitted = code;
    runStart = index + 1;
  };

  for (let index = 0; index < length; ) {
    const raw = original.charCodeAt(index);
    const kind = FOLD_CLASS[raw] as number;
    if (kind === FOLD_COPY || (kind === FOLD_BY_NEXT && !changedByNext(original, index, raw))) {
      index++;
      continue;
    }
    if (kind === FOLD_LINE_FEED || kind === FOLD_SENTINEL) {
      if (kind === FOLD_LINE_FEED) lineStarts.push(index + 1);
      else traditional = true;
      index++;
      continue;
    }
    // The last character written: what a space or a parenthesis here follows.
    const previous = runStart < index ? original.charCodeAt(index - 1) : lastEmitted;
    let consumed = 1;
    if (raw === 13) {
      if (original.charCodeAt(index + 1) === 10) drop(index, 1);
      else {
        replace(index, 10);
        lineStarts.push(index + 1);
      }
    } else if (isInvisible(raw)) {
      // Spaces on both sides of an invisible character still fold into one.
      let end = index + 1;
      if (previous === 0x20) while (end < length && isSpaceLike(original.charCodeAt(end))) end++;
      consumed = end - index;
      drop(index, consumed);
    } else if (isSpaceLike(raw)) {
      // A run of spaces of any kind becomes one space (none after a space already written).
      let end = index + 1;
      while (end < length && isSpaceLike(original.charCodeAt(end))) end++;
      consumed = end - index;
      if (previous === 0x20) drop(index, consumed);
      else {
        // The space itself is kept in the run when it is one; any other is replaced by one.
        if (raw !== 0x20) replace(index, 0x20);
        if (consumed > 1) drop(index + 1, consumed - 1);
      }
    } else {
      const code = foldCode(raw);
      // After a Han character, "(" may open inline pinyin. An ASCII one got here only because
      // changedByNext just matched the pinyin after it (PINYIN_AFTER_PARENTHESIS, sticky, whose
      // lastIndex is where the pinyin ends): its length is known without matching it again (a
      // traditional seed carries hundreds: "數(shù)據(jù)"). A full-width one is matched here.
      const pinyin = code === 0x28 && isHan(previous) ? (raw === 0x28 ? PINYIN_AFTER_PARENTHESIS.lastIndex - index : pinyinAt(original, index)) : 0;
      if (pinyin > 0) {
        drop(index, pinyin);
        consumed = pinyin;
      } else if (code === 0x2c && AFTER_DOUBLED_COMMA.has(foldCode(original.charCodeAt(index + 1)))) {
        drop(index, 1);
      } else {
        replace(index, code);
      }
    }
    index += consumed;
  }
  flushRun(length);
  const outLength = written;
  // Readers ask for spans mostly in text order, so each lookup starts from where the last one ended
  // and falls back to a binary search only when it has to go back.
  let segment = 0;
  const rawOffset = (offset: number): number => {
    const clamped = Math.max(0, Math.min(offset, outLength));
    segment = lastAtMost(segmentStarts, clamped, segment);
    return Math.min(length, clamped + (segmentShifts[segment] as number));
  };
  const rawStarts = segmentStarts.map((start, index) => start + (segmentShifts[index] as number));
  let back = 0;
  const normalizedOffset = (raw: number): number => {
    back = lastAtMost(rawStarts, raw, back);
    return Math.min(outLength, Math.max(segmentStarts[back] as number, raw - (segmentShifts[back] as number)));
  };
  return { text, rawOffset, normalizedOffset, lineStarts, traditional };
}

/** Normalized text with the map back to the text it was folded from. */
interface FoldedText {
  /** The normalized text, before the script is folded. */
  readonly text: string;
  /** The offset in the folded-from text of the normalized character at `offset`. */
  rawOffset(offset: number): number;
  /** The normalized offset of the folded-from character at `raw` (a dropped character: the next one kept). */
  normalizedOffset(raw: number): number;
}

/** Builds the span of an original offset range from the original's line starts. */
function spanMaker(lineStarts: readonly number[]): (from: number, to: number) => Span {
  let line = 0;
  return (from, to) => {
    line = lastAtMost(lineStarts as number[], from, line);
    return { start: from, end: Math.max(from, to), line: line + 1, column: from - (lineStarts[line] as number) + 1 };
  };
}

/**
 * Normalizes a report's text for reading, keeping a map back to the original:
 * `\r\n` and `\r` become `\n`; invisible characters go; every kind of space (NBSP, ideographic…)
 * becomes one space and runs of them collapse; full-width ASCII (digits, letters, `（）｜：，`)
 * becomes ASCII; inline pinyin after a character ("數(shù)") is dropped; a comma doubled before
 * another mark ("一,、") is dropped; traditional script is folded to simplified (OpenCC), only when
 * the text holds some. Tabs are kept: they separate table cells. Never throws: what is not a
 * string (`null`) is normalized as the empty text.
 */
export function normalize(original: string): SourceText {
  if (typeof original !== 'string') return normalize('');
  const folded = fold(original);
  const traditional = folded.traditional;
  const text = traditional ? foldScript(folded.text) : folded.text;
  const spanOf = spanMaker(folded.lineStarts);
  const originalOffset = folded.rawOffset;
  const span = (start: number, end: number): Span => {
    const from = originalOffset(start);
    // The end maps through the last character of the range, so dropped text after it stays out.
    return spanOf(from, end > start ? originalOffset(end - 1) + 1 : from);
  };
  return {
    original,
    text,
    traditional,
    originalOffset,
    span,
    originalSpan(start: number, end: number): Span {
      const from = Math.min(original.length, Math.max(0, start));
      return spanOf(from, Math.min(original.length, Math.max(from, end)));
    },
    written(start: number, end: number): string {
      const range = span(start, end);
      return original.slice(range.start, range.end);
    },
  };
}

/**
 * Where each character of a front-end's plain text came from in the original (a web page's source):
 * what {@link normalizeMapped} composes with normalization.
 */
export interface PlainTextMap {
  /** The plain text the front-end made (markup gone, entities decoded, one line per block or table row). */
  readonly plain: string;
  /** The original offset of the plain character at `offset` (offsets ascend with the plain text). */
  originalOffset(offset: number): number;
  /**
   * The original offset just past the plain character at `offset` (a decoded reference ends where
   * the reference does); one past its start when not given.
   */
  originalEnd?(offset: number): number;
  /** More about an original offset than line and column: the page of a PDF, the table cell of a Word file. */
  locate?(originalOffset: number): Pick<Span, 'page' | 'cell'>;
}

/** A {@link SourceText} made from a front-end's plain text: also maps plain offsets forward. */
export interface MappedSourceText extends SourceText {
  /** The normalized offset of the plain text's character at `plainOffset` (where a front-end put a cell). */
  normalizedOffset(plainOffset: number): number;
}

/**
 * Normalizes the plain text a front-end made from a document (see {@link normalize}) and keeps one
 * map from the normalized text through the plain text back to the original — so every later stage
 * reads one normalized text, and every span points at the original with its line and column there.
 */
export function normalizeMapped(original: string, map: PlainTextMap): MappedSourceText {
  const plain = map.plain;
  const folded = fold(plain);
  const traditional = folded.traditional;
  const text = traditional ? foldScript(folded.text) : folded.text;
  const spanOf = spanMaker(lineStartsOf(original));
  const plainLength = plain.length;
  const toOriginal = (plainOffset: number): number =>
    plainOffset >= plainLength ? original.length : Math.min(original.length, Math.max(0, map.originalOffset(plainOffset)));
  const originalOffset = (offset: number): number => toOriginal(folded.rawOffset(offset));
  const ends = map.originalEnd?.bind(map);
  const toOriginalEnd = (plainOffset: number): number =>
    Math.min(original.length, ends === undefined || plainOffset >= plainLength ? toOriginal(plainOffset) + 1 : Math.max(0, ends(plainOffset)));
  const locate = map.locate;
  return {
    original,
    text,
    traditional,
    originalOffset,
    normalizedOffset: folded.normalizedOffset,
    span(start: number, end: number): Span {
      const first = folded.rawOffset(start);
      const from = toOriginal(first);
      // The end is the original end of the range's last plain character (a decoded reference ends
      // where the reference does).
      const to = end > start ? Math.max(from, toOriginalEnd(folded.rawOffset(end - 1))) : from;
      const span = spanOf(from, to);
      return locate ? { ...span, ...locate(from) } : span;
    },
    originalSpan(start: number, end: number): Span {
      const from = Math.min(original.length, Math.max(0, start));
      const span = spanOf(from, Math.min(original.length, Math.max(from, end)));
      return locate ? { ...span, ...locate(from) } : span;
    },
    written(start: number, end: number): string {
      if (end <= start) return '';
      return plain.slice(folded.rawOffset(start), folded.rawOffset(end - 1) + 1);
    },
  };
}

/**
 * Normalizes a label for matching: the same folding as {@link normalize}, then without spaces or
 * tabs, quotes unified. Catalog labels and labels read from reports both pass through it.
 */
export function matchKey(label: string): string {
  return normalize(label)
    .text.replace(/[\s]/g, '')
    .replace(/[“”"‘’']/g, '"');
}
