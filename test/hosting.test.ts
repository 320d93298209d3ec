/**
 * Hosting the add-in: the URL REBAL_ADDIN_URL names, the manifest moved to it, and functions.json
 * kept within the CustomFunctionsRuntime the manifest requires. The whole hosted build (webpack into
 * a folder, every manifest URL resolving to a file) is test/e2e/hosted-build.e2e.ts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { compareVersions, DEV_URL, hostingUrl, manifestFor, runtimeNeeded, shippedMetadata } from '../scripts/hosting';
import { requiredSets } from './support/manifest-sets';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

describe('REBAL_ADDIN_URL', () => {
  it('takes an https folder, and gives a folder without its trailing slash one', () => {
    expect(hostingUrl('https://example.org/rebal/')).toEqual({ url: 'https://example.org/rebal/', origin: 'https://example.org', normalised: false });
    expect(hostingUrl(' https://example.org/rebal ')).toEqual({ url: 'https://example.org/rebal/', origin: 'https://example.org', normalised: true });
    expect(hostingUrl('https://addin.example.org')).toEqual({ url: 'https://addin.example.org/', origin: 'https://addin.example.org', normalised: false });
    expect(hostingUrl('https://example.org:8443/a/b/').origin).toBe('https://example.org:8443');
  });

  it.each([
    [undefined, /is not set/],
    ['', /is not set/],
    ['example.org/rebal/', /is not a URL/],
    ['http://example.org/rebal/', /must start with https:\/\//],
    ['https://me:secret@example.org/', /user name or password/],
    ['https://example.org/rebal/?v=2', /query/],
    ['https://example.org/rebal/#top', /fragment/],
    ['https://example.org/rebal/taskpane.html', /names a file \(taskpane\.html\)/],
  ])('refuses %p in one line that shows what to write', (raw, why) => {
    let message = '';
    try {
      hostingUrl(raw);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(why);
    expect(message).toMatch(/^REBAL_ADDIN_URL .*, e\.g\. REBAL_ADDIN_URL=https:\/\/example\.org\/rebal\/$/);
    expect(message).not.toContain('\n');
  });

  it('stops a hosted build before it starts, with that one line', () => {
    const run = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'hosted'], {
      cwd: ROOT,
      env: { ...process.env, REBAL_ADDIN_URL: 'http://example.org/rebal' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('rebal: REBAL_ADDIN_URL "http://example.org/rebal" must start with https:// (Office loads add-ins only over https), e.g. REBAL_ADDIN_URL=https://example.org/rebal/');
  });
});

describe('the manifest, moved to the hosting URL', () => {
  const moved = manifestFor(MANIFEST, hostingUrl('https://example.org/rebal/'));
  const urls = [...moved.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);

  it('moves every address and the AppDomain, and leaves nothing of the dev server', () => {
    expect(MANIFEST).toContain(DEV_URL);
    expect(moved).not.toMatch(/localhost/i);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) expect(u.startsWith('https://example.org/rebal/')).toBe(true);
    expect([...moved.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1])).toEqual(['https://example.org']);
  });

  it('points SupportUrl and the Get Started link at the help page, not at the pane', () => {
    expect(moved).toContain('<SupportUrl DefaultValue="https://example.org/rebal/help.html"/>');
    expect(moved).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://example.org/rebal/help.html"/>');
    expect(fs.existsSync(path.join(ROOT, 'src', 'help', 'help.html'))).toBe(true);
  });

  it('refuses a manifest with a dev-server address it does not know how to move', () => {
    const odd = MANIFEST.replace('</AppDomains>', '<AppDomain>https://localhost:3001</AppDomain></AppDomains>');
    expect(() => manifestFor(odd, hostingUrl('https://example.org/'))).toThrow(/still names localhost/);
  });
});

describe('functions.json and the manifest agree on the custom-functions runtime', () => {
  let generated: string;
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(path.join(ROOT, 'src', 'functions', 'functions.ts'));
    expect(result.errors).toEqual([]);
    generated = result.metadataJson;
  });

  it('ships metadata that needs no more than the CustomFunctionsRuntime the manifest requires', () => {
    const required = requiredSets(MANIFEST).CustomFunctionsRuntime;
    const needed = runtimeNeeded(JSON.parse(shippedMetadata(generated)));
    expect(needed.unknown).toEqual([]);
    expect(compareVersions(needed.version, required)).toBeLessThanOrEqual(0);
    expect(needed).toMatchObject({ version: '1.3', because: ['requiresParameterAddresses (1.3)'] });
  });

  it('would not, as the generator writes it (office-js#3504: #VALUE! in perpetual Office 2021/2024)', () => {
    const needed = runtimeNeeded(JSON.parse(generated));
    expect(needed.version).toBe('1.4');
    expect(needed.because).toContain('allowCustomDataForDataTypeAny (1.4)');
    expect(compareVersions(needed.version, requiredSets(MANIFEST).CustomFunctionsRuntime)).toBe(1);
  });

  it('names what it does not know instead of guessing its version', () => {
    expect(runtimeNeeded({ functions: [{ id: 'X', options: { linkedEntityLoadService: true } }] }).unknown).toEqual(['X: linkedEntityLoadService']);
  });

  it('compares versions as numbers', () => {
    expect(compareVersions('1.10', '1.4')).toBe(1);
    expect(compareVersions('1.3', '1.3')).toBe(0);
    expect(compareVersions('1.1', '1.3')).toBe(-1);
  });
});

describe('the GitHub Pages workflow', () => {
  const workflow = fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'pages.yml'), 'utf8');

  it('builds for the Pages URL and publishes dist/, with the conventional actions on Node 20', () => {
    for (const action of ['actions/checkout@', 'actions/setup-node@', 'actions/configure-pages@', 'actions/upload-pages-artifact@', 'actions/deploy-pages@']) {
      expect(workflow).toContain(`uses: ${action}`);
    }
    expect(workflow).toMatch(/node-version: 20\n/);
    expect(workflow).toMatch(/- run: npm run build:hosted\n\s+env:\n\s+REBAL_ADDIN_URL: \$\{\{ steps\.pages\.outputs\.base_url \}\}\/\n/);
    expect(workflow).toMatch(/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist\n/);
  });

  it('runs a build script that exists and requires the hosting URL', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts['build:hosted']).toBe('webpack --mode production --env hosted');
  });
});
