/**
 * The hosted build, whole: webpack.config.js run for https://example.org/rebal/ into a fresh folder,
 * as `REBAL_ADDIN_URL=https://example.org/rebal/ npm run build:hosted` would, then served from a
 * sub-path (/rebal/) to headless Chromium. It takes a production build (about a minute here), so it
 * lives with the browser tests rather than in `npm test`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import webpack from 'webpack';
import { compareVersions, runtimeNeeded } from '../../scripts/hosting';
import { requiredSets } from '../support/manifest-sets';
import { stubbedBrowser } from './chromium';
import { EDITED_TARGETS, HOLDINGS_ROWS } from './fixture';
import { serveDirectory } from './static-server';

const ROOT = join(__dirname, '..', '..');
const HOST = 'https://example.org/rebal/';
/** The web server's root; the build sits in its rebal/ folder, as on the real host. */
let site: string;
let out: string;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'rebal-hosted-'));
  out = join(site, 'rebal');
  mkdirSync(out);
  const before = process.env.REBAL_ADDIN_URL;
  process.env.REBAL_ADDIN_URL = HOST;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own webpack config (CommonJS)
    const configFor = require(join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<webpack.Configuration>;
    const config = await configFor({ hosted: true }, { mode: 'production' });
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack({ ...config, mode: 'production', output: { ...config.output, path: out } }, (err, s) => (err || !s ? reject(err) : resolve(s))),
    );
    expect(stats.hasErrors() ? stats.toString('errors-only') : '').toBe('');
  } finally {
    if (before === undefined) delete process.env.REBAL_ADDIN_URL;
    else process.env.REBAL_ADDIN_URL = before;
  }
}, 300000);

afterAll(() => {
  if (site) rmSync(site, { recursive: true, force: true });
});

test('leaves no localhost anywhere in the built add-in', () => {
  const files = filesUnder(out).filter((f) => !f.endsWith('.wasm') && !f.endsWith('.png'));
  expect(files.map((f) => relative(out, f))).toEqual(expect.arrayContaining(['manifest.xml', 'taskpane.html', 'help.html', 'functions.json', 'functions.js']));
  const withLocalhost = files.filter((f) => /localhost/i.test(readFileSync(f, 'utf8'))).map((f) => relative(out, f));
  expect(withLocalhost).toEqual([]);
});

test('every URL in the manifest is the hosting URL plus a file that is in the build', () => {
  const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
  const urls = [...manifest.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThanOrEqual(10);
  for (const url of urls) {
    expect(url.startsWith(HOST)).toBe(true);
    expect([url, statSync(join(out, url.slice(HOST.length)), { throwIfNoEntry: false })?.isFile() ?? false]).toEqual([url, true]);
  }
  expect([...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1])).toEqual(['https://example.org']);
  expect(manifest).toContain(`<SupportUrl DefaultValue="${HOST}help.html"/>`);
});

test('the pages load their scripts relative to themselves, so a sub-path works', () => {
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  const local = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !src.startsWith('https://appsforoffice.microsoft.com/'));
  expect(local.sort()).toEqual(['functions.js', 'taskpane.js']);
  expect(readFileSync(join(out, 'help.html'), 'utf8')).not.toMatch(/\b(src|href)="(https?:)?\/\//);
});

test('the built functions.json needs no more of Excel than the built manifest requires', () => {
  const metadata = JSON.parse(readFileSync(join(out, 'functions.json'), 'utf8'));
  const needed = runtimeNeeded(metadata);
  expect(needed.unknown).toEqual([]);
  expect(metadata).not.toHaveProperty('allowCustomDataForDataTypeAny');
  const required = requiredSets(readFileSync(join(out, 'manifest.xml'), 'utf8')).CustomFunctionsRuntime;
  expect(compareVersions(needed.version, required)).toBeLessThanOrEqual(0);
});

test('runs from a sub-path: the pane, its planner worker and the solver’s wasm all load from /rebal/', async () => {
  const server = await serveDirectory(site);
  const browser = await stubbedBrowser();
  try {
    const page = await browser.open(`${server.origin}/rebal/taskpane.html`, {
      sheets: [
        { name: 'Holdings', rows: HOLDINGS_ROWS, tables: ['Holdings'] },
        { name: 'Targets', rows: [['Class', 'Target', 'Band', 'Buy'], ...EDITED_TARGETS], tables: ['Targets'] },
      ],
    });
    expect(await page.getByTestId('total-value').textContent()).toBe('$50,000.00');
    await page.getByRole('tab', { name: 'Trades' }).click();
    const wasm = page.waitForRequest((r) => r.url().startsWith(`${server.origin}/rebal/`) && r.url().endsWith('.wasm'));
    await page.getByRole('button', { name: 'Draft' }).click();
    await wasm;
    await page.getByRole('group', { name: 'Trades in Joint Taxable' }).waitFor({ timeout: 20000 });
    expect(browser.offsite).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
  }
});
