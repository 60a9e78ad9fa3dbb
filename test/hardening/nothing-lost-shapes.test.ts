/**
 * Nothing lost, for the structural shapes the million-input fuzz campaign (seed 14) left: a page's
 * chrome line inside a table, values glued to mutated row labels, a row of table 四 after a broken
 * heading, values one cell a line after a broken header, sentences glued to a row, a heading's
 * fragment inside a row. Each input is a fixture report with the campaign's mutation written out
 * (see nothing-lost.test.ts for the oracle).
 */
import { describe, expect, it } from 'vitest';
import { describeRun, lostValues } from '../../scripts/fuzz-oracle.js';
import { checkText } from '../../src/index.js';
import { fixtureText } from '../support/fixtures.js';

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
});
