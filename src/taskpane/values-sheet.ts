/**
 * "Save as values": one `Rebalance YYYY-MM-DD` sheet (the AsOf date, as its footer says) holding the
 * drift, the look-through exposure and the approved trades with the lots each sell takes, as plain
 * formatted values. It reads the same without the add-in: in Excel, in LibreOffice, on a phone.
 * The drift block is the engine's REBAL.DRIFT spill, so the sheet and the formula never differ.
 */
import { driftSpill } from '../engine';
import type { Cell, DriftReport, IsoDate } from '../engine';
import type { OwnSheet } from './own-sheet';
import type { DraftResult, ExposureResult } from './ports';
import { MONEY, PERCENT, SENTENCE_COLUMN_POINTS, sharesFormat } from './sheet-formats';
import { TRADES_SHEET_HEADER, tradeFormats } from './trade-output';

/** How many of the largest look-through holdings the sheet lists. */
export const SAVED_EXPOSURE_ROWS = 25;

export const EXPOSURE_BLOCK_HEADER = ['Holding', 'Direct', 'Via funds', 'Total', 'Weight', 'Held through'] as const;
export const LOTS_BLOCK_HEADER = ['Account', 'Ticker', 'Acquired', 'Shares', 'Cost basis', 'Gain', 'Term'] as const;
const APPROVED_TRADES_HEADER = TRADES_SHEET_HEADER.filter((h) => h !== 'Approved');
const REASON_COLUMN = APPROVED_TRADES_HEADER.indexOf('Reason');

const DRIFT_FORMATS = [null, MONEY, PERCENT, PERCENT, PERCENT, PERCENT, null];
const EXPOSURE_FORMATS = [null, MONEY, MONEY, MONEY, PERCENT, null];

export function valuesSheetName(asOf: IsoDate, attempt = 1): string {
  return attempt === 1 ? `Rebalance ${asOf}` : `Rebalance ${asOf} (${attempt})`;
}

export interface SavedReview {
  readonly asOf: IsoDate;
  readonly drift: DriftReport;
  readonly exposure: ExposureResult;
  /** The draft and which of its trades are approved; null when nothing was drafted. */
  readonly draft: { readonly result: DraftResult; readonly approved: readonly boolean[] } | null;
}

/** Rows with their formats, built block by block; titles and headers are remembered as bold. */
class SheetBuilder {
  readonly rows: Cell[][] = [];
  readonly formats: (string | null)[][] = [];
  readonly bold: number[] = [];

  title(text: string): void {
    if (this.rows.length > 0) this.line([]);
    this.bold.push(this.rows.length);
    this.line([text]);
  }

  header(cells: readonly string[]): void {
    this.bold.push(this.rows.length);
    this.line([...cells]);
  }

  line(cells: Cell[], formats: (string | null)[] = []): void {
    this.rows.push(cells);
    this.formats.push(formats);
  }
}

/**
 * Block titles are short and sit in column A with the tables, whose width is fitted to them; every
 * sentence (concentration flags, the footer) goes in the notes under the tables.
 */
export function valuesSheet(review: SavedReview): OwnSheet {
  const sheet = new SheetBuilder();
  sheet.title('Drift');
  const [driftHeader, ...driftRows] = driftSpill(review.drift);
  sheet.header(driftHeader.map(String));
  for (const row of driftRows) sheet.line(row, DRIFT_FORMATS);

  sheet.title('Exposure');
  sheet.header(EXPOSURE_BLOCK_HEADER);
  for (const r of review.exposure.rows) sheet.line([r.holding, r.direct, r.viaFunds, r.total, r.weight, r.via.join(', ')], EXPOSURE_FORMATS);

  const approved = review.draft ? review.draft.result.trades.filter((_, i) => review.draft!.approved[i]) : [];
  sheet.title('Approved trades');
  if (approved.length === 0) {
    sheet.line([review.draft ? 'No trades approved.' : 'No trades drafted.']);
  } else {
    sheet.header(APPROVED_TRADES_HEADER);
    for (const t of approved) sheet.line([t.account, t.ticker, t.action, t.shares, t.price, t.amount, t.estTax, t.reason], tradeFormats(t).slice(0, APPROVED_TRADES_HEADER.length));
    const sells = approved.filter((t) => t.action === 'SELL' && t.lots.length > 0);
    if (sells.length > 0) {
      sheet.title('Lots sold');
      sheet.header(LOTS_BLOCK_HEADER);
      for (const t of sells) {
        for (const lot of t.lots) {
          sheet.line([t.account, t.ticker, lot.acquired ?? 'unknown', lot.shares, lot.basis ?? 'unknown', lot.gain, lot.term], [null, null, null, sharesFormat(lot.shares), MONEY, MONEY, null]);
        }
      }
    }
  }

  const notesFrom = sheet.rows.length + 1;
  sheet.line([]);
  for (const f of review.exposure.flags) if (f.message) sheet.line([f.message]);
  sheet.line([
    `Saved by Rebalance in Excel as of ${review.asOf}: drift and bands, the ${SAVED_EXPOSURE_ROWS} largest holdings looking through funds, and the approved trades with the lots each sell takes, as plain values readable without the add-in. The trades are a draft; place approved orders at your broker.`,
  ]);
  return {
    name: (attempt) => valuesSheetName(review.asOf, attempt),
    rows: sheet.rows,
    content: 'values',
    cellFormats: sheet.formats,
    boldRows: sheet.bold,
    notesFrom,
    columnWidths: approved.length > 0 ? [{ column: REASON_COLUMN, points: SENTENCE_COLUMN_POINTS }] : [],
  };
}
