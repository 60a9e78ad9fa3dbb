import { describe, expect, it } from 'vitest';
import { detectFormat, readMeta } from '../../src/read/meta.js';
import { findSections } from '../../src/read/sections.js';
import { normalize } from '../../src/read/source.js';
import type { ReportMeta, Span } from '../../src/model/index.js';
import { fixtureText, seedExpectation, seedText, TABLED_SEEDS } from '../support/fixtures.js';

function metaOf(text: string): ReportMeta {
  const source = normalize(text);
  return readMeta(source, findSections(source));
}

const slice = (text: string, span: Span | undefined): string | undefined => (span ? text.slice(span.start, span.end) : undefined);

describe.each(TABLED_SEEDS)('seed %s', (id) => {
  const text = seedText(id);
  const expected = seedExpectation(id);
  const meta = metaOf(text);

  it('reads the year, agency, publication date and format of the ground truth', () => {
    expect(meta.year?.value).toBe(expected.year);
    expect(meta.agency?.value).toBe(expected.agency);
    expect(meta.publishedOn?.value ?? null).toBe(expected.publishedOn);
    expect(meta.formatVersion).toBe('2021');
  });

  it('points each value at the characters that state it', () => {
    expect(slice(text, meta.year?.span)).toBe(String(expected.year));
    expect(slice(text, meta.agency?.span)).toBe(expected.agency);
    if (meta.publishedOn) expect(slice(text, meta.publishedOn.span)?.replace(/年|月/gu, '-').replace('日', '')).toMatch(/^\d{4}-\d{1,2}-\d{1,2}$/u);
  });
});

describe('where each value comes from', () => {
  it('seed 000: title in the page metadata table; publication date from the page metadata, not the signature', () => {
    const text = seedText('000');
    const meta = metaOf(text);
    expect(slice(text, meta.publishedOn?.span)).toBe('2025-01-07');
    expect(text.slice(meta.agency?.span?.start, meta.agency?.span?.end)).toBe('长治市上党区人民政府办公室');
    expect(meta.agency?.span?.line).toBe(6); // "| 标题:长治市上党区人民政府办公室 2024年…" — the title, before the body
    expect(meta.period).toMatchObject({ text: '统计时限为2024年1月1日至2024年12月31日', blank: false });
    expect(slice(text, meta.period?.span)).toBe(meta.period?.text);
  });

  it('seed 001: agency from the title, not the signature (西畴县人民政府办公室); date from the signature', () => {
    const text = seedText('001');
    const meta = metaOf(text);
    expect(meta.agency?.span?.line).toBe(1);
    expect(slice(text, meta.publishedOn?.span)).toBe('2024年1月22日');
    expect(meta.period?.text).toBe('统计数据时间段:2023年1月1日至2023年12月31日');
  });

  it('seed 003: title with spaces around the year', () => {
    const text = seedText('003');
    const meta = metaOf(text);
    expect(slice(text, meta.agency?.span)).toBe('卫东区蒲城街道办事处');
    expect(meta.year?.span?.line).toBe(3);
    expect(meta.period).toBeUndefined();
  });

  it('seed 004: no title — the agency from the body, as written in traditional script, the year from the period', () => {
    const text = seedText('004');
    const meta = metaOf(text);
    expect(meta.agency?.value).toBe('省國動辦');
    expect(meta.agency?.span?.line).toBe(1);
    expect(meta.period).toMatchObject({ text: '統(tǒng)計期限從2024年1月1日起到12月31日止', blank: false });
    expect(slice(text, meta.period?.span)).toBe(meta.period?.text);
    expect(slice(text, meta.year?.span)).toBe('2024');
    // The year is the period's, not the notice's "關於做好2024年…" before it.
    expect(meta.year?.span?.start).toBeGreaterThan(text.indexOf('統(tǒng)計期限'));
  });

  it('seed 002: a blank template period, no year, no agency', () => {
    const text = seedText('002');
    const meta = metaOf(text);
    expect(meta.period).toMatchObject({ text: '统计期限自年月日起至年12月31日止', blank: true });
    expect(slice(text, meta.period?.span)).toBe(meta.period?.text);
    expect(meta.year).toBeUndefined();
    expect(meta.agency).toBeUndefined();
    expect(meta.formatVersion).toBe('pre-2019');
  });

  it('takes the agency from the line above a title that names none', () => {
    expect(metaOf(fixtureText('corpus/001.txt')).agency?.value).toBe('洪泽区人民政府');
    expect(metaOf(fixtureText('corpus/021.txt')).agency?.value).toBe('桃江县松木塘镇人民政府');
  });

  it('takes the last year of a malformed title and not the repeated one as part of the name', () => {
    const meta = metaOf(fixtureText('corpus/041.txt'));
    expect(meta.year?.value).toBe(2025);
    expect(meta.agency?.value).toBe('湖口县大垅乡');
  });

  it('reads the agency from the body naming its report', () => {
    expect(metaOf(fixtureText('corpus/023.txt')).agency?.value).toBe('区统计局');
    expect(metaOf(fixtureText('corpus/035.txt')).agency?.value).toBe('漳平市人民政府办公室');
    expect(metaOf(fixtureText('corpus/038.txt')).agency?.value).toBe('廣州市人民政府辦公廳');
  });

  it('states no agency for a report that names none ("我局" is no name)', () => {
    expect(metaOf(fixtureText('corpus/029.txt')).agency).toBeUndefined();
    expect(metaOf(fixtureText('corpus/025.txt')).agency).toBeUndefined();
  });

  it('reads a page metadata publication date with a time', () => {
    expect(metaOf(fixtureText('corpus/016.txt')).publishedOn?.value).toBe('2023-01-31');
    expect(metaOf(fixtureText('corpus/010.txt')).publishedOn?.value).toBe('2025-03-10');
  });

  it('rejects impossible dates', () => {
    expect(metaOf('发布日期:2024-02-30\n一、总体情况\n').publishedOn).toBeUndefined();
    expect(metaOf('发布日期:2024-02-29\n一、总体情况\n').publishedOn?.value).toBe('2024-02-29');
  });
});

