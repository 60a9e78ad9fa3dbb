/**
 * Blank is not missing (issue 10 item 3): in a pipe or one-cell-per-line layout, an empty cell
 * (`| |`, a bare `|` line) is a blank cell, and only a row with fewer cells than the template lacks
 * some. Corpus 023 writes its 予以公开 row as bare `|` lines: six blank applicant cells, and — one
 * line fewer than every other row of the table, which all end in the `||` residue — no 总计 at all.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/index.js';
import { fixtureText } from '../support/fixtures.js';

const APPLICANTS = ['naturalPerson', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg'];
const text = fixtureText('corpus/023.txt');
const GRANTED = '(一)予以公开 |\n|\n|\n|\n|\n|\n|\n|\n|\n';

describe('a row written as bare | lines (corpus 023, 予以公开)', () => {
  it('has six blank applicant cells, each pointing at the bar that closes it, and no 总计', () => {
    expect(text).toContain(GRANTED);
    const cells = checkText(text).report.tables.applications?.rows.granted?.cells ?? {};
    for (const column of APPLICANTS) {
      const cell = cells[column];
      expect(cell).toMatchObject({ kind: 'blank' });
      const at = cell?.span?.start ?? -1;
      expect(text.charAt(at)).toBe('|');
    }
    expect(cells.total).toBeUndefined();
  });

  it('gives one blank-cell warning for the six and one cell-missing for the 总计 alone', () => {
    const findings = checkText(text).diagnostics.filter((diagnostic) => diagnostic.row === 'granted');
    const missing = findings.filter((diagnostic) => diagnostic.ruleId === 'cell-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', args: { columns: 'total' } });
    const blank = findings.filter((diagnostic) => diagnostic.ruleId === 'blank-cell');
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatchObject({ severity: 'warning', args: { columns: APPLICANTS.join(',') } });
  });

  it('with its 总计 line written bare too, then the residue every row ends with: seven blank cells, nothing missing', () => {
    const whole = text.replace(GRANTED, '(一)予以公开 |\n|\n|\n|\n|\n|\n|\n|\n||\n');
    const { report, diagnostics } = checkText(whole);
    expect(report.tables.applications?.rows.granted?.cells.total).toMatchObject({ kind: 'blank' });
    expect(diagnostics.filter((diagnostic) => diagnostic.row === 'granted' && diagnostic.ruleId === 'cell-missing')).toEqual([]);
  });
});
