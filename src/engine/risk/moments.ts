// Sample moments with the conventions the references use (docs/risk.md §4.2: population skew/kurtosis).

export interface SampleMoments {
  n: number;
  mean: number;
  /** Divisor n − 1 (null for n < 2). */
  sdSample: number | null;
  /** Divisor n. */
  sdPop: number;
  /** m₃/m₂^{3/2} with population central moments; null when m₂ = 0. */
  skewness: number | null;
  /** m₄/m₂² − 3; null when m₂ = 0. */
  excessKurtosis: number | null;
}

export function mean(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

export function sampleMoments(x: readonly number[]): SampleMoments | null {
  const n = x.length;
  if (n === 0) return null;
  const m = mean(x);
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const v of x) {
    const d = v - m;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const ss = m2;
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return {
    n,
    mean: m,
    sdSample: n > 1 ? Math.sqrt(ss / (n - 1)) : null,
    sdPop: Math.sqrt(m2),
    skewness: m2 > 0 ? m3 / Math.pow(m2, 1.5) : null,
    excessKurtosis: m2 > 0 ? m4 / (m2 * m2) - 3 : null,
  };
}

/** Sample variance (divisor n − 1). */
export function sampleVariance(x: readonly number[]): number {
  const m = mean(x);
  let s = 0;
  for (const v of x) s += (v - m) * (v - m);
  return s / (x.length - 1);
}
