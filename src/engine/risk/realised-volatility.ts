// Realised volatility from OHLC bars (docs/risk.md §5; formulas as in R TTR::volatility, TTR 0.24.3),
// annualised with 365 days of 24 hours (crypto trades 24/7).
import type { Bar } from './history';
import { mean, sampleVariance } from './moments';
import { SECONDS_PER_YEAR } from './first-passage';

export type Estimator =
  | 'close-to-close'
  | 'close-to-close-zero-mean'
  | 'parkinson'
  | 'garman-klass'
  | 'gk-yang-zhang'
  | 'rogers-satchell'
  | 'yang-zhang'
  | 'ewma';

/** OHLC only; `bars[0]` of a series supplies just the previous close. */
export type Ohlc = Pick<Bar, 'open' | 'high' | 'low' | 'close'>;

export interface EwmaOptions {
  /** Decay λ, RiskMetrics daily 0.94. */
  lambda?: number;
  /**
   * 'normalised' (default): Σλ^{n−i}r_i²/Σλ^{n−i} (pandas ewm adjust=True);
   * 'recursive': v_1 = r_1², v_t = λv_{t−1} + (1−λ)r_t² (adjust=False; inflated for ~1/(1−λ) bars by the seed).
   */
  form?: 'normalised' | 'recursive';
}

export interface RealizedVolOptions extends EwmaOptions {
  /** Window length in days (default 30, docs/format.md §3.1). */
  windowDays?: number;
  /** Minimum bars with a previous bar in the window (default 20). */
  minBars?: number;
}

interface BarTerms {
  o: number; // ln(O/C_prev)
  u: number; // ln(H/O)
  d: number; // ln(L/O)
  c: number; // ln(C/O)
  r: number; // ln(C/C_prev)
  hl: number; // ln(H/L)
}

function terms(series: readonly Ohlc[]): BarTerms[] {
  const out: BarTerms[] = [];
  for (let i = 1; i < series.length; i++) {
    const b = series[i] as Ohlc;
    const prevClose = (series[i - 1] as Ohlc).close;
    out.push({
      o: Math.log(b.open / prevClose),
      u: Math.log(b.high / b.open),
      d: Math.log(b.low / b.open),
      c: Math.log(b.close / b.open),
      r: Math.log(b.close / prevClose),
      hl: Math.log(b.high / b.low),
    });
  }
  return out;
}

const TWO_LN2_MINUS_1 = 2 * Math.LN2 - 1;

function rogersSatchell(t: BarTerms[]): number {
  return mean(t.map((x) => x.u * (x.u - x.c) + x.d * (x.d - x.c)));
}

/** Yang–Zhang k = 0.34/(1.34 + (n+1)/(n−1)) (Yang & Zhang 2000, J. Business 73(3)). */
export function yangZhangK(n: number): number {
  return 0.34 / (1.34 + (n + 1) / (n - 1));
}

/** Yang–Zhang per-bar components: σ_o², σ_c² (sample variances), σ_RS² (mean). */
export function yangZhangComponents(series: readonly Ohlc[]): { overnight: number; openClose: number; rogersSatchell: number; k: number } | null {
  const t = terms(series);
  if (t.length < 2) return null;
  return {
    overnight: sampleVariance(t.map((x) => x.o)),
    openClose: sampleVariance(t.map((x) => x.c)),
    rogersSatchell: rogersSatchell(t),
    k: yangZhangK(t.length),
  };
}

function ewmaVariance(r: number[], opts: EwmaOptions): number {
  const lambda = opts.lambda ?? 0.94;
  if (opts.form === 'recursive') {
    let v = (r[0] as number) ** 2;
    for (let i = 1; i < r.length; i++) v = lambda * v + (1 - lambda) * (r[i] as number) ** 2;
    return v;
  }
  let num = 0;
  let den = 0;
  let w = 1;
  for (let i = r.length - 1; i >= 0; i--) {
    num += w * (r[i] as number) ** 2;
    den += w;
    w *= lambda;
  }
  return num / den;
}

