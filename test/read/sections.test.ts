import { describe, expect, it } from 'vitest';
import { SECTION_KEYS } from '../../src/catalog/index.js';
import type { TableKey } from '../../src/catalog/index.js';
import { checkText } from '../../src/check.js';
import { findSections, toReportSections } from '../../src/read/sections.js';
import { normalize } from '../../src/read/source.js';
import type { Section } from '../../src/model/index.js';
import { fixtureText, seedExpectation, seedText, tableAsFixture, TABLED_SEEDS } from '../support/fixtures.js';

/** The sections of a text as the typed report records them. */
function sectionsOf(text: string): Section[] {
  const source = normalize(text);
  return toReportSections(source, findSections(source));
}

const slice = (text: string, span: Section['span']): string => (span ? text.slice(span.start, span.end) : '');
const keysOf = (sections: Section[]): string[] => sections.map((section) => section.key);
const sectionOf = (sections: Section[], key: string): Section => {
  const section = sections.find((candidate) => candidate.key === key);
  if (!section) throw new Error(`no section ${key}`);
  return section;
};

describe.each(TABLED_SEEDS)('seed %s', (id) => {
  const text = seedText(id);
  const expected = seedExpectation(id);
  const sections = sectionsOf(text);

  it('has the six sections with their headings exactly as the ground truth writes them, in order', () => {
    expect(sections.map((section) => [section.key, section.heading])).toEqual(Object.entries(expected.sections));
  });

  it('locates each heading and section in the original text', () => {
    for (const section of sections) {
      expect(slice(text, section.headingSpan)).toBe(section.heading);
      expect(section.span?.start).toBe(section.headingSpan?.start);
      expect(slice(text, section.span).startsWith(section.heading)).toBe(true);
      // The span's line and column are those of the heading's first character.
      const before = text.slice(0, section.headingSpan?.start);
      expect(section.headingSpan?.line).toBe(before.split(/\r\n|\r|\n/u).length);
    }
  });

  it('runs each section up to the next heading', () => {
    for (let index = 1; index < sections.length; index++) {
      expect(sections[index - 1]?.span?.end).toBe(sections[index]?.span?.start);
    }
  });

  it('takes the numbered rows of table 三 for rows, not sections', () => {
    const applications = slice(text, sectionOf(sections, 'applications').span);
    const reviews = sectionOf(sections, 'reviewsAndLitigation');
    expect(reviews.heading).not.toMatch(/结转|結轉/u);
    // The table's own "四、结转下年度继续办理" and "三、本年度办理结果" rows stay inside section 三.
    expect(applications).toMatch(/結(?:\(jié\))?轉(?:\(zhuǎn\))?下年度|结转下年度/u);
    expect(applications).toMatch(/本年度(?:办|辦)理/u);
  });
});

describe('page chrome around a report', () => {
  it('leaves the breadcrumbs and the metadata table of seed 000 before the first section', () => {
    const text = seedText('000');
    const sections = sectionsOf(text);
    const first = sections[0]?.span?.start ?? 0;
    expect(text.indexOf('当前位置')).toBeLessThan(first);
    expect(text.indexOf('发布日期')).toBeLessThan(first);
  });

  it('ends seed 000 under its signature date', () => {
    const text = seedText('000');
    const last = sectionOf(sectionsOf(text), 'otherMatters');
    expect(slice(text, last.span).endsWith('长治市上党区人民政府办公室\n2024年12月31日')).toBe(true);
  });

  it('ends seed 001 under its signature, before the login links', () => {
    const text = seedText('001');
    const last = sectionOf(sectionsOf(text), 'otherMatters');
    expect(slice(text, last.span).endsWith('西畴县人民政府办公室\n2024年1月22日')).toBe(true);
    expect(last.span?.end).toBeLessThan(text.indexOf('账号+密码登录'));
  });

  it('ends seed 002 before the report-abuse form', () => {
    const text = seedText('002');
    const sections = sectionsOf(text);
    const last = sections[sections.length - 1];
    expect(last?.key).toBe('problems');
    expect(slice(text, last?.span).trimEnd().endsWith('促进全区政府信息公开工作更加规范有序开展。')).toBe(true);
    expect(last?.span?.end).toBeLessThan(text.indexOf('被举报文档标题'));
  });

  it('ends a report flattened onto one line before a trailing button caption', () => {
    const text = fixtureText('corpus/004.txt');
    const last = sectionOf(sectionsOf(text), 'otherMatters');
    expect(slice(text, last.span)).toBe('六、其他需要报告的事项2021年，无收取信息处理费情况。');
  });
});

