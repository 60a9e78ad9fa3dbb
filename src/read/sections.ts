/**
 * The section reader: finds the six numbered headings (一、… 六、) of a report in the normalized
 * text, tells them from numbered table rows and from tables of contents, and marks where the report
 * ends before trailing page chrome.
 *
 * @packageDocumentation
 */
import { SECTIONS } from '../catalog/index.js';
import { byFirstCharacter, sectionWordings, tableLabelsOpening } from '../catalog/keys.js';
import type { SectionKey } from '../catalog/index.js';
import type { Section } from '../model/index.js';
import type { SourceText } from './source.js';
import { CHINESE_NUMERALS, isHan } from './source.js';
import type { LocatedSection } from './tables/index.js';

/** A section heading found in the normalized text. */
export interface FoundSection extends LocatedSection {
  /** Offset just past the heading in the normalized text. */
  readonly headingEnd: number;
  /** The ordinal the report wrote before the heading (1 for 一 … 10 for 十). */
  readonly writtenOrdinal: number;
}

/** A signature date line closing the report ("2024年1月22日" on a line of its own). */
export interface SignatureLine {
  /** Offset of the date's first character in the normalized text. */
  readonly start: number;
  /** Offset just past the date. */
  readonly end: number;
  /** Offset of the line above it that is not blank, when there is one (often the agency). */
  readonly previousLineStart?: number;
  /** Offset just past that line. */
  readonly previousLineEnd?: number;
}

/** What the section reader found: the sections in text order and where the report ends. */
export interface ReportStructure {
  /**
   * The sections found, in text order, each key at most once, their ranges apart. Usually in
   * template order, but a heading the report moved elsewhere is kept where it stands
   * (section-order reports it).
   */
  readonly sections: readonly FoundSection[];
  /** Offset just past the report's last character in the normalized text (trailing page chrome excluded). */
  readonly reportEnd: number;
  /** The closing date line under the signature, when the report has one. */
  readonly signature?: SignatureLine;
}

// The marks that may follow a heading's ordinal once normalized (、 , . : ; full-width forms folded).
const ORDINAL_MARKS = new Set(['、', ',', '.', ':', ';'].map((mark) => mark.charCodeAt(0)));
// Where a heading's words stop: a line break, a tab or a table bar. Spaces are read through — the
// normalizer leaves single spaces inside words broken by extraction ("三、本年度办 理结果").
const isHeadingStop = (code: number): boolean => code === 10 || code === 9 || code === 124;
const MAX_GAP_IN_CONTENTS_LIST = 1;
// What may stand between the headings of a table of contents: on one line, and over several lines.
const LIST_SEPARATORS = new Set([' ', '\t', '\n', '\r', ',', ';', '.', ':', '。', '、'].map((mark) => mark.charCodeAt(0)));
const LIST_LINE_SEPARATORS = new Set([...LIST_SEPARATORS, '|'.charCodeAt(0)]);

/** Whether every heading of `candidates[first..last]` is found again after them (a table of contents and its sections). */
function repeatedLater(candidates: readonly { readonly key: string }[], first: number, last: number): boolean {
  for (let member = first; member <= last; member++) {
    const key = (candidates[member] as { key: string }).key;
    let found = false;
    for (let later = last + 1; later < candidates.length && !found; later++) found = (candidates[later] as { key: string }).key === key;
    if (!found) return false;
  }
  return true;
}

/**
 * Whether ranges of the text, asked in ascending order, hold a line break: the engine's search finds
 * the next break, which answers every range before it (a loop over the characters between every two
 * candidates cost more than the ordinal search itself); a break is searched for again only once a
 * range starts past it, so a one-line report is scanned once, not once per range. A range that
 * starts before the one asked last is searched for afresh.
 */
function lineBreaksAscending(text: string): (from: number, to: number) => boolean {
  let searchedFrom = 0;
  let nextBreak = -1;
  return (from, to) => {
    if (nextBreak < from || from < searchedFrom) {
      searchedFrom = from;
      nextBreak = text.indexOf('\n', from);
      if (nextBreak < 0) nextBreak = Number.POSITIVE_INFINITY;
    }
    return nextBreak < to;
  };
}

