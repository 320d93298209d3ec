/**
 * A whole plan as the repair holds it: the net quantity q of every leg (q > 0 buys, q < 0 sells; a
 * leg never does both), with each class's value, each account's cash and each leg's tax + cost kept
 * in step as moves are applied. Every rule is checked with the same numbers the model's rows use
 * (rules.ts, sell-order.ts), so a state the repair accepts is a plan the model accepts.
 */
import { isWhole } from '../book';
import { groupKey } from '../constraints';
import { Leg } from '../legs';
import { netShares, PlannerModel, withLots } from '../model';
import { buyCashPerShare, cashFloor, commission, minTradeFloor, roundingCent, sellCashPerShare, spreadPerShare } from '../rules';
import { openShares, safeShares, taxOfSelling } from '../sell-order';

/** Changes of quantity, leg by leg. */
export type Move = readonly (readonly [leg: number, delta: number])[];

export interface LegFacts {
  readonly leg: Leg;
  readonly account: number;
  /** Index in book.classes, or -1 for an untargeted holding or a fund that spans classes. */
  readonly cls: number;
  /** The targeted classes a share moves (index in book.classes) and by what fraction of its price. */
  readonly split: readonly (readonly [cls: number, weight: number])[];
  readonly buyMax: number;
  /** Shares that may be sold (lots not blocked by a recent purchase). */
  readonly sellMax: number;
  /** Whether every share may be sold (so "sell all", with a fractional remainder, is possible). */
  readonly canSellAll: boolean;
  /** Shares in lots that are not taxable losses: what may still be sold when the group is bought. */
  readonly safeShares: number;
  readonly group: string;
  /** The smallest trade in shares that clears MinTrade (1 without MinTrade). */
  readonly minShares: number;
  readonly minDollars: number;
  /** Cash per share sold and bought, trading cost per share, and the cash rows' rounding cent (rules.ts). */
  readonly sellCash: number;
  readonly buyCash: number;
  readonly spread: number;
  readonly cent: number;
}

export class RepairState {
  readonly facts: readonly LegFacts[];
  readonly q: Float64Array;
  readonly whole: boolean;
  readonly byAccount = new Map<number, number[]>();
  /** Wash-sale groups by index (the hot path compares numbers, not keys): each leg's, and each group's legs. */
  private readonly groupIndex = new Map<string, number>();
  private readonly groupOf: Int32Array;
  private readonly groupLegs: number[][] = [];
  private readonly value: Float64Array;
  private readonly cash: Float64Array;
  private readonly floor: Float64Array;
  /** The cash below which an account breaks its floor (accountOk), or -Infinity for one that is not traded. */
  private readonly lowestCash: Float64Array;
  private readonly targetLow: Float64Array;
  private readonly targetHigh: Float64Array;
  private readonly cashClass: number;
  private readonly legCost: Float64Array;
  private readonly commission: number;
  private costTotal = 0;
  /** Per wash-sale group: how many legs buy it, and whether the legs' costs were priced with it bought (-1: not yet priced). */
  private readonly boughtCount: Int32Array;
  private readonly costedBought: Int8Array;
  private trades = 0;

