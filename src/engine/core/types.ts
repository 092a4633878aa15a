// The engine's data model: file → parse → model (this file) → evaluate → rows (evaluate/report.ts).
// Plain data only; no vscode, no I/O.
import type { Dec } from './decimal';

/** A source range. line/column 1-based, columns in UTF-16 units, endColumn exclusive; offsets 0-based UTF-16. */
export interface Span {
  offset: number;
  length: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Diagnostic {
  severity: Severity;
  /** One of DIAGNOSTIC_CODES (core/diagnostic-codes.ts): the engine builds diagnostics only with diagnostic() in
   *  core/diagnostics.ts, whose code is typed DiagnosticCode; the wire type stays a string. */
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A machine-applicable correction ("did you mean", a number split by a comma): replace the diagnostic's range
   *  with `replacement`. Offered as a Quick Fix; absent when no single correction is certain. */
  suggestion?: DiagnosticSuggestion;
}

export interface DiagnosticSuggestion {
  /** What the Quick Fix says, e.g. `Replace with "94500"`. */
  title: string;
  replacement: string;
}

export type Dialect = 'native' | 'ccxt' | 'hyperliquid' | 'freqtrade';
export type FileFormat = 'json' | 'yaml' | 'csv';

export type PerpVenueId =
  | 'binance-usdm'
  | 'binance-coinm'
  | 'bybit-linear'
  | 'bybit-inverse'
  | 'okx'
  | 'gate'
  | 'bitmex'
  | 'deribit'
  | 'hyperliquid'
  | 'dydx-v4'
  | 'generic-linear'
  | 'generic-inverse';
export type LendingVenueId = 'aave-v3' | 'spark' | 'compound-v3' | 'maker' | 'liquity-v1' | 'liquity-v2' | 'morpho-blue';
export type VenueId = PerpVenueId | LendingVenueId;

export type Side = 'long' | 'short';
export type MarginMode = 'cross' | 'isolated';
export type PositionMode = 'one-way' | 'hedge';

/** One maintenance-margin tier. floor/cap in the venue's unit (docs/format.md §4.1). */
export interface Tier {
  floor: Dec;
  /** null = unbounded. */
  cap: Dec | null;
  mmr: Dec;
  /** Maintenance amount / deduction; null when the table gives none (then no deduction). */
  cum: Dec | null;
  maxLeverage: number | null;
  span?: Span;
}

export interface TierTable {
  /** "inline", or the bundled name e.g. "binance-usdm/BTCUSDT@2021-06-01". */
  source: string;
  /** ISO date of a bundled table, null for inline. */
  date: string | null;
  tiers: Tier[];
  /** Bybit-style (floor, cap] when true; else [floor, cap). */
  upperInclusive?: boolean;
}

export interface OrderBook {
  bids: Array<[Dec, Dec]>;
  asks: Array<[Dec, Dec]>;
}

/** Market fields (docs/format.md §2); any may also be written on a position, which wins. */
export interface MarketSpec {
  symbol: string;
  markPrice: Dec | null;
  /** Unix ms. */
  markTime: number | null;
  /** Inline table, or a bundled table name resolved by the evaluator. */
  tiers: TierTable | string | null;
  mmr: Dec | null;
  cum: Dec | null;
  maxLeverage: Dec | null;
  contractSize: Dec | null;
  tickSize: Dec | null;
  stepSize: Dec | null;
  takerFee: Dec | null;
  fundingRate: Dec | null;
  /** Seconds. */
  fundingInterval: number | null;
  volatility: number | null;
  impliedVolatility: number | null;
  /** Path relative to the position file. */
  history: string | null;
  dailyVolume: Dec | null;
  orderBook: OrderBook | null;
  liquidationFee: Dec | null;
}

export interface PerpPosition {
  id: string;
  symbol: string;
  side: Side;
  /** Unsigned, in the input's unit (contracts when contractSize is given). */
  size: Dec;
  entryPrice: Dec;
  marginMode: MarginMode;
  isolatedMargin: Dec | null;
  leverage: Dec | null;
  /** File market merged with the position's own market fields. */
  market: MarketSpec;
  reportedLiquidationPrice: Dec | null;
  /**
   * Foreign rows only: what the file lacks for our own exact price when the reader already knows (e.g. "balance from
   * ccxt fetchBalance"). When our price cannot be computed, the row uses the reported price instead (docs/results.md §2 v1.1).
   */
  missingForOwnPrice?: string | null;
  /** The position's entry (YAML item, JSON object, CSV row). */
  span: Span;
  /** Where each field's value stands, keyed by the canonical field name (for diagnostics and edits). */
  fields: Record<string, Span>;
}

/** Risk overrides of a file (docs/format.md §6); every key optional. */
export interface RiskSettings {
  horizon?: number; // seconds
  probability?: { watch?: number; warning?: number; critical?: number };
  distance?: { watch?: number; warning?: number; critical?: number };
  staleAfter?: number; // seconds
  tails?: 'gbm' | 'student-t' | 'vg' | 'evt';
  targetStatus?: Status;
  marginStep?: number;
  opportunityCost?: number;
  /** Unix ms, or 'now'. */
  evaluationTime?: number | 'now';
  reportedDeviationTolerance?: number;
  /** Setting liquidationLens.takerFees (venue → taker rate as a decimal string); not read from a file's `risk:`. */
  takerFees?: Record<string, string>;
}

export type WalletSource = 'file' | 'ccxt-balance' | 'ccxt-collateral' | 'hyperliquid' | 'freqtrade' | 'none';

export interface PerpAccount {
  kind: 'perp';
  venue: PerpVenueId;
  account: string | null;
  settleCurrency: string | null;
  positionMode: PositionMode;
  walletBalance: Dec | null;
  walletSource: WalletSource;
  /** Unix ms of `asOf`. */
  asOf: number | null;
  positions: PerpPosition[];
  /** Foreign dialects are read-only for fixes. */
  readOnly: boolean;
  span: Span;
  fields: Record<string, Span>;
}

/** Per-asset parameters of a lending market (docs/format.md §2.1); protocol-specific names kept as given. */
export interface LendingAsset {
  symbol: string;
  price: Dec | null;
  decimals: number | null;
  stable: boolean;
  liquidationThreshold: Dec | null;
  liquidationBonus: Dec | null;
  /** Compound v3 */
  liquidateCollateralFactor: Dec | null;
  liquidationFactor: Dec | null;
  storeFrontPriceFactor: Dec | null;
  /** Any other numeric field, exact (e.g. Maker `liquidationRatio`, `penalty`, `dust`, `rate`). */
  extra: Record<string, Dec>;
  volatility: number | null;
  impliedVolatility: number | null;
  history: string | null;
  markTime: number | null;
  span: Span | null;
  fields: Record<string, Span>;
}

export interface LoanLeg {
  asset: string;
  amount: Dec;
  usageAsCollateral: boolean;
  /** Per-leg overrides of market fields. */
  overrides: Partial<LendingAsset>;
  span: Span;
  fields: Record<string, Span>;
}

export interface EModeCategory {
  id: string;
  label: string | null;
  liquidationThreshold: Dec;
  liquidationBonus: Dec | null;
  assets: string[];
}

export interface Loan {
  id: string;
  eMode: string | null;
  collateral: LoanLeg[];
  debt: LoanLeg[];
  /** Loan-level protocol fields: Morpho `lltv`, Maker `liquidationRatio`/`art`/`rate`, Liquity `mcr`, … exact. */
  params: Record<string, Dec>;
  span: Span;
  fields: Record<string, Span>;
}

export interface LendingAccount {
  kind: 'lending';
  venue: LendingVenueId;
  account: string | null;
  asOf: number | null;
  markets: Record<string, LendingAsset>;
  eModeCategories: Record<string, EModeCategory>;
  /** File-level protocol fields, e.g. Liquity `tcr`. */
  params: Record<string, Dec>;
  loans: Loan[];
  readOnly: boolean;
  span: Span;
  fields: Record<string, Span>;
}

export type Account = PerpAccount | LendingAccount;

/** What a parser/reader hands to the evaluator for one file. */
export interface ParsedFile {
  path: string;
  dialect: Dialect;
  format: FileFormat;
  /** null for a CSV mixing venues or an unreadable file. */
  venue: VenueId | null;
  accounts: Account[];
  risk: RiskSettings;
  diagnostics: Diagnostic[];
  /** Positions that could not be modelled but must still be reported as `unknown`. */
  unknown: UnknownEntry[];
  /** Work of the read, in counted steps: characters scanned, plus the values a YAML file expands to (README "Limits"). */
  readSteps?: number;
}

export interface UnknownEntry {
  id: string;
  kind: 'perp' | 'loan';
  venue: VenueId | null;
  account: string | null;
  symbol: string | null;
  side: Side | null;
  reason: string;
  span: Span;
}

export type Status = 'liquidatable' | 'critical' | 'warning' | 'watch' | 'safe' | 'unknown';
export const STATUS_ORDER: Status[] = ['liquidatable', 'critical', 'warning', 'watch', 'unknown', 'safe'];
/** Severity rank for comparisons like --fail-on and targetStatus (higher = worse); unknown is not ranked. */
export const STATUS_RANK: Record<Status, number> = { safe: 0, watch: 1, warning: 2, critical: 3, liquidatable: 4, unknown: -1 };

// ---- What the margin models return (src/engine/perp, src/engine/lending) ----

export interface TierUsed {
  /** 1-based index in its table. */
  index: number;
  floor: Dec;
  cap: Dec | null;
  mmr: Dec;
  cum: Dec | null;
  /** "inline" or the bundled table name with its date. */
  source: string;
}

/** One perp position evaluated at its mark with its account (all other marks held). */
export interface PerpMetrics {
  positionId: string;
  /** The adverse root nearest the mark; null when no move of this mark liquidates (see note). */
  liquidationPrice: Dec | null;
  /** Both adverse roots when a hedged/cross book has two, else null. */
  liquidationPrices: { down: Dec | null; up: Dec | null } | null;
  bankruptcyPrice: Dec | null;
  /** Account totals for cross, the position's own for isolated. */
  marginBalance: Dec | null;
  maintenanceMargin: Dec | null;
  /** MM / MB; null when MB ≤ 0. */
  marginRatio: Dec | null;
  /** The venue's display form (Binance 4 dp, OKX MB/(MM+fee), …). */
  venueMarginRatio: Dec | null;
  tier: TierUsed | null;
  /** MB ≤ MM at the current mark. */
  liquidatable: boolean;
  /** Set when MB/MM cannot be computed (missing mark, no MM source, …): the row is `unknown`. */
  unknownReason: string | null;
  /** Why liquidationPrice is null, or other explanation ("cannot be liquidated by a price move"). */
  note: string | null;
  /** The venue releases isolated margin pro rata on a size cut (a cut leaves the LP unchanged). */
  releasesMarginProRata: boolean;
  /** Settle currency of the amounts (USDT, BTC, …) when known. */
  settleCurrency: string | null;
  /** Notional at the mark in the settle currency (for stress/VaR). */
  notional: Dec | null;
}

export interface LoanMetrics {
  loanId: string;
  /** The protocol's own number (Aave: wad / 1e18 exactly); null when there is no debt. */
  healthFactor: Dec | null;
  healthFactorIdeal: Dec | null;
  /** The protocol's liquidation condition holds in its own arithmetic. */
  liquidatable: boolean;
  /** Volatile asset nearest its liquidation price. */
  symbol: string | null;
  markPrice: Dec | null;
  liquidationPrice: Dec | null;
  /** Direction of the adverse move of `symbol`: collateral down, volatile debt up. */
  direction: 'down' | 'up' | null;
  /** Every volatile asset (and "COLL/DEBT" ratio keys) → its liquidation price with all others held. */
  liquidationPrices: Record<string, Dec | null> | null;
  /** Σ collateral value × threshold (USD/base), and the debt value: HF = marginBalance / maintenanceMargin. */
  marginBalance: Dec | null;
  maintenanceMargin: Dec | null;
  /** Bonus/penalty the borrower would lose on the seizable amount. */
  liquidationCost: Dec | null;
  unknownReason: string | null;
  note: string | null;
  /** Free-form protocol details (close factor, max liquidatable, …) for the panel; values JSON-safe. */
  details: Record<string, unknown>;
  /** The collateral and debt lines as the protocol's app lists them (lending/loan-lines.ts); absent when not built. */
  lines?: LoanLines | null;
}

/** One collateral or debt line of a loan (docs/results.md §2.5): real-number values at the file's prices. */
export interface LoanLine {
  asset: string;
  amount: Dec;
  price: Dec | null;
  /** amount × price; null without a price. */
  value: Dec | null;
  /** The weight this line carries in the health factor (Aave LT, eMode LT, Compound LCF, 1/mat, 1/MCR, LLTV); 0 when
   *  not used as collateral; null for debt lines and when the protocol could not be evaluated. */
  liquidationThreshold: Dec | null;
  usedAsCollateral: boolean;
}

export interface LoanLines {
  collateral: LoanLine[];
  debt: LoanLine[];
}
