/// <reference lib="dom" />
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, parseJson, runCli, temporaryDirectory } from '../cli/run-cli.js';
import { ARTIFACTS, launch, networkRequests, recordingPage } from './browser.js';

// The seeds, plus seed 000 with 一、本年新收 · 自然人 changed from 16 to 18, checked by the built
// command line into one HTML file.
const directory = temporaryDirectory();
const seeds = join(directory, 'seeds');
mkdirSync(seeds);
for (const name of readdirSync(join(ROOT, 'test/fixtures/seeds')).filter((file) => file.endsWith('.txt'))) {
  writeFileSync(join(seeds, name), readFileSync(join(ROOT, 'test/fixtures/seeds', name)));
}
const lines = readFileSync(join(ROOT, 'test/fixtures/seeds/000.txt'), 'utf8').split('\n');
lines[76] = (lines[76] as string).replace(/^16/, '18');
writeFileSync(join(seeds, '000-changed.txt'), lines.join('\n'));
const REPORT = join(directory, 'report.html');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('the HTML report of a run over the seeds', () => {
  it('shows the counts the JSON output gives, the failed cells, and links findings to cells', async () => {
    const run = await runCli(['--format', 'html', '--output-file', REPORT, 'seeds'], { cwd: directory });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const json = parseJson(await runCli(['--format', 'json', 'seeds'], { cwd: directory }));
    expect(json).toHaveLength(6);

    const { page, requests, errors } = await recordingPage(browser);
    await page.goto(pathToFileURL(REPORT).href);
    const summary = await page.$$eval('.xl-summary tbody tr', (rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
    );
    const expected = [...json]
      .map((entry, index) => ({ entry, index, infos: entry.diagnostics.filter((diagnostic) => diagnostic.severity === 'info').length }))
      .sort((a, b) => b.entry.errorCount - a.entry.errorCount || b.entry.warningCount - a.entry.warningCount || a.index - b.index)
      .map(({ entry, infos }) => [entry.file, String(entry.errorCount), String(entry.warningCount), String(infos)]);
    expect(summary).toEqual(expected);

    // The changed seed: its part, its failed cell as read, highlighted, with the value it should have.
    const part = page.locator('section.xl-file', { has: page.locator('h2', { hasText: '000-changed.txt' }) });
    const id = await part.getAttribute('id');
    const cell = page.locator(`#${id}-applications-received-naturalPerson`);
    expect(await cell.getAttribute('class')).toContain('xl-sev-error');
    expect(await cell.locator('.xl-value').textContent()).toBe('18');
    expect(await cell.locator('.xl-expected').textContent()).toBe('≠ 16');
    const entry = json.find((candidate) => candidate.file.endsWith('000-changed.txt'))!;
    expect(await part.locator('.xl-finding').count()).toBe(entry.diagnostics.length);

    // The one change that balances the table (16, as the seed has it) shows in the cell and in its findings.
    expect(await cell.locator('.xl-suggested').textContent()).toBe('→ 16');
    expect(await cell.locator('.xl-suggested').isVisible()).toBe(true);
    const suggestions = part.locator('.xl-finding .xl-suggestion');
    expect(await suggestions.count()).toBe(entry.diagnostics.filter((diagnostic) => (diagnostic as { suggestion?: unknown }).suggestion !== undefined).length);
    expect(await suggestions.count()).toBe(2);
    expect(await suggestions.first().textContent()).toContain('→ 16（现为 18）');
    expect(await suggestions.first().isVisible()).toBe(true);
    await suggestions.first().locator('a').click();
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}-applications-received-naturalPerson`);

    await part.locator('.xl-finding[data-rule="applications-balance"]').click();
    expect(await cell.getAttribute('class')).toContain('xl-lit');
    await cell.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: false });

    // A clean seed shows its cells as read and none highlighted.
    const clean = page.locator('section.xl-file', { has: page.locator('h2', { hasText: /001\.txt/ }) });
    expect(await clean.locator('td.xl-sev-error').count()).toBe(0);
    expect(await clean.locator('td.xl-count').count()).toBeGreaterThan(100);

    // The legacy-format seed has no tables to draw; its error is listed.
    const legacy = page.locator('section.xl-file', { has: page.locator('h2', { hasText: /002\.txt/ }) });
    expect(await legacy.locator('.xl-finding[data-rule="legacy-format"]').count()).toBe(1);
    expect(await legacy.locator('table.xl-table').count()).toBe(0);

    expect(errors).toEqual([]);
    expect(networkRequests(requests)).toEqual([]);
    expect(requests).toEqual([pathToFileURL(REPORT).href]);
  }, 90_000);

  it('prints each report on its own pages, its tables unbroken, colours kept', async () => {
    const { page } = await recordingPage(browser);
    await page.goto(pathToFileURL(REPORT).href);
    await page.emulateMedia({ media: 'print' });
    const style = await page.evaluate(() => {
      const file = document.querySelector('.xl-file') as Element;
      const table = document.querySelector('table.xl-table') as Element;
      return {
        breakBefore: getComputedStyle(file).breakBefore,
        breakInside: getComputedStyle(table).breakInside,
        colorAdjust: getComputedStyle(document.documentElement).printColorAdjust,
      };
    });
    expect(style).toEqual({ breakBefore: 'page', breakInside: 'avoid', colorAdjust: 'exact' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('is in English with --locale en', async () => {
    const english = join(directory, 'report-en.html');
    await runCli(['--format', 'html', '--locale', 'en', '--output-file', english, 'seeds'], { cwd: directory });
    const { page } = await recordingPage(browser);
    await page.goto(pathToFileURL(english).href);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('th', { hasText: 'Legal persons or other organisations' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.xl-summary thead').textContent()).toContain('Errors');
  }, 60_000);
});
