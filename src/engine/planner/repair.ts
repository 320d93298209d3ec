/**
 * Whole-share repair. The fractional plan (an LP) is rounded to whole shares, made to keep every
 * rule, then improved by local search: single-leg and same-account pair moves of a few shares (or
 * of a MinTrade-sized step), kept when they lower D. Drift in whole shares is a knapsack-like
 * problem on which branch and bound finds good plans slowly; this search finds one in milliseconds,
 * and HiGHS then starts from it (and proves how close it is). Net quantity per leg: q > 0 buys,
 * q < 0 sells; a leg never does both.
 */
import { isWhole } from './book';
import { groupKey, roundingCent } from './constraints';
import { Leg } from './legs';
import { PlannerModel } from './model';

/** Changes of quantity, leg by leg. */
type Move = readonly (readonly [leg: number, delta: number])[];

interface LegFacts {
  readonly leg: Leg;
  readonly account: number;
  /** Index in book.classes, or -1 for an untargeted holding. */
  readonly cls: number;
  readonly buyMax: number;
  /** Shares that may be sold (lots not blocked by a recent purchase). */
  readonly sellMax: number;
  /** Whether every share may be sold (so "sell all", with a fractional remainder, is possible). */
  readonly canSellAll: boolean;
  /** Shares in lots that are not taxable losses: what may still be sold when the group is bought. */
  readonly safeShares: number;
  readonly group: string;
  readonly minShares: number;
  /** Open lots, cheapest tax + cost per share first: the order sells take them. */
  readonly lots: readonly { readonly column: number; readonly shares: number; readonly isLoss: boolean; readonly cost: number }[];
  readonly buyCost: number;
  readonly tradeCost: number;
  /** Cash headroom per trade for rounding (see roundingCent). */
  readonly cent: number;
}

export class Repair {
  private readonly facts: LegFacts[];
  readonly q: Float64Array;
  private readonly value: Float64Array;
  private readonly cash: Float64Array;
  private readonly reserve: Float64Array;
  private readonly targetLow: Float64Array;
  private readonly targetHigh: Float64Array;
  private readonly cashClass: number;
  private readonly whole: boolean;
  // Money here is in dollars, like the solver's: minTradeDollars, perTrade (the commission), value, cash, reserve.
  private readonly minTradeDollars: number;
  private readonly perTrade: number;
  private readonly spread: number;
  private readonly byAccount = new Map<number, number[]>();
  private readonly byGroup = new Map<string, number[]>();
  private readonly swapCache = new Map<number, Move[]>();
  private readonly legCost: Float64Array;
  private costTotal = 0;
  /** 'drift' minimises D; 'taxCost' minimises tax + cost while D stays within driftCap. */
  private mode: 'drift' | 'taxCost' | 'trades' = 'drift';
  private driftCap = Infinity;
  private taxCap = Infinity;

