/**
 * What the pane needs from outside itself, as ports passed in through PaneContext: the workbook
 * (src/office), the trade planner and look-through exposure (engine code run off the main thread),
 * the clipboard and today's date. Tests and the browser walk-through hand in their own.
 */
import type { HouseholdTables, IsoDate, PlanMode } from '../engine';
import type { WorkbookPort } from '../office/workbook-port';

/** The pane's choices for one draft, on top of the workbook's tables. */
export interface DraftRequest {
  readonly tables: HouseholdTables;
  readonly asOf: IsoDate;
  /** New cash per account, in currency units (overrides Accounts' Contribution). */
  readonly contributions: readonly { account: string; amount: number }[];
  readonly mode: PlanMode;
  readonly wholeShares: boolean;
  /** In currency units. */
  readonly minTrade: number;
  readonly taxAware: boolean;
}

/** One lot a sell takes from (PRODUCT.md's JSON). */
export interface DraftLot {
  readonly acquired: IsoDate | null;
  readonly shares: number;
  readonly basis: number | null;
  readonly gain: number;
  readonly term: 'ST' | 'LT';
}

/** One trade, as in PRODUCT.md's JSON: money in currency units to the cent. */
export interface DraftTrade {
  readonly account: string;
  readonly ticker: string;
  readonly action: 'BUY' | 'SELL';
  readonly shares: number;
  readonly price: number;
  readonly amount: number;
  readonly estTax: number;
  readonly reason: string;
  readonly lots: readonly DraftLot[];
}

export interface DriftAfter {
  readonly class: string;
  readonly weight: number;
  readonly target: number | null;
  readonly drift: number | null;
}

export interface DraftResult {
  readonly trades: readonly DraftTrade[];
  readonly summary: {
    readonly driftAfter: readonly DriftAfter[];
    readonly totalTax: number;
    readonly tradeCount: number;
    /** How far from the best plan the planner has proven this one to be (fraction of the total), null if unknown. */
    readonly gap: number | null;
    /** Why nothing is due, when the plan is empty. */
    readonly note?: string;
  };
  readonly warnings: readonly string[];
}

/**
 * Where a draft is: which of the planner's named steps runs (null before the first, while the solver
 * loads). How long a step takes is not known beforehand, so there is no fraction to show.
 */
export interface DraftProgress {
  readonly step: { readonly number: number; readonly of: number } | null;
  readonly message: string;
}

export interface DraftPort {
  draft(request: DraftRequest, options: { onProgress: (p: DraftProgress) => void; signal: AbortSignal }): Promise<DraftResult>;
}

export interface ExposureRow {
  readonly holding: string;
  readonly direct: number;
  readonly viaFunds: number;
  readonly total: number;
  readonly weight: number;
  /** The funds it is held through. */
  readonly via: readonly string[];
}

export interface ExposureResult {
  readonly rows: readonly ExposureRow[];
  /** Holdings whose look-through weight exceeds the ConcentrationLimit. */
  readonly flags: readonly { holding: string; weight: number; limit: number; message?: string }[];
}

export interface ExposurePort {
  exposure(request: { tables: HouseholdTables; top: number }): Promise<ExposureResult>;
}

export interface ClipboardPort {
  writeText(text: string): Promise<void>;
}

export interface PanePorts {
  readonly workbook: WorkbookPort;
  readonly planner: DraftPort;
  readonly exposure: ExposurePort;
  readonly clipboard: ClipboardPort;
  /** Today's local date; the engine never reads the clock. */
  readonly today: () => IsoDate;
}

/** Thrown into a draft that the user cancelled. */
export class DraftCancelled extends Error {
  constructor() {
    super('The draft was cancelled');
    this.name = 'DraftCancelled';
  }
}