/**
 * Per-bar variance of `series` (series[0] only supplies the previous close; n = series.length − 1 bars).
 * null when there are too few bars (≥ 2 needed, ≥ 1 for the range/EWMA estimators) or a non-positive price.
 */
export function barVariance(series: readonly Ohlc[], estimator: Estimator, opts: EwmaOptions = {}): number | null {
  if (!series.every((b) => b.open > 0 && b.high > 0 && b.low > 0 && b.close > 0)) return null;
  const t = terms(series);
  const n = t.length;
  if (n < 1) return null;
  switch (estimator) {
    case 'close-to-close':
      return n < 2 ? null : sampleVariance(t.map((x) => x.r));
    case 'close-to-close-zero-mean':
      return mean(t.map((x) => x.r * x.r));
    case 'parkinson': // Parkinson (1980), J. Business 53(1)
      return mean(t.map((x) => x.hl * x.hl)) / (4 * Math.LN2);
    case 'garman-klass': // Garman & Klass (1980), J. Business 53(1)
      return mean(t.map((x) => 0.5 * x.hl * x.hl - TWO_LN2_MINUS_1 * x.c * x.c));
    case 'gk-yang-zhang': // GK with opening jumps (Yang & Zhang 2000)
      return mean(t.map((x) => x.o * x.o + 0.5 * x.hl * x.hl - TWO_LN2_MINUS_1 * x.c * x.c));
    case 'rogers-satchell': // Rogers & Satchell (1991), Ann. Appl. Prob. 1(4)
      return rogersSatchell(t);
    case 'yang-zhang': {
      const yz = yangZhangComponents(series);
      return yz === null ? null : yz.overnight + yz.k * yz.openClose + (1 - yz.k) * yz.rogersSatchell;
    }
    case 'ewma': // RiskMetrics Technical Document (J.P. Morgan/Reuters 1996), zero mean
      return ewmaVariance(t.map((x) => x.r), opts);
    default:
      return null;
  }
}

/** Bars per 365-day year for a bar length in seconds (daily 365, hourly 8760, 5-min 105120). */
export function barsPerYear(barSeconds: number): number {
  return SECONDS_PER_YEAR / barSeconds;
}

/** σ_annual = √(N·var) for a per-bar variance. */
export function annualise(variancePerBar: number, barSeconds: number): number | null {
  if (!(barSeconds > 0) || !(variancePerBar >= 0)) return null;
  return Math.sqrt(barsPerYear(barSeconds) * variancePerBar);
}

/** The bars in the last `windowDays` that have a previous bar, preceded by that previous bar. */
export function windowSeries(bars: readonly Bar[], windowDays = 30): Bar[] {
  if (bars.length < 2) return [];
  const last = (bars[bars.length - 1] as Bar).time;
  const from = last - windowDays * 86_400_000;
  let first = bars.length - 1;
  while (first > 1 && (bars[first - 1] as Bar).time > from) first--;
  return bars.slice(first - 1);
}

/**
 * Annualised realised volatility over the last 30 days of bars (docs/format.md §3.1): the bars with a previous bar,
 * at least 20 of them, else null. Default estimator Yang–Zhang (docs/risk.md §5).
 */
export function realizedVolatility(bars: readonly Bar[], barSeconds: number, estimator: Estimator = 'yang-zhang', opts: RealizedVolOptions = {}): number | null {
  if (!(barSeconds > 0) || !Number.isFinite(barSeconds)) return null;
  const series = windowSeries(bars, opts.windowDays ?? 30);
  if (series.length - 1 < (opts.minBars ?? 20)) return null;
  const v = barVariance(series, estimator, opts);
  return v === null ? null : annualise(v, barSeconds);
}

/** Log returns ln(C_i/C_{i−1}) of consecutive bars (for studentTDof). */
export function logReturns(bars: readonly Ohlc[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < bars.length; i++) {
    const r = Math.log((bars[i] as Ohlc).close / (bars[i - 1] as Ohlc).close);
    if (Number.isFinite(r)) out.push(r);
  }
  return out;
}
