// Value at Risk and Expected Shortfall of one position or one return series (docs/risk.md §4.1, §4.2, §3.1).
// Losses are positive numbers; α is the confidence (0.99 ⇒ the 0.99-quantile of the loss).
import { normCdf, normPdf, normQuantile, tPdf, tQuantile } from './special';
import { sampleMoments } from './moments';

export interface VarEs {
  var: number;
  es: number;
}

function validAlpha(alpha: number): boolean {
  return alpha > 0 && alpha < 1;
}

export interface LinearNormalInput {
  /** |notional| in money. */
  notional: number;
  sigma: number;
  mu: number;
  years: number;
  confidence: number;
}

/** Delta-normal: VaR = N(zσ√h − μh), ES = N(σ√h·φ(z)/(1 − α) − μh) (docs/risk.md §4.1). */
export function linearNormalVarEs(p: LinearNormalInput): VarEs | null {
  if (!validAlpha(p.confidence) || !(p.sigma >= 0) || !(p.years >= 0) || !Number.isFinite(p.notional)) return null;
  const z = normQuantile(p.confidence);
  const s = p.sigma * Math.sqrt(p.years);
  const n = Math.abs(p.notional);
  return { var: n * (z * s - p.mu * p.years), es: n * ((s * normPdf(z)) / (1 - p.confidence) - p.mu * p.years) };
}

export interface LognormalInput extends LinearNormalInput {
  side: 'long' | 'short';
}

/**
 * Exact lognormal VaR/ES of a long or short, m = (μ − σ²/2)h, s = σ√h (docs/risk.md §4.1):
 * long VaR = N(1 − e^{m − zs}), ES = N(1 − e^{m + s²/2}Φ(−z − s)/(1 − α));
 * short VaR = N(e^{m + zs} − 1), ES = N(e^{m + s²/2}Φ(−z + s)/(1 − α) − 1).
 */
export function lognormalVarEs(p: LognormalInput): VarEs | null {
  if (!validAlpha(p.confidence) || !(p.sigma >= 0) || !(p.years >= 0) || !Number.isFinite(p.notional)) return null;
  const z = normQuantile(p.confidence);
  const s = p.sigma * Math.sqrt(p.years);
  const m = (p.mu - 0.5 * p.sigma * p.sigma) * p.years;
  const n = Math.abs(p.notional);
  const tail = 1 - p.confidence;
  if (p.side === 'long') {
    return { var: n * -Math.expm1(m - z * s), es: n * (1 - (Math.exp(m + 0.5 * s * s) * normCdf(-z - s)) / tail) };
  }
  return { var: n * Math.expm1(m + z * s), es: n * ((Math.exp(m + 0.5 * s * s) * normCdf(-z + s)) / tail - 1) };
}

/** Loss of an isolated position is capped at its margin: "margin at risk" = min(VaR, margin) (docs/risk.md §4.1). */
export function marginAtRisk(valueAtRisk: number, margin: number): number {
  return Math.min(valueAtRisk, margin);
}

export interface StudentTVarEsInput {
  /** Mean return m. */
  mean: number;
  /** Standard deviation σ of the return (unit-variance parametrisation). */
  sigma: number;
  /** Degrees of freedom ν > 2. */
  nu: number;
  confidence: number;
}

/**
 * Student-t VaR/ES with sd(r) = σ: VaR = −m + σ√((ν−2)/ν)·q, ES = −m + σ√((ν−2)/ν)·g_ν(q)/(1−α)·(ν+q²)/(ν−1),
 * q = t_ν⁻¹(α) (McNeil, Frey & Embrechts, QRM 2005, Ch. 2; docs/risk.md §3.1).
 */
export function studentTVarEs(p: StudentTVarEsInput): VarEs | null {
  if (!validAlpha(p.confidence) || !(p.nu > 2) || !(p.sigma >= 0) || !Number.isFinite(p.mean)) return null;
  const scale = p.sigma * Math.sqrt((p.nu - 2) / p.nu);
  const std = standardTVarEs(p.nu, p.confidence);
  return { var: -p.mean + scale * std.var, es: -p.mean + scale * std.es };
}

/** Standard t_ν (not unit variance): VaR = q, ES = g_ν(q)/(1−α)·(ν+q²)/(ν−1). */
export function standardTVarEs(nu: number, confidence: number): VarEs {
  const q = tQuantile(confidence, nu);
  return { var: q, es: ((tPdf(q, nu) / (1 - confidence)) * (nu + q * q)) / (nu - 1) };
}

export interface HistoricalVarEs {
  /** −q_{1−α} with the type-7 quantile (R default, numpy linear, Excel PERCENTILE.INC). */
  varType7: number;
  /** −mean(r | r < type-7 quantile) (PerformanceAnalytics ES method="historical"). */
  esBelowType7: number;
  /** m = ⌈n(1 − α)⌉. */
  orderStatistic: number;
  /** −r₍m₎ (ascending). */
  varOrderStatistic: number;
  /** −mean(r₍1₎..r₍m₎). */
  esWorstM: number;
  /** Acerbi–Tasche: −(Σ_{i<m} r₍i₎ + (n(1−α) − (m−1))·r₍m₎)/(n(1−α)) (coherent). */
  esAcerbiTasche: number;
}