/** How many characters of `[from, to)` are not separators, counting no further than `limit + 1`. */
function wordsBetween(text: string, from: number, to: number, separators: ReadonlySet<number>, limit: number): number {
  let count = 0;
  for (let index = from; index < to && count <= limit; index++) if (!separators.has(text.charCodeAt(index))) count++;
  return count;
}
const MIN_WORDING_AFTER_WORD = 6;
const MAX_HEADING_TAIL = 40;
// A heading kept out of template order must read as the catalog writes it, give or take one slip.
const MAX_EDITS_OUT_OF_ORDER = 1;
// How much of a heading's line is looked at for the cells of a table row.
const MAX_ROW_LOOKAHEAD = 200;

const isSpaceCode = (code: number): boolean => code === 32 || code === 9 || code === 13;
const isSpace = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\r';

interface HeadingVariant {
  readonly key: SectionKey;
  /** Position of the section in the template (0 … 5). */
  readonly order: number;
  /** The catalog's ordinal as a number (1 … 6). */
  readonly ordinal: number;
  /** The wording, folded as report text is (`matchKey`). */
  readonly text: string;
  /** How many edits a heading may differ by and still be this wording (typos such as "行政法复议"). */
  readonly maxEdits: number;
}

// Long wordings tolerate a typo or two; short ones ("概述", "总体情况") must match exactly, or any
// numbered line would pass for a heading.
const editsAllowed = (length: number): number => (length < 6 ? 0 : length < 12 ? 1 : 2);

let headingVariants: readonly HeadingVariant[] | undefined;
// The wordings by their first character, each list in the order of the whole (longest first): a
// heading's words are compared with the few wordings that can open them, not with every one.
let variantsByFirst: ReadonlyMap<string, readonly HeadingVariant[]> = new Map();
let longestVariant = 0;
// Characters one of the first words of some wording starts with (within its edit allowance): a
// numbered line whose first words hold none of them cannot be a heading, and costs no matching.
const openingCharacters = new Uint8Array(0x10000);
const OPENING_WINDOW = 5;

// The catalog's wordings (longest first), each with the edits it tolerates.
function variants(): readonly HeadingVariant[] {
  if (!headingVariants) {
    const list = sectionWordings().map((wording) => ({ ...wording, maxEdits: editsAllowed(wording.text.length) }));
    for (const variant of list) longestVariant = Math.max(longestVariant, variant.text.length);
    variantsByFirst = byFirstCharacter(list, (variant) => variant.text);
    headingVariants = list;
    // With at most k edits one of a wording's first k + 1 characters is kept, at most k places
    // further on: so one of the heading's first 2k + 1 characters (k ≤ 2) is among them.
    for (const variant of list) {
      for (let index = 0; index <= variant.maxEdits && index < variant.text.length; index++) openingCharacters[variant.text.charCodeAt(index)] = 1;
    }
  }
  return headingVariants;
}

// Row and group labels of the statistics tables (the catalog's tableLabelsOpening): a numbered line
// that starts with one of them ("四、结转下年度继续办理") is a table row, never a section boundary.

/**
 * Edit distance between `pattern` and the best-matching prefix of `text`, when it is at most
 * `maxEdits`; returns the distance and the prefix length, or undefined. Banded, and abandoned as soon
 * as every cell of a row exceeds the bound, so a hopeless candidate costs a few steps.
 */
function prefixDistance(pattern: string, text: string, maxEdits: number): { distance: number; length: number } | undefined {
  const width = text.length;
  let previous = new Array<number>(width + 1);
  let current = new Array<number>(width + 1);
  for (let column = 0; column <= width; column++) previous[column] = column <= maxEdits ? column : maxEdits + 1;
  for (let row = 1; row <= pattern.length; row++) {
    const low = Math.max(0, row - maxEdits);
    const high = Math.min(width, row + maxEdits);
    let rowMinimum = maxEdits + 1;
    for (let column = 0; column <= width; column++) current[column] = maxEdits + 1;
    if (low === 0) current[0] = row;
    for (let column = Math.max(1, low); column <= high; column++) {
      const substitution = (previous[column - 1] as number) + (pattern[row - 1] === text[column - 1] ? 0 : 1);
      const deletion = (previous[column] as number) + 1;
      const insertion = (current[column - 1] as number) + 1;
      current[column] = Math.min(substitution, deletion, insertion, maxEdits + 1);
    }
    for (let column = low; column <= high; column++) rowMinimum = Math.min(rowMinimum, current[column] as number);
    if (rowMinimum > maxEdits) return undefined;
    [previous, current] = [current, previous];
  }
  let best: { distance: number; length: number } | undefined;
  for (let column = Math.max(0, pattern.length - maxEdits); column <= Math.min(width, pattern.length + maxEdits); column++) {
    const distance = previous[column] as number;
    if (distance <= maxEdits && (!best || distance < best.distance)) best = { distance, length: column };
  }
  return best;
}

