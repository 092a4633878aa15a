// Variance Gamma maximum-likelihood fit (docs/risk.md §3.2, "MLE (Nelder–Mead, Bessel density)"): the Bessel
// density of varianceGamma.ts in log space, maximised by a hand-written Nelder–Mead (Nelder & Mead 1965,
// coefficients of Lagarias et al. 1998) over the unconstrained vector (c, ln σ, θ, ln ν), started from the
// method-of-moments fit (Seneta 2004). Parameters as R VarianceGamma (vgC, sigma, theta, nu), t = 1.
import { besselKScaled, gammaln, LN_SQRT_TWO_PI } from './special';
import { vgFitMoments, type VgParams } from './variance-gamma';

export interface NelderMeadOptions {
  /** Initial simplex edge per coordinate (default 0.1 each). */
  step?: readonly number[];
  maxIterations?: number;
  /** Stop when max|x_i − x_best| ≤ xTol … */
  xTol?: number;
  /** … and max|f_i − f_best| ≤ fTol·(1 + |f_best|). */
  fTol?: number;
}

export interface NelderMeadResult {
  x: number[];
  f: number;
  iterations: number;
  converged: boolean;
}

/**
 * Minimise f by Nelder–Mead: reflection 1, expansion 2, contraction ½, shrink ½ (Lagarias, Reeds, Wright &
 * Wright 1998, SIAM J. Optim. 9). Deterministic; a NaN objective counts as +∞.
 */
export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], opts: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  const maxIter = opts.maxIterations ?? 200 * n;
  const xTol = opts.xTol ?? 1e-10;
  const fTol = opts.fTol ?? 1e-14;
  const F = (x: readonly number[]): number => { const v = f(x); return Number.isNaN(v) ? Infinity : v; };
  const simplex: number[][] = [[...x0]];
  for (let i = 0; i < n; i++) {
    const v = [...x0];
    v[i] = (v[i] as number) + (opts.step?.[i] ?? 0.1);
    simplex.push(v);
  }
  let values = simplex.map(F);
  const affine = (a: readonly number[], b: readonly number[], t: number): number[] => a.map((ai, j) => ai + t * ((b[j] as number) - ai));
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIter; iterations++) {
    const order = values.map((_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number) || i - j);
    const pts = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => values[i] as number);
    simplex.splice(0, n + 1, ...pts);
    const best = simplex[0] as number[];
    const fBest = values[0] as number;
    const xSpread = Math.max(...simplex.map((p) => Math.max(...p.map((v, j) => Math.abs(v - (best[j] as number))))));
    const fSpread = Math.max(...values.map((v) => Math.abs(v - fBest)));
    if (Number.isFinite(fBest) && xSpread <= xTol && fSpread <= fTol * (1 + Math.abs(fBest))) {
      converged = true;
      break;
    }
    const worst = simplex[n] as number[];
    const fWorst = values[n] as number;
    const centroid = best.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + (p[j] as number), 0) / n);
    const xr = affine(centroid, worst, -1);
    const fr = F(xr);
    if (fr < fBest) {
      const xe = affine(centroid, worst, -2);
      const fe = F(xe);
      [simplex[n], values[n]] = fe < fr ? [xe, fe] : [xr, fr];
      continue;
    }
    if (fr < (values[n - 1] as number)) {
      [simplex[n], values[n]] = [xr, fr];
      continue;
    }
    const outside = fr < fWorst;
    const xc = outside ? affine(centroid, worst, -0.5) : affine(centroid, worst, 0.5);
    const fc = F(xc);
    if (fc < (outside ? fr : fWorst)) {
      [simplex[n], values[n]] = [xc, fc];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      simplex[i] = affine(best, simplex[i] as number[], 0.5);
      values[i] = F(simplex[i] as number[]);
    }
  }
  const iBest = values.reduce((bi, v, i) => (v < (values[bi] as number) ? i : bi), 0);
  return { x: [...(simplex[iBest] as number[])], f: values[iBest] as number, iterations, converged };
}

/** Trapezoid step of special.ts besselKScaled (the tables below must reproduce it term by term). */
const BESSEL_STEP = 0.1;
/** Beyond this many nodes (t > 100, only for y ≲ 1e-42) defer to besselKScaled itself. */
const MAX_NODES = 1000;

/**
 * e^y·K_v(y) for one order v and many y: the same trapezoid sum over ∫₀^∞ e^{−y(cosh t − 1)}cosh(vt) dt, same
 * nodes, order and stopping rule as special.ts besselKScaled (so bit-identical), with cosh t − 1, sinh t and
 * cosh(vt) tabulated once per order instead of per point (5000 points × ~50 nodes per likelihood call).
 */
