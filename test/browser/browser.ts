import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../cli/run-cli.js';

/** Debian's chromium: never a browser download (`.ci/run` installs the package when it is missing). */
export const CHROMIUM = '/usr/bin/chromium';

/** Where screenshots go: test artifacts, not committed. */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Launches headless Chromium with no background traffic of its own. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A page that records every request it makes, and every script error. */
export async function recordingPage(browser: Browser, viewport = { width: 1280, height: 1600 }): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, requests, errors };
}

/** Requests that left the machine's files: any at all is a failure of "offline". */
export const networkRequests = (requests: readonly string[]): string[] => requests.filter((url) => !url.startsWith('file://'));