interface Candidate {
  readonly key: SectionKey;
  readonly order: number;
  readonly start: number;
  readonly headingEnd: number;
  readonly writtenOrdinal: number;
  readonly ordinalMatches: boolean;
  readonly atLineStart: boolean;
  readonly distance: number;
  /** How many characters of the heading's words (spaces not counted) the catalog wording matched. */
  readonly matchedLength: number;
  inContentsList: boolean;
}

/** The words after an ordinal mark, without spaces, with the offset each character came from. */
function headingWindow(text: string, from: number, size: number): { chars: string; offsets: number[] } {
  // The words are cut from the text between spaces, not joined a character at a time.
  let chars = '';
  const offsets: number[] = [];
  let runStart = from;
  let index = from;
  for (; index < text.length && offsets.length < size; index++) {
    const code = text.charCodeAt(index);
    if (isHeadingStop(code)) break;
    if (isSpaceCode(code)) {
      if (runStart < index) chars += text.slice(runStart, index);
      runStart = index + 1;
      continue;
    }
    offsets.push(index);
  }
  if (runStart < index) chars += text.slice(runStart, index);
  return { chars, offsets };
}

function opensLikeHeading(text: string, from: number): boolean {
  let seen = 0;
  for (let index = from; index < text.length && seen < OPENING_WINDOW; index++) {
    const code = text.charCodeAt(index);
    if (isHeadingStop(code)) return false;
    if (isSpaceCode(code)) continue;
    if (openingCharacters[code] === 1) return true;
    seen++;
  }
  return false;
}

const lineStartBefore = (text: string, offset: number): boolean => {
  for (let index = offset - 1; index >= 0; index--) {
    const char = text[index];
    if (char === '\n') return true;
    if (!isSpace(char) && char !== '|') return false;
  }
  return true;
};

/** Where the ordinal's mark ends (offset of the first word), or -1 when `offset` starts no numbered heading. */
function afterOrdinalMark(text: string, offset: number): number {
  let index = offset + 1;
  while (isSpaceCode(text.charCodeAt(index))) index++;
  if (ORDINAL_MARKS.has(text.charCodeAt(index))) {
    index++;
    while (ORDINAL_MARKS.has(text.charCodeAt(index)) || isSpaceCode(text.charCodeAt(index))) index++;
    return index;
  }
  // "一 总体情况": a space alone separates the ordinal only at the start of a line.
  return index > offset + 1 && lineStartBefore(text, offset) ? index : -1;
}

function candidateAt(text: string, offset: number): Candidate | undefined {
  const before = offset > 0 ? text.charCodeAt(offset - 1) : 10;
  // A heading's ordinal follows a line break, punctuation, a digit or a space. After a character of
  // a word it may still start one in a report flattened onto one line ("…32.52元三、收到和处理…"), but
  // then only with the template's own ordinal and a whole wording; never inside a longer numeral
  // ("十一、", "第一、").
  const afterWord = isHan(before);
  if (afterWord && (CHINESE_NUMERALS.includes(text[offset - 1] as string) || text[offset - 1] === '第')) return undefined;
  const wordsStart = afterOrdinalMark(text, offset);
  if (wordsStart < 0) return undefined;
  const all = variants();
  if (!opensLikeHeading(text, wordsStart)) return undefined;
  const window = headingWindow(text, wordsStart, longestVariant + 2);
  if (window.chars.length < 2) return undefined;
  const writtenOrdinal = CHINESE_NUMERALS.indexOf(text[offset] as string) + 1;
  let chosen: { variant: HeadingVariant; distance: number; length: number } | undefined;
  for (const variant of variantsByFirst.get(window.chars.charAt(0)) ?? []) {
    if (window.chars.startsWith(variant.text)) {
      chosen = { variant, distance: 0, length: variant.text.length };
      break;
    }
  }
  if (!chosen) {
    for (const variant of all) {
      // A wording read with a typo must at least carry its own ordinal.
      if (variant.maxEdits === 0 || variant.ordinal !== writtenOrdinal) continue;
      const found = prefixDistance(variant.text, window.chars, variant.maxEdits);
      if (found && found.length > 0 && (!chosen || found.distance < chosen.distance)) chosen = { variant, ...found };
    }
  }
  if (!chosen) return undefined;
  if (afterWord && (chosen.distance > 0 || chosen.variant.ordinal !== writtenOrdinal || chosen.variant.text.length < MIN_WORDING_AFTER_WORD)) return undefined;
  let headingEnd = (window.offsets[chosen.length - 1] as number) + 1;
  const atLineStart = lineStartBefore(text, offset);
  if (atLineStart) headingEnd = extendToLineEnd(text, headingEnd);
  return {
    key: chosen.variant.key,
    order: chosen.variant.order,
    start: offset,
    headingEnd,
    writtenOrdinal,
    ordinalMatches: writtenOrdinal === chosen.variant.ordinal,
    atLineStart,
    distance: chosen.distance,
    matchedLength: chosen.length,
    inContentsList: false,
  };
}

