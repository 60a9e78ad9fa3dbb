/**
 * The metadata reader: reporting year, agency, publication date, statistics period and format
 * version, each located in the original text.
 *
 * @packageDocumentation
 */
import { SECTIONS, TEMPLATE_2019 } from '../catalog/index.js';
import { formatSigns } from '../catalog/keys.js';
import type { FormatVersion } from '../catalog/index.js';
import type { ReportMeta, Span } from '../model/index.js';
import type { FoundSection, ReportStructure } from './sections.js';
import type { SourceText } from './source.js';
import { compactOf } from './compact.js';
import type { CompactText } from './compact.js';
import { CHINESE_NUMERALS } from './source.js';

/** A value read from the normalized text, with the normalized range it was read from. */
interface Found<T> {
  readonly value: T;
  readonly start: number;
  readonly end: number;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2200;
const MAX_TITLE = 80;
const MAX_AGENCY = 40;

// Endings of agency names: what a signature or metadata line must end with to be taken as one.
const AGENCY_ENDING = /(政府|办公室|办公厅|办事处|街道|委员会|管委会|局|委|办|厅|院|署|中心|镇|乡|区|县|市|部|处|所|站|队|馆|会|司|机关)$/u;
const AGENCY_WORDS = /^[\u3400-\u9fff（）()·]+$/u;

const plausibleYear = (year: number): boolean => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

function isoDate(year: number, month: number, day: number): string | undefined {
  if (!plausibleYear(year) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Trims spaces off a normalized range. */
function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from] as string)) from++;
  while (to > from && /\s/u.test(text[to - 1] as string)) to--;
  return { start: from, end: to };
}

/** The agency name in a normalized range, trimmed, when it reads as a name (Han characters only). */
function agencyIn(text: string, start: number, end: number, requireEnding: boolean): Found<string> | undefined {
  const range = trimRange(text, start, end);
  const name = text.slice(range.start, range.end).replace(/\s/gu, '');
  if (name.length < 2 || name.length > MAX_AGENCY || !AGENCY_WORDS.test(name)) return undefined;
  if (/^(我|本|该|各)/u.test(name) || name === '政府') return undefined;
  if (requireEnding && !AGENCY_ENDING.test(name)) return undefined;
  return { value: name, ...range };
}

interface Title {
  readonly year: Found<number>;
  readonly agency?: Found<string>;
}

// `\s{0,16}(?:\(全文\)\s{0,16})?$`: two runs of whitespace side by side would be split every way before
// failing, and each is bounded (see TITLE_LABEL).
const TITLE_END = /(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)\s{0,16}(?:\(全文\)\s{0,16})?$/u;
const TITLE_REJECT = /[《》,。;]|关于|根据|印发|通知/u;
// Blanks between the words of a label or a date are bounded (`\s{0,16}`, never `\s*`): an unbounded
// run is matched by backtracking over every blank of it, and millions of blanks overflow the
// matcher's stack (a RangeError, reported as internal-error). A label and its value, or the parts of
// a date, stand within a few blanks of each other.
const TITLE_LABEL = /^\s{0,16}(?:标题|题名|文章标题|名称)\s{0,16}:\s{0,16}/u;

/** Reads one table cell or line as the report's title ("西畴县人民政府2023年政府信息公开工作年度报告"). */
function readTitle(text: string, start: number, end: number): Title | undefined {
  let cell = text.slice(start, end);
  const label = TITLE_LABEL.exec(cell);
  let base = start;
  if (label) {
    base += label[0].length;
    cell = cell.slice(label[0].length);
  }
  if (cell.length > MAX_TITLE || TITLE_REJECT.test(cell)) return undefined;
  const ending = TITLE_END.exec(cell);
  if (!ending) return undefined;
  const head = cell.slice(0, ending.index);
  // The last four-digit number of the head is the year ("2025湖口县大垅乡2025年度…" has two).
  const yearPattern = /(?<!\d)(\d{4})(?!\d)\s{0,16}年?\s{0,16}度?/gu;
  let yearMatch: RegExpExecArray | undefined;
  for (let match = yearPattern.exec(head); match; match = yearPattern.exec(head)) yearMatch = match;
  if (!yearMatch) return undefined;
  const year = Number(yearMatch[1]);
  if (!plausibleYear(year)) return undefined;
  const yearStart = base + yearMatch.index;
  let prefixStart = base;
  // A year repeated before the name is not part of it.
  const leadingYear = /^\s{0,16}\d{4}\s{0,16}年?\s{0,16}度?/u.exec(head.slice(0, yearMatch.index));
  if (leadingYear) prefixStart += leadingYear[0].length;
  const agency = agencyIn(text, prefixStart, yearStart, false) ?? agencyAfterYear(text, yearStart + yearMatch[0].length, base + ending.index);
  return { year: { value: year, start: yearStart, end: yearStart + 4 }, ...(agency ? { agency } : {}) };
}

