/**
 * Local search over whole-share plans: moves of a few shares (or of a MinTrade-sized step) on one leg,
 * on two legs of one account, or cash-neutral swaps in two accounts at once, kept when they lower
 * the score. What the score is — D, tax + cost under a drift cap, trades under both caps — is passed
 * in, and the effort is counted in moves tried, so the same household always gets the same plan.
 */
import { CASH_KEY } from '../book';
import { Move, RepairState } from './state';

/** What a search minimises; Infinity where a cap is broken. */
export type Score = (s: RepairState) => number;

export const byDrift: Score = (s) => s.drift();

/** Tax + cost, with D no more than `driftCap`. */
export function byTaxCost(driftCap: number): Score {
  return (s) => (s.drift() > driftCap + 1e-9 ? Infinity : s.taxCost());
}

/** Trades, with D and tax + cost within their caps; tax + cost breaks ties. */
export function byTrades(driftCap: number, taxCap: number): Score {
  return (s) => (s.drift() > driftCap + 1e-9 || s.taxCost() > taxCap + 1e-9 ? Infinity : s.tradeCount() + s.taxCost() * 1e-9);
}

/**
 * First inside both caps — by how much a plan breaks them (dollars) scores above every plan inside —
 * then fewest trades: for a rounded plan that may start outside them.
 */
export function byCapsThenTrades(driftCap: number, taxCap: number): Score {
  return (s) => {
    // A dollar over the tax cap weighs far more than a dollar of drift: drift is brought back with
    // buys and cash, which cost no tax, before a sell is made larger.
    const broken = Math.max(0, s.drift() - driftCap) + TAX_OVER_DRIFT * Math.max(0, s.taxCost() - taxCap);
    return broken > 1e-9 ? OUTSIDE_CAPS + broken : s.tradeCount() + s.taxCost() * 1e-9;
  };
}

/** Above any number of trades. */
const OUTSIDE_CAPS = 1e9;
const TAX_OVER_DRIFT = 1e3;

/**
 * A budget of moves tried: deterministic work, unlike a clock. The clock (TimeLimit) is only the
 * safety net: it is read every CLOCK_EVERY moves, and when it has run out the search stops and says so.
 */
export class Effort {
  private used = 0;
  private timedOut = false;

  constructor(
    private readonly limit: number,
    private readonly outOfTime: () => boolean = () => false,
  ) {}

  /** Counts one move tried; false once the budget is spent. */
  spend(): boolean {
    if (this.used >= this.limit || this.timedOut) return false;
    this.used++;
    if (this.used % CLOCK_EVERY === 0 && this.outOfTime()) this.timedOut = true;
    return !this.timedOut;
  }

  get exhausted(): boolean {
    return this.used >= this.limit || this.timedOut;
  }

  /** True when the safety net's clock, not the budget, stopped the search. */
  get stoppedByClock(): boolean {
    return this.timedOut;
  }
}

const CLOCK_EVERY = 1024;

/** Fibonacci-like steps: a few shares, then larger jumps, so one pass reaches far without trying every count. */
const STEPS = [1, 2, 3, 5, 8] as const;
const SWAP_STEPS = [1, 2, 3, 5, 8, 13, 21, 34] as const;

export class Search {
  private readonly swapCache = new Map<number, Move[]>();

  constructor(
    readonly state: RepairState,
    private readonly effort: Effort,
  ) {}

  /**
   * Single-leg moves until none helps, then pairs within an account; stops at `goal` or when the effort
   * is spent. `movable` limits the legs moved (e.g. only those that trade, so no trade is added).
   */
  improve(score: Score, goal = -Infinity, maxPasses = MAX_PASSES, movable: (leg: number) => boolean = () => true): void {
    const s = this.state;
    const done = () => score(s) <= goal || this.effort.exhausted;
    for (let pass = 0; pass < maxPasses && !done(); pass++) {
      let improved = false;
      for (const legs of s.byAccount.values()) {
        for (const i of legs) if (movable(i)) improved = this.bestOf(score, this.steps(i).map((q) => [[i, q - s.q[i]]] as Move)) || improved;
      }
      if (improved) continue;
      // Pairs only once no single move helps: they cost the square of the account's legs.
      for (const legs of s.byAccount.values()) {
        for (const i of legs) {
          for (const j of legs) {
            if (j <= i || done() || !movable(i) || !movable(j)) continue;
            const moves: Move[] = [];
            for (const qi of this.steps(i)) for (const qj of this.steps(j)) moves.push([[i, qi - s.q[i]], [j, qj - s.q[j]]]);
            improved = this.bestOf(score, moves) || improved;
          }
        }
      }
      if (!improved) return;
    }
  }

  /**
   * Two accounts at once: a cash-neutral swap between two legs of one account (which may raise the
   * score on its own) followed by the best such swap in another account — e.g. one account moves
   * from bonds to stocks while another moves the other way, so both end with less idle cash.
   */
  acrossAccounts(score: Score, keep = SWAPS_KEPT): boolean {
    const s = this.state;
    const accounts = [...s.byAccount.keys()];
    for (const a of accounts) {
      const start = score(s);
      const first: { m: Move; d: number }[] = [];
      for (const m of this.swapsOf(a)) {
        const d = this.tryAndUndo(score, m);
        if (d !== null) first.push({ m, d });
      }
      first.sort((x, y) => x.d - y.d);
      let best: { moves: Move[]; d: number } | null = null;
      for (const { m } of first.slice(0, keep)) {
        if (!s.tryMove(m)) continue;
        for (const b of accounts) {
          if (b === a) continue;
          for (const m2 of this.swapsOf(b)) {
            const d = this.tryAndUndo(score, m2);
            if (d !== null && d < (best?.d ?? start - IMPROVEMENT)) best = { moves: [m, m2], d };
          }
        }
        s.apply(m, -1);
      }
      if (best) {
        for (const m of best.moves) s.tryMove(m);
        return true;
      }
      if (this.effort.exhausted) return false;
    }
    return false;
  }

