/**
 * The table reader's tokenizer: a region of the normalized text becomes a flat list of text and
 * value tokens, each remembering what separated it from the token before (cell bars, tabs, line
 * breaks, or nothing at all when digits run into a label). Layouts differ only in those gaps, so
 * everything after this stage reads every layout the same way.
 *
 * @packageDocumentation
 */
import { CHINESE_NUMERALS, isHan } from '../source.js';

/** What a token holds: words of a label or heading, or one value written in a cell. */
export type TokenKind = 'text' | 'value';

/** One token of a table region, with the gap that precedes it. */
export interface Token {
  /** Text (label words) or a value (a number, a blank mark such as `—`, or a malformed number such as `251000元`). */
  kind: TokenKind;
  /** Offset of the first character in the normalized text. */
  readonly start: number;
  /** Offset just past the last character in the normalized text. */
  readonly end: number;
  /** Cell bars (`|`) and tabs in the gap before the token. */
  readonly bars: number;
  /** Bars and tabs after the gap's last line break (all of them when the gap has none). */
  readonly barsAfterBreak: number;
  /** True when the gap before the token holds a line break (or a skipped page-number line). */
  readonly lineBreak: boolean;
  /** True when nothing separates the token from the one before: both come from one run of characters. */
  readonly glued: boolean;
  /** Line of the token, counted from the region's first line (0). */
  readonly line: number;
  /** True when the token is part of a sentence (narrative ending in 。), not of a table. */
  prose: boolean;
}

// Characters that separate words. `?` and U+FFFD are replacement residue of bad conversions
// ("? 0"), never part of a label or a value.
const isGap = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 124 || code === 63 || code === 0xfffd;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

// A whole word that is a value: a plain or decimal number (possibly malformed: "2,821", "-1"),
// a number with a unit written into the cell ("251000元"), or a change written in words ("减4").
const NUMBER_WORD = /^(?:减|增|约|共)?[+-]?\d+(?:[.,]\d+)*(?:万元|元|万|件|条|个|次|份|项|人|户|%)?$/;
// An ordinal mark standing alone before a label that a space separates from it ("2. 其他法律…").
const MARKER_WORD = /^\d{1,2}[.、]$/;
// A header cell that only numbers a column ("数据1", "列3": OCR and conversion tools write them): a
// word of a header, its digits no value.
const PLACEHOLDER_WORD = /^(?:数据|列|栏|字段)\d{1,2}$/u;
// The rule under a markdown header ("|---|:---:|"): no cell, no label.
const MARKDOWN_RULE = /^:?-{3,}:?$/u;
// Marks that stand for an empty cell.
const BLANK_WORDS = new Set(['-', '--', '—', '——', '–', '/', '//', '无', '空']);
// The first characters of the blank marks.
const BLANK_OPENINGS = new Set(Array.from(BLANK_WORDS, (word) => word.charCodeAt(0)));
// Blank marks that are also characters of labels ("（四）无 法提供" broken by a space).
const HAN_BLANK_WORDS = new Set(['无', '空']);
// A page-number line inside a PDF extraction ("- 3 -", "第 3 页", "第3页 共9页").
// The separator before 共 is `[ \t]*(?:[,/][ \t]*)?`, not `[ \t]*[,/]?[ \t]*`: two runs of the same
// blanks side by side split a long run every way before failing, quadratic in its length.
const PAGE_MARKER = /[ \t]*(?:[-—–][ \t]*\d{1,4}[ \t]*[-—–]|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*(?:[,/][ \t]*)?共[ \t]*\d{1,4}[ \t]*页)?)[ \t]*(?=\n|$)/y;

/** Whether a line is a page marker alone ("- 5 -", "第 4 页 共 9 页"), as the tokenizer skips one. */
export function isPageMarkerLine(line: string): boolean {
  PAGE_MARKER.lastIndex = 0;
  return PAGE_MARKER.test(line);
}

/** Whether a value token's text is a blank mark (`—`, `/`, `无` …) rather than a number. */
export function isBlankMark(text: string): boolean {
  return BLANK_WORDS.has(text);
}

