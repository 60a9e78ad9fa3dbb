import { normalizedOffset, sourceOf } from '../series/narrative.js';
import { defineSeriesRule } from './rule.js';
import type { SeriesReport } from './rule.js';

/**
 * Sentences in which a report names its own reporting year, in the normalized text: the report
 * itself ("2023年度政府信息公开工作年度报告"), its statistics period ("2023年1月1日至2023年12月31日"),
 * and the year the work is told of ("2023年，我局…", "2023年度，…" opening a sentence or a section). A year merely mentioned ("较2023年增长", "2019年以来") is not one of them.
 */
// redos-bound: every run of blanks is at most 16, so each start tries a bounded number of splits; worst case in test/hardening/redos-bounds.test.ts
const OWN_YEAR_PATTERNS: readonly RegExp[] = [
  /(?<!\d)(\d{4})\s{0,16}年\s{0,16}(?:度\s{0,16})?(?:的\s{0,16})?政府信息公开(?:工作)?(?:年度)?报告/gu,
  /(?<!\d)(\d{4})\s{0,16}年\s{0,16}1\s{0,16}月\s{0,16}1\s{0,16}日\s{0,16}(?:起)?\s{0,16}(?:至|到|-|—|~)\s{0,16}(?:(\d{4})\s{0,16}年\s{0,16})?12\s{0,16}月\s{0,16}31\s{0,16}日/gu,
  // Blanks bounded, and 度 with its own: runs of blanks side by side are split every way before failing.
  /(?:^|[。!?;\n:])\s{0,16}(\d{4})\s{0,16}年\s{0,16}(?:度\s{0,16})?[,，]/gu,
];

const QUOTE_LENGTH = 30;
const SECTION_OPENING = /^\s*(\d{4})\s{0,16}年\s{0,16}(?:度\s{0,16})?[,，]/u;

/** The report names another reporting year than its own in its own sentences. */
export const yearMismatch = defineSeriesRule({
  scope: 'text',
  meta: {
    id: 'year-mismatch',
    category: 'narrative',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '报告在自身的语句中写了另一个报告年度：报告名称（“2023年度政府信息公开工作年度报告”）、统计期限（“2023年1月1日至2023年12月31日”）或以年份开头的句子（“2023年，我局……”）中的年份与报告年度不同——常见于沿用上年报告而未改全年份。只是提到其他年份（“较2023年增长”）不算。',
      en: 'The report names another reporting year than its own in its own sentences: its name ("2023年度政府信息公开工作年度报告"), its statistics period ("1 January to 31 December 2023") or a sentence opening with a year ("2023年，我局……") — typical of last year’s report reused without every year changed. A year merely mentioned ("up on 2023") does not count.',
    },
    messages: {
      mismatch: {
        'zh-CN': '这是 {year} 年度的报告，但此处写的是 {stated} 年：“{quote}”。',
        en: 'This is the report for {year}, but this sentence names {stated}: "{quote}".',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '2024 年度报告的总体情况以“2023年，”开头', en: 'A 2024 report whose overview opens with "2023年，"' },
          text: '示例县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n2023年，示例县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开。\n六、其他需要报告的事项\n本年度未收取信息处理费。',
        },
      ],
      passing: [
        {
          summary: { 'zh-CN': '只是与上年比较', en: 'Only a comparison with last year' },
          text: '示例县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n2024年，示例县人民政府主动公开政府信息1200条，较2023年增长10%。\n六、其他需要报告的事项\n本年度未收取信息处理费。',
        },
      ],
    },
  },
  check(current, _previous, context) {
    const year = current.report.meta.year?.value;
    const source = sourceOf(current);
    if (year === undefined || !source) return;
    const text = source.text;
    const found = new Set<number>();
    // `match` was found in the normalized text from `base` on.
    const report = (match: RegExpExecArray, base: number): void => {
      // The first year of the sentence that is not the report's; its digits are searched from where
      // the previous group's ended, so "2023年1月1日至2024年12月31日" points at the right one.
      let from = 0;
      for (const digits of match.slice(1)) {
        if (digits === undefined) continue;
        const offset = match[0].indexOf(digits, from);
        from = offset + digits.length;
        if (Number(digits) === year) continue;
        const at = base + match.index + offset;
        if (found.has(at)) return;
        found.add(at);
        // Quoted as written, from the year to the end of its sentence (at most 30 characters).
        const rest = text.slice(at, at + QUOTE_LENGTH);
        const stop = rest.search(/[。；;！!？?\n]/u);
        const quote = source.written(at, at + (stop > 0 ? stop : rest.length));
        context.report({ messageId: 'mismatch', args: { year, stated: Number(digits), quote }, span: source.span(at, at + digits.length) });
        return;
      }
    };
    for (const [rangeStart, rangeEnd] of bodyRanges(current.report, source.original.length)) {
      const start = normalizedOffset(source, rangeStart);
      const body = text.slice(start, normalizedOffset(source, rangeEnd));
      for (const pattern of OWN_YEAR_PATTERNS) {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(body); match; match = pattern.exec(body)) report(match, start);
      }
    }
    // A section's text opening with a year ("一、总体情况2023年，我区…", the heading run into the text).
    for (const section of current.report.sections) {
      if (section.key === 'problems' || !section.headingSpan || !section.span) continue;
      const start = normalizedOffset(source, section.headingSpan.end);
      const match = SECTION_OPENING.exec(text.slice(start, Math.min(normalizedOffset(source, section.span.end), start + 40)));
      if (match) report(match, start);
    }
  },
});

/**
 * Where the report speaks for itself: from the year of its title (the year it is read as; the title
 * itself is not searched) to the end of its last section, without the section on problems, which
 * tells of last year's report and next year's plans.
 */
function bodyRanges(report: SeriesReport['report'], textLength: number): [number, number][] {
  const spans = report.sections.flatMap((section) => (section.span ? [section.span] : []));
  const start = report.meta.year?.span?.end ?? spans[0]?.start ?? 0;
  const end = spans.length > 0 ? Math.max(...spans.map((span) => span.end)) : textLength;
  const problems = report.sections.find((section) => section.key === 'problems')?.span;
  if (!problems || problems.end <= start || problems.start >= end) return start < end ? [[start, end]] : [];
  return (
    [
      [start, Math.max(start, problems.start)],
      [Math.min(end, problems.end), end],
    ] as [number, number][]
  ).filter(([from, to]) => to > from);
}