/**
 * The agency named between the year and "政府信息公开" ("2022年度螅镇政府信息公开…"): the 政府 before
 * 信息公开 is the report's words unless the name would end without it ("XX县人民" + "政府信息公开").
 */
function agencyAfterYear(text: string, start: number, end: number): Found<string> | undefined {
  const name = agencyIn(text, start, end, false);
  if (name && !AGENCY_ENDING.test(name.value) && text.startsWith('政府', end)) return agencyIn(text, start, end + 2, false) ?? name;
  return name;
}

const BAR = 124;
const TAB = 9;

/**
 * Visits the lines (and their `|`- or tab-separated cells) of a normalized range, trimmed, in text
 * order, until `visit` returns true. A loop over character codes with a callback, not a generator
 * of cell objects over strings of one character: the front matter before the first section is
 * every report's longest run of lines, read for its title cell by cell.
 */
function visitCells(text: string, start: number, end: number, visit: (cellStart: number, cellEnd: number, lineStart: number) => boolean): void {
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let cellStart = lineStart;
    for (let index = lineStart; index <= lineEnd; index++) {
      const code = index === lineEnd ? BAR : text.charCodeAt(index);
      if (code === BAR || code === TAB) {
        const range = trimRange(text, cellStart, index);
        if (range.end > range.start && visit(range.start, range.end, lineStart)) return;
        cellStart = index + 1;
      }
    }
    lineStart = lineEnd + 1;
  }
}

/** The line before `lineStart` that is not blank, as a range. */
function previousLine(text: string, lineStart: number): { start: number; end: number } | undefined {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const range = trimRange(text, start, end);
    if (range.end > range.start) return range;
    end = start - 1;
  }
  return undefined;
}

/**
 * The title before the first section: its year, and the agency written before (or after) the year —
 * or, when the title names none, on the line above ("洪泽区人民政府" over "2023 年政府信息公开工作年度报告").
 */
function findTitle(text: string, end: number): Title | undefined {
  let first: Title | undefined;
  let named: Title | undefined;
  visitCells(text, 0, end, (cellStart, cellEnd, lineStart) => {
    const title = readTitle(text, cellStart, cellEnd);
    if (!title) return false;
    let agency = title.agency;
    if (!agency && cellStart === trimRange(text, lineStart, cellEnd).start) {
      const above = previousLine(text, lineStart);
      if (above) agency = agencyIn(text, above.start, above.end, true);
    }
    const year = first?.year ?? title.year;
    if (agency) {
      named = { year, agency };
      return true;
    }
    first ??= { year };
    return false;
  });
  return named ?? first;
}

const PAGE_AGENCY = /(?:发文机关|发布机构|发布单位|发文单位)\s{0,16}:\s{0,16}([^|\t\n]{2,60})/gu;
// `\s{0,16}(?::\s{0,16})?`, not `\s*:?\s*`: two runs of whitespace side by side split a long run every
// way before failing, quadratic in its length (发布日期 and 160,000 newlines took a minute), and an
// unbounded run overflows the matcher's stack on millions of newlines (a RangeError). A date follows
// its label within a few blanks.
const PAGE_DATE = /(?:发布日期|发布时间|发文日期|发文时间|成文日期|印发日期|公开日期)\s{0,16}(?::\s{0,16})?(\d{4})\s{0,16}[-/.年]\s{0,16}(\d{1,2})\s{0,16}[-/.月]\s{0,16}(\d{1,2})\s{0,16}日?/gu;
const WRITTEN_DATE = /(\d{4})\s{0,16}年\s{0,16}(\d{1,2})\s{0,16}月\s{0,16}(\d{1,2})\s{0,16}日/u;

function findPageAgency(text: string, end: number): Found<string> | undefined {
  PAGE_AGENCY.lastIndex = 0;
  for (let match = PAGE_AGENCY.exec(text); match && match.index < end; match = PAGE_AGENCY.exec(text)) {
    const valueStart = match.index + match[0].length - (match[1] as string).length;
    const agency = agencyIn(text, valueStart, match.index + match[0].length, true);
    if (agency) return agency;
  }
  return undefined;
}

