/**
 * A plain-language reason for every trade — which class it moves, from what weight to what target,
 * why this account and these lots, and the tax it is estimated to cost — e.g.
 *   "Sell 12 VTI in Joint Taxable ($3,001): US Stocks is 66.0% vs 60.0% target (60.2% after); sells
 *    the 2019-03-04 lot (long-term gain $812, est. tax $122) since no tax-advantaged account holds
 *    US Stocks to trim."
 */
import { formatList, formatPercent, formatShares, formatWholeDollars } from '../format';
import { absCents, Cents, sumCents } from '../money';
import { weightToday } from './book';
import { mixWeight } from '../mix-notes';
import { PlanContext } from './context';
import { weightIn } from './legs';
import { DraftTrade, Trade, TradeLot } from './trades';
import { classValuesAfter, splitAmount } from './summary';

export function explainTrades(ctx: PlanContext, drafts: readonly DraftTrade[]): Trade[] {
  const after = classValuesAfter(ctx, drafts);
  return drafts.map((t) => ({
    account: t.account,
    ticker: t.ticker,
    action: t.action,
    shares: t.shares,
    price: t.price,
    amount: t.amount,
    estTax: t.estTax,
    cost: t.cost,
    lots: t.lots,
    classLabel: t.classLabel,
    keyId: t.keyId,
    split: t.split,
    reason: reasonFor(ctx, t, drafts, after),
  }));
}


function reasonFor(ctx: PlanContext, t: DraftTrade, all: readonly DraftTrade[], after: ReadonlyMap<string, number>): string {
  const verb = t.action === 'BUY' ? 'Buy' : 'Sell';
  const head = `${verb} ${formatShares(t.shares)} ${t.ticker} in ${t.account} (${formatWholeDollars(t.amount)})`;
  const parts = [classClause(ctx, t, after)];
  if (t.action === 'SELL') parts.push(...sellClauses(ctx, t, all));
  else parts.push(...buyClauses(ctx, t, all));
  return `${head}: ${parts.filter(Boolean).join('; ')}.`;
}

function classClause(ctx: PlanContext, t: DraftTrade, after: ReadonlyMap<string, number>): string {
  const { book } = ctx;
  if (t.split.length > 1) return mixClause(ctx, t, after);
  const cls = book.classes.find((c) => c.keyId === t.keyId);
  if (!cls) return `${t.classLabel} has no target and SellUntargeted is on, so it is sold`;
  const before = weightToday(book, cls.keyId);
  const later = (after.get(cls.keyId) ?? 0) / book.total;
  return `${cls.label} is ${formatPercent(before)} vs ${formatPercent(cls.target)} target (${formatPercent(later)} after the plan)`;
}

/**
 * "VFIFX is 54% US Stocks, 36% Intl Stocks and 10% Bonds; selling $5,000 of it trims US Stocks by
 * $2,700, Intl Stocks by $1,800 and Bonds by $500 (US Stocks 66.0% vs 60.0% target, 60.2% after; …)".
 */
function mixClause(ctx: PlanContext, t: DraftTrade, after: ReadonlyMap<string, number>): string {
  const { book } = ctx;
  const derived = book.mixes.get(t.ticker)?.source === 'derived' ? ' (derived through Funds)' : '';
  const weights = formatList(t.split.map((s) => `${mixWeight(s.weight)} ${s.key}`));
  const parts = splitAmount(t, t.amount);
  const buying = t.action === 'BUY';
  const moves = buying
    ? `adds ${formatList(t.split.map((s, i) => `${formatWholeDollars(parts[i])} to ${s.key}`))}`
    : `trims ${formatList(t.split.map((s, i) => `${s.key} by ${formatWholeDollars(parts[i])}`))}`;
  const weightsNow = t.split.flatMap((s) => {
    const cls = book.classes.find((c) => c.keyId === s.keyId);
    if (!cls) return [];
    return [`${cls.label} ${formatPercent(weightToday(book, cls.keyId))} vs ${formatPercent(cls.target)} target, ${formatPercent((after.get(cls.keyId) ?? 0) / book.total)} after`];
  });
  const head = `${t.ticker} is ${weights}${derived}; ${buying ? 'buying' : 'selling'} ${formatWholeDollars(t.amount)} of it ${moves}`;
  // None of its classes has a target: it is sold only because SellUntargeted is on.
  if (weightsNow.length === 0) return `${head}; none of them has a target and SellUntargeted is on, so it is sold`;
  return `${head} (${weightsNow.join('; ')})`;
}

