// The liquidation probability with the tail model of the settings (docs/results.md §3, docs/format.md §6).
import { barrierGeometry, firstPassageGbm, isValidPassage, type PassageInput } from './first-passage';
import { studentTBoundWith } from './student-t';
import { vgFitMoments, vgLevyBound, vgParamsPerYear, type VgParams } from './variance-gamma';
import { fitPot, potExceedance, type PotFit } from './evt';
import { vgFitMle } from './vg-fit';

export type Tails = 'gbm' | 'student-t' | 'vg' | 'evt';

/** GPD tail of the adverse per-bar log move (loss = −r for a long, +r for a short), from fitPot. */
export interface EvtTail extends Pick<PotFit, 'u' | 'k' | 'n' | 'xi' | 'beta'> {
  /** Bar length in years. */
  barYears: number;
}

export interface LiquidationInput extends PassageInput {
  tails: Tails;
  /** Student-t degrees of freedom (default 4). */
  k?: number;
  /** VG parameters per year (vgParamsPerYear); without them 'vg' falls back to student-t. */
  vg?: VgParams;
  /** EVT tail of the adverse side; without it 'evt' falls back to student-t. */
  evt?: EvtTail;
}

/**
 * EVT heuristic: with subexponential (GPD ξ > 0) bar moves, P(max partial sum over m bars > a) ~ m·P(X > a)
 * ("single big jump", Embrechts, Klüppelberg & Mikosch 1997, Modelling Extremal Events §1.3), so
 * P = max(P_GBM, min(1, m·P̄_GPD(a))); the GPD says nothing below its threshold, where GBM alone is used.
 */
function evtProbability(p: PassageInput, tail: EvtTail, gbm: number): number {
  const g = barrierGeometry(p);
  if (g === null || g.crossed || !(p.years > 0) || !(tail.barYears > 0)) return gbm;
  const exceed = potExceedance(tail, g.a);
  if (exceed === null || exceed === 0) return gbm;
  const bars = Math.max(1, p.years / tail.barYears);
  if (!Number.isFinite(bars)) return 1;
  return Math.max(gbm, Math.min(1, bars * exceed));
}

/** The Student-t bound with the input's degrees of freedom (default 4). */
const studentT = (p: LiquidationInput): number => studentTBoundWith(p, p.k ?? 4);

/** P(touch within T) under the chosen tail model; always in [0, 1] (invalid input ⇒ 1, as firstPassageGbm). */
export function liquidationProbability(p: LiquidationInput): number {
  switch (p.tails) {
    case 'gbm':
      return firstPassageGbm(p);
    case 'vg': {
      if (p.vg === undefined || !isValidPassage(p)) return studentT(p);
      const gbm = firstPassageGbm(p);
      if (gbm === 1 || (gbm === 0 && barrierGeometry(p) === null)) return gbm;
      const bound = vgLevyBound(p, p.vg);
      return bound === null ? studentT(p) : Math.min(1, Math.max(gbm, bound));
    }
    case 'evt':
      if (p.evt === undefined || !isValidPassage(p)) return studentT(p);
      return evtProbability(p, p.evt, firstPassageGbm(p));
    default:
      return studentT(p);
  }
}

/** Bars needed for VG/EVT (docs/format.md §6). */
export const MIN_BARS_HEAVY_TAILS = 500;

export interface TailChoice {
  tails: Tails;
  /** 'tails-fallback' when the requested model could not be used. */
  code: string | null;
  reason: string | null;
}

/** Which tail model applies: vg/evt need ≥ 500 history bars, else student-t with a warning (docs/format.md §6). */
export function selectTailModel(requested: Tails, historyBars: number): TailChoice {
  if ((requested === 'vg' || requested === 'evt') && !(historyBars >= MIN_BARS_HEAVY_TAILS)) {
    return {
      tails: 'student-t',
      code: 'tails-fallback',
      reason: `tails = ${requested} needs at least ${MIN_BARS_HEAVY_TAILS} history bars, found ${Math.max(0, historyBars | 0)}; using student-t`,
    };
  }
  return { tails: requested, code: null, reason: null };
}

/**
 * VG per-year parameters from bar log-returns: the maximum-likelihood fit (vgFitMle, docs/risk.md §3.2) when Nelder–Mead
 * converges, else the exact method of moments (Seneta 2004), else its approximation; null if unusable.
 */
export function fitVgTail(logReturns: readonly number[], barYears: number): VgParams | null {
  if (logReturns.length < MIN_BARS_HEAVY_TAILS || !(barYears > 0)) return null;
  const fit = vgFitMoments(logReturns);
  const mom = fit?.exact ?? fit?.approx ?? null;
  if (mom === null) return null;
  const mle = vgFitMle(logReturns, mom);
  return vgParamsPerYear(mle?.converged ? mle.params : mom, barYears);
}

/** POT fit of the adverse per-bar log moves for one side; k defaults to 10 % of the bars. */
export function fitEvtTail(logReturns: readonly number[], side: 'long' | 'short', barYears: number, k?: number): EvtTail | null {
  if (logReturns.length < MIN_BARS_HEAVY_TAILS || !(barYears > 0)) return null;
  const losses = logReturns.map((r) => (side === 'long' ? -r : r));
  const fit = fitPot(losses, k ?? Math.floor(losses.length / 10));
  return fit === null || !(fit.u > 0) ? null : { u: fit.u, k: fit.k, n: fit.n, xi: fit.xi, beta: fit.beta, barYears };
}
