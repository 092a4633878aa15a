// The details pane's charts and the stress chart, as inline SVG built by DOM calls. Every number and every label
// comes from the host (chartData.ts, stressView.ts); this file only scales 0..1 positions to pixels and lays labels
// out so they do not overlap or clip (label-layout.ts). Each chart is role="img" with a <title>/<desc> stating its
// numbers.
import type { CurveView, LadderView, StressMessage } from '../protocol/messages';
import { formatAmount } from '../presentation/format';
import { stressBarText } from '../presentation/stress-labels';
import { overlaps, placeLabel, textBox, textWidth, type Box, type Candidate } from './label-layout';
import { chartRoot, path, s, stext, uid } from './svg';

/** Font sizes of the chart classes (styles.css: .ax 10.5px mono, .lvl-name/.lvl-val 11.5px, .hz-label 11px mono). */
const AX = 10.5;
const LV = 11.5;
const HZ = 11;

/** Left edge of a plot so the longest axis label fits after `pad` px, never less than `min`. */
export function plotLeft(labels: readonly string[], min: number, pad = 10): number {
  return Math.ceil(Math.max(min, pad + Math.max(0, ...labels.map((l) => textWidth(l, AX, true)))));
}

// ---- price ladder ----------------------------------------------------------------------------------------------
const L = { w: 364, h: 284, x0: 46 as number, x1: 176, y0: 8, y1: 262, labelX: 218, valueX: 362, gap: 16 };
let lx = (x: number) => L.x0 + x * (L.x1 - L.x0);
const ly = (y: number) => L.y1 - y * (L.y1 - L.y0);

/** Label heights: each at its level, pushed apart by at least `gap` pixels, kept inside the chart. */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => [y, i] as const).sort((a, b) => a[0] - b[0]);
  const placed: number[] = [];
  for (const [y] of order) placed.push(Math.max(y, (placed.at(-1) ?? -Infinity) + gap));
  const overflow = (placed.at(-1) ?? 0) - bottom;
  if (overflow > 0) for (let i = 0; i < placed.length; i++) placed[i] = placed[i]! - overflow;
  for (let i = 0; i < placed.length; i++) if (placed[i]! < top) placed[i] = top + i * gap;
  const out = new Array<number>(ys.length);
  order.forEach(([, idx], k) => { out[idx] = placed[k]!; });
  return out;
}

function fan(band: LadderView['band'], lo: 'lo1' | 'lo2', hi: 'hi1' | 'hi2', cls: string): SVGPathElement {
  const upper = band.map((b) => [lx(b.x), ly(b[hi])] as const);
  const lower = [...band].reverse().map((b) => [lx(b.x), ly(b[lo])] as const);
  return s('path', { class: cls, d: path([...upper, ...lower], true) });
}

function ladderAxes(v: LadderView): SVGGElement {
  const g = s('g', { class: 'axes' });
  for (const t of v.ticks) {
    g.append(s('line', { class: 'grid', x1: L.x0, x2: L.x1, y1: ly(t.y), y2: ly(t.y) }),
      stext({ class: 'ax', x: L.x0 - 6, y: ly(t.y) + 3.5, 'text-anchor': 'end' }, t.label));
  }
  g.append(s('line', { class: 'axis', x1: L.x0, x2: L.x1, y1: L.y1, y2: L.y1 }));
  const placed: Box[] = [];
  // the ends first: a middle label that would run into one (a long horizon, "425 d 6 h" beside "850 d 12 h") is left out
  for (const t of [...v.timeTicks].sort((p, q) => Number(isEnd(q.x)) - Number(isEnd(p.x)))) {
    const x = lx(t.x);
    const anchor = t.x <= 0 ? 'start' : t.x >= 1 ? 'end' : 'middle';
    g.append(s('line', { class: 'tick', x1: x, x2: x, y1: L.y1, y2: L.y1 + 4 }));
    const box = textBox(t.label, x, L.y1 + 15, AX, anchor, true);
    if (placed.some((o) => overlaps(box, o, 4))) continue;
    placed.push(box);
    g.append(stext({ class: 'ax', x, y: L.y1 + 15, 'text-anchor': anchor }, t.label));
  }
  return g;
}

const isEnd = (x: number): boolean => x <= 0 || x >= 1;

/** A level's name, shortened with "…" so it ends before its value (both on one line, never overlapping). */
export function fitName(name: string, value: string, labelX = L.labelX, valueX = L.valueX): string {
  const room = valueX - textWidth(value, LV, true) - 6 - labelX;
  if (textWidth(name, LV) <= room) return name;
  const chars = [...name];
  while (chars.length > 1 && textWidth(chars.join('') + '…', LV) > room) chars.pop();
  return chars.join('') + '…';
}

