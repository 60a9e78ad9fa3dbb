import { APPLICANT_COLUMNS } from '../catalog/index.js';
import type { Localized } from '../diagnostics/index.js';
import { defineSeriesRule } from './rule.js';
import { countIn, previousCell, spanOf, yearOf } from './support/series.js';

const LAST_YEAR_CELL: Localized = {
  'zh-CN': '{previousYear}年度报告“{row}”·“{column}”',
  en: 'The {previousYear} report, "{row}" · "{column}"',
};

/** This year's 上年结转 of table 三 is last year's 结转下年度, column by column. */
export const carryOverMismatch = defineSeriesRule({
  scope: 'pair',
  meta: {
    id: 'carry-over-mismatch',
    category: 'series',
    defaultSeverity: 'warning',
    description: {
      'zh-CN': '表三“二、上年结转政府信息公开申请数量”的每一列，须等于上一年度报告“四、结转下年度继续办理”的同一列。',
      en: 'Each column of table 三 "carried over from last year" must equal the same column of "carried forward" in last year’s report.',
    },
    messages: {
      mismatch: {
        'zh-CN': '{table}“{row}”·“{column}”为 {actual}，但{previousYear}年度报告结转下年度为 {expected}。',
        en: '{table}, "{row}" · "{column}" is {actual}, but the {previousYear} report carried {expected} forward.',
      },
      incomplete: {
        'zh-CN': '{table}有 {count} 列的上年结转无法与{previousYear}年度报告的结转下年度核对（单元格为空、缺失或无效，首个：“{column}”）。',
        en: '{table}: {count} columns of "carried over" cannot be compared with what the {previousYear} report carried forward (blank, missing or invalid cells; first: "{column}").',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '上年结转下年度 2 件（自然人），本年上年结转 0 件', en: 'Last year carried 2 forward (natural persons), this year 0 carried over' },
          previous: { cells: { 'applications.received.naturalPerson': 5, 'applications.received.total': 5, 'applications.carriedForward.naturalPerson': 2, 'applications.carriedForward.total': 2 } },
        },
      ],
      passing: [{ summary: { 'zh-CN': '上年未结转，本年上年结转为 0', en: 'Nothing carried forward last year, nothing carried over this year' } }],
    },
  },
  check(current, previous, context) {
    if (!previous) return;
    const previousYear = yearOf(previous) ?? '';
    const unreadable: string[] = [];
    for (const { key: column } of APPLICANT_COLUMNS) {
      const actual = countIn(current, 'applications', 'carriedOver', column);
      const expected = countIn(previous, 'applications', 'carriedForward', column);
      if (actual === undefined || expected === undefined) {
        unreadable.push(column);
        continue;
      }
      if (actual === expected) continue;
      const span = spanOf(current, 'applications', 'carriedOver', column);
      context.report({
        messageId: 'mismatch',
        args: { row: 'carriedOver', column, actual, expected, previousYear },
        table: 'applications',
        row: 'carriedOver',
        column,
        expected: String(expected),
        actual: String(actual),
        ...(span ? { span } : {}),
        related: [previousCell(previous, context.previousUri, LAST_YEAR_CELL, 'applications', 'carriedForward', column, { previousYear })],
      });
    }
    const [first] = unreadable;
    if (first !== undefined) {
      context.report({
        messageId: 'incomplete',
        severity: 'info',
        args: { count: unreadable.length, column: first, previousYear },
        table: 'applications',
        related: unreadable.map((column) => previousCell(previous, context.previousUri, LAST_YEAR_CELL, 'applications', 'carriedForward', column, { previousYear })),
      });
    }
  },
});
