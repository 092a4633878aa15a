// Layout of the details pane's charts: the engine answers (row-charts.ts: probability over horizons and the price
// band, from the inputs it used for the row); this file only places those numbers on 0..1 chart axes and words the
// labels with src/presentation. No risk formula here. Floats are chart geometry of statistics; prices shown as text
// are the engine's decimal strings.
import type { ResultRow } from '../engine/evaluate/report';
import { priceLadder, probabilityOverHorizons, type RowRiskInputs } from '../engine/evaluate/row-charts';
import type { EffectiveSettings } from '../engine/core/settings';
import type { CurveView, DetailsMessage, LadderView } from '../protocol/messages';
import { formatDuration, formatDurationText } from '../presentation/duration';
import { formatAmount, formatLiquidationPrice, formatMark, formatPercent, formatPrice, formatProbability, formatRatio, formatThreshold } from '../presentation/format';
import { messageText, nameText } from '../presentation/inert-text';
import { rowKey } from './rows';

const CURVE_STEPS = 64;
/** The probability curve's time axis (log scale): 15 minutes to 7 days. */
const CURVE_MIN = 900;
const CURVE_MAX = 7 * 86400;
export const CURVE_HORIZONS = [3600, 4 * 3600, 86400, 3 * 86400, 7 * 86400];

