/**
 * A fractional plan (an LP's) rounded to one that keeps every rule: whole shares (buys down, sells to
 * the nearest), no trade below MinTrade, no loss lot sold where its group is bought, and each account
 * raised back to its cash floor by selling a little more (cheapest tax first) or buying a little less.
 * When that cannot be done the state falls back to doing nothing, which keeps every rule.
 */
import { netShares } from '../model';
import { RepairState } from './state';

/**
 * `keepTrades` raises an account short of its floor through the trades it already makes before it
 * opens a new one (raiseToFloor), for a relaxed plan whose trade set was chosen to be small.
 */
export function roundFrom(s: RepairState, x: ArrayLike<number>, keepTrades = false): void {
  const { pm, facts } = s;
  const wanted = pm.legs.map((leg, i) => {
    const net = netShares(leg, x);
    const f = facts[i];
    // keepTrades: sells round down too, so no lot is sold beyond the relaxed plan (tax only falls).
    let q = !s.whole ? net : net > 0 ? Math.floor(net + 1e-6) : keepTrades ? -Math.floor(-net + 1e-6) : -Math.round(-net);
    if (Math.abs(q) < 1e-9) q = 0;
    // The relaxed plan keeps bounds only to the solver's tolerance (10¹³ shares may come back as
    // 10¹³ + 0.002): clamp, or legAllows would drop the whole trade.
    q = Math.max(-f.sellMax, Math.min(f.buyMax, q));
    if (q < 0 && f.canSellAll && -q >= Math.floor(f.sellMax + 1e-9)) q = -f.sellMax;
    return q;
  });
  // Wash sales: where the fractional plan buys a group, that group's sells keep to lots that are not
  // losses (the relaxation may blend both). Trades below MinTrade start at zero.
  const bought = new Set(wanted.flatMap((q, i) => (q > 0 ? [facts[i].group] : [])));
  wanted.forEach((q, i) => {
    const f = facts[i];
    if (q < 0 && bought.has(f.group) && -q > f.safeShares + 1e-9) wanted[i] = -(s.whole ? Math.floor(f.safeShares + 1e-9) : f.safeShares);
    if (wanted[i] !== 0 && !s.legAllows(i, wanted[i])) wanted[i] = 0;
  });
  s.set(wanted);
  for (const a of s.byAccount.keys()) raiseToFloor(s, a, keepTrades);
  if (!s.keepsEveryRule()) s.set(new Float64Array(facts.length));
}

/** Rounds of raising one account's cash before giving up (each round sells or trims one leg). */
const RAISE_ROUNDS = 100_000;

/**
 * An account short of its floor sells more — the leg whose cheapest open lot costs least per dollar
 * first — and, when nothing is left to sell, buys less. With `keepTrades` it first buys less where it
 * buys and then sells more only where it already sells, so that no trade is added (and no more tax
 * than needed), and opens a new sell only when neither is left.
 */
function raiseToFloor(s: RepairState, a: number, keepTrades: boolean): void {
  const legs = s.byAccount.get(a) ?? [];
  for (let round = 0; round < RAISE_ROUNDS && !s.accountOk(a); round++) {
    const move = (keepTrades ? buyLess(s, legs) ?? sellMore(s, a, legs, true) : null) ?? sellMore(s, a, legs, false) ?? buyLess(s, legs);
    if (!move) return;
    s.apply([[move.i, move.q - s.q[move.i]]], 1);
  }
}

/** The cheapest leg to sell more of (per dollar of its cheapest lot), or null; `onlySelling`: only legs that sell already. */
function sellMore(s: RepairState, a: number, legs: readonly number[], onlySelling: boolean): { i: number; q: number } | null {
  let best: { i: number; q: number; rank: number } | null = null;
  for (const i of legs) {
    const f = s.facts[i];
    const q = s.q[i];
    if (q > 0 || f.sellMax <= 0 || (onlySelling && q === 0)) continue;
    const cap = s.groupBought(f.group) ? f.safeShares : f.sellMax;
    const shortfall = s.shortfall(a) / f.sellCash;
    // A fractional step never below what floating point can add to q (at 10¹⁰ shares, 2e-6).
    const fractional = Math.max(shortfall, Math.abs(q) * 1e-15);
    // Whole shares: the shortfall's worth at once (one share at a time took 10⁵ rounds at $0.001).
    const wholeStep = Math.max(1, Math.ceil(shortfall - 1e-9));
    const step = q === 0 ? Math.max(f.minShares, s.whole ? wholeStep : fractional) : s.whole ? wholeStep : fractional;
    const next = Math.min(-q + step, cap);
    if (next <= -q + 1e-9 || !s.legAllows(i, -next)) continue;
    const rank = (f.leg.tiers[0]?.taxPerShare ?? 0) / f.leg.price;
    if (!best || rank < best.rank) best = { i, q: -next, rank };
  }
  return best;
}

/** The account's largest buy made smaller by the shortfall (or dropped), or null when it buys nothing. */
function buyLess(s: RepairState, legs: readonly number[]): { i: number; q: number } | null {
  const buy = legs.filter((i) => s.q[i] > 0).sort((x, y) => s.q[y] * s.facts[y].leg.price - s.q[x] * s.facts[x].leg.price)[0];
  if (buy === undefined) return null;
  // Buy less by the shortfall (not all of it: a relaxed plan of $10¹² may overspend by a dollar within
  // the solver's tolerance, and dropping the whole buy would throw the plan away).
  const short = s.shortfall(s.facts[buy].account) / s.facts[buy].buyCash;
  const fewer = s.whole ? Math.max(1, Math.ceil(short - 1e-9)) : Math.max(short * (1 + 1e-9) + 1e-9, s.q[buy] * 1e-15);
  const smaller = s.q[buy] - fewer;
  return { i: buy, q: smaller > 0 && s.legAllows(buy, smaller) ? smaller : 0 };
}
