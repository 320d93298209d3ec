/**
 * The pane at Excel's real sizes — 320×700, 450×900, and 450 px at 200% zoom (225×450 CSS px at two
 * device pixels each) — with a twelve-account household of about 150 holdings: every tab reachable,
 * no number broken over lines and no sideways scroll, feedback inside the viewport after each action,
 * the draft's choices kept across tab switches, the same trades from a second Draft, axe-core clean;
 * a keyboard-only walk to Copy order list; forced colours and the chart's contrast in both themes.
 * Screenshots of each step go to test-output/<size>-<step>.png. Timings (pane open → Drift, tab
 * switch, Draft) are printed and appended to test-output/pane-timings.jsonl, never asserted.
 */
import { appendFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import type { PaneSize } from './chromium';
import { householdSheets, twelveAccountHousehold } from './household';
import { axeViolations, contrastRatio, layoutReport, outsideViewport } from './pane-checks';
import { paneSession } from './pane-session';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test-output');
const TIMINGS = join(OUT, 'pane-timings.jsonl');

const SIZES: readonly (PaneSize & { name: string })[] = [
  { name: '320x700', width: 320, height: 700 },
  { name: '450x900', width: 450, height: 900 },
  { name: '225x450@2x', width: 225, height: 450, deviceScaleFactor: 2 },
];

/** Each tab and something only its panel shows. */
const TABS: readonly { name: string; shows: (page: Page) => Locator }[] = [
  { name: 'Import', shows: (p) => p.getByLabel('Positions files (.csv)') },
  { name: 'Setup', shows: (p) => p.getByRole('table', { name: 'Columns detected in the holdings table' }) },
  { name: 'Drift', shows: (p) => p.getByTestId('total-value') },
  { name: 'Trades', shows: (p) => p.getByRole('button', { name: 'Draft', exact: true }) },
  { name: 'Review', shows: (p) => p.getByRole('button', { name: 'Log review' }) },
  { name: 'Exposure', shows: (p) => p.getByRole('table', { name: /look-through holdings/ }) },
];

const SEED = { sheets: householdSheets(twelveAccountHousehold()) };

const session = paneSession();

beforeAll(() => mkdirSync(OUT, { recursive: true }));

function record(size: string, measure: string, ms: number): void {
  const line = { size, measure, ms: Math.round(ms * 10) / 10, at: new Date().toISOString() };
  appendFileSync(TIMINGS, `${JSON.stringify(line)}\n`);
  console.log(`pane timing ${size} ${measure}: ${line.ms} ms`);
}

const workbook = <T>(page: Page, call: string, ...args: unknown[]) =>
  page.evaluate(([c, a]) => (window as unknown as { __workbook: Record<string, (...x: unknown[]) => unknown> }).__workbook[c as string](...(a as unknown[])), [call, args] as const) as Promise<T>;

/** Opens the pane and waits for Drift with the household's total: the time to interactive, from navigation start. */
async function openHousehold(size: PaneSize & { name: string }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await session.browser.openAt(session.paneUrl, SEED, size, { colorScheme });
  const interactive = await page.waitForFunction(() => document.querySelector('[data-testid="total-value"]') && performance.now(), undefined, { timeout: 20000 });
  record(size.name, 'open → Drift', (await interactive.jsonValue()) as number);
  await page.getByRole('tab', { name: 'Drift', selected: true }).waitFor();
  // The page notes when the last click landed, so a timing starts there and not at Playwright's call
  // (which first waits for the target to stop moving, e.g. while the More menu opens).
  await page.evaluate(() => document.addEventListener('click', () => ((window as unknown as { __clickAt: number }).__clickAt = performance.now()), true));
  return page;
}

/** Milliseconds since the last click landed in the page. */
const sinceClick = (page: Page) => page.evaluate(() => performance.now() - (window as unknown as { __clickAt: number }).__clickAt);

/** A tab by its own button when it shows, else through the More menu — as a user would. Says which. */
async function selectTab(page: Page, name: string): Promise<{ throughMenu: boolean }> {
  const tab = page.getByRole('tab', { name, exact: true });
  const throughMenu = !(await tab.isVisible());
  if (throughMenu) {
    await page.getByRole('tab', { name: /^More tabs/ }).click();
    await page.getByRole('menuitem', { name, exact: true }).click();
  } else {
    await tab.click();
  }
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
  return { throughMenu };
}

/**
 * A screenshot of the step (the whole page, and after an action also the viewport, which is what the
 * user sees), then the layout checked: no broken number or word, no sideways scroll.
 */
async function step(page: Page, size: string, name: string, { viewport = false } = {}): Promise<void> {
  await page.screenshot({ path: join(OUT, `${size}-${name}.png`), fullPage: true });
  if (viewport) await page.screenshot({ path: join(OUT, `${size}-${name}-viewport.png`) });
  const report = await layoutReport(page);
  expect({ step: name, numbers: report.brokenNumbers, words: report.brokenWords, cells: report.wrappedNumberCells }).toEqual({ step: name, numbers: [], words: [], cells: [] });
  expect({ step: name, scroll: report.scrollWidth > report.clientWidth, pastRightEdge: report.pastRightEdge }).toEqual({ step: name, scroll: false, pastRightEdge: [] });
}

async function expectNoAxeViolation(page: Page, where: string): Promise<void> {
  const { violations, allowedTabsterDummies } = await axeViolations(page);
  if (allowedTabsterDummies > 0) console.log(`axe ${where}: ${allowedTabsterDummies} tabster dummy input(s) allowed (aria-hidden-focus)`);
  expect({ where, violations }).toEqual({ where, violations: [] });
}

/** The drafted trades as the approve boxes name them, in order. */
const draftedTrades = (page: Page) => page.getByRole('checkbox', { name: /^Approve / }).evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label')));

/** The message an action left in the bar beside the draft's buttons. */
const draftActionMessage = (page: Page) => page.getByRole('group', { name: 'Draft actions' }).getByRole('status');

describe.each(SIZES)('the pane at $name', (size) => {
  test('every tab, the chart, a draft, its actions and the Review Log, laid out and accessible', async () => {
    const page = await openHousehold(size);
    const S = size.name;
    await step(page, S, '01-drift');

    // The chart's text is 12 CSS px or more at any width; a cut class name has its full name in a title.
    const chart = await page.getByTestId('drift-chart').evaluate((el) => ({
      fontSizes: [...el.querySelectorAll('*')].filter((e) => e.childElementCount === 0 && (e.textContent ?? '').trim()).map((e) => parseFloat(getComputedStyle(e).fontSize)),
      cut: [...el.querySelectorAll<HTMLElement>('[data-part="label"]')].filter((e) => e.scrollWidth > e.clientWidth).map((e) => [e.title, e.closest('[data-class]')!.getAttribute('data-class')]),
      band: getComputedStyle(el.querySelector('[data-part="band"]')!).backgroundColor,
      track: getComputedStyle(el.querySelector('[data-part="track-fill"]')!).backgroundColor,
    }));
    expect(Math.min(...chart.fontSizes)).toBeGreaterThanOrEqual(12);
    for (const [title, name] of chart.cut) expect(title).toBe(name);
    if (size.width <= 320) expect(chart.cut.map(([, name]) => name)).toContain('International Developed Stocks');
    expect(contrastRatio(chart.band, chart.track)).toBeGreaterThanOrEqual(3);

    // Every tab reachable (directly or through More), each shows its panel, laid out and accessible.
    for (const { name, shows } of TABS) {
      const { throughMenu } = await selectTab(page, name);
      await shows(page).first().waitFor();
      // From the click on the tab (or on its item in the More menu) to its panel shown.
      record(S, `tab switch to ${name}${throughMenu ? ' (More menu)' : ''}`, await sinceClick(page));
      await step(page, S, `02-tab-${name.toLowerCase()}`);
      await expectNoAxeViolation(page, `${S} ${name}`);
    }

    // The draft's choices survive a trip to another tab.
    await selectTab(page, 'Trades');
    await page.getByRole('textbox', { name: 'Contribution to Jordan Roth IRA' }).fill('12,000');
    await page.getByRole('radio', { name: 'Buy only' }).check();
    await page.getByRole('switch', { name: 'Whole shares' }).uncheck();
    await selectTab(page, 'Drift');
    await selectTab(page, 'Trades');
    expect(await page.getByRole('textbox', { name: 'Contribution to Jordan Roth IRA' }).inputValue()).toBe('12,000');
    expect(await page.getByRole('radio', { name: 'Buy only' }).isChecked()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Whole shares' }).isChecked()).toBe(false);
    // Back to buying and selling, for a plan across the accounts.
    await page.getByRole('radio', { name: 'Full (buy and sell)' }).check();
    await step(page, S, '03-choices');

    // Draft: the trades take focus, and their start is in view.
    await page.getByRole('button', { name: 'Draft', exact: true }).click();
    const trades = page.getByRole('region', { name: 'Drafted trades' });
    await trades.waitFor({ timeout: 30000 });
    record(S, 'Draft', await sinceClick(page));
    await trades.evaluate((el) => new Promise<void>((resolve) => (function wait() { return el === document.activeElement ? resolve() : requestAnimationFrame(wait); })()));
    expect(await trades.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    expect(await trades.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(size.height);
    const first = await draftedTrades(page);
    expect(first.length).toBeGreaterThan(10);
    expect(new Set(first.map((t) => t!.replace(/^.* in /, ''))).size).toBeGreaterThan(4);
    await step(page, S, '04-drafted', { viewport: true });
    await expectNoAxeViolation(page, `${S} drafted`);

    // Write to sheet and Copy order list: each says so beside the buttons, inside the viewport.
    await page.getByRole('button', { name: 'Write to sheet' }).click();
    await draftActionMessage(page).waitFor();
    expect(await outsideViewport(draftActionMessage(page))).toBe(0);
    expect((await workbook<string[]>(page, 'sheetNames')).some((n) => n.startsWith('Trades '))).toBe(true);
    await step(page, S, '05-written', { viewport: true });

    await page.getByRole('button', { name: 'Copy order list' }).click();
    await page.waitForFunction(() => (window as unknown as { __workbook: { clipboard: () => string[] } }).__workbook.clipboard().length === 1);
    expect(await outsideViewport(draftActionMessage(page))).toBe(0);
    const copied = (await workbook<string[]>(page, 'clipboard'))[0];
    for (const label of first) expect(copied).toContain(label!.replace(/^Approve /, '').replace(/ in .*$/, ''));
    await step(page, S, '06-copied', { viewport: true });

    // A folded account still says its trades; the rest of the list is unchanged.
    const header = page.getByTestId('account-header').first().getByRole('button');
    await header.click();
    expect(await header.getAttribute('aria-expanded')).toBe('false');
    expect(await header.textContent()).toMatch(/\d+ trades? · net (buy|sell) \$[\d,]+\.\d\d$/);
    await step(page, S, '07-folded', { viewport: true });
    await header.click();

    // A second Draft with the same choices drafts the same trades.
    await page.getByRole('button', { name: 'Draft', exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Drafted trades', undefined, { timeout: 30000 });
    record(S, 'Draft (again)', await sinceClick(page));
    expect(await draftedTrades(page)).toEqual(first);

    // Log review: its message is in view too.
    await selectTab(page, 'Review');
    await page.getByRole('button', { name: 'Log review' }).click();
    const logged = page.getByRole('tabpanel').getByRole('status').last();
    await logged.waitFor();
    expect(await outsideViewport(logged)).toBe(0);
    await step(page, S, '08-logged', { viewport: true });
    await expectNoAxeViolation(page, `${S} logged`);
    await page.close();
  });
});

/** What has the focus: its role (or tag) and its name, as `role|name`. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body|';
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}|${label.trim()}`;
  });

/** Presses `key` until the focus is where `where` says (at most `max` presses). */
async function pressUntil(page: Page, key: string, where: RegExp, max = 80): Promise<string> {
  for (let i = 0; i < max; i++) {
    const at = await focused(page);
    if (where.test(at)) return at;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${where}; the focus is on ${await focused(page)}`);
}

test('keyboard only, at 225×450 at 200%: open, the Trades tab, a contribution, Draft, approve, Copy order list', async () => {
  const size = SIZES[2];
  const page = await openHousehold(size);
  const S = `${size.name}-keyboard`;
  // Into the tab list, then along it to Trades — or to More, whose menu holds it at this width.
  await pressUntil(page, 'Tab', /^tab\|/);
  const reached = await pressUntil(page, 'ArrowRight', /^tab\|(Trades|More tabs)/);
  await page.keyboard.press('Enter');
  if (reached.startsWith('tab|More tabs')) {
    await pressUntil(page, 'ArrowDown', /^menuitem\|Trades$/, 8);
    await page.keyboard.press('Enter');
  }
  await page.getByRole('tab', { name: 'Trades', selected: true }).waitFor();
  await page.screenshot({ path: join(OUT, `${S}-1-trades.png`), fullPage: true });

  await pressUntil(page, 'Tab', /^input\|Contribution to Jordan Roth IRA$/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5000');
  await pressUntil(page, 'Tab', /^button\|Draft$/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Drafted trades', undefined, { timeout: 30000 });
  await page.screenshot({ path: join(OUT, `${S}-2-drafted.png`), fullPage: true });

  // The first trade is taken out with Space; Copy order list then copies the others.
  const firstBox = (await pressUntil(page, 'Tab', /^input\|Approve /)).replace(/^input\|/, '');
  await page.keyboard.press('Space');
  expect(await page.getByRole('checkbox', { name: firstBox, exact: true }).isChecked()).toBe(false);
  const unapproved = firstBox.replace(/^Approve /, '').replace(/ in [^$()]*$/, '');
  const labels = await draftedTrades(page);
  await pressUntil(page, 'Tab', /^button\|Copy order list$/, 120);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window as unknown as { __workbook: { clipboard: () => string[] } }).__workbook.clipboard().length === 1);
  const copied = (await workbook<string[]>(page, 'clipboard'))[0];
  const described = labels.map((l) => l!.replace(/^Approve /, '').replace(/ in [^$()]*$/, ''));
  expect(copied).not.toContain(`  ${unapproved}\n`);
  for (const d of described.filter((d) => d !== unapproved)) expect(copied).toContain(d);
  expect(await outsideViewport(draftActionMessage(page))).toBe(0);
  await page.screenshot({ path: join(OUT, `${S}-3-copied.png`), fullPage: true });
  await page.close();
});

test('the dark theme: band against track at least 3:1, and axe-core clean on Drift and a draft', async () => {
  const size = SIZES[0];
  const page = await openHousehold(size, 'dark');
  const colours = await page.getByTestId('drift-chart').evaluate((el) => ({
    band: getComputedStyle(el.querySelector('[data-part="band"]')!).backgroundColor,
    track: getComputedStyle(el.querySelector('[data-part="track-fill"]')!).backgroundColor,
    page: getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
  }));
  expect(colours.page).not.toBe('rgb(255, 255, 255)');
  expect(contrastRatio(colours.band, colours.track)).toBeGreaterThanOrEqual(3);
  await expectNoAxeViolation(page, 'dark Drift');
  await page.screenshot({ path: join(OUT, `${size.name}-dark-1-drift.png`), fullPage: true });
  await selectTab(page, 'Trades');
  await page.getByRole('button', { name: 'Draft', exact: true }).click();
  await page.getByRole('region', { name: 'Drafted trades' }).waitFor({ timeout: 30000 });
  await expectNoAxeViolation(page, 'dark drafted');
  await page.screenshot({ path: join(OUT, `${size.name}-dark-2-drafted.png`), fullPage: true });
  await page.close();
});

test('forced colours (Windows high contrast): the chart’s bars, bands and targets and the trades’ SELL/BUY strips stay visible', async () => {
  const size = SIZES[0];
  const page = await openHousehold(size);
  await page.emulateMedia({ forcedColors: 'active' });
  const chart = await page.getByTestId('drift-chart').evaluate((el) => {
    const colour = (part: string) => getComputedStyle(el.querySelector(`[data-part="${part}"]`)!).backgroundColor;
    return { track: colour('track-fill'), band: colour('band'), weight: colour('weight'), target: colour('target') };
  });
  expect(contrastRatio(chart.band, chart.track)).toBeGreaterThanOrEqual(3);
  expect(contrastRatio(chart.weight, chart.track)).toBeGreaterThanOrEqual(3);
  expect(contrastRatio(chart.target, chart.band)).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: join(OUT, `${size.name}-forced-colors-1-drift.png`), fullPage: true });

  await selectTab(page, 'Trades');
  await page.getByRole('button', { name: 'Draft', exact: true }).click();
  await page.getByRole('region', { name: 'Drafted trades' }).waitFor({ timeout: 30000 });
  const strips = await page.getByTestId('trade').evaluateAll((trades) =>
    trades.map((t) => {
      const s = getComputedStyle(t);
      return { action: t.getAttribute('data-action'), colour: s.borderLeftColor, width: parseFloat(s.borderLeftWidth), style: s.borderLeftStyle };
    }),
  );
  // The system's Canvas colour, as a probe element renders it.
  const canvas = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.backgroundColor = 'Canvas';
    document.body.append(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  });
  for (const s of strips) {
    expect(s.width).toBeGreaterThanOrEqual(3);
    expect(s.style).not.toBe('none');
    expect(contrastRatio(s.colour, canvas)).toBeGreaterThanOrEqual(3);
  }
  // SELL and BUY stay told apart: a double strip in another system colour.
  const sell = strips.find((s) => s.action === 'SELL');
  const buy = strips.find((s) => s.action === 'BUY');
  expect(sell && buy && (sell.colour !== buy.colour || sell.style !== buy.style)).toBe(true);
  await page.screenshot({ path: join(OUT, `${size.name}-forced-colors-2-drafted.png`), fullPage: true });
  await page.close();
});
