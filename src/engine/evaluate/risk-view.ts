// The probability and status of one liquidation price, shared by perps, loans, fixes and stress.
import { liquidationProbability, type EvtTail, type LiquidationInput, type VgParams } from '../risk';
import type { Status } from '../core/types';
import type { EffectiveSettings } from '../core/settings';
import { decideStatus, statusLevel, type StatusInput } from './status';
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

/** What a row's status is decided on (docs/results.md §4), and the row's own distance and probability. */
interface Figures {
  status: Pick<StatusInput, 'unknownReason' | 'liquidatable' | 'probability' | 'distance'>;
  distance: Dec | null;
  probability: number | null;
}

function figuresOf(b: Barriers | null, liquidatable: boolean, unknownReason: string | null, risk: MarketRisk): Figures {
  if (unknownReason || !b) return { status: { unknownReason: unknownReason ?? 'not enough input', liquidatable: false, probability: null, distance: null }, distance: null, probability: null };
  if (liquidatable) return { status: { unknownReason: null, liquidatable: true, probability: 1, distance: 0 }, distance: b.mark.mul(0), probability: 1 };
  const distance = distanceOf(b);
  // docs/results.md §3: no move of this mark liquidates ⇒ distance null, probability 0, status from the other rules.
  if (distance === null) return { status: { unknownReason: null, liquidatable: false, probability: null, distance: null }, distance: null, probability: 0 };
  const probability = probabilityOf(b, risk);
  return { status: { unknownReason: null, liquidatable: false, probability, distance: distance.toNumber() }, distance, probability };
}

export function assess(
  b: Barriers | null,
  liquidatable: boolean,
  unknownReason: string | null,
  note: string | null,
  risk: MarketRisk,
  settings: EffectiveSettings,
): RiskOutcome {
  const f = figuresOf(b, liquidatable, unknownReason, risk);
  const s = decideStatus({
    ...f.status, note, probabilityBands: settings.probability, distanceBands: settings.distance, horizonLabel: horizonLabel(risk.horizonSeconds),
    prefix: risk.prefix, distanceBasis: risk.suppressed ? 'no probability for a mark this old' : 'no volatility known',
  });
  return { distance: f.distance, probability: f.probability, ...s };
}

/** The status and probability `assess` gives, without the reason text (the fix searches' exact probes). */
export function assessLevel(b: Barriers | null, liquidatable: boolean, unknownReason: string | null, risk: MarketRisk, settings: EffectiveSettings): { status: Status; probability: number | null } {
  const f = figuresOf(b, liquidatable, unknownReason, risk);
  return { status: statusLevel({ ...f.status, probabilityBands: settings.probability, distanceBands: settings.distance }), probability: f.probability };
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