  constructor(private readonly pm: PlannerModel) {
    const { book } = pm.ctx;
    const s = book.settings;
    this.whole = s.wholeShares;
    this.minTradeDollars = s.minTrade / 100;
    this.perTrade = s.commission / 100;
    this.spread = s.spreadBps / 10_000;
    const T = book.total / 100;
    this.value = Float64Array.from(book.classes.map((c) => pm.ctx.classValueToday(c.keyId) / 100));
    this.targetLow = Float64Array.from(book.classes.map((c) => (c.target - c.tolerance) * T));
    this.targetHigh = Float64Array.from(book.classes.map((c) => (c.target + c.tolerance) * T));
    this.cashClass = book.classes.findIndex((c) => c.isCash);
    this.cash = Float64Array.from(book.accounts.map((a) => (a.cash + a.account.contribution) / 100));
    // The same headroom as the model's rows (context.ts): 0 at everyday sizes.
    this.reserve = Float64Array.from(book.accounts.map((a) => a.account.reserve / 100 + pm.ctx.reserveSlack(a)));
    const coefficient = new Map(pm.model.objectiveTerms('taxCost'));
    const costOf = (c: number | null) => (c === null ? 0 : (coefficient.get(c) ?? 0));
    this.facts = pm.legs.map((leg) => {
      const open = leg.sells.filter((x) => pm.model.columns[x.column].upper > 0);
      const lots = open
        .map((x) => ({ column: x.column, shares: x.lot.shares, isLoss: x.lot.isLoss, cost: costOf(x.column) }))
        .sort((a, b) => a.cost - b.cost);
      const sellMax = open.reduce((t, x) => t + x.lot.shares, 0);
      return {
        leg,
        account: book.accounts.indexOf(leg.account),
        cls: book.classes.findIndex((c) => c.keyId === leg.keyId),
        buyMax: leg.buy === null ? 0 : pm.model.columns[leg.buy].upper,
        sellMax,
        canSellAll: leg.sells.length > 0 && open.length === leg.sells.length,
        safeShares: open.filter((x) => !x.lot.isLoss).reduce((t, x) => t + x.lot.shares, 0),
        group: groupKey(pm.ctx, leg),
        minShares: this.minTradeDollars > 0 ? Math.ceil((this.minTradeDollars + 0.01 + pm.ctx.slack) / leg.price) : 1,
        lots,
        buyCost: costOf(leg.buy),
        tradeCost: costOf(leg.buyOn ?? leg.sellOn),
        cent: roundingCent(pm.ctx, leg),
      };
    });
    this.q = new Float64Array(pm.legs.length);
    this.legCost = new Float64Array(pm.legs.length);
    this.facts.forEach((f, i) => this.byAccount.set(f.account, [...(this.byAccount.get(f.account) ?? []), i]));
    this.facts.forEach((f, i) => this.byGroup.set(f.group, [...(this.byGroup.get(f.group) ?? []), i]));
  }

  /** What the current mode minimises. */
  score(): number {
    if (this.mode === 'drift') return this.drift();
    if (this.drift() > this.driftCap + 1e-9) return Infinity;
    if (this.mode === 'taxCost') return this.costTotal;
    if (this.costTotal > this.taxCap + 1e-9) return Infinity;
    let trades = 0;
    for (let i = 0; i < this.q.length; i++) if (this.q[i] !== 0) trades++;
    return trades + this.costTotal * 1e-9;
  }

  /**
   * Third stage: fewer trades, never letting D exceed `driftCap` nor tax + cost `taxCap` — drop a
   * trade, alone or with one other leg of its account adjusted to take its place.
   */
  minimiseTrades(driftCap: number, taxCap: number, deadline = Infinity, now: () => number = () => 0): void {
    this.mode = 'trades';
    this.driftCap = driftCap;
    this.taxCap = taxCap;
    for (let pass = 0; pass < 20 && now() < deadline; pass++) {
      let improved = false;
      for (let i = 0; i < this.q.length; i++) {
        if (this.q[i] === 0) continue;
        const moves: Move[] = [[[i, -this.q[i]]]];
        for (const j of this.byAccount.get(this.facts[i].account) ?? []) {
          if (j === i) continue;
          for (const qj of this.steps(j)) moves.push([[i, -this.q[i]], [j, qj - this.q[j]]]);
        }
        improved = this.bestOf(moves) || improved;
      }
      if (!improved) break;
    }
    this.mode = 'drift';
  }

  /** Estimated tax plus trading cost of the current state (the model's second objective). */
  taxCost(): number {
    return this.costTotal;
  }

  /** Second stage: lower tax + cost by local moves, never letting D exceed `cap`. */
  minimiseTaxCost(cap: number, deadline = Infinity, now: () => number = () => 0): void {
    this.mode = 'taxCost';
    this.driftCap = cap;
    this.improve(-Infinity, deadline, now, 8);
    this.mode = 'drift';
  }

