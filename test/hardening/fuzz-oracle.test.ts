/** The fuzz campaign's oracles can fail: they find a lost number and a wrong span when there is one. */
import { describe, expect, it } from 'vitest';
import { lostValues, spanErrors } from '../../scripts/fuzz-oracle.js';
import { checkText } from '../../src/index.js';
import type { AnnualReport } from '../../src/index.js';
import { seedText } from '../support/fixtures.js';

describe('fuzz oracles', () => {
  const text = seedText('000');
  const { report, diagnostics } = checkText(text);

  it('find nothing on a seed as read', () => {
    expect(lostValues(text, report)).toEqual([]);
    expect(spanErrors(text, report, diagnostics)).toEqual([]);
  });

  it('find a number the report lost', () => {
    const copy = checkText(text).report as AnnualReport;
    const received = copy.tables.applications?.rows.received;
    expect(received?.cells.total?.span).toBeDefined();
    delete received?.cells.total;
    expect(lostValues(text, copy)).toHaveLength(1);
  });

  it('find a span whose line is wrong, and one over other digits', () => {
    const copy = checkText(text).report as AnnualReport;
    const cells = copy.tables.applications?.rows.received?.cells;
    const total = cells?.total;
    if (total?.span) (total as { span: { line: number } }).span.line += 1;
    const natural = cells?.naturalPerson;
    if (natural?.kind === 'count') (natural as { value: number }).value += 1;
    const errors = spanErrors(text, copy, []);
    expect(errors.some((error) => error.startsWith('applications.received.total: line'))).toBe(true);
    expect(errors.some((error) => error.startsWith('applications.received.naturalPerson: span holds'))).toBe(true);
  });
});
