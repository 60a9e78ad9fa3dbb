/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, checkText } from '../../src/index.js';
import { ROOT } from '../cli/run-cli.js';
import { ARTIFACTS, launch, networkRequests, recordingPage } from './browser.js';

const PLAYGROUND = pathToFileURL(join(ROOT, 'docs/playground/index.html')).href;

// Seed 000 with 一、本年新收 · 自然人 changed from 16 to 18: a failed balance and row total.
const BROKEN_SEED = (() => {
  const lines = readFileSync(join(ROOT, 'test/fixtures/seeds/000.txt'), 'utf8').split('\n');
  lines[76] = (lines[76] as string).replace(/^16/, '18');
  return lines.join('\n');
})();
// A corpus report in traditional script: the playground must load the converter for it.
const TRADITIONAL = 'test/fixtures/corpus/018.txt';

let browser: Browser;
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-playground.mjs')], { cwd: ROOT, stdio: 'pipe' });
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

async function checked(page: Page, count: number): Promise<void> {
  await page.waitForFunction((expected) => Number(document.body.dataset.checked ?? '0') >= expected, count, { timeout: 30_000 });
}

const ruleIds = (page: Page): Promise<string[]> => page.$$eval('.xl-finding', (items) => items.map((item) => item.getAttribute('data-rule') ?? ''));

describe('the playground', () => {
  it('checks a seed pasted in: the library\'s findings, the failed cells highlighted and linked, no network request, no converter loaded', async () => {
    const { page, requests, errors } = await recordingPage(browser);
    await page.goto(PLAYGROUND);
    await page.fill('#text', BROKEN_SEED);
    await checked(page, 2);
    const expected = checkText(BROKEN_SEED).diagnostics;
    expect(await ruleIds(page)).toEqual(expected.map((diagnostic) => diagnostic.ruleId));
    expect(await ruleIds(page)).toContain('applications-balance');

    const cell = page.locator('#x0-applications-received-naturalPerson');
    expect(await cell.getAttribute('class')).toContain('xl-sev-error');
    expect((await cell.textContent())?.trim()).toMatch(/^18≠ 16/);
    expect(await page.locator('td.xl-sev-error').count()).toBeGreaterThan(1);

    // Hovering the finding lights its cells; clicking a cell lights its findings.
    const balance = page.locator('.xl-finding[data-rule="applications-balance"]');
    await balance.hover();
    expect(await cell.getAttribute('class')).toContain('xl-lit');
    await page.locator('#x0-applications-received-total').click();
    expect(await page.locator('.xl-finding[data-rule="applications-row-total"]').getAttribute('class')).toContain('xl-lit');
    expect(await balance.getAttribute('class')).not.toContain('xl-lit');

    await page.screenshot({ path: join(ARTIFACTS, 'playground-seed.png'), fullPage: false });
    expect(errors).toEqual([]);
    expect(networkRequests(requests)).toEqual([]);
    expect(requests.some((url) => url.endsWith('/opencc.js'))).toBe(false);
    expect(requests.filter((url) => /\/reader-[a-z]+\.js$/.test(url))).toEqual([]);
  }, 60_000);

  it('checks a corpus file dropped in, loading the traditional-script converter only then', async () => {
    const { page, requests, errors } = await recordingPage(browser);
    await page.goto(PLAYGROUND);
    await checked(page, 1);
    const text = readFileSync(join(ROOT, TRADITIONAL), 'utf8');
    await page.evaluate(
      ({ content, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], name, { type: 'text/plain' }));
        document.querySelector('#drop')?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { content: text, name: '018.txt' },
    );
    await checked(page, 2);
    const expected = (await checkDocument(new TextEncoder().encode(text))).diagnostics;
    expect(expected.length).toBeGreaterThan(0);
    expect(await ruleIds(page)).toEqual(expected.map((diagnostic) => diagnostic.ruleId));
    expect(await page.locator('.xl-file h2').textContent()).toContain('018.txt');
    expect(requests.some((url) => url.endsWith('/opencc.js'))).toBe(true);
    // The findings name real cells: every cell a finding links to is drawn.
    const missing = await page.$$eval('.xl-finding[data-cells]', (items) =>
      items.flatMap((item) => (item.getAttribute('data-cells') ?? '').split(' ').filter((id) => id && !document.getElementById(id))),
    );
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
    expect(networkRequests(requests)).toEqual([]);
  }, 60_000);

  it.each([
    ['a web page', 'test/fixtures/corpus/004.html', 'reader-html.js'],
    ['a PDF with a planted fault', 'test/fixtures/documents/seed-001-review-total.pdf', 'reader-pdf.js'],
  ])('checks %s dropped in, loading only its reader, with the findings checkDocument gives', async (_what, path, reader) => {
    const { page, requests, errors } = await recordingPage(browser);
    await page.goto(PLAYGROUND);
    await checked(page, 1);
    const bytes = readFileSync(join(ROOT, path));
    await page.evaluate(
      ({ base64, name }) => {
        const content = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], name));
        document.querySelector('#drop')?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { base64: bytes.toString('base64'), name: path.split('/').pop() as string },
    );
    await checked(page, 2);
    const expected = (await checkDocument(new Uint8Array(bytes))).diagnostics;
    expect(await ruleIds(page)).toEqual(expected.map((diagnostic) => diagnostic.ruleId));
    expect(await page.$$eval('.xl-finding .xl-place', (items) => items.map((item) => item.textContent))).toHaveLength(expected.length);
    const loaded = requests.map((url) => url.split('/').pop() as string).filter((name) => name.startsWith('reader-'));
    expect(loaded).toEqual([reader]);
    expect(await page.locator('table.xl-table').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(networkRequests(requests)).toEqual([]);
  }, 90_000);

  it('switches to English and turns rules off', async () => {
    const { page, requests } = await recordingPage(browser);
    await page.goto(PLAYGROUND);
    await page.fill('#text', BROKEN_SEED);
    await checked(page, 2);
    await page.selectOption('#locale', 'en');
    await checked(page, 3);
    const english = checkText(BROKEN_SEED, { locale: 'en' }).diagnostics.map((diagnostic) => diagnostic.message);
    expect(await page.$$eval('.xl-finding .xl-message', (items) => items.map((item) => item.textContent))).toEqual(english);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.uncheck('input[data-rule="applications-balance"]');
    await checked(page, 4);
    const without = checkText(BROKEN_SEED, { rules: { 'applications-balance': 'off' } }).diagnostics.map((diagnostic) => diagnostic.ruleId);
    expect(await ruleIds(page)).toEqual(without);
    expect(without).not.toContain('applications-balance');
    expect(networkRequests(requests)).toEqual([]);
  }, 60_000);
});
