/**
 * `npm run examples`: builds examples/household.xlsx from examples/household.json.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TableData, writeWorkbook } from './example-workbook';

const MONEY = '"$"#,##0.00';
const DATE = 'yyyy-mm-dd';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

interface HouseholdData {
  accounts: TableData['rows'];
  holdings: TableData['rows'];
  targets: TableData['rows'];
  settings: TableData['rows'];
  funds?: TableData['rows'];
  mix?: TableData['rows'];
}

export function householdTables(data: HouseholdData): TableData[] {
  const tables: TableData[] = [
    {
      name: 'Holdings',
      columns: ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired'],
      rows: data.holdings,
      formats: { Price: MONEY, Value: MONEY, 'Cost Basis': MONEY, Acquired: DATE },
    },
    { name: 'Targets', columns: ['Class', 'Target', 'Buy'], rows: data.targets },
    {
      name: 'Accounts',
      columns: ['Account', 'Type', 'Owner', 'Contribution', 'Reserve', 'Trade'],
      rows: data.accounts,
      formats: { Contribution: MONEY, Reserve: MONEY },
    },
    { name: 'Settings', columns: ['Key', 'Value'], rows: data.settings },
  ];
  if (data.funds) tables.push({ name: 'Funds', columns: ['Fund', 'Holding', 'Weight'], rows: data.funds, formats: { Weight: '0.00%' } });
  if (data.mix) tables.push({ name: 'Mix', columns: ['Ticker', 'Class', 'Weight'], rows: data.mix, formats: { Weight: '0.0%' } });
  return tables;
}

/** Builds the example workbook; returns its path. */
export async function makeHouseholdExample(dir = EXAMPLES_DIR, outDir = dir): Promise<string> {
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'household.json'), 'utf8')) as HouseholdData;
  const file = path.join(outDir, 'household.xlsx');
  await writeWorkbook(file, householdTables(data));
  return file;
}

if (require.main === module) {
  makeHouseholdExample().then((file) => console.log(`wrote ${path.relative(process.cwd(), file)}`));
}
