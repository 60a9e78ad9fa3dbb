/**
 * The narrative-fact reader: the counts a report's text states that its tables can confirm
 * (applications received, normative documents, review and litigation cases) and whether
 * 信息处理费 were collected — each read from what its sentence says, with its span.
 *
 * @packageDocumentation
 */
import {
  ACTIVE_DISCLOSURE_TABLE,
  APPLICATIONS_TABLE,
  APPLICATIONS_TABLE_2019,
  APPLICATION_COUNT_WORDINGS,
  CHINESE_DIGITS,
  CHINESE_TEN,
  NARRATIVE_VOCABULARY as WORDS,
  REVIEWS_TABLE,
} from '../catalog/index.js';
import type { NarrativeCountKind } from '../catalog/index.js';
import type { TableDefinition } from '../catalog/index.js';
import type { CountFactKind, Fact } from '../model/index.js';
import type { ReportStructure } from './sections.js';
import { normalize } from './source.js';
import { compactOf } from './compact.js';
import { memoized } from './grids/memo.js';
import type { CompactText } from './compact.js';
import type { SourceText } from './source.js';

/** What the reader knows of the report beyond its sentences, to tell the report's own counts from others. */
export interface FactContext {
  /** The reporting year: a count the text states for another year ("2023年共受理…") is not this report's. */
  readonly year?: number;
  /** The publishing agency as named by the report: a government's report holds no count of one of its offices. */
  readonly agency?: string;
}


// A clause's characters: no clause punctuation, no digit, no table mark. Bounded repeats keep every
// pattern linear.
const CLAUSE_MARKS = ',;:!?。|';
const C = `[^${CLAUSE_MARKS}\\d]`;
const CLAUSE_END = new RegExp(`[${CLAUSE_MARKS}]`, 'u');
const CLAUSE_MARK_CODES = new Set(Array.from(CLAUSE_MARKS, (mark) => mark.charCodeAt(0)));
/** Whether a character code is one {@link C} stands for (a digit, as `\d` without the `u` flag, is not). */
const inClause = (code: number): boolean => !(code >= 0x30 && code <= 0x39) && !CLAUSE_MARK_CODES.has(code);
const SENTENCE_END = '。';
const LOOK_BACK = 40;
const CONTEXT = 200;
// How far after an application's 申请 its clause is read for what the 申请 belongs to.
const LOOK_AHEAD = 20;

// ── The catalog's words, as they stand in the compact text ──────────────────────────────
// Table labels come from the catalog alone: built once here, escaped, longest first.

/** A catalog label as the compact text holds it: normalized like a report, without whitespace. */
const asCompact = (label: string): string => normalize(label).text.replace(/\s/gu, '');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** An alternation of the words, longest first, so that a label wins over the label it contains. */
const anyOf = (words: Iterable<string>): string =>
  [...new Set([...words].filter((word) => word.length > 0))]
    .sort((left, right) => right.length - left.length)
    .map(escapeRegExp)
    .join('|');

// A count as a report writes it: digits, or a Chinese numeral of the catalog ("两", "十二"), not
// after a character that makes it no count ("第一", "数十").
const NUMERALS = [...Object.keys(CHINESE_DIGITS), CHINESE_TEN].join('');
const NUMBER = `(?<![${WORDS.notACountBefore.join('')}])(\\d{1,9}|[${NUMERALS}]{1,3})`;
const UNITS = `(?:${anyOf(WORDS.countUnits)})`;
const DOCUMENT_UNITS = `(?:${anyOf(WORDS.documentUnits)})`;
const CASE_UNITS = `(?:${anyOf(WORDS.caseUnits)})`;

/** The compact label of the catalog entry `key`; the catalog is static, so a missing key is a defect of this module. */
function catalogLabel(entries: readonly { readonly key: string; readonly label: string }[], key: string): string {
  const entry = entries.find((candidate) => candidate.key === key);
  if (!entry) throw new Error(`catalog entry ${key} is missing`);
  return asCompact(entry.label);
}

/** Every label and alias of a table: its rows, row groups and columns. */
function labelsOf(table: TableDefinition): string[] {
  const labels: string[] = [];
  for (const group of table.groups) labels.push(group.label);
  for (const row of table.rows) {
    labels.push(row.label, ...(row.aliases ?? []));
    for (const column of row.columns) labels.push(column.label, ...(column.aliases ?? []));
  }
  return labels.map(asCompact);
}

