import { describe, expect, it } from 'vitest';
import { setCell } from '../../src/model/index.js';
import { checkSeries, checkSummary } from '../../src/series/index.js';
import { truthReport } from '../series/pingtan.js';

/** A summary of two reports: every cell the sum of theirs (fee amounts exact). */
function summaryOf(a: ReturnType<typeof truthReport>, b: ReturnType<typeof truthReport>) {
  const summary = truthReport('005');
  for (const key of ['activeDisclosure', 'applications', 'reviews'] as const) {
    for (const [row, entry] of Object.entries(summary.tables[key]?.rows ?? {})) {
      for (const [column, cell] of Object.entries(entry?.cells ?? {})) {
        const left = (a.tables[key]?.rows as Record<string, { cells: Record<string, { kind: string; value: unknown }> }>)[row]?.cells[column];
        const right = (b.tables[key]?.rows as Record<string, { cells: Record<string, { kind: string; value: unknown }> }>)[row]?.cells[column];
        if (cell?.kind === 'count' && left?.kind === 'count' && right?.kind === 'count') cell.value = (left.value as number) + (right.value as number);
        if (cell?.kind === 'amount' && left?.kind === 'amount' && right?.kind === 'amount') setCell(summary, `${key}.${row}.${column}`, (left.value as { plus(x: unknown): { toFixed(): string } }).plus(right.value).toFixed());
      }
    }
  }
  return summary;
}

describe('summary-mismatch (opt-in)', () => {
  const partA = () => truthReport('004');
  const partB = () => truthReport('005');

  it('accepts a summary whose every cell is the sum of its parts, fee amounts exact (24252.311082 + 9116.36)', () => {
    const summary = summaryOf(partA(), partB());
    expect(summary.tables.activeDisclosure?.rows.fees?.cells.amountWanYuan).toMatchObject({ kind: 'amount' });
    expect(String((summary.tables.activeDisclosure?.rows.fees?.cells.amountWanYuan as { value: unknown }).value)).toBe('33368.671082');
    expect(checkSummary({ report: summary }, [{ report: partA(), uri: 'a.txt' }, { report: partB(), uri: 'b.txt' }])).toEqual([]);
  });

  it('reports each cell that is not the sum, with every part as a related place in its file', () => {
    const summary = summaryOf(partA(), partB());
    setCell(summary, 'applications.received.naturalPerson', 200);
    const found = checkSummary({ report: summary, uri: 'summary.txt' }, [{ report: partA(), uri: 'a.txt' }, { report: partB(), uri: 'b.txt' }]);
    expect(found.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity, diagnostic.row, diagnostic.column, diagnostic.expected, diagnostic.actual])).toEqual([
      ['summary-mismatch', 'warning', 'received', 'naturalPerson', '135', '200'],
    ]);
    expect(found[0]?.message).toBe('表三（收到和处理政府信息公开申请情况）“一、本年新收政府信息公开申请数量”·“自然人”为 200，但 2 份组成报告之和为 135。');
    expect(found[0]?.related?.map((place) => [place.uri, place.value])).toEqual([
      ['a.txt', '64'],
      ['b.txt', '71'],
    ]);
  });

  it('is never run by checkSeries, and can be turned off', () => {
    const summary = partA();
    expect(checkSeries([{ report: summary }]).diagnostics.flat()).toEqual([]);
    expect(checkSummary({ report: summary }, [{ report: partB() }], { rules: { 'summary-mismatch': 'off' } })).toEqual([]);
    expect(checkSummary({ report: summary }, [{ report: partB() }]).length).toBeGreaterThan(0);
  });
});
