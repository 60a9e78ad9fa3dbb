/**
 * The fuzz campaign's oracles, independent of the reader's own bookkeeping (test/hardening uses
 * them too): which numbers of a text's tables were lost, and which spans are wrong.
 */
import { TEMPLATES } from '../src/catalog/index.js';
import type { AnnualReport, Diagnostic } from '../src/index.js';

/** A range of the original text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

const HEADING_TWO = /^二\s*[,、]+.*(?:主动|主動)/mu;
const HEADING_FIVE = /^五\s*[,、]+/mu;
// The closing dash of a page number, after any blanks on its line ("- 4 -", "- 5 \u3000\u3000… -").
// Invisible characters (zero-width spaces and joiners, word joiner, BOM) count as blanks: the reader's
// normalization drops them, so "- \u200b3 -" is the page number "- 3 -" to it.
const PAGE_DASH_AFTER = /(?:[^\S\n]|[\u200b-\u200d\u2060\ufeff])*[-—–](?:[^\S\n]|[\u200b-\u200d\u2060\ufeff])*(?:\n|$)/uy;
// An ordinal's mark after its digits, with a stray mark and any invisible characters before it. A run
// of commas before the mark ("2,,,,,. 没有现成信息…") is the reader's ordinal too: its normalization
// drops a comma doubled before another mark, so it reads "2. 没有现成信息…".
const ORDINAL_MARK_AFTER = /[,，]*[,，;；:：!！。]?[\u200b-\u200d\u2060\ufeff]*[.．、]/uy;
// A counting word opening a line ("共计 95\n个，…"): the number before the break is a quantity of a
// paragraph wrapped as PDF extraction wraps it, not a cell's value (no row label opens with one).
const COUNTING_WORD = /[个件条次项篇期场家]/u;
const isInvisible = (code: number): boolean => (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
/**
 * Up to `count` characters of the text before `at` (`step` -1) or from `at` on (`step` 1), the
 * invisible characters the reader drops left out however many there are: a window of the original
 * text filled with them ("- \u200b\u200b…4 -", #723321) shows the reader's page number too.
 */
const visibleNear = (text: string, at: number, step: -1 | 1, count: number): string => {
  const kept: string[] = [];
  for (let index = step < 0 ? at - 1 : at; index >= 0 && index < text.length && kept.length < count; index += step) {
    if (!isInvisible(text.charCodeAt(index))) kept.push(text.charAt(index));
  }
  return step < 0 ? kept.reverse().join('') : kept.join('');
};
// A blank of a line (a break ends it), or an invisible character the reader's normalization drops.
const LINE_BLANK = /[^\S\n]|[\u200b-\u200d\u2060\ufeff]/u;
/**
 * Whether the run `start`–`end` is the number of a page-number line however padded ("-\u3000\u3000… 4 -",
 * #1466432: hundreds of ideographic spaces between the dash and the number): nothing but blanks
 * between the line's start, a dash, the number, a dash and the line's end. Each scan stops at the
 * first character that is no blank, so a long line of runs is still read in linear time.
 */
const onPaddedPageLine = (text: string, start: number, end: number): boolean => {
  let at = start - 1;
  while (at >= 0 && LINE_BLANK.test(text.charAt(at))) at--;
  if (at < 0 || !/[-—–]/u.test(text.charAt(at))) return false;
  at--;
  while (at >= 0 && LINE_BLANK.test(text.charAt(at))) at--;
  if (at >= 0 && text.charCodeAt(at) !== 10) return false;
  PAGE_DASH_AFTER.lastIndex = end;
  return PAGE_DASH_AFTER.test(text);
};
// The line of a web page that dates a report and counts its views ("发布时间:2023-01-31 13:24 浏览次数:次"):
// a short line of the page around the report, its digits a time of day, never a cell's value.
const PAGE_CHROME = /发布时间|浏览次数/u;
const MAX_PAGE_CHROME_LINE = 40;

/** The range from the 二 heading's line to the 五 heading's line (where the three tables are), or undefined. */
export function tableRegion(text: string): Range | undefined {
  const two = HEADING_TWO.exec(text);
  if (!two) return undefined;
  const five = HEADING_FIVE.exec(text.slice(two.index));
  return five ? { start: two.index, end: two.index + five.index } : undefined;
}