/**
 * Splits the normalized text between `start` and `end` into tokens. Linear in the length of the
 * range; never throws. Stops after `maxTokens` tokens (the reader bounds its work on hostile text so).
 */
export function tokenize(text: string, start: number, end: number, maxTokens = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  const hanBlanks: number[] = [];
  // Where sentences may start (line starts, numbered headings) and where they end (。 ; !).
  const sentenceStarts: number[] = [];
  const sentenceEnds: number[] = [];
  let bars = 0;
  let barsAfterBreak = 0;
  // The end of the last run of marks measured inside a word, and whether it was stray punctuation.
  let markRunEnd = -1;
  let markRunStray = false;
  let marksStart = -1;
  let lineBreak = false;
  let line = 0;
  let index = Math.max(0, start);
  const limit = Math.min(text.length, end);

  const push = (kind: TokenKind, from: number, to: number, glued: boolean): void => {
    tokens.push({ kind, start: from, end: to, bars, barsAfterBreak, lineBreak, glued, line, prose: false });
    bars = 0;
    barsAfterBreak = 0;
    lineBreak = false;
  };
  const skipPageMarker = (at: number): number => {
    let first = at;
    while (first < limit && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    if (!isPageMarkerStart(text.charCodeAt(first))) return at;
    PAGE_MARKER.lastIndex = at;
    const match = PAGE_MARKER.exec(text);
    return match && at + match[0].length <= limit ? at + match[0].length : at;
  };

  sentenceStarts.push(index);
  index = skipPageMarker(index);
  while (index < limit && tokens.length < maxTokens) {
    const code = text.charCodeAt(index);
    if (code === 10) {
      lineBreak = true;
      barsAfterBreak = 0;
      line++;
      sentenceStarts.push(index + 1);
      index = skipPageMarker(index + 1);
      continue;
    }
    if (isGap(code)) {
      if (code === 124 || code === 9) {
        bars++;
        barsAfterBreak++;
      }
      index++;
      continue;
    }
    // A stray sentence mark leading a cell's number (" ;61"): the number is the cell's, the mark neither
    // a label nor the end of a sentence, so the row's values before it stay the row's.
    if (isSentenceMark(code) && index + 1 < limit && isDigit(text.charCodeAt(index + 1))) {
      let digitsEnd = index + 1;
      while (digitsEnd < limit && isDigit(text.charCodeAt(digitsEnd))) digitsEnd++;
      if (digitsEnd >= limit || isGap(text.charCodeAt(digitsEnd))) {
        index++;
        continue;
      }
    }
    let wordEnd = index;
    let hasDigit = false;
    // Plain digits, possibly with a decimal point: the commonest word in a table, read without a regex.
    let plainNumber = true;
    // Whether a run of stray marks was written into this word before the mark at hand.
    let strayRunInWord = false;
    while (wordEnd < limit) {
      const wordCode = text.charCodeAt(wordEnd);
      if (isGap(wordCode)) break;
      if (wordCode >= 48 && wordCode <= 57) {
        hasDigit = true;
      } else {
        if (wordCode !== 46 || wordEnd === index) plainNumber = false;
        // A mark between two digits ("1!03"), or between a date's digits and its dash ("2024-03!-05"), is a
        // stray mark inside a number, no end of a sentence; nor is a mark in a run of marks inside a word
        // ("商!!!!业", "8212;,821数"): narrative ends in one mark.
        if (isSentenceMark(wordCode) && !(wordEnd > index && isDigit(text.charCodeAt(wordEnd - 1)) && isInNumber(text.charCodeAt(wordEnd + 1)))) {
          // Each run is measured once, at its first mark: linear on a run of any length.
          if (wordEnd >= markRunEnd) {
            markRunEnd = markRunEndAt(text, wordEnd, limit);
            markRunStray = isStrayMarkRun(text, index, wordEnd, markRunEnd, limit);
            if (markRunStray) strayRunInWord = true;
            // A stray run right after a number's digits ("0。。。。万元。。。。") ends the number, as one mark
            // does ("0。全方位…"): a sentence the words after the run end starts after the run, and the
            // number before it (a cell's value) is none of that sentence's.
            if (markRunStray && followsDigits(text, index, wordEnd)) sentenceStarts.push(markRunEnd);
          }
          // Nor does a ; or ! later in a word that a run of stray marks was written into ("0!!!!无无无!!!!",
          // "2 ;;;;件件件;;;;"): the word is a cell's value or a label written over, not a clause of narrative.
          if (!markRunStray && !(strayRunInWord && wordCode !== 0x3002)) sentenceEnds.push(wordEnd);
        }
        else if (wordCode === 0x3001 && wordEnd > index && CHINESE_NUMERALS.includes(text.charAt(wordEnd - 1))) sentenceStarts.push(wordEnd - 1);
      }
      wordEnd++;
    }
    const last = text.charCodeAt(wordEnd - 1);
    if (plainNumber && last !== 46) {
      push('value', index, wordEnd, false);
    } else if (!hasDigit && (code === 45 || code === 58) && MARKDOWN_RULE.test(text.slice(index, wordEnd))) {
      // Skipped like a gap: the bars around it still count. (A rule opens with - or :, so a label's
      // words are not sliced to be asked.)
    } else if (wordEnd - index > 1 && (isSentenceMark(last) || last === 44) && (marksStart = strayMarksStart(text, index, wordEnd)) > index && isPlainNumber(text, index, marksStart, true)) {
      // A stray sentence mark after a cell's number ("16。", "96171.6;"), or a run of them ("2。。。。", "0!,;"):
      // the number is the cell's, the marks no label.
      push('value', index, marksStart, false);
    } else if (!hasDigit) {
      // Only a short word opening as a blank mark does is sliced to be looked up: most words are labels.
      const short = wordEnd - index <= 2 && BLANK_OPENINGS.has(code) ? text.slice(index, wordEnd) : '';
      const blank = BLANK_WORDS.has(short);
      if (blank && HAN_BLANK_WORDS.has(short)) hanBlanks.push(tokens.length);
      push(blank ? 'value' : 'text', index, wordEnd, false);
    } else {
      const word = text.slice(index, wordEnd);
      if (NUMBER_WORD.test(word)) push('value', index, wordEnd, false);
      else if (MARKER_WORD.test(word) || PLACEHOLDER_WORD.test(word)) push('text', index, wordEnd, false);
      else splitMixedWord(text, index, wordEnd, push);
    }
    index = wordEnd;
  }
  // A Han blank mark between two label words, with only spaces around it, is part of the label.
  for (const at of hanBlanks) {
    const token = tokens[at];
    const before = tokens[at - 1];
    const after = tokens[at + 1];
    if (!token || !before || !after || before.kind !== 'text' || after.kind !== 'text') continue;
    const delimited = (t: Token): boolean => t.bars > 0 || t.lineBreak;
    if (!delimited(token) && !delimited(after)) token.kind = 'text';
  }
  if (sentenceEnds.length > 0) markProse(tokens, text, sentenceStarts, sentenceEnds);
  return tokens;
}

/**
 * Where the run of marks (。 ; ! ,) that ends the word `start`–`end` begins, when one of them at
 * least is a sentence mark; -1 otherwise (a comma alone after a number stays a word).
 */
function strayMarksStart(text: string, start: number, end: number): number {
  let at = end;
  let sentenceMark = false;
  while (at > start) {
    const code = text.charCodeAt(at - 1);
    if (isSentenceMark(code)) sentenceMark = true;
    else if (code !== 44) break;
    at--;
  }
  return sentenceMark ? at : -1;
}

// What follows a digit inside a number or a date ("1!03", "2024-03!-05"): a digit, or a date's dash or slash.
const isInNumber = (code: number): boolean => isDigit(code) || code === 45 || code === 47;
const isSentenceMark = (code: number): boolean => code === 0x3002 || code === 59 || code === 33;
// The marks a run of stray punctuation is made of: sentence marks, commas, points.
const isRunMark = (code: number): boolean => isSentenceMark(code) || code === 44 || code === 46;

/** Offset just past the run of marks (。 ; ! , .) that starts at `at`. */
function markRunEndAt(text: string, at: number, limit: number): number {
  let end = at;
  while (end < limit && isRunMark(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Whether the run of marks from `at` to `runEnd`, inside the word that starts at `wordStart`, is
 * stray punctuation written into a label or a value ("商!!!!业", "8212;,821数"): two marks or more,
 * with word characters after them. Narrative ends in one mark, or in marks that end the word.
 */
function isStrayMarkRun(text: string, wordStart: number, at: number, runEnd: number, limit: number): boolean {
  const markBefore = at > wordStart && isRunMark(text.charCodeAt(at - 1));
  return (markBefore || runEnd - at >= 2) && runEnd < limit && !isGap(text.charCodeAt(runEnd));
}

/** Whether the run of marks holding `at` (inside the word that starts at `wordStart`) comes right after a digit. */
function followsDigits(text: string, wordStart: number, at: number): boolean {
  let from = at;
  while (from > wordStart && isRunMark(text.charCodeAt(from - 1))) from--;
  return from > wordStart && isDigit(text.charCodeAt(from - 1));
}

// What a page-number line starts with: - — – 第 (asked at every line start, so compared directly).
const isPageMarkerStart = (code: number): boolean => code === 0x2d || code === 0x2014 || code === 0x2013 || code === 0x7b2c;

/**
 * Marks the tokens that belong to sentences. Labels never end in 。, so a stretch of text that
 * does — back to the previous sentence end, line break or numbered heading — is narrative, and
 * the numbers in it ("其中,予以公开2件,…。") are not the table's.
 */
function markProse(tokens: Token[], text: string, sentenceStarts: readonly number[], sentenceEnds: readonly number[]): void {
  let next = 0;
  let startIndex = 0;
  let previousEnd = -1;
  for (const end of sentenceEnds) {
    while (startIndex + 1 < sentenceStarts.length && (sentenceStarts[startIndex + 1] as number) <= end) startIndex++;
    const sentenceStart = Math.max(previousEnd + 1, sentenceStarts[startIndex] ?? 0);
    // A sentence lies within one cell (it starts after the last bar or tab before its end) and has
    // words: a stray mark after a number ("16。", "规章 | 0。") leaves the cells cells.
    let first = next;
    let words = false;
    while (next < tokens.length && (tokens[next] as Token).start <= end) {
      const token = tokens[next] as Token;
      if (token.bars > 0 && next > first) {
        first = next;
        words = false;
      }
      // Only the token's words up to the mark are this sentence's: in "0。全方位提升…" the words after the
      // 。 open the next sentence, and the 0 before it stays a cell's value.
      if (token.end > sentenceStart && token.kind === 'text' && !words) words = holdsWords(text, Math.max(token.start, sentenceStart), Math.min(token.end, end + 1));
      next++;
    }
    // A row whose last value has a stray mark ("3、其他 108 2 0 0 0 0 110!"): values side by side
    // up to the mark are a table row's, not a sentence's (narrative ends in words: "…2件。").
    // So is a row whose values a run of marks follows ("… 0 0 0 0 0 ;;;;;"): marks alone are no words.
    let lastAt = next - 1;
    while (lastAt > first && (tokens[lastAt] as Token).kind === 'text' && isMarksOnly(text, (tokens[lastAt] as Token).start, (tokens[lastAt] as Token).end)) lastAt--;
    const lastToken = tokens[lastAt];
    const beforeLast = tokens[lastAt - 1];
    const marksAfter = lastAt < next - 1;
    if (words && lastAt - 1 >= first && lastToken?.kind === 'value' && (marksAfter || lastToken.end === end) && beforeLast?.kind === 'value' && !lastToken.glued) words = false;
    // A label and its values, nothing after them but the mark ("行政事业性收费 96171.6;"): a row too.
    let opening = first;
    while (opening < lastAt && (tokens[opening] as Token).end <= sentenceStart) opening++;
    if (words && lastToken?.kind === 'value' && !lastToken.glued && (marksAfter || lastToken.end === end) && onlyValuesAfterWords(tokens, opening, lastAt)) words = false;
    // A stretch that ends in ; or ! and holds values side by side ("2.其他… 0 0 0 0 0 0 0第 3 页; 共"): a
    // row and what was written after it, not narrative, which writes a number with its unit ("2件;").
    if (words && text.charCodeAt(end) !== 0x3002 && holdsValuesSideBySide(tokens, opening, next)) words = false;
    // A stretch ending in ; or ! with a bare number apart from the words on both sides ("一、本年新收…数量 21
    // 行政复议…行!政复议…"): a row's label and first value, words written after them, not narrative, which
    // writes a count with its unit ("受理 21 件;") and a year with its 年.
    if (words && text.charCodeAt(end) !== 0x3002 && holdsBareValueBetweenWords(tokens, text, opening, next)) words = false;
    // A word that runs on past the mark, in a stretch that is no sentence, is read again with the next one.
    const runsOn = next - 1 > first && (tokens[next - 1] as Token).end > end + 1;
    if (words) {
      // A value opening a cell (a bar before it), run into the words after it ("| 0本年新收…;") or a
      // space before them ("| 0 本年!度办理结果"), is the last value of a row run into the next label:
      // narrative ending in ; or ! does not begin a cell with a bare number (a year, "2024年…", is a
      // date, and a count apart from its unit, "16 件…", a quantity: both stay the sentence's).
      const opener = tokens[opening] as Token | undefined;
      const after = tokens[opening + 1];
      const wordsAfter = after !== undefined && (after.glued || (after.kind === 'text' && after.bars === 0 && !after.lineBreak && !COUNTING_UNIT.test(text.charAt(after.start))));
      const keep =
        opener !== undefined && opener.kind === 'value' && opener.bars > 0 && wordsAfter && !DATE_UNIT.test(text.charAt(after.start)) && text.charCodeAt(end) !== 0x3002 ? opening : -1;
      for (let index = first; index < next; index++) {
        const token = tokens[index] as Token;
        if (token.end > sentenceStart && index !== keep) token.prose = true;
      }
    } else if (runsOn) next--;
    previousEnd = end;
  }
}

/**
 * Whether a token after `from` and before `to` is a plain number with words before and after it, a
 * blank on each side (no line break after it), the words after opening with no unit of a count or a date.
 */
const holdsBareValueBetweenWords = (tokens: readonly Token[], text: string, from: number, to: number): boolean => {
  for (let index = from + 1; index + 1 < to; index++) {
    const token = tokens[index] as Token;
    const before = tokens[index - 1] as Token;
    const after = tokens[index + 1] as Token;
    if (token.kind !== 'value' || token.glued || before.kind !== 'text' || after.kind !== 'text' || after.glued || after.bars > 0 || after.lineBreak) continue;
    const unit = text.charAt(after.start);
    if (!COUNTING_UNIT.test(unit) && !DATE_UNIT.test(unit) && isPlainNumber(text, token.start, token.end, true)) return true;
  }
  return false;
};

/** Whether the tokens `first`–`last` are words, then values only (at least one of each). */
const onlyValuesAfterWords = (tokens: readonly Token[], first: number, last: number): boolean => {
  let at = last;
  while (at >= first && (tokens[at] as Token).kind === 'value') at--;
  if (at === last || at < first) return false;
  for (let index = first; index <= at; index++) if ((tokens[index] as Token).kind !== 'text') return false;
  return true;
};

// What follows the digits of a date ("2024年", "3月").
const DATE_UNIT = /[年月日]/u;
// What follows a count in narrative ("16 件", "3 个部门"): units of a quantity, no row label's first word.
const COUNTING_UNIT = /[个件条次项篇期场家人户元万%]/u;

/** Whether two values stand side by side, apart from any word, among the tokens `from` up to `to`. */
const holdsValuesSideBySide = (tokens: readonly Token[], from: number, to: number): boolean => {
  for (let index = from + 1; index < to; index++) {
    const token = tokens[index] as Token;
    const before = tokens[index - 1] as Token;
    if (token.kind === 'value' && before.kind === 'value' && !token.glued && !before.glued) return true;
  }
  return false;
};

/** Whether a word is sentence marks only (";;;;", "!!", "。"). */
const isMarksOnly = (text: string, start: number, end: number): boolean => {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x3002 && code !== 59 && code !== 33) return false;
  }
  return end > start;
};

/** Whether `start`–`end` is digits only, or (with `decimal`) digits with one point between digits. */
const isPlainNumber = (text: string, start: number, end: number, decimal = false): boolean => {
  let point = false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (isDigit(code)) continue;
    if (!decimal || code !== 46 || point || index === start || index === end - 1) return false;
    point = true;
  }
  return true;
};

/**
 * Whether `start`–`end` holds words: Han characters, other than one unit of a count written over and
 * over ("0件件件…;件件…", #1460986: a row's first value, its unit repeated hundreds of times where the tab
 * after it was). Narrative writes a count's unit once ("2件;"); a unit repeated is no word of a sentence.
 */
const holdsWords = (text: string, start: number, end: number): boolean => {
  let unit = -1;
  let repeated = false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (!isHan(code)) continue;
    if (unit < 0) {
      if (!COUNTING_UNIT.test(text.charAt(index))) return true;
      unit = code;
    } else if (code !== unit) return true;
    else repeated = true;
  }
  return unit >= 0 && !repeated;
};

