// The smallest row shape the faces format: the engine's result rows and the panel's rows both fit it structurally.
// Presentation never imports engine types (layer rule); these mirror docs/results.md §rows for the fields shown.

export type DisplayStatus = 'liquidatable' | 'critical' | 'warning' | 'watch' | 'unknown' | 'safe';

export interface FixLike {
  target: DisplayStatus;
  addMargin?: string | null;
  reduceSize?: string | null;
  costOptimalMargin?: string | null;
  addCollateral?: Record<string, string | null>;
  repayDebt?: Record<string, string | null>;
  reason: string | null;
}

export interface DisplayRow {
  file: string;
  id: string;
  kind: 'perp' | 'loan';
  venue: string | null;
  account: string | null;
  settleCurrency: string | null;
  symbol: string | null;
  side: 'long' | 'short' | null;
  size: string | null;
  markPrice: string | null;
  markAge: number | null;
  stale: boolean;
  liquidationPrice: string | null;
  /** docs/results.md §2 v1.1: "computed" (ours) or "reported" (the venue's or bot's, used when ours cannot be computed). */
  liquidationPriceSource?: string | null;
  distance: string | null;
  horizon: string;
  liquidationProbability: number | null;
  marginRatio: string | null;
  healthFactor: string | null;
  status: DisplayStatus;
  reason: string;
  fix: FixLike | null;
}

export interface DisplayDiagnostic {
  severity: string;
  code: string;
  message: string;
  line: number;
  column: number;
}

export interface DisplayStress {
  shocks?: readonly number[];
  curve: ReadonlyArray<{ shock: number; positionsLiquidated: number; notional: string; loss: string }>;
  accounts: ReadonlyArray<{ file: string; account: string | null; firstFailingShock: number | null }>;
}

/** A cross account (docs/results.md §2.4): its worst leg and the one wallet top-up for every leg. */
export interface DisplayAccount {
  file: string;
  venue: string | null;
  account: string | null;
  status: DisplayStatus;
  fix: { target: DisplayStatus; addMargin: string | null; reason: string | null } | null;
  legs: readonly string[];
}

/** The report as the text faces read it (the engine's Report fits it). */
export interface DisplayReport {
  now: string;
  files: ReadonlyArray<{ path: string; diagnostics: readonly DisplayDiagnostic[] }>;
  positions: readonly DisplayRow[];
  accounts?: readonly DisplayAccount[];
  summary: { files: number; positions: number; byStatus: Record<string, number> };
  stress?: DisplayStress;
}

/** Each file's evaluation time (ISO), when the caller knows it; files pinned to different times are named. */
export type FileTimes = Readonly<Record<string, string>>;
