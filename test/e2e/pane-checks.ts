/**
 * What the pane-size walk measures in the page: words and numbers broken over lines, horizontal
 * scroll, whether an element is inside the viewport, colour contrast from rendered colours, and
 * axe-core's verdict.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';

export interface BrokenToken {
  readonly token: string;
  /** The text the token is in, shortened. */
  readonly in: string;
  readonly lines: number;
}

export interface LayoutReport {
  /** Tokens with a digit (amounts, weights, dates, counts) drawn on more than one line. */
  readonly brokenNumbers: BrokenToken[];
  /** Words without a hyphen or slash (where a line may break) drawn on more than one line. */
  readonly brokenWords: BrokenToken[];
  /** Elements styled as numbers (NUMBER_STYLE: tabular figures, no wrap) on more than one line. */
  readonly wrappedNumberCells: string[];
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Elements reaching past the viewport's right edge (outermost only), to say what makes the sideways scroll. */
  readonly pastRightEdge: string[];
}

/**
 * Every visible text node of the pane, token by token: a Range over the token gives one client rect
 * per line it is drawn on. Visually hidden text (1-px boxes) and closed parts (no rects) are skipped.
 */
export function layoutReport(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const lines = (range: Range) => {
      const tops = new Set<number>();
      for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) tops.add(Math.round(r.top + r.height / 2));
      // Rects of one line can differ by a pixel at their middles; count lines a line-height apart.
      const sorted = [...tops].sort((a, b) => a - b);
      return sorted.filter((t, i) => i === 0 || t - sorted[i - 1] > 4).length;
    };
    const brokenNumbers: { token: string; in: string; lines: number }[] = [];
    const brokenWords: { token: string; in: string; lines: number }[] = [];
    const main = document.querySelector('main')!;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent) continue;
      const box = parent.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      for (const m of node.data.matchAll(/\S+/g)) {
        const numeric = /\d/.test(m[0]);
        if (!numeric && /[-/–—]/.test(m[0])) continue;
        const range = document.createRange();
        range.setStart(node, m.index!);
        range.setEnd(node, m.index! + m[0].length);
        const n = lines(range);
        if (n > 1) (numeric ? brokenNumbers : brokenWords).push({ token: m[0], in: node.data.slice(0, 80), lines: n });
      }
    }
    const wrappedNumberCells: string[] = [];
    for (const el of main.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(el);
      if (!style.fontVariantNumeric.includes('tabular-nums') || style.whiteSpace !== 'nowrap') continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      if (lines(range) > 1) wrappedNumberCells.push(el.textContent ?? '');
    }
    const scroller = document.scrollingElement!;
    const past = [...document.body.querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().right > scroller.clientWidth + 0.5);
    const pastRightEdge = past
      .filter((el) => !past.includes(el.parentElement!))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}" right=${Math.round(el.getBoundingClientRect().right)}`);
    return { brokenNumbers, brokenWords, wrappedNumberCells, scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, pastRightEdge };
  });
}

/** How far an element's box is from inside the viewport (0 when wholly inside), in CSS px. */
export async function outsideViewport(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return Math.max(0, -r.top, r.bottom - innerHeight, -r.left, r.right - innerWidth);
  });
}

/** WCAG's contrast ratio of two rendered colours (`rgb(…)` / `rgba(…)` as getComputedStyle gives them). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const AXE = readFileSync(join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly targets: string[];
  readonly html: string[];
  readonly why: string[];
}

/**
 * axe-core's violations on the page as it is, less the one false positive Fluent's focus manager
 * causes. Tabster (under TabList's arrow keys, Accordion, Menu, Dialog) moves focus in and out of a
 * group through "dummy inputs", `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`: focusable
 * by design (focus landing on one is passed on at once) and hidden because they are not content, so
 * axe's `aria-hidden-focus` flags each (microsoft/fluentui#25133 for TabList, microsoft/tabster#288;
 * Accessibility Insights suppresses it the same way). Only that rule, and only on elements that are
 * tabster's dummies, is allowed — and counted, so the report can say how many; anything else fails.
 */
export async function axeViolations(page: Page): Promise<{ violations: AxeViolation[]; allowedTabsterDummies: number }> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: AXE });
  // Colours are measured as rendered: a button still fading from disabled to enabled (Fluent's 100-ms
  // transition) would be judged at a colour it is only passing through.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[]; html: string; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    const isTabsterDummy = (selector: string) => {
      const el = document.querySelector(selector);
      return el !== null && el.hasAttribute('data-tabster-dummy') && el.getAttribute('aria-hidden') === 'true';
    };
    const allowed = (id: string, n: { target: string[] }) => id === 'aria-hidden-focus' && n.target.every((t) => isTabsterDummy(t));
    const violations = result.violations
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !allowed(v.id, n)) }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')), html: v.nodes.map((n) => n.html.slice(0, 160)), why: v.nodes.map((n) => (n.failureSummary ?? '').slice(0, 300)) }));
    const allowedTabsterDummies = result.violations.reduce((sum, v) => sum + v.nodes.filter((n) => allowed(v.id, n)).length, 0);
    return { violations, allowedTabsterDummies };
  });
}
