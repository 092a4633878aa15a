// Probability that the mark touches the liquidation price within T: first passage of GBM
// (reflection principle + Girsanov; docs/risk.md §1.2, Shreve, Stochastic Calculus for Finance II §7.2).
import { normCdf, normLogCdf } from './special';

import type { Side } from '../core/types';

export type { Side };

/** Common inputs. sigma annual vol of ln S, years horizon (365-day years), mu annual drift of the price. */
export interface PassageInput {
  spot: number;
  barrier: number;
  side: Side;
  sigma: number;
  years: number;
  mu: number;
}

export const SECONDS_PER_YEAR = 365 * 86_400;

/** Geometry of a barrier problem: log distance a > 0 and the log drift towards the barrier. */
export interface BarrierGeometry {
  crossed: boolean;
  /** |ln(barrier/spot)|. */
  a: number;
  /** ν_toward = −ν (long) or +ν (short), ν = μ − σ²/2 (docs/risk.md §2). */
  nuToward: number;
}

export function isValidPassage(p: PassageInput): boolean {
  return (
    Number.isFinite(p.spot) && p.spot > 0 && !Number.isNaN(p.barrier) && Number.isFinite(p.sigma) && p.sigma >= 0 &&
    !Number.isNaN(p.years) && Number.isFinite(p.mu) && (p.side === 'long' || p.side === 'short')
  );
}

/** null when the barrier can never be reached (long with barrier ≤ 0, short with barrier = ∞). */
export function barrierGeometry(p: PassageInput): BarrierGeometry | null {
  return geometryInto(p, { crossed: false, a: 0, nuToward: 0 });
}

/** barrierGeometry written into `out` (for the hot paths that read it at once: no object per probability). */
export function geometryInto(p: PassageInput, out: BarrierGeometry): BarrierGeometry | null {
  const nu = p.mu - 0.5 * p.sigma * p.sigma;
  if (p.side === 'long') {
    if (p.barrier >= p.spot) return setGeometry(out, true, 0, -nu);
    if (!(p.barrier > 0)) return null;
    return setGeometry(out, false, Math.log(p.spot / p.barrier), -nu);
  }
  if (p.barrier <= p.spot) return setGeometry(out, true, 0, nu);
  if (!Number.isFinite(p.barrier)) return null;
  return setGeometry(out, false, Math.log(p.barrier / p.spot), nu);
}

function setGeometry(out: BarrierGeometry, crossed: boolean, a: number, nuToward: number): BarrierGeometry {
  out.crossed = crossed;
  out.a = a;
  out.nuToward = nuToward;
  return out;
}

/** The geometry read by firstPassageGbm (scratch: it is used before any other geometry is computed). */
const gbmGeometry: BarrierGeometry = { crossed: false, a: 0, nuToward: 0 };

function clamp01(x: number): number {
  if (Number.isNaN(x)) return 1; // only reachable through ∞·0, i.e. an overwhelming drift term
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * P(τ ≤ T) for a log distance a > 0 with log drift ν_toward towards the barrier:
 * Φ((−a + ν_t T)/s) + exp(2ν_t a/σ² + log Φ((−a − ν_t T)/s)), s = σ√T. The second term is evaluated in
 * log space: the naive product is ∞·0 = NaN for extreme inputs (docs/risk.md §1.5).
 */
export function passageProbability(a: number, nuToward: number, sigma: number, years: number): number {
  if (!(years > 0)) return 0;
  if (sigma === 0) return nuToward * years >= a ? 1 : 0;
  if (!Number.isFinite(years)) return everHitProbability(a, nuToward, sigma);
  const s = sigma * Math.sqrt(years);
  const first = normCdf((-a + nuToward * years) / s);
  const logSecond = (2 * nuToward * a) / (sigma * sigma) + normLogCdf((-a - nuToward * years) / s);
  return clamp01(first + Math.exp(logSecond));
}

/** P(τ < ∞): 1 when the log drift points towards the barrier, else exp(−2|ν|a/σ²) (docs/risk.md §2). */
export function everHitProbability(a: number, nuToward: number, sigma: number): number {
  if (nuToward >= 0) return a === 0 || sigma > 0 || nuToward > 0 ? 1 : 0;
  if (sigma === 0) return 0;
  // σ² can overflow to ∞ for absurd σ, making the exponent ∞/∞: clamp01 turns that NaN into the conservative 1.
  return clamp01(Math.exp((2 * nuToward * a) / (sigma * sigma)));
}

/**
 * First-passage probability of GBM through the barrier within `years` (docs/risk.md §1.2).
 * Barrier already crossed ⇒ 1; T ≤ 0 ⇒ 0; σ = 0 ⇒ deterministic path; T = ∞ ⇒ P(τ < ∞); result in [0, 1].
 * Invalid input (non-finite or non-positive spot, σ < 0, NaN) cannot be shown safe and gives 1.
 */
export function firstPassageGbm(p: PassageInput): number {
  if (!isValidPassage(p)) return 1;
  const g = geometryInto(p, gbmGeometry);
  if (g === null) return 0;
  if (g.crossed) return 1;
  return passageProbability(g.a, g.nuToward, p.sigma, p.years);
}

/** Arithmetic-BM inputs: sigmaAbs and driftAbs in price units per √year / per year (s_a ≈ σ·S₀). */
export interface AbmInput {
  spot: number;
  barrier: number;
  side: Side;
  sigmaAbs: number;
  years: number;
  driftAbs: number;
}

/**
 * First passage of arithmetic BM (Bachelier), a sensitivity next to GBM (docs/risk.md §1.2):
 * P = Φ((−d + m_t T)/(s√T)) + exp(2 m_t d/s²)·Φ((−d − m_t T)/(s√T)), m_t = drift towards the barrier.
 */
export function firstPassageAbm(p: AbmInput): number {
  const ok = Number.isFinite(p.spot) && !Number.isNaN(p.barrier) && Number.isFinite(p.sigmaAbs) && p.sigmaAbs >= 0 &&
    !Number.isNaN(p.years) && Number.isFinite(p.driftAbs) && (p.side === 'long' || p.side === 'short');
  if (!ok) return 1;
  const crossed = p.side === 'long' ? p.barrier >= p.spot : p.barrier <= p.spot;
  if (crossed) return 1;
  if (!Number.isFinite(p.barrier)) return 0;
  if (!(p.years > 0)) return 0;
  const d = Math.abs(p.barrier - p.spot);
  const mt = p.side === 'long' ? -p.driftAbs : p.driftAbs;
  if (p.sigmaAbs === 0) return mt * p.years >= d ? 1 : 0;
  const s = p.sigmaAbs * Math.sqrt(p.years);
  const first = normCdf((-d + mt * p.years) / s);
  const logSecond = (2 * mt * d) / (p.sigmaAbs * p.sigmaAbs) + normLogCdf((-d - mt * p.years) / s);
  return clamp01(first + Math.exp(logSecond));
}

/**
 * Funding as drift (docs/risk.md §1.2): μ = −f · intervals per year, the same for both sides
 * (positive funding pushes longs towards and shorts away from liquidation). 0 without usable funding
 * (non-finite rate, interval ≤ 0), as docs/results.md §3 says for no funding.
 */
export function fundingDrift(fundingRate: number, intervalSeconds: number): number {
  if (!Number.isFinite(fundingRate) || !Number.isFinite(intervalSeconds) || !(intervalSeconds > 0)) return 0;
  const mu = -fundingRate * (SECONDS_PER_YEAR / intervalSeconds);
  return mu === 0 ? 0 : mu; // no −0
}
