/**
 * Nothing lost, for the structural shapes the million-input fuzz campaign (seed 14) left: a page's
 * chrome line inside a table, values glued to mutated row labels, a row of table 四 after a broken
 * heading, values one cell a line after a broken header, sentences glued to a row, a heading's
 * fragment inside a row, a row's first value before words a stray mark breaks, a value before a run of
 * marks and a unit. Each input is a fixture report with the campaign's mutation written out
 * (see nothing-lost.test.ts for the oracle).
 */
import { describe, expect, it } from 'vitest';
import { describeRun, lostValues } from '../../scripts/fuzz-oracle.js';
import { checkText } from '../../src/index.js';
import { fixtureText, seedText } from '../support/fixtures.js';

/** The digit runs of the text's tables that the reader neither placed nor reported, described. */
const lost = (text: string): string[] => lostValues(text, checkText(text).report).map((run) => describeRun(text, run));
const rulesOf = (text: string): string[] => checkText(text).diagnostics.map((diagnostic) => diagnostic.ruleId);

describe('nothing lost: structural shapes of the million-input campaign', () => {
  it('a web page\'s chrome line inside table 二, a copy of the report after it (#437531): the report ends there, said once', () => {
    // Corpus 016 is a web page: its "发布时间:… 13:24 浏览次数:次" line copied into table 二, the report
    // from its first section on after it, with a 五、 that closes the oracle's table region, and the
    // heading of section 三 cut (no heading after the chrome line: the report ends at it).
    const page = fixtureText('corpus/016.txt');
    const at = page.indexOf('信息内容', page.indexOf('第二十条第(五)项')) + 2;
    const copy = page.slice(page.indexOf('一、总体情况'), page.indexOf('第二十条第(六)项'));
    const text = `${page.slice(0, at)}1 13:24    浏览次数:次    \n\n${copy}五、\n\n${page.slice(at).replace('三、收到和处理政府信息公开申请情况\n', '')}`;
    // The time of day on the chrome line is no value: the reader ends the report before that line
    // and says so (report-truncated), rather than reporting 1, 13 and 24 as a table's values.
    expect(lost(text)).toEqual([]);
    expect(rulesOf(text)).toContain('report-truncated');
    expect(checkText(text).report.unplaced.filter((value) => ['1', '13', '24'].includes(value.text))).toEqual([]);
  });

  it('a value a space and a label with a stray ! inside follow, in table 四 (0 本年新收…本年!新收…, #456312): the value is reported, not read as narrative', () => {
    // Seed 001's row of table 四: after its 8th value, a row label of table 三 repeated, a ! put into one copy.
    const seed = seedText('001');
    const row = seed.indexOf('0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    const at = row + '0 | '.repeat(7).length + 2;
    const label = '本年新收政府信息公开申请数量';
    const text = `${seed.slice(0, at)}${label.repeat(20)}本年!新收政府信息公开申请数量${label.repeat(20)}${seed.slice(at)}`;
    expect(lost(text)).toEqual([]);
    expect(checkText(text).report.unplaced.some((value) => value.span?.start === at - 2 && value.text === '0')).toBe(true);
  });

  it('a row of table 三 one value a line, its 6th value run into a copy of the table under a label with a stray ! (0 本年!度办理结果, #676580)', () => {
    // Seed 000 (one cell a line): row 3.危及… keeps five of its values, then "0 " and the rest of the
    // report again from 本年度办理结果, a ! put into it.
    const seed = seedText('000');
    const row = seed.indexOf('3.危及“三安全一稳定” |');
    const at = row + '3.危及“三安全一稳定” |\n'.length + '0 |\n'.repeat(5).length;
    const text = `${seed.slice(0, at)}0 ${seed.slice(seed.indexOf('本年度办理结果')).replace('本年度办理结果', '本年!度办理结果')}`;
    expect(lost(text)).toEqual([]);
    // The value is the row's sixth: the row has six values of seven, and one finding says so, not five.
    const short = checkText(text).diagnostics.filter((diagnostic) => diagnostic.ruleId === 'cell-missing' && diagnostic.message.includes('3.危及'));
    expect(short.map((diagnostic) => diagnostic.message.match(/只有 (\d+) 个数值/u)?.[1])).toEqual(['6']);
  });

  it.each(['| 16 件申请均在法定期限内答复!', '| 2024 年共办结申请!'])('a count or a year apart from its unit opening a sentence in a cell (%s) stays the narrative\'s', (sentence) => {
    const seed = seedText('000');
    const at = seed.indexOf('(一)予以公开 |');
    const text = `${seed.slice(0, at)}${sentence}\n${seed.slice(at)}`;
    const written = sentence.match(/\d+/u)?.[0];
    expect(checkText(text).report.unplaced.filter((value) => value.text === written)).toEqual([]);
  });

  it.each([
    // A PDF extraction, its header one word a line (the line swapped: the last 维持), and a tab layout (its second header line).
    ['corpus/002.txt', (lines: string[]) => lines.lastIndexOf('维持')],
    ['seeds/003.txt', (lines: string[]) => lines.findIndex((line) => line.startsWith('\t\t\t\t\t结果 维持'))],
  ])('the 六 heading swapped into table 四\'s header, 五 broken (五、六、存在…, #710610), in %s: the row is reported once', (name, headerLine) => {
    // The line of 六's heading takes the place of a line of table 四's header (that line goes where
    // 六 was), and 五's heading has a 六、 written into it: no section after table 四 is in order.
    const lines = fixtureText(name).split('\n');
    const six = lines.findIndex((line) => line.startsWith('六、其他需要报告的事项'));
    const five = lines.findIndex((line) => line.startsWith('五、存在的主要问题'));
    const header = headerLine(lines);
    expect(header).toBeGreaterThan(0);
    expect(header).toBeLessThan(five);
    [lines[six], lines[header]] = [lines[header] as string, lines[six] as string];
    lines[five] = `五、六、${(lines[five] as string).slice(2)}`;
    const text = lines.join('\n');
    expect(lost(text)).toEqual([]);
    const rows = checkText(text).report.unplaced.filter((value) => value.table === 'reviews');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.rest?.count).toBe(15);
  });

  it('the 一 heading swapped into table 二 between its header and its rows, one value a line, nothing after (#749494): the rows are reported once', () => {
    // Corpus 025 is a web page cut inside table 二: no heading after it ends the table. Its 一 heading
    // swapped with the bar line closing table 二's header, and a 五、 put before the block 第二十条第(六)项
    // (as the campaign did: it closes the oracle's table region).
    const lines = fixtureText('corpus/025.txt').split('\n');
    const one = lines.indexOf('一、总体情况');
    const bar = lines.indexOf('规章 |') - 1;
    expect(lines[bar]).toBe('|');
    [lines[one], lines[bar]] = [lines[bar] as string, lines[one] as string];
    const six = lines.indexOf('第二十条第(六)项 |');
    lines[six - 1] = `五、${lines[six - 1] as string}`;
    const text = lines.join('\n');
    expect(lost(text)).toEqual([]);
    const rest = checkText(text).report.unplaced.filter((value) => value.table === 'activeDisclosure');
    expect(rest).toHaveLength(1);
    expect(rest[0]?.text.startsWith('0 |')).toBe(true);
  });

  it('a period sentence glued to the values of （七）总计, repeated, a stray ! before one 年 (…至2024!年12月31日止, #808487): the year is no lost value', () => {
    const report = fixtureText('corpus/001.txt');
    const row = '（七）总计 21 0 0 0 0 0 21';
    expect(report).toContain(row);
    const period = '统计期限自2024年1月1日起至2024年12月31日止';
    // A bar put into one copy, as the campaign did: the copies after it, up to the !, are one cell's sentence.
    const text = report.replace(row, `（七）总计 21 0 0${period}统计期限自2024年1月1日 | 起至2024年12月31日止${period.repeat(3)}统计期限自2024年1月1日起至2024!年12月31日止${period.repeat(3)} 0 0 0 21`);
    expect(lost(text)).toEqual([]);
    // The reader reads that sentence as narrative: its dates are no table values.
    const bang = text.indexOf('2024!年');
    expect(checkText(text).report.unplaced.filter((value) => value.span?.start === bang)).toEqual([]);
  });

  it('a heading fragment inside a row of table 三 read in section 二 (三、 moved before 二、, 4.… 0四、 0 0 …, #809768): the rest is table 三\'s, said once', () => {
    // Corpus 003 with the heading of section 三 moved before that of section 二 (table 三 is then read
    // inside section 二's region too), and a 四、 written after the first value of row 4.
    const report = fixtureText('corpus/003.txt');
    const three = '三、收到和处理政府信息公开申请情况\n';
    const text = report
      .replace(three, '')
      .replace('二、主动公开政府信息情况', `${three}二、主动公开政府信息情况`)
      .replace('4.无正当理由大量反复申请 0 0', '4.无正当理由大量反复申请 0四、 0');
    expect(lost(text)).toEqual([]);
    const { report: read, diagnostics } = checkText(text);
    // What follows the fragment is the rest of table 三, whose reading it interrupted: one finding of
    // table 三, not 48 extra values of table 二 and a missing row for each row after the fragment.
    const rest = read.unplaced.filter((value) => value.rest !== undefined);
    expect(rest.map((value) => [value.table, value.rest?.count])).toEqual([['applications', 48]]);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'value-unplaced' && diagnostic.table === 'activeDisclosure')).toEqual([]);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'cell-missing').map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringContaining('4.无正当理由大量反复申请'),
    ]);
  });

  it.each(['2024\n年，全区政府信息公开工作取得一定成绩。', '- 5 -\n3\n个部门的答复文书不够规范。'])(
    'section 五 opening with a number wrapped onto its own line, or a page number and one (%s): table 四 still ends at its heading',
    (opening) => {
      const seed = seedText('003');
      const heading = '五、存在的主要问题及改进情况\n';
      expect(seed).toContain(heading);
      const text = seed.replace(heading, `${heading}${opening}\n`);
      expect(checkText(text).report.unplaced.filter((value) => value.table === 'reviews')).toEqual([]);
    },
  );

  it.each(['!', ';'])('a row\'s first value, then a word repeated with a stray %s inside one copy (数量 21 行政复议…行!政复议…, #1067701): the value is the row\'s, reported', (mark) => {
    // Corpus 001's row 一 of table 三: after its first value, 行政复议 written 900 times, one copy broken by the mark.
    const report = fixtureText('corpus/001.txt');
    const row = '一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21';
    expect(report).toContain(row);
    const text = report.replace(row, `一、本年新收政府信息公开申请数量 21 ${'行政复议'.repeat(600)}行${mark}政复议${'行政复议'.repeat(300)}0 0 0 0 0 21`);
    expect(lost(text)).toEqual([]);
    // A bare number between a label and other words is no narrative's (narrative writes "21 件"): the 21
    // is reported with its row, the label still names the row, and the values after the words are reported.
    const first = text.indexOf('数量 21 ') + 3;
    const { report: read, diagnostics } = checkText(text);
    expect(read.unplaced.filter((value) => value.span?.start === first)).toMatchObject([{ text: '21', row: 'received' }]);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'cell-missing' && diagnostic.message.includes('本年新收')).map((diagnostic) => diagnostic.message.match(/只有 (\d+) 个数值/u)?.[1])).toEqual(['1']);
  });

  it.each(['说明：本年新收申请 21 件;其中 6 件予以公开;', '说明：本机关 2024 年共办结申请 21 件!'])(
    'a note between two rows of table 三 whose numbers have their units (%s) stays narrative: none of its numbers is reported',
    (note) => {
      const report = fixtureText('corpus/001.txt');
      const row = '二、上年结转政府信息公开申请数量';
      expect(report).toContain(row);
      const text = report.replace(row, `${note}\n${row}`);
      const at = text.indexOf(note);
      expect(checkText(text).report.unplaced.filter((value) => (value.span?.start ?? -1) >= at && (value.span?.start ?? -1) < at + note.length)).toEqual([]);
    },
  );

  it.each([
    { shape: '0。。。…万元。。。… (124 and 77 marks, the campaign\'s)', run: '。'.repeat(124), ending: '。'.repeat(77) },
    { shape: '0。。。万元 说明。', run: '。。。', ending: ' 说明。' },
    { shape: '0,,,。。。万元。。。', run: ',,,。。。', ending: '。。。' },
  ])('a row\'s value followed by a run of marks, a unit and a sentence end ($shape, #1173560): the value is the row\'s, as after one 。', ({ run, ending }) => {
    // Seed 001 (cells between bars): the third value of row 8. in 表三 followed by the run, 万元 and the ending.
    const seed = seedText('001');
    const row = '8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    expect(seed).toContain(row);
    const written = (after: string): string => seed.replace(row, `8.属于行政查询事项 | 0 | 0 | 0${after} | 0 | 0 | 0 | 0 |`);
    const text = written(`${run}万元${ending}`);
    expect(lost(text)).toEqual([]);
    const third = text.indexOf('8.属于行政查询事项 | 0 | 0 | 0') + '8.属于行政查询事项 | 0 | 0 | '.length;
    expect(checkText(text).report.unplaced.filter((value) => value.span?.start === third)).toMatchObject([{ text: '0', row: 'denied.queryMatters' }]);
    // Read as the same row with one 。 after the value is: the row's values and findings alike.
    const rules = (input: string): string[] => checkText(input).diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.message}`);
    expect(rules(text)).toEqual(rules(written('。万元。')));
  });
});