/** Digit runs of the region that are values by the template's conventions: not ordinals ("1.", "(1)"), dates or narrative sentences. */
export function valueRuns(text: string, region: Range): Range[] {
  const runs: Range[] = [];
  const body = text.slice(region.start, region.end);
  const sentences: Range[] = [];
  // A sentence: a stretch without line breaks or cell separators, holding Han words, ending in 。
  // or in a clause's ； (found by a scan: a regular expression for it backtracks quadratically on a
  // long line). A line break between two Han characters, or after a comma, is a paragraph wrapped
  // as PDF extraction wraps it ("全年组织 4 次…检查，并\n出具…报告。"), not the end of a cell.
  let from = 0;
  let han = false;
  const isHanCode = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;
  for (let index = 0; index < body.length; index++) {
    const code = body.charCodeAt(index);
    const previous = index > 0 ? body.charCodeAt(index - 1) : -1;
    const wrapped =
      code === 10 &&
      index > 0 &&
      (((isHanCode(previous) || previous === 0xff0c) && isHanCode(body.charCodeAt(index + 1))) || (previous >= 48 && previous <= 57 && COUNTING_WORD.test(body.charAt(index + 1)) && han));
    if (wrapped) continue;
    if (code === 10 || code === 124 || code === 9) {
      from = index + 1;
      han = false;
    } else if (code === 0x3002 || code === 0xff1b) {
      if (han) sentences.push({ start: region.start + from, end: region.start + index + 1 });
      from = index + 1;
      han = false;
    } else if (code >= 0x4e00 && code <= 0x9fff) han = true;
  }
  const chromeLines: Range[] = [];
  for (let lineStart = 0; lineStart < body.length; ) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? body.length : newline;
    const line = body.slice(lineStart, lineEnd).trim();
    if (line.length <= MAX_PAGE_CHROME_LINE && PAGE_CHROME.test(line)) chromeLines.push({ start: region.start + lineStart, end: region.start + lineEnd });
    lineStart = lineEnd + 1;
  }
  let chromeLine = 0;
  let sentence = 0;
  const dates: Range[] = [...body.matchAll(/[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}/gu)].map((match) => ({ start: region.start + match.index, end: region.start + match.index + match[0].length }));
  let date = 0;
  // A number with thousands groups ("2,821") is one run, as it is one number.
  for (const match of body.matchAll(/[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?/gu)) {
    const start = region.start + match.index;
    const end = start + match[0].length;
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    if (/[(（]/u.test(before) && /[)）]/u.test(after)) continue;
    // An ordinal ("2." "3、"), also with a stray mark or an invisible character put inside it
    // ("2，. 重复申请", "3!.其他", "1\ufeff. 信访…": normalization drops the invisible one).
    // However many invisible characters a run put there ("1\u200b\u200b….本机关不掌握…"): read from the run's end.
    ORDINAL_MARK_AFTER.lastIndex = end;
    const mark = ORDINAL_MARK_AFTER.exec(text);
    if (mark && !/[0-9０-９]/u.test(text[end + mark[0].length] ?? '')) continue;
    // A date, also with blanks before its 年 ("2024 年") or written with dashes ("2024-03-05"), or with
    // a stray mark put before its 年 as one is put inside an ordinal ("至2024!年12月31日", #808487).
    if (/^[ \t\u3000]*[,，;；:：!！。]?[年月日]/u.test(text.slice(end, end + 5))) continue;
    while (date < dates.length && (dates[date] as Range).end < end) date++;
    const dated = dates[date];
    if (dated && dated.start <= start && end <= dated.end) continue;
    // Digits inside a word — glued to a character before them and to a letter after
    // ("信息309条", "情2,821况", "占17.7%", the "2" of an escape sequence "ESC[2J"): words of a heading,
    // a label or a sentence, which the template never uses as a cell's value (a cell's value stands
    // apart, or at the end of its label when the digits ran together: "数量0000000").
    if (before !== '' && !/[\s|0-9０-９]/u.test(before) && /[\p{L}%％]/u.test(after)) continue;
    // The parameter of a terminal escape sequence ("ESC[2J", also with a stray mark put in: "ESC[2;J") is no value.
    if (before === '[' && text[start - 2] === '\u001b') continue;
    // A page number ("- 3 -", "第 3 页", "共 9 页"), as PDF extractions leave them.
    // Blanks around the number as extraction leaves them: any number of them ("- 4 \t\t\t… -"); and a
    // stray mark put between the number and its 页 ("共 9; 页"), as one is put inside an ordinal above.
    PAGE_DASH_AFTER.lastIndex = end;
    const dashBefore = /[-—–]\s*$/u.test(visibleNear(text, start, -1, 8));
    const visibleAfter = visibleNear(text, end, 1, 8);
    if ((dashBefore && (/^\s*[-—–]/u.test(visibleAfter) || PAGE_DASH_AFTER.test(text))) || /^[,，;；:：!！。]?\s*页/u.test(visibleAfter) || onPaddedPageLine(text, start, end)) continue;
    while (chromeLine < chromeLines.length && (chromeLines[chromeLine] as Range).end < end) chromeLine++;
    const chrome = chromeLines[chromeLine];
    if (chrome && chrome.start <= start && end <= chrome.end) continue;
    while (sentence < sentences.length && (sentences[sentence] as Range).end < end) sentence++;
    const holder = sentences[sentence];
    if (holder && holder.start <= start && end <= holder.end) continue;
    runs.push({ start, end });
  }
  return runs;
}