// 行政复议 and 行政诉讼 as table 四 names them; a list that began with the one names the other by its
// own word alone ("行政复议、诉讼"), the prefix they share left out.
const REVIEW = catalogLabel(REVIEWS_TABLE.rows, 'review');
const LITIGATION = catalogLabel(REVIEWS_TABLE.groups, 'litigation');
const sharedPrefixLength = (left: string, right: string): number => {
  let length = 0;
  while (length < left.length && left[length] === right[length]) length++;
  return length;
};
const CASE_PREFIX_LENGTH = sharedPrefixLength(REVIEW, LITIGATION);
const REVIEW_WORD = REVIEW.slice(CASE_PREFIX_LENGTH);
const LITIGATION_WORD = LITIGATION.slice(CASE_PREFIX_LENGTH);

// The shortest name of the normative-documents row ("规范性文件"): the longer ones end with it.
const NORMATIVE_DOCUMENTS = (() => {
  const row = ACTIVE_DISCLOSURE_TABLE.rows.find((candidate) => candidate.key === 'normativeDocuments');
  if (!row) throw new Error('catalog entry normativeDocuments is missing');
  return [row.label, ...row.aliases].map(asCompact).reduce((shortest, name) => (name.length < shortest.length ? name : shortest));
})();

// The labels of the tables of 申请 and of 复议/诉讼 (both formats), without the case names themselves:
// one of them between a negation and a case name marks a flattened table, not a sentence.
const TABLE_LABELS = [...labelsOf(APPLICATIONS_TABLE), ...labelsOf(APPLICATIONS_TABLE_2019), ...labelsOf(REVIEWS_TABLE)].filter(
  (label) => label !== REVIEW && label !== LITIGATION,
);
const TABLE_WORDS = new RegExp(anyOf(TABLE_LABELS), 'u');

// The negations that deny cases, and the words that follow one inside a table label ("未经复议直接起诉",
// "尚未审结", "无法提供", "申请人逾期未按收费…"): there the negation is a heading's, not the report's.
const CASE_NEGATIONS = WORDS.caseNegations;
const NEGATED_LABEL_WORD = 2;
const labelWordsAfterNegation = TABLE_LABELS.flatMap((label) =>
  CASE_NEGATIONS.flatMap((negation) => {
    const words: string[] = [];
    for (let at = label.indexOf(negation); at >= 0; at = label.indexOf(negation, at + 1)) {
      words.push(label.slice(at + negation.length, at + negation.length + NEGATED_LABEL_WORD));
    }
    return words;
  }),
);

// ── The sentences ────────────────────────────────────────────────────────────────────────

// Words that make an "申请" something else than an application for disclosure, or the count not this year's.
const NOT_AN_APPLICATION = new RegExp(anyOf([REVIEW_WORD, LITIGATION_WORD, ...WORDS.notAnApplication]), 'u');
// What may follow the 申请 of "未收到…申请": the clause's end or the application's own words, not a
// noun the 申请 qualifies ("申请的行政复议", "申请人").
const NOT_THE_APPLICATION_ITSELF = /^(?:人|者|的(?!情况|情形))/u;
const NOT_THIS_YEAR = new RegExp(anyOf(WORDS.notThisYear), 'u');
const NEGATION_BEFORE = /未|没有|无|不/u;
const DISCLOSURE_CONTEXT = new RegExp(anyOf(WORDS.disclosureContext), 'u');
// A year the sentence names for what follows: "2023年,共受理…". Not a year compared with ("与2023年相比")
// nor one inside a title ("《2023年…要点》").
const NAMED_YEAR = /(?<!\d)(\d{4})年(?!以来|相比|同比|比)/gu;
const BOOK_TITLE = /《[^《》]{0,80}》/gu;

// Who a count is stated for. Counted by someone acting for the agency ("区政府办代表区政府受理"), or by
// one of a government's offices or towns, a count is not the government's own.
const ON_BEHALF = /代表/u;
const LEADING_TIME = /^(?:(?<!\d)\d{4}年度?|本年度|本年|今年|全年|年内|年度内|当年|目前)+/u;
// redos-bound: applied to a clause of at most LOOK_BACK characters (clauseBefore); worst case in test/hardening/redos-bounds.test.ts
const TRAILING_ADVERBS = /(?:全年|年内|共计|总共|共|已)+$/u;
const SELF_OR_WHOLE = /^(?:我|本|全|该)/u;
const UNIT_NAME = /^.{1,16}(?:办公厅|办公室|办事处|委员会|部门|街道|中心|办|局|委|厅|所|站|科|处|镇|乡)$/u;
const GOVERNMENT = /政府$/u;

