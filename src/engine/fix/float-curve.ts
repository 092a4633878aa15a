// f(u) = MB(u) − MM(u) of one solved group in floats (docs/venues.md §1: PnL linear in u, MM piecewise quadratic in the
// notional q·u), merged over all legs into one sorted list of segments, so a probe costs O(log segments), not O(legs).
// Used for the float searches of the fixes only; every answer is confirmed by one exact Decimal re-evaluation.
import type { SolveLeg } from '../perp/solver';
import { blockedPart, skipBlocks } from './curve-blocks';

/** a + b·u + c·u² on [bounds[i−1], bounds[i]) (bounds[−1] = 0, the last segment unbounded). */
export interface Piecewise {
  bounds: number[];
  a: number[];
  b: number[];
  c: number[];
}

/** A solved leg in floats: PnL = alpha + beta·u, MM pieces c0 + c1·x + c2·x² from notional x = lo (x = q·u). */
export interface FloatLeg {
  q: number;
  alpha: number;
  beta: number;
  pieces: ReadonlyArray<{ lo: number; c0: number; c1: number; c2: number }>;
}

export function floatLeg(l: SolveLeg): FloatLeg {
  return {
    q: l.q.toNumber(), alpha: l.alpha.toNumber(), beta: l.beta.toNumber(),
    pieces: l.pieces.map((p) => ({ lo: p.lo.toNumber(), c0: p.c0.toNumber(), c1: p.c1.toNumber(), c2: p.c2.toNumber() })),
  };
}

/** Σ weight·(alpha + beta·u − MM(q·u)) over the legs, plus `constant`. */
export function piecewiseOf(legs: ReadonlyArray<SolveLeg>, constant: number, weight = 1): Piecewise {
  return floatPiecewise(legs.map(floatLeg), constant, weight);
}

export function floatPiecewise(legs: ReadonlyArray<FloatLeg>, constant: number, weight = 1, out?: Piecewise): Piecewise {
  const events: Array<[number, number, number, number]> = [];
  let a = constant, b = 0, c = 0;
  for (const l of legs) {
    const q = l.q;
    a += weight * l.alpha;
    b += weight * l.beta;
    // the previous piece's coefficients (the first piece starts from 0)
    let prev0 = 0, prev1 = 0, prev2 = 0;
    for (let i = 0; i < l.pieces.length; i++) {
      const p = l.pieces[i]!;
      const coef0 = -p.c0 * weight, coef1 = -p.c1 * q * weight, coef2 = -p.c2 * q * q * weight;
      const at = i === 0 || q <= 0 ? 0 : p.lo / q;
      if (at <= 0) {
        a += coef0 - prev0; b += coef1 - prev1; c += coef2 - prev2;
      } else {
        events.push([at, coef0 - prev0, coef1 - prev1, coef2 - prev2]);
      }
      prev0 = coef0; prev1 = coef1; prev2 = coef2;
    }
  }
  if (events.length > 1) events.sort((x, y) => x[0] - y[0]);
  return mergeEvents(events, a, b, c, out);
}

/**
 * The segments from the coefficients at u = 0 and the sorted jumps; into `out` when given, written by index so a
 * reused curve keeps its arrays' storage (emptying them with length = 0 would free it).
 */
function mergeEvents(events: ReadonlyArray<[number, number, number, number]>, a: number, b: number, c: number, out?: Piecewise): Piecewise {
  const f = out ?? { bounds: [], a: [], b: [], c: [] };
  let n = 0; // boundaries written
  f.a[0] = a; f.b[0] = b; f.c[0] = c;
  for (const [at, da, db, dc] of events) {
    a += da; b += db; c += dc;
    if (n === 0 || f.bounds[n - 1] !== at) f.bounds[n++] = at;
    f.a[n] = a; f.b[n] = b; f.c[n] = c;
  }
  if (f.bounds.length !== n) f.bounds.length = n;
  if (f.a.length !== n + 1) f.a.length = f.b.length = f.c.length = n + 1;
  return f;
}

/** Index of the segment holding u (u ≥ bounds[i−1] and < bounds[i]). */
export function segmentOf(f: Piecewise, u: number): number {
  let lo = 0, hi = f.bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u >= f.bounds[mid]!) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sum of weighted piecewise functions plus a constant (the group, a leg taken out, the leg put back cut). */
export interface Sum {
  parts: Piecewise[];
  constant: number;
}

export function valueAt(s: Sum, u: number): number {
  let v = s.constant;
  for (const f of s.parts) {
    const i = segmentOf(f, u);
    v += f.a[i]! + f.b[i]! * u + f.c[i]! * u * u;
  }
  return v;
}

