/**
 * Synthetic, seeded broker exports for the import benchmark: a Fidelity all-accounts positions file
 * and an Interactive Brokers Activity Statement with lots, each of a given number of data lines,
 * written the way the brokers write them (quoted thousands, `**` cash, pending activity, the footer).
 */
import { seededRandom } from './timing';

const FIDELITY_HEADER =
  "Account Number,Account Name,Symbol,Description,Quantity,Last Price,Last Price Change,Current Value,Today's Gain/Loss Dollar,Today's Gain/Loss Percent,Total Gain/Loss Dollar,Total Gain/Loss Percent,Percent Of Account,Cost Basis Total,Average Cost Basis,Type";
const NAMES = ['Individual', 'Joint WROS', 'ROTH IRA', 'ROLLOVER IRA', 'HSA'];

const money = (cents: number) => {
  const [whole, frac] = (Math.abs(cents) / 100).toFixed(2).split('.');
  const text = `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
  return cents < 0 ? `-${text}` : text;
};
const quoted = (text: string) => (text.includes(',') ? `"${text} "` : text);

/** A Fidelity positions file with `lines` data lines over 20 accounts: positions, a core cash line per account, a pending line. */
export function fidelityExport(lines: number, seed = 11): string {
  const random = seededRandom(seed);
  const out = [FIDELITY_HEADER];
  const accounts = 20;
  for (let i = 0; i < lines; i++) {
    const a = i % accounts;
    const number = `Z${String(10000000 + a * 7919).padStart(8, '0')}`;
    const name = NAMES[a % NAMES.length];
    if (i < accounts) {
      out.push(`${number},${name},SPAXX**,HELD IN MONEY MARKET,,,,${quoted(money(Math.round(random() * 5_000_000)))},,,,,1.00%,,,Cash,`);
      continue;
    }
    if (i === lines - 1) {
      out.push(`${number},${name},Pending activity,,,,,${money(-12345)},,,,,,,,,`);
      continue;
    }
    const shares = Math.round(random() * 100_000) / 100;
    const priceCents = 100 + Math.round(random() * 50_000);
    const valueCents = Math.round(shares * priceCents);
    const basisCents = Math.round(valueCents * (0.6 + random() * 0.6));
    out.push(
      `${number},${name},T${i % 700},SECURITY ${i % 700},${shares},${money(priceCents)},+$0.10,${quoted(money(valueCents))},+$1.00,+0.10%,${quoted(money(valueCents - basisCents))},+1.00%,0.50%,${quoted(money(basisCents))},${money(Math.round(basisCents / Math.max(shares, 0.01)))},Cash,`,
    );
  }
  out.push('', '"The data and information in this spreadsheet is provided to you solely for your use and is not for distribution."', '', 'Date downloaded Dec-05-2025 at 1:02 p.m ET');
  return `${out.join('\r\n')}\r\n`;
}

/** An IBKR Activity Statement whose Open Positions has `lines` data lines: a summary per symbol and its lots. */
export function ibkrExport(lines: number, seed = 13): string {
  const random = seededRandom(seed);
  const out = [
    'Statement,Header,Field Name,Field Value',
    'Account Information,Header,Field Name,Field Value',
    'Account Information,Data,Account,U1234567',
    'Account Information,Data,Account Type,Individual',
    'Open Positions,Header,DataDiscriminator,Asset Category,Currency,Symbol,Open,Quantity,Mult,Cost Price,Cost Basis,Close Price,Value,Unrealized P/L,% of NAV,Code',
  ];
  const lotsPerSymbol = 9;
  let written = 0;
  for (let s = 0; written < lines; s++) {
    const close = (1000 + Math.round(random() * 50000)) / 100;
    const lots = Array.from({ length: Math.min(lotsPerSymbol, lines - written - 1) }, (_, k) => ({
      qty: 1 + Math.round(random() * 200),
      cost: Math.round(close * (50 + random() * 80)) / 100,
      date: `20${String(15 + (k % 10)).padStart(2, '0')}-0${1 + (k % 9)}-1${k % 10}, 10:00:00`,
    }));
    const qty = lots.reduce((t, l) => t + l.qty, 0);
    out.push(`Open Positions,Data,Summary,Stocks,USD,S${s},-,${qty},1,${close},${(qty * close).toFixed(2)},${close},${(qty * close).toFixed(2)},0,1.0,`);
    for (const l of lots) out.push(`Open Positions,Data,Lot,Stocks,USD,S${s},"${l.date}",${l.qty},1,${l.cost},${(l.qty * l.cost).toFixed(2)},${close},${(l.qty * close).toFixed(2)},0,,LT`);
    written += 1 + lots.length;
  }
  out.push('Cash Report,Header,Currency Summary,Currency,Total,Securities,Futures,Month to Date,Year to Date', 'Cash Report,Data,Ending Cash,Base Currency Summary,2345.67,2345.67,0,,');
  return `${out.join('\n')}\n`;
}
