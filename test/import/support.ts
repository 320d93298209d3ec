/** Reading the broker fixtures, and tiny builders for the rows a test expects. */
import * as fs from 'fs';
import * as path from 'path';
import { importFile, importJson } from '../../src/engine';
import type { ImportedFile } from '../../src/engine';

export const BROKERS = path.join(__dirname, '..', 'fixtures', 'brokers');

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(BROKERS, name), 'utf8');
}

export function readFixture(name: string): ImportedFile {
  return importFile(path.basename(name), fixtureText(name));
}

/** What a test compares: the --json shape, with each holding's line. */
export function readAsJson(name: string) {
  const file = readFixture(name);
  const json = importJson([file]);
  return { broker: file.broker, ...json, holdings: json.holdings.map((h, i) => ({ ...h, line: file.holdings[i].line })) };
}

export const position = (account: string, ticker: string, shares: number, price: number, value: number | null, costBasis: number | null, line: number, acquired: string | null = null) => ({
  account,
  ticker,
  shares,
  price,
  value,
  costBasis,
  acquired,
  line,
});

export const cash = (account: string, value: number, line: number) => ({ account, ticker: 'CASH', value, line });