// A heading alone on its line keeps the rest of its words ("四、政府信息公开行政复议、行政诉讼情况统计"),
// but not a sentence, a value, or table marks after it.
function extendToLineEnd(text: string, headingEnd: number): number {
  let lineEnd = text.indexOf('\n', headingEnd);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineEnd - headingEnd > MAX_HEADING_TAIL) return headingEnd;
  const rest = text.slice(headingEnd, lineEnd);
  // redos-bound: `rest` is at most MAX_HEADING_TAIL (40) characters; worst case in test/hardening/redos-bounds.test.ts
  const words = rest.replace(/[\s|/]+$/u, '');
  if (words.length === 0 || words.length > 12 || /[\d。;:!?()|\t]/u.test(words) || /^\s/u.test(words)) return headingEnd;
  return headingEnd + words.length;
}

/** Whether `offset` is the first character of its line but spaces (what {@link numberedLines} reads). */
function opensLine(text: string, offset: number): boolean {
  let index = offset - 1;
  while (index >= 0 && isSpace(text[index])) index--;
  return index < 0 || text.charCodeAt(index) === 10;
}

/** The places that could start a section heading, and the ordinals that open a line. */
interface Ordinals {
  /** Every place the text could start a section heading, in text order. */
  readonly candidates: Candidate[];
  /** Offsets of the ordinals (followed by a mark or a space) that are the first character of their line but spaces, ascending. */
  readonly lineOpening: number[];
}

// The regex engine finds the ordinals far faster than a loop over every character.
// Only an ordinal followed by a mark or a space can open a heading (see afterOrdinalMark). The
// mark is matched, not looked ahead at (the engine finds a pair of characters twice as fast), and
// the search goes on after it: a mark is no ordinal, so no match is lost. Compiled once: built per
// report it cost a tenth of the heading search.
const ORDINAL_AND_MARK = new RegExp(`[${CHINESE_NUMERALS}][ \t\r、,.:;]`, 'g');

/** Every place the text could start a section heading, in text order, and the ordinals that open a line. */
function findCandidates(text: string): Ordinals {
  const candidates: Candidate[] = [];
  const lineOpening: number[] = [];
  const ordinal = ORDINAL_AND_MARK;
  ordinal.lastIndex = 0;
  for (let match = ordinal.exec(text); match; match = ordinal.exec(text)) {
    // A heading's words never span a line (see headingWindow, extendToLineEnd): no ordinal skipped
    // after a candidate opens a line.
    if (opensLine(text, match.index)) lineOpening.push(match.index);
    const candidate = candidateAt(text, match.index);
    if (candidate) {
      candidates.push(candidate);
      ordinal.lastIndex = candidate.headingEnd;
    }
  }
  // Headings listed one after another ("分为六个部分:一、总体情况,二、主动公开…") are a table of
  // contents: with nothing between them they cannot be where the sections start. Two on one line
  // make a list; on lines of their own it takes three in template order (one empty section is no list).
  let run = 0;
  const hasLineBreak = lineBreaksAscending(text);
  for (let index = 1; index < candidates.length; index++) {
    const left = candidates[index - 1] as Candidate;
    const right = candidates[index] as Candidate;
    const oneLine = !hasLineBreak(left.headingEnd, right.start);
    if (oneLine) {
      run = 0;
      if (wordsBetween(text, left.headingEnd, right.start, LIST_SEPARATORS, MAX_GAP_IN_CONTENTS_LIST) <= MAX_GAP_IN_CONTENTS_LIST) {
        left.inContentsList = right.inContentsList = true;
      }
      continue;
    }
    run = wordsBetween(text, left.headingEnd, right.start, LIST_LINE_SEPARATORS, 0) === 0 && right.order > left.order ? run + 1 : 0;
    // Headings on lines of their own with nothing between them are a list only when the report then
    // has those headings again; otherwise they are sections left empty ("二、…" "三、…" "四、…").
    if (run >= 2 && repeatedLater(candidates, index - run, index)) {
      for (let member = index - run; member <= index; member++) (candidates[member] as Candidate).inContentsList = true;
    }
  }
  return { candidates: candidates.filter((candidate) => !candidate.inContentsList), lineOpening };
}

