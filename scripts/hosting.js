/**
 * Where the add-in is hosted, and what that means for what the build ships: the hosting URL that
 * `REBAL_ADDIN_URL` names (checked, so a typo fails the build instead of every address in the
 * manifest), the manifest rewritten to it, and functions.json kept within the custom-functions
 * runtime the manifest requires. Plain CommonJS: webpack.config.js loads it, and so do the tests.
 */

/** The dev server's address, as manifest.xml is written. */
const DEV_URL = 'https://localhost:3000/';

/** One line that says what is wrong with the hosting URL and what to write instead. */
class HostingUrlError extends Error {
  constructor(message) {
    super(`REBAL_ADDIN_URL ${message}, e.g. REBAL_ADDIN_URL=https://example.org/rebal/`);
    this.name = 'HostingUrlError';
  }
}

/**
 * The hosting URL as the build uses it: https, no query or fragment, a folder ending in "/".
 * A folder written without its trailing slash ("https://example.org/rebal") is given one, since
 * every address in the manifest is this URL plus a file name; `normalised` says when that happened.
 * @param {string | undefined} raw
 * @returns {{ url: string, origin: string, normalised: boolean }}
 */
function hostingUrl(raw) {
  const text = (raw ?? '').trim();
  if (text === '') throw new HostingUrlError('is not set: a production build needs the https address dist/ will be served from');
  let parsed;
  try {
    parsed = new URL(text);
  } catch {
    throw new HostingUrlError(`"${text}" is not a URL`);
  }
  if (parsed.protocol !== 'https:') throw new HostingUrlError(`"${text}" must start with https:// (Office loads add-ins only over https)`);
  if (parsed.username || parsed.password) throw new HostingUrlError(`"${text}" must not carry a user name or password`);
  if (parsed.search || parsed.hash || text.includes('?') || text.includes('#')) throw new HostingUrlError(`"${text}" must not have a query (?) or a fragment (#)`);
  const last = parsed.pathname.split('/').pop();
  if (last && last.includes('.')) throw new HostingUrlError(`"${text}" names a file (${last}); give the folder dist/ is served from`);
  const normalised = !parsed.pathname.endsWith('/');
  const url = `${parsed.origin}${parsed.pathname}${normalised ? '/' : ''}`;
  return { url, origin: parsed.origin, normalised };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * manifest.xml for a hosting URL: every address (icons, pages, scripts, metadata, the support page)
 * moves from the dev server to `url`, and the AppDomain to its origin. Throws if any trace of the
 * dev server is left, so a new address added to the manifest in some other form cannot slip past.
 * @param {string} xml
 * @param {{ url: string, origin: string }} hosting
 */
function manifestFor(xml, hosting) {
  const devOrigin = DEV_URL.slice(0, -1);
  const out = xml
    .replace(new RegExp(escape(DEV_URL), 'g'), hosting.url)
    .replace(new RegExp(`<AppDomain>${escape(devOrigin)}/?</AppDomain>`, 'g'), `<AppDomain>${hosting.origin}</AppDomain>`);
  const left = /localhost/i.exec(out);
  if (left) throw new Error(`manifest.xml still names localhost after moving it to ${hosting.url}: ${out.slice(Math.max(0, left.index - 60), left.index + 30)}`);
  return out;
}

/**
 * What each thing functions.json can ask for needs of Excel, as the CustomFunctionsRuntime version
 * Microsoft's documentation gives for it. Anything else in the metadata is unknown here: the
 * agreement test fails on it rather than guess.
 */
const RUNTIME_NEEDS = {
  metadata: { functions: '1.1', enums: '1.1', allowCustomDataForDataTypeAny: '1.4' },
  options: { volatile: '1.1', stream: '1.1', cancelable: '1.1', requiresAddress: '1.1', requiresParameterAddresses: '1.3' },
};

/**
 * functions.json as the add-in ships it. custom-functions-metadata 2.x always adds
 * `allowCustomDataForDataTypeAny` (CustomFunctionsRuntime 1.4); the manifest requires 1.3 so that
 * perpetual Office 2021/2024 can run the functions, and with that flag they show #VALUE! there
 * (office-js#3504). No REBAL function takes or returns a data type, so the flag goes.
 * @param {string} json
 */
function shippedMetadata(json) {
  const metadata = JSON.parse(json);
  delete metadata.allowCustomDataForDataTypeAny;
  return JSON.stringify(metadata, null, 4);
}

/**
 * The CustomFunctionsRuntime version a functions.json needs, and what in it is not known here.
 * @param {{ functions: { options?: Record<string, unknown> }[] } & Record<string, unknown>} metadata
 * @returns {{ version: string, because: string[], unknown: string[] }}
 */
function runtimeNeeded(metadata) {
  let version = '1.1';
  const because = [];
  const unknown = [];
  const need = (what, v) => {
    if (v === undefined) return unknown.push(what);
    if (compareVersions(v, version) > 0) version = v;
    if (v !== '1.1') because.push(`${what} (${v})`);
  };
  for (const [key, value] of Object.entries(metadata)) if (value !== false) need(key, RUNTIME_NEEDS.metadata[key]);
  for (const f of metadata.functions) {
    for (const [key, value] of Object.entries(f.options ?? {})) if (value === true) need(`${f.id}: ${key}`, RUNTIME_NEEDS.options[key]);
  }
  return { version, because: [...new Set(because.map((b) => b.replace(/^\w+: /, '')))], unknown };
}

/** -1, 0 or 1 as `a` is below, equal to or above `b` ("1.10" is above "1.4"). */
function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

module.exports = { DEV_URL, HostingUrlError, hostingUrl, manifestFor, shippedMetadata, runtimeNeeded, compareVersions };
