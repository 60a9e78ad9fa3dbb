import { describe, expect, it } from 'vitest';
import { APPLICATIONS_TABLE, APPLICATIONS_TABLE_2019, FORMAT_LABELS, TABLE_SECTIONS, TABLES, TEMPLATES, templateWordings } from '../src/catalog/index.js';
import type { TableKey } from '../src/catalog/index.js';
import { columnLabel, rowLabel } from '../src/diagnostics/index.js';
import { compactPlace } from '../src/format/index.js';
import { formatSigns, sectionWordingAt, sectionWordings, tableLabelKeys, tableMatcher } from '../src/catalog/keys.js';
import { matchKey } from '../src/read/index.js';

// The catalog's derived views, each built once in the catalog for every reader and rule.
describe('catalog views', () => {
  it('each table belongs to the section numbered with its ordinal', () => {
    expect(TABLE_SECTIONS).toEqual({ activeDisclosure: 'activeDisclosure', applications: 'applications', reviews: 'reviewsAndLitigation' });
  });

  it('a section heading is matched by its longest wording', () => {
    const key = matchKey('政府信息公开工作存在的主要问题及改进情况 今年');
    expect(sectionWordingAt(key, 0)).toBe('政府信息公开工作存在的主要问题及改进情况'.length);
    expect(sectionWordingAt(key, 8)).toBe('存在的主要问题及改进情况'.length);
    expect(sectionWordingAt(matchKey('主要问题'), 0)).toBe(0);
    const lengths = sectionWordings().map((wording) => wording.text.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it('the table labels that are no section heading are folded as report text is', () => {
    const labels = tableLabelKeys();
    expect(labels).toContain(matchKey('结转下年度继续办理'));
    expect(labels).toContain(matchKey('其他处理'));
    expect(labels.every((label) => label.length >= 2 && label === matchKey(label))).toBe(true);
  });

  it('the formats are told apart by the wordings only each one prints', () => {
    const signs = formatSigns();
    expect(signs.current).toContain('本年制发件数');
    // The 2021 （六） sub-rows are 2021's; the flat （六）其他处理 is 2019's.
    const only2021 = APPLICATIONS_TABLE.rows.filter((row) => !APPLICATIONS_TABLE_2019.rows.some((other) => other.key === row.key));
    expect(only2021.length).toBeGreaterThan(0);
    for (const row of only2021.filter((row) => row.label.length >= 4)) expect(signs.current).toContain(matchKey(row.label));
    expect(signs.flatRows).toEqual(['其他处理']);
    expect(signs.older).toContain('本年新制作数量');
    expect(signs.legacy).toContain('申请总数');
  });

  it('a table’s patterns are built once, and hold each row’s whole printed label', () => {
    expect(tableMatcher(TABLES.applications)).toBe(tableMatcher(TABLES.applications));
    expect(tableMatcher(TABLES.applications).wholeRowLabels.has(matchKey('（七）总计'))).toBe(true);
    expect(tableMatcher(APPLICATIONS_TABLE_2019).wholeRowLabels.has(matchKey('（六）其他处理'))).toBe(true);
  });

  it('the template’s own wordings include every heading and label', () => {
    const wordings = templateWordings();
    expect(wordings).toContain('总体情况');
    expect(wordings).toContain(TABLES.reviews.title);
    expect(wordings).toContain('结转下年度继续办理');
  });
});

describe('the labels view of the catalog', () => {
  it('holds each format’s own wording, built once per template', () => {
    expect(FORMAT_LABELS['2019'].activeDisclosure.rows.get('normativeDocuments')?.label['zh-CN']).toBe('规范性文件');
    expect(FORMAT_LABELS['2021'].activeDisclosure.rows.get('normativeDocuments')?.label['zh-CN']).toBe('行政规范性文件');
    expect(FORMAT_LABELS['2019'].activeDisclosure.columns.get('decisions')?.label).toEqual({ 'zh-CN': '处理决定数量', en: 'Decisions' });
    expect(FORMAT_LABELS['2021'].activeDisclosure.columns.get('decisions')?.label).toEqual({ 'zh-CN': '本年处理决定数量', en: 'Decisions this year' });
    // `unknown` reports are checked against the current template, and share its labels.
    expect(FORMAT_LABELS.unknown).toBe(FORMAT_LABELS['2021']);
  });

  it('names every row and column of each format from that format’s definition', () => {
    for (const version of ['2021', '2019'] as const) {
      for (const [table, definition] of Object.entries(TEMPLATES[version].tables)) {
        const labels = FORMAT_LABELS[version][table as TableKey];
        for (const row of definition?.rows ?? []) {
          expect(labels.rows.get(row.key)?.definition).toBe(row);
          for (const column of row.columns) expect(labels.columns.get(column.key)?.label['zh-CN']).toBe(column.label);
        }
      }
    }
  });

  it('names a key only another format has as that format does (a 2021 report keeping the flat （六） row)', () => {
    expect(rowLabel('applications', 'otherHandling', 'zh-CN', '2021')).toBe('（六）其他处理');
    expect(rowLabel('activeDisclosure', 'procurement', 'zh-CN', '2021')).toBe('政府集中采购');
    expect(columnLabel('activeDisclosure', 'newlyMade', 'en', 'pre-2019')).toBe('Newly made this year');
    // The pre-2019 format has no tables: keys are named as the current format names them.
    expect(rowLabel('activeDisclosure', 'normativeDocuments', 'zh-CN', 'pre-2019')).toBe('行政规范性文件');
  });

  it('gives an unknown key back and never throws', () => {
    expect(rowLabel('applications', 'nope', 'zh-CN', '2019')).toBe('nope');
    expect(columnLabel('constructor' as 'applications', 'x', 'en')).toBe('x');
    expect(compactPlace({ table: 'toString' as 'applications', row: 'a' }, 'zh-CN', '2019')).toBe('toString');
  });
});
