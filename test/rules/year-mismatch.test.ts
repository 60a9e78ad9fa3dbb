import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { checkSeries } from '../../src/series/index.js';
import { fixtureText } from '../support/fixtures.js';
import { copiedWithTitleChanged } from '../series/copied.js';
import { parsedEntry, PINGTAN } from '../series/pingtan.js';

const mismatches = (diagnostics: readonly Diagnostic[] | undefined): Diagnostic[] => (diagnostics ?? []).filter((diagnostic) => diagnostic.ruleId === 'year-mismatch');
const CORPUS = ['001', '002', '003', '004', '005', '006', '010', '011', '014', '015', '016', '018', '019', '020', '021', '023', '024', '025', '026', '027', '028', '029', '030', '031', '032', '033', '034', '035', '036', '037', '038', '040', '041', '042'];

describe('year-mismatch', () => {
  it('finds no other reporting year in the sentences of any report of the corpus or the seeds', () => {
    const texts = [...CORPUS.map((id) => fixtureText(`corpus/${id}.txt`)), ...['000', '001', '002', '003', '004'].map((id) => fixtureText(`seeds/${id}.txt`))];
    const found = texts.flatMap((text) => mismatches(checkSeries([{ report: parsedEntry('004', text).report, text }]).diagnostics[0]));
    expect(found).toEqual([]);
  });

  it('finds, in the 2021 report copied as 2022 with the title changed, every sentence still naming 2021', () => {
    const text = copiedWithTitleChanged();
    const found = mismatches(checkSeries([parsedEntry('004', text)]).diagnostics[0]);
    expect(found.map((diagnostic) => [diagnostic.severity, diagnostic.args.stated, text.slice(diagnostic.span?.start, diagnostic.span?.end)])).toEqual([
      ['warning', 2021, '2021'],
      ['warning', 2021, '2021'],
      ['warning', 2021, '2021'],
      ['warning', 2021, '2021'],
    ]);
    expect(found.map((diagnostic) => diagnostic.args.quote)).toEqual([
      '2021年政府信息公开工作年度报告有关事项的通知》等文件要求',
      '2021年1月1日起至2021年12月31日止',
      '2021年，我区以习近平新时代中国特色社会主义思想为指导，全',
      expect.stringMatching(/^2021年，/),
    ]);
    expect(found[1]?.message).toBe('这是 2022 年度的报告，但此处写的是 2021 年：“2021年1月1日起至2021年12月31日止”。');
  });

  it('finds nothing once every year of the copy is changed (text-repeated still finds the copy)', () => {
    const text = fixtureText('corpus/004.txt').replaceAll('2021', '2022');
    const result = checkSeries([parsedEntry('004'), parsedEntry('004', text)]);
    expect(mismatches(result.diagnostics[1])).toEqual([]);
    expect(result.diagnostics[1]?.map((diagnostic) => diagnostic.ruleId)).toContain('text-repeated');
  });

  it('points at the second year of a period when only that one is wrong', () => {
    const text = '示例县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本报告统计期限自2024年1月1日起至2023年12月31日止。\n六、其他需要报告的事项\n无。';
    const [diagnostic, ...others] = mismatches(checkSeries([parsedEntry('004', text)]).diagnostics[0]);
    expect(others).toEqual([]);
    expect(diagnostic?.span && text.slice(diagnostic.span.start - 11, diagnostic.span.end)).toBe('2024年1月1日起至2023');
  });

  it('leaves the section on problems alone: it tells of last year’s report and next year’s plans', () => {
    const text = '示例县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我县持续深化政务公开。\n五、存在的主要问题及改进情况\n针对2023年度政府信息公开工作年度报告中的问题，已整改。2025年，我县将继续加强培训。\n六、其他需要报告的事项\n无。';
    expect(mismatches(checkSeries([parsedEntry('004', text)]).diagnostics[0])).toEqual([]);
  });

  it('runs on every report of the Pingtan series, one by one', () => {
    const result = checkSeries(PINGTAN.map(({ id }) => parsedEntry(id)));
    expect(result.diagnostics.map(mismatches)).toEqual([[], [], [], []]);
  });
});