describe('format version (FORMAT.md §7)', () => {
  const formatOf = (text: string) => metaOf(text).formatVersion;

  it('reads the 2019 tables as 2019 even when the report cites 〔2021〕30号 (corpus 025)', () => {
    expect(fixtureText('corpus/025.txt')).toContain('〔2021〕30号');
    expect(formatOf(fixtureText('corpus/025.txt'))).toBe('2019');
  });

  it('reads the 2021 tables as 2021 even when the report cites 〔2019〕60号 (corpus 015)', () => {
    expect(fixtureText('corpus/015.txt')).toContain('〔2019〕60号');
    expect(formatOf(fixtureText('corpus/015.txt'))).toBe('2021');
  });

  it('tells a flat （六）其他处理 row (2019) from its numbered sub-rows (2021)', () => {
    expect(detectFormat('(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0', [], 2020)).toBe('2019');
    expect(detectFormat('(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0', [], 2024)).toBe('2021');
  });

  it('without tables: pre-2019 for years before 2019, unknown otherwise', () => {
    expect(detectFormat('一、概述', [], 2012)).toBe('pre-2019');
    expect(detectFormat('一、总体情况', [], 2024)).toBe('unknown');
    expect(detectFormat('', [], undefined)).toBe('unknown');
  });
});

describe('the agency and year read from the body when the title lacks them', () => {
  it.each([
    ['014', '官洲街道办事处'],
    ['023', '区统计局'],
    ['042', '金坑乡人民政府'],
  ])('corpus %s: the agency is %s, on its characters', (id, agency) => {
    const text = fixtureText(`corpus/${id}.txt`);
    const meta = metaOf(text);
    expect(meta.agency?.value).toBe(agency);
    expect(slice(text, meta.agency?.span)).toBe(agency);
  });

  it('the year from "截止YYYY年12月", on its digits', () => {
    const text = '一、总体情况\n截止2023年12月31日，本机关共主动公开政府信息120条。';
    const meta = metaOf(text);
    expect(meta.year?.value).toBe(2023);
    expect(slice(text, meta.year?.span)).toBe('2023');
  });

  it('not from "截止目前" nor from a cut-off in another month', () => {
    expect(metaOf('截止目前，共发布467条信息。').year).toBeUndefined();
    expect(metaOf('截至2023年6月，共发布467条信息。').year).toBeUndefined();
  });
});