// redos-bound: the words between verb and number are at most 24 characters, so each start tries at most 24 × 9; worst case in test/hardening/redos-bounds.test.ts
const APPLICATIONS_COUNT_AFTER = new RegExp(`(?:共|总共)?(?:${anyOf(WORDS.receivedVerbs)})(?:了)?(${C}{0,24}?)${NUMBER}${UNITS}`, 'g');
const APPLICATIONS_COUNT_BEFORE = new RegExp(`(?:共|总共)?(?:${anyOf(WORDS.receivedVerbsBefore)})(?:了|共|总计)?${NUMBER}${UNITS}(${C}{0,16}?)申请`, 'g');
const APPLICATIONS_NONE = new RegExp(`(?:${anyOf(WORDS.applicationNegations)})(?:${anyOf(WORDS.receivedVerbsDenied)})(?:过|到|任何)?(${C}{0,24})申请`, 'g');
// After the last 申请 of "共受理政府信息依申请公开7件" only these words may stand before the number.
const AFTER_APPLICATION = /^(?:公开|政府信息)*(?:共计|总计|合计|共|数量为|数量|为)?$/u;

// "共收到70件申请,及时依法依规办结69件,1件结转下年度继续办理": what became of the applications, in the
// sentence that counts them (its 申请 before the count; no 建议, 提案, 来信 or 案件 in it).
const CONCLUDED_PATTERN = new RegExp(`(?:${anyOf(WORDS.concludedVerbs)})(?:了|共)?${NUMBER}${UNITS}`, 'g');
// "1件结转下年度", "结转下年度继续办理1件", and after 办结 "结转1件" (never "上年结转2件": those came in).
const CARRIED_FORWARD_PATTERN = new RegExp(
  `(?:${NUMBER}${UNITS}(?:申请)?结转(?:至|到)?下(?:一)?年度?|(?<!上年|上一年|上年度|去年)结转(?:至|到)?(?:下(?:一)?年度?)?(?:继续办理)?(?:的)?(?:申请)?${NUMBER}${UNITS})`,
  'g',
);
const NOT_APPLICATIONS_SENTENCE = new RegExp(anyOf(WORDS.notAboutApplications), 'u');
// "其中，予以公开2件，部分公开2件": the outcomes and applicants counted, by the catalog's wordings.
const KIND_OF_WORDING = new Map<string, NarrativeCountKind>(APPLICATION_COUNT_WORDINGS.flatMap(({ kind, words }) => words.map((word) => [word, kind] as const)));
const APPLICATION_COUNTS = new RegExp(`(${anyOf(KIND_OF_WORDING.keys())})(?:的)?(?:申请)?(?:共计|共|为)?${NUMBER}${UNITS}`, 'g');
// A sentence that goes on from the one before ("其中，…"): the sentence before says what it counts.
const GOES_ON = /^(?:其中|这些申请中|上述申请中)/u;

const DOCUMENTS = escapeRegExp(NORMATIVE_DOCUMENTS);
const DOCUMENT_VERBS = anyOf(WORDS.documentVerbs);
const ISSUED_AFTER = new RegExp(`(?:新)?(?:${DOCUMENT_VERBS})(?:[、和及并]?修订)?(?:了)?(${C}{0,8}?)${DOCUMENTS}(?:共计|合计|共)?${NUMBER}${DOCUMENT_UNITS}`, 'g');
const ISSUED_BEFORE = new RegExp(`(?:新)?(?:${DOCUMENT_VERBS})(?:了|共)?${NUMBER}${DOCUMENT_UNITS}(${C}{0,6}?)${DOCUMENTS}`, 'g');
const IN_FORCE = '现行有效';
const IN_FORCE_AFTER_PATTERN = new RegExp(`${IN_FORCE}(?:的)?(${C}{0,8}?)${DOCUMENTS}(?:共计|合计|总数|共|为)?${NUMBER}${DOCUMENT_UNITS}`, 'g');
const IN_FORCE_BEFORE_PATTERN = new RegExp(`${DOCUMENTS}(${C}{0,10}?)${IN_FORCE}(?:的)?(?:共计|合计|共)?${NUMBER}${DOCUMENT_UNITS}`, 'g');
const NOT_ISSUED = /废止|清理|现行|有效|目录|公示/u;

