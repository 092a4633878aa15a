// Buffer optimisation (docs/risk.md §6): (A) chance constraint P_liq(T) ≤ α — smallest added margin by bisection;
// (B) expected-cost minimum of J = P·K + c·C. Works on an abstract margin model (the venue math lives elsewhere:
// the caller supplies the liquidation price as a function of added margin), plus the closed forms of the
// isolated linear position (docs/risk.md §1.1) so the reference vectors can be reproduced.
import { liquidationProbability, type Tails } from './liquidation';
import type { Side } from './first-passage';
import { normQuantile } from './special';

/** Price model of one position, without the barrier. */
export interface PriceModel {
  spot: number;
  side: Side;
  sigma: number;
  years: number;
  mu: number;
  tails?: Tails;
  k?: number;
}

export interface MarginModel extends PriceModel {
  /** Liquidation price after adding `added` ≥ 0 margin; null when no move liquidates any more. */
  liquidationPrice: (added: number) => number | null;
}

export interface SearchOptions {
  /** Upper bound of the added margin to search (default: found by doubling from `scale`). */
  maxAdded?: number;
  /** Typical size of the answer (default 1); the doubling search starts here. */
  scale?: number;
}

export function probabilityAt(model: MarginModel, added: number): number {
  const barrier = model.liquidationPrice(added);
  if (barrier === null || !Number.isFinite(barrier)) return 0;
  return liquidationProbability({ ...model, barrier, tails: model.tails ?? 'gbm' });
}

function validModel(m: PriceModel): boolean {
  return m.spot > 0 && Number.isFinite(m.spot) && m.sigma >= 0 && Number.isFinite(m.sigma) && Number.isFinite(m.mu) && m.years >= 0;
}

export interface ChanceConstraintResult {
  addedMargin: number;
  probability: number;
  liquidationPrice: number | null;
}

/**
 * (A) Smallest added margin with P ≤ α: P is non-increasing in collateral for any price model (docs/risk.md §6), so
 * bisection on a doubling bracket, to 1e-13 relative (docs/results.md §5 fast path). null when even `maxAdded` (or
 * 1e300) is not enough, or on invalid input.
 */
export function chanceConstraintMargin(model: MarginModel, alpha: number, opts: SearchOptions = {}): ChanceConstraintResult | null {
  if (!validModel(model) || !(alpha > 0 && alpha < 1)) return null;
  const result = (x: number): ChanceConstraintResult => ({ addedMargin: x, probability: probabilityAt(model, x), liquidationPrice: model.liquidationPrice(x) });
  if (probabilityAt(model, 0) <= alpha) return result(0);
  const cap = opts.maxAdded ?? 1e300;
  let lo = 0;
  let hi = Math.min(cap, opts.scale !== undefined && opts.scale > 0 ? opts.scale : 1);
  while (probabilityAt(model, hi) > alpha) {
    if (hi >= cap) return null;
    lo = hi;
    hi = Math.min(cap, hi * 2);
  }
  for (let i = 0; i < 400 && hi - lo > 1e-13 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (probabilityAt(model, mid) <= alpha) hi = mid;
    else lo = mid;
  }
  return result(hi);
}

export interface CostModel extends MarginModel {
  /** K(added): loss if liquidated (fee + slippage + penalty), money. */
  lossIfLiquidated: (added: number) => number;
  /** c = r_opp·T: cost of one unit of idle collateral over the horizon. */
  opportunityCost: number;
  /** Collateral already posted (only shifts J by c·base). */
  baseCollateral?: number;
  /** P(added) when the caller computes it (both barriers of a hedged book, fitted tails); default: probabilityAt. */
  probability?: (added: number) => number;
}

export interface CostOptimalResult {
  addedMargin: number;
  probability: number;
  /** J at the optimum. */
  expectedCost: number;
  /** J with nothing added. */
  expectedCostNow: number;
}

const probabilityOf = (m: CostModel, x: number): number => (m.probability ? m.probability(x) : probabilityAt(m, x));

function expectedCost(m: CostModel, x: number): number {
  const p = probabilityOf(m, x);
  return (p > 0 ? p * m.lossIfLiquidated(x) : 0) + m.opportunityCost * ((m.baseCollateral ?? 0) + x);
}

function upperBound(m: CostModel, opts: SearchOptions): number {
  if (opts.maxAdded !== undefined) return opts.maxAdded;
  let hi = opts.scale !== undefined && opts.scale > 0 ? opts.scale : 1;
  // beyond hi the tail term P·K is negligible against c·x, so J is increasing there
  for (let i = 0; i < 2000 && probabilityOf(m, hi) * m.lossIfLiquidated(hi) > 1e-6 * m.opportunityCost * hi; i++) hi *= 2;
  return hi;
}