interface Chain {
  readonly candidate: Candidate;
  readonly previous: Chain | undefined;
  readonly count: number;
  readonly ordinalMatches: number;
  readonly lineStarts: number;
  readonly distance: number;
}

const better = (left: Chain | undefined, right: Chain | undefined): boolean => {
  if (!right) return left !== undefined;
  if (!left) return false;
  if (left.count !== right.count) return left.count > right.count;
  if (left.ordinalMatches !== right.ordinalMatches) return left.ordinalMatches > right.ordinalMatches;
  if (left.lineStarts !== right.lineStarts) return left.lineStarts > right.lineStarts;
  return left.distance < right.distance;
};

/**
 * Picks the backbone of the report's structure: sections in template order, each once, as many as
 * possible; among equal counts, ordinals that agree with the template, then headings on lines of
 * their own. A section the report moved is left out here and taken back by
 * {@link keepDisplacedHeadings}. Linear in the number of candidates (six running best chains).
 */
function chooseChain(candidates: readonly Candidate[]): Candidate[] {
  const bestEndingAt: (Chain | undefined)[] = SECTIONS.map(() => undefined);
  for (const candidate of candidates) {
    let before: Chain | undefined;
    for (let order = 0; order < candidate.order; order++) {
      if (better(bestEndingAt[order], before)) before = bestEndingAt[order];
    }
    const chain: Chain = {
      candidate,
      previous: before,
      count: (before?.count ?? 0) + 1,
      ordinalMatches: (before?.ordinalMatches ?? 0) + (candidate.ordinalMatches ? 1 : 0),
      lineStarts: (before?.lineStarts ?? 0) + (candidate.atLineStart ? 1 : 0),
      distance: (before?.distance ?? 0) + candidate.distance,
    };
    if (better(chain, bestEndingAt[candidate.order])) bestEndingAt[candidate.order] = chain;
  }
  let best: Chain | undefined;
  for (const chain of bestEndingAt) if (better(chain, best)) best = chain;
  const chosen: Candidate[] = [];
  for (let link = best; link; link = link.previous) chosen.push(link.candidate);
  return chosen.reverse();
}

/** Where the line holding `offset` ends (the line break, or the end of the text). */
const lineEndAfter = (text: string, offset: number): number => {
  const lineEnd = text.indexOf('\n', offset);
  return lineEnd < 0 ? text.length : lineEnd;
};

/**
 * Whether a heading is evidence enough to stand out of template order: first on a line of its own
 * making (no table bar before it), numbered with the template's own ordinal, worded as the catalog
 * writes it (one slip at most), and not the start of a table row — no longer row label, no cells
 * with values after it. Tables of contents are gone from the candidates by now.
 */
function isStrongHeading(text: string, candidate: Candidate): boolean {
  if (!candidate.atLineStart || !candidate.ordinalMatches || candidate.distance > MAX_EDITS_OUT_OF_ORDER) return false;
  for (let index = candidate.start - 1; index >= 0 && text[index] !== '\n'; index--) if (text[index] === '|') return false;
  const lineEnd = Math.min(lineEndAfter(text, candidate.start), candidate.start + MAX_ROW_LOOKAHEAD);
  // A value in a cell after the words: "| 0 |", "| — |".
  if (/[|\t] *[\d—/-]/u.test(text.slice(candidate.headingEnd, lineEnd))) return false;
  // A row label that the heading's wording does not cover ("行政复议" does not make "行政复议、行政诉讼情况" a row).
  const words = text.slice(afterOrdinalMark(text, candidate.start), lineEnd).replace(/\s/gu, '');
  return !tableLabelsOpening(words).some((label) => label.length > candidate.matchedLength && words.startsWith(label));
}

