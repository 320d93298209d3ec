/**
 * The add-in's planner client against an in-process worker running the real service: plans
 * resolve, input errors keep their place, and cancelling stops the worker and rejects.
 */
import { isInputError } from '../../src/engine';
import type { HouseholdTables } from '../../src/engine';
import { PlannerClient } from '../../src/worker/planner-client';
import { holdingsTable, lot, targetsTable } from '../support/builders';
import { InProcessWorker } from '../support/in-process-worker';

const tables = (usTarget: number): HouseholdTables => ({
  holdings: holdingsTable([lot('IRA', 'VTI', 30, 100), lot('IRA', 'BND', 10, 100)]),
  targets: targetsTable({ 'US Stocks': usTarget, Bonds: 1 - usTarget }),
});

describe('PlannerClient', () => {
  test('drafts a plan in the worker, starting the worker on first use', async () => {
    const workers: InProcessWorker[] = [];
    const client = new PlannerClient(() => workers[workers.push(new InProcessWorker()) - 1]);
    expect(workers).toHaveLength(0);
    const plan = await client.draftPlan(tables(0.5), '2026-11-21');
    expect(plan.trades.map((t) => [t.action, t.ticker, t.shares])).toEqual([
      ['SELL', 'VTI', 10],
      ['BUY', 'BND', 10],
    ]);
    await client.draftPlan(tables(0.6), '2026-11-21');
    expect(workers).toHaveLength(1);
  });

  test('an input error comes back as an InputError with its place', async () => {
    const client = new PlannerClient(() => new InProcessWorker());
    const error = await client.draftPlan(tables(0.7), '2026-11-21').catch((e: unknown) => e);
    expect(isInputError(error)).toBe(false); // 0.7 + 0.3 adds up: no error
    const bad = await client
      .draftPlan({ ...tables(0.5), targets: targetsTable({ 'US Stocks': 0.5, Bonds: 0.6 }) }, '2026-11-21')
      .catch((e: unknown) => e);
    expect(isInputError(bad)).toBe(true);
    expect((bad as Error).message).toMatch(/^Targets, column Target: the targets add up to 110%/);
  });

  test('cancelling terminates the worker and rejects; the next draft starts a new one', async () => {
    const workers: InProcessWorker[] = [];
    const client = new PlannerClient(() => workers[workers.push(new InProcessWorker()) - 1]);
    const controller = new AbortController();
    const pending = client.draftPlan(tables(0.5), '2026-11-21', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].terminated).toBe(true);
    await expect(client.draftPlan(tables(0.5), '2026-11-21')).resolves.toBeDefined();
    expect(workers).toHaveLength(2);
  });
});