  /** Tax + cost of one leg: its sell takes the cheapest lots (loss lots only while its group is not bought). */
  private legTaxCost(i: number): number {
    const q = this.q[i];
    if (q === 0) return 0;
    const f = this.facts[i];
    if (q > 0) return f.tradeCost + q * f.buyCost;
    const bought = (this.byGroup.get(f.group) ?? []).some((j) => this.q[j] > 0);
    let left = -q;
    let cost = f.tradeCost;
    for (const lot of f.lots) {
      if (bought && lot.isLoss) continue;
      const take = Math.min(left, lot.shares);
      cost += take * lot.cost;
      left -= take;
      if (left <= 1e-12) break;
    }
    return cost;
  }

  /** Takes the net quantity of every leg from a model solution (e.g. one HiGHS found). */
  load(x: ArrayLike<number>): void {
    const move: [number, number][] = this.pm.legs.map((leg, i) => {
      const bought = leg.buy === null ? 0 : x[leg.buy];
      const sold = leg.sells.reduce((t, s) => t + x[s.column], 0);
      const q = Math.abs(bought - sold) < 1e-9 ? 0 : this.whole && Math.abs(bought - sold - Math.round(bought - sold)) < 1e-6 ? Math.round(bought - sold) : bought - sold;
      return [i, q - this.q[i]];
    });
    this.apply(move, 1);
  }

  /** Drift beyond tolerance of the current state, in dollars. */
  drift(): number {
    let d = 0;
    for (let c = 0; c < this.value.length; c++) d += Math.max(0, this.value[c] - this.targetHigh[c], this.targetLow[c] - this.value[c]);
    return d;
  }

  /**
   * Starts from a fractional plan: rounded, repaired until every rule holds, then improved until D
   * is at most `goodEnough` or no move helps (or the clock passes `deadline`).
   */
  startFrom(x: ArrayLike<number>, goodEnough = 0, deadline = Infinity, now: () => number = () => 0): void {
    const wanted = this.pm.legs.map((leg, i) => {
      const bought = leg.buy === null ? 0 : x[leg.buy];
      const sold = leg.sells.reduce((t, s) => t + x[s.column], 0);
      const f = this.facts[i];
      let q = !this.whole ? bought - sold : bought > sold ? Math.floor(bought - sold + 1e-6) : -Math.round(sold - bought);
      if (Math.abs(q) < 1e-9) q = 0;
      // The relaxed plan keeps bounds only to the solver's tolerance (10¹³ shares may come back as
      // 10¹³ + 0.002): clamp, or legAllows would drop the whole trade.
      q = Math.max(-f.sellMax, Math.min(f.buyMax, q));
      if (q < 0 && f.canSellAll && -q >= Math.floor(f.sellMax + 1e-9)) q = -f.sellMax;
      return q;
    });
    // Wash sales: where the fractional plan buys a group, that group's sells keep to lots that are
    // not losses (the relaxation may blend both). Trades below MinTrade start at zero.
    const bought = new Set(wanted.flatMap((q, i) => (q > 0 ? [this.facts[i].group] : [])));
    wanted.forEach((q, i) => {
      const f = this.facts[i];
      if (q < 0 && bought.has(f.group) && -q > f.safeShares + 1e-9) wanted[i] = -(this.whole ? Math.floor(f.safeShares + 1e-9) : f.safeShares);
      if (wanted[i] !== 0 && !this.legAllows(i, wanted[i])) wanted[i] = 0;
    });
    this.apply(wanted.map((q, i) => [i, q - this.q[i]] as const), 1);
    for (const a of this.byAccount.keys()) this.raiseReserve(a);
    if (![...this.byAccount.keys()].every((a) => this.accountOk(a)) || ![...this.byGroup.keys()].every((g) => this.washOk(g))) {
      this.apply(this.pm.legs.map((_, i) => [i, -this.q[i]] as const), 1); // fall back to no trade
    }
    if (this.drift() <= goodEnough) return;
    this.improve(goodEnough, deadline, now);
    for (let round = 0; round < 8 && this.drift() > goodEnough && now() < deadline && this.improveAcrossAccounts(); round++) {
      this.improve(goodEnough, deadline, now);
    }
  }

