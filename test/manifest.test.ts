/** The add-in manifest, checked offline: what Excel needs to load a shared runtime with REBAL functions. */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';

type Node = Record<string, unknown>;

const xml = fs.readFileSync(path.resolve(__dirname, '..', 'manifest.xml'), 'utf8');
const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true }).parse(xml) as Node;
/** The same document with element order kept, to check what comes first. */
const ordered = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, preserveOrder: true }).parse(xml) as Node[];

/** Every node below `node`, depth first. */
function* walk(node: unknown): Generator<Node> {
  if (Array.isArray(node)) for (const n of node) yield* walk(n);
  else if (typeof node === 'object' && node !== null) {
    yield node as Node;
    for (const v of Object.values(node)) yield* walk(v);
  }
}

const all = [...walk(parsed)];
const app = parsed.OfficeApp as Node;
const vo = app.VersionOverrides as Node;
const host = ((vo.Hosts as Node).Host) as Node;
const resources = vo.Resources as Node;

function resourceIds(): Set<string> {
  const ids = new Set<string>();
  for (const n of walk(resources)) if (typeof n['@id'] === 'string') ids.add(n['@id']);
  return ids;
}

describe('manifest.xml', () => {
  it('resolves every resid to a resource', () => {
    const ids = resourceIds();
    const resids = all.map((n) => n['@resid']).filter((r): r is string => typeof r === 'string');
    expect(resids.length).toBeGreaterThan(5);
    for (const r of resids) expect(ids).toContain(r);
  });

  it('puts <Runtimes> first in the Workbook <Host>, with exactly one long-lived runtime', () => {
    const orderedVo = [...walk(ordered)].find((n) => 'VersionOverrides' in n)!.VersionOverrides as Node[];
    const hosts = orderedVo.find((n) => 'Hosts' in n)!.Hosts as Node[];
    const hostChildren = (hosts.find((n) => 'Host' in n)!.Host as Node[]).map((n) => Object.keys(n).find((k) => k !== ':@'));
    expect(hostChildren[0]).toBe('Runtimes');
    const long = all.filter((n) => n['@lifetime'] === 'long');
    expect(long).toHaveLength(1);
    expect(((host.Runtimes as Node).Runtime as Node)['@lifetime']).toBe('long');
  });

  it('shares the runtime between the functions and the task pane', () => {
    const runtime = ((host.Runtimes as Node).Runtime as Node)['@resid'];
    const cf = extensionPoint('CustomFunctions');
    expect(((cf.Page as Node).SourceLocation as Node)['@resid']).toBe(runtime);
    const desktop = host.DesktopFormFactor as Node;
    expect((desktop.FunctionFile as Node)['@resid']).toBe(runtime);
  });

  it('declares the CustomFunctions extension point in namespace REBAL', () => {
    const cf = extensionPoint('CustomFunctions');
    for (const part of ['Script', 'Page', 'Metadata']) expect((cf[part] as Node).SourceLocation).toBeDefined();
    const namespaceId = (cf.Namespace as Node)['@resid'];
    const namespace = [...walk(resources)].find((n) => n['@id'] === namespaceId);
    expect(namespace?.['@DefaultValue']).toBe('REBAL');
    const metadataUrl = [...walk(resources)].find((n) => n['@id'] === ((cf.Metadata as Node).SourceLocation as Node)['@resid']);
    expect(metadataUrl?.['@DefaultValue']).toMatch(/\/functions\.json$/);
  });

  it('uses https for every URL', () => {
    const urls = all
      .flatMap((n) => Object.entries(n))
      .filter(([k, v]) => typeof v === 'string' && (k === '@DefaultValue' || k === 'AppDomain') && /^[a-z]+:\/\//i.test(v))
      .map(([, v]) => v as string);
    const domains = ([] as unknown[]).concat((app.AppDomains as Node).AppDomain) as string[];
    expect(urls.length + domains.length).toBeGreaterThan(8);
    for (const u of [...urls, ...domains]) expect(u).toMatch(/^https:\/\//);
  });

  it('requires the SharedRuntime and custom-functions runtime sets', () => {
    const sets = ([] as Node[]).concat(((app.Requirements as Node).Sets as Node).Set as Node[]);
    expect(sets.map((s) => s['@Name'])).toEqual(expect.arrayContaining(['SharedRuntime', 'CustomFunctionsRuntime']));
    expect(sets.find((s) => s['@Name'] === 'SharedRuntime')!['@MinVersion']).toBe('1.1');
  });

  it('requires ExcelApi 1.7, what the pane calls without asking (tables.onChanged, getRangeByIndexes)', () => {
    const sets = ([] as Node[]).concat(((app.Requirements as Node).Sets as Node).Set as Node[]);
    expect(sets.find((s) => s['@Name'] === 'ExcelApi')?.['@MinVersion']).toBe('1.7');
  });

  it('asks for ReadWriteDocument, for a Workbook host', () => {
    expect(app.Permissions).toBe('ReadWriteDocument');
    expect(host['@type']).toBe('Workbook');
    expect(((app.Hosts as Node).Host as Node)['@Name']).toBe('Workbook');
  });
});

function extensionPoint(type: string): Node {
  const points = ([] as Node[]).concat((host.AllFormFactors as Node).ExtensionPoint as Node[]);
  const found = points.find((p) => p['@type'] === type);
  if (!found) throw new Error(`no ${type} extension point`);
  return found;
}
