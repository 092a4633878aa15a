// The numbers behind the details pane's charts, computed in the extension host from exported engine functions
// (the webview only maps 0..1 coordinates to pixels). Floats here are statistics and chart geometry, never money:
// money values shown as text come from the engine's decimal strings.
import { Dec, parseDecimal } from '../engine/core/decimal';
import type { ResultRow } from '../engine/evaluate/report';
import { probabilityOf, type Barriers, type MarketRisk } from '../engine/evaluate/risk-view';
import type { EffectiveSettings } from '../engine/core/settings';
import { formatDuration, parseDuration } from '../engine/core/time';
import type { CurveView, DetailsMessage, LadderView } from '../protocol/messages';
import { formatAmount, formatPercent, formatPrice, formatProbability } from '../presentation/format';
import { rowKey } from './rows';

const YEAR = 365 * 86400;
const BAND_STEPS = 48;
const CURVE_STEPS = 64;
/** The probability curve's time axis (log scale): 15 minutes to 7 days. */
const CURVE_MIN = 900;
const CURVE_MAX = 7 * 86400;
export const CURVE_HORIZONS = [3600, 4 * 3600, 86400, 3 * 86400, 7 * 86400];

export interface ChartInput {
  row: ResultRow;
  /** The file's effective risk settings (extension settings < file `risk:`). */
  settings: Pick<EffectiveSettings, 'tails' | 'probability'>;
  epoch: number;
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const dec = (s: string | null | undefined): Dec | null => (s ? parseDecimal(s) : null);
const positive = (d: Dec | null): d is Dec => d !== null && d.gt(0);

/** Barriers as the engine sets them (reevaluate.ts barriersOf): both roots, or the one on the adverse side. */
export function barriersOfRow(row: ResultRow): Barriers | null {
  const mark = dec(row.markPrice);
  if (!positive(mark)) return null;
  if (row.liquidationPrices) return { mark, down: dec(row.liquidationPrices['down']), up: dec(row.liquidationPrices['up']) };
  const liq = dec(row.liquidationPrice);
  if (liq === null) return { mark, down: null, up: null };
  // A perp's side says where its barrier is, also once the mark has crossed it (liquidatable); loans by position.
  const down = row.kind === 'perp' && row.side ? row.side === 'long' : liq.lte(mark);
  return down ? { mark, down: liq, up: null } : { mark, down: null, up: liq };
}

/** Seconds the row's probability covers: its horizon plus the mark's age when stale (perp-rows.ts marketRisk). */
export function rowHorizonSeconds(row: ResultRow): number {
  const h = parseDuration(row.horizon) ?? 86400;
  return h + (row.stale && row.markAge !== null ? row.markAge : 0);
}

function fundingDriftOf(row: ResultRow): number {
  const mu = row.details?.['fundingDrift'];
  return typeof mu === 'number' && Number.isFinite(mu) ? mu : 0;
}

function riskAt(row: ResultRow, settings: ChartInput['settings'], seconds: number): MarketRisk {
  // The row reports the tail model its probability used (model, Student-t k, VG/EVT fits): the curve uses the same.
  const t = row.details?.['tails'] as { model?: MarketRisk['tails']; k?: number; vg?: MarketRisk['vg']; evt?: MarketRisk['evt'] } | undefined;
  return { sigma: row.volatility, mu: fundingDriftOf(row), horizonSeconds: seconds, tails: t?.model ?? settings.tails, dof: t?.k ?? 4, vg: t?.vg ?? null, evt: t?.evt ?? null, suppressed: false, prefix: null };
}

/** P(touch within `seconds` from now) with the row's volatility, drift and tails (risk-view.ts probabilityOf). */
export function probabilityWithin(row: ResultRow, settings: ChartInput['settings'], seconds: number): number | null {
  const b = barriersOfRow(row);
  if (!b || row.volatility === null) return null;
  if (b.down === null && b.up === null) return 0;
  return probabilityOf(b, riskAt(row, settings, seconds + (row.stale && row.markAge !== null ? row.markAge : 0)));
}

// ---- price ladder ----------------------------------------------------------------------------------------------

interface Level { name: LadderView['levels'][number]['name']; label: string; value: Dec }

function levelsOf(row: ResultRow): Level[] {
  const out: Level[] = [];
  const add = (name: Level['name'], label: string, s: string | null | undefined) => {
    const d = dec(s);
    if (positive(d)) out.push({ name, label, value: d });
  };
  add('bankruptcy', 'Bankruptcy', row.bankruptcyPrice);
  if (row.liquidationPrices) {
    add('liquidation', 'Liquidation ↑', row.liquidationPrices['up']);
    add('liquidation', 'Liquidation ↓', row.liquidationPrices['down']);
  } else add('liquidation', 'Liquidation', row.liquidationPrice);
  add('mark', 'Mark', row.markPrice);
  if (row.kind === 'perp') add('entry', 'Entry', row.entryPrice);
  add('reported', 'Reported liq.', row.reportedLiquidationPrice);
  return out;
}

/** Mark · exp(±kσ√t), the GBM ±k standard-deviation band of the log price without drift (docs/risk.md §1.1). */
export function sigmaBand(mark: number, sigma: number, years: number, k: number): [number, number] {
  const s = k * sigma * Math.sqrt(Math.max(0, years));
  return [mark * Math.exp(-s), mark * Math.exp(s)];
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
  const decimals = step >= 1 ? 0 : Math.min(8, Math.ceil(-Math.log10(step)));
  return formatAmount(v.toFixed(decimals));
}

function timeTicks(horizon: number): LadderView['timeTicks'] {
  return [0, 0.5, 1].map((x) => ({ x, label: x === 0 ? 'now' : formatDuration(Math.round(horizon * x)) }));
}

function ladderDesc(row: ResultRow, levels: Level[], bands: Array<[number, number]> | null, horizon: string): string {
  const mark = row.markPrice;
  const parts = levels.map((l) => `${l.label.toLowerCase().replace(/ [↑↓]$/, '')} ${formatPrice(l.value.toString(), mark)}`);
  let text = parts.join('; ');
  if (row.distance !== null) text += `; distance to liquidation ${formatPercent(row.distance)}`;
  if (bands) {
    const [one, two] = bands as [[number, number], [number, number]];
    const p = (x: number) => formatPrice(x.toPrecision(12), mark);
    text += `. Over ${horizon} the ±1σ band spans ${p(one[0])} to ${p(one[1])}, ±2σ ${p(two[0])} to ${p(two[1])}.`;
  } else text += '. No volatility, so no price band.';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function ladderData(row: ResultRow): LadderView | null {
  const levels = levelsOf(row);
  const markLevel = levels.find((l) => l.name === 'mark');
  if (!markLevel) return null;
  const mark = markLevel.value.toNumber();
  const horizon = rowHorizonSeconds(row);
  const years = horizon / YEAR;
  const sigma = row.volatility;
  const band = sigma !== null && sigma > 0 ? [1, 2].map((k) => sigmaBand(mark, sigma, years, k)) : null;
  const values = [...levels.map((l) => l.value.toNumber()), ...(band ? band.flat() : [])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = (hi - lo || mark * 0.02) * 0.08;
  lo = Math.max(0, lo - pad);
  hi += pad;
  const y = (v: number) => clamp01((v - lo) / (hi - lo));
  const bandPoints = band
    ? Array.from({ length: BAND_STEPS + 1 }, (_, i) => {
      const x = i / BAND_STEPS;
      const [l1, h1] = sigmaBand(mark, sigma!, years * x, 1);
      const [l2, h2] = sigmaBand(mark, sigma!, years * x, 2);
      return { x, lo2: y(l2), lo1: y(l1), hi1: y(h1), hi2: y(h2) };
    })
    : [];
  const ticks = niceTicks(lo, hi).filter((t) => t >= lo && t <= hi);
  const zones: LadderView['zones'] = [];
  const b = barriersOfRow(row);
  if (b?.up) zones.push({ from: y(b.up.toNumber()), to: 1 });
  if (b?.down) zones.push({ from: 0, to: y(b.down.toNumber()) });
  const horizonLabel = formatDuration(horizon);
  const sideWord = row.kind === 'loan' ? 'loan' : row.side ?? '';
  const ttl = row.details?.timeToLiquidation?.median;
  return {
    title: `Price ladder, ${row.symbol ?? row.id} ${sideWord}, next ${horizonLabel}`.replace(/\s+/g, ' '),
    desc: ladderDesc(row, levels, band as Array<[number, number]> | null, horizonLabel),
    aside: [sigma !== null ? `${horizonLabel} σ ${formatPercent((sigma * Math.sqrt(years)).toFixed(6))}` : 'no volatility', ttl ? `median time to liq. ${ttl}` : null].filter(Boolean).join(' · '),
    levels: levels.map((l) => ({ name: l.name, label: l.label, value: formatPrice(l.value.toString(), row.markPrice), y: y(l.value.toNumber()) })),
    band: bandPoints,
    ticks: ticks.map((t) => ({ y: y(t), label: tickLabel(t, ticks) })),
    timeTicks: timeTicks(horizon),
    zones,
    sigmaLabels: band ? [[band[1]![1], '+2σ'], [band[0]![1], '+1σ'], [band[0]![0], '−1σ'], [band[1]![0], '−2σ']].map(([v, label]) => ({ y: y(v as number), label: label as string })) : [],
    legend: `±1σ / ±2σ price band over the next ${horizonLabel}`,
  };
}

// ---- probability vs horizon ------------------------------------------------------------------------------------

/** Position of `seconds` on the log time axis, 0..1. */
export function curveX(seconds: number): number {
  return clamp01(Math.log(seconds / CURVE_MIN) / Math.log(CURVE_MAX / CURVE_MIN));
}

function modelLabel(row: ResultRow, settings: ChartInput['settings']): string {
  const tails = settings.tails === 'gbm' ? 'GBM first passage' : 'Student-t (k = 4)';
  const mu = fundingDriftOf(row);
  return `${tails}, funding ${mu === 0 ? '0' : formatPercent(mu.toFixed(6), 2, { space: true }) + '/yr'}`;
}

export function curveData(row: ResultRow, settings: ChartInput['settings']): CurveView | null {
  if (probabilityWithin(row, settings, CURVE_MIN) === null) return null;
  const points = Array.from({ length: CURVE_STEPS + 1 }, (_, i) => {
    const seconds = CURVE_MIN * (CURVE_MAX / CURVE_MIN) ** (i / CURVE_STEPS);
    return { x: i / CURVE_STEPS, p: clamp01(probabilityWithin(row, settings, seconds) ?? 0) };
  });
  const at = CURVE_HORIZONS.map((s) => ({ s, p: probabilityWithin(row, settings, s) ?? 0 }));
  const h = parseDuration(row.horizon) ?? 86400;
  const marker = row.liquidationProbability !== null ? { x: curveX(h), p: clamp01(row.liquidationProbability), label: formatProbability(row.liquidationProbability, { space: true }) } : null;
  const critical = settings.probability.critical;
  return {
    title: `Probability of liquidation by horizon: ${at.map((a) => `${formatDuration(a.s)} ${formatProbability(a.p, { space: true })}`).join(', ')}`,
    desc: `${modelLabel(row, settings)}. At the ${row.horizon} horizon: ${marker ? marker.label : 'not computed'}; critical at ${formatProbability(critical, { space: true })} or more.`,
    aside: modelLabel(row, settings),
    points,
    ticks: at.map((a) => ({ x: curveX(a.s), label: formatDuration(a.s) })),
    marker,
    threshold: { p: clamp01(critical), label: `critical ≥ ${formatProbability(critical, { space: true })}` },
  };
}

function timeToLiquidationText(row: ResultRow): string | null {
  const t = row.details?.timeToLiquidation;
  if (!t || (!t.median && !t.p05 && !t.p01)) return null;
  return [t.median ? `median ${t.median}` : null, t.p05 ? `5 % chance within ${t.p05}` : null, t.p01 ? `1 % within ${t.p01}` : null].filter(Boolean).join(' · ');
}

export function detailsMessage(input: ChartInput): DetailsMessage {
  const { row, settings, epoch } = input;
  const ladder = row.status === 'unknown' ? null : ladderData(row);
  // Liquidatable now: P = 100 % at every horizon, so no curve (the reason says why).
  const curve = row.status === 'unknown' || row.status === 'liquidatable' ? null : curveData(row, settings);
  const note = row.status === 'unknown' ? row.reason : row.volatility === null ? 'No volatility for this market (add `volatility` or `history`), so no price band or probability curve.' : null;
  return { type: 'details', key: rowKey(row), epoch, ladder, curve, note, timeToLiquidation: timeToLiquidationText(row) };
}
