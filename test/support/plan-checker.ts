/**
 * An independent referee for plans: re-checks every rule of PRODUCT.md on a plan's trades, straight
 * from the Household (not from the planner's model), and measures the plan's drift D, tax + cost and
 * number of trades. Property tests and exhaustive searches use it.
 */
import Decimal from 'decimal.js';
import type { Household, Plan, Trade } from '../../src/engine';
import { addDays, addMonths, bandOf, CASH_CLASS, keyOf } from '../../src/engine';

export interface PlanCheck {
  readonly violations: string[];
  /** D = Σ max(0, |V_c − t_c·T| − tol_c·T), in dollars. */
  readonly drift: number;
  /** Estimated tax + trading cost, in dollars. */
  readonly taxCost: number;
  readonly trades: number;
}

const cents = (x: Decimal.Value) => new Decimal(x).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();

export function checkPlan(household: Household, plan: Pick<Plan, 'trades'>): PlanCheck {
  const v: string[] = [];
  const s = household.settings;
  const asOf = s.asOf!;
  const group = (ticker: string) => household.identical.get(ticker) ?? `=${ticker}`;
  const accountOf = new Map(household.accounts.map((a) => [keyOf(a.name), a]));
  const targeted = new Set(household.targets.map((t) => keyOf(t.key)));
  const rowsOf = (account: string, ticker: string) => household.holdings.filter((h) => keyOf(h.account) === keyOf(account) && h.ticker === ticker && !h.isCash);
  const seen = new Map<string, Trade['action']>();
  const boughtGroups = new Set(plan.trades.filter((t) => t.action === 'BUY').map((t) => group(t.ticker)));
  const recentGroups = new Set(
    household.holdings.filter((h) => !h.isCash && h.acquired !== null && h.acquired <= asOf && h.acquired >= addDays(asOf, -30)).map((h) => group(h.ticker)),
  );
  const cashAfter = new Map(household.accounts.map((a) => [keyOf(a.name), 0]));
  for (const h of household.holdings) if (h.isCash) cashAfter.set(keyOf(h.account), cashAfter.get(keyOf(h.account))! + h.value);
  for (const a of household.accounts) cashAfter.set(keyOf(a.name), cashAfter.get(keyOf(a.name))! + a.contribution);
  // A fund that spans classes counts toward each by weight (its Cash share too, beside the accounts' cash).
  const valueAfter = new Map<string, number>();
  const addTo = (ticker: string, keyId: string, amount: number) => {
    const mix = household.mixes.get(ticker);
    if (!mix) valueAfter.set(keyId, (valueAfter.get(keyId) ?? 0) + amount);
    else for (const c of mix.shares) valueAfter.set(c.keyId, (valueAfter.get(c.keyId) ?? 0) + amount * c.weight);
  };
  for (const h of household.holdings) if (!h.isCash) addTo(h.ticker, h.keyId, h.value);
  const buyTickers = new Set(household.targets.map((t) => t.buy).filter((b) => b !== null));
  let taxCost = 0;

  for (const t of plan.trades) {
    const where = `${t.action} ${t.shares} ${t.ticker} in ${t.account}`;
    const account = accountOf.get(keyOf(t.account));
    if (!account) v.push(`${where}: unknown account`);
    else if (!account.tradable) v.push(`${where}: the account is frozen`);
    const id = `${keyOf(t.account)}|${t.ticker}`;
    if (seen.has(id)) v.push(`${where}: a second trade of one ticker in one account`);
    seen.set(id, t.action);
    if (t.shares <= 0) v.push(`${where}: no shares`);
    if (t.amount !== cents(new Decimal(t.shares).times(t.price))) v.push(`${where}: amount ${t.amount} is not shares × price`);
    const rows = rowsOf(t.account, t.ticker);
    // A row with only a Value has no shares to sell or price to buy at: its position is never traded.
    if (rows.some((h) => h.shares === null || h.price === null)) v.push(`${where}: a position with a value-only row is traded`);
    const held = rows.reduce((n, h) => n.plus(h.shares ?? 0), new Decimal(0));
    const wholePosition = t.action === 'SELL' && held.eq(t.shares);
    if (s.wholeShares && !Number.isInteger(t.shares) && !wholePosition) v.push(`${where}: not whole shares`);
    if (t.amount < s.minTrade && !wholePosition) v.push(`${where}: below MinTrade`);
    const mix = household.mixes.get(t.ticker);
    const isTargeted = mix ? mix.shares.some((c) => targeted.has(c.keyId)) : targeted.has(t.keyId);
    if (!isTargeted && (t.action === 'BUY' || !s.sellUntargeted)) v.push(`${where}: an untargeted holding is traded`);
    if (mix && mix.shares.length > 1 && t.action === 'BUY' && !buyTickers.has(t.ticker)) v.push(`${where}: a fund that spans classes is bought though no Targets Buy names it`);
    const spread = cents(new Decimal(t.amount).times(s.spreadBps).dividedBy(1_000_000));
    if (t.cost !== s.commission + spread) v.push(`${where}: cost ${t.cost} is not commission + spread`);
    taxCost += t.cost;
    const signed = t.action === 'BUY' ? t.amount : -t.amount;
    cashAfter.set(keyOf(t.account), cashAfter.get(keyOf(t.account))! - signed - t.cost);
    addTo(t.ticker, t.keyId, signed);
    if (t.action === 'BUY') continue;
    if (s.mode === 'BuyOnly') v.push(`${where}: a sell in BuyOnly mode`);
    let sold = new Decimal(0);
    let tax = 0;
    for (const lot of t.lots) {
      const h = rows.find((r) => r.row === lot.row);
      if (!h) {
        v.push(`${where}: lot of row ${lot.row} is not this position's`);
        continue;
      }
      if (lot.shares <= 0 || lot.shares > (h.shares ?? 0) + 1e-9) v.push(`${where}: oversells the lot of row ${lot.row}`);
      sold = sold.plus(lot.shares);
      const term = h.acquired !== null && asOf > addMonths(h.acquired, 12) ? 'LT' : 'ST';
      if (lot.term !== term) v.push(`${where}: lot of row ${lot.row} is ${lot.term}, should be ${term}`);
      const proceeds = cents(new Decimal(lot.shares).times(t.price));
      const basis = h.costBasis === null ? null : cents(new Decimal(h.costBasis).times(lot.shares).dividedBy(h.shares!).dividedBy(100));
      const gain = basis === null ? 0 : proceeds - basis;
      if (gain !== lot.gain) v.push(`${where}: lot of row ${lot.row} gain ${lot.gain}, should be ${gain}`);
      const taxable = account?.tax === 'taxable';
      if (taxable && gain < 0 && (boughtGroups.has(group(t.ticker)) || recentGroups.has(group(t.ticker)))) v.push(`${where}: wash sale of the loss lot of row ${lot.row}`);
      const rate = term === 'LT' ? s.longTermRate : s.shortTermRate;
      const lotTax = !taxable || (gain < 0 && !s.harvestLosses) ? 0 : cents(new Decimal(gain).times(rate).dividedBy(100));
      if (lotTax !== lot.estTax) v.push(`${where}: lot of row ${lot.row} tax ${lot.estTax}, should be ${lotTax}`);
      tax += lotTax;
    }
    if (!sold.eq(t.shares)) v.push(`${where}: lots add up to ${sold.toString()} shares`);
    if (tax !== t.estTax) v.push(`${where}: est. tax ${t.estTax} is not the sum of its lots' (${tax})`);
    if (s.taxAware) taxCost += tax;
  }
  for (const a of household.accounts) {
    if (!a.tradable) continue;
    const cash = cashAfter.get(keyOf(a.name))!;
    if (cash < a.reserve) v.push(`${a.name}: cash after the plan ${cash} is below its reserve ${a.reserve}`);
  }
  const total = household.holdings.reduce((n, h) => n + h.value, 0) + household.accounts.reduce((n, a) => n + a.contribution, 0);
  const cashKey = keyOf(CASH_CLASS);
  valueAfter.set(cashKey, (valueAfter.get(cashKey) ?? 0) + [...cashAfter.values()].reduce((n, c) => n + c, 0));
  const classes = household.targets.map((t) => ({ key: keyOf(t.key), target: t.weight, band: bandOf(t, s) }));
  if (!classes.some((c) => c.key === cashKey)) classes.push({ key: cashKey, target: 0, band: bandOf({ weight: 0, band: null }, s) });
  let drift = 0;
  for (const c of classes) {
    const tol = s.rebalanceTo === 'BandEdge' ? c.band : 0;
    drift += Math.max(0, Math.abs((valueAfter.get(c.key) ?? 0) - c.target * total) - tol * total) / 100;
  }
  return { violations: v, drift, taxCost: taxCost / 100, trades: plan.trades.length };
}
