/**
 * Each account's whole-share options near a plan: every combination of share counts on its legs within
 * a few shares of the anchor's (a leg may also drop its trade, or open one at MinTrade's size), that
 * keeps every rule of the account and lands its cash within a window above its floor. In whole shares
 * the tax a household saves is mostly cash landed: idle cash above an account's floor counts twice in
 * D (Cash over its target, some class under), and D freed there lets a taxable sell be smaller.
 * Which option each account takes is then one choice over the household (knapsack.ts).
 */
import { RepairState } from '../repair';

import { OptionTable } from './table';

export interface OptionLimits {
  /** Shares either side of the anchor's count a traded leg may take. */
  readonly reach: number;
  /** Legs the anchor does not trade that one option may open (at MinTrade's size, up to `reach` shares more). */
  readonly opened: number;
  /** Dollars above the account's floor its cash may end. */
  readonly cashWindow: number;
  /** Steps of the search an account and anchor (deterministic work); past it the account keeps what it found. */
  readonly work: number;
  /** Options kept an account and anchor (each holds a number per leg and per class). */
  readonly options: number;
  /**
   * With several legs traded, a smaller reach: the largest (up to `reach`) whose combinations of the
   * traded legs' counts stay within this many — so an anchor that trades two legs of an account can
   * move them far, one that trades eight cannot.
   */
  readonly combinations: number;
}

/** The reach for an account whose anchor trades `traded` legs (OptionLimits.combinations). */
export function reachWithin(limits: OptionLimits, traded: number): number {
  let reach = limits.reach;
  while (reach > 1 && (2 * reach + 2) ** traded > limits.combinations) reach--;
  return reach;
}

/** A leg's candidate counts and what each does, computed once. */
interface Candidate {
  readonly q: number;
  readonly opens: boolean;
  readonly accountCash: number;
  readonly classCash: number;
  readonly taxCost: number;
}

/** A plan to build options around (net quantity per leg, whole or fractional) and how far from it. */
export interface Anchor {
  readonly q: ArrayLike<number>;
  readonly limits: OptionLimits;
}

/**
 * The options of one account around each anchor, with `bought` the wash-sale groups taken as bought
 * household-wide: a group of `guarded` (one with loss lots to guard) outside it is never bought, and a
 * sell in it keeps to lots that are not losses — so any choice of options over the household keeps
 * the wash-sale rule. `incumbent` (whole, keeping every rule, `bought` taken from it) comes first.
 */
export function accountOptions(
  state: RepairState,
  account: number,
  anchors: readonly Anchor[],
  incumbent: ArrayLike<number>,
  bought: ReadonlySet<string>,
  guarded: ReadonlySet<string>,
): OptionTable {
  const legs = state.byAccount.get(account) ?? [];
  const classes = state.classValues().length;
  const cashClass = state.classTargets().cash;
  const effectOf = (i: number, q: number, opens: boolean): Candidate => {
    const e = state.legEffect(i, q, bought.has(state.facts[i].group));
    return { q, opens, ...e };
  };
  const allowed = (i: number, q: number) => {
    const f = state.facts[i];
    if (q === 0) return true;
    if (!state.legAllows(i, q)) return false;
    if (q > 0) return !guarded.has(f.group) || bought.has(f.group);
    return !bought.has(f.group) || -q <= f.safeShares + 1e-9;
  };
  const held = legs.map((i) => effectOf(i, incumbent[i], false));
  const table = new OptionTable(account, legs, classes);
  const moves = legs.map((i) => classMoves(state, i, classes, cashClass));
  const sum = new Sum(classes);
  held.forEach((h, j) => sum.add(h, moves[j]));
  table.push(held.map((h) => h.q), sum.delta, sum.taxCost, sum.trades);
  // The account's cash with no trade: today's, less what the incumbent's trades bring in.
  const cash = held.reduce((c, h) => c - h.accountCash, state.accountCash(account).cash);
  const { lowest } = state.accountCash(account);
  for (const { q: anchor, limits: given } of anchors) {
    const limits = { ...given, reach: reachWithin(given, legs.filter((i) => Math.abs(anchor[i]) > 1e-9).length) };
    const candidates = legs.map((i, j) => {
      const f = state.facts[i];
      const a = anchor[i];
      const values = new Set<number>([0]);
      if (Math.abs(a) > 1e-9) {
        for (let n = Math.ceil(a - limits.reach - 1e-9); n <= Math.floor(a + limits.reach + 1e-9); n++) values.add(n);
        if (f.canSellAll && -a >= f.sellMax - limits.reach - 1) values.add(-f.sellMax);
      }
      const list = [...values].filter((q) => q !== incumbent[i] && allowed(i, q)).map((q) => effectOf(i, q, false));
      if (Math.abs(a) <= 1e-9 && limits.opened > 0) {
        for (let k = 0; k <= limits.reach; k++) {
          for (const q of [f.minShares + k, -(f.minShares + k)]) if (q !== incumbent[i] && allowed(i, q)) list.push(effectOf(i, q, true));
        }
      }
      return [held[j], ...list];
    });
    enumerate(candidates, moves, classes, cash, lowest, limits, held, table);
  }
  return table;
}

