import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTION_KEYS } from '../../src/catalog/index.js';
import { AnnualReportSchema } from '../../src/model/index.js';
import type { AnnualReport, Span } from '../../src/model/index.js';
import { parseReport } from '../../src/read/parse.js';
import { seedText } from '../support/fixtures.js';

const SEEDS = ['000', '001', '002', '003', '004'];
const seedLines = SEEDS.flatMap((id) => seedText(id).split(/\r?\n/u));
// Headings and the numbered table rows that look like them, as the seeds write them.
const headingLike = seedLines.filter((line) => /^[一二三四五六七][,、.]/u.test(line.trim())).map((line) => line.trim());
const seedCharacters = [...new Set(SEEDS.flatMap((id) => Array.from(seedText(id))))];

/** Every span of a report. */
function spansOf(report: AnnualReport): Span[] {
  return [
    ...report.sections.flatMap((section) => [section.span, section.headingSpan]),
    ...report.facts.map((fact) => fact.span),
    report.meta.year?.span,
    report.meta.agency?.span,
    report.meta.publishedOn?.span,
    report.meta.period?.span,
    ...Object.values(report.tables).flatMap((table) => [
      table?.span,
      ...Object.values(table?.rows ?? {}).flatMap((row) => [row?.labelSpan, ...Object.values(row?.cells ?? {}).map((cell) => cell?.span)]),
    ]),
    ...report.unplaced.map((value) => value.span),
  ].filter((span): span is Span => span !== undefined);
}

/**
 * What every parse must satisfy, whatever the input: a report that validates (typed and as JSON),
 * spans inside the text, headings and fact words that are the text under their spans, sections in
 * text order (not necessarily the template's: a moved heading is kept where it stands), their
 * ranges apart, each key at most once.
 */
function assertWellFormed(text: string): void {
  const report = parseReport(text);
  const encoded = AnnualReportSchema.safeEncode(report);
  expect(encoded.success).toBe(true);
  if (encoded.success) expect(AnnualReportSchema.safeParse(encoded.data).success).toBe(true);
  // Line starts as an editor counts them (\n, \r\n, a lone \r): each span's line and column must locate its start.
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/gu)) lineStarts.push(match.index + match[0].length);
  for (const span of spansOf(report)) {
    expect(span.start).toBeLessThanOrEqual(span.end);
    expect(span.end).toBeLessThanOrEqual(text.length);
    let line = 0;
    for (let high = lineStarts.length - 1; line < high; ) {
      const middle = (line + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= span.start) line = middle;
      else high = middle - 1;
    }
    expect([span.line, span.column]).toEqual([line + 1, span.start - (lineStarts[line] as number) + 1]);
  }
  for (const section of report.sections) expect(text.slice(section.headingSpan?.start, section.headingSpan?.end).trim()).toBe(section.heading);
  for (const fact of report.facts) expect(text.slice(fact.span?.start, fact.span?.end)).toBe(fact.text);
  const keys = report.sections.map((section) => section.key);
  expect(new Set(keys).size).toBe(keys.length);
  for (const key of keys) expect(SECTION_KEYS).toContain(key);
  report.sections.forEach((section, index) => {
    const span = section.span;
    expect(span).toBeDefined();
    if (!span) return;
    expect(section.headingSpan?.start).toBe(span.start);
    expect(section.headingSpan?.end).toBeLessThanOrEqual(span.end);
    // In text order, each range ending where the next begins at the latest.
    const next = report.sections[index + 1]?.span;
    if (next) expect(span.end).toBeLessThanOrEqual(next.start);
  });
}

describe('parseReport on any input', () => {
  it('random Unicode (any code point, lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 500 }), assertWellFormed));
  });

  it('random strings of the seeds\' own characters', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...seedCharacters), maxLength: 2000 }), assertWellFormed), { numRuns: 100 });
  });

  it('random mixes of seed lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...seedLines), { maxLength: 300 }), fc.constantFrom('\n', '\r\n', '', ' ', '\t'), (lines, separator) => assertWellFormed(lines.join(separator))),
      { numRuns: 100 },
    );
  });

  it('shuffled lines of one seed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (id, seed) => {
        const lines = seedText(id).split('\n');
        // Fisher–Yates driven by the generated seed, so that failures shrink to a reproducible order.
        let state = seed;
        for (let index = lines.length - 1; index > 0; index--) {
          state = (state * 1103515245 + 12345) % 2 ** 31;
          const other = state % (index + 1);
          [lines[index], lines[other]] = [lines[other] as string, lines[index] as string];
        }
        assertWellFormed(lines.join('\n'));
      }),
      { numRuns: 50 },
    );
  });

  it('headings repeated, interleaved with numbered table rows', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...headingLike), { minLength: 1, maxLength: 500 }), fc.constantFrom('\n', '', ' ', '。', ','), (headings, separator) =>
        assertWellFormed(headings.join(separator)),
      ),
      { numRuns: 100 },
    );
  });

  it('seeds with pieces cut out or doubled', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.nat(), fc.nat(), fc.boolean(), (id, from, length, doubled) => {
        const text = seedText(id);
        const start = from % (text.length + 1);
        const end = Math.min(text.length, start + (length % 2000));
        assertWellFormed(doubled ? text.slice(0, end) + text.slice(start) : text.slice(0, start) + text.slice(end));
      }),
      { numRuns: 100 },
    );
  });

  it('5 MB of text: the seeds over and over', () => {
    const all = SEEDS.map((id) => seedText(id)).join('\n');
    const text = all.repeat(Math.ceil((5 * 1024 * 1024) / all.length)).slice(0, 5 * 1024 * 1024);
    assertWellFormed(text);
  }, 60_000);

  it('5 MB on one line: a flattened report over and over', () => {
    const line = seedText('000').replace(/\n/gu, ' ');
    const text = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length)).slice(0, 5 * 1024 * 1024);
    assertWellFormed(text);
  }, 60_000);

  it('5 MB of one repeated character', () => {
    assertWellFormed('一、'.repeat(5 * 512 * 1024));
    assertWellFormed('未'.repeat(5 * 1024 * 1024));
  }, 60_000);
});