function ladderLevels(v: LadderView): SVGGElement {
  const g = s('g', { class: 'levels' });
  const ys = v.levels.map((l) => ly(l.y));
  const labels = spreadLabels(ys, L.gap, L.y0 + 4, L.y1 - 2);
  v.levels.forEach((l, i) => {
    const y = ys[i]!;
    const ty = labels[i]!;
    const name = fitName(l.label, l.value);
    g.append(s('g', { class: `lv lv-${l.name}`, 'data-level': l.name },
      s('line', { class: 'lvl', x1: L.x0, x2: L.x1 + 4, y1: y, y2: y }),
      s('path', { class: 'leader', d: path([[L.x1 + 4, y], [L.x1 + 14, y], [L.labelX - 6, ty], [L.labelX - 2, ty]]) }),
      stext({ class: 'lvl-name', x: L.labelX, y: ty + 4 }, name),
      stext({ class: 'lvl-val', x: L.valueX, y: ty + 4, 'text-anchor': 'end' }, l.value)));
  });
  return g;
}

export function ladderChart(v: LadderView): SVGSVGElement {
  // The price axis is as wide as its longest label ("100,000" must not be clipped at the left edge).
  const x0 = plotLeft(v.ticks.map((t) => t.label), 46);
  L.x0 = x0;
  lx = (x: number) => L.x0 + x * (L.x1 - L.x0);
  const root = chartRoot('ladder', L.w, L.h, v.title, v.desc);
  const hatch = uid('hatch');
  const clip = uid('clip');
  root.append(s('defs', {},
    s('pattern', { id: hatch, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, s('line', { class: 'hatch', x1: 0, y1: 0, x2: 0, y2: 6 })),
    s('clipPath', { id: clip }, s('rect', { x: L.x0, y: L.y0, width: L.x1 - L.x0, height: L.y1 - L.y0 }))));
  root.append(ladderAxes(v));
  const plot = s('g', { 'clip-path': `url(#${clip})` });
  for (const z of v.zones) {
    const top = ly(z.to);
    const height = Math.max(0, ly(z.from) - top);
    plot.append(s('rect', { class: 'zone', x: L.x0, y: top, width: L.x1 - L.x0, height }),
      s('rect', { class: 'zone-hatch', x: L.x0, y: top, width: L.x1 - L.x0, height, fill: `url(#${hatch})` }));
  }
  if (v.band.length > 1) plot.append(fan(v.band, 'lo2', 'hi2', 'fan2'), fan(v.band, 'lo1', 'hi1', 'fan1'));
  root.append(plot);
  for (const z of v.zones) {
    const atTop = z.to >= 1;
    const tall = ly(z.from) - ly(z.to) > 16;
    if (tall) root.append(stext({ class: 'zone-label', x: L.x0 + 6, y: atTop ? L.y0 + 13 : L.y1 - 6 }, 'liquidation zone'));
  }
  for (const sl of v.sigmaLabels) root.append(stext({ class: 'sig', x: L.x1 + 6, y: ly(sl.y) + 3.5 }, sl.label));
  root.append(ladderLevels(v));
  return root;
}

// ---- probability vs horizon ------------------------------------------------------------------------------------
const C = { w: 364, h: 110, x0: 38, x1: 358, y0: 8, y1: 88 };
const cy = (p: number) => C.y1 - p * (C.y1 - C.y0);

/**
 * Where the horizon marker's label and the threshold label go: the threshold label at the right end above its line
 * (below it when the line is near the top); the marker's label beside its dot on whichever side and height misses
 * the threshold label, the axes and the chart edge.
 */
export function curveLabels(v: CurveView, x0: number): { threshold: Candidate | null; marker: Candidate | null } {
  const cx = (x: number) => x0 + x * (C.x1 - x0);
  const plot: Box = { x: x0, y: 0, w: C.x1 - x0, h: C.y1 };
  const obstacles: Box[] = [];
  let marker: Candidate | null = null;
  if (v.marker) {
    // The marker's label first, beside its dot (the dot is an obstacle), on the side and height that fit.
    const x = cx(v.marker.x);
    const y = cy(v.marker.p);
    const cands: Candidate[] = [];
    for (const dy of [17, -8, 4, 30, -20]) for (const side of ['start', 'end'] as const) cands.push({ x: side === 'start' ? x + 7 : x - 7, y: Math.min(C.y1 - 3, Math.max(C.y0 + 10, y + dy)), anchor: side });
    const m = placeLabel(v.marker.label, HZ, true, cands, [{ x: x - 4, y: y - 4, w: 8, h: 8 }], plot);
    marker = m;
    obstacles.push(m.box, { x: x - 4, y: y - 4, w: 8, h: 8 });
  }
  let threshold: Candidate | null = null;
  if (v.threshold) {
    // Then the threshold's label: right end above its line, below it, or the left end, whichever misses the marker.
    const ty = cy(v.threshold.p);
    threshold = placeLabel(v.threshold.label, AX, false, [
      { x: C.x1, y: ty - 4, anchor: 'end' }, { x: C.x1, y: ty + 12, anchor: 'end' },
      { x: x0 + 4, y: ty - 4, anchor: 'start' }, { x: x0 + 4, y: ty + 12, anchor: 'start' },
    ], obstacles, plot);
  }
  return { threshold, marker };
}

export function curveChart(v: CurveView): SVGSVGElement {
  const yLabels = [[0, '0 %'], [0.5, '50 %'], [1, '100 %']] as const;
  const x0 = plotLeft(yLabels.map(([, l]) => l), C.x0);
  const cx = (x: number) => x0 + x * (C.x1 - x0);
  const root = chartRoot('curve', C.w, C.h, v.title, v.desc);
  for (const [p, label] of yLabels) {
    root.append(s('line', { class: 'grid', x1: x0, x2: C.x1, y1: cy(p), y2: cy(p) }), stext({ class: 'ax', x: x0 - 6, y: cy(p) + 3.5, 'text-anchor': 'end' }, label));
  }
  for (const t of v.ticks) {
    const x = cx(t.x);
    const anchor = textBox(t.label, x, 0, AX, 'middle', true).x + textWidth(t.label, AX, true) > C.w - 1 ? 'end' : 'middle';
    root.append(s('line', { class: 'tick', x1: x, x2: x, y1: C.y1, y2: C.y1 + 4 }), stext({ class: 'ax', x: anchor === 'end' ? Math.min(x + 4, C.w - 1) : x, y: C.y1 + 15, 'text-anchor': anchor }, t.label));
  }
  const placed = curveLabels(v, x0);
  if (v.threshold && placed.threshold) {
    root.append(s('line', { class: 'thr', x1: x0, x2: C.x1, y1: cy(v.threshold.p), y2: cy(v.threshold.p) }),
      stext({ class: 'thr-label', x: placed.threshold.x, y: placed.threshold.y, 'text-anchor': placed.threshold.anchor }, v.threshold.label));
  }
  const pts = v.points.map((p) => [cx(p.x), cy(p.p)] as const);
  if (pts.length > 1) {
    root.append(s('path', { class: 'c-area', d: path([[pts[0]![0], C.y1], ...pts, [pts.at(-1)![0], C.y1]], true) }), s('path', { class: 'c-line', d: path(pts) }));
  }
  if (v.marker && placed.marker) {
    const x = cx(v.marker.x);
    const y = cy(v.marker.p);
    root.append(s('line', { class: 'hz', x1: x, x2: x, y1: C.y0, y2: C.y1 }), s('circle', { class: 'hz-dot', cx: x, cy: y, r: 3.5 }),
      stext({ class: 'hz-label', x: placed.marker.x, y: placed.marker.y, 'text-anchor': placed.marker.anchor }, v.marker.label));
  }
  root.append(s('line', { class: 'axis', x1: x0, x2: C.x1, y1: C.y1, y2: C.y1 }));
  return root;
}

// ---- stress test -----------------------------------------------------------------------------------------------
const S = { w: 720, h: 190, x0: 64, x1: 712, y0: 22, y1: 150 };

/** Shocks labelled on the axis, spaced so labels do not collide (every bar keeps its label in its tooltip). */
const AXIS_SHOCKS = new Set([0, 10, 20, 30, 50]);
function labelled(shock: number): boolean {
  return AXIS_SHOCKS.has(Math.abs(Math.round(shock * 100)));
}

export function stressChart(m: StressMessage): SVGSVGElement {
  const root = chartRoot('stress-chart', S.w, S.h, m.title, m.desc);
  const n = Math.max(1, m.bars.length);
  const tallest = m.bars.find((b) => b.height >= 1);
  const top = tallest ? formatAmount(tallest.notional, { decimals: 0 }) : '0';
  const x0 = plotLeft([top], S.x0);
  const band = (S.x1 - x0) / n;
  root.append(s('line', { class: 'grid', x1: x0, x2: S.x1, y1: S.y0, y2: S.y0 }),
    stext({ class: 'ax', x: x0 - 6, y: S.y0 + 3.5, 'text-anchor': 'end' }, top),
    stext({ class: 'ax', x: x0 - 6, y: S.y1 + 3.5, 'text-anchor': 'end' }, '0'));
  m.bars.forEach((b, i) => {
    const x = x0 + i * band;
    const h = b.height * (S.y1 - S.y0);
    const g = s('g', { class: `bar${b.positions > 0 ? ' hit' : ''}${b.shock === 0 ? ' zero' : ''}`, 'data-shock': String(b.shock) });
    const tip = s('title');
    tip.textContent = stressBarText(b);
    g.append(tip, s('rect', { class: 'bar-rect', x: x + band * 0.15, y: S.y1 - h, width: band * 0.7, height: Math.max(0, h) }));
    if (b.positions > 0) g.append(stext({ class: 'bar-count', x: x + band / 2, y: S.y1 - h - 4, 'text-anchor': 'middle' }, String(b.positions)));
    if (labelled(b.shock)) g.append(stext({ class: 'ax', x: x + band / 2, y: S.y1 + 15, 'text-anchor': 'middle' }, b.label));
    root.append(g);
  });
  root.append(s('line', { class: 'axis', x1: x0, x2: S.x1, y1: S.y1, y2: S.y1 }),
    stext({ class: 'ax caption', x: (x0 + S.x1) / 2, y: S.h - 6, 'text-anchor': 'middle' }, 'shock to every mark · bar = liquidated notional · number = positions liquidated'));
  return root;
}