/** Log-spaced grid over (hi·10⁻⁸, hi] (the buffer's scale is unknown within many decades), then Brent's search. */
const GRID = 16;
const DECADES = 8;
const REL_TOL = 1e-9;
const CGOLD = (3 - Math.sqrt(5)) / 2;

/**
 * Brent's minimisation on [a, b] (Forsythe, Malcolm & Moler, Computer Methods for Mathematical Computations, 1977,
 * `fmin`): golden section safeguarded by parabolic interpolation, to `tol` relative. Returns the best point found.
 */
function brentMin(f: (x: number) => number, a: number, b: number, x0: number, f0: number, tol: number): [number, number] {
  let x = x0, w = x0, v = x0, fx = f0, fw = f0, fv = f0;
  let d = 0, e = 0;
  for (let i = 0; i < 100; i++) {
    const m = 0.5 * (a + b);
    const t1 = tol * Math.abs(x) + 1e-300, t2 = 2 * t1;
    if (Math.abs(x - m) <= t2 - 0.5 * (b - a)) break;
    let golden = true;
    if (Math.abs(e) > t1) {
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p; else q = -q;
      if (Math.abs(p) < Math.abs(0.5 * q * e) && p > q * (a - x) && p < q * (b - x)) {
        e = d; d = p / q; golden = false;
        const u = x + d;
        if (u - a < t2 || b - u < t2) d = x < m ? t1 : -t1;
      }
    }
    if (golden) { e = (x < m ? b : a) - x; d = CGOLD * e; }
    const u = Math.abs(d) >= t1 ? x + d : x + (d > 0 ? t1 : -t1);
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x; else a = x;
      v = w; fv = fw; w = x; fw = fx; x = u; fx = fu;
    } else {
      if (u < x) a = u; else b = u;
      if (fu <= fw || w === x) { v = w; fv = fw; w = u; fw = fu; }
      else if (fu <= fv || v === x || v === w) { v = u; fv = fu; }
    }
  }
  return [x, fx];
}

/** 0, then GRID + 1 points log-spaced over (hi·10⁻⁸, hi]. */
function gridOf(hi: number): Float64Array {
  const xs = new Float64Array(GRID + 2);
  for (let i = 0; i <= GRID; i++) xs[i + 1] = i === GRID ? hi : hi * Math.pow(10, -DECADES + (DECADES * i) / GRID);
  return xs;
}

/**
 * (B) Cost-optimal added margin: minimise J(x) = P(x)·K(x) + c·(C₀ + x) (docs/risk.md §6.3). The one J-minimiser of the
 * engine (fixes and reference vectors): J at 0 and on a log-spaced grid for the global minimum, then Brent's search in
 * the bracket of the best grid point to 1e-9 relative (about 35 evaluations of J in all). 0 when adding margin does
 * not pay. J is convex wherever the barrier is further than S·e^{−σ²T} (docs/risk.md §6.3).
 */
export function costOptimalMargin(model: CostModel, opts: SearchOptions = {}): CostOptimalResult | null {
  if (!validModel(model) || !(model.opportunityCost > 0) || !Number.isFinite(model.opportunityCost)) return null;
  const hi = upperBound(model, opts);
  if (!(hi > 0) || !Number.isFinite(hi)) return null;
  const xs = gridOf(hi);
  const J = (x: number): number => expectedCost(model, x);
  const js = new Float64Array(xs.length);
  let best = 0;
  for (let i = 0; i < xs.length; i++) {
    js[i] = J(xs[i]!);
    if (js[i]! < js[best]!) best = i;
  }
  const J0 = js[0]!;
  if (best === 0 || !Number.isFinite(js[best]!)) return { addedMargin: 0, probability: probabilityOf(model, 0), expectedCost: J0, expectedCostNow: J0 };
  const [x, j] = brentMin(J, xs[best - 1]!, xs[Math.min(xs.length - 1, best + 1)]!, xs[best]!, js[best]!, REL_TOL);
  return { addedMargin: x, probability: probabilityOf(model, x), expectedCost: j, expectedCostNow: J0 };
}

// ---- isolated linear (USDT-margined) position, docs/risk.md §1.1 ----

export interface IsolatedLinear {
  side: Side;
  /** Contracts in base units, > 0. */
  qty: number;
  entry: number;
  mmr: number;
  /** Maintenance amount of the tier (0 for the first). */
  cum?: number;
}

/**
 * Binance USDⓈ-M isolated formula with TMM = UPNL = 0 (Binance FAQ "How to Calculate Liquidation Price of
 * USDⓈ-M Futures Contracts"): long B = (QE − C − cum)/(Q(1 − mmr)), short H = (QE + C + cum)/(Q(1 + mmr)).
 * null when no price liquidates (long B ≤ 0).
 */
