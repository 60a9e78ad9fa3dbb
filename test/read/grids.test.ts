import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS, TEMPLATES } from '../../src/catalog/index.js';
import { readHtmlDocument } from '../../src/document/html/index.js';
import { readGridTables } from '../../src/read/grids/index.js';
import type { Cell } from '../../src/model/index.js';

const page = (table: string): string => `<html><body><div id="zoom"><p>三、收到和处理政府信息公开申请情况</p>${table}</div></body></html>`;
const td = (text: string, attributes = ''): string => `<td${attributes}>${text}</td>`;
const header = `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' rowspan="2" colspan="3"')}${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr><tr>${APPLICANT_COLUMNS.slice(1, 6)
  .map((column) => td(column.label))
  .join('')}</tr>`;
const row = (label: string, values: readonly string[], labelAttributes = ' colspan="3"'): string => `<tr>${td(label, labelAttributes)}${values.map((value) => td(value)).join('')}</tr>`;

function read(html: string) {
  const document = readHtmlDocument(html);
  return readGridTables(document, { formatVersion: '2021', sections: [] });
}

const value = (cell: Cell | undefined) => (cell?.kind === 'count' ? cell.value : cell?.kind);

describe('the grid template matcher', () => {
  it('reads a row by its label and its values by their order', () => {
    const reading = read(page(`<table>${header}${row('一、本年新收政府信息公开申请数量', ['5', '1', '0', '0', '0', '0', '6'])}</table>`));
    const cells = reading.tables.applications?.rows.received?.cells ?? {};
    expect(APPLICANT_COLUMNS.map((column) => value(cells[column.key]))).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(reading.tables.applications?.rows.received?.label).toBe('一、本年新收政府信息公开申请数量');
    expect(cells.total?.span?.cell).toEqual({ table: 1, row: 3, column: 8 });
  });

  it('reads a group heading written as a row of its own (no rowspan) as the context of the rows under it', () => {
    const html = page(
      `<table>${header}<tr>${td('（三）不予公开', ' colspan="10"')}</tr>${row('1.属于国家秘密', ['1', '0', '0', '0', '0', '0', '1'])}${row('2.其他法律行政法规禁止公开', ['0', '0', '0', '0', '0', '0', '0'])}</table>`,
    );
    const rows = read(html).tables.applications?.rows;
    expect(value(rows?.['denied.stateSecret']?.cells.total)).toBe(1);
    expect(value(rows?.['denied.prohibitedByLaw']?.cells.total)).toBe(0);
  });

  it('places a row with a value left out under its headers, the missing cell absent (never 0)', () => {
    const html = page(`<table>${header}<tr>${td('一、本年新收政府信息公开申请数量', ' colspan="3"')}${td('5')}${td('1')}${td('')}${td('0')}${td('0')}${td('0')}${td('6')}</tr></table>`.replace('<td></td>', ''));
    const cells = read(html).tables.applications?.rows.received?.cells ?? {};
    // Six values under seven headers: each is read under the header of its column; 科研机构 has none.
    expect(APPLICANT_COLUMNS.map((column) => value(cells[column.key]) ?? null)).toEqual([5, 1, 0, 0, 0, 6, null]);
  });

  it('reports the values of a row it cannot place as unplaced, at their <td>s, and never guesses', () => {
    const html = page(`<table><tr>${td('甲')}${td('乙')}</tr>${row('一、本年新收政府信息公开申请数量', ['5', '1', '0'], '')}${row('二、上年结转政府信息公开申请数量', ['0', '0', '0', '0', '0', '0', '0'], '')}</table>`);
    const reading = read(html);
    expect(reading.tables.applications?.rows.received?.cells).toEqual({});
    expect(reading.unplaced.map((unplaced) => [unplaced.text, unplaced.row, unplaced.reason, unplaced.span?.cell?.column])).toEqual([
      ['5', 'received', 'ambiguous', 2],
      ['1', 'received', 'ambiguous', 3],
      ['0', 'received', 'ambiguous', 4],
    ]);
    expect(Object.keys(reading.tables.applications?.rows.carriedOver?.cells ?? {})).toHaveLength(7);
  });

  it('reads table 四 written as three labelled rows of five', () => {
    const columns = TEMPLATES['2021'].tables.reviews?.rows[0]?.columns ?? [];
    const html = page(
      `<table><tr>${td('')}${columns.map((column) => td(column.label)).join('')}</tr>${row('行政复议', ['1', '0', '0', '1', '2'], '')}${row('未经复议直接起诉', ['0', '0', '0', '0', '0'], '')}${row('复议后起诉', ['0', '1', '0', '0', '1'], '')}</table>`,
    );
    const rows = read(html).tables.reviews?.rows;
    expect(columns.map((column) => value(rows?.review?.cells[column.key]))).toEqual([1, 0, 0, 1, 2]);
    expect(value(rows?.litigationAfterReview?.cells.total)).toBe(1);
  });

  it('does not read a grid that is no table of the format (a page layout, a pre-2019 statistics table)', () => {
    const html = page(`<table><tr>${td('指标名称')}${td('计量单位')}${td('本年度')}</tr><tr>${td('主动公开文件数')}${td('条')}${td('2069')}</tr></table>`);
    expect(read(html)).toEqual({ tables: {}, unplaced: [] });
  });

  it('matches a label as the rows read before it allow, whatever other pages asked of the same label (the row memo is kept by cursor)', () => {
    // A misspelt label is accepted only for the few rows after the last one read: after 1.属于国家秘密, not after 一、.
    const misspelt = row('2.其他法律行政止公开', ['0', '0', '0', '0', '0', '0', '2']);
    const afterSecret = page(`<table>${header}<tr>${td('（三）不予公开', ' colspan="10"')}</tr>${row('1.属于国家秘密', ['1', '0', '0', '0', '0', '0', '1'])}${misspelt}</table>`);
    const afterReceived = page(`<table>${header}${row('一、本年新收政府信息公开申请数量', ['5', '1', '0', '0', '0', '0', '6'])}${misspelt}</table>`);
    const reasonsAfterReceived = (): unknown => read(afterReceived).unplaced.map((unplaced) => unplaced.reason);
    const prohibitedAfterSecret = (): unknown => value(read(afterSecret).tables.applications?.rows['denied.prohibitedByLaw']?.cells.total);
    expect(reasonsAfterReceived()).toEqual(Array(7).fill('unknown-row'));
    expect(prohibitedAfterSecret()).toBe(2);
    expect(reasonsAfterReceived()).toEqual(Array(7).fill('unknown-row'));
    expect(prohibitedAfterSecret()).toBe(2);
  });

  it('reads a grid alike before and after a page of thousands of distinct labels (the label memos are bounded, and emptied when full)', () => {
    const html = page(`<table>${header}${row('一、本年新收政府信息公开申请数量', ['5', '1', '0', '0', '0', '0', '6'])}</table>`);
    const before = JSON.stringify(read(html));
    const many = Array.from({ length: 5000 }, (_, index) => row(`第${index}项说明`, ['1', '2']));
    read(page(`<table>${many.slice(0, 2500).join('')}</table><table>${many.slice(2500).join('')}</table>`));
    expect(JSON.stringify(read(html))).toBe(before);
    expect(read(html).tables.applications?.rows.received?.cells.total).toMatchObject({ kind: 'count', value: 6 });
  });
});
