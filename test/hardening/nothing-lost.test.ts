/**
 * Nothing lost, as a property: in the seeds, mutated the ways published tables go wrong (marks
 * put into cells, sentences between rows, rows duplicated and dropped, numbers changed),
 * every digit run between the heading of section 二 and that of section 五 — where the three
 * tables are — is either placed in a cell or reported as unplaced.
 *
 * The oracle is independent of the reader: it finds the region by the section headings in the
 * original text and the digit runs by a regular expression over it, leaving out only what is no
 * value by the template's own conventions (a row's ordinal "1." or "(1)", a date, a sentence of
 * narrative ending in 。), and checks them against the spans of the typed report's cells and
 * unplaced values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/index.js';
import type { AnnualReport } from '../../src/index.js';
import { seedText, TABLED_SEEDS } from '../support/fixtures.js';

interface Run {
  readonly start: number;
  readonly end: number;
}

const HEADING_TWO = /^二\s*[,、]+.*(?:主动|主動)/mu;
const HEADING_FIVE = /^五\s*[,、]+/mu;

/** The range from the 二 heading's line to the 五 heading's line, or undefined. */
function tableRegion(text: string): Run | undefined {
  const two = HEADING_TWO.exec(text);
  if (!two) return undefined;
  HEADING_FIVE.lastIndex = 0;
  const five = HEADING_FIVE.exec(text.slice(two.index));
  return five ? { start: two.index, end: two.index + five.index } : undefined;
}

/** Digit runs of the region that are values: not ordinals, dates or narrative. */
function valueRuns(text: string, region: Run): Run[] {
  const runs: Run[] = [];
  const sentences: Run[] = [];
  // A sentence: a stretch without line breaks or cell bars, holding Han words, ending in 。
  for (const match of text.slice(region.start, region.end).matchAll(/[^\n|\t]*[\u4e00-\u9fff][^\n|\t]*。/gu)) {
    sentences.push({ start: region.start + (match.index ?? 0), end: region.start + (match.index ?? 0) + match[0].length });
  }
  for (const match of text.slice(region.start, region.end).matchAll(/[0-9０-９]+(?:[.．][0-9０-９]+)?/gu)) {
    const start = region.start + (match.index ?? 0);
    const end = start + match[0].length;
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    if (/[(（]/u.test(before) && /[)）]/u.test(after)) continue;
    if (/[.．、]/u.test(after) && !/[0-9０-９]/u.test(text[end + 1] ?? '')) continue;
    if (/[年月日]/u.test(after)) continue;
    if (sentences.some((sentence) => sentence.start <= start && end <= sentence.end)) continue;
    runs.push({ start, end });
  }
  return runs;
}

/** The original-text spans the report accounts for: its cells and its unplaced values. */
function accountedSpans(report: AnnualReport): Run[] {
  const spans: Run[] = [];
  for (const table of Object.values(report.tables)) {
    for (const row of Object.values(table?.rows ?? {})) {
      for (const cell of Object.values((row as { cells: Record<string, { span?: Run }> }).cells)) if (cell.span) spans.push(cell.span);
    }
  }
  for (const value of report.unplaced) if (value.span) spans.push(value.span);
  return spans;
}

/** The digit runs of the text's tables that the reader neither placed nor reported. */
export function lostValues(text: string): string[] {
  const region = tableRegion(text);
  if (!region) return [];
  const { report } = checkText(text);
  const spans = accountedSpans(report);
  return valueRuns(text, region)
    .filter((run) => !spans.some((span) => span.start < run.end && run.start < span.end))
    .map((run) => `${text.slice(run.start, run.end)} at ${run.start} (line ${text.slice(0, run.start).split('\n').length}: ${text.slice(text.lastIndexOf('\n', run.start) + 1, text.indexOf('\n', run.start)).slice(0, 80)})`);
}

