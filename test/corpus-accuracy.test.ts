/**
 * Accuracy on real published reports (test/fixtures/corpus, copied from ../shared/corpus): the error
 * rules a careful reader expects in each text (findings.json) and every true cell of the whole
 * reports (truth/NNN.json). Trust is the product: on a whole report, any other error is a false alarm.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TableKey } from '../src/catalog/index.js';
import type { AnyTable, Cell } from '../src/model/index.js';
import { checkText } from '../src/index.js';
import { fixtureText } from './support/fixtures.js';

interface Expected {
  readonly whole: boolean;
  readonly errors: readonly string[];
  readonly note: string;
}

interface Truth {
  readonly file: string;
  readonly tables: Readonly<Partial<Record<TableKey, Readonly<Record<string, Readonly<Record<string, string | null>>>>>>>;
  readonly ambiguousInText?: readonly string[];
}

const FINDINGS = (JSON.parse(fixtureText('corpus/findings.json')) as { files: Record<string, Expected> }).files;
const TRUTHS = readdirSync(fileURLToPath(new URL('./fixtures/corpus/truth/', import.meta.url)))
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => name.slice(0, 3));
const truthOf = (id: string): Truth => JSON.parse(fixtureText(`corpus/truth/${id}.json`)) as Truth;
const check = (id: string) => checkText(fixtureText(`corpus/${id}.txt`));

/** A cell as the truth files write it: the value as a string, null for a blank cell. */
function written(cell: Cell | undefined): string | null | undefined {
  if (cell === undefined) return undefined;
  if (cell.kind === 'count' || cell.kind === 'signed') return String(cell.value);
  if (cell.kind === 'amount') return cell.value.toString();
  if (cell.kind === 'blank') return null;
  return cell.text;
}

describe('corpus: the errors a careful reader expects, and no other on a whole report', () => {
  it('has every corpus text listed in findings.json', () => {
    const texts = readdirSync(fileURLToPath(new URL('./fixtures/corpus/', import.meta.url)))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => name.slice(0, 3))
      .sort();
    expect(Object.keys(FINDINGS).sort()).toEqual(texts);
  });

  it.each(Object.entries(FINDINGS).filter(([, expected]) => expected.whole))('%s (whole): no false error, every listed error found', (id, expected) => {
    const errors = check(id).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.filter((diagnostic) => !expected.errors.includes(diagnostic.ruleId)).map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`)).toEqual([]);
    expect(expected.errors.filter((rule) => !errors.some((diagnostic) => diagnostic.ruleId === rule))).toEqual([]);
  });

  it.each(Object.entries(FINDINGS).filter(([, expected]) => !expected.whole))('%s (excerpt): every listed error found', (id, expected) => {
    const rules = new Set(check(id).diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.ruleId));
    expect(expected.errors.filter((rule) => !rules.has(rule))).toEqual([]);
  });
});

describe.each(TRUTHS)('corpus %s: every cell of the truth file', (id) => {
  const truth = truthOf(id);
  const { report } = check(id);
  const ambiguous = new Set(truth.ambiguousInText ?? []);
  const cells = Object.entries(truth.tables).flatMap(([table, rows]) =>
    Object.entries(rows ?? {}).flatMap(([row, columns]) => Object.entries(columns).map(([column, value]) => ({ table: table as TableKey, row, column, value }))),
  );

  it('reads every decidable cell right', () => {
    const wrong = cells
      .filter(({ table, row, column }) => !ambiguous.has(`${table}.${row}.${column}`))
      .map(({ table, row, column, value }) => ({ cell: `${table}.${row}.${column}`, value, read: written((report.tables[table] as AnyTable | undefined)?.rows[row]?.cells[column]) }))
      .filter(({ value, read }) => read !== value);
    expect(wrong).toEqual([]);
  });

  it('guesses no undecidable cell, and reports each as ambiguous', () => {
    for (const address of ambiguous) {
      const parts = address.split('.');
      const table = parts[0] as TableKey;
      const column = parts[parts.length - 1] as string;
      const row = parts.slice(1, -1).join('.');
      expect((report.tables[table] as AnyTable | undefined)?.rows[row]?.cells[column], address).toBeUndefined();
      const finding = report.unplaced.find((value) => value.table === table && value.cells?.includes(`${row}.${column}`));
      expect(finding?.reason, address).toBe('ambiguous');
      expect(finding?.readings?.length ?? 0, address).toBeGreaterThan(1);
    }
  });
});
