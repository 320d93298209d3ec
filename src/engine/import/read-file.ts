/**
 * One positions export → ImportedFile. The format is recognised by the file's content (the header
 * rows each broker writes), never by its name; the brokers are tried from the most specific layout
 * to the most general, the plain CSV with Holdings headers last.
 */
import { parseCsv } from './csv';
import { etrade } from './etrade';
import { fidelity } from './fidelity';
import { BrokerFormat } from './format';
import { genericCsv } from './generic';
import { ibkrFlex } from './ibkr-flex';
import { ibkrStatement } from './ibkr-statement';
import { ImportedFile, ImportError } from './model';
import { schwab } from './schwab';
import { ImportSink } from './sink';
import { vanguard } from './vanguard';

const FORMATS: readonly BrokerFormat[] = [ibkrStatement, ibkrFlex, schwab, etrade, vanguard, fidelity, genericCsv];

export const KNOWN_FORMATS =
  'Fidelity, Schwab, Vanguard OfxDownload, E*TRADE PortfolioDownload, Interactive Brokers Activity Statement or Flex Query, or a CSV with Ticker and Shares/Price or Value headers';

export function importFile(file: string, text: string): ImportedFile {
  if (/^\s*<(!doctype|html)/i.test(text)) throw new ImportError(file, 1, 'this is a web page (HTML), not a CSV; download the CSV file itself');
  const rows = parseCsv(file, text);
  if (rows.every((r) => r.cells.length === 0)) throw new ImportError(file, null, 'the file is empty');
  const format = FORMATS.find((f) => f.recognise(rows));
  if (!format) throw new ImportError(file, null, `not a positions export this importer knows (${KNOWN_FORMATS})`);
  const sink = new ImportSink(file, format.broker);
  format.read(rows, sink);
  return sink.result();
}

/** Several files at once: two files holding the same account would be imported twice, so that is refused. */
export function importFiles(files: readonly { name: string; text: string }[]): ImportedFile[] {
  const imported = files.map((f) => importFile(f.name, f.text));
  const seen = new Map<string, string>();
  for (const f of imported) {
    for (const a of f.accounts) {
      const key = `${f.broker}\u0000${a.account}`;
      const other = seen.get(key);
      if (other !== undefined && other !== f.file) throw new ImportError(f.file, null, `${a.account} is also in ${other}; import one file per account`);
      seen.set(key, f.file);
    }
  }
  return imported;
}