/**
 * The headings that make the report's structure, in text order: the chain of headings in template
 * order, and for a section the chain lacks — a heading the report moved elsewhere — its strongest
 * heading out of order ({@link isStrongHeading}). Each key once: a strong heading out of order also
 * replaces a weak one the chain took for the same section. Linear in the number of candidates.
 */
function keepDisplacedHeadings(text: string, candidates: readonly Candidate[], chain: readonly Candidate[]): Candidate[] {
  const kept = new Map<SectionKey, { candidate: Candidate; strong: boolean }>();
  for (const candidate of chain) kept.set(candidate.key, { candidate, strong: isStrongHeading(text, candidate) });
  const inChain = new Set(chain);
  let displaced = false;
  for (const candidate of candidates) {
    if (inChain.has(candidate)) continue;
    const current = kept.get(candidate.key);
    // The chain's strong heading stands; among strong ones out of order, the closest wording, then the first.
    if (current && current.strong && (inChain.has(current.candidate) || current.candidate.distance <= candidate.distance)) continue;
    if (!isStrongHeading(text, candidate)) continue;
    kept.set(candidate.key, { candidate, strong: true });
    displaced = true;
  }
  if (!displaced) return [...chain];
  return [...kept.values()].map(({ candidate }) => candidate).sort((left, right) => left.start - right.start);
}

interface NumberedLine {
  readonly start: number;
  readonly ordinal: number;
}

/**
 * Lines that are a numbered heading of their own but no section of the template (the pre-2019
 * "四、政府信息公开收费及减免情况"): they end the section before them. Table rows are excluded by the
 * catalog's row labels. Read from the ordinals that open a line ({@link findCandidates} found them
 * all: a numbered line's ordinal is followed by a mark or a space, see afterOrdinalMark), not from
 * every line of the text.
 */
function numberedLines(text: string, end: number, lineOpening: readonly number[]): NumberedLine[] {
  const lines: NumberedLine[] = [];
  for (const first of lineOpening) {
    if (first >= end) break;
    let lineEnd = text.indexOf('\n', first);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const ordinal = CHINESE_NUMERALS.indexOf(text[first] as string) + 1;
    if (ordinal > 0 && lineEnd - first <= 40) {
      const wordsStart = afterOrdinalMark(text, first);
      const words = wordsStart < 0 ? '' : text.slice(wordsStart, lineEnd).replace(/\s/gu, '');
      if (words.length >= 2 && /^[\u4e00-\u9fff]{2}/u.test(words) && !/[\d|]/u.test(words) && !tableLabelsOpening(words).some((label) => words.startsWith(label))) {
        lines.push({ start: first, ordinal });
      }
    }
  }
  return lines;
}

const SIGNATURE_DATE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/u;
// Words of the page around a report, on short lines after its last section: login and sharing
// links, report-abuse forms, print buttons, site footers.
const CHROME_WORDS =
  /登录|注册|举报|验证码|打印|关闭窗口|分享到|附件下载|上一篇|下一篇|扫一扫|版权所有|主办单位|承办单位|网站标识码|ICP|备案号|网站地图|联系我们|浏览次数|责任编辑|返回顶部|相关链接|【字体/u;
const CHROME_URL = /^\s*https?:\/\//u;
const MAX_CHROME_LINE = 40;
const MAX_CHROME_TAIL = 120;

// A short line with a word of page chrome — unless it is a row of a table ("1.信访举报投诉类申请").
function isChromeLine(line: string): boolean {
  if (line.length > MAX_CHROME_LINE || line.includes('。') || !CHROME_WORDS.test(line)) return false;
  const words = line.replace(/^[\s|/\d.、()一二三四五六七八九十]+/u, '').replace(/[\s|/]/gu, '');
  return !tableLabelsOpening(words).some((label) => words.startsWith(label));
}

/**
 * Where the report ends after its last heading: under the signature date when it has one, else
 * before the first line of page chrome, else at the end of the text.
 */