/** Segment index of each part during one rootNear walk (scratch reused: rootNear never re-enters itself). */
let segIdx = new Int32Array(4);
/** The current segment's a, b, c (scratch: no array per segment). */
const coef = new Float64Array(3);
/** quadRoots' roots, in the order they are tried (scratch: no array per segment). */
const roots = new Float64Array(2);

function coefAt(s: Sum, idx: Int32Array): void {
  let a = s.constant, b = 0, c = 0;
  for (let k = 0; k < s.parts.length; k++) {
    const f = s.parts[k]!, i = idx[k]!;
    a += f.a[i]!; b += f.b[i]!; c += f.c[i]!;
  }
  coef[0] = a; coef[1] = b; coef[2] = c;
}

/** The real roots of a + b·u + c·u², written to `roots`; returns how many. */
function quadRoots(a: number, b: number, c: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
  if (scale === 0) return 0;
  if (Math.abs(c) <= 1e-300 || Math.abs(c) < Math.abs(b) * 1e-18) {
    if (b === 0) return 0;
    roots[0] = -a / b;
    return 1;
  }
  const disc = b * b - 4 * a * c;
  if (disc < 0) return 0;
  const s = Math.sqrt(disc);
  const h = b < 0 ? (s - b) / 2 : -(b + s) / 2;
  if (h === 0) {
    roots[0] = 0;
    return 1;
  }
  roots[0] = h / c;
  roots[1] = a / h;
  return 2;
}

/** The segment index of every part at u, in `segIdx`. */
function segmentsAt(parts: ReadonlyArray<Piecewise>, u: number): Int32Array {
  if (segIdx.length < parts.length) segIdx = new Int32Array(parts.length);
  for (let k = 0; k < parts.length; k++) segIdx[k] = segmentOf(parts[k]!, u);
  return segIdx;
}

/** The next segment boundary in direction dir over all parts (0 or ∞ when there is none). */
function nextEdge(parts: ReadonlyArray<Piecewise>, idx: Int32Array, dir: -1 | 1): number {
  let edge = dir < 0 ? 0 : Number.POSITIVE_INFINITY;
  for (let k = 0; k < parts.length; k++) {
    const f = parts[k]!, i = idx[k]!;
    if (dir < 0) { if (i > 0) edge = Math.max(edge, f.bounds[i - 1]!); }
    else if (i < f.bounds.length) edge = Math.min(edge, f.bounds[i]!);
  }
  return edge;
}

/** Moves every part whose boundary is `edge` into its next segment in direction dir. */
function stepOver(parts: ReadonlyArray<Piecewise>, idx: Int32Array, edge: number, dir: -1 | 1): void {
  for (let k = 0; k < parts.length; k++) {
    const f = parts[k]!, i = idx[k]!;
    if (dir < 0) { if (i > 0 && f.bounds[i - 1] === edge) idx[k] = i - 1; }
    else if (i < f.bounds.length && f.bounds[i] === edge) idx[k] = i + 1;
  }
}

/** Of the first n `roots`, the one nearest to u0 strictly between `from` and `edge` (and > 0); null when none. */
function nearestInside(n: number, u0: number, from: number, edge: number, dir: -1 | 1): number | null {
  let best: number | null = null;
  for (let j = 0; j < n; j++) {
    const r = roots[j]!;
    const inside = dir < 0 ? r < from && r >= edge && r > 0 : r > from && r <= edge;
    if (inside && (best === null || Math.abs(r - u0) < Math.abs(best - u0))) best = r;
  }
  return best;
}

/**
 * The root of the sum nearest to u0 strictly on one side (dir −1: below, +1: above), u > 0; null when none.
 * Walks segment by segment away from u0; a sign change across a boundary (an MM jump) is a root at the boundary.
 * Blocks of a group's segments where the sum certainly keeps its sign are stepped over whole (curve-blocks.ts).
 */
export function rootNear(s: Sum, u0: number, dir: -1 | 1): number | null {
  const idx = segmentsAt(s.parts, u0);
  const big = blockedPart(s);
  let from = u0;
  for (let guard = 0; guard < 100000; guard++) {
    if (big >= 0) from = skipBlocks(s, big, idx, from, dir);
    const edge = nextEdge(s.parts, idx, dir);
    coefAt(s, idx);
    const a = coef[0]!, b = coef[1]!, c = coef[2]!;
    const best = nearestInside(quadRoots(a, b, c), u0, from, edge, dir);
    if (best !== null) return best;
    if (dir < 0 ? edge <= 0 : !Number.isFinite(edge)) return null;
    const before = a + b * edge + c * edge * edge;
    stepOver(s.parts, idx, edge, dir);
    coefAt(s, idx);
    const after = coef[0]! + coef[1]! * edge + coef[2]! * edge * edge;
    if ((before > 0 && after < 0) || (before < 0 && after > 0)) return edge;
    from = edge;
  }
  return null;
}