/** Whether three digits start at `at` (before `end`): a thousands group after a comma ("2,821", also run into more digits: "2,8212,821"). */
const isThousandsGroup = (text: string, at: number, end: number): boolean =>
  at + 3 <= end && isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2));

/**
 * Splits a word that mixes digits and other characters: label words with the values glued to
 * them ("申请数量640020470二、…"), where the last digit before `.` + a Han character is the next
 * row's ordinal mark ("00000002.其他法律…"), and a digit in parentheses is part of the label. A
 * number with thousands groups is one value ("件2,821", "件2,8212,821…" repeated: one value, one
 * finding, where the groups cut apart made one finding of each piece).
 */
function splitMixedWord(text: string, start: number, end: number, push: (kind: TokenKind, from: number, to: number, glued: boolean) => void): void {
  let textStart = start;
  let first = true;
  let index = start;
  const emit = (kind: TokenKind, from: number, to: number): void => {
    if (to <= from) return;
    push(kind, from, to, !first);
    first = false;
  };
  while (index < end) {
    if (!isDigit(text.charCodeAt(index))) {
      index++;
      continue;
    }
    let runEnd = index + 1;
    while (runEnd < end) {
      const code = text.charCodeAt(runEnd);
      if (isDigit(code) || (code === 46 && runEnd + 1 < end && isDigit(text.charCodeAt(runEnd + 1))) || (code === 44 && isThousandsGroup(text, runEnd + 1, end))) runEnd++;
      else break;
    }
    const next = text.charCodeAt(runEnd);
    const afterNext = text.charCodeAt(runEnd + 1);
    const beforeRun = index > start ? text.charCodeAt(index - 1) : -1;
    const isMarker = runEnd + 1 < end && (next === 46 || next === 0x3001) && (isHan(afterNext) || afterNext === 40);
    if (beforeRun === 40 && next === 41) {
      // "(1)": an ordinal inside parentheses belongs to the label.
    } else if (isMarker) {
      if (runEnd - index > 1) {
        emit('text', textStart, index);
        emit('value', index, runEnd - 1);
        textStart = runEnd - 1;
      }
    } else {
      emit('text', textStart, index);
      emit('value', index, runEnd);
      textStart = runEnd;
    }
    index = runEnd;
  }
  emit('text', textStart, end);
}