// The costliest pattern (it opens with a look-behind), searched from its 结转 (see {@link anchoredMatches}),
// which follows the match's start after at most a number (9 digits), its unit and 申请.
const LONGEST_UNIT = Math.max(...WORDS.countUnits.map((unit) => unit.length));
const CARRIED_FORWARD = anchored(CARRIED_FORWARD_PATTERN, ['结转'], 9 + LONGEST_UNIT + '申请'.length);
// Patterns that open with a word of their own are searched from it too: the engine finds the word
// alone three or four times faster than the pattern that opens with it (the look-behind of NUMBER
// inside holds it back).
const CONCLUDED = anchored(CONCLUDED_PATTERN, WORDS.concludedVerbs, 0);
const IN_FORCE_AFTER = anchored(IN_FORCE_AFTER_PATTERN, [IN_FORCE], 0);
const IN_FORCE_BEFORE = anchored(IN_FORCE_BEFORE_PATTERN, [NORMATIVE_DOCUMENTS], 0);

const CASES = new RegExp(`(${anyOf([REVIEW, LITIGATION])})(?:案件|申请)?(?:共计|合计|总计|共|为)?${NUMBER}${CASE_UNITS}`, 'g');
// "没有接到行政复议、诉讼和申诉案件", "未收到有关政府信息公开行政复议、提起行政诉讼的申请": a negation, then the
// cases it denies, in one clause. Only a clause that names 行政复议 or 行政诉讼 denies a case (readCases
// drops any other match), and the pattern never leaves a clause: it is searched in those clauses
// alone (see {@link inClausesNaming}), not at every 未 and 无 of the text.
const CASES_NONE = inClausesNaming(
  new RegExp(`(?:${anyOf(CASE_NEGATIONS)})(?!${anyOf(labelWordsAfterNegation)})(${C}{0,40})`, 'g'),
  [REVIEW, LITIGATION],
  [...CASE_NEGATIONS, ...labelWordsAfterNegation],
);

const FEE = escapeRegExp(WORDS.processingFee);
const FEE_NONE = new RegExp(`(?:${anyOf(WORDS.feeNegations)})(?:${anyOf([...WORDS.feeArisingVerbs, '出现'])})?(?:${anyOf(WORDS.feeCollectVerbs)})(?!到)(?:过|了|任何)?${C}{0,20}?${FEE}`, 'g');
const FEE_NONE_ARISEN = new RegExp(`(?:未|没有|无|不)(?:${anyOf(WORDS.feeArisingVerbs)})${C}{0,12}?${FEE}`, 'g');
// redos-bound: at most 20 characters between 收取 and 信息处理费, so each start tries at most 20; worst case in test/hardening/redos-bounds.test.ts
const FEE_AMOUNT = new RegExp(`(?:收取${C}{0,20}?)?${FEE}(?:共计|合计|总计|共|为|金额|收入)?(\\d{1,12}(?:\\.\\d{1,6})?)(?:${anyOf(WORDS.feeUnits)})`, 'g');

/** A fact found in the compact text: its kind, value and compact range. */
interface Reading {
  readonly kind: Fact['kind'];
  readonly value: number | boolean;
  readonly start: number;
  readonly end: number;
}

/** The clause before `index` (back to the last clause mark, at most {@link LOOK_BACK} characters). */
function clauseBefore(text: string, index: number): string {
  const from = Math.max(0, index - LOOK_BACK);
  const before = text.slice(from, index);
  let cut = -1;
  for (let position = before.length - 1; position >= 0; position--) {
    if (CLAUSE_END.test(before[position] as string)) {
      cut = position;
      break;
    }
  }
  return before.slice(cut + 1);
}

/** The sentence around `[start, end)`, bounded to {@link CONTEXT} characters each way. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  const open = before.lastIndexOf(SENTENCE_END);
  const close = after.indexOf(SENTENCE_END);
  return before.slice(open + 1) + text.slice(start, end) + (close >= 0 ? after.slice(0, close) : after);
}

/**
 * The value of a count as written: digits, or a Chinese numeral in one of its plain forms (九, 十,
 * 十二, 二十, 二十三); undefined for any other string of numerals ("一两", "十十"), which states no count.
 */