function findReportEnd(text: string, lastHeadingEnd: number): { end: number; signature?: SignatureLine } {
  let lineStart = text.indexOf('\n', lastHeadingEnd) + 1;
  let previousLine: { start: number; end: number } | undefined;
  let chromeStart: number | undefined;
  while (lineStart > 0 && lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (SIGNATURE_DATE.test(line)) {
      const leading = line.length - line.trimStart().length;
      const signature: SignatureLine = {
        start: lineStart + leading,
        end: lineStart + line.trimEnd().length,
        ...(previousLine ? { previousLineStart: previousLine.start, previousLineEnd: previousLine.end } : {}),
      };
      return { end: signature.end, signature };
    }
    const trimmed = line.trim();
    if (chromeStart === undefined && trimmed.length > 0 && (isChromeLine(trimmed) || CHROME_URL.test(trimmed))) {
      chromeStart = lineStart;
    }
    if (trimmed.length > 0) previousLine = { start: lineStart + (line.length - line.trimStart().length), end: lineStart + line.trimEnd().length };
    lineStart = lineEnd + 1;
  }
  if (chromeStart !== undefined) return { end: trimEnd(text, chromeStart) };
  // A report flattened onto one line may end in a button caption ("…情况。 附件下载").
  const tailStart = Math.max(lastHeadingEnd, text.length - MAX_CHROME_TAIL);
  const tail = text.slice(tailStart);
  const chrome = / (登录|注册|举报|打印|附件下载|分享到|上一篇|下一篇|关闭窗口)/u.exec(tail);
  if (chrome && !tail.slice(chrome.index).includes('。')) return { end: trimEnd(text, tailStart + chrome.index) };
  return { end: trimEnd(text, text.length) };
}

const trimEnd = (text: string, end: number): number => {
  let index = end;
  while (index > 0 && /\s/u.test(text[index - 1] as string)) index--;
  return index;
};

/**
 * Finds the report's sections in the normalized text: numbered headings that match a catalog
 * wording (typos of long wordings tolerated), not numbered table rows, not a table of contents;
 * headings in template order, and a strong heading out of order where the report moved a section.
 * In text order, each section runs to the next heading — or to a numbered heading the template does
 * not have — and the last one to the end of the report, before trailing page chrome.
 */
export function findSections(source: SourceText): ReportStructure {
  const text = source.text;
  const { candidates, lineOpening } = findCandidates(text);
  const chosen = keepDisplacedHeadings(text, candidates, chooseChain(candidates));
  const last = chosen[chosen.length - 1];
  const ending = last ? findReportEnd(text, last.headingEnd) : { end: trimEnd(text, text.length) };
  const reportEnd = Math.max(ending.end, last?.headingEnd ?? 0);
  const boundaries = chosen.length > 0 ? numberedLines(text, reportEnd, lineOpening) : [];
  const sections = chosen.map((candidate, index): FoundSection => {
    const next = chosen[index + 1];
    let end = next ? next.start : reportEnd;
    // After the last heading, or before one the report moved back, only the ordinal that follows
    // this one's ends it ("四、政府信息公开收费及减免情况" after "三、…").
    const nextOrdinal = next && next.writtenOrdinal > candidate.writtenOrdinal ? next.writtenOrdinal : candidate.writtenOrdinal + 2;
    const boundary = boundaries.find(
      (line) => line.start >= candidate.headingEnd && line.start < end && line.ordinal > candidate.writtenOrdinal && line.ordinal < nextOrdinal,
    );
    if (boundary) end = trimEnd(text, boundary.start);
    return { key: candidate.key, start: candidate.start, end: Math.max(end, candidate.headingEnd), headingEnd: candidate.headingEnd, writtenOrdinal: candidate.writtenOrdinal };
  });
  return { sections, reportEnd, ...(ending.signature ? { signature: ending.signature } : {}) };
}

/** The sections as the typed report records them: heading as written in the original, with spans. */
export function toReportSections(source: SourceText, structure: ReportStructure): Section[] {
  return structure.sections.map((section) => {
    const headingSpan = source.span(section.start, section.headingEnd);
    return {
      key: section.key,
      heading: source.written(section.start, section.headingEnd).trim(),
      headingSpan,
      span: source.span(section.start, section.end),
    };
  });
}