type Mutation =
  | { readonly kind: 'mark'; readonly at: number; readonly mark: string }
  | { readonly kind: 'sentence'; readonly at: number; readonly sentence: string }
  | { readonly kind: 'duplicate' | 'drop'; readonly at: number }
  | { readonly kind: 'number'; readonly at: number; readonly value: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('mark' as const), at: fc.nat(), mark: fc.constantFrom('。', ';', '!', ',', '，', '；') }),
  fc.record({
    kind: fc.constant('sentence' as const),
    at: fc.nat(),
    sentence: fc.constantFrom('注：本表数据来源于政府信息公开平台。', '其中,予以公开2件。', '说明:表中数据为本机关全年办理情况', '（单位：件）'),
  }),
  fc.record({ kind: fc.constantFrom('duplicate' as const, 'drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.nat({ max: 99_999 }) }),
);

/** Applies a mutation inside the tables' region (positions taken modulo what the region holds). */
function mutate(text: string, change: Mutation): string {
  const region = tableRegion(text);
  if (!region) return text;
  const body = text.slice(region.start, region.end);
  const lineStarts = [...body.matchAll(/\n/gu)].map((match) => (match.index ?? 0) + 1).filter((at) => at < body.length);
  const runs = valueRuns(text, region);
  const lineAt = (index: number): Run => {
    const start = region.start + (lineStarts[index % lineStarts.length] as number);
    const newline = text.indexOf('\n', start);
    return { start, end: newline < 0 ? text.length : newline + 1 };
  };
  switch (change.kind) {
    case 'mark':
    case 'number': {
      if (runs.length === 0) return text;
      const run = runs[change.at % runs.length] as Run;
      return change.kind === 'mark'
        ? text.slice(0, run.end) + change.mark + text.slice(run.end)
        : text.slice(0, run.start) + String(change.value) + text.slice(run.end);
    }
    case 'sentence': {
      // Between rows: before a line that starts with a row's ordinal ("二、", "(一)", "1.") or a 第二十条 item.
      const labelLines = lineStarts
        .map((_, index) => index)
        .filter((index) => /^(?:[一二三四五六七八九十]+\s*[,、]|[(（][一二三四五六七八九十]+[)）]|\d+[.．]|第)/u.test(text.slice(lineAt(index).start, lineAt(index).end)));
      if (labelLines.length === 0) return text;
      const line = lineAt(labelLines[change.at % labelLines.length] as number);
      return `${text.slice(0, line.start)}${change.sentence}\n${text.slice(line.start)}`;
    }
    case 'duplicate': {
      const line = lineAt(change.at);
      return text.slice(0, line.end) + text.slice(line.start, line.end) + text.slice(line.end);
    }
    case 'drop': {
      const line = lineAt(change.at);
      return text.slice(0, line.start) + text.slice(line.end);
    }
  }
}

describe('nothing lost: every number of a table is placed or reported', () => {
  it.each(TABLED_SEEDS)('seed %s as published', (id) => {
    expect(valueRuns(seedText(id), tableRegion(seedText(id)) as Run).length).toBeGreaterThan(50);
    expect(lostValues(seedText(id))).toEqual([]);
  });

  it.each([
    ['a stray 。 in a cell of table 三', '16 |', '16。 |'],
    ['a stray ; in a cell of table 三', '16 |', '16; |'],
    ['a stray ! in a cell of table 三', '16 |', '16! |'],
  ])('%s (the issue 14 reproducer: all 175 cells dropped)', (_name, from, to) => {
    const seed = seedText('000');
    const at = seed.indexOf(from, seed.indexOf('一、本年新收政府信息公开申请数量'));
    const text = seed.slice(0, at) + to + seed.slice(at + from.length);
    expect(lostValues(text)).toEqual([]);
    const { report } = checkText(text);
    expect(report.tables.applications?.rows.received?.cells.naturalPerson).toMatchObject({ kind: 'count', value: 16 });
  });

  it('a footnote line after row 二 of table 三 (the issue 14 reproducer: 161 numbers dropped, 23 false errors)', () => {
    const seed = seedText('000');
    const at = seed.indexOf('三、本年度办理结果');
    const text = `${seed.slice(0, at)}注：本表数据来源于政府信息公开平台。\n${seed.slice(at)}`;
    expect(lostValues(text)).toEqual([]);
    expect(checkText(text).diagnostics.filter((diagnostic) => diagnostic.ruleId === 'cell-missing')).toEqual([]);
  });

  it('holds under random mutations of the seeds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TABLED_SEEDS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (id, changes) => {
        const text = changes.reduce(mutate, seedText(id));
        expect(lostValues(text)).toEqual([]);
      }),
      { seed: 1414, numRuns: 200 },
    );
  });
});
