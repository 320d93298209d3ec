/**
 * Headless Chromium for the e2e tests: Debian's /usr/bin/chromium through playwright-core, office.js
 * answered by the test stub, and every request that leaves 127.0.0.1 recorded and refused.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const STUB = readFileSync(join(__dirname, 'office-stub.js'), 'utf8');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A page's size and pixel density, as Excel's pane gives them: 450 CSS px at 200% zoom is 225 px at 2 device pixels each. */
export interface PaneSize {
  readonly width: number;
  readonly height: number;
  readonly deviceScaleFactor?: number;
}

export interface StubbedBrowser {
  /** Opens `url` with the stub's workbook seeded (see office-stub.js), in the colour scheme given. */
  open(url: string, seed: unknown, options?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  /**
   * Opens `url` as `open` does, in a context of its own at the size and pixel density given (a
   * persistent context fixes both for every page it opens).
   */
  openAt(url: string, seed: unknown, size: PaneSize, options?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  /** Requests that tried to leave the machine. */
  readonly offsite: string[];
  /** Uncaught errors in any page. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Serves the stubbed office.js, lets 127.0.0.1 through, and records and refuses the rest. */
async function routeRequests(context: BrowserContext, offsite: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: STUB });
    const host = new URL(url).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    offsite.push(url);
    return route.abort();
  });
}

async function openSeeded(context: BrowserContext, url: string, seed: unknown, pageErrors: string[], colorScheme?: 'light' | 'dark'): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  if (colorScheme) await page.emulateMedia({ colorScheme });
  await page.addInitScript((s) => ((window as unknown as { __rebalSeed: unknown }).__rebalSeed = s), seed);
  await page.goto(url);
  return page;
}

export async function stubbedBrowser(): Promise<StubbedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'rebal-chromium-'));
  const offsite: string[] = [];
  const pageErrors: string[] = [];
  // Each browser is launched on first use: the persistent one for open, the other for openAt's contexts.
  let persistent: BrowserContext | null = null;
  let sized: Browser | null = null;
  const contexts: BrowserContext[] = [];
  return {
    offsite,
    pageErrors,
    async open(url, seed, options = {}) {
      if (!persistent) {
        persistent = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: FLAGS, headless: true, viewport: { width: 380, height: 900 } });
        await routeRequests(persistent, offsite);
      }
      return openSeeded(persistent, url, seed, pageErrors, options.colorScheme);
    },
    async openAt(url, seed, size, options = {}) {
      sized ??= await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS, headless: true });
      const context = await sized.newContext({
        viewport: { width: size.width, height: size.height },
        deviceScaleFactor: size.deviceScaleFactor ?? 1,
        colorScheme: options.colorScheme ?? 'light',
      });
      contexts.push(context);
      await routeRequests(context, offsite);
      return openSeeded(context, url, seed, pageErrors);
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await sized?.close();
      await persistent?.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