  constructor(readonly pm: PlannerModel) {
    const { book } = pm.ctx;
    this.whole = book.settings.wholeShares;
    this.commission = commission(pm.ctx);
    const T = book.total / 100;
    this.value = Float64Array.from(book.classes.map((c) => pm.ctx.classValueToday(c.keyId) / 100));
    this.targetLow = Float64Array.from(book.classes.map((c) => (c.target - c.tolerance) * T));
    this.targetHigh = Float64Array.from(book.classes.map((c) => (c.target + c.tolerance) * T));
    this.cashClass = book.classes.findIndex((c) => c.isCash);
    this.cash = Float64Array.from(book.accounts.map((a) => (a.cash + a.account.contribution) / 100));
    this.floor = Float64Array.from(book.accounts.map((a) => cashFloor(pm.ctx, a)));
    // Half the account's slack (0 at everyday sizes): cash summed over $10¹⁰ trades is exact only to
    // about 1e-6, and the floor already carries the whole slack, so the real reserve still holds.
    this.lowestCash = Float64Array.from(book.accounts, (a, k) => (a.account.tradable ? this.floor[k] - 1e-9 - pm.ctx.reserveSlack(a) / 2 : -Infinity));
    const classIndex = new Map(book.classes.map((c, k) => [c.keyId, k]));
    this.facts = pm.legs.map((leg) => {
      const sellMax = leg.sell === null ? 0 : openShares(leg.tiers);
      const minDollars = minTradeFloor(pm.ctx, leg);
      return {
        leg,
        account: book.accounts.indexOf(leg.account),
        cls: leg.split.length === 1 && leg.split[0].keyId === leg.keyId ? (classIndex.get(leg.keyId) ?? -1) : -1,
        // A mix lists each class once (mix.ts, class-split.ts); an untargeted class moves no targeted value.
        split: leg.split.flatMap((s) => (classIndex.has(s.keyId) && s.weight > 0 ? [[classIndex.get(s.keyId)!, s.weight] as const] : [])),
        buyMax: leg.buy === null ? 0 : pm.model.columns[leg.buy].upper,
        sellMax,
        canSellAll: leg.sell !== null && sellMax >= leg.shares - 1e-9,
        safeShares: leg.sell === null ? 0 : safeShares(leg.tiers),
        group: groupKey(pm.ctx, leg),
        minShares: minDollars > 0 ? Math.ceil(minDollars / leg.price) : 1,
        minDollars,
        sellCash: sellCashPerShare(pm.ctx, leg),
        buyCash: buyCashPerShare(pm.ctx, leg),
        spread: spreadPerShare(pm.ctx, leg),
        cent: roundingCent(pm.ctx, leg),
      };
    });
    this.q = new Float64Array(pm.legs.length);
    this.legCost = new Float64Array(pm.legs.length);
    this.groupOf = new Int32Array(pm.legs.length);
    this.facts.forEach((f, i) => {
      this.byAccount.set(f.account, [...(this.byAccount.get(f.account) ?? []), i]);
      let g = this.groupIndex.get(f.group);
      if (g === undefined) {
        g = this.groupLegs.length;
        this.groupIndex.set(f.group, g);
        this.groupLegs.push([]);
      }
      this.groupOf[i] = g;
      this.groupLegs[g].push(i);
    });
    this.boughtCount = new Int32Array(this.groupLegs.length);
    this.costedBought = new Int8Array(this.groupLegs.length).fill(-1);
  }

  /** D of the state: drift beyond tolerance, in dollars. */
  drift(): number {
    let d = 0;
    for (let c = 0; c < this.value.length; c++) d += Math.max(0, this.value[c] - this.targetHigh[c], this.targetLow[c] - this.value[c]);
    return d;
  }

  /** Estimated tax plus trading cost (the model's second objective). */
  taxCost(): number {
    return this.costTotal;
  }

  /** Number of trades (the third objective). */
  tradeCount(): number {
    return this.trades;
  }

  groupBought(group: string): boolean {
    const g = this.groupIndex.get(group);
    return g !== undefined && this.boughtCount[g] > 0;
  }

  /** Each class's value now (book.classes' order, Cash included), in dollars. */
  classValues(): Float64Array {
    return Float64Array.from(this.value);
  }

  /** Each class's target band in dollars (low and high; equal when its tolerance is 0). */
  classTargets(): { readonly low: Float64Array; readonly high: Float64Array; readonly cash: number } {
    return { low: this.targetLow, high: this.targetHigh, cash: this.cashClass };
  }

  /** An account's cash now, and the least it may end with (accountOk). */
  accountCash(a: number): { readonly cash: number; readonly lowest: number } {
    return { cash: this.cash[a], lowest: this.lowestCash[a] };
  }

