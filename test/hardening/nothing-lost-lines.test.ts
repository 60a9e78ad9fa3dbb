/**
 * Nothing lost, for three shapes of the seed-14 campaign past its first million and a half inputs: a
 * table's values row copied into section 五's narrative, a row's first value with its unit written
 * over and over where the tab after it was, and a page number padded with hundreds of ideographic
 * spaces. Each input is a fixture report with the campaign's mutation written out (see
 * nothing-lost.test.ts for the oracle); the near shapes that are narrative stay narrative.
 */
import { describe, expect, it } from 'vitest';
import { describeRun, lostValues } from '../../scripts/fuzz-oracle.js';
import { checkText } from '../../src/index.js';
import { fixtureText, seedText } from '../support/fixtures.js';

/** The digit runs of the text's tables that the reader neither placed nor reported, described. */
const lost = (text: string): string[] => lostValues(text, checkText(text).report).map((run) => describeRun(text, run));

/** The unplaced values of a text whose span starts in `from`–`to`. */
const unplacedIn = (text: string, from: number, to: number) =>
  checkText(text).report.unplaced.filter((value) => (value.span?.start ?? -1) >= from && (value.span?.start ?? -1) < to);

describe('nothing lost: lines of values and padded shapes of the campaign', () => {
  it('table 四\'s header words and values row copied after section 五\'s first paragraph (#1453436): the line is reported, once', () => {
    // Corpus 001 (a PDF extraction, table 四's header one word a line): its 五 heading indented by a
    // space, as the campaign left it (so the oracle's table region reaches the copy), and after 五's
    // first lines the last lines of table 四's header and its values row, then the 五 heading again.
    const report = fixtureText('corpus/001.txt');
    const five = report.indexOf('五、存在的主要问题及改进情况');
    const tail = report.slice(report.lastIndexOf('审结 总 计\n未经复议', five), five);
    expect(tail.endsWith('10 1 0 0 0 0 0 0 0 0 5 0 0 0 0\n')).toBe(true);
    const cut = report.indexOf('强化部门协同') + 1;
    const text = `${report.slice(0, five)} ${report.slice(five, cut)}${tail}${report.slice(five)}`;
    const copy = text.lastIndexOf('10 1 0 0 0 0 0 0 0 0 5 0 0 0 0');
    expect(lost(text)).toEqual([]);
    // One entry for the line, with how many values it holds, and no table named: which table's row
    // it copies is not the reader's to guess.
    expect(unplacedIn(text, copy, copy + 40)).toMatchObject([{ text: '10 1 0 0 0 0 0 0 0 0 5 0 0 0 0', reason: 'extra-value', rest: { count: 15 } }]);
    expect(unplacedIn(text, copy, copy + 40)[0]?.table).toBeUndefined();
    const finding = checkText(text).diagnostics.filter((diagnostic) => diagnostic.ruleId === 'value-unplaced' && diagnostic.span?.start === copy);
    expect(finding).toMatchObject([{ severity: 'warning', message: expect.stringContaining('15 个数值') }]);
  });

  it.each([
    '2024',
    '0517 83912345',
    '21 件',
    '共 21 件。',
    '电话：0517-83912345',
    '2024 年 1 月 1 日',
    '- 5 -',
    '第 5 页 共 9 页',
    '统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止',
    '地址：洪泽区东风路 1 号 223100',
    '1. 2. 3.',
  ])('a narrative line of section 五 with numbers (%s) stays narrative: none of its numbers is reported', (line) => {
    // After 五's first line of narrative (a line of values right after a heading is read as the table
    // going on past a heading moved into it: see regions.ts).
    const report = fixtureText('corpus/001.txt');
    const at = report.indexOf('\n', report.indexOf('\n', report.indexOf('五、存在的主要问题及改进情况')) + 1) + 1;
    const text = `${report.slice(0, at)}${line}\n${report.slice(at)}`;
    expect(unplacedIn(text, at, at + line.length)).toEqual([]);
    expect(checkText(text).diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(checkText(report).diagnostics.map((diagnostic) => diagnostic.ruleId));
  });

  it('a row of table 四 whose first tab became 件 written 939 times with a ; inside (0件件件…;件件…, #1460986): the 0 is reported with its row', () => {
    // Seed 003 (a tab layout): table 四's values row, 15 zeros between tabs.
    const seed = seedText('003');
    const row = Array(15).fill('0').join('\t');
    const at = seed.indexOf(`\n${row}\n`) + 1;
    expect(at).toBeGreaterThan(0);
    const text = `${seed.slice(0, at)}0${'件'.repeat(715)};${'件'.repeat(224)}${seed.slice(at + 1)}`;
    expect(lost(text)).toEqual([]);
    // A count's unit written over and over is no word of a sentence: the 0 stays the row's value, and
    // (the row broken by the run) is reported as the row 行政复议's, short of its cells.
    expect(unplacedIn(text, at, at + 1)).toMatchObject([{ text: '0', table: 'reviews', row: 'review' }]);
  });

  it('a page number padded with 794 ideographic spaces between its dash and its number in table 三 (-\u3000\u3000… 4 -, #1466432): page chrome, no value', () => {
    const report = fixtureText('corpus/001.txt');
    expect(report).toContain('\n- 4 -\n');
    const text = report.replace('\n- 4 -\n', `\n-${'\u3000'.repeat(794)} 4 -\n`);
    const marker = text.indexOf(' 4 -\n');
    expect(lost(text)).toEqual([]);
    expect(unplacedIn(text, marker, marker + 3)).toEqual([]);
    expect(checkText(text).diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(checkText(report).diagnostics.map((diagnostic) => diagnostic.ruleId));
  });
});