function count(written: string): number | undefined {
  if (/^\d+$/u.test(written)) return Number.parseInt(written, 10);
  const digits = [...written].map((character) => (character === CHINESE_TEN ? 10 : CHINESE_DIGITS[character]));
  const [first, second, third] = digits;
  if (digits.length === 1) return first;
  if (digits.length === 2 && first === 10 && second !== undefined && second < 10) return 10 + second;
  if (digits.length === 2 && second === 10 && first !== undefined && first < 10) return first * 10;
  if (digits.length === 3 && second === 10 && first !== undefined && first < 10 && third !== undefined && third < 10) return first * 10 + third;
  return undefined;
}

/** Records the count written `written` as a fact, unless the numerals state no count. */
function pushCount(found: Reading[], kind: CountFactKind, written: string, start: number, end: number): void {
  const value = count(written);
  if (value !== undefined) found.push({ kind, value, start, end });
}

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield match;
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

/**
 * A pattern whose every match holds one of a few words a bounded distance from its start, searched
 * from those words. V8 finds a literal fast, but tries a pattern that opens with a look-behind
 * ("(?<![第数几])\\d…") at every position of the text: 结转's was the costliest of the reader's
 * patterns (a tenth of a millisecond per report, for no match in most). Found from its words, the
 * pattern is tried only where a match can start, and the matches are those {@link matches} yields,
 * in the same order.
 */
interface AnchoredPattern {
  /** The pattern, sticky: tried at one position at a time. */
  readonly sticky: RegExp;
  /** The words every match holds (global). */
  readonly anchor: RegExp;
  /** How far after a match's start its word may begin, at most. */
  readonly within: number;
}

/** `pattern` (global), to be searched from `words`, one of which begins at most `within` characters after each match's start. */
function anchored(pattern: RegExp, words: readonly string[], within: number): AnchoredPattern {
  const sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
  const anchor = new RegExp(anyOf(words), 'g');
  return { sticky, anchor, within };
}

/** The matches of a pattern, searched from its words when it is anchored. */
const matchesOf = (pattern: RegExp | AnchoredPattern, text: string): Generator<RegExpExecArray> =>
  pattern instanceof RegExp ? matches(pattern, text) : anchoredMatches(pattern, text);

/**
 * A pattern that never leaves a clause, searched only in the clauses that name one of a few words:
 * its words hold no clause mark or digit, and its runs are of {@link C}, so a match neither starts
 * on a mark nor reaches past one. Within a clause cut from the text the search then runs as it does
 * through the whole text (a look-ahead that meets the clause's end meets a mark in the text, which
 * none of its words holds), and the clauses' matches are the text's, in text order — but for those
 * in clauses that name none of the words, which the caller must not need. The engine finds the
 * words alone far faster than it tries a pattern that opens with common characters (未, 无).
 */
interface ClausePattern {
  /** The pattern (global). */
  readonly pattern: RegExp;
  /** The words, one of which every clause whose matches count names. */
  readonly words: readonly string[];
}

/**
 * `pattern`, to be searched in the clauses that name one of `words`, when `builtFrom` (every word the
 * pattern is made of, look-arounds' included) and `words` hold no clause mark or digit; else the
 * pattern itself, searched through the text.
 */
function inClausesNaming(pattern: RegExp, words: readonly string[], builtFrom: readonly string[]): ClausePattern | RegExp {
  const staysInClause = (word: string): boolean => word.length > 0 && Array.from(word).every((character) => inClause(character.charCodeAt(0)));
  return words.every(staysInClause) && builtFrom.every(staysInClause) ? { pattern, words } : pattern;
}