function findPageDate(text: string): Found<string> | undefined {
  PAGE_DATE.lastIndex = 0;
  for (let match = PAGE_DATE.exec(text); match; match = PAGE_DATE.exec(text)) {
    const value = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    if (!value) continue;
    const start = match.index + match[0].search(/\d/u);
    return { value, ...trimRange(text, start, match.index + match[0].length) };
  }
  return undefined;
}

// The body naming its author: "结合2024年省国动办政府信息公开工作实际", "现公布区统计局2023年政府信息公开工作年度报告",
// "编制形成2021年漳平市人民政府办公室政府信息公开年度报告", "本报告由淮安市洪泽区人民政府办公室根据…".
const NAME = '[\\u3400-\\u9fff（）()·]{2,30}?';
// redos-bound: a name is at most 30 characters (NAME), so each start tries at most 30; worst case in test/hardening/redos-bounds.test.ts
const SELF_REFERENCES = [
  new RegExp(`结合(?:\\d{4}\\s{0,16}年度?)?(${NAME})(?:政府信息公开|政务公开)工作实际`, 'gu'),
  new RegExp(`(?:现公布|公布|编制|形成|现将)(${NAME})\\s{0,16}\\d{4}\\s{0,16}年度?(?:政府)?(?:信息公开|政务公开)`, 'gu'),
  new RegExp(`(?:公布|编制|形成)\\d{4}\\s{0,16}年度?(${NAME})(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?报告`, 'gu'),
  new RegExp(`本(?:年度)?(?:报告|年报)由(${NAME})(?:根据|依据|按照|依照|编制|综合)`, 'gu'),
  // "在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实…": the body's subject after its leadership.
  new RegExp(`(?:领导下|指导下)\\s{0,16}(?:,\\s{0,16})?(${NAME}(?:人民政府|政府办公室|办公室|街道办事处|办事处|局|委员会))(?:认真|坚持|深入|全面|积极|严格|持续|始终|紧紧|高度)`, 'gu'),
  // "如对本年报有任何疑问,请与金坑乡人民政府党建办联系": the government, not its office for enquiries.
  new RegExp(`(?:疑问|问题)\\s{0,16}(?:,\\s{0,16})?请与(${NAME}(?:人民政府|街道办事处))`, 'gu'),
];

const PLACEHOLDER_GOVERNMENT = /^[省市区县乡镇]+(?:人民政府|政府)/u;

function findSelfReference(text: string, end: number): Found<string> | undefined {
  let best: Found<string> | undefined;
  for (const pattern of SELF_REFERENCES) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match && match.index < end; match = pattern.exec(text)) {
      const name = match[1] as string;
      const start = match.index + match[0].indexOf(name);
      const found = agencyIn(text, start, start + name.length, false);
      // A template's placeholder ("请与市区人民政府办公室联系") names no one.
      const agency = found && !PLACEHOLDER_GOVERNMENT.test(found.value) ? found : undefined;
      if (agency && (!best || agency.start < best.start)) best = agency;
      if (agency) break;
    }
  }
  return best;
}

function findSignature(text: string, structure: ReportStructure): { agency?: Found<string>; date?: Found<string> } {
  const signature = structure.signature;
  if (!signature) return {};
  const match = WRITTEN_DATE.exec(text.slice(signature.start, signature.end));
  const value = match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  const agency =
    signature.previousLineStart !== undefined && signature.previousLineEnd !== undefined
      ? agencyIn(text, signature.previousLineStart, signature.previousLineEnd, true)
      : undefined;
  return { ...(value ? { date: { value, start: signature.start, end: signature.end } } : {}), ...(agency ? { agency } : {}) };
}

interface Period {
  readonly text: Found<string>;
  readonly blank: boolean;
  readonly year?: Found<number>;
}

const PERIOD_LABEL = /统计(?:数据)?(?:的)?(?:期限|时限|时段|时间段|期间|区间|时间)/gu;
const PERIOD_WINDOW = 80;

