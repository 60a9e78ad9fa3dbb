import type { Localized } from '../diagnostics/index.js';
import { defineSeriesRule } from './rule.js';
import { countIn, previousCell, spanOf, yearOf } from './support/series.js';

const LAST_YEAR_IN_FORCE: Localized = {
  'zh-CN': '{previousYear}年度报告“{row}”·“{column}”',
  en: 'The {previousYear} report, "{row}" · "{column}"',
};
const THIS_YEAR_CELL: Localized = { 'zh-CN': '“{row}”·“{column}”', en: '"{row}" · "{column}"' };

/** The rows of table 二 whose stock in force moves by what is issued and repealed. */
const STOCK_ROWS = ['rules', 'normativeDocuments'] as const;

/** 现行有效 = last year's 现行有效 + 本年制发 − 本年废止, for 规章 and 行政规范性文件. */
export const inForceDrift = defineSeriesRule({
  scope: 'pair',
  meta: {
    id: 'in-force-drift',
    category: 'series',
    defaultSeverity: 'warning',
    description: {
      'zh-CN': '表二规章、行政规范性文件的“现行有效件数”，应等于上一年度报告的现行有效件数加本年制发件数、减本年废止件数。',
      en: 'In table 二, the rules and normative documents in force should be last year’s in force + issued this year − repealed this year.',
    },
    messages: {
      drift: {
        'zh-CN': '{table}“{row}”·“{column}”为 {actual}，但{previousYear}年度报告为 {previousInForce}，加本年制发 {issued}、减本年废止 {repealed}，应为 {expected}。',
        en: '{table}, "{row}" · "{column}" is {actual}, but the {previousYear} report had {previousInForce}; + {issued} issued − {repealed} repealed = {expected}.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '上年现行有效 10 件，本年制发 2 件、废止 1 件，现行有效却为 12 件', en: '10 in force last year, 2 issued and 1 repealed, but 12 in force' },
          cells: { 'activeDisclosure.normativeDocuments.issued': 2, 'activeDisclosure.normativeDocuments.repealed': 1, 'activeDisclosure.normativeDocuments.inForce': 12 },
          previous: { cells: { 'activeDisclosure.normativeDocuments.inForce': 10 } },
        },
      ],
      passing: [
        {
          summary: { 'zh-CN': '10 + 2 − 1 = 11', en: '10 + 2 − 1 = 11' },
          cells: { 'activeDisclosure.normativeDocuments.issued': 2, 'activeDisclosure.normativeDocuments.repealed': 1, 'activeDisclosure.normativeDocuments.inForce': 11 },
          previous: { cells: { 'activeDisclosure.normativeDocuments.inForce': 10 } },
        },
      ],
    },
  },
  check(current, previous, context) {
    if (!previous) return;
    const previousYear = yearOf(previous) ?? '';
    for (const row of STOCK_ROWS) {
      const previousInForce = countIn(previous, 'activeDisclosure', row, 'inForce');
      const issued = countIn(current, 'activeDisclosure', row, 'issued');
      const repealed = countIn(current, 'activeDisclosure', row, 'repealed');
      const actual = countIn(current, 'activeDisclosure', row, 'inForce');
      // A stock the reports do not both give (the 2019 table 二 is not modelled; a cell left blank)
      // is not compared: table-missing, cell-missing and blank-cell already say what is absent.
      if (previousInForce === undefined || issued === undefined || repealed === undefined || actual === undefined) continue;
      const expected = previousInForce + issued - repealed;
      if (actual === expected) continue;
      const span = spanOf(current, 'activeDisclosure', row, 'inForce');
      const here = (column: string) => {
        const place = spanOf(current, 'activeDisclosure', row, column);
        const value = countIn(current, 'activeDisclosure', row, column);
        return { message: THIS_YEAR_CELL, args: { row, column }, table: 'activeDisclosure' as const, row, column, ...(value !== undefined ? { value: String(value) } : {}), ...(place ? { span: place } : {}) };
      };
      context.report({
        messageId: 'drift',
        args: { row, column: 'inForce', actual, expected, previousInForce, issued, repealed, previousYear },
        table: 'activeDisclosure',
        row,
        column: 'inForce',
        expected: String(expected),
        actual: String(actual),
        ...(span ? { span } : {}),
        related: [previousCell(previous, context.previousUri, LAST_YEAR_IN_FORCE, 'activeDisclosure', row, 'inForce', { previousYear }), here('issued'), here('repealed')],
      });
    }
  },
});