/** The matches of `pattern` in the clauses that name one of its words, in text order, with their offsets in `text`. */
function* clauseMatches({ pattern, words }: ClausePattern, text: string): Generator<RegExpExecArray> {
  // Where each word stands next at or after `from` (-1: nowhere), searched again only once passed.
  const next = words.map(() => -2);
  let from = 0;
  while (from < text.length) {
    let at = -1;
    words.forEach((word, index) => {
      if ((next[index] as number) !== -1 && (next[index] as number) < from) next[index] = text.indexOf(word, from);
      const found = next[index] as number;
      if (found >= 0 && (at < 0 || found < at)) at = found;
    });
    if (at < 0) return;
    let start = at;
    while (start > from && inClause(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < text.length && inClause(text.charCodeAt(end))) end++;
    for (const match of matches(pattern, text.slice(start, end))) {
      match.index += start;
      yield match;
    }
    from = end + 1;
  }
}

/** The matches of {@link matches} for the global form of `pattern`: the leftmost at or after the end of the one before. */
function* anchoredMatches(pattern: AnchoredPattern, text: string): Generator<RegExpExecArray> {
  const { sticky, anchor, within } = pattern;
  // Starts before `next` are decided: tried, or inside a match already yielded.
  let next = 0;
  anchor.lastIndex = 0;
  for (let word = anchor.exec(text); word; word = anchor.exec(text)) {
    const at = word.index;
    // Words may overlap ("接收到"): the next is looked for from the next character.
    anchor.lastIndex = at + 1;
    for (let start = Math.max(next, at - within); start <= at; start++) {
      sticky.lastIndex = start;
      const match = sticky.exec(text);
      if (match === null) {
        next = start + 1;
        continue;
      }
      yield match;
      next = start + Math.max(1, match[0].length);
      // Words inside the match start no later match; one after it may belong to a start in between.
      anchor.lastIndex = next;
      break;
    }
  }
}

/** The rest of the clause from `index` on, at most {@link LOOK_AHEAD} characters. */
function clauseFrom(text: string, index: number): string {
  const after = text.slice(index, index + LOOK_AHEAD);
  const cut = after.search(CLAUSE_END);
  return cut >= 0 ? after.slice(0, cut) : after;
}

/** True when what follows an application's 申请 makes it qualify something else ("申请的行政复议"). */
function qualifiesSomethingElse(text: string, afterApplication: number): boolean {
  const rest = clauseFrom(text, afterApplication);
  return NOT_THE_APPLICATION_ITSELF.test(rest) || NOT_AN_APPLICATION.test(rest);
}

function readApplications(text: string, found: Reading[]): void {
  for (const match of matches(APPLICATIONS_COUNT_AFTER, text)) {
    const words = match[1] as string;
    const lastApplication = words.lastIndexOf('申请');
    if (lastApplication < 0 || NOT_AN_APPLICATION.test(words) || !AFTER_APPLICATION.test(words.slice(lastApplication + 2))) continue;
    if (NOT_THIS_YEAR.test(clauseBefore(text, match.index))) continue;
    pushCount(found, 'applicationsReceived', match[2] as string, match.index, match.index + match[0].length);
  }
  for (const match of matches(APPLICATIONS_COUNT_BEFORE, text)) {
    const end = match.index + match[0].length;
    if (NOT_AN_APPLICATION.test(match[2] as string) || NOT_THIS_YEAR.test(clauseBefore(text, match.index)) || qualifiesSomethingElse(text, end)) continue;
    pushCount(found, 'applicationsReceived', match[1] as string, match.index, end);
  }
  for (const match of matches(APPLICATIONS_NONE, text)) {
    const end = match.index + match[0].length;
    if (NOT_AN_APPLICATION.test(match[1] as string) || NOT_THIS_YEAR.test(clauseBefore(text, match.index)) || qualifiesSomethingElse(text, end)) continue;
    found.push({ kind: 'applicationsReceived', value: 0, start: match.index, end });
  }
}

/** The sentence before `index`, back to its start (at most {@link CONTEXT} characters). */
function sentenceBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - CONTEXT), index);
  return before.slice(before.lastIndexOf(SENTENCE_END) + 1);
}

/**
 * The sentence before `index` as far as it tells what a count counts: when it goes on from the
 * sentence before it ("其中，予以公开2件"), that sentence too.
 */
function contextBefore(text: string, index: number): string {
  const before = sentenceBefore(text, index);
  if (!GOES_ON.test(before)) return before;
  const start = index - before.length;
  return start > 0 ? `${sentenceBefore(text, start - 1)}。${before}` : before;
}

function readOutcomes(text: string, found: Reading[]): void {
  const about = (index: number, matched: string): boolean => {
    const before = contextBefore(text, index);
    // Only in a sentence that has counted disclosure applications before it, and nothing else.
    if (!before.includes('申请') || (!DISCLOSURE_CONTEXT.test(before + matched) && !/收到|受理/u.test(before))) return false;
    return !NOT_APPLICATIONS_SENTENCE.test(before) && !NOT_THIS_YEAR.test(clauseBefore(text, index));
  };
  const read = (pattern: RegExp | AnchoredPattern, kind: CountFactKind): void => {
    for (const match of matchesOf(pattern, text)) {
      if (!about(match.index, match[0])) continue;
      const digits = (match[1] ?? match[2]) as string;
      pushCount(found, kind, digits, match.index, match.index + match[0].length);
    }
  };
  read(CONCLUDED, 'applicationsConcluded');
  read(CARRIED_FORWARD, 'applicationsCarriedForward');
  for (const match of matches(APPLICATION_COUNTS, text)) {
    const kind = KIND_OF_WORDING.get(match[1] as string);
    if (kind === undefined || !about(match.index, match[0])) continue;
    pushCount(found, kind, match[2] as string, match.index, match.index + match[0].length);
  }
}