export interface ChartInput {
  row: ResultRow;
  /** The risk inputs the engine used for this row (FileEvaluation.riskInputs); null for unknown rows. */
  inputs: RowRiskInputs | null;
  /** The file's effective probability bands (for the critical line). */
  settings: Pick<EffectiveSettings, 'probability'>;
  epoch: number;
  /** The row is its file as read (row-entry.ts `pending`): nothing to draw yet. */
  pending?: boolean;
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

// ---- price ladder ----------------------------------------------------------------------------------------------

interface Level { name: LadderView['levels'][number]['name']; label: string; text: string; value: number }

function levelsOf(row: ResultRow): Level[] {
  const out: Level[] = [];
  const add = (name: Level['name'], label: string, s: string | null | undefined, text: (s: string) => string) => {
    const v = s ? Number(s) : NaN;
    if (s && Number.isFinite(v) && v > 0) out.push({ name, label, text: text(s), value: v });
  };
  const liq = (s: string) => formatLiquidationPrice(s, row.markPrice);
  add('bankruptcy', 'Bankruptcy', row.bankruptcyPrice, liq);
  // A perp with two roots (up and down); a loan's map is per asset, its nearest is `liquidationPrice`.
  const two = row.kind === 'perp' && row.liquidationPrices && ('up' in row.liquidationPrices || 'down' in row.liquidationPrices);
  if (two) {
    add('liquidation', 'Liquidation ↑', row.liquidationPrices!['up'], liq);
    add('liquidation', 'Liquidation ↓', row.liquidationPrices!['down'], liq);
  } else add('liquidation', 'Liquidation', row.liquidationPrice, liq);
  add('mark', 'Mark', row.markPrice, formatMark);
  if (row.kind === 'perp') add('entry', 'Entry', row.entryPrice, formatMark);
  add('reported', 'Reported liq.', row.reportedLiquidationPrice, (s) => formatPrice(s, row.markPrice));
  return out;
}

/** 1-2-5 steps for about `count` axis labels over [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function tickLabel(v: number, ticks: number[]): string {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : Math.abs(v);
  const decimals = step >= 1 ? 0 : Math.min(8, Math.ceil(-Math.log10(step) - 1e-9));
  return formatAmount(v.toFixed(decimals));
}

/** A float price (band edge) as text at the mark's precision. */
const floatPrice = (x: number, mark: string | null): string => formatPrice(x.toPrecision(12), mark);

function ladderDesc(row: ResultRow, levels: Level[], band: LadderView['band'] | null, edges: number[][] | null, horizon: string): string {
  const parts = levels.map((l) => `${l.label.toLowerCase().replace(/ [↑↓]$/, '')} ${l.text}`);
  let text = parts.join('; ');
  if (row.distance !== null) text += `; distance to liquidation ${formatPercent(row.distance)}`;
  if (band && edges) {
    const [one, two] = edges as [number[], number[]];
    const p = (x: number) => floatPrice(x, row.markPrice);
    text += `. Over ${horizon} the ±1σ band spans ${p(one[0]!)} to ${p(one[1]!)}, ±2σ ${p(two[0]!)} to ${p(two[1]!)}.`;
  } else text += '. No volatility, so no price band.';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function ladderData(row: ResultRow, inputs: RowRiskInputs | null): LadderView | null {
  const levels = levelsOf(row);
  const mark = levels.find((l) => l.name === 'mark');
  if (!mark || !inputs) return null;
  const series = priceLadder(inputs);
  const last = series.band.at(-1);
  const values = [...levels.map((l) => l.value), ...(last ? [last.lo2, last.hi2] : [])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = (hi - lo || mark.value * 0.02) * 0.08;
  lo = Math.max(0, lo - pad);
  hi += pad;
  const y = (v: number) => clamp01((v - lo) / (hi - lo));
  const band = series.band.map((b) => ({ x: b.x, lo2: y(b.lo2), lo1: y(b.lo1), hi1: y(b.hi1), hi2: y(b.hi2) }));
  const ticks = niceTicks(lo, hi).filter((t) => t >= lo && t <= hi);
  const zones: LadderView['zones'] = [];
  if (inputs.up !== null) zones.push({ from: y(inputs.up), to: 1 });
  if (inputs.down !== null) zones.push({ from: 0, to: y(inputs.down) });
  const horizonLabel = formatDuration(series.seconds);
  const sideWord = row.kind === 'loan' ? 'loan' : row.side ?? '';
  const ttl = row.details?.timeToLiquidation?.median;
  const edges = last ? [[last.lo1, last.hi1], [last.lo2, last.hi2]] : null;
  return {
    title: `Price ladder, ${nameText(row.symbol ?? row.id)} ${sideWord}, next ${horizonLabel}`.replace(/\s+/g, ' '),
    desc: ladderDesc(row, levels, last ? band : null, edges, horizonLabel),
    aside: [series.spanSigma !== null ? `${horizonLabel} σ ${formatRatio(series.spanSigma)}` : 'no volatility', ttl ? `median time to liq. ${formatDurationText(ttl)}` : null].filter(Boolean).join(' · '),
    levels: levels.map((l) => ({ name: l.name, label: l.label, value: l.text, y: y(l.value) })),
    band,
    ticks: ticks.map((t) => ({ y: y(t), label: tickLabel(t, ticks) })),
    timeTicks: [0, 0.5, 1].map((x) => ({ x, label: x === 0 ? 'now' : formatDuration(series.seconds * x) })),
    zones,
    sigmaLabels: last ? ([[last.hi2, '+2σ'], [last.hi1, '+1σ'], [last.lo1, '−1σ'], [last.lo2, '−2σ']] as const).map(([v, label]) => ({ y: y(v), label })) : [],
    legend: `±1σ / ±2σ price band over the next ${horizonLabel}`,
  };
}

// ---- probability vs horizon ------------------------------------------------------------------------------------

/** Position of `seconds` on the log time axis, 0..1. */
export function curveX(seconds: number): number {
  return clamp01(Math.log(seconds / CURVE_MIN) / Math.log(CURVE_MAX / CURVE_MIN));
}

/** The model the engine used for this row, in words: "Student-t (k = 3.2), funding -10.95 %/yr". */
export function modelLabel(inputs: RowRiskInputs): string {
  const tails = inputs.tails === 'gbm' ? 'GBM first passage'
    : inputs.tails === 'student-t' ? `Student-t (k = ${+inputs.dof.toPrecision(3)})`
      : inputs.tails === 'vg' ? (inputs.vg ? 'variance gamma (fitted)' : `Student-t (k = ${+inputs.dof.toPrecision(3)})`)
        : inputs.evt ? 'EVT tails (fitted)' : `Student-t (k = ${+inputs.dof.toPrecision(3)})`;
  return `${tails}, funding ${inputs.mu === 0 ? '0' : formatRatio(inputs.mu) + '/yr'}`;
}

export function curveData(row: ResultRow, inputs: RowRiskInputs | null, critical: number): CurveView | null {
  if (!inputs) return null;
  const seconds = Array.from({ length: CURVE_STEPS + 1 }, (_, i) => CURVE_MIN * (CURVE_MAX / CURVE_MIN) ** (i / CURVE_STEPS));
  const ps = probabilityOverHorizons(inputs, [...seconds, ...CURVE_HORIZONS]);
  if (ps[0] === null) return null;
  const points = seconds.map((_, i) => ({ x: i / CURVE_STEPS, p: clamp01(ps[i] ?? 0) }));
  const at = CURVE_HORIZONS.map((s, i) => ({ s, p: ps[CURVE_STEPS + 1 + i] ?? 0 }));
  const marker = row.liquidationProbability !== null
    ? { x: curveX(inputs.horizonSeconds), p: clamp01(row.liquidationProbability), label: formatProbability(row.liquidationProbability) }
    : null;
  const model = modelLabel(inputs);
  return {
    title: `Probability of liquidation by horizon: ${at.map((a) => `${formatDuration(a.s)} ${formatProbability(a.p)}`).join(', ')}`,
    desc: `${model}. At the ${row.horizon} horizon: ${marker ? marker.label : 'not computed'}; critical at ${formatThreshold(critical)} or more.`,
    aside: model,
    points,
    ticks: at.map((a) => ({ x: curveX(a.s), label: formatDuration(a.s) })),
    marker,
    threshold: { p: clamp01(critical), label: `critical ≥ ${formatThreshold(critical)}` },
  };
}

function timeToLiquidationText(row: ResultRow): string | null {
  const t = row.details?.timeToLiquidation;
  if (!t || (!t.median && !t.p05 && !t.p01)) return null;
  return [t.median ? `median ${formatDurationText(t.median)}` : null, t.p05 ? `5 % chance within ${formatDurationText(t.p05)}` : null, t.p01 ? `1 % within ${formatDurationText(t.p01)}` : null].filter(Boolean).join(' · ');
}

export function detailsMessage(input: ChartInput): DetailsMessage {
  const { row, inputs, settings, epoch } = input;
  if (input.pending) return { type: 'details', key: rowKey(row), epoch, ladder: null, curve: null, note: 'The charts follow once this file is evaluated.', timeToLiquidation: null };
  const ladder = row.status === 'unknown' ? null : ladderData(row, inputs);
  // Liquidatable now: P = 100 % at every horizon, so no curve (the reason says why).
  const curve = row.status === 'unknown' || row.status === 'liquidatable' ? null : curveData(row, inputs, settings.probability.critical);
  const note = row.status === 'unknown' ? messageText(row.reason) : row.volatility === null ? 'No volatility for this market (add `volatility` or `history`), so no price band or probability curve.' : null;
  return { type: 'details', key: rowKey(row), epoch, ladder, curve, note, timeToLiquidation: timeToLiquidationText(row) };
}