  /**
   * What one leg at quantity q does, from no trade: the cash it brings its account (the rounding cent
   * taken, as accountOk counts it), the cash it adds to the Cash class, and its tax + cost with its
   * group bought or not — the numbers apply() keeps, for a plan built leg by leg elsewhere.
   */
  legEffect(i: number, q: number, groupBought: boolean): { readonly accountCash: number; readonly classCash: number; readonly taxCost: number } {
    if (q === 0) return { accountCash: 0, classCash: 0, taxCost: 0 };
    const f = this.facts[i];
    const flow = this.flow(f, q);
    return { accountCash: flow - f.cent, classCash: flow, taxCost: this.taxCostAt(f, q, !groupBought) };
  }

  /** Whether every account keeps its cash floor and every wash-sale group its rule (what tryMove checks, for the whole plan). */
  keepsEveryRule(): boolean {
    for (const a of this.byAccount.keys()) if (!this.accountOk(a)) return false;
    for (let g = 0; g < this.groupLegs.length; g++) if (!this.washOkAt(g)) return false;
    return true;
  }

  /** The cash an account is short of its floor (0 when it is not). */
  shortfall(a: number): number {
    return Math.max(0, this.floor[a] - this.cash[a]);
  }

  /** Whether a leg may hold quantity q on its own: within its bounds, whole shares, MinTrade. */
  legAllows(i: number, q: number): boolean {
    const f = this.facts[i];
    if (q === 0) return true;
    if (q > 0) {
      if (q > f.buyMax || (this.whole && !isWhole(q))) return false;
      return q * f.leg.price >= f.minDollars;
    }
    const sold = -q;
    if (f.canSellAll && Math.abs(sold - f.sellMax) < 1e-9) return true; // the whole position: exempt from MinTrade
    if (sold > f.sellMax + 1e-9 || (this.whole && !isWhole(sold))) return false;
    return sold * f.leg.price >= f.minDollars;
  }

  accountOk(a: number): boolean {
    return this.cash[a] >= this.lowestCash[a];
  }

  washOk(group: string): boolean {
    const g = this.groupIndex.get(group);
    return g === undefined || this.washOkAt(g);
  }

  private washOkAt(g: number): boolean {
    if (this.boughtCount[g] === 0) return true;
    const legs = this.groupLegs[g];
    for (let k = 0; k < legs.length; k++) {
      const i = legs[k];
      if (this.q[i] < 0 && -this.q[i] > this.facts[i].safeShares + 1e-9) return false;
    }
    return true;
  }

  /** Applies the move if every rule still holds; otherwise leaves the state unchanged. */
  tryMove(move: Move): boolean {
    // Indexed loops, no destructuring: the repair tries hundreds of thousands of moves a draft, many of
    // them (on a fresh process) before V8 has optimised this code, and unoptimised iterators are slow.
    for (let k = 0; k < move.length; k++) {
      const i = move[k][0];
      const d = move[k][1];
      if (d !== 0 && !this.legAllows(i, this.q[i] + d)) return false;
    }
    this.apply(move, 1);
    for (let k = 0; k < move.length; k++) {
      const i = move[k][0];
      if (!this.accountOk(this.facts[i].account) || !this.washOkAt(this.groupOf[i])) {
        this.apply(move, -1);
        return false;
      }
    }
    return true;
  }

  /** Adds sign × the move's deltas, keeping class values, account cash and costs in step. */
  apply(move: Move, sign: 1 | -1): void {
    for (let k = 0; k < move.length; k++) {
      const i = move[k][0];
      const delta = move[k][1];
      if (delta === 0) continue;
      const f = this.facts[i];
      const old = this.q[i];
      // A sum of steps that cancels to within floating point (0.001 + 0.002 − 0.003) is no trade.
      const sum = old + sign * delta;
      const q = Math.abs(sum) < 1e-12 ? 0 : sum;
      const dCash = this.flow(f, q) - this.flow(f, old);
      const dTrade = (q !== 0 ? 1 : 0) - (old !== 0 ? 1 : 0);
      this.cash[f.account] += dCash - dTrade * f.cent;
      this.value[this.cashClass] += dCash;
      for (let c = 0; c < f.split.length; c++) this.value[f.split[c][0]] += (q - old) * f.leg.price * f.split[c][1];
      this.q[i] = q;
      this.trades += dTrade;
      if ((old > 0) !== (q > 0)) this.boughtCount[this.groupOf[i]] += q > 0 ? 1 : -1;
    }
    for (let k = 0; k < move.length; k++) {
      const i = move[k][0];
      if (move[k][1] === 0) continue;
      const g = this.groupOf[i];
      const bought = this.boughtCount[g] > 0 ? 1 : 0;
      // Buying a group (or no longer buying it) changes which lots its sells may take: reprice them all.
      if (bought !== this.costedBought[g]) {
        this.costedBought[g] = bought;
        const legs = this.groupLegs[g];
        for (let j = 0; j < legs.length; j++) this.reprice(legs[j]);
      } else this.reprice(i);
    }
  }