  /**
   * An account short of its reserve sells more — the leg whose cheapest open lot costs least per
   * dollar first — and, when nothing is left to sell, buys less.
   */
  private raiseReserve(a: number): void {
    const legs = this.byAccount.get(a) ?? [];
    for (let guard = 0; guard < 100_000 && !this.accountOk(a); guard++) {
      let best: { i: number; q: number; rank: number } | null = null;
      for (const i of legs) {
        const f = this.facts[i];
        const q = this.q[i];
        if (q > 0 || !f.leg.sellable) continue;
        const cap = this.groupBought(f.group) ? f.safeShares : f.sellMax;
        const shortfall = (this.reserve[a] - this.cash[a]) / f.leg.price;
        // A fractional step never below what floating point can add to q (at 10¹⁰ shares, 2e-6).
        const fractional = Math.max(shortfall, Math.abs(q) * 1e-15);
        // Whole shares: the shortfall's worth at once (one share at a time took 10⁵ rounds at $0.001).
        const wholeStep = Math.max(1, Math.ceil(shortfall - 1e-9));
        const step = q === 0 ? Math.max(f.minShares, this.whole ? wholeStep : fractional) : this.whole ? wholeStep : fractional;
        const next = Math.min(-q + step, cap);
        if (next <= -q + 1e-9 || !this.legAllows(i, -next)) continue;
        const rank = (f.lots[0]?.cost ?? 0) / f.leg.price;
        if (!best || rank < best.rank) best = { i, q: -next, rank };
      }
      if (!best) {
        const buy = legs.filter((i) => this.q[i] > 0).sort((x, y) => this.q[y] * this.facts[y].leg.price - this.q[x] * this.facts[x].leg.price)[0];
        if (buy === undefined) return;
        // Buy less by the shortfall (not all of it: a relaxed plan of $10¹² may overspend by a dollar
        // within the solver's tolerance, and dropping the whole buy would throw the plan away).
        const perShare = this.facts[buy].leg.price * (1 + this.spread);
        const short = (this.reserve[a] - this.cash[a]) / perShare;
        const fewer = this.whole ? Math.max(1, Math.ceil(short - 1e-9)) : Math.max(short * (1 + 1e-9) + 1e-9, this.q[buy] * 1e-15);
        const smaller = this.q[buy] - fewer;
        best = { i: buy, q: smaller > 0 && this.legAllows(buy, smaller) ? smaller : 0, rank: 0 };
      }
      this.apply([[best.i, best.q - this.q[best.i]]], 1);
    }
  }

  private groupBought(group: string): boolean {
    return (this.byGroup.get(group) ?? []).some((i) => this.q[i] > 0);
  }

  /** Local search until no move lowers D (or the work cap is reached). */
  improve(goodEnough = 0, deadline = Infinity, now: () => number = () => 0, maxPasses = 40): void {
    const done = () => this.score() <= goodEnough || now() >= deadline;
    for (let pass = 0; pass < maxPasses && !done(); pass++) {
      let improved = false;
      for (const legs of this.byAccount.values()) {
        for (const i of legs) improved = this.bestOf(this.steps(i).map((q) => [[i, q - this.q[i]]] as Move)) || improved;
      }
      if (improved) continue;
      // Pairs only once no single move helps: they cost the square of the account's legs.
      for (const legs of this.byAccount.values()) {
        for (const i of legs) {
          for (const j of legs) {
            if (j <= i || done()) continue;
            const moves: Move[] = [];
            for (const qi of this.steps(i)) for (const qj of this.steps(j)) moves.push([[i, qi - this.q[i]], [j, qj - this.q[j]]]);
            improved = this.bestOf(moves) || improved;
          }
        }
      }
      if (!improved) return;
    }
  }

