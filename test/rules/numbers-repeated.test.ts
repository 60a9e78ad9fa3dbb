import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { checkSeries } from '../../src/series/index.js';
import { copiedWithTitleChanged } from '../series/copied.js';
import { parsedEntry, truthReport } from '../series/pingtan.js';

const repeated = (diagnostics: readonly Diagnostic[] | undefined): Diagnostic[] => (diagnostics ?? []).filter((diagnostic) => diagnostic.ruleId === 'numbers-repeated');

describe('numbers-repeated', () => {
  it('finds the Pingtan tables of 2021 and 2022 different (ground truth and texts as read)', () => {
    expect(repeated(checkSeries([{ report: truthReport('004') }, { report: truthReport('005') }]).diagnostics[1])).toEqual([]);
    expect(repeated(checkSeries([parsedEntry('004'), parsedEntry('005')]).diagnostics[1])).toEqual([]);
  });

  it('reports every table of the 2021 report copied as 2022, each pointing at last year’s table', () => {
    const original = parsedEntry('004');
    const copy = parsedEntry('004', copiedWithTitleChanged(), 'copy-2022.txt');
    const found = repeated(checkSeries([original, copy]).diagnostics[1]);
    // Every table the reader reads a non-zero count of (not every cell of these run-together digits
    // is read yet: table 四 is not, today), and at least table 三.
    const active = (['activeDisclosure', 'applications', 'reviews'] as const).filter((key) =>
      Object.values(copy.report.tables[key]?.rows ?? {}).some((row) => Object.entries(row?.cells ?? {}).some(([column, cell]) => column !== 'inForce' && cell?.kind === 'count' && cell.value > 0)),
    );
    expect(active).toContain('applications');
    expect(found.map((diagnostic) => diagnostic.table)).toEqual(active);
    for (const diagnostic of found) {
      const [there] = diagnostic.related ?? [];
      expect(there?.uri).toBe('004.txt');
      // Same text in both files: the spans are the same table, at the same place.
      expect(there?.span).toEqual(diagnostic.span);
      expect(diagnostic.message).toContain('与2021年度报告的同一张表逐格相同');
    }
  });

  it('reports a typed table identical two years running, and not one all zero', () => {
    const previous = truthReport('005');
    previous.meta.year = { value: 2021 };
    const found = repeated(checkSeries([{ report: previous }, { report: truthReport('005') }]).diagnostics[1]);
    expect(found.map((diagnostic) => diagnostic.table)).toEqual(['activeDisclosure', 'applications', 'reviews']);
    expect(found[1]?.args).toMatchObject({ cells: 175, previousYear: 2021 });
    const zeros = truthReport('004');
    const quiet = truthReport('004');
    for (const report of [zeros, quiet]) {
      for (const row of Object.values(report.tables.reviews?.rows ?? {})) for (const cell of Object.values(row?.cells ?? {})) if (cell?.kind === 'count') cell.value = 0;
    }
    quiet.meta.year = { value: 2022 };
    expect(repeated(checkSeries([{ report: zeros }, { report: quiet }]).diagnostics[1]).map((diagnostic) => diagnostic.table)).toEqual(['activeDisclosure', 'applications']);
  });
});