describe('older reports (pre-2019): what corresponds is mapped, nothing invented', () => {
  const text = seedText('002');
  const sections = sectionsOf(text);

  it('maps 概述, 主动公开, 依申请公开, 复议诉讼 and 存在的主要问题 of seed 002', () => {
    expect(sections.map((section) => [section.key, section.heading])).toEqual([
      ['overview', '一、概述'],
      ['activeDisclosure', '二、主动公开政府信息工作情况'],
      ['applications', '三、依申请公开政府信息办理情况'],
      ['reviewsAndLitigation', '五、行政复议、诉讼和申诉情况'],
      ['problems', '六、存在的主要问题及改进措施'],
    ]);
  });

  it('ends 依申请公开 at the 收费及减免 heading the template does not have', () => {
    const applications = slice(text, sectionOf(sections, 'applications').span);
    expect(applications).toContain('年无依申请公开信息处理情况。');
    expect(applications).not.toContain('收费及减免');
    expect(slice(text, sectionOf(sections, 'reviewsAndLitigation').span)).not.toContain('收费及减免');
  });

  it('maps the one-line 2017 report of corpus 011', () => {
    expect(keysOf(sectionsOf(fixtureText('corpus/011.txt')))).toEqual(['overview', 'activeDisclosure', 'applications', 'reviewsAndLitigation', 'problems']);
  });
});

describe('heading variants', () => {
  it('reads headings run into the text of a one-line report, after a sentence, a number or a unit', () => {
    for (const file of ['corpus/004.txt', 'corpus/005.txt', 'corpus/006.txt', 'corpus/010.txt']) {
      const sections = sectionsOf(fixtureText(file));
      expect(keysOf(sections), file).toEqual(SECTION_KEYS);
    }
    // "…政府集中采购13575394432.52元三、收到和处理政府信息公开申请情况(本列数据…"
    const applications = sectionOf(sectionsOf(fixtureText('corpus/006.txt')), 'applications');
    expect(applications.heading).toBe('三、收到和处理政府信息公开申请情况');
  });

  it('tolerates a typo in a long heading', () => {
    const reviews = sectionOf(sectionsOf(fixtureText('corpus/005.txt')), 'reviewsAndLitigation');
    expect(reviews.heading).toBe('四、政府信息公开行政法复议、行政诉讼情况');
  });

  it('reads traditional headings, keeping them as written', () => {
    const sections = sectionsOf(fixtureText('corpus/033.txt'));
    expect(sections.map((section) => section.heading)).toEqual(['一、總體情況', '二、主動公開政府信息情況', '三、收到和處理政府信息公開申請情況']);
  });

  it('accepts 一, 一. and 一、 and a heading followed by text on its line', () => {
    const text = ['一,总体情况', '正文。', '二.主动公开政府信息情况', '表。', '三、收到和处理政府信息公开申请情况 |', '四、政府信息公开行政复议、行政诉讼情况:无', '五 、存在的主要问题及改进情况', '六、其他需要报告的事项。无。'].join('\n');
    expect(sectionsOf(text).map((section) => [section.key, section.heading])).toEqual([
      ['overview', '一,总体情况'],
      ['activeDisclosure', '二.主动公开政府信息情况'],
      ['applications', '三、收到和处理政府信息公开申请情况'],
      ['reviewsAndLitigation', '四、政府信息公开行政复议、行政诉讼情况'],
      ['problems', '五 、存在的主要问题及改进情况'],
      ['otherMatters', '六、其他需要报告的事项'],
    ]);
  });

  it('takes (一) for a subsection, never a section', () => {
    const text = '一、总体情况\n(二)主动公开政府信息情况\n（三）收到和处理政府信息公开申请情况\n';
    expect(keysOf(sectionsOf(text))).toEqual(['overview']);
  });

  it('does not take a table of contents for the sections', () => {
    const text = fixtureText('corpus/042.txt');
    const sections = sectionsOf(text);
    expect(keysOf(sections)).toEqual(['overview']);
    // The heading on its own line, not "一、总体情况" in "本报告分为六个部分:一、总体情况,二、…".
    expect(text.slice(0, sections[0]?.span?.start).endsWith('\n')).toBe(true);
  });

  it('finds no section in text without numbered headings', () => {
    expect(sectionsOf('主动公开政府信息情况\n收到和处理政府信息公开申请情况')).toEqual([]);
    expect(sectionsOf('')).toEqual([]);
  });
});