  /**
   * Two accounts at once: a cash-neutral swap between two legs of one account (which may raise D on
   * its own) followed by the best such swap in another account — e.g. one account moves from bonds
   * to stocks while another moves the other way, so both end with less idle cash.
   */
  improveAcrossAccounts(keep = 12): boolean {
    const accounts = [...this.byAccount.keys()];
    for (const a of accounts) {
      const start = this.score();
      const first: { m: Move; d: number }[] = [];
      for (const m of this.swapsOf(a)) {
        const d = this.tryAndUndo(m);
        if (d !== null) first.push({ m, d });
      }
      first.sort((x, y) => x.d - y.d);
      let best: { moves: Move[]; d: number } | null = null;
      for (const { m } of first.slice(0, keep)) {
        if (!this.tryMove(m)) continue;
        for (const b of accounts) {
          if (b === a) continue;
          for (const m2 of this.swapsOf(b)) {
            const d = this.tryAndUndo(m2);
            if (d !== null && d < (best?.d ?? start - 1e-6)) best = { moves: [m, m2], d };
          }
        }
        this.apply(m, -1);
      }
      if (best) {
        for (const m of best.moves) this.tryMove(m);
        return true;
      }
    }
    return false;
  }

  /** D after the move, or null when it breaks a rule; the state is left unchanged. */
  private tryAndUndo(move: Move): number | null {
    if (!this.tryMove(move)) return null;
    const d = this.score();
    this.apply(move, -1);
    return d;
  }

  /** Cash-neutral pair moves in one account (as deltas): d shares of one leg against another's value. */
  private swapsOf(account: number): Move[] {
    const cached = this.swapCache.get(account);
    if (cached) return cached;
    const legs = this.byAccount.get(account) ?? [];
    const moves: Move[] = [];
    const unit = this.whole ? 1 : 0.01;
    for (const i of legs) {
      for (const j of legs) {
        if (i === j) continue;
        for (const d of [1, 2, 3, 5, 8, 13, 21, 34]) {
          for (const sign of [1, -1]) {
            const r = Math.round((-sign * d * this.facts[i].leg.price) / this.facts[j].leg.price);
            for (const e of [-1, 0, 1]) moves.push([[i, sign * d * unit], [j, (r + e) * unit]]);
          }
        }
      }
    }
    this.swapCache.set(account, moves);
    return moves;
  }

