import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS, CASE_OUTCOME_COLUMNS, TEMPLATE_2021 } from '../../src/catalog/index.js';
import { LOCAL_STEP_LIMIT, READING_LIMIT, splitJointly, valuesOf } from '../../src/read/tables/split.js';
import type { RunTogether, SplitOutcome } from '../../src/read/tables/split.js';

const relations = TEMPLATE_2021.relations;
const applicants = (row: string) => APPLICANT_COLUMNS.map((column) => ({ row, column: column.key }));
const cases = (row: string) => CASE_OUTCOME_COLUMNS.map((column) => ({ row, column: column.key }));
const run = (slots: RunTogether['slots'], ...pieces: string[]): RunTogether => ({ slots, pieces });
const nothingKnown = (): undefined => undefined;
const values = (item: RunTogether, outcome: SplitOutcome | undefined): number[] | undefined => (outcome?.kind === 'unique' ? valuesOf(item, outcome.reading) : undefined);

describe('digits run together, cut by the template relations', () => {
  it('table 四 as one run of 17 digits (corpus 010): the row totals (C4) leave one reading', () => {
    const item = run([...cases('review'), ...cases('litigationDirect'), ...cases('litigationAfterReview')], '21317000001324019');
    const [outcome] = splitJointly([item], relations, nothingKnown);
    expect(values(item, outcome)).toEqual([2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]);
    expect(outcome).toMatchObject({ kind: 'unique', byBalance: false });
  });

  it('spaces in the digits are cell boundaries (corpus 006: "230 000023")', () => {
    const item = run(applicants('received'), '230', '000023');
    expect(values(item, splitJointly([item], relations, nothingKnown)[0])).toEqual([23, 0, 0, 0, 0, 0, 23]);
  });

  it('a row its total leaves open is decided by the column balances (C1) with the other rows', () => {
    // 1110 + 0: 1/1/1/0 … ; the row alone reads 11|1|0 or 1|11|0 style cuts only when the totals allow.
    const received = run(applicants('received'), '1100002');
    const known = (row: string, column: string): number | undefined => {
      if (row === 'carriedOver') return 0;
      if (row === 'carriedForward') return 0;
      if (row === 'concludedTotal') return ({ naturalPerson: 1, business: 1, total: 2 } as Record<string, number>)[column] ?? 0;
      return undefined;
    };
    const alone = splitJointly([received], relations.filter((relation) => relation.across === 'columns'), known);
    expect(alone[0]).toMatchObject({ kind: 'unique' });
    const [outcome] = splitJointly([received], relations, known);
    expect(values(received, outcome)).toEqual([1, 1, 0, 0, 0, 0, 2]);
  });

  it('several readings (a 3-cell row of table 二 with no total): one outcome listing them, none chosen', () => {
    const item = run([{ row: 'normativeDocuments', column: 'issued' }, { row: 'normativeDocuments', column: 'repealed' }, { row: 'normativeDocuments', column: 'inForce' }], '693665');
    const [outcome] = splitJointly([item], relations, nothingKnown);
    expect(outcome?.kind).toBe('several');
    if (outcome?.kind !== 'several') return;
    expect(outcome.readings.map((reading) => valuesOf(item, reading).join('/'))).toContain('69/3/665');
    expect(outcome.readings.length).toBeGreaterThan(1);
  });

  it('no reading fits (the printed total is wrong): one "none", never a guess', () => {
    const item = run(applicants('received'), '9990009');
    expect(splitJointly([item], relations, nothingKnown)[0]).toEqual({ kind: 'none', bounded: false });
  });

  it('a reading is never chosen because it makes a real imbalance disappear: with no joint reading, each row keeps its own', () => {
    // received reads 2|0…|2 or … ; concludedTotal is printed 5: no cut of received balances it.
    const received = run(applicants('received'), '1010002');
    const known = (row: string, column: string): number | undefined => {
      if (row === 'concludedTotal') return column === 'total' || column === 'naturalPerson' ? 5 : 0;
      if (row === 'carriedOver' || row === 'carriedForward') return 0;
      return undefined;
    };
    const [joint] = splitJointly([received], relations, known);
    const [alone] = splitJointly([received], relations.filter((relation) => relation.across === 'columns'), known);
    expect(joint).toEqual(alone);
  });

  it('the search is bounded: 60 digits into 15 cells with no total stops at its bounds and decides nothing', () => {
    const slots = Array.from({ length: 15 }, (_, index) => ({ row: 'nowhere', column: `c${index}` }));
    const [outcome] = splitJointly([run(slots, '1'.repeat(60))], relations, nothingKnown);
    expect(outcome?.kind === 'unique').toBe(false);
    expect(outcome?.kind === 'several' ? outcome.more : outcome?.kind === 'none' && outcome.bounded).toBe(true);
    expect(LOCAL_STEP_LIMIT).toBeGreaterThan(READING_LIMIT);
  });
});
