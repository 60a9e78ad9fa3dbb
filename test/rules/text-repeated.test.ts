import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import type { SourceText } from '../../src/read/index.js';
import { checkSeries, compareNarratives, narrativeSentences, sourceOf } from '../../src/series/index.js';
import { copiedWithTitleChanged } from '../series/copied.js';
import { parsedEntry, PINGTAN } from '../series/pingtan.js';

const repeated = (diagnostics: readonly Diagnostic[] | undefined): Diagnostic[] => (diagnostics ?? []).filter((diagnostic) => diagnostic.ruleId === 'text-repeated');
const compact = (text: string): string => text.replace(/[\s，。、；：,.;:（）()“”《》]/g, '');

describe('text-repeated', () => {
  it('finds the Pingtan reports newly written each year: under 10% repeated between neighbours', () => {
    const entries = PINGTAN.map(({ id }) => parsedEntry(id));
    const shares = entries.slice(1).map((entry, index) => {
      const before = entries[index] as (typeof entries)[number];
      return compareNarratives(narrativeSentences(entry.report, sourceOf(entry) as SourceText), narrativeSentences(before.report, sourceOf(before) as SourceText)).share;
    });
    expect(shares).toHaveLength(3);
    for (const share of shares) expect(share).toBeLessThan(0.1);
    // 2021 → 2022 is the one consecutive pair: compared, and nothing to report.
    expect(repeated(checkSeries(entries).diagnostics.flat())).toEqual([]);
  });

  it('reports the 2021 report copied as 2022 with the title changed: the share, and the copied passages in both files', () => {
    const original = parsedEntry('004');
    const copy = parsedEntry('004', copiedWithTitleChanged(), 'copy-2022.txt');
    expect(copy.report.meta.year?.value).toBe(2022);
    const [diagnostic, ...others] = repeated(checkSeries([original, copy]).diagnostics[1]);
    expect(others).toEqual([]);
    expect(diagnostic).toMatchObject({ severity: 'warning', messageId: 'repeated', args: { percent: 100, previousYear: 2021 } });
    expect(diagnostic?.message).toMatch(/^正文有 100% 与2021年度报告重复（(\d+)\/\1 字），最长一段重复 \d+ 字。$/);
    const related = diagnostic?.related ?? [];
    expect(related.length).toBeGreaterThanOrEqual(2);
    // Pairs of places: the passage in this file, then the same passage in last year's.
    for (let index = 0; index < related.length; index += 2) {
      const here = related[index];
      const there = related[index + 1];
      expect(here?.uri).toBeUndefined();
      expect(there?.uri).toBe('004.txt');
      const hereText = here?.span ? (copy.text as string).slice(here.span.start, here.span.end) : '';
      const thereText = there?.span ? (original.text as string).slice(there.span.start, there.span.end) : '';
      expect(hereText.length).toBeGreaterThan(20);
      expect(compact(hereText)).toBe(compact(thereText));
    }
    // The finding itself points at the longest passage.
    expect(diagnostic?.span).toEqual(related[0]?.span);
  });

  it('counts a sentence with its figures updated as repeated, and a rewritten one as not', () => {
    const at = (start: number) => ({ start, end: start + 10, line: 1, column: start + 1 });
    const previous = [
      { key: '本年度共受理政府信息公开申请##件全部按时办结', span: at(0) },
      { key: '我区持续深化政务公开主动回应社会关切', span: at(10) },
    ];
    const current = [
      { key: '本年度共受理政府信息公开申请##件全部按时办结', span: at(0) },
      { key: '今年新建重大建设项目信息专栏逐项公开审批信息', span: at(10) },
    ];
    const similarity = compareNarratives(current, previous);
    expect(similarity.repeated).toBe(current[0]?.key.length);
    expect(similarity.share).toBeCloseTo(23 / 45, 5);
    expect(similarity.passages).toEqual([{ current: at(0), previous: at(0), length: 23, sentences: 1 }]);
  });

  it('says nothing without last year’s text', () => {
    const copy = parsedEntry('004', copiedWithTitleChanged());
    const { text: _text, ...withoutText } = parsedEntry('004');
    expect(repeated(checkSeries([withoutText, copy]).diagnostics[1])).toEqual([]);
  });
});
