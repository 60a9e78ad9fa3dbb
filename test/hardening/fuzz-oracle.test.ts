/** The fuzz campaign's oracles can fail: they find a lost number and a wrong span when there is one. */
import { describe, expect, it } from 'vitest';
import { lostValues, spanErrors, tableRegion, valueRuns } from '../../scripts/fuzz-oracle.js';
import { checkText } from '../../src/index.js';
import type { AnnualReport } from '../../src/index.js';
import { seedText } from '../support/fixtures.js';

describe('fuzz oracles', () => {
  const text = seedText('000');
  const { report, diagnostics } = checkText(text);

  it('find nothing on a seed as read', () => {
    expect(lostValues(text, report)).toEqual([]);
    expect(spanErrors(text, report, diagnostics)).toEqual([]);
  });

  it('find a number the report lost', () => {
    const copy = checkText(text).report as AnnualReport;
    const received = copy.tables.applications?.rows.received;
    expect(received?.cells.total?.span).toBeDefined();
    delete received?.cells.total;
    expect(lostValues(text, copy)).toHaveLength(1);
  });

  it('find no loss under an unplaced value spanning many cells (#809768 of the million campaign: table 三 read inside section 二)', () => {
    // Table 三 read in another section: that section's table reports the stretch it could not place
    // as one unplaced value, over the rows table 三 placed before it stopped. Over 64 cells start
    // inside that span: the oracle looked back at 64 spans only, and called the stretch's last values lost.
    const copy = checkText(text).report as AnnualReport;
    const rows = Object.values(copy.tables.applications?.rows ?? {}) as { cells: Record<string, { span?: { start: number; end: number } }> }[];
    const spans = rows.flatMap((row) => Object.values(row.cells).flatMap((cell) => (cell.span ? [cell.span] : [])));
    expect(spans.length).toBeGreaterThan(64);
    const last = rows.at(-1)?.cells;
    const key = Object.keys(last ?? {}).at(-1) as string;
    const dropped = last?.[key]?.span as { start: number; end: number };
    delete last?.[key];
    expect(lostValues(text, copy)).toHaveLength(1);
    const start = Math.min(...spans.map((span) => span.start));
    const [line, column] = [text.slice(0, start).split('\n').length, start - text.lastIndexOf('\n', start - 1)];
    copy.unplaced.push({ text: text.slice(start, dropped.end), table: 'activeDisclosure', reason: 'extra-value', span: { start, end: dropped.end, line, column } });
    expect(lostValues(text, copy)).toEqual([]);
  });

  it('read digits as the template does: inside words, in dates and ordinals no values; a number apart a value', () => {
    const runsOf = (body: string): string[] => valueRuns(body, { start: 0, end: body.length }).map((run) => body.slice(run.start, run.end));
    // Words of a heading, label or sentence the reader rightly reads as text (the fuzz found them "lost").
    expect(runsOf('三、依申请公开政府信息办理情2,821况')).toEqual([]);
    expect(runsOf('机构职能类信息309条,占17.7%;政策')).toEqual([]);
    expect(runsOf('(三)\u001b[2J主动公开形式')).toEqual([]);
    expect(runsOf('三、依申四、四、7四、四、')).toEqual([]);
    // Dates with blanks or dashes, and an ordinal with a stray mark inside it.
    expect(runsOf('卫东区蒲城街道办事处 2024 年政府信息公开工作年度报告')).toEqual([]);
    expect(runsOf('发布日期：2024-03-05')).toEqual([]);
    expect(runsOf('\t\t2，. 重复申请\t0')).toEqual(['0']);
    // Narrative: a clause ending in ；, a paragraph wrapped inside a sentence (not at a cell's end).
    expect(runsOf('申请人情况\n未审结 37 件；政府信息公开行政诉讼')).toEqual([]);
    expect(runsOf('季度监测指标，全年组织 4 次检查，并\n出具评估分报告。')).toEqual([]);
    // An ordinal with a stray mark or an invisible character inside it; a page number with long blanks.
    expect(runsOf('\t\t3!.其他\t0\n(五)\t1\ufeff. 信访举报投诉类申请\t0')).toEqual(['0', '0']);
    expect(runsOf('\u3000\n- 5 \u3000\u3000\u3000\u3000\u3000-\n- 4 \t\t\t\t\t\t-\n0')).toEqual(['0']);
    // A page number with an invisible character inside, which the reader's normalization drops.
    expect(runsOf('- \u200b3 -\n- 4 \u200b-\n0')).toEqual(['0']);
    // But a dash before a value and none after it is no page number.
    expect(runsOf('- \u200b3 件\n0')).toEqual(['3', '0']);
    // A page footer with a stray mark between the number and its 页 (#669487 of the million campaign) is one still;
    // the same mark after a value and no 页 leaves it a value.
    expect(runsOf('| 6 | 0 | 第 3 页 共 9; 页')).toEqual(['6', '0']);
    expect(runsOf('| 6 | 0 | 9; 件\t3!')).toEqual(['6', '0', '9', '3']);
    // An ordinal with a long run of invisible characters inside (#278381), and a sentence wrapped after its
    // number, before the counting word (#138396), are no values; a value before them still is.
    expect(runsOf(`（四）无法提供\n1${'\u200b'.repeat(120)}.本机关不掌握相关政府信息\t0`)).toEqual(['0']);
    expect(runsOf(`1${'\u200b'.repeat(120)} 0`)).toEqual(['1', '0']);
    expect(runsOf('截至目前，全市在运维政务新媒体共计 95\n个，合格率均为 100%。')).toEqual([]);
    // An ordinal with a run of commas before its mark (#376630, #402164, #560197 of the million campaign): the
    // reader's normalization drops a comma doubled before another mark, so it reads the ordinal "2.". A run
    // of commas with no mark after it leaves the digits a value.
    expect(runsOf(`\t\t2${','.repeat(80)}. 没有现成信息需要另行制作\t0\n2${'，'.repeat(80)}.其他法律行政法规禁止公开 0`)).toEqual(['0', '0']);
    expect(runsOf(`\t\t2${','.repeat(80)}\t0`)).toEqual(['2', '0']);
    // A page number with more invisible characters beside it than a few characters' window holds (#723321):
    // the reader drops them and skips the line "- 4 -"; the same run before a value with no dash after it leaves a value.
    expect(runsOf(`3\n- ${'\u200b'.repeat(60)}4 -\n第 5${'\u200b'.repeat(60)} 页\n0`)).toEqual(['3', '0']);
    expect(runsOf(`- ${'\u200b'.repeat(60)}4 件\n0`)).toEqual(['4', '0']);
    // A page-number line however padded (#1466432: 794 ideographic spaces between the dash and the number) is one
    // still; the same padding before a number that a unit follows, or after a label's words, leaves a value.
    const padding = '\u3000'.repeat(794);
    expect(runsOf(`3\n-${padding} 4 -\n\t-${padding}\u200b5${padding}—\n0`)).toEqual(['3', '0']);
    expect(runsOf(`-${padding} 4 件\n规章 -${padding} 4 -\n-${padding} 4 - 5\n0`)).toEqual(['4', '4', '4', '5', '0']);
    // An escape sequence's parameter with a stray mark put in (#393669) is none either; a value after a bracket is.
    expect(runsOf('四、结转\u001b[2J\u001b[2;J\t[3;\t0')).toEqual(['3', '0']);
    expect(runsOf('行政许可 | 95\n个人\t0\n行政处罚 0\n件数 3')).toEqual(['95', '0', '0', '3']);
    // But an ASCII mark in a row, or a line of values before a 。, ends no narrative: those are values.
    expect(runsOf('一、本年新收政府信息公开申请数量 0 0 ;0 0')).toEqual(['0', '0', '0', '0']);
    expect(runsOf('规章 0 0 0\n注：本表数据来源于平台。')).toEqual(['0', '0', '0']);
    // A date with a stray mark before its 年 (#808487) is one still; a value before a mark and a label is a value.
    expect(runsOf('（七）总计 21 0 0统计期限自2024年1月1日起至2024!年12月31日止')).toEqual(['21', '0', '0']);
    expect(runsOf('| 0; 本年新收')).toEqual(['0']);
    // A web page's dating line (#437531: a time of day, 浏览次数) is no table line; a row's value next to it still counts.
    expect(runsOf('信息1 13:24    浏览次数:次    \n行政许可 | 13')).toEqual(['13']);
    // Values still count: apart, glued at a label's end, with thousands groups, before a unit.
    expect(runsOf('行政许可 | 2,821 | 数量0000000\n| 16件 |')).toEqual(['2,821', '0000000', '16']);
  });

  it('look for no table values in a pre-2019 report, whose template has no tables (a stray 3.5 there is narrative)', () => {
    const legacy = seedText('002').replace('三、依申请公开政府信息办理情况', '三、依申请公开政府信息办理情况\n3.5');
    const { report: read } = checkText(legacy);
    expect(read.meta.formatVersion).toBe('pre-2019');
    expect(valueRuns(legacy, tableRegion(legacy) as { start: number; end: number }).length).toBe(1);
    expect(lostValues(legacy, read)).toEqual([]);
  });

  it('find a span whose line is wrong, and one over other digits', () => {
    const copy = checkText(text).report as AnnualReport;
    const cells = copy.tables.applications?.rows.received?.cells;
    const total = cells?.total;
    if (total?.span) (total as { span: { line: number } }).span.line += 1;
    const natural = cells?.naturalPerson;
    if (natural?.kind === 'count') (natural as { value: number }).value += 1;
    const errors = spanErrors(text, copy, []);
    expect(errors.some((error) => error.startsWith('applications.received.total: line'))).toBe(true);
    expect(errors.some((error) => error.startsWith('applications.received.naturalPerson: span holds'))).toBe(true);
  });
});