function sellClauses(ctx: PlanContext, t: DraftTrade, all: readonly DraftTrade[]): string[] {
  const clauses: string[] = [];
  const { book } = ctx;
  const cls = book.classes.find((c) => c.keyId === t.keyId);
  const over = cls ? weightToday(book, cls.keyId) > cls.target : true;
  const buysHere = all.filter((o) => o.action === 'BUY' && o.account === t.account);
  if (!over && buysHere.length > 0) {
    const bought = formatList([...new Set(buysHere.map((b) => b.classLabel))]);
    clauses.push(`it raises cash for ${bought} in ${t.account}, since cash cannot move between accounts`);
  }
  const tax = t.bookAccount.account.tax;
  if (tax !== 'taxable') {
    clauses.push(`no tax is due in a ${tax === 'taxDeferred' ? 'tax-deferred' : 'tax-free'} account`);
    return clauses;
  }
  clauses.push(lotsClause(t.lots, t.estTax, ctx.book.settings.harvestLosses));
  if (cls && over) {
    const sheltered = book.accounts.filter((a) => a.account.tradable && a.account.tax !== 'taxable');
    // A fund that spans classes holds (and trims) each of its classes too.
    const holders = sheltered.filter((a) => book.positions.some((p) => p.account === a && weightIn(p, cls.keyId) > 0 && p.shares > 0));
    const trimmed = holders.filter((a) => all.some((o) => o.action === 'SELL' && o.account === a.name && weightIn(o, cls.keyId) > 0));
    if (sheltered.length > 0 && holders.length === 0) clauses.push(`since no tax-advantaged account holds ${cls.label} to trim`);
    else if (trimmed.length > 0) clauses.push(`after trimming ${cls.label} in ${formatList(trimmed.map((a) => a.name))} first`);
  }
  return clauses;
}

function lotsClause(lots: readonly TradeLot[], estTax: Cents, harvest: boolean): string {
  const offset = !harvest && estTax > 0 && lots.some((l) => l.gain < 0) ? ' (losses do not offset gains: HarvestLosses is off)' : '';
  const describe = (l: TradeLot) => {
    const term = l.term === 'LT' ? 'long-term' : 'short-term';
    const kind = l.basis === null ? 'no basis, so no gain' : `${term} ${l.gain >= 0 ? 'gain' : 'loss'} ${formatWholeDollars(absCents(l.gain))}`;
    return { when: l.acquired ?? 'undated (treated as short-term)', kind };
  };
  if (lots.length === 1) {
    const d = describe(lots[0]);
    return `sells the ${d.when} lot (${d.kind}, est. tax ${formatWholeDollars(estTax)})`;
  }
  if (lots.length > 3) {
    const dated = lots.map((l) => l.acquired).filter((d): d is string => d !== null).sort();
    const net = (term: 'ST' | 'LT') => sumCents(lots.filter((l) => l.term === term).map((l) => l.gain));
    const part = (term: 'ST' | 'LT', name: string) => {
      const g = net(term);
      return lots.some((l) => l.term === term) ? `net ${name} ${g >= 0 ? 'gain' : 'loss'} ${formatWholeDollars(absCents(g))}` : null;
    };
    const span = dated.length > 0 ? ` acquired ${dated[0]} to ${dated[dated.length - 1]}` : '';
    const nets = [part('LT', 'long-term'), part('ST', 'short-term')].filter(Boolean).join(', ');
    return `sells ${lots.length} lots${span} (${nets}); est. tax ${formatWholeDollars(estTax)}${offset}`;
  }
  const each = lots.map((l) => {
    const d = describe(l);
    return `${d.when} ${formatShares(l.shares)} sh (${d.kind})`;
  });
  return `sells ${lots.length} lots: ${each.join(', ')}; est. tax ${formatWholeDollars(estTax)}${offset}`;
}

function buyClauses(ctx: PlanContext, t: DraftTrade, all: readonly DraftTrade[]): string[] {
  const clauses: string[] = [];
  const { book } = ctx;
  const account = t.bookAccount;
  const sources: string[] = [];
  if (account.account.contribution > 0) sources.push(`the ${formatWholeDollars(account.account.contribution)} contribution`);
  if (account.cash > 0) sources.push('cash on hand');
  const sells = all.filter((o) => o.action === 'SELL' && o.account === t.account);
  if (sells.length > 0) sources.push(`the sale of ${formatList([...new Set(sells.map((s) => s.ticker))])}`);
  if (sources.length > 0) clauses.push(`paid from ${formatList(sources)} in ${t.account}`);
  const choice = t.leg.buyChoice;
  if (choice?.source === 'targets') clauses.push(`${t.ticker} is the Buy ticker Targets gives for ${choice.cls.label}`);
  else if (choice?.source === 'largest') clauses.push(`${t.account} holds no ${choice.cls.label}, so it buys the household's largest ${choice.cls.label} holding`);
  const cls = book.classes.find((c) => c.keyId === t.keyId);
  if (cls && weightToday(book, cls.keyId) >= cls.target && t.bookAccount.account.tax !== 'taxable') {
    clauses.push('it puts cash to work that cannot leave the account');
  }
  return clauses;
}