  /** Candidate quantities for one leg near its current one. */
  private steps(i: number): number[] {
    const f = this.facts[i];
    const q = this.q[i];
    const out = new Set<number>([0]);
    const unit = this.whole ? 1 : Math.max(1e-3, f.minShares / 10);
    for (const d of [1, 2, 3, 5, 8]) {
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

  /** Applies the best improving move of the list; false when none improves D. */
  private bestOf(moves: readonly Move[]): boolean {
    let best: Move | null = null;
    let bestDrift = this.score() - 1e-6;
    for (const move of moves) {
      const d = this.tryAndUndo(move);
      if (d !== null && d < bestDrift) {
        bestDrift = d;
        best = move;
      }
    }
    if (best) this.tryMove(best);
    return best !== null;
  }

  /** Applies the move (deltas) if every rule still holds; otherwise leaves the state unchanged. */
  private tryMove(move: Move): boolean {
    for (const [i, d] of move) if (d !== 0 && !this.legAllows(i, this.q[i] + d)) return false;
    this.apply(move, 1);
    for (const [i] of move) {
      const f = this.facts[i];
      if (!this.accountOk(f.account) || !this.washOk(f.group)) {
        this.apply(move, -1);
        return false;
      }
    }
    return true;
  }

  private legAllows(i: number, q: number): boolean {
    const f = this.facts[i];
    if (q === 0) return true;
    if (q > 0) {
      if (q > f.buyMax || (this.whole && !isWhole(q))) return false;
      return this.minTradeDollars <= 0 || q * f.leg.price >= this.minTradeDollars + f.cent + this.pm.ctx.slack;
    }
    const sold = -q;
    const all = f.canSellAll && Math.abs(sold - f.sellMax) < 1e-9;
    if (all) return true;
    if (sold > f.sellMax + 1e-9 || (this.whole && !isWhole(sold))) return false;
    return this.minTradeDollars <= 0 || sold * f.leg.price >= this.minTradeDollars + f.cent + this.pm.ctx.slack;
  }

  private accountOk(a: number): boolean {
    // Half the account's slack (0 at everyday sizes): cash summed over $10¹⁰ trades is exact only to
    // about 1e-6, and the reserve here already carries the whole slack, so the real reserve still holds.
    const book = this.pm.ctx.book;
    return this.cash[a] >= this.reserve[a] - 1e-9 - this.pm.ctx.reserveSlack(book.accounts[a]) / 2 || !book.accounts[a].account.tradable;
  }

  private washOk(group: string): boolean {
    const members = this.byGroup.get(group) ?? [];
    if (!members.some((i) => this.q[i] > 0)) return true;
    return members.every((i) => this.q[i] >= 0 || -this.q[i] <= this.facts[i].safeShares + 1e-9);
  }

  /** Adds sign × the move's deltas, keeping class values and account cash in step. */
  private apply(move: Move, sign: 1 | -1): void {
    for (const [i, delta] of move) {
      if (delta === 0) continue;
      const f = this.facts[i];
      const old = this.q[i];
      const q = old + sign * delta;
      const dCash = this.flow(f, q) - this.flow(f, old);
      const dTrade = (q !== 0 ? 1 : 0) - (old !== 0 ? 1 : 0);
      this.cash[f.account] += dCash - dTrade * f.cent;
      this.value[this.cashClass] += dCash;
      if (f.cls >= 0 && f.cls !== this.cashClass) this.value[f.cls] += (q - old) * f.leg.price;
      this.q[i] = Math.abs(q) < 1e-12 ? 0 : q;
    }
    for (const [i, delta] of move) {
      if (delta === 0) continue;
      for (const j of this.byGroup.get(this.facts[i].group) ?? []) {
        const cost = this.legTaxCost(j);
        this.costTotal += cost - this.legCost[j];
        this.legCost[j] = cost;
      }
    }
  }

  /** Cash a leg's trade brings in: sells less spread, buys plus spread, less commission. */
  private flow(f: LegFacts, q: number): number {
    if (q === 0) return 0;
    return (q > 0 ? -q * f.leg.price * (1 + this.spread) : -q * f.leg.price * (1 - this.spread)) - this.perTrade;
  }

  /** The state as a full column vector of the model, usable as a HiGHS start. */
  columns(): Float64Array {
    const { pm } = this;
    const x = new Float64Array(pm.model.columns.length);
    const bought = new Set<string>();
    this.facts.forEach((f, i) => {
      const q = this.q[i];
      const leg = f.leg;
      if (q > 0) {
        x[leg.buy!] = q;
        x[leg.buyOn!] = 1;
        bought.add(f.group);
      }
    });
    this.facts.forEach((f, i) => {
      const q = this.q[i];
      if (q < 0) this.sellColumns(x, f, -q, bought.has(f.group));
    });
    for (const [group, column] of pm.groupBought) x[column] = bought.has(group) ? 1 : 0;
    for (const [e, over, under] of pm.driftRows) {
      const activity = (r: number) => pm.model.rows[r].terms.reduce((t, [c, a]) => (c === e ? t : t + a * x[c]), 0);
      x[e] = Math.max(0, pm.model.rows[over].lower - activity(over), pm.model.rows[under].lower - activity(under));
    }
    return x;
  }

  /** Sells `shares` from the lots with the least tax per share first (loss lots only if allowed). */
  private sellColumns(x: Float64Array, f: LegFacts, shares: number, groupBought: boolean): void {
    const { leg } = f;
    const all = f.canSellAll && Math.abs(shares - f.sellMax) < 1e-9;
    const lots = f.lots.filter((l) => !(groupBought && l.isLoss));
    let left = shares;
    for (const lot of lots) {
      const take = Math.min(left, lot.shares);
      x[lot.column] = take;
      left -= take;
      if (left <= 1e-12) break;
    }
    x[leg.sellOn!] = 1;
    if (leg.sellsAll !== null) x[leg.sellsAll] = all ? 1 : 0;
    if (leg.wholeSold !== null) x[leg.wholeSold] = all ? Math.floor(leg.shares + 1e-9) : Math.round(shares);
  }
}
