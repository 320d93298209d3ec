/**
 * The built pane (dist/) served on 127.0.0.1 and a stubbed Chromium, set up once for the calling test
 * file; after each test, nothing may have left the machine and no page may have thrown.
 */
import { join } from 'path';
import { stubbedBrowser, StubbedBrowser } from './chromium';
import { serveDirectory } from './static-server';

const DIST = join(__dirname, '..', '..', 'dist');

export interface PaneSession {
  readonly browser: StubbedBrowser;
  /** The task pane's address on the test server. */
  readonly paneUrl: string;
}

/** `delayMs` as serveDirectory's: extra milliseconds before answering files of an extension. */
export function paneSession(delayMs: Record<string, number> = {}): PaneSession {
  let server: { origin: string; close: () => Promise<void> } | undefined;
  let browser: StubbedBrowser | undefined;
  beforeAll(async () => {
    server = await serveDirectory(DIST, delayMs);
    browser = await stubbedBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(() => {
    expect(browser!.offsite).toEqual([]);
    expect(browser!.pageErrors).toEqual([]);
  });
  return {
    get browser() {
      return browser!;
    },
    get paneUrl() {
      return `${server!.origin}/taskpane.html`;
    },
  };
}