/** The original-text spans a report accounts for: its cells and its unplaced values, sorted. */
export function accountedSpans(report: AnnualReport): Range[] {
  const spans: Range[] = [];
  for (const table of Object.values(report.tables)) {
    for (const row of Object.values(table?.rows ?? {})) {
      for (const cell of Object.values((row as { cells: Record<string, { span?: Range }> }).cells)) if (cell.span) spans.push(cell.span);
    }
  }
  for (const value of report.unplaced) if (value.span) spans.push(value.span);
  return spans.sort((a, b) => a.start - b.start);
}

/** The digit runs of the text's tables that the report neither placed in a cell nor reported unplaced. */
export function lostValues(text: string, report: AnnualReport): Range[] {
  const region = tableRegion(text);
  // A report of a format whose template has no statistics tables (pre-2019: its sections 二 to 四
  // are narrative, its tables of another shape) has no table region: nothing there is a cell's.
  if (!region || Object.keys(TEMPLATES[report.meta.formatVersion]?.tables ?? {}).length === 0) return [];
  // Unplaced values cut from an overlong region cover many runs, and cells placed from the same
  // stretch start inside them (a table read in another table's section): an interval test against
  // the union of the spans, which no number of spans starting in between can hide.
  const union: Range[] = [];
  for (const span of accountedSpans(report)) {
    const last = union[union.length - 1];
    if (last && span.start < last.end) union[union.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else if (span.end > span.start) union.push(span);
  }
  const covered = (run: Range): boolean => {
    let low = 0;
    let high = union.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((union[middle] as Range).start < run.end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (union[low - 1] as Range).end > run.start;
  };
  return valueRuns(text, region).filter((run) => !covered(run));
}

/** Describes a lost run for a report: the digits, the offset and the line. */
export const describeRun = (text: string, run: Range): string =>
  `${text.slice(run.start, run.end)} at ${run.start} (line ${text.slice(0, run.start).split('\n').length}: ${text.slice(text.lastIndexOf('\n', run.start) + 1, text.indexOf('\n', run.start) >>> 0).slice(0, 80)})`;

interface Located {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

/** Line starts of a text as SARIF counts lines: a line ends at \r\n, \r or \n. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    }
  }
  return starts;
}

const foldDigits = (text: string): string => text.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));

/**
 * Spans that are wrong: outside the text, reversed, with a line or column that does not locate
 * their start, or — for a count cell — over characters that do not spell its value.
 */
export function spanErrors(text: string, report: AnnualReport, diagnostics: readonly Diagnostic[]): string[] {
  const errors: string[] = [];
  const starts = lineStartsOf(text);
  const check = (what: string, span: Located | undefined): void => {
    if (!span) return;
    if (!(span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
      errors.push(`${what}: span ${span.start}-${span.end} outside the text (${text.length})`);
      return;
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= span.start) low = middle;
      else high = middle - 1;
    }
    if (span.line !== low + 1 || span.column !== span.start - (starts[low] as number) + 1) {
      errors.push(`${what}: line ${span.line}:${span.column} for offset ${span.start} (expected ${low + 1}:${span.start - (starts[low] as number) + 1})`);
    }
  };
  for (const [tableKey, table] of Object.entries(report.tables)) {
    for (const [rowKey, row] of Object.entries(table?.rows ?? {})) {
      for (const [columnKey, cell] of Object.entries((row as { cells: Record<string, { kind: string; value?: unknown; span?: Located }> }).cells)) {
        const where = `${tableKey}.${rowKey}.${columnKey}`;
        check(where, cell.span);
        if (cell.kind === 'count' && cell.span && cell.span.end <= text.length) {
          const written = foldDigits(text.slice(cell.span.start, cell.span.end));
          if (/^\d+$/u.test(written) && Number(written) !== cell.value) errors.push(`${where}: span holds ${written}, the cell ${String(cell.value)}`);
          if (!/\d/u.test(written)) errors.push(`${where}: span holds "${written.slice(0, 20)}", no digit of ${String(cell.value)}`);
        }
      }
    }
  }
  for (const diagnostic of diagnostics) {
    check(`${diagnostic.ruleId} diagnostic`, diagnostic.span);
    for (const related of diagnostic.related ?? []) check(`${diagnostic.ruleId} related`, related.span);
  }
  for (const section of report.sections) {
    check(`section ${section.key} heading`, section.headingSpan);
    check(`section ${section.key}`, section.span);
  }
  return errors;
}