/** Type-7 sample quantile: h = (n−1)p, interpolate order statistics ⌊h⌋ and ⌈h⌉ (0-based). */
export function quantileType7(sortedAscending: readonly number[], p: number): number {
  const n = sortedAscending.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, Math.ceil(h));
  const a = sortedAscending[lo] as number;
  return a + (h - lo) * ((sortedAscending[hi] as number) - a);
}

/**
 * Historical VaR/ES of a return series under every convention of docs/risk.md §4.2 (they change the answer).
 * The default the UI shows: VaR type 7, ES = mean below the type-7 quantile. null for < 2 finite returns.
 */
export function historicalVarEs(returns: readonly number[], confidence: number): HistoricalVarEs | null {
  const r = returns.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const n = r.length;
  if (n < 2 || !validAlpha(confidence)) return null;
  const tail = n * (1 - confidence);
  const q = quantileType7(r, 1 - confidence);
  const below = r.filter((x) => x < q);
  const m = Math.max(1, Math.ceil(tail - 1e-9));
  let sumM = 0;
  for (let i = 0; i < m; i++) sumM += r[i] as number;
  const rm = r[m - 1] as number;
  return {
    varType7: -q,
    esBelowType7: below.length > 0 ? -below.reduce((s, x) => s + x, 0) / below.length : -q,
    orderStatistic: m,
    varOrderStatistic: -rm,
    esWorstM: -sumM / m,
    esAcerbiTasche: -(sumM - rm + (tail - (m - 1)) * rm) / tail,
  };
}

/** Gaussian VaR/ES of a return series with the population sd (PerformanceAnalytics convention). */
export function gaussianVarEs(returns: readonly number[], confidence: number, sd: 'population' | 'sample' = 'population'): VarEs | null {
  const m = sampleMoments(returns);
  if (m === null || !validAlpha(confidence)) return null;
  const s = sd === 'population' ? m.sdPop : m.sdSample;
  if (s === null) return null;
  const z = normQuantile(confidence);
  return { var: -m.mean + z * s, es: -m.mean + (s * normPdf(z)) / (1 - confidence) };
}

/** z_cf = z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36 (Zangari 1996). */
export function cornishFisherZ(z: number, skew: number, exKurt: number): number {
  return z + ((z * z - 1) * skew) / 6 + ((z ** 3 - 3 * z) * exKurt) / 24 - ((2 * z ** 3 - 5 * z) * skew * skew) / 36;
}

export interface CornishFisherValidity {
  /** dz_cf/dz = A z² + B z + C. */
  A: number;
  B: number;
  C: number;
  /** B² − 4AC. */
  discriminant: number;
  /** z ↦ z_cf increasing for all z: A ≥ 0 and B² − 4AC ≤ 0 (Maillard 2012). */
  monotone: boolean;
}

/** Domain of validity of the Cornish–Fisher expansion (docs/risk.md §4.2). */
export function cornishFisherValidity(skew: number, exKurt: number): CornishFisherValidity {
  const A = exKurt / 8 - (skew * skew) / 6;
  const B = skew / 3;
  const C = 1 - exKurt / 8 + (5 * skew * skew) / 36;
  const discriminant = B * B - 4 * A * C;
  return { A, B, C, discriminant, monotone: A >= 0 && discriminant <= 0 };
}

export interface CornishFisherResult extends VarEs {
  zCf: number;
  /** E_G of the modified ES. */
  eG: number;
  validity: CornishFisherValidity;
}

/**
 * Cornish–Fisher VaR and modified ES (Boudt, Peterson & Croux 2008; PerformanceAnalytics VaR(method="modified"),
 * operES.CornishFisher), population moments, z = Φ⁻¹(1 − α). Use only inside `validity.monotone` and with
 * well-estimated moments; prefer Student-t or EVT at 99 %+ (docs/risk.md §4.2).
 */
export function cornishFisherVarEs(returns: readonly number[], confidence: number): CornishFisherResult | null {
  const m = sampleMoments(returns);
  if (m === null || m.skewness === null || m.excessKurtosis === null || !validAlpha(confidence)) return null;
  const S = m.skewness;
  const K = m.excessKurtosis;
  const z = normQuantile(1 - confidence);
  const zc = cornishFisherZ(z, S, K);
  const eG = (-normPdf(zc) * (1 + (zc ** 3 * S) / 6 + ((zc ** 6 - 9 * zc ** 4 + 9 * zc * zc + 3) * S * S) / 72 + ((zc ** 4 - 2 * zc * zc - 1) * K) / 24)) / (1 - confidence);
  return {
    zCf: zc,
    eG,
    var: -m.mean - zc * m.sdPop,
    es: -m.mean - m.sdPop * Math.min(eG, zc),
    validity: cornishFisherValidity(S, K),
  };
}
