/**
 * Headless Chromium for the e2e tests: Debian's /usr/bin/chromium through playwright-core, office.js
 * answered by the test stub, and every request that leaves 127.0.0.1 recorded and refused.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { BrowserContext, chromium, Page } from 'playwright-core';

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const STUB = readFileSync(join(__dirname, 'office-stub.js'), 'utf8');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface StubbedBrowser {
  /** Opens `url` with the stub's workbook seeded (see office-stub.js), in the colour scheme given. */
  open(url: string, seed: unknown, options?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  /** Requests that tried to leave the machine. */
  readonly offsite: string[];
  /** Uncaught errors in any page. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export async function stubbedBrowser(): Promise<StubbedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'rebal-chromium-'));
  const offsite: string[] = [];
  const pageErrors: string[] = [];
  const browser: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: FLAGS, headless: true, viewport: { width: 380, height: 900 } });
  await browser.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: STUB });
    const host = new URL(url).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    offsite.push(url);
    return route.abort();
  });
  return {
    offsite,
    pageErrors,
    async open(url, seed, options = {}) {
      const page = await browser.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
      await page.addInitScript((s) => ((window as unknown as { __rebalSeed: unknown }).__rebalSeed = s), seed);
      await page.goto(url);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
