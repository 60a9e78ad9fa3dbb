/**
 * The Pingtan series as published, as web pages (corpus 006, 004, 005, 010 .html): read by the HTML
 * front-end, the series rules read the page's text (its `source`), never its markup.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument, readDocument } from '../../src/index.js';
import type { SeriesReport } from '../../src/rules/index.js';
import { checkSeries } from '../../src/series/index.js';
import { fixtureText } from '../support/fixtures.js';
import { PINGTAN } from './pingtan.js';

async function pageEntry(html: string, uri: string): Promise<SeriesReport> {
  const document = await readDocument(html);
  return { report: parseDocument(document), text: document.source.original, source: document.source, uri };
}

const count = (entry: SeriesReport, table: 'applications' | 'activeDisclosure', row: string, column: string): unknown =>
  (entry.report.tables[table]?.rows as Record<string, { cells: Record<string, { value?: unknown }> }> | undefined)?.[row]?.cells[column]?.value;

describe('the Pingtan series as web pages', () => {
  it('reads the figures a careful reader gets, and finds the series consistent', async () => {
    const entries = await Promise.all(PINGTAN.map(({ id }) => pageEntry(fixtureText(`corpus/${id}.html`), `${id}.html`)));
    expect(entries.map((entry) => entry.report.meta.year?.value)).toEqual([2019, 2021, 2022, 2024]);
    const [, y2021, y2022] = entries as [SeriesReport, SeriesReport, SeriesReport, SeriesReport];
    // 2021 carried 1 natural person forward; 2022 carried 1 over. 665 in force + 88 − 55 = 698.
    expect([count(y2021, 'applications', 'carriedForward', 'total'), count(y2022, 'applications', 'carriedOver', 'total')]).toEqual([1, 1]);
    expect([count(y2021, 'activeDisclosure', 'normativeDocuments', 'inForce'), count(y2022, 'activeDisclosure', 'normativeDocuments', 'issued'), count(y2022, 'activeDisclosure', 'normativeDocuments', 'repealed'), count(y2022, 'activeDisclosure', 'normativeDocuments', 'inForce')]).toEqual([665, 88, 55, 698]);
    const result = checkSeries(entries);
    expect(result.pairs.filter((pair) => pair.compared)).toEqual([{ previous: 1, current: 2, compared: true }]);
    expect(result.diagnostics).toEqual([[], [], [], []]);
  });

  it('finds the 2021 page copied as 2022 with its title changed, by every series rule, pointing into both pages', async () => {
    const original = await pageEntry(fixtureText('corpus/004.html'), '004.html');
    const html = fixtureText('corpus/004.html').replaceAll('2021年度政府信息公开工作年度报告', '2022年度政府信息公开工作年度报告');
    const copy = await pageEntry(html, 'copy.html');
    expect(copy.report.meta.year?.value).toBe(2022);
    const found = checkSeries([original, copy]).diagnostics[1] ?? [];
    expect([...new Set(found.map((diagnostic) => diagnostic.ruleId))].sort()).toEqual(['carry-over-mismatch', 'in-force-drift', 'numbers-repeated', 'text-repeated', 'year-mismatch']);
    const repeated = found.find((diagnostic) => diagnostic.ruleId === 'text-repeated');
    expect(repeated?.args).toMatchObject({ percent: 100 });
    // The passages are the page's text, not its markup: what the spans cover holds no tag.
    for (const place of repeated?.related ?? []) {
      const page = place.uri === '004.html' ? (original.text as string) : html;
      const covered = place.span ? page.slice(place.span.start, place.span.end) : '';
      expect(covered.length).toBeGreaterThan(0);
      expect(covered.replace(/<[^>]*>/g, '')).toMatch(/\p{Script=Han}{8}/u);
    }
    const quotes = found.filter((diagnostic) => diagnostic.ruleId === 'year-mismatch').map((diagnostic) => String(diagnostic.args.quote));
    expect(quotes).toContain('2021年1月1日起至2021年12月31日止');
    for (const quote of quotes) expect(quote).not.toMatch(/[<>]/);
    const carry = found.filter((diagnostic) => diagnostic.ruleId === 'carry-over-mismatch');
    expect(carry.map((diagnostic) => [diagnostic.column, diagnostic.actual, diagnostic.expected, diagnostic.related?.[0]?.uri])).toEqual([
      ['naturalPerson', '0', '1', '004.html'],
      ['total', '0', '1', '004.html'],
    ]);
  });
});
