// The engine's result shape (docs/results.md §2): what the CLI prints as JSON and what the extension shows.
// Decimal fields are strings (fmt of decimal.ts); floats are numbers; every key is present, null when undefined.
import type { Diagnostic, Dialect, FileFormat, Side, MarginMode, Status, VenueId, WalletSource } from '../core/types';

export interface FileReport {
  path: string;
  dialect: Dialect | null;
  format: FileFormat | null;
  venue: VenueId | null;
  diagnostics: Diagnostic[];
}

export interface TierReport {
  index: number;
  floor: string;
  cap: string | null;
  mmr: string;
  cum: string | null;
  source: string;
}

export interface PerpFix {
  target: Status;
  addMargin: string | null;
  reduceSize: string | null;
  costOptimalMargin: string | null;
  reason: string | null;
}

export interface LoanFix {
  target: Status;
  addCollateral: Record<string, string | null>;
  repayDebt: Record<string, string | null>;
  reason: string | null;
}

/** One collateral or debt line of a loan row's details (docs/results.md §2.5). */
export interface LoanLineReport {
  asset: string;
  amount: string;
  price: string | null;
  value: string | null;
  /** Collateral: the weight in the health factor (0 when not used as collateral); debt lines: null. */
  liquidationThreshold: string | null;
  usedAsCollateral: boolean;
}

export interface RowDetails {
  var: string | null;
  es: string | null;
  liquidationCost: string | null;
  timeToLiquidation: { p01: string | null; p05: string | null; median: string | null } | null;
  // docs/results.md §2.5 "what traders expect to see" — perp rows (evaluate/position-figures.ts):
  positionValue?: string | null;
  unrealisedPnl?: string | null;
  initialMargin?: string | null;
  initialMarginSource?: 'leverage' | 'isolatedMargin' | null;
  roe?: string | null;
  leverage?: string | null;
  leverageBasis?: 'position' | 'account' | null;
  leverageSetting?: string | null;
  fundingRate?: string | null;
  fundingIntervalSeconds?: number;
  fundingIntervalSource?: 'file' | 'venue';
  nextFundingTime?: string | null;
  nextFundingPayment?: string | null;
  // … and loan rows (lending/loan-lines.ts):
  collateralLines?: LoanLineReport[];
  debtLines?: LoanLineReport[];
  collateralValue?: string | null;
  debtValue?: string | null;
  ltv?: string | null;
  liquidationThreshold?: string | null;
  /** Anything else a model wants to show (tier source, close factor, EWMA vol, …): JSON-safe. */
  [key: string]: unknown;
}

export interface ResultRow {
  file: string;
  line: number;
  column: number;
  id: string;
  kind: 'perp' | 'loan';
  venue: VenueId | null;
  account: string | null;
  settleCurrency: string | null;
  symbol: string | null;
  side: Side | null;
  marginMode: MarginMode | null;
  walletSource: WalletSource | null;
  size: string | null;
  entryPrice: string | null;
  markPrice: string | null;
  markAge: number | null;
  stale: boolean;
  liquidationPrice: string | null;
  /** docs/results.md §2 v1.1: "computed" (ours), "reported" (the venue's or bot's, when the file lacks what ours needs), null (loans, unknown). */
  liquidationPriceSource: 'computed' | 'reported' | null;
  liquidationPrices: Record<string, string | null> | null;
  bankruptcyPrice: string | null;
  reportedLiquidationPrice: string | null;
  reportedDeviation: string | null;
  marginBalance: string | null;
  maintenanceMargin: string | null;
  marginRatio: string | null;
  venueMarginRatio: string | null;
  healthFactor: string | null;
  healthFactorIdeal: string | null;
  tier: TierReport | null;
  distance: string | null;
  volatility: number | null;
  volatilitySource: 'implied' | 'file' | 'history' | null;
  horizon: string;
  liquidationProbability: number | null;
  status: Status;
  reason: string;
  fix: PerpFix | LoanFix | null;
  details: RowDetails;
}

/** One cross account (docs/results.md §2.4): its worst leg and the one wallet top-up that brings every leg to the target. */
export interface AccountReport {
  file: string;
  venue: VenueId;
  account: string | null;
  marginMode: 'cross';
  status: Status;
  fix: { target: Status; addMargin: string | null; reason: string | null } | null;
  /** Row ids of its cross legs, in file order. */
  legs: string[];
}

export interface StressPoint {
  shock: number;
  positionsLiquidated: number;
  notional: string;
  loss: string;
}

export interface StressReport {
  /** Present when the shocks were not market-wide: each market's own shock and/or volatility scaling. */
  perAsset?: Record<string, number>;
  scaledByVolatility?: boolean;
  shocks: number[];
  curve: StressPoint[];
  accounts: Array<{ file: string; account: string | null; firstFailingShock: number | null }>;
}

export interface Summary {
  files: number;
  positions: number;
  errors: number;
  byStatus: Record<Status, number>;
}

export interface Report {
  version: 1;
  now: string;
  files: FileReport[];
  positions: ResultRow[];
  /** docs/results.md §2.4: one entry per cross account, sorted by file then account. */
  accounts: AccountReport[];
  summary: Summary;
  stress?: StressReport;
}
