/**
 * What the plan does to the household: each class's weight before and after, drift beyond tolerance
 * D before and after (PRODUCT.md's measure), total tax and cost, the number of trades, and how close
 * to the best the plan is proven to be.
 */
import { addCents, Cents, cents, negateCents, subtractCents, sumCents, ZERO_CENTS } from '../money';
import { Book, BookClass, weightToday } from './book';
import { PlanContext } from './context';
import { splitCents } from '../split-cents';
import { cashAfter, DraftTrade } from './trades';
import { StagedSolution } from './solve';

export interface ClassChange {
  readonly label: string;
  readonly target: number;
  /** Weight over today's total, as the drift table shows it. */
  readonly weightBefore: number;
  /** Weight over T (today's total plus contributions) after the plan. */
  readonly weightAfter: number;
  readonly valueBefore: Cents;
  readonly valueAfter: Cents;
  /** Beyond-tolerance drift of the class, in cents, before and after. */
  readonly excessBefore: Cents;
  readonly excessAfter: Cents;
}

export interface PlanGap {
  /** Proven distance from the best possible D, as a fraction of T. */
  readonly drift: number;
  /** Proven distance from the cheapest tax + cost for that drift, in currency. */
  readonly taxAndCost: number;
  /** True when drift and tax + cost are proven within their tolerances of the best. */
  readonly proven: boolean;
  /** Stage 1: D proven within 0.1% of T of the best possible. */
  readonly driftProven: boolean;
  /** Stage 2: tax + cost proven within 1% of the cheapest for that D. */
  readonly taxAndCostProven: boolean;
  /** True when no plan as good on drift and tax + cost has fewer trades (proven by HiGHS). */
  readonly fewestTradesProven: boolean;
  /** True when the TimeLimit safety net cut a search short (only a very slow machine reaches it). */
  readonly timeLimitReached: boolean;
}

export interface PlanSummary {
  readonly asOf: string;
  /** T: today's total plus contributions. */
  readonly total: Cents;
  readonly classes: readonly ClassChange[];
  /** D = Σ max(0, |V_c − t_c·T| − tol_c·T), in cents. */
  readonly driftBefore: Cents;
  readonly driftAfter: Cents;
  readonly tax: Cents;
  readonly cost: Cents;
  readonly trades: number;
  readonly gap: PlanGap;
  readonly cashAfter: readonly { readonly account: string; readonly cash: Cents; readonly reserve: Cents }[];
}

export function classValuesAfter(ctx: PlanContext, trades: readonly DraftTrade[]): Map<string, Cents> {
  const values = new Map<string, Cents>();
  for (const cls of ctx.book.classes) values.set(cls.keyId, ctx.classValueToday(cls.keyId));
  const cash = ctx.book.classes.find((c) => c.isCash)!.keyId;
  for (const t of trades) {
    const signed = t.action === 'BUY' ? t.amount : negateCents(t.amount);
    splitAmount(t, signed).forEach((part, i) => {
      const keyId = t.split[i].keyId;
      if (values.has(keyId)) values.set(keyId, addCents(values.get(keyId)!, part));
    });
    values.set(cash, subtractCents(subtractCents(values.get(cash)!, signed), t.cost));
  }
  return values;
}

/** A trade's amount per class it moves (its split), to the cent: one part, or a mix's by largest remainder. */
export function splitAmount(t: Pick<DraftTrade, 'split'>, amount: Cents): Cents[] {
  if (t.split.length === 1) return [amount];
  return Array.from(splitCents(amount, t.split.map((s) => s.weight)), (c) => c as Cents);
}

/** The class's drift beyond tolerance, in cents — fractional: T × a weight is not whole cents. */
function excess(book: Book, cls: BookClass, value: Cents): number {
  return Math.max(0, Math.abs(value - cls.target * book.total) - cls.tolerance * book.total);
}

export function summarise(ctx: PlanContext, trades: readonly DraftTrade[], solution: StagedSolution): PlanSummary {
  const { book } = ctx;
  const after = classValuesAfter(ctx, trades);
  const classes = book.classes.map((cls) => {
    const before = book.valueByKey.get(cls.keyId) ?? ZERO_CENTS;
    const valueAfter = after.get(cls.keyId)!;
    return {
      label: cls.label,
      target: cls.target,
      weightBefore: weightToday(book, cls.keyId),
      weightAfter: valueAfter / book.total,
      valueBefore: before,
      valueAfter,
      excessBefore: cents(Math.round(excess(book, cls, ctx.classValueToday(cls.keyId)))),
      excessAfter: cents(Math.round(excess(book, cls, valueAfter))),
    };
  });
  const T = book.total / 100;
  return {
    asOf: book.asOf,
    total: book.total,
    classes,
    driftBefore: sumCents(classes.map((c) => c.excessBefore)),
    driftAfter: sumCents(classes.map((c) => c.excessAfter)),
    tax: sumCents(trades.map((t) => t.estTax)),
    cost: sumCents(trades.map((t) => t.cost)),
    trades: trades.length,
    gap: {
      drift: Math.max(0, solution.drift.value - solution.drift.bound) / T,
      taxAndCost: Math.max(0, solution.taxCost.value - solution.taxCost.bound),
      proven: !solution.limited,
      driftProven: solution.drift.optimal,
      taxAndCostProven: solution.taxCost.optimal,
      fewestTradesProven: solution.trades.optimal,
      timeLimitReached: solution.timeLimitReached,
    },
    cashAfter: book.accounts
      .filter((a) => a.account.tradable)
      .map((a) => ({ account: a.name, cash: cashAfter(a, trades), reserve: a.account.reserve })),
  };
}
