/**
 * The narrative-fact reader: the counts a report's text states that its tables can confirm
 * (applications received, normative documents, review and litigation cases) and whether
 * 信息处理费 were collected — each read from what its sentence says, with its span.
 *
 * @packageDocumentation
 */
import type { CountFactKind, Fact } from '../model/index.js';
import type { ReportStructure } from './sections.js';
import type { SourceText } from './source.js';

/** The normalized text without whitespace, with the normalized offset of each of its characters. */
interface CompactText {
  readonly text: string;
  readonly offsets: Int32Array;
}

/**
 * Removes whitespace from the normalized range `[0, end)`: sentences of extracted PDF text are broken
 * over lines and numbers padded with spaces ("2024 年", "收取…信息处理费 0 元").
 */
function compact(text: string, end: number): CompactText {
  const offsets = new Int32Array(end);
  const parts: string[] = [];
  let length = 0;
  let runStart = -1;
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 10 || code === 9 || code === 13) {
      if (runStart >= 0) parts.push(text.slice(runStart, index));
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = index;
    offsets[length++] = index;
  }
  if (runStart >= 0) parts.push(text.slice(runStart, end));
  return { text: parts.join(''), offsets: offsets.subarray(0, length) };
}

// A clause's characters: no clause punctuation, no digit, no table mark. Bounded repeats keep every
// pattern linear.
const C = '[^,;:!?。\\d|]';
const CLAUSE_END = /[,;:!?。|]/u;
const SENTENCE_END = '。';
const LOOK_BACK = 40;
const CONTEXT = 200;

// Words that make an "申请" something else than an application for disclosure, or the count not this year's.
const NOT_AN_APPLICATION = /复议|诉讼|咨询|留言|信访|投诉|举报|建议|提案|来信|来电|补正|告知|答复|办结|结转|上年|去年|信件/u;
const NOT_THIS_YEAR = /累计|历年|以来|上年|去年|截至|截止|往年/u;
const NEGATION_BEFORE = /未|没有|无|不/u;
const DISCLOSURE_CONTEXT = /信息公开|依申请/u;

const APPLICATIONS_COUNT_AFTER = new RegExp(`(?:共|总共)?(?:受理|收到|接到|接收|新收)(?:了)?(${C}{0,24}?)(\\d{1,9})(?:件|份|宗)`, 'g');
const APPLICATIONS_COUNT_BEFORE = new RegExp(`(?:共|总共)?(?:受理|收到|接到|接收|新收)(?:了|共|总计)?(\\d{1,9})(?:件|份|宗)(${C}{0,16}?)申请`, 'g');
const APPLICATIONS_NONE = new RegExp(`(?:未|没有|尚未|均未|从未)(?:受理|收到|接到|接收)(?:过|到|任何)?(${C}{0,24})申请`, 'g');
// After the last 申请 of "共受理政府信息依申请公开7件" only these words may stand before the number.
const AFTER_APPLICATION = /^(?:公开|政府信息)*(?:共计|总计|合计|共|数量为|数量|为)?$/u;

const ISSUED_AFTER = new RegExp(`(?:新)?(?:制定|制发|出台|印发)(?:[、和及并]?修订)?(?:了)?(${C}{0,8}?)规范性文件(?:共计|合计|共)?(\\d{1,9})(?:件|个|部|份)`, 'g');
const ISSUED_BEFORE = new RegExp(`(?:新)?(?:制定|制发|出台|印发)(?:了|共)?(\\d{1,9})(?:件|个|部|份)(${C}{0,6}?)规范性文件`, 'g');
const IN_FORCE_AFTER = new RegExp(`现行有效(?:的)?(${C}{0,8}?)规范性文件(?:共计|合计|总数|共|为)?(\\d{1,9})(?:件|个|部|份)`, 'g');
const IN_FORCE_BEFORE = new RegExp(`规范性文件(${C}{0,10}?)现行有效(?:的)?(?:共计|合计|共)?(\\d{1,9})(?:件|个|部|份)`, 'g');
const NOT_ISSUED = /废止|清理|现行|有效|目录|公示/u;

const CASES = new RegExp(`(行政复议|行政诉讼)(?:案件|申请)?(?:共计|合计|总计|共|为)?(\\d{1,9})(?:件|起|宗|例)`, 'g');
// "没有接到行政复议、诉讼和申诉案件", "未收到有关政府信息公开行政复议、提起行政诉讼的申请": a negation, then the
// cases it denies, in one clause. "未经复议直接起诉" and "尚未审结" are table headings, not negations.
const CASES_NONE = /(?:没有|尚未|均未|从未|未|无)(?!经|审结|法)([^,;:!?。\d|]{0,40})/g;
const TABLE_WORDS = /结果|审结|总计|维持|纠正|起诉|申请人/u;

const FEE_NONE = new RegExp(`(?:未|没有|无|不存在|均未|从未|不予|不)(?:发生|产生|涉及|出现)?(?:收取|收缴|收)(?!到)(?:过|了|任何)?${C}{0,20}?信息处理费`, 'g');
const FEE_NONE_ARISEN = new RegExp(`(?:未|没有|无|不)(?:产生|发生|涉及)${C}{0,12}?信息处理费`, 'g');
const FEE_AMOUNT = new RegExp(`(?:收取${C}{0,20}?)?信息处理费(?:共计|合计|总计|共|为|金额|收入)?(\\d{1,12}(?:\\.\\d{1,6})?)(?:万元|元)`, 'g');

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