  /** Fewer trades: drop a trade, alone or with one other leg of its account adjusted to take its place. */
  dropTrades(score: Score): void {
    const s = this.state;
    for (let pass = 0; pass < MAX_PASSES && !this.effort.exhausted; pass++) {
      let improved = false;
      for (let i = 0; i < s.q.length; i++) {
        if (s.q[i] === 0) continue;
        const moves: Move[] = [[[i, -s.q[i]]]];
        for (const j of s.byAccount.get(s.facts[i].account) ?? []) {
          if (j === i) continue;
          for (const qj of this.steps(j)) moves.push([[i, -s.q[i]], [j, qj - s.q[j]]]);
        }
        improved = this.bestOf(score, moves) || improved;
      }
      if (!improved) break;
    }
  }

  /**
   * Fewer trades across accounts: drop trade i (class c, account A) and let a trade of c in another
   * account B take its value v; the cash goes back through a class d traded in both — A trades v more
   * of d, B v less. Class values and each account's cash stay as they were, to a share's rounding
   * (whole shares: the last leg also tries one share either way).
   */
  dropAcross(score: Score): void {
    const s = this.state;
    const trading = (k: number) => s.q[k] !== 0 && s.facts[k].cls >= 0 && s.facts[k].leg.keyId !== CASH_KEY;
    const shares = (value: number, k: number) => (s.whole ? Math.round(value / s.facts[k].leg.price) : value / s.facts[k].leg.price);
    for (let pass = 0; pass < MAX_PASSES && !this.effort.exhausted; pass++) {
      let improved = false;
      for (let i = 0; i < s.q.length; i++) {
        if (!trading(i)) continue;
        const fi = s.facts[i];
        const v = s.q[i] * fi.leg.price;
        const moves: Move[] = [];
        for (let m = 0; m < s.q.length; m++) {
          const fm = s.facts[m];
          if (m === i || fm.account === fi.account || fm.cls !== fi.cls || !trading(m)) continue;
          for (const j of s.byAccount.get(fi.account) ?? []) {
            const fj = s.facts[j];
            if (j === i || fj.cls === fi.cls || !trading(j)) continue;
            for (const n of s.byAccount.get(fm.account) ?? []) {
              if (s.facts[n].cls !== fj.cls || !trading(n)) continue;
              const dn = shares(-v, n);
              for (const e of s.whole ? [0, -1, 1] : [0]) moves.push([[i, -s.q[i]], [m, shares(v, m)], [j, shares(v, j)], [n, dn + e]]);
            }
          }
        }
        if (moves.length > 0) improved = this.bestOf(score, moves) || improved;
      }
      if (!improved) break;
    }
  }

  /** Candidate quantities for one leg near its current one. */
  private steps(i: number): number[] {
    const s = this.state;
    const f = s.facts[i];
    const q = s.q[i];
    const out = new Set<number>([0]);
    const unit = s.whole ? 1 : Math.max(1e-3, f.minShares / 10);
    for (const d of STEPS) {
      out.add(q + d * unit);
      out.add(q - d * unit);
    }
    if (q === 0) {
      out.add(f.minShares);
      out.add(-f.minShares);
      out.add(f.minShares + 1);
      out.add(-f.minShares - 1);
    }
    if (f.canSellAll) out.add(-f.sellMax);
    out.delete(q);
    return [...out];
  }

  /** Cash-neutral pair moves in one account (as deltas): d shares of one leg against another's value. */
  private swapsOf(account: number): Move[] {
    const cached = this.swapCache.get(account);
    if (cached) return cached;
    const s = this.state;
    const legs = s.byAccount.get(account) ?? [];
    const moves: Move[] = [];
    const unit = s.whole ? 1 : 0.01;
    for (const i of legs) {
      for (const j of legs) {
        if (i === j) continue;
        for (const d of SWAP_STEPS) {
          for (const sign of [1, -1]) {
            const r = Math.round((-sign * d * s.facts[i].leg.price) / s.facts[j].leg.price);
            for (const e of [-1, 0, 1]) moves.push([[i, sign * d * unit], [j, (r + e) * unit]]);
          }
        }
      }
    }
    this.swapCache.set(account, moves);
    return moves;
  }

  /** Applies the best improving move of the list; false when none improves the score. */
  private bestOf(score: Score, moves: readonly Move[]): boolean {
    let best: Move | null = null;
    let bestScore = score(this.state) - IMPROVEMENT;
    for (const move of moves) {
      const d = this.tryAndUndo(score, move);
      if (d !== null && d < bestScore) {
        bestScore = d;
        best = move;
      }
    }
    if (best) this.state.tryMove(best);
    return best !== null;
  }

  /** The score after the move, or null when it breaks a rule or the effort is spent; the state is left unchanged. */
  private tryAndUndo(score: Score, move: Move): number | null {
    if (!this.effort.spend()) return null;
    if (!this.state.tryMove(move)) return null;
    const d = score(this.state);
    this.state.apply(move, -1);
    return d;
  }
}

/** Passes over every leg before a search gives up improving. */
const MAX_PASSES = 40;
/** How many first-account swaps the two-account search follows up. */
const SWAPS_KEPT = 12;
/** A move must lower the score by more than this (dollars, or trades) to count: no churning on rounding. */
const IMPROVEMENT = 1e-6;
