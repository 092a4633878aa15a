// Distance to liquidation and the first-passage time (docs/risk.md §2): sigma distances, probability-implied
// distance, inverse-Gaussian moments, and quantiles t_α = inf{t : P_hit(t) ≥ α} by bisection.
import { barrierGeometry, everHitProbability, isValidPassage, passageProbability, type PassageInput } from './first-passage';
import { normQuantile } from './special';

export type PassageLaw = Omit<PassageInput, 'years'>;

export interface DistanceMetrics {
  /** |ln(barrier/spot)|. */
  logDistance: number;
  /** |barrier − spot|/spot. */
  pctDistance: number;
  /** a/(σ√T); null when σ√T = 0. */
  ddDriftless: number | null;
  /** (a − ν_toward·T)/(σ√T), Merton-style (distance left after the expected log drift). */
  ddWithDrift: number | null;
  /** a/(σ/√365): distance in daily sigmas. */
  ddDailySigma: number | null;
  /** −Φ⁻¹(P_hit/2): the driftless distance with the same first-passage probability; null when P = 0. */
  ddEquivalent: number | null;
}

/** Distance measures of docs/risk.md §2 for one barrier. null on invalid input or an unreachable barrier. */
export function distanceMetrics(p: PassageInput, probability?: number): DistanceMetrics | null {
  if (!isValidPassage(p)) return null;
  const g = barrierGeometry(p);
  if (g === null) return null;
  const s = p.sigma * Math.sqrt(Math.max(0, p.years));
  const hit = probability ?? (g.crossed ? 1 : passageProbability(g.a, g.nuToward, p.sigma, p.years));
  return {
    logDistance: g.a,
    pctDistance: Math.abs(p.barrier - p.spot) / p.spot,
    ddDriftless: s > 0 && Number.isFinite(s) ? g.a / s : null,
    ddWithDrift: s > 0 && Number.isFinite(s) ? (g.a - g.nuToward * p.years) / s : null,
    ddDailySigma: p.sigma > 0 ? g.a / (p.sigma / Math.sqrt(365)) : null,
    ddEquivalent: hit > 0 ? -normQuantile(Math.min(1, hit) / 2) : null,
  };
}

export interface PassageMoments {
  /** P(τ < ∞). */
  everHit: number;
  /** E[τ] = a/ν_toward in years; null when the law is defective (ν_toward ≤ 0). */
  mean: number | null;
  /** sd[τ] = √(aσ²/ν_toward³); null when defective. */
  sd: number | null;
}

/** Inverse-Gaussian first-passage law IG(a/ν_toward, a²/σ²) (Chhikara & Folks 1989; docs/risk.md §2). */
export function passageMoments(p: PassageLaw): PassageMoments | null {
  const full = { ...p, years: 1 };
  if (!isValidPassage(full)) return null;
  const g = barrierGeometry(full);
  if (g === null) return { everHit: 0, mean: null, sd: null };
  if (g.crossed) return { everHit: 1, mean: 0, sd: 0 };
  const everHit = everHitProbability(g.a, g.nuToward, p.sigma);
  if (!(g.nuToward > 0)) return { everHit, mean: null, sd: null };
  return { everHit, mean: g.a / g.nuToward, sd: Math.sqrt((g.a * p.sigma * p.sigma) / g.nuToward ** 3) };
}

/** t_α in years: smallest t with P_hit(t) ≥ α; 0 when crossed; null when P(τ < ∞) < α. */
export function passageQuantile(p: PassageLaw, alpha: number): number | null {
  const full = { ...p, years: 1 };
  if (!isValidPassage(full) || !(alpha > 0 && alpha <= 1)) return null;
  const g = barrierGeometry(full);
  if (g === null) return null;
  if (g.crossed) return 0;
  const P = (t: number): number => passageProbability(g.a, g.nuToward, p.sigma, t);
  if (p.sigma === 0) return g.nuToward > 0 ? g.a / g.nuToward : null;
  if (everHitProbability(g.a, g.nuToward, p.sigma) < alpha) return null;
  let lo = 1e-12;
  let hi = 1e-6;
  while (P(hi) < alpha) {
    lo = hi;
    hi *= 4;
    if (hi > 1e8) return null; // defective law with sup P within rounding of α
  }
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = Math.sqrt(lo * hi); // bisection in log t: relative precision at every scale
    if (P(mid) >= alpha) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface TimeQuantiles {
  p01: number | null;
  p05: number | null;
  median: number | null;
}

/** First-passage time quantiles (years) for an alerting UI: 1 %, 5 % and the median (docs/risk.md §2). */
export function timeToLiquidationQuantiles(p: PassageLaw): TimeQuantiles {
  return { p01: passageQuantile(p, 0.01), p05: passageQuantile(p, 0.05), median: passageQuantile(p, 0.5) };
}