function readNormativeDocuments(text: string, found: Reading[]): void {
  const read = (pattern: RegExp | AnchoredPattern, kind: CountFactKind, wordsGroup: number, countGroup: number, excluded: RegExp): void => {
    for (const match of matchesOf(pattern, text)) {
      if (excluded.test(match[wordsGroup] as string) || NOT_THIS_YEAR.test(clauseBefore(text, match.index))) continue;
      pushCount(found, kind, match[countGroup] as string, match.index, match.index + match[0].length);
    }
  };
  read(ISSUED_AFTER, 'normativeDocumentsIssued', 1, 2, NOT_ISSUED);
  read(ISSUED_BEFORE, 'normativeDocumentsIssued', 2, 1, NOT_ISSUED);
  read(IN_FORCE_AFTER, 'normativeDocumentsInForce', 1, 2, /目录|废止|清理/u);
  read(IN_FORCE_BEFORE, 'normativeDocumentsInForce', 1, 2, /目录|废止|清理|制定|制发/u);
}

function readCases(text: string, found: Reading[], inReviewsSection: (index: number) => boolean): void {
  const aboutDisclosure = (start: number, end: number): boolean => inReviewsSection(start) || DISCLOSURE_CONTEXT.test(sentenceAround(text, start, end));
  for (const match of matches(CASES, text)) {
    const end = match.index + match[0].length;
    if (NOT_THIS_YEAR.test(clauseBefore(text, match.index)) || !aboutDisclosure(match.index, end)) continue;
    const kind = match[1] === REVIEW ? 'reviewCases' : 'litigationCases';
    pushCount(found, kind, match[2] as string, match.index, end);
  }
  for (const match of CASES_NONE instanceof RegExp ? matches(CASES_NONE, text) : clauseMatches(CASES_NONE, text)) {
    const clause = match[1] as string;
    const review = clause.indexOf(REVIEW);
    // The bare 诉讼 counts only in a list that began with 行政复议 ("行政复议、诉讼和申诉").
    const fullLitigation = clause.indexOf(LITIGATION);
    const litigation = fullLitigation >= 0 ? fullLitigation : review >= 0 ? clause.indexOf(LITIGATION_WORD, review + REVIEW.length) : -1;
    const litigationLength = fullLitigation >= 0 ? LITIGATION.length : LITIGATION_WORD.length;
    const wordsEnd = Math.max(review >= 0 ? review + REVIEW.length : -1, litigation >= 0 ? litigation + litigationLength : -1);
    if (wordsEnd < 0) continue;
    const firstCase = Math.min(...[review, litigation].filter((index) => index >= 0));
    if (TABLE_WORDS.test(clause.slice(0, firstCase))) continue;
    const valueStart = match.index + match[0].length - clause.length;
    if (!aboutDisclosure(match.index, valueStart + wordsEnd)) continue;
    if (review >= 0) found.push({ kind: 'reviewCases', value: 0, start: match.index, end: valueStart + review + REVIEW.length });
    if (litigation >= 0) found.push({ kind: 'litigationCases', value: 0, start: match.index, end: valueStart + litigation + litigationLength });
  }
}

function readProcessingFee(text: string, found: Reading[]): void {
  for (const pattern of [FEE_NONE, FEE_NONE_ARISEN]) {
    for (const match of matches(pattern, text)) {
      found.push({ kind: 'processingFeeCollected', value: false, start: match.index, end: match.index + match[0].length });
    }
  }
  for (const match of matches(FEE_AMOUNT, text)) {
    if (NEGATION_BEFORE.test(clauseBefore(text, match.index))) continue;
    const amount = match[1] as string;
    // "收取…信息处理费0元" states that none was collected.
    found.push({ kind: 'processingFeeCollected', value: /[1-9]/u.test(amount), start: match.index, end: match.index + match[0].length });
  }
}

