/**
 * The plans the planner cannot give, as the user's errors: reserves no plan can keep, and numbers too
 * far apart for the solver to be trusted with.
 */
import { InputError } from '../errors';
import { formatCents, formatPlainNumber } from '../format';
import { addCents } from '../money';
import { PlannerModel } from './model';

/** A clear message for the user when even the scaled relaxation cannot be solved reliably. */
export function tooFarApart(pm: PlannerModel): InputError {
  const cheapest = pm.legs.reduce<{ ticker: string; price: number } | null>((best, l) => (!best || l.price < best.price ? { ticker: l.ticker, price: l.price } : best), null);
  const total = formatPlainNumber(pm.ctx.book.total / 100, '$');
  const span = cheapest ? `a price of ${formatPlainNumber(cheapest.price, '$')} (${cheapest.ticker}) beside a total of ${total}` : `a total of ${total}`;
  return new InputError({ table: 'Holdings', row: null, column: null }, `the trade planner could not solve this household reliably: its numbers are too far apart (${span})`);
}

/** Trading accounts whose cash and contribution fall short of their reserve. */
export function shortAccounts(pm: PlannerModel) {
  return pm.ctx.book.accounts.filter((a) => a.account.tradable && a.cash + a.account.contribution < a.account.reserve);
}

/**
 * Only the cash rows can make the model infeasible (the do-nothing plan meets every other rule), so
 * the message names the accounts whose cash and contribution fall short of their reserve.
 */
export function infeasible(pm: PlannerModel): InputError {
  const { book } = pm.ctx;
  const short = shortAccounts(pm);
  const names = short.map((a) => `${a.name} (reserve ${formatCents(a.account.reserve)}, cash ${formatCents(addCents(a.cash, a.account.contribution))})`);
  const why = book.settings.mode === 'BuyOnly' ? 'and Mode is BuyOnly, so nothing may be sold to raise cash' : 'and selling what it may sell cannot raise enough';
  return new InputError(
    { table: 'Accounts', row: short[0]?.account.row ?? null, column: 'Reserve' },
    `the rules cannot all hold: the cash reserve of ${names.join(', ') || 'an account'} exceeds its cash and contribution ${why} (whole shares and MinTrade included)`,
  );
}
