// Special functions for the risk models. Tail-accurate @stdlib primitives (docs/risk.md §8) plus the few
// functions no package provides: Φ⁻¹ (Acklam + one Halley step), the Student-t density, Bessel K_v.
import stdNormCdf from '@stdlib/stats-base-dists-normal-cdf';
import stdNormLogCdf from '@stdlib/stats-base-dists-normal-logcdf';
import stdTCdf from '@stdlib/stats-base-dists-t-cdf';
import stdTQuantile from '@stdlib/stats-base-dists-t-quantile';
import stdGammaln from '@stdlib/math-base-special-gammaln';
import stdErfc from '@stdlib/math-base-special-erfc';

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Standard normal CDF Φ (relative error ≤ 1.4e-13 down to x = −37.5, docs/risk.md §8). */
export function normCdf(x: number): number {
  return stdNormCdf(x, 0, 1);
}

/** log Φ(x), finite far below the underflow of Φ. */
export function normLogCdf(x: number): number {
  return stdNormLogCdf(x, 0, 1);
}

/** Standard normal density φ. */
export function normPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

export function erfc(x: number): number {
  return stdErfc(x);
}

export function gammaln(x: number): number {
  return stdGammaln(x);
}

export function gamma(x: number): number {
  return Math.exp(stdGammaln(x));
}

// Acklam (2003) rational approximation of Φ⁻¹, relative error 1.15e-9.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

// unpacked once (not per call)
const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
const [d0, d1, d2, d3] = D as [number, number, number, number];

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/**
 * Φ⁻¹(p): Acklam + one Halley step on the @stdlib Φ, exact to the last digit down to p = 1e-300 (docs/risk.md §8).
 * p > ½ uses −Φ⁻¹(1 − p) (1 − p is exact there) so the Halley residual keeps its relative precision.
 */
export function normQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normQuantile(1 - p);
  const x = acklam(p);
  const u = (normCdf(x) - p) * SQRT_2PI * Math.exp(0.5 * x * x);
  const next = x - u / (1 + 0.5 * x * u);
  return Number.isFinite(next) ? next : x;
}

/** Student-t CDF with k degrees of freedom (@stdlib, ≤ 1.3e-15). */
export function tCdf(x: number, k: number): number {
  return stdTCdf(x, k);
}

export function tQuantile(p: number, k: number): number {
  return stdTQuantile(p, k);
}

/** Student-t density g_k(x) = Γ((k+1)/2)/(√(kπ)Γ(k/2))·(1 + x²/k)^(−(k+1)/2). */
export function tPdf(x: number, k: number): number {
  const logC = gammaln((k + 1) / 2) - gammaln(k / 2) - 0.5 * Math.log(k * Math.PI);
  return Math.exp(logC - ((k + 1) / 2) * Math.log1p((x * x) / k));
}

/**
 * Exponentially scaled modified Bessel function of the second kind, e^x·K_v(x), x > 0.
 * Trapezoid rule on K_v(x) = ∫₀^∞ e^{−x cosh t} cosh(vt) dt (docs/risk.md §8: step 0.01 ⇒ ≤ 8.8e-16 vs mpmath).
 * The integrand is even, analytic in the strip |Im t| < π/2 and decays double-exponentially, so the error
 * falls like e^{−π²/h}: step 0.1 is already at rounding level and 10× cheaper (checked against mpmath in tests).
 */
export function besselKScaled(v: number, x: number): number {
  if (!(x > 0) || !Number.isFinite(v)) return Number.NaN;
  const h = 0.1;
  let sum = 0.5; // t = 0 term: e^{0}·cosh 0, halved
  for (let i = 1; i < 100_000; i++) {
    const t = i * h;
    const logTerm = -x * (Math.cosh(t) - 1) + Math.abs(v) * t;
    const term = Math.exp(-x * (Math.cosh(t) - 1)) * Math.cosh(v * t);
    sum += term;
    // stop once past the peak (derivative of the log term negative) and negligible
    if (term < 1e-18 * sum && -x * Math.sinh(t) + Math.abs(v) < 0 && logTerm < 0) break;
  }
  return sum * h;
}

/** K_v(x) for x > 0. */
export function besselK(v: number, x: number): number {
  return besselKScaled(v, x) * Math.exp(-x);
}

export const LN_SQRT_TWO_PI = LN_SQRT_2PI;