export function isolatedLiquidationPrice(p: IsolatedLinear, collateral: number): number | null {
  const cum = p.cum ?? 0;
  if (!(p.qty > 0) || !(p.mmr >= 0 && p.mmr < 1)) return null;
  if (p.side === 'long') {
    const b = (p.qty * p.entry - collateral - cum) / (p.qty * (1 - p.mmr));
    return b > 0 ? b : null;
  }
  return (p.qty * p.entry + collateral + cum) / (p.qty * (1 + p.mmr));
}

/** Inverse of isolatedLiquidationPrice: the collateral that puts the liquidation price at `barrier`. */
export function collateralForBarrier(p: IsolatedLinear, barrier: number): number {
  const cum = p.cum ?? 0;
  return p.side === 'long' ? p.qty * p.entry - cum - p.qty * (1 - p.mmr) * barrier : p.qty * (1 + p.mmr) * barrier - p.qty * p.entry - cum;
}

/**
 * The barrier B* (long) or H* (short) at which P = α (depends only on S, σ, T, μ, α and the tail model). Closed form for GBM with
 * ν = μ − σ²/2 = 0: B* = S·exp(±σ√T·Φ⁻¹(α/2)); otherwise bisection on ln(B/S) (P is monotone in B).
 */
export function barrierForProbability(m: PriceModel, alpha: number): number | null {
  if (!validModel(m) || !(alpha > 0 && alpha < 1) || !(m.years > 0) || !(m.sigma > 0)) return null;
  const sign = m.side === 'long' ? -1 : 1;
  const nu = m.mu - 0.5 * m.sigma * m.sigma;
  if ((m.tails ?? 'gbm') === 'gbm' && Math.abs(nu) < 1e-15) {
    return m.spot * Math.exp(-sign * m.sigma * Math.sqrt(m.years) * normQuantile(alpha / 2));
  }
  const P = (x: number): number => liquidationProbability({ ...m, barrier: m.spot * Math.exp(sign * x), tails: m.tails ?? 'gbm' });
  let near = 0;
  let far = 1;
  while (P(far) > alpha) {
    near = far;
    far *= 2;
    if (far > 1e6) return null;
  }
  for (let i = 0; i < 400 && far - near > 1e-15 * far; i++) {
    const mid = 0.5 * (near + far);
    if (P(mid) > alpha) near = mid;
    else far = mid;
  }
  return m.spot * Math.exp(sign * far);
}

export interface IsolatedChanceResult {
  /** C*: smallest collateral with P ≤ α. */
  requiredCollateral: number;
  /** max(0, C* − C₀). */
  addedMargin: number;
  liquidationPrice: number;
  /** QE/C*. */
  effectiveLeverage: number;
  /** Largest size for the current collateral (cum = 0): C₀/(E − (1−mmr)B*) or C₀/((1+mmr)H* − E); null if unbounded. */
  maxQty: number | null;
}

/** Chance constraint of an isolated linear position in closed form (barrier B* then C(B*)), docs/risk.md §6.2. */
export function isolatedChanceConstraint(p: IsolatedLinear & PriceModel & { collateral: number }, alpha: number): IsolatedChanceResult | null {
  const b = barrierForProbability(p, alpha);
  if (b === null || !(p.qty > 0)) return null;
  const c = collateralForBarrier(p, b);
  const denom = p.side === 'long' ? p.entry - (1 - p.mmr) * b : (1 + p.mmr) * b - p.entry;
  return {
    requiredCollateral: c,
    addedMargin: Math.max(0, c - p.collateral),
    liquidationPrice: b,
    effectiveLeverage: (p.qty * p.entry) / c,
    maxQty: denom > 0 ? p.collateral / denom : null,
  };
}

/** Abstract margin model of an isolated linear position with current collateral C₀ (for the generic solvers). */
export function isolatedMarginModel(p: IsolatedLinear & PriceModel & { collateral: number }): MarginModel {
  return { ...p, liquidationPrice: (added) => isolatedLiquidationPrice(p, p.collateral + added) };
}

/**
 * Cost-optimal collateral of an isolated linear position, K(C) = k·Q·B(C) (k = fee + slippage + penalty as a
 * fraction of the notional at the liquidation price), c = r_opp·T (docs/risk.md §6.3).
 */
export function isolatedCostOptimal(p: IsolatedLinear & PriceModel & { collateral: number; k: number; opportunityRate: number }): CostOptimalResult | null {
  const model = isolatedMarginModel(p);
  return costOptimalMargin({
    ...model,
    lossIfLiquidated: (added) => p.k * p.qty * (model.liquidationPrice(added) ?? 0),
    opportunityCost: p.opportunityRate * p.years,
    baseCollateral: p.collateral,
  }, { scale: p.qty * p.entry * 0.01 });
}