/** The statistics period statement ("统计期限自2024年1月1日起至2024年12月31日止"), blank when its fields were never filled. */
function findPeriod(text: string, end: number): Period | undefined {
  PERIOD_LABEL.lastIndex = 0;
  for (let match = PERIOD_LABEL.exec(text); match && match.index < end; match = PERIOD_LABEL.exec(text)) {
    const start = match.index;
    const windowEnd = Math.min(end, start + PERIOD_WINDOW);
    const window = text.slice(start, windowEnd);
    let stop = window.search(/[。;|]/u);
    const until = window.indexOf('止');
    if (until >= 0 && (stop < 0 || until < stop)) stop = until + 1;
    if (stop < 0) {
      const lastDay = window.lastIndexOf('日');
      stop = lastDay >= 0 ? lastDay + 1 : window.length;
    }
    // redos-bound: the window is at most PERIOD_WINDOW (80) characters; worst case in test/hardening/redos-bounds.test.ts
    const statement = window.slice(0, stop).replace(/[\s,:]+$/u, '');
    const dates = statement.slice(match[0].length).replace(/\s/gu, '');
    if (!/[年月日]/u.test(dates)) continue;
    const range = trimRange(text, start, start + statement.length);
    const yearMatch = /(?<!\d)(\d{4})(?=\s*年)/u.exec(statement);
    const year = yearMatch ? Number(yearMatch[1]) : undefined;
    return {
      text: { value: text.slice(range.start, range.end), ...range },
      // A field never filled in leaves 年, 月 or 日 with no number before it ("自年月日起至年12月31日止").
      blank: /(?:^|[^\d])[年月日]/u.test(dates.replace(/年度/gu, '')),
      ...(year !== undefined && yearMatch && plausibleYear(year) ? { year: { value: year, start: start + yearMatch.index, end: start + yearMatch.index + 4 } } : {}),
    };
  }
  return undefined;
}

// "截止2024年12月31日" / "截至2024年12月底": the statistics year's end, stated in the body.
const CUTOFF_YEAR = /截[止至]\s{0,16}(\d{4})\s{0,16}年\s{0,16}12\s{0,16}月/gu;

/** The year whose end the body counts up to ("截止2024年12月31日"). */
function findCutoffYear(text: string, end: number): Found<number> | undefined {
  CUTOFF_YEAR.lastIndex = 0;
  for (let match = CUTOFF_YEAR.exec(text); match && match.index < end; match = CUTOFF_YEAR.exec(text)) {
    const year = Number(match[1]);
    const start = match.index + match[0].indexOf(match[1] as string);
    if (plausibleYear(year)) return { value: year, start, end: start + 4 };
  }
  return undefined;
}

/** The year the overview opens with ("2024年,长治市上党区…"). */
function findBodyYear(text: string, sections: readonly FoundSection[]): Found<number> | undefined {
  const section = sections.find((found) => found.key === 'overview') ?? sections[0];
  if (!section) return undefined;
  const pattern = /(?<!\d)(\d{4})\s{0,16}年(?!\s{0,16}\d)/gu;
  const body = text.slice(section.headingEnd, section.end);
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    const year = Number(match[1]);
    if (plausibleYear(year)) return { value: year, start: section.headingEnd + match.index, end: section.headingEnd + match.index + 4 };
  }
  return undefined;
}

// "…公布文昌阁乡2025年度政府信息公开年度报告": the body naming the report, with its year.
const NAMED_REPORT = /(?<!\d)(\d{4})\s{0,16}年度?[\u3400-\u9fff（）()]{0,20}?(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)/gu;

/** The year of the report the body names, when nothing else states it. */
function findNamedYear(text: string, end: number): Found<number> | undefined {
  NAMED_REPORT.lastIndex = 0;
  for (let match = NAMED_REPORT.exec(text); match && match.index < end; match = NAMED_REPORT.exec(text)) {
    const year = Number(match[1]);
    if (plausibleYear(year)) return { value: year, start: match.index, end: match.index + 4 };
  }
  return undefined;
}

// ── Format version ─────────────────────────────────────────────────────────────────────────

/** True when `label` is followed by a value rather than by numbered sub-rows ("其他处理 0" but not "其他处理 1.申请人…"). */
function readFlat(compact: string, label: string): boolean {
  for (let index = compact.indexOf(label); index >= 0; index = compact.indexOf(label, index + 1)) {
    const after = compact.slice(index + label.length, index + label.length + 12).replace(/^[|/]+/u, '');
    if (/^\d+(?![\d.、])/u.test(after) || /^\d+[|/]/u.test(after)) return true;
  }
  return false;
}

/**
 * Recognises the format (FORMAT.md §7) from the statistics tables' own wording — never from the
 * document a report cites. Without tables: reports for years before the 2019 format, or whose
 * numbered headings are shifted against the template the way the older reports' are
 * ("五、行政复议…", "六、存在的主要问题…"), are pre-2019; anything else is unknown.
 */