/** The year the sentence names for what follows, up to `index`: the last one it names, if any. */
function yearNamedBefore(text: string, index: number): number | undefined {
  const before = text.slice(Math.max(0, index - CONTEXT), index);
  const sentence = before.slice(before.lastIndexOf(SENTENCE_END) + 1).replace(BOOK_TITLE, '');
  let year: number | undefined;
  for (const match of matches(NAMED_YEAR, sentence)) year = count(match[1] as string);
  return year;
}

// An agency's name was normalized anew for every report it publishes (~4 µs each, most of it the
// normalizer's set-up for one short string), and a batch holds one agency's reports or a few
// agencies': each distinct name is made compact once, in a memo bounded as the grid reader's are.
const agencyKeys = new Map<string, string>();
const compactAgency = (agency: string): string => asCompact(agency).replace(/人民/gu, '');

/** The agency's name as the compact text would hold it, without 人民 ("洪泽区人民政府" → "洪泽区政府"). */
const agencyKey = (agency: string | undefined): string | undefined => (agency === undefined ? undefined : memoized(agencyKeys, agency, compactAgency));

/**
 * True when the clause before a count names who counted it and that is not the reporting agency: someone
 * acting for it ("区政府办代表区政府受理"), or — in a government's report — one of its offices or towns
 * ("区政府办公室共收到…"), whose count the government's tables need not equal.
 */
function countedByAnother(text: string, index: number, agency: string | undefined): boolean {
  const clause = clauseBefore(text, index);
  if (ON_BEHALF.test(clause)) return true;
  if (agency === undefined || !GOVERNMENT.test(agency)) return false;
  const subject = clause.replace(LEADING_TIME, '').replace(TRAILING_ADVERBS, '').replace(/人民/gu, '');
  return UNIT_NAME.test(subject) && !SELF_OR_WHOLE.test(subject) && !agency.includes(subject);
}

/** True when a count is the report's own: stated for the reporting year, by the agency itself. */
function isTheReportsCount(text: string, reading: Reading, context: FactContext, agency: string | undefined): boolean {
  if (reading.kind === 'processingFeeCollected') return true;
  const year = context.year === undefined ? undefined : yearNamedBefore(text, reading.start);
  if (year !== undefined && year !== context.year) return false;
  return !countedByAnother(text, reading.start, agency);
}

/**
 * Reads the narrative facts of the report (up to its end, trailing page chrome excluded): what each
 * sentence states, not any number near a keyword — "主动公开信息1265条" is no application count, a
 * cumulative "累计共受理…2件" no count of this year, "2023年共受理…" none of a 2024 report, a count of
 * one of a government's offices none of the government's, 行政事业性收费 no 信息处理费. Each fact carries
 * the words as written in the original and their span; facts come in text order.
 *
 * @param context - The reporting year and agency, as the metadata reader found them (either may be absent).
 * @param view - The report without whitespace up to its end, when the caller has made it already.
 */
export function readFacts(
  source: SourceText,
  structure: ReportStructure,
  context: FactContext = {},
  view: CompactText = compactOf(source, structure.reportEnd),
): Fact[] {
  const reviews = structure.sections.find((section) => section.key === 'reviewsAndLitigation');
  const inReviewsSection = (index: number): boolean => {
    const offset = index < view.text.length ? view.offset(index) : undefined;
    return reviews !== undefined && offset !== undefined && offset >= reviews.start && offset < reviews.end;
  };
  const found: Reading[] = [];
  readApplications(view.text, found);
  readOutcomes(view.text, found);
  readNormativeDocuments(view.text, found);
  readCases(view.text, found, inReviewsSection);
  readProcessingFee(view.text, found);
  const agency = agencyKey(context.agency);
  const seen = new Set<string>();
  const facts: { fact: Fact; start: number }[] = [];
  for (const reading of found) {
    const identity = `${reading.kind}@${reading.start}`;
    if (seen.has(identity) || reading.end <= reading.start) continue;
    seen.add(identity);
    if (!isTheReportsCount(view.text, reading, context, agency)) continue;
    const factStart = view.offset(reading.start);
    const factEnd = view.offset(reading.end - 1) + 1;
    const span = source.span(factStart, factEnd);
    const text = source.written(factStart, factEnd);
    const fact: Fact =
      reading.kind === 'processingFeeCollected'
        ? { kind: 'processingFeeCollected', value: reading.value === true, text, span }
        : { kind: reading.kind, value: reading.value as number, text, span };
    facts.push({ fact, start: reading.start });
  }
  return facts.sort((left, right) => left.start - right.start).map((entry) => entry.fact);
}
