import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/index.js';
import { TEMPLATES } from '../../src/catalog/index.js';
import { exampleReport, runRules, RULES } from '../../src/rules/index.js';
import { tablesEmptyRule } from '../../src/rules/tables-empty.js';
import { seedText } from '../support/fixtures.js';
import { TextSpans, seed, testRule } from './tester.js';

const blank = () => exampleReport({ summary: { 'zh-CN': '', en: '' }, blankTables: true });
const spans = new TextSpans(seed('000').spans.source.original);

testRule(tablesEmptyRule, {
  valid: [
    { name: 'seed 000: tables filled in', report: () => seed('000').report },
    {
      name: 'one value filled in is no blank template',
      report: () => exampleReport({ summary: { 'zh-CN': '', en: '' }, blankTables: true, cells: { 'reviews.review.total': 0 } }),
    },
    {
      name: 'a table missing: table-missing reports it',
      report: () => exampleReport({ summary: { 'zh-CN': '', en: '' }, blankTables: true, dropTables: ['reviews'] }),
    },
  ],
  invalid: [
    {
      name: 'every table blank: one error',
      source: spans.source,
      report: blank,
      diagnostics: [
        {
          messageId: 'empty',
          severity: 'error',
          span: null,
          message: {
            'zh-CN': '统计表均为空白：模板的每个表都在，却没有任何一格填有数值（照抄了空白模板）。',
            en: 'The statistics tables are all blank: every table of the template is there, with not one value filled in (a blank template).',
          },
        },
      ],
    },
  ],
});

describe('blank tables', () => {
  it('are this one error, with no blank-cell or cell-missing finding per row, nor a sum that cannot be checked', () => {
    const ids = runRules(blank(), RULES).map((diagnostic) => diagnostic.ruleId);
    // The sample's text states 4 applications received, which the blank table cannot bear out: that
    // is said by unsupported-count, of the text, not of the table.
    expect(ids).toEqual(['tables-empty', 'unsupported-count']);
    expect(Object.keys(TEMPLATES['2021'].tables)).toHaveLength(3);
  });
});

describe('a table without any values is one finding, of one rule', () => {
  const tabbed = seedText('003');
  /** Seed 003 with every value between `from` and `to` left out (its cells empty between tabs). */
  const emptied = (from: string, to: string): string => {
    const start = tabbed.indexOf(from);
    const end = tabbed.indexOf(to);
    return tabbed.slice(0, start) + tabbed.slice(start, end).replace(/(?<=^|\t)0(?=\t|$)/gmu, '') + tabbed.slice(end);
  };
  const cellFindings = (text: string): string[] =>
    checkText(text)
      .diagnostics.filter((diagnostic) => ['tables-empty', 'cell-missing', 'blank-cell', 'value-unplaced'].includes(diagnostic.ruleId))
      .map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.table ?? ''}`.trim());

  it('every table of the template blank: tables-empty alone', () => {
    expect(cellFindings(emptied('二、主动公开', '五、存在'))).toEqual(['tables-empty']);
  });

  it('one table blank among filled ones: cell-missing once, for that table', () => {
    expect(cellFindings(emptied('三、收到', '四、政府信息公开行政复议'))).toEqual(['cell-missing applications']);
  });
});
