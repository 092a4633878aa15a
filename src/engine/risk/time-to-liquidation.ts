// Distance to liquidation and the first-passage time (docs/risk.md §2): sigma distances, probability-implied
// distance, inverse-Gaussian moments, and quantiles t_α = inf{t : P_hit(t) ≥ α} by bisection.
import { barrierGeometry, everHitProbability, isValidPassage, passageProbability, type BarrierGeometry, type PassageInput } from './first-passage';
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
  if (!(alpha > 0 && alpha <= 1)) return null;
  const g = lawGeometry(p);
  return g === null ? null : quantileOf(g, p.sigma, alpha);
}

/** The law's barrier geometry; null when the input is invalid or the barrier can never be reached. */
function lawGeometry(p: PassageLaw): BarrierGeometry | null {
  const full = { ...p, years: 1 };
  return isValidPassage(full) ? barrierGeometry(full) : null;
}

/** passageQuantile on the law's geometry (computed once for several α). */
function quantileOf(g: BarrierGeometry, sigma: number, alpha: number): number | null {
  if (g.crossed) return 0;
  const { a, nuToward } = g;
  if (sigma === 0) return nuToward > 0 ? a / nuToward : null;
  if (everHitProbability(a, nuToward, sigma) < alpha) return null;
  // The bracket is the first point of the grid 1e-6·4^k with P ≥ α and the point before it (1e-12 before k = 0). The
  // walk starts at the driftless guess t ≈ (a/(σ·Φ⁻¹(1 − α/2)))² on that grid and steps down while the point before
  // still has P ≥ α, so it finds the same bracket as a walk up from k = 0, in a few evaluations instead of ~12.
  const z = driftlessZ(alpha);
  const guess = z > 0 ? (a / (sigma * z)) ** 2 : 0;
  let k = guess > 1e-6 && Number.isFinite(guess) ? Math.min(23, Math.round(Math.log(guess / 1e-6) / Math.log(4))) : 0;
  // P at the bracket's ends as the walk computes them, NaN until known (P is never NaN), so refine need not redo them
  let pLo = Number.NaN, pHi = Number.NaN;
  while (k > 0) {
    const p = passageProbability(a, nuToward, sigma, 1e-6 * 4 ** (k - 1));
    if (!(p >= alpha)) {
      pLo = p;
      break;
    }
    pHi = p;
    k--;
  }
  let lo = k > 0 ? 1e-6 * 4 ** (k - 1) : 1e-12;
  let hi = 1e-6 * 4 ** k;
  if (Number.isNaN(pHi)) pHi = passageProbability(a, nuToward, sigma, hi);
  while (pHi < alpha) {
    lo = hi;
    pLo = pHi;
    hi *= 4;
    if (hi > 1e8) return null; // defective law with sup P within rounding of α
    pHi = passageProbability(a, nuToward, sigma, hi);
  }
  return refine(a, nuToward, sigma, alpha, lo, hi, pLo, pHi);
}

/** −Φ⁻¹(α/2) by α, kept: every row asks the same three α. */
const zByAlpha = new Map<number, number>();

function driftlessZ(alpha: number): number {
  let z = zByAlpha.get(alpha);
  if (z === undefined) {
    z = alpha < 1 ? -normQuantile(alpha / 2) : 0;
    if (zByAlpha.size < 64) zByAlpha.set(alpha, z);
  }
  return z;
}

/**
 * Narrows [lo, hi] (P(lo) < α ≤ P(hi)) to 1e-15 relative and returns hi. Regula falsi with the Illinois halving on
 * g = ln P − ln α against v = 1/√t, where g is close to quadratic (ln Φ(−a·v/σ) for a driftless law), so it takes
 * ~10 evaluations instead of the ~50 of a bisection; a probe is kept at least 0.4e-15·hi inside the bracket (so it
 * closes from both sides), and a bisection step in ln t whenever two steps did not halve it; at most 200 steps.
 */
function refine(a: number, nuToward: number, sigma: number, alpha: number, lo: number, hi: number, pLo: number, pHi: number): number {
  // P_hit(t), called directly (not through a closure) so it can be inlined
  const P = passageProbability;
  const la = Math.log(alpha);
  // a: the P < α end (t = lo, larger v), b: the P ≥ α end (t = hi, smaller v)
  let va = 1 / Math.sqrt(lo), vb = 1 / Math.sqrt(hi);
  let ga = Math.log(Number.isNaN(pLo) ? P(a, nuToward, sigma, lo) : pLo) - la, gb = Math.log(pHi) - la;
  let side = 0;
  let before = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    // bisect when the last two steps did not halve the bracket (interpolation stalling), else interpolate
    const bisect = i % 2 === 0 && hi - lo > 0.5 * before;
    if (i % 2 === 0) before = hi - lo;
    let t = Number.NaN;
    if (!bisect && Number.isFinite(ga) && Number.isFinite(gb) && gb - ga > 0) {
      const v = vb + (gb * (va - vb)) / (gb - ga);
      t = 1 / (v * v);
      // a probe within the tolerance of an end moves to the tolerance, so the bracket can close from both sides
      const tol = 0.4e-15 * hi;
      if (hi - lo > 2 * tol) t = Math.min(Math.max(t, lo + tol), hi - tol);
    }
    if (!(t > lo && t < hi)) t = Math.sqrt(lo * hi);
    if (!(t > lo && t < hi)) break;
    const pt = P(a, nuToward, sigma, t);
    const gt = Math.log(pt) - la;
    if (pt >= alpha) {
      hi = t; vb = 1 / Math.sqrt(t); gb = gt;
      if (side === 1) ga /= 2;
      side = 1;
    } else {
      lo = t; va = 1 / Math.sqrt(t); ga = gt;
      if (side === -1) gb /= 2;
      side = -1;
    }
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
  const g = lawGeometry(p);
  if (g === null) return { p01: null, p05: null, median: null };
  return { p01: quantileOf(g, p.sigma, 0.01), p05: quantileOf(g, p.sigma, 0.05), median: quantileOf(g, p.sigma, 0.5) };
}
