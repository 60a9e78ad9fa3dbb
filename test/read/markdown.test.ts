import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check.js';
import { seedExpectation, seedText } from '../support/fixtures.js';
import { read, rowValues } from './tables-support.js';

/** Seed 001 with lines `from`–`to` (1-based, inclusive) replaced. */
function rewrite(from: number, to: number, lines: readonly string[]): string {
  const text = seedText('001').split('\n');
  return [...text.slice(0, from - 1), ...lines, ...text.slice(to)].join('\n');
}

describe('markdown tables of OCR and conversion tools', () => {
  // Table 三's three header lines (25–27) as a tool writes them: placeholder column names and a rule line.
  const placeholders = rewrite(25, 27, ['| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |', '|---|---|---|---|---|---|---|---|']);

  it('placeholder headers (数据1 … 数据6): their digits are not values, the template order stands', () => {
    const reading = read(placeholders);
    expect(reading.unplaced).toEqual([]);
    for (const row of ['received', 'granted', 'concludedTotal', 'carriedForward']) {
      expect(rowValues(reading, 'applications', row)).toEqual(seedExpectation('001').applications[row]);
    }
  });

  it('so the report checks as clean as the seed does', () => {
    const errors = (text: string) => checkText(text).diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').map((diagnostic) => diagnostic.ruleId);
    expect(errors(placeholders)).toEqual(errors(seedText('001')));
  });

  it('table 四 printed as three unlabelled mini-tables is mapped by shape, group by group', () => {
    const header = ['| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '|---|---|---|---|---|'];
    const text = rewrite(54, 57, [...header, '| 27 | 10 | 9 | 15 | 61 |', '', ...header, '| 1 | 0 | 0 | 0 | 1 |', '', ...header, '| 0 | 0 | 1 | 0 | 1 |']);
    const reading = read(text);
    expect(rowValues(reading, 'reviews', 'review')).toEqual([27, 10, 9, 15, 61]);
    expect(rowValues(reading, 'reviews', 'litigationDirect')).toEqual([1, 0, 0, 0, 1]);
    expect(rowValues(reading, 'reviews', 'litigationAfterReview')).toEqual([0, 0, 1, 0, 1]);
    expect(reading.unplaced).toEqual([]);
  });
});