const count = (digits: string): number => Number.parseInt(digits, 10);

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield match;
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

function readApplications(text: string, found: Reading[]): void {
  for (const match of matches(APPLICATIONS_COUNT_AFTER, text)) {
    const words = match[1] as string;
    const lastApplication = words.lastIndexOf('申请');
    if (lastApplication < 0 || NOT_AN_APPLICATION.test(words) || !AFTER_APPLICATION.test(words.slice(lastApplication + 2))) continue;
    if (NOT_THIS_YEAR.test(clauseBefore(text, match.index))) continue;
    found.push({ kind: 'applicationsReceived', value: count(match[2] as string), start: match.index, end: match.index + match[0].length });
  }
  for (const match of matches(APPLICATIONS_COUNT_BEFORE, text)) {
    if (NOT_AN_APPLICATION.test(match[2] as string) || NOT_THIS_YEAR.test(clauseBefore(text, match.index))) continue;
    found.push({ kind: 'applicationsReceived', value: count(match[1] as string), start: match.index, end: match.index + match[0].length });
  }
  for (const match of matches(APPLICATIONS_NONE, text)) {
    if (NOT_AN_APPLICATION.test(match[1] as string) || NOT_THIS_YEAR.test(clauseBefore(text, match.index))) continue;
    found.push({ kind: 'applicationsReceived', value: 0, start: match.index, end: match.index + match[0].length });
  }
}

function readNormativeDocuments(text: string, found: Reading[]): void {
  const read = (pattern: RegExp, kind: CountFactKind, wordsGroup: number, countGroup: number, excluded: RegExp): void => {
    for (const match of matches(pattern, text)) {
      if (excluded.test(match[wordsGroup] as string) || NOT_THIS_YEAR.test(clauseBefore(text, match.index))) continue;
      found.push({ kind, value: count(match[countGroup] as string), start: match.index, end: match.index + match[0].length });
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
    const kind = match[1] === '行政复议' ? 'reviewCases' : 'litigationCases';
    found.push({ kind, value: count(match[2] as string), start: match.index, end });
  }
  for (const match of matches(CASES_NONE, text)) {
    const clause = match[1] as string;
    const review = clause.indexOf('行政复议');
    // Bare 诉讼 counts only in a list that began with 行政复议 ("行政复议、诉讼和申诉").
    const litigation = clause.indexOf('行政诉讼') >= 0 ? clause.indexOf('行政诉讼') : review >= 0 ? clause.indexOf('诉讼', review + 4) : -1;
    const wordsEnd = Math.max(review >= 0 ? review + 4 : -1, litigation >= 0 ? litigation + (clause.startsWith('行政诉讼', litigation) ? 4 : 2) : -1);
    if (wordsEnd < 0) continue;
    const firstCase = Math.min(...[review, litigation].filter((index) => index >= 0));
    if (TABLE_WORDS.test(clause.slice(0, firstCase))) continue;
    const valueStart = match.index + match[0].length - clause.length;
    if (!aboutDisclosure(match.index, valueStart + wordsEnd)) continue;
    if (review >= 0) found.push({ kind: 'reviewCases', value: 0, start: match.index, end: valueStart + review + 4 });
    if (litigation >= 0) {
      const length = clause.startsWith('行政诉讼', litigation) ? 4 : 2;
      found.push({ kind: 'litigationCases', value: 0, start: match.index, end: valueStart + litigation + length });
    }
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

/**
 * Reads the narrative facts of the report (up to its end, trailing page chrome excluded): what each
 * sentence states, not any number near a keyword — "主动公开信息1265条" is no application count, a
 * cumulative "累计共受理…2件" no count of this year, 行政事业性收费 no 信息处理费. Each fact carries the
 * words as written in the original and their span; facts come in text order.
 */
export function readFacts(source: SourceText, structure: ReportStructure): Fact[] {
  const view = compact(source.text, Math.min(structure.reportEnd, source.text.length));
  const reviews = structure.sections.find((section) => section.key === 'reviewsAndLitigation');
  const inReviewsSection = (index: number): boolean => {
    const offset = view.offsets[index];
    return reviews !== undefined && offset !== undefined && offset >= reviews.start && offset < reviews.end;
  };
  const found: Reading[] = [];
  readApplications(view.text, found);
  readNormativeDocuments(view.text, found);
  readCases(view.text, found, inReviewsSection);
  readProcessingFee(view.text, found);
  const seen = new Set<string>();
  const facts: { fact: Fact; start: number }[] = [];
  for (const reading of found) {
    const identity = `${reading.kind}@${reading.start}`;
    if (seen.has(identity) || reading.end <= reading.start) continue;
    seen.add(identity);
    const span = source.span(view.offsets[reading.start] as number, (view.offsets[reading.end - 1] as number) + 1);
    const text = source.original.slice(span.start, span.end);
    const fact: Fact =
      reading.kind === 'processingFeeCollected'
        ? { kind: 'processingFeeCollected', value: reading.value === true, text, span }
        : { kind: reading.kind, value: reading.value as number, text, span };
    facts.push({ fact, start: reading.start });
  }
  return facts.sort((left, right) => left.start - right.start).map((entry) => entry.fact);
}