describe('the end of a report cut short after table 三', () => {
  it('does not take a table row with a chrome word ("1.信访举报投诉类申请") for page chrome', () => {
    const text = ['一、总体情况', '正文。', '三、收到和处理政府信息公开申请情况', '(五)不予处理', '1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0', '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0', '举报', '验证码'].join('\n');
    const applications = sectionsOf(text).find((section) => section.key === 'applications');
    expect(slice(text, applications?.span).endsWith('2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0')).toBe(true);
  });
});

describe('a table of contents on lines of its own', () => {
  it('is passed over for the headings of the body', () => {
    const contents = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const body = contents.flatMap((heading) => [heading, '正文。']);
    const text = ['目录', ...contents, ...body].join('\n');
    const sections = sectionsOf(text);
    expect(keysOf(sections)).toEqual(SECTION_KEYS);
    expect(sections[0]?.span?.start).toBe(text.indexOf('一、总体情况\n正文'));
  });

  it('keeps a single empty section', () => {
    const text = '一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n表。';
    expect(keysOf(sectionsOf(text))).toEqual(['overview', 'activeDisclosure', 'applications']);
  });
});

/** Offset of the line that starts with `heading` (each heading of seed 001 is written once). */
function lineStarting(text: string, heading: string): number {
  const at = text.indexOf(`\n${heading}`);
  if (at < 0) throw new Error(`no line starting with ${heading}`);
  return at + 1;
}

/** The text with the lines from `from` up to `upTo` (a section: its heading, table and words) moved before the line `before`. */
function moveSection(text: string, from: string, upTo: string, before: string): string {
  const start = lineStarting(text, from);
  const end = lineStarting(text, upTo);
  const rest = text.slice(0, start) + text.slice(end);
  const at = lineStarting(rest, before);
  return rest.slice(0, at) + text.slice(start, end) + rest.slice(at);
}

