import { describe, expect, it } from 'vitest';
import { checkText, formatHtml, formatSarif, formatStylish, reportCells, summarize } from '../src/index.js';
import type { Diagnostic } from '../src/index.js';
import { fixtureText, seedText } from './support/fixtures.js';

// Corpus 027 is a real 2019-format report (国办公开办函〔2019〕60号): its table 二 prints the row
// 规范性文件 and the column 处理决定数量, where the 2021 table 二 prints 行政规范性文件 and
// 本年处理决定数量. Two faults are planted in it: 规范性文件 published 5 this year but 2 in total
// (published-below-new), and 行政许可's 处理决定数量 written 2.5 (count-invalid).
function planted2019(): string {
  const lines = fixtureText('corpus/027.txt').split('\n');
  const row = lines.indexOf('规范性文件 |');
  const licensing = lines.indexOf('行政许可 |');
  expect(row).toBeGreaterThan(0);
  expect(lines.slice(licensing + 1, licensing + 4)).toEqual(['6 |', '减4 |', '2 |']);
  lines.splice(row + 1, 3, '0 |', '5 |', '2 |');
  lines[licensing + 3] = '2.5 |';
  return lines.join('\n');
}

const byRule = (diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic => {
  const found = diagnostics.find((diagnostic) => diagnostic.ruleId === ruleId);
  expect(found, ruleId).toBeDefined();
  return found as Diagnostic;
};

describe('a 2019-format report is named in the 2019 wording', () => {
  const text = planted2019();
  const zh = checkText(text);
  const en = checkText(text, { locale: 'en' });

  it('is read in the 2019 format, with the planted faults at their cells', () => {
    expect(zh.report.meta.formatVersion).toBe('2019');
    expect(byRule(zh.diagnostics, 'published-below-new')).toMatchObject({ table: 'activeDisclosure', row: 'normativeDocuments', column: 'publishedTotal', actual: '2' });
    expect(byRule(zh.diagnostics, 'count-invalid')).toMatchObject({ table: 'activeDisclosure', row: 'licensing', column: 'decisions' });
  });

  it('says 规范性文件 and 处理决定数量 in Chinese, as the report’s table prints them', () => {
    expect(byRule(zh.diagnostics, 'published-below-new').message).toBe('表二（主动公开政府信息情况）“规范性文件”的“对外公开总数量”为 2，少于本年新公开数量 5。');
    expect(byRule(zh.diagnostics, 'count-invalid').message).toBe('表二（主动公开政府信息情况）“行政许可”的“处理决定数量”应为非负整数，实际为“2.5”。');
    const all = zh.diagnostics.flatMap((diagnostic) => [diagnostic.message, ...(diagnostic.related ?? []).map((place) => place.message)]).join('\n');
    expect(all).not.toContain('行政规范性文件');
    expect(all).not.toContain('本年处理决定数量');
  });

  it('says "Decisions" in English, the 2019 column, not the 2021 "Decisions this year"', () => {
    expect(byRule(en.diagnostics, 'count-invalid').message).toBe(
      'Table 二 (Active disclosure (Article 20 items)), row "Administrative licensing", column "Decisions" must be a non-negative whole number; it holds "2.5".',
    );
    expect(en.diagnostics.map((diagnostic) => diagnostic.message).join('\n')).not.toContain('Decisions this year');
  });

  it('names the cells in the 2019 wording in stylish, SARIF, HTML and the cells output', () => {
    const result = summarize('027.txt', zh.diagnostics, { text, format: zh.report.meta.formatVersion });
    const stylish = formatStylish([result]);
    expect(stylish).toContain('表二 · 对外公开总数量 · 规范性文件');
    expect(stylish).toContain('表二 · 处理决定数量 · 行政许可');
    expect(formatStylish([summarize('027.txt', en.diagnostics, { text, format: '2019' })], { locale: 'en' })).toContain('Table 二 · Decisions · Administrative licensing');
    const sarif = formatSarif([result]);
    expect(sarif).toContain('“规范性文件”的“对外公开总数量”');
    const html = formatHtml([{ file: '027.txt', diagnostics: zh.diagnostics, report: zh.report, text }]);
    expect(html).toContain('表二（主动公开政府信息情况） · 规范性文件 · 对外公开总数量');
    expect(html).toContain('表二（主动公开政府信息情况） · 行政许可 · 处理决定数量');
    // What the outputs say of the findings (the rules' own descriptions, also in SARIF and HTML, speak of both formats).
    const sarifResults = JSON.stringify((JSON.parse(sarif) as { runs: { results: unknown[] }[] }).runs[0]?.results);
    for (const output of [stylish, sarifResults]) {
      expect(output).not.toContain('行政规范性文件');
      expect(output).not.toContain('本年处理决定数量');
    }
    expect(html).not.toMatch(/· 行政规范性文件|“行政规范性文件”|· 本年处理决定数量|“本年处理决定数量”/);
    const cells = reportCells('027.txt', zh.report);
    expect(cells.find((cell) => cell.rowKey === 'normativeDocuments' && cell.columnKey === 'newlyMade')).toMatchObject({ rowLabel: '规范性文件', columnLabel: '本年新制作数量' });
    expect(cells.find((cell) => cell.rowKey === 'licensing' && cell.columnKey === 'decisions')).toMatchObject({ columnLabel: '处理决定数量', value: '2.5', status: 'invalid' });
  });
});

describe('a 2021-format report keeps the 2021 wording', () => {
  // Seed 000 is a 2021-format report: the same kind of fault in its 行政规范性文件 row and 行政许可 column.
  const lines = seedText('000').split('\n');
  const row = lines.indexOf('行政规范性文件 |');
  const text = lines.map((line, index) => (index === row + 1 ? line.replace(/\d+/, '2.5') : line)).join('\n');
  const { report, diagnostics } = checkText(text);

  it('says 行政规范性文件 and 本年制发件数', () => {
    expect(report.meta.formatVersion).toBe('2021');
    expect(lines[row + 1]).toBe('2 |');
    const invalid = byRule(diagnostics, 'count-invalid');
    expect(invalid).toMatchObject({ row: 'normativeDocuments', column: 'issued' });
    expect(invalid.message).toBe('表二（主动公开政府信息情况）“行政规范性文件”的“本年制发件数”应为非负整数，实际为“2.5”。');
    expect(formatStylish([summarize('000.txt', diagnostics, { text, format: report.meta.formatVersion })])).toContain('表二 · 本年制发件数 · 行政规范性文件');
  });
});