  private reprice(i: number): void {
    const cost = this.legTaxCost(i);
    this.costTotal += cost - this.legCost[i];
    this.legCost[i] = cost;
  }

  /** Sets every leg's quantity at once (rules unchecked: the caller checks). */
  set(q: ArrayLike<number>): void {
    this.apply(
      Array.from(this.q, (old, i) => [i, q[i] - old] as const),
      1,
    );
  }

  /** Takes the net quantity of every leg from a model solution (e.g. one HiGHS found). */
  load(x: ArrayLike<number>): void {
    this.set(
      this.pm.legs.map((leg) => {
        const net = netShares(leg, x);
        if (Math.abs(net) < 1e-9) return 0;
        return this.whole && Math.abs(net - Math.round(net)) < 1e-6 ? Math.round(net) : net;
      }),
    );
  }

  /** The state as a full column vector of the model (the lots taken cheapest first), usable as a HiGHS start. */
  columns(): Float64Array {
    const { pm } = this;
    const x = new Float64Array(pm.model.columns.length);
    this.facts.forEach((f, i) => {
      const q = this.q[i];
      const leg = f.leg;
      if (q > 0) {
        x[leg.buy!] = q;
        x[leg.buyOn!] = 1;
      } else if (q < 0) {
        const all = f.canSellAll && Math.abs(-q - f.sellMax) < 1e-9;
        x[leg.sell!] = -q;
        x[leg.sellOn!] = 1;
        if (leg.sellsAll !== null) x[leg.sellsAll] = all ? 1 : 0;
        if (leg.wholeSold !== null) x[leg.wholeSold] = all ? Math.floor(leg.shares + 1e-9) : Math.round(-q);
      }
    });
    // The wash-sale binaries and each sell's tax follow from the trades, as for any plan (model.ts).
    const full = withLots(pm, x);
    for (const [e, over, under] of pm.driftRows) {
      const activity = (r: number) => pm.model.rows[r].terms.reduce((t, [c, a]) => (c === e ? t : t + a * full[c]), 0);
      full[e] = Math.max(0, pm.model.rows[over].lower - activity(over), pm.model.rows[under].lower - activity(under));
    }
    return full;
  }

  /** Tax + cost of one leg: its sell takes the cheapest lots (loss lots only while its group is not bought). */
  private legTaxCost(i: number): number {
    return this.taxCostAt(this.facts[i], this.q[i], this.boughtCount[this.groupOf[i]] === 0);
  }

  /** Tax + cost of a leg at quantity q: commission and spread, and a sell's cheapest lots (loss lots only when allowed). */
  private taxCostAt(f: LegFacts, q: number, lossAllowed: boolean): number {
    if (q === 0) return 0;
    const perTrade = this.commission + Math.abs(q) * f.spread;
    if (q > 0) return perTrade;
    return perTrade + taxOfSelling(f.leg.tiers, -q, lossAllowed);
  }

  /** Cash a leg's trade brings in: sells less spread, buys plus spread, less commission. */
  private flow(f: LegFacts, q: number): number {
    if (q === 0) return 0;
    return (q > 0 ? -q * f.buyCash : -q * f.sellCash) - this.commission;
  }
}