export function detectFormat(text: string, sections: readonly FoundSection[], year: number | undefined): FormatVersion {
  return detectFormatOfCompact(text.replace(/[ \t\n\r\f\v]+/g, ''), sections, year);
}

/**
 * How many of the older format's signs the compact text holds, counted only as far as the comparison
 * with the current format's count needs: a sign absent is a search through the whole text, and a
 * current report holds none of them, so the count stops once the signs left could no longer reach
 * `current` (or once it is past it). The result compares with `current` as the full count would.
 */
function olderSignsAgainst(compact: string, current: number): number {
  const known = formatSigns();
  const checks = [...known.older.map((label) => (): boolean => compact.includes(label)), ...known.flatRows.map((label) => (): boolean => readFlat(compact, label))];
  let older = 0;
  for (let index = 0; index < checks.length; index++) {
    if (older > current || older + (checks.length - index) < current) break;
    if ((checks[index] as () => boolean)()) older++;
  }
  return older;
}

function detectFormatOfCompact(compact: string, sections: readonly FoundSection[], year: number | undefined): FormatVersion {
  const known = formatSigns();
  const current = known.current.filter((label) => compact.includes(label)).length;
  const older = olderSignsAgainst(compact, current);
  if (current > older) return '2021';
  if (older > current) return '2019';
  if (current > 0) {
    if (year !== undefined && year >= (TEMPLATE_2019.firstYear ?? 0) + 2) return '2021';
    if (year !== undefined && year >= (TEMPLATE_2019.firstYear ?? 0)) return '2019';
    return 'unknown';
  }
  const firstYear = TEMPLATE_2019.firstYear;
  if (known.legacy.some((label) => compact.includes(label))) return 'pre-2019';
  if (year !== undefined) return firstYear !== undefined && year < firstYear ? 'pre-2019' : 'unknown';
  return sections.some((section) => section.writtenOrdinal !== templateOrdinal(section)) ? 'pre-2019' : 'unknown';
}

const templateOrdinal = (section: FoundSection): number => {
  const definition = SECTIONS.find((candidate) => candidate.key === section.key);
  return definition ? CHINESE_NUMERALS.indexOf(definition.ordinal) + 1 : 0;
};

// ── Assembly ───────────────────────────────────────────────────────────────────────────────

const located = <T>(source: SourceText, found: Found<T>): { value: T; span: Span } => ({ value: found.value, span: source.span(found.start, found.end) });

/** A string value as the user wrote it: the original characters under its span. */
const asWritten = (source: SourceText, found: Found<string>): { value: string; span: Span } => {
  const span = source.span(found.start, found.end);
  return { value: source.written(found.start, found.end), span };
};

/**
 * Reads the report's metadata: the year (title, statistics period, or the overview's opening), the
 * agency as written (title, page metadata, signature, or the body's self-reference), the publication
 * date (page metadata, else the signature date), the statistics period, and the format version.
 *
 * @param compact - The report without whitespace up to its end, when the caller has made it already.
 */
export function readMeta(source: SourceText, structure: ReportStructure, compact: CompactText = compactOf(source, structure.reportEnd)): ReportMeta {
  const text = source.text;
  const firstSection = structure.sections[0];
  const front = firstSection ? firstSection.start : Math.min(text.length, structure.reportEnd);
  const title = findTitle(text, front);
  const period = findPeriod(text, structure.reportEnd);
  const year = title?.year ?? period?.year ?? findCutoffYear(text, structure.reportEnd) ?? findBodyYear(text, structure.sections) ?? findNamedYear(text, structure.reportEnd);
  const signature = findSignature(text, structure);
  const agency = title?.agency ?? findPageAgency(text, front) ?? signature.agency ?? findSelfReference(text, structure.reportEnd);
  const publishedOn = findPageDate(text) ?? signature.date;
  const formatVersion = detectFormatOfCompact(compact.text, structure.sections, year?.value);
  // Set field by field in the schema's order (what JSON output shows): spreading optional fields
  // into a literal costs the engine a runtime call each, a tenth of this stage.
  const meta: Partial<ReportMeta> = {};
  if (agency) meta.agency = asWritten(source, agency);
  if (year) meta.year = located(source, year);
  if (publishedOn) meta.publishedOn = located(source, publishedOn);
  if (period) meta.period = { text: asWritten(source, period.text).value, blank: period.blank, span: source.span(period.text.start, period.text.end) };
  meta.formatVersion = formatVersion;
  return meta as ReportMeta;
}
