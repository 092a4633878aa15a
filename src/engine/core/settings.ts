// Risk settings (docs/format.md §6): CLI flag > file `risk:` > extension setting > default.
import type { RiskSettings, Status } from './types';

export interface Bands {
  watch: number;
  warning: number;
  critical: number;
}

export interface EffectiveSettings {
  horizon: number; // seconds
  probability: Bands;
  distance: Bands;
  staleAfter: number; // seconds
  tails: 'gbm' | 'student-t' | 'vg' | 'evt';
  targetStatus: Status;
  /** null = per-currency default (0.01, or 1e-8 when coin-settled). */
  marginStep: number | null;
  opportunityCost: number;
  evaluationTime: number | 'now';
  reportedDeviationTolerance: number;
  /** venue → taker rate for positions whose file gives none (issue 11; applied by the reader, parse/taker-fees.ts). */
  takerFees: Record<string, string>;
}

export const DEFAULT_SETTINGS: EffectiveSettings = {
  horizon: 24 * 3600,
  probability: { watch: 0.005, warning: 0.02, critical: 0.1 },
  distance: { watch: 0.1, warning: 0.05, critical: 0.02 },
  staleAfter: 300,
  tails: 'student-t',
  targetStatus: 'safe',
  marginStep: null,
  opportunityCost: 0.1,
  evaluationTime: 'now',
  reportedDeviationTolerance: 0.001,
  takerFees: {},
};

function bands(base: Bands, ...layers: Array<Partial<Bands> | undefined>): Bands {
  const out = { ...base };
  for (const l of layers) if (l) for (const k of ['watch', 'warning', 'critical'] as const) if (l[k] !== undefined) out[k] = l[k]!;
  return out;
}

/** Layers from lowest to highest precedence: settings, file, CLI. */
export function resolveSettings(...layers: Array<RiskSettings | undefined>): EffectiveSettings {
  const out: EffectiveSettings = { ...DEFAULT_SETTINGS };
  for (const l of layers) {
    if (!l) continue;
    if (l.horizon !== undefined) out.horizon = l.horizon;
    if (l.staleAfter !== undefined) out.staleAfter = l.staleAfter;
    if (l.tails !== undefined) out.tails = l.tails;
    if (l.targetStatus !== undefined) out.targetStatus = l.targetStatus;
    if (l.marginStep !== undefined) out.marginStep = l.marginStep;
    if (l.opportunityCost !== undefined) out.opportunityCost = l.opportunityCost;
    if (l.evaluationTime !== undefined) out.evaluationTime = l.evaluationTime;
    if (l.reportedDeviationTolerance !== undefined) out.reportedDeviationTolerance = l.reportedDeviationTolerance;
    if (l.takerFees !== undefined) out.takerFees = { ...out.takerFees, ...l.takerFees };
  }
  out.probability = bands(DEFAULT_SETTINGS.probability, ...layers.map((l) => l?.probability));
  out.distance = bands(DEFAULT_SETTINGS.distance, ...layers.map((l) => l?.distance));
  return out;
}

/** Position files a workspace or a directory is searched for (docs/format.md §0; setting liquidationLens.include). */
export const DEFAULT_INCLUDE = '**/*.positions.{json,yaml,yml,csv}';
