/**
 * The built planner worker in real Chromium: dist/planner-worker.js loads HiGHS' wasm on the first
 * draft (webpack's asset) and answers with a plan, with no request leaving localhost.
 * Needs `npm run build` and /usr/bin/chromium; jest skips test/e2e by default — run it with
 *   npx jest --testPathIgnorePatterns node_modules --testPathPatterns e2e/planner-worker
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium } from 'playwright-core';

const DIST = path.resolve(__dirname, '../../dist');

function serve(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url === '/blank.html') {
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>blank</title>');
      return;
    }
    const file = path.join(DIST, (req.url ?? '/').split('?')[0]);
    if (!file.startsWith(DIST) || !fs.existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', file.endsWith('.wasm') ? 'application/wasm' : 'application/javascript');
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, () => resolve(server)));
}

test('the worker drafts a plan in a browser, loading its wasm on first use', async () => {
  const server = await serve();
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const outside: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(`http://localhost:${port}/`)) outside.push(r.url());
    });
    await page.goto(`http://localhost:${port}/blank.html`);
    const reply = await page.evaluate(
      () =>
        new Promise<{ kind: string; reasons: string[] }>((resolve) => {
          const worker = new Worker('planner-worker.js');
          worker.onmessage = (e) => {
            if (e.data.kind === 'progress') return;
            resolve({ kind: e.data.kind, reasons: e.data.plan ? e.data.plan.trades.map((t: { reason: string }) => t.reason) : [e.data.error.message] });
          };
          const holdings = [['Account', 'Ticker', 'Class', 'Shares', 'Price'], ['IRA', 'VTI', 'US Stocks', 30, 100], ['IRA', 'BND', 'Bonds', 10, 100]];
          const targets = [['Class', 'Target'], ['US Stocks', 0.5], ['Bonds', 0.5]];
          worker.postMessage({ id: 1, tables: { holdings: { name: 'Holdings', cells: holdings }, targets: { name: 'Targets', cells: targets } }, today: '2026-11-21' });
        }),
    );
    expect(reply.kind).toBe('plan');
    expect(reply.reasons[0]).toMatch(/^Sell 10 VTI in IRA \(\$1,000\): US Stocks is 75\.0% vs 50\.0% target/);
    expect(outside).toEqual([]);
  } finally {
    await browser.close();
    server.close();
  }
}, 60_000);