describe('a section the report moved out of template order', () => {
  const expected = seedExpectation('001');
  const heading = (key: string): string => expected.sections[key] ?? key;
  const cases: { name: string; text: string; order: string[]; moved: string; table?: TableKey }[] = [
    {
      name: 'seed 001 with section 四 (heading and table) before section 三',
      text: moveSection(seedText('001'), heading('reviewsAndLitigation'), heading('problems'), heading('applications')),
      order: ['overview', 'activeDisclosure', 'reviewsAndLitigation', 'applications', 'problems', 'otherMatters'],
      moved: 'reviewsAndLitigation',
      table: 'reviews',
    },
    {
      name: 'seed 001 with section 六 before section 五',
      text: moveSection(seedText('001'), heading('otherMatters'), '西畴县人民政府办公室', heading('problems')),
      order: ['overview', 'activeDisclosure', 'applications', 'reviewsAndLitigation', 'otherMatters', 'problems'],
      moved: 'otherMatters',
    },
  ];

  describe.each(cases)('$name', ({ text, order, moved, table }) => {
    const sections = sectionsOf(text);

    it('finds all six sections, in text order, with their headings', () => {
      expect(sections.map((section) => [section.key, section.heading])).toEqual(order.map((key) => [key, heading(key)]));
      for (const section of sections) expect(slice(text, section.headingSpan)).toBe(section.heading);
    });

    it('runs each section up to the next heading in the text, the ranges apart', () => {
      for (let index = 1; index < sections.length; index++) {
        expect(sections[index - 1]?.span?.end).toBe(sections[index]?.span?.start);
      }
      // The moved section holds its own words and nothing of the section now after it.
      const movedText = slice(text, sectionOf(sections, moved).span);
      const next = sections[sections.findIndex((section) => section.key === moved) + 1];
      expect(movedText.startsWith(heading(moved))).toBe(true);
      expect(movedText).not.toContain(next?.heading);
    });

    it('gives section-order, neither section-missing nor table-missing', () => {
      const { diagnostics } = checkText(text);
      const order = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'section-order');
      expect(order.map((diagnostic) => [diagnostic.severity, diagnostic.span && slice(text, diagnostic.span)])).toEqual([['warning', heading(moved)]]);
      expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'section-missing' || diagnostic.ruleId === 'table-missing')).toEqual([]);
    });

    it('reads the three tables cell for cell as hand-encoded', () => {
      const { report } = checkText(text);
      for (const key of ['activeDisclosure', 'applications', 'reviews'] as const) {
        expect(tableAsFixture(report.tables[key], key, expected.formatVersion), key).toEqual(expected[key]);
      }
      if (table) expect(report.tables[table]?.span?.start).toBeGreaterThanOrEqual(sectionOf(sections, moved).span?.start ?? Infinity);
    });
  });

  it.each(TABLED_SEEDS)('seed %s in each of the 720 orders of its six sections: all found where they stand, tables intact', (id) => {
    const text = seedText(id);
    const truth = seedExpectation(id);
    const headings = Object.values(truth.sections);
    const starts = headings.map((written) => text.indexOf(written));
    // The report ends under its signature (asserted above); what follows stays at the end.
    const reportEnd = sectionsOf(text)[5]?.span?.end ?? text.length;
    const blocks = starts.map((start, index) => {
      const block = text.slice(start, starts[index + 1] ?? reportEnd);
      return block.endsWith('\n') ? block : `${block}\n`;
    });
    const before = text.slice(0, starts[0]);
    const after = text.slice(reportEnd).replace(/^\n/u, '');
    const orders: number[][] = [];
    const permute = (taken: number[], left: number[]): void => {
      if (left.length === 0) orders.push(taken);
      for (const next of left) permute([...taken, next], left.filter((other) => other !== next));
    };
    permute([], [0, 1, 2, 3, 4, 5]);
    expect(orders.length).toBe(720);
    for (const order of orders) {
      const moved = before + order.map((index) => blocks[index]).join('') + after;
      const { report, diagnostics } = checkText(moved);
      const label = order.join('');
      expect(report.sections.map((section) => section.heading), label).toEqual(order.map((index) => headings[index]));
      for (const key of ['activeDisclosure', 'applications', 'reviews'] as const) {
        expect(tableAsFixture(report.tables[key], key, truth.formatVersion), `${label} ${key}`).toEqual(truth[key]);
      }
      const ruleIds = diagnostics.map((diagnostic) => diagnostic.ruleId);
      expect(ruleIds.filter((ruleId) => ruleId === 'section-missing' || ruleId === 'table-missing'), label).toEqual([]);
      expect(ruleIds.includes('section-order'), label).toBe(label !== '012345');
    }
  });

  it('keeps the six sections of seeds 000, 001, 003 and 004 in order, as before', () => {
    for (const id of TABLED_SEEDS) expect(keysOf(sectionsOf(seedText(id))), id).toEqual(SECTION_KEYS);
  });

  it('never keeps a numbered table row out of order, nor a heading in a table row', () => {
    const text = [
      '一、总体情况',
      '正文。',
      '三、收到和处理政府信息公开申请情况',
      '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '五、存在的主要问题及改进情况',
      '二、主动公开政府信息情况 | 3 | 0 | 9',
      '| 二、主动公开政府信息情况 |',
      '六、其他需要报告的事项',
      '正文。',
    ].join('\n');
    expect(keysOf(sectionsOf(text))).toEqual(['overview', 'applications', 'problems', 'otherMatters']);
  });

  it('keeps a heading out of order only when it is strong: on a line of its own, with its own ordinal, worded as the catalog', () => {
    const body = (lines: string[]): string => ['一、总体情况', '正文。', '三、收到和处理政府信息公开申请情况', '正文。', ...lines].join('\n');
    // Its own ordinal and wording, first on its line: kept.
    expect(keysOf(sectionsOf(body(['二、主动公开政府信息情况', '正文。'])))).toEqual(['overview', 'applications', 'activeDisclosure']);
    // Another ordinal (an item of a list), inside a sentence, two slips from the catalog: not kept.
    expect(keysOf(sectionsOf(body(['五、主动公开政府信息情况', '正文。'])))).toEqual(['overview', 'applications']);
    expect(keysOf(sectionsOf(body(['正文:二、主动公开政府信息情况。'])))).toEqual(['overview', 'applications']);
    expect(keysOf(sectionsOf(body(['二、主动公开政府的信息状况', '正文。'])))).toEqual(['overview', 'applications']);
  });

  it('keeps one heading of a section found twice: the one in template order, unless only the other is strong', () => {
    const stray = ['一、总体情况', '正文。', '二、主动公开政府信息情况', '正文。', '三、收到和处理政府信息公开申请情况', '正文。', '五、存在的主要问题及改进情况', '正文。', '三、收到和处理政府信息公开申请情况', '正文。'].join('\n');
    const sections = sectionsOf(stray);
    expect(keysOf(sections)).toEqual(['overview', 'activeDisclosure', 'applications', 'problems']);
    expect(sectionOf(sections, 'applications').span?.start).toBe(stray.indexOf('三、'));
    expect(sectionOf(sections, 'problems').span?.end).toBe(stray.length);
    // In order only inside a sentence, out of order on a line of its own: the line is the heading.
    const inSentence = ['一、总体情况', '正文。', '二、主动公开政府信息情况', '正文。三、收到和处理政府信息公开申请情况正文。', '四、政府信息公开行政复议、行政诉讼情况', '正文。', '三、收到和处理政府信息公开申请情况', '正文。'].join('\n');
    const moved = sectionsOf(inSentence);
    expect(keysOf(moved)).toEqual(['overview', 'activeDisclosure', 'reviewsAndLitigation', 'applications']);
    expect(sectionOf(moved, 'applications').span?.start).toBe(inSentence.lastIndexOf('三、'));
  });
});

describe('empty sections on lines of their own', () => {
  const EMPTY_MIDDLE =
    '2024年度某县人民政府政府信息公开工作年度报告\n一、总体情况\n本年度，我县持续推进政务公开工作。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n存在的问题是公开不够及时。\n六、其他需要报告的事项\n本机关未收取信息处理费。\n';

  it('are headings (二/三/四 with no content), not a table of contents', () => {
    expect(sectionsOf(EMPTY_MIDDLE).map((section) => section.key)).toEqual([...SECTION_KEYS]);
    expect(sectionsOf(EMPTY_MIDDLE).find((section) => section.key === 'applications')?.heading).toBe('三、收到和处理政府信息公开申请情况');
  });

  it('while the same lines before sections that repeat them are still a table of contents', () => {
    const contents = '目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n';
    const sections = sectionsOf(contents + EMPTY_MIDDLE.slice(EMPTY_MIDDLE.indexOf('一、')));
    expect(sections.map((section) => section.key)).toEqual([...SECTION_KEYS]);
    expect(sections[0]?.headingSpan?.line).toBe(5);
  });
});
