// Portfolio VaR/ES with a correlation matrix and Euler attribution (docs/risk.md §4.3; R PerformanceAnalytics
// VaR(portfolio_method="component", method="gaussian")).
import { normPdf, normQuantile } from './special';

export interface PortfolioInput {
  /** Signed notionals (long +, short −). */
  notionals: readonly number[];
  /** Annual volatilities. */
  vols: readonly number[];
  /** Correlation matrix, symmetric with unit diagonal. */
  correlation: readonly (readonly number[])[];
  years: number;
  confidence: number;
}

export interface PortfolioVarEs {
  /** σ_P = √(wᵀΣw) in money over the horizon. */
  sigma: number;
  var: number;
  es: number;
  /** z(Σw)_i/σ_P per unit notional. */
  marginal: number[];
  /** w_i·marginal_i, sums exactly to VaR. */
  component: number[];
  /** component VaR × ES/VaR (elliptical laws). */
  componentEs: number[];
  standalone: number[];
  diversification: number;
}

function validVectors(p: Omit<PortfolioInput, 'correlation'>): boolean {
  const n = p.notionals.length;
  return n > 0 && p.vols.length === n &&
    p.notionals.every(Number.isFinite) && p.vols.every((v) => Number.isFinite(v) && v >= 0) &&
    p.years >= 0 && p.confidence > 0 && p.confidence < 1;
}

function validInput(p: PortfolioInput): boolean {
  const n = p.notionals.length;
  return validVectors(p) && p.correlation.length === n && p.correlation.every((row) => row.length === n && row.every(Number.isFinite));
}

/** Delta-normal portfolio VaR/ES, Σ = D·R·D·h. null on inconsistent dimensions or a non-PSD matrix (wᵀΣw < 0). */
export function portfolioVarEs(p: PortfolioInput): PortfolioVarEs | null {
  if (!validInput(p)) return null;
  const n = p.notionals.length;
  const w = p.notionals;
  const sw: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += (p.correlation[i] as number[])[j]! * p.vols[i]! * p.vols[j]! * p.years * w[j]!;
    sw.push(s);
  }
  return fromSigmaW(p, sw);
}

export interface OperatorPortfolioInput extends Omit<PortfolioInput, 'correlation'> {
  /** R·x for a vector x over the positions (R the correlation matrix, never built). */
  correlationTimes: (x: readonly number[]) => number[];
}

/**
 * The same VaR/ES with the correlation matrix given as an operator: (Σw)_i = σ_i·h·(R·(σ∘w))_i. An account whose
 * correlations have structure (by symbol and side) is then linear in its size instead of n². Equal to
 * `portfolioVarEs` with the expanded matrix up to floating-point summation order.
 */
export function operatorPortfolioVarEs(p: OperatorPortfolioInput): PortfolioVarEs | null {
  if (!validVectors(p)) return null;
  const x = p.notionals.map((w, j) => p.vols[j]! * w);
  const rx = p.correlationTimes(x);
  if (rx.length !== x.length || !rx.every(Number.isFinite)) return null;
  return fromSigmaW(p, rx.map((v, i) => p.vols[i]! * p.years * v));
}

function fromSigmaW(p: Omit<PortfolioInput, 'correlation'>, sw: number[]): PortfolioVarEs | null {
  const w = p.notionals;
  const variance = sw.reduce((s, x, i) => s + x * w[i]!, 0);
  if (variance < -1e-12 * Math.max(1, Math.abs(variance))) return null;
  const sigma = Math.sqrt(Math.max(0, variance));
  const z = normQuantile(p.confidence);
  const varP = z * sigma;
  const es = (sigma * normPdf(z)) / (1 - p.confidence);
  const marginal = sw.map((x) => (sigma > 0 ? (z * x) / sigma : 0));
  const component = marginal.map((m, i) => m * w[i]!);
  const standalone = w.map((x, i) => z * Math.abs(x) * p.vols[i]! * Math.sqrt(p.years));
  return {
    sigma,
    var: varP,
    es,
    marginal,
    component,
    componentEs: component.map((c) => (varP > 0 ? (c * es) / varP : 0)),
    standalone,
    diversification: standalone.reduce((s, x) => s + x, 0) - varP,
  };
}