/** What one share of a leg moves in each class (price × weight; its cash flow goes to Cash apart). */
function classMoves(state: RepairState, i: number, classes: number, cashClass: number): { readonly perShare: Float64Array; readonly cashClass: number } {
  const f = state.facts[i];
  const perShare = new Float64Array(classes);
  for (const [cls, w] of f.split) perShare[cls] += f.leg.price * w;
  return { perShare, cashClass };
}

type Moves = ReturnType<typeof classMoves>;

/** The running totals of an option being built: each class's change, tax + cost, trades. */
class Sum {
  readonly delta: Float64Array;
  taxCost = 0;
  trades = 0;

  constructor(classes: number) {
    this.delta = new Float64Array(classes);
  }

  add(c: Candidate, m: Moves, sign: 1 | -1 = 1): void {
    if (c.q === 0) return;
    for (let k = 0; k < m.perShare.length; k++) this.delta[k] += sign * c.q * m.perShare[k];
    this.delta[m.cashClass] += sign * c.classCash;
    this.taxCost += sign * c.taxCost;
    this.trades += sign;
  }
}

/**
 * Every combination of the legs' candidates (one each) that lands the account's cash between `lowest`
 * and `lowest` + the window, opening at most `limits.opened` legs, within `limits.work` steps; each
 * but the incumbent's (`held`) joins the table.
 */
function enumerate(
  candidates: readonly (readonly Candidate[])[],
  moves: readonly Moves[],
  classes: number,
  cash: number,
  lowest: number,
  limits: OptionLimits,
  held: readonly Candidate[],
  table: OptionTable,
): void {
  // Legs with the widest cash swings first, so the window prunes early; the suffix ranges bound what
  // the legs still to set can add.
  const order = candidates.map((_, k) => k).sort((x, y) => spread(candidates[y]) - spread(candidates[x]) || x - y);
  // Each leg's candidates by the cash they bring, so a level stops at the first beyond the window.
  const sorted = candidates.map((list) => list.map((c, k) => [c, k] as const).sort((x, y) => x[0].accountCash - y[0].accountCash || x[1] - y[1]).map(([c]) => c));
  const lowAfter = new Float64Array(order.length + 1);
  const highAfter = new Float64Array(order.length + 1);
  for (let k = order.length - 1; k >= 0; k--) {
    const c = candidates[order[k]];
    lowAfter[k] = lowAfter[k + 1] + Math.min(...c.map((x) => x.accountCash));
    highAfter[k] = highAfter[k + 1] + Math.max(...c.map((x) => x.accountCash));
  }
  const q = new Float64Array(candidates.length);
  const sum = new Sum(classes);
  let changed = 0;
  let work = 0;
  const full = table.count + limits.options;
  const visit = (k: number, cashSoFar: number, opened: number) => {
    if (work++ >= limits.work || table.count >= full) return;
    if (cashSoFar + highAfter[k] < lowest - 1e-9 || cashSoFar + lowAfter[k] > lowest + limits.cashWindow) return;
    if (k === order.length) {
      if (changed > 0) table.push(q, sum.delta, sum.taxCost, sum.trades);
      return;
    }
    const j = order[k];
    // The cash this leg may bring and still leave the rest a way into the window.
    const least = lowest - 1e-9 - highAfter[k + 1] - cashSoFar;
    const most = lowest + limits.cashWindow - lowAfter[k + 1] - cashSoFar;
    for (const c of sorted[j]) {
      if (c.accountCash < least || (c.opens && opened >= limits.opened)) continue;
      if (c.accountCash > most) break;
      q[j] = c.q;
      sum.add(c, moves[j]);
      if (c !== held[j]) changed++;
      visit(k + 1, cashSoFar + c.accountCash, opened + (c.opens ? 1 : 0));
      if (c !== held[j]) changed--;
      sum.add(c, moves[j], -1);
    }
  };
  visit(0, cash, 0);
}

function spread(c: readonly Candidate[]): number {
  return Math.max(...c.map((x) => x.accountCash)) - Math.min(...c.map((x) => x.accountCash));
}
