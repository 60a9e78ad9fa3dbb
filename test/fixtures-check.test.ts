import { describe, expect, it } from 'vitest';
import { checkReport, RULES, runRules, setCell } from '../src/index.js';
import type { AnnualReport, Diagnostic, Rule, TableKey } from '../src/index.js';
import { expectedReport, seedExpectation, TABLED_SEEDS } from './support/fixtures.js';

// The sum rules of the template (C1–C4). Their ids are fixed: tools and docs depend on them.
const ARITHMETIC_RULE_IDS = ['applications-balance', 'applications-outcome-total', 'applications-row-total', 'reviews-total', 'litigation-total'];

function ruleNamed(id: string): Rule {
  const rule = RULES.find((candidate) => candidate.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

const arithmeticRules = ARITHMETIC_RULE_IDS.map(ruleNamed);

/** A fresh copy of a seed's hand-encoded ground truth, as a typed report. */
const seedReport = (id: string): AnnualReport => expectedReport(seedExpectation(id));

/** Replaces a cell by a blank (as written in the report), or removes it (`undefined`). */
function blankCell(report: AnnualReport, table: TableKey, row: string, column: string, text: string | undefined): void {
  const cells = report.tables[table]?.rows[row as never]?.['cells'] as Record<string, unknown> | undefined;
  if (!cells) throw new Error(`no row ${table}.${row}`);
  if (text === undefined) delete cells[column];
  else cells[column] = { kind: 'blank', text };
}

/** Related cells as `[row, column, value]` — the form the assertions below are written in. */
const relatedCells = (diagnostic: Diagnostic | undefined) => diagnostic?.related?.map((place) => [place.row, place.column, place.value]);

describe('the arithmetic rules', () => {
  it.each(ARITHMETIC_RULE_IDS)('%s is registered under its fixed id, as an arithmetic error', (id) => {
    expect(RULES.filter((rule) => rule.meta.id === id).map((rule) => [rule.meta.category, rule.meta.defaultSeverity])).toEqual([['arithmetic', 'error']]);
  });
});

describe.each(TABLED_SEEDS)('seed %s (hand-encoded ground truth)', (id) => {
  it('checks clean against the arithmetic rules: not even an info', () => {
    expect(runRules(seedReport(id), arithmeticRules)).toEqual([]);
  });

  it('gets no arithmetic diagnostic from checkReport with every rule', () => {
    const diagnostics = checkReport(seedReport(id)).filter((diagnostic) => ARITHMETIC_RULE_IDS.includes(diagnostic.ruleId));
    expect(diagnostics).toEqual([]);
  });
});

interface PlantedFault {
  readonly name: string;
  readonly seed: string;
  /** Cells changed in the copy (`table.row.column` → count). */
  readonly cells: Readonly<Record<string, number>>;
  /** The one diagnostic the rule must report. */
  readonly expected: { readonly table: TableKey; readonly row: string; readonly column: string; readonly expected: string; readonly actual: string };
  /** Every cell of the failed relation, left-hand side first: `[row, column, value]`. */
  readonly related: readonly (readonly [string, string, string])[];
  /**
   * When the fault breaks several relations of its table: the correction suggested, `[row, column,
   * value]` — the seed's own value of the changed cell. Absent: one relation breaks, nothing is suggested.
   */
  readonly suggestion?: readonly [string, string, string];
}

const OUTCOME_ROWS_000_NATURAL_PERSON: readonly (readonly [string, string, string])[] = [
  ['granted', 'naturalPerson', '2'],
  ['partiallyGranted', 'naturalPerson', '3'],
  ['denied.stateSecret', 'naturalPerson', '0'],
  ['denied.prohibitedByLaw', 'naturalPerson', '0'],
  ['denied.threeSecurities', 'naturalPerson', '0'],
  ['denied.thirdPartyRights', 'naturalPerson', '0'],
  ['denied.internalAffairs', 'naturalPerson', '0'],
  ['denied.processInfo', 'naturalPerson', '0'],
  ['denied.enforcementFiles', 'naturalPerson', '1'],
  ['denied.queryMatters', 'naturalPerson', '0'],
  ['unableToProvide.notHeld', 'naturalPerson', '9'],
  ['unableToProvide.needsCreation', 'naturalPerson', '0'],
  ['unableToProvide.unclearAfterCorrection', 'naturalPerson', '0'],
  ['notProcessed.petition', 'naturalPerson', '0'],
  ['notProcessed.repeated', 'naturalPerson', '2'],
  ['notProcessed.publication', 'naturalPerson', '0'],
  ['notProcessed.massRepeated', 'naturalPerson', '0'],
  ['notProcessed.confirmation', 'naturalPerson', '0'],
  ['otherHandling.noCorrection', 'naturalPerson', '0'],
  ['otherHandling.unpaidFee', 'naturalPerson', '0'],
  ['otherHandling.other', 'naturalPerson', '0'],
];

const PLANTED: Readonly<Record<string, readonly PlantedFault[]>> = {
  'applications-balance': [
    {
      name: 'seed 000: 2 carried forward by natural persons that were never received',
      suggestion: ['carriedForward', 'naturalPerson', '0'],
      seed: '000',
      cells: { 'applications.carriedForward.naturalPerson': 2 },
      expected: { table: 'applications', row: 'received', column: 'naturalPerson', expected: '18', actual: '16' },
      related: [
        ['received', 'naturalPerson', '16'],
        ['carriedOver', 'naturalPerson', '0'],
        ['concludedTotal', 'naturalPerson', '16'],
        ['carriedForward', 'naturalPerson', '2'],
      ],
    },
    {
      name: 'seed 004: the “other” column receives 2 but concludes 1',
      suggestion: ['received', 'otherOrg', '1'],
      seed: '004',
      cells: { 'applications.received.otherOrg': 2 },
      expected: { table: 'applications', row: 'received', column: 'otherOrg', expected: '1', actual: '2' },
      related: [
        ['received', 'otherOrg', '2'],
        ['carriedOver', 'otherOrg', '0'],
        ['concludedTotal', 'otherOrg', '1'],
        ['carriedForward', 'otherOrg', '0'],
      ],
    },
  ],
  'applications-outcome-total': [
    {
      name: 'seed 000: one more natural-person application disclosed than the concluded total says',
      suggestion: ['granted', 'naturalPerson', '1'],
      seed: '000',
      cells: { 'applications.granted.naturalPerson': 2 },
      expected: { table: 'applications', row: 'concludedTotal', column: 'naturalPerson', expected: '17', actual: '16' },
      related: [['concludedTotal', 'naturalPerson', '16'], ...OUTCOME_ROWS_000_NATURAL_PERSON],
    },
  ],
  'applications-row-total': [
    {
      name: 'seed 001: received total 7 for 6 natural persons',
      suggestion: ['received', 'total', '6'],
      seed: '001',
      cells: { 'applications.received.total': 7 },
      expected: { table: 'applications', row: 'received', column: 'total', expected: '6', actual: '7' },
      related: [
        ['received', 'total', '7'],
        ['received', 'naturalPerson', '6'],
        ['received', 'business', '0'],
        ['received', 'research', '0'],
        ['received', 'publicInterest', '0'],
        ['received', 'legalService', '0'],
        ['received', 'otherOrg', '0'],
      ],
    },
    {
      name: 'seed 004: a business applicant missing from the total of a numbered outcome row',
      suggestion: ['unableToProvide.notHeld', 'business', '0'],
      seed: '004',
      cells: { 'applications.unableToProvide.notHeld.business': 1 },
      expected: { table: 'applications', row: 'unableToProvide.notHeld', column: 'total', expected: '3', actual: '2' },
      related: [
        ['unableToProvide.notHeld', 'total', '2'],
        ['unableToProvide.notHeld', 'naturalPerson', '2'],
        ['unableToProvide.notHeld', 'business', '1'],
        ['unableToProvide.notHeld', 'research', '0'],
        ['unableToProvide.notHeld', 'publicInterest', '0'],
        ['unableToProvide.notHeld', 'legalService', '0'],
        ['unableToProvide.notHeld', 'otherOrg', '0'],
      ],
    },
  ],
  'reviews-total': [
    {
      name: 'seed 000: 2 reviews upheld, 1 pending, total 1',
      seed: '000',
      cells: { 'reviews.review.upheld': 2 },
      expected: { table: 'reviews', row: 'review', column: 'total', expected: '3', actual: '1' },
      related: [
        ['review', 'total', '1'],
        ['review', 'upheld', '2'],
        ['review', 'corrected', '0'],
        ['review', 'other', '0'],
        ['review', 'pending', '1'],
      ],
    },
  ],
  'litigation-total': [
    {
      name: 'seed 004: a direct suit corrected but the total left 0',
      seed: '004',
      cells: { 'reviews.litigationDirect.corrected': 1 },
      expected: { table: 'reviews', row: 'litigationDirect', column: 'total', expected: '1', actual: '0' },
      related: [
        ['litigationDirect', 'total', '0'],
        ['litigationDirect', 'upheld', '0'],
        ['litigationDirect', 'corrected', '1'],
        ['litigationDirect', 'other', '0'],
        ['litigationDirect', 'pending', '0'],
      ],
    },
    {
      name: 'seed 001: after review, 2 pending but total 1',
      seed: '001',
      cells: { 'reviews.litigationAfterReview.pending': 2, 'reviews.litigationAfterReview.total': 1 },
      expected: { table: 'reviews', row: 'litigationAfterReview', column: 'total', expected: '2', actual: '1' },
      related: [
        ['litigationAfterReview', 'total', '1'],
        ['litigationAfterReview', 'upheld', '0'],
        ['litigationAfterReview', 'corrected', '0'],
        ['litigationAfterReview', 'other', '0'],
        ['litigationAfterReview', 'pending', '2'],
      ],
    },
  ],
};

interface Unreadable {
  readonly name: string;
  readonly seed: string;
  /** Counts set first, so that reading the blank as 0 would be a (false) imbalance. */
  readonly cells?: Readonly<Record<string, number>>;
  /** The cells made blank (text) or absent (`undefined`). */
  readonly blanks: readonly (readonly [TableKey, string, string, string | undefined])[];
  readonly table: TableKey;
  /** The cells the `info` lists: `[row, column, value as written]` (no value when absent). */
  readonly related: readonly (readonly [string, string, string | undefined])[];
}

const UNREADABLE: Readonly<Record<string, readonly Unreadable[]>> = {
  'applications-balance': [
    {
      name: 'seed 000: new natural-person applications written as “—” (16 in truth)',
      seed: '000',
      blanks: [['applications', 'received', 'naturalPerson', '—']],
      table: 'applications',
      related: [['received', 'naturalPerson', '—']],
    },
    {
      name: 'seed 000: carried-forward total absent, concluded total blank',
      seed: '000',
      blanks: [
        ['applications', 'carriedForward', 'total', undefined],
        ['applications', 'concludedTotal', 'total', ''],
      ],
      table: 'applications',
      related: [
        ['concludedTotal', 'total', ''],
        ['carriedForward', 'total', undefined],
      ],
    },
  ],
  'applications-outcome-total': [
    {
      name: 'seed 000: disclosed to natural persons written as “/” (1 in truth)',
      seed: '000',
      blanks: [['applications', 'granted', 'naturalPerson', '/']],
      table: 'applications',
      related: [['granted', 'naturalPerson', '/']],
    },
  ],
  'applications-row-total': [
    {
      name: 'seed 001: received from natural persons written as “无” (6 in truth)',
      seed: '001',
      blanks: [['applications', 'received', 'naturalPerson', '无']],
      table: 'applications',
      related: [['received', 'naturalPerson', '无']],
    },
  ],
  'reviews-total': [
    {
      name: 'seed 000: pending review left empty (1 in truth)',
      seed: '000',
      blanks: [['reviews', 'review', 'pending', '']],
      table: 'reviews',
      related: [['review', 'pending', '']],
    },
  ],
  'litigation-total': [
    {
      name: 'seed 004: a direct suit upheld, its total cell absent',
      seed: '004',
      cells: { 'reviews.litigationDirect.upheld': 1 },
      blanks: [['reviews', 'litigationDirect', 'total', undefined]],
      table: 'reviews',
      related: [['litigationDirect', 'total', undefined]],
    },
  ],
};

describe.each(ARITHMETIC_RULE_IDS)('%s', (ruleId) => {
  const rule = ruleNamed(ruleId);

  it.each((PLANTED[ruleId] ?? []).map((fault) => [fault.name, fault] as const))('reports a planted fault — %s', (_name, fault) => {
    const report = seedReport(fault.seed);
    for (const [address, value] of Object.entries(fault.cells)) setCell(report, address, value);
    const diagnostics = runRules(report, [rule]);
    expect(diagnostics).toHaveLength(1);
    const [diagnostic] = diagnostics;
    expect(diagnostic).toMatchObject({ ruleId, severity: 'error', messageId: fault.suggestion ? 'mismatch-suggested' : 'mismatch', ...fault.expected });
    expect(relatedCells(diagnostic)).toEqual(fault.related);
    if (fault.suggestion) {
      const [row, column, value] = fault.suggestion;
      expect(diagnostic?.suggestion).toMatchObject({ cell: { table: fault.expected.table, row, column }, value, kind: 'value' });
    } else {
      expect(diagnostic).not.toHaveProperty('suggestion');
    }
    expect(diagnostic?.related?.every((place) => place.table === fault.expected.table)).toBe(true);
  });

  it('has at least one planted fault', () => {
    expect((PLANTED[ruleId] ?? []).length).toBeGreaterThan(0);
  });

  it.each((UNREADABLE[ruleId] ?? []).map((fault) => [fault.name, fault] as const))(
    'says once that it cannot check, instead of a false imbalance — %s',
    (_name, fault) => {
      const report = seedReport(fault.seed);
      for (const [address, value] of Object.entries(fault.cells ?? {})) setCell(report, address, value);
      for (const [table, row, column, text] of fault.blanks) blankCell(report, table, row, column, text);
      const diagnostics = runRules(report, [rule]);
      expect(diagnostics).toHaveLength(1);
      const [diagnostic] = diagnostics;
      expect(diagnostic).toMatchObject({ ruleId, severity: 'info', messageId: 'incomplete', table: fault.table, args: { count: fault.related.length } });
      expect(diagnostic).not.toHaveProperty('expected');
      expect(diagnostic).not.toHaveProperty('actual');
      expect(relatedCells(diagnostic)).toEqual(fault.related);
    },
  );

  it('accepts counts moved between cells that keep every relation true', () => {
    // Seed 000: one natural-person application moved from 予以公开 to 部分公开, in its column and the total.
    const report = seedReport('000');
    for (const [address, value] of Object.entries({
      'applications.granted.naturalPerson': 0,
      'applications.granted.total': 0,
      'applications.partiallyGranted.naturalPerson': 4,
      'applications.partiallyGranted.total': 4,
      'reviews.review.pending': 0,
      'reviews.review.upheld': 1,
    })) {
      setCell(report, address, value);
    }
    expect(runRules(report, [rule])).toEqual([]);
  });
});

describe('with every arithmetic rule running, each planted fault is reported once by its own rule', () => {
  it.each(Object.entries(PLANTED).flatMap(([ruleId, faults]) => faults.map((fault) => [fault.name, ruleId, fault] as const)))(
    '%s',
    (_name, ruleId, fault) => {
      const report = seedReport(fault.seed);
      for (const [address, value] of Object.entries(fault.cells)) setCell(report, address, value);
      const byRule = runRules(report, arithmeticRules).filter((diagnostic) => diagnostic.ruleId === ruleId);
      expect(byRule.map((diagnostic) => [diagnostic.row, diagnostic.column])).toEqual([[fault.expected.row, fault.expected.column]]);
    },
  );
});

describe('sums are exact, even past the safe-integer range of a float', () => {
  it('tells 2^53 + 1 from 2^53 (a float sum rounds both to 2^53 and sees a balance)', () => {
    const report = seedReport('000');
    const huge = Number.MAX_SAFE_INTEGER; // 2^53 − 1
    // Natural persons: 2^53 − 1 new + 2 carried over = 2^53 + 1, against 2^53 − 1 concluded + 1 carried forward = 2^53.
    for (const [address, value] of Object.entries({
      'applications.received.naturalPerson': huge,
      'applications.carriedOver.naturalPerson': 2,
      'applications.concludedTotal.naturalPerson': huge,
      'applications.carriedForward.naturalPerson': 1,
    })) {
      setCell(report, address, value);
    }
    const diagnostics = runRules(report, [ruleNamed('applications-balance')]).filter((diagnostic) => diagnostic.column === 'naturalPerson');
    expect(diagnostics.map((diagnostic) => [diagnostic.messageId, diagnostic.expected, diagnostic.actual])).toEqual([
      ['mismatch', '9007199254740992', '9007199254740993'],
    ]);
    expect(diagnostics[0]?.message).toContain('9007199254740993');
  });

  it('cannot add a count that is no whole number (built in code): says so instead of summing it', () => {
    const report = seedReport('000');
    setCell(report, 'reviews.review.upheld', 0.5);
    const diagnostics = runRules(report, [ruleNamed('reviews-total')]);
    expect(diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.messageId, relatedCells(diagnostic)])).toEqual([
      ['info', 'incomplete', [['review', 'upheld', '0.5']]],
    ]);
  });
});
