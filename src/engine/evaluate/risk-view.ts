// The probability and status of one liquidation price, shared by perps, loans, fixes and stress.
import { liquidationProbability, type EvtTail, type LiquidationInput, type VgParams } from '../risk';
import type { Status } from '../core/types';
import type { EffectiveSettings } from '../core/settings';
import { decideStatus } from './status';
import type { Dec } from '../core/decimal';
import { describeDuration } from '../core/time';

const YEAR = 365 * 86400;

/** Everything about the market that the probability needs, fixed for one row. */
export interface MarketRisk {
  sigma: number | null;
  /** Annual drift of the price from funding (docs/risk.md §1.2). */
  mu: number;
  /** Horizon plus the mark's age when stale, seconds. */
  horizonSeconds: number;
  tails: EffectiveSettings['tails'];
  dof: number;
  /** Fitted heavy tails when tails = vg / evt applies (≥ 500 history bars). */
  vg?: VgParams | null;
  evt?: { long: EvtTail | null; short: EvtTail | null } | null;
  /** Probability not computed (mark over 30 days old). */
  suppressed: boolean;
  prefix: string | null;
}

export interface Barriers {
  mark: Dec;
  /** Adverse roots; either may be null. */
  down: Dec | null;
  up: Dec | null;
}

export interface RiskOutcome {
  distance: Dec | null;
  probability: number | null;
  status: Status;
  reason: string;
}

/** The input of one barrier's probability (scratch reused: liquidationProbability keeps no reference to it). */
const barrierInput: LiquidationInput = { spot: 0, barrier: 0, side: 'long', sigma: 0, years: 0, mu: 0, tails: 'gbm', k: 4, vg: undefined, evt: undefined };

export function oneBarrier(mark: number, barrier: number, risk: MarketRisk): number {
  const side = barrier < mark ? 'long' : 'short';
  const evt = risk.evt?.[side] ?? undefined;
  const p = barrierInput;
  p.spot = mark;
  p.barrier = barrier;
  p.side = side;
  p.vg = risk.vg ? risk.vg : undefined;
  p.evt = evt ? evt : undefined;
  p.sigma = risk.sigma!;
  p.years = risk.horizonSeconds / YEAR;
  p.mu = risk.mu;
  p.tails = risk.tails;
  p.k = risk.dof;
  return liquidationProbability(p);
}

/** The tail model a row's probability used, with its fitted parameters, so views can redraw P(t) exactly. */
export function tailDetails(risk: MarketRisk): { model: MarketRisk['tails']; k: number; vg: VgParams | null; evt: MarketRisk['evt'] | null } {
  return { model: risk.tails, k: risk.dof, vg: risk.vg ?? null, evt: risk.evt ?? null };
}

/** P(touch within the horizon) of the nearest barrier, or of both (P = min(1, P_down + P_up)). */
export function probabilityOf(b: Barriers, risk: MarketRisk): number | null {
  return probabilityAt(b.mark.toNumber(), b.down === null ? null : b.down.toNumber(), b.up === null ? null : b.up.toNumber(), risk);
}

/** `probabilityOf` on the barriers as floats (the chart series re-use the row's own inputs, row-charts.ts). */
export function probabilityAt(mark: number, down: number | null, up: number | null, risk: MarketRisk): number | null {
  if (risk.sigma === null || risk.suppressed) return null;
  let p = 0;
  if (down !== null) p += oneBarrier(mark, down, risk);
  if (up !== null) p += oneBarrier(mark, up, risk);
  return Math.min(1, Math.max(0, p));
}

/** Adverse distance to the nearest barrier, clamped at 0 (docs/results.md §3). */
export function distanceOf(b: Barriers): Dec | null {
  const down = b.down === null ? null : b.mark.minus(b.down).div(b.mark);
  const up = b.up === null ? null : b.up.minus(b.mark).div(b.mark);
  const d = down === null ? up : up === null ? down : up.lt(down) ? up : down;
  if (d === null) return null;
  return d.isNegative() ? d.mul(0) : d;
}

export function assess(
  b: Barriers | null,
  liquidatable: boolean,
  unknownReason: string | null,
  note: string | null,
  risk: MarketRisk,
  settings: EffectiveSettings,
): RiskOutcome {
  if (unknownReason || !b) {
    const s = statusFor(risk, settings, note, unknownReason ?? 'not enough input', false, null, null);
    return { distance: null, probability: null, ...s };
  }
  if (liquidatable) {
    const s = statusFor(risk, settings, note, null, true, 1, 0);
    return { distance: b.mark.mul(0), probability: 1, ...s };
  }
  const distance = distanceOf(b);
  if (distance === null) {
    // docs/results.md §3: no move of this mark liquidates ⇒ distance null, probability 0, status from the other rules.
    const s = statusFor(risk, settings, note, null, false, null, null);
    return { distance: null, probability: 0, ...s };
  }
  const probability = probabilityOf(b, risk);
  const s = statusFor(risk, settings, note, null, false, probability, distance.toNumber());
  return { distance, probability, ...s };
}

/** decideStatus on a row's figures, with the settings' bands and the horizon's label. */
function statusFor(
  risk: MarketRisk, settings: EffectiveSettings, note: string | null,
  unknownReason: string | null, liquidatable: boolean, probability: number | null, distance: number | null,
): { status: Status; reason: string } {
  return decideStatus({
    probabilityBands: settings.probability, distanceBands: settings.distance, horizonLabel: horizonLabel(risk.horizonSeconds), prefix: risk.prefix,
    distanceBasis: risk.suppressed ? 'no probability for a mark this old' : 'no volatility known',
    unknownReason, liquidatable, probability, distance, note,
  });
}

/** describeDuration of the last horizon asked: the rows of a file share one horizon, so the label is built once. */
let lastHorizon: number | null = null;
let lastLabel = '';

function horizonLabel(seconds: number): string {
  if (!Object.is(seconds, lastHorizon)) {
    lastLabel = describeDuration(seconds);
    lastHorizon = seconds;
  }
  return lastLabel;
}
