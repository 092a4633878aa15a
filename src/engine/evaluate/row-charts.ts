// The numbers behind a row's charts, from the inputs the engine really used for that row (docs/risk.md §1): the
// probability of liquidation over other horizons (same barriers, volatility, drift, tail model and fitted
// parameters, same stale-mark stretch) and the price ladder (levels and the ±kσ band). Recorded at evaluation time as
// plain JSON (RowRiskInputs) so it survives a worker boundary; computed only when a view asks.
import type { Barriers, MarketRisk } from './risk-view';
import { probabilityAt } from './risk-view';

const YEAR = 365 * 86400;

/** What a row's probability was computed from (floats: statistics, never money). */
export interface RowRiskInputs {
  mark: number;
  /** Adverse barriers (liquidation prices); either may be null. */
  down: number | null;
  up: number | null;
  sigma: number | null;
  /** Annual drift from funding. */
  mu: number;
  tails: MarketRisk['tails'];
  /** Student-t degrees of freedom actually used (the history fit, or 4). */
  dof: number;
  vg: MarketRisk['vg'];
  evt: MarketRisk['evt'];
  /** The probability was not computed (mark too old). */
  suppressed: boolean;
  /** The row's horizon (settings), seconds. */
  horizonSeconds: number;
  /** Added to every horizon: the mark's age when stale (the engine's rule, market-risk.ts). */
  staleSeconds: number;
}

export function rowRiskInputs(b: Barriers | null, risk: MarketRisk, horizonSeconds: number): RowRiskInputs | null {
  if (!b) return null;
  return {
    mark: b.mark.toNumber(), down: b.down === null ? null : b.down.toNumber(), up: b.up === null ? null : b.up.toNumber(),
    sigma: risk.sigma, mu: risk.mu, tails: risk.tails, dof: risk.dof, vg: risk.vg ?? null, evt: risk.evt ?? null,
    suppressed: risk.suppressed, horizonSeconds, staleSeconds: Math.max(0, risk.horizonSeconds - horizonSeconds),
  };
}

function riskOf(i: RowRiskInputs, seconds: number): MarketRisk {
  return { sigma: i.sigma, mu: i.mu, horizonSeconds: seconds + i.staleSeconds, tails: i.tails, dof: i.dof, vg: i.vg, evt: i.evt, suppressed: i.suppressed, prefix: null };
}

/** P(liquidation within each horizon), seconds from the evaluation time; null when no probability is computed. */
export function probabilityOverHorizons(i: RowRiskInputs, horizons: readonly number[]): Array<number | null> {
  return horizons.map((s) => probabilityAt(i.mark, i.down, i.up, riskOf(i, s)));
}

/** Mark · exp(±kσ√t), the GBM ±k standard-deviation band of the log price without drift (docs/risk.md §1.1). */
export function sigmaBand(mark: number, sigma: number, years: number, k: number): [number, number] {
  const s = k * sigma * Math.sqrt(Math.max(0, years));
  return [mark * Math.exp(-s), mark * Math.exp(s)];
}

export interface LadderSeries {
  /** Seconds the ladder spans: the horizon plus a stale mark's age. */
  seconds: number;
  /** σ over that span (σ√t), null without volatility. */
  spanSigma: number | null;
  /** The ±1σ/±2σ band at fractions x of the span (empty without volatility). */
  band: Array<{ x: number; lo2: number; lo1: number; hi1: number; hi2: number }>;
}

/** The price band of the ladder at `steps + 1` points from now to the horizon. */
export function priceLadder(i: RowRiskInputs, steps = 48): LadderSeries {
  const seconds = i.horizonSeconds + i.staleSeconds;
  const years = seconds / YEAR;
  if (i.sigma === null || !(i.sigma > 0)) return { seconds, spanSigma: null, band: [] };
  const sigma = i.sigma;
  const band = Array.from({ length: steps + 1 }, (_, k) => {
    const x = k / steps;
    const [lo1, hi1] = sigmaBand(i.mark, sigma, years * x, 1);
    const [lo2, hi2] = sigmaBand(i.mark, sigma, years * x, 2);
    return { x, lo2, lo1, hi1, hi2 };
  });
  return { seconds, spanSigma: sigma * Math.sqrt(years), band };
}