export function besselKScaledTable(v: number): (y: number) => number {
  const av = Math.abs(v);
  const coshM1: number[] = [];
  const sinh: number[] = [];
  const coshV: number[] = [];
  const slope: number[] = [];
  for (let i = 1; i <= MAX_NODES; i++) {
    const t = i * BESSEL_STEP;
    coshM1.push(Math.cosh(t) - 1);
    sinh.push(Math.sinh(t));
    coshV.push(Math.cosh(v * t));
    slope.push(av * t);
  }
  return (y: number): number => {
    if (!(y > 0) || !Number.isFinite(v)) return Number.NaN;
    let sum = 0.5;
    for (let i = 0; i < MAX_NODES; i++) {
      const e = -y * (coshM1[i] as number);
      const term = Math.exp(e) * (coshV[i] as number);
      sum += term;
      if (term < 1e-18 * sum && -y * (sinh[i] as number) + av < 0 && e + (slope[i] as number) < 0) return sum * BESSEL_STEP;
    }
    return besselKScaled(v, y);
  };
}

/**
 * Σ ln f(x_i) with the VG density of varianceGamma.ts (MCC 1998) kept in log space and its parameter-only terms
 * computed once: ln f = ln 2 + θz/σ² − y + ln norm + (a/2 − ¼)ln(z²/k²) + ln kve(a − ½, y), y = |z|k/σ².
 * −∞ for invalid parameters; +∞ if a point sits on the singularity at c (a ≤ ½, unbounded likelihood).
 */
export function vgLogLikelihood(x: readonly number[], p: VgParams): number {
  if (!(p.sigma > 0 && p.nu > 0 && Number.isFinite(p.c) && Number.isFinite(p.theta) && Number.isFinite(p.sigma) && Number.isFinite(p.nu))) return -Infinity;
  const a = 1 / p.nu;
  const s2 = p.sigma * p.sigma;
  const k = Math.sqrt((2 * s2) / p.nu + p.theta * p.theta);
  const logNorm = -a * Math.log(p.nu) - LN_SQRT_TWO_PI - Math.log(p.sigma) - gammaln(a);
  const atC = a > 0.5 ? gammaln(a - 0.5) + logNorm + (a - 0.5) * Math.log((2 * s2) / (k * k)) : Infinity;
  const base = Math.LN2 + logNorm;
  const power = a / 2 - 0.25;
  const logK2 = 2 * Math.log(k);
  const kve = besselKScaledTable(a - 0.5);
  let sum = 0;
  for (const xi of x) {
    const z = xi - p.c;
    if (z === 0) {
      sum += atC;
      continue;
    }
    const y = (Math.abs(z) * k) / s2;
    sum += base + (p.theta * z) / s2 - y + power * (2 * Math.log(Math.abs(z)) - logK2) + Math.log(kve(y));
  }
  return Number.isNaN(sum) ? -Infinity : sum;
}

export interface VgMleFit {
  params: VgParams;
  logLik: number;
  iterations: number;
  converged: boolean;
}

function usable(x: readonly number[]): boolean {
  if (x.length < 4 || !x.every(Number.isFinite)) return false;
  return x.some((v) => v !== x[0]);
}

/**
 * VG maximum likelihood on per-bar returns: Nelder–Mead on u = (c/s, ln σ, θ/s, ln ν) with s the moment-fit σ
 * (c and θ rescaled only so that one simplex step fits all four coordinates), restarted once from its optimum
 * (a collapsed simplex can stall short of the optimum, Lagarias et al. 1998). Starts from `start`, else the
 * exact moment fit, else its approximation. null for empty/NaN/constant input or no usable start.
 */
export function vgFitMle(x: readonly number[], start?: VgParams): VgMleFit | null {
  if (!Array.isArray(x) || !usable(x)) return null;
  let s0: VgParams | null = start ?? null;
  if (s0 === null) {
    const mom = vgFitMoments(x);
    s0 = mom?.exact ?? mom?.approx ?? null;
  }
  if (s0 === null || !Number.isFinite(vgLogLikelihood(x, s0))) return null;
  const s = s0.sigma;
  const toParams = (u: readonly number[]): VgParams => ({ c: (u[0] as number) * s, sigma: Math.exp(u[1] as number), theta: (u[2] as number) * s, nu: Math.exp(u[3] as number) });
  const nll = (u: readonly number[]): number => {
    const ll = vgLogLikelihood(x, toParams(u));
    return Number.isFinite(ll) ? -ll : Infinity;
  };
  const opts = { maxIterations: 2000, xTol: 1e-9, fTol: 1e-14 };
  const first = nelderMead(nll, [s0.c / s, Math.log(s0.sigma), s0.theta / s, Math.log(s0.nu)], opts);
  const second = nelderMead(nll, first.x, { ...opts, step: [0.01, 0.01, 0.01, 0.01] });
  const best = second.f <= first.f ? second : first;
  if (!Number.isFinite(best.f)) return null;
  return { params: toParams(best.x), logLik: -best.f, iterations: first.iterations + second.iterations, converged: first.converged && second.converged };
}
