// The near-mark walk's sign tests in doubles (docs/venues.md §1.1): a segment the walk skips needs only a certain sign
// of its equation at both ends, which doubles settle far from zero. Reading the exact (Decimal) equation of every
// segment between the mark and the liquidation price made a probe of a symbol with many tiered legs cost that many
// Decimal derivations (issue 10); the doubles here are built once per kept segment set and per leg, and any choice they
// cannot make safely (a probe point too close to a breakpoint) is left to the exact path.
import { approxNumber, type Dec } from '../core/decimal';
import { firstPiece, legBreakpoints, type Quad, type Rootless, type Segments, type SolveLeg } from './solver';

/** A segment's equation a + b·u + c·u² in doubles, with the magnitudes of the terms each coefficient sums. */
export interface FloatQuad {
  a: number;
  b: number;
  c: number;
  ma: number;
  mb: number;
  mc: number;
  /** c is exactly zero. */
  linear: boolean;
}

/** Far above the doubles' rounding (~1e-15 relative per term), far below any gap the walk needs to see. */
const SETTLED = 1e-9;
/** Closer than this (relative) to a breakpoint, a probe point's side is left to the exact path. */
const AMBIGUOUS = 1e-12;

/** The sign of q at u when the doubles settle it, else 0 (the exact path decides). */
export function floatSign(q: FloatQuad, u: number): number {
  const v = q.a + q.b * u + q.c * u * u;
  const err = SETTLED * (q.ma + q.mb * u + q.mc * u * u);
  return v > err ? 1 : v < -err ? -1 : 0;
}

/** The doubles of an exact equation (its own terms as magnitudes). */
export function floatOf(q: Quad): FloatQuad {
  const a = approxNumber(q.a), b = approxNumber(q.b), c = approxNumber(q.c);
  return { a, b, c, ma: Math.abs(a), mb: Math.abs(b), mc: Math.abs(c), linear: q.c.isZero() };
}

/** A segment set as the walk's sign tests read it: its equations and its bounds in doubles. */
export interface FloatView {
  /** Segment s's equation; null where a piece choice is too close to call (the exact equation decides). */
  quad: (s: number) => FloatQuad | null;
  /** Bound i (uniq[i]). */
  bound: (i: number) => number;
}

/**
 * The segments and boundaries of a set that certainly hold no root: a segment below the last, linear, whose equation
 * has one certain sign at both ends; a boundary with one certain sign on both sides (no jump across zero). Segment 0
 * is always solved (it gives the non-positive root). `exact` gives an equation the doubles could not build.
 */
export function rootless(view: FloatView, exact: (s: number) => Quad, last: number): Rootless {
  const memo = new Map<number, FloatQuad>();
  const at = (s: number): FloatQuad => {
    let q = memo.get(s);
    if (!q) memo.set(s, (q = view.quad(s) ?? floatOf(exact(s))));
    return q;
  };
  // the sign of segment s's equation at bound i (i = −1 is u = 0)
  const sign = (s: number, i: number): number => floatSign(at(s), i < 0 ? 0 : view.bound(i));
  return {
    segment: (s) => s > 0 && s < last && at(s).linear && sameSign(sign(s, s - 1), sign(s, s)),
    boundary: (i) => sameSign(sign(i, i), sign(i + 1, i)),
  };
}

const sameSign = (x: number, y: number): boolean => x !== 0 && x === y;

/** Groups with fewer segments are solved without the doubles (converting them costs more than it saves). */
const FLOAT_SEGMENTS = 8;

/** For the whole solve (solvePiecewise) of a set built in one sweep: what the doubles settle. */
export function wholeRootless(seg: Segments): Rootless | undefined {
  if (!seg.eager || seg.uniq.length + 1 < FLOAT_SEGMENTS) return undefined;
  const quads = seg.eager.quads;
  return rootless(keptView(seg, null), (s) => quads[s]!, seg.uniq.length);
}

/** Bounds of a segment set in doubles, converted when first read. */
function lazyBounds(uniq: readonly Dec[]): (i: number) => number {
  const out = new Float64Array(uniq.length).fill(Number.NaN);
  return (i) => {
    let v = out[i]!;
    if (Number.isNaN(v)) out[i] = v = approxNumber(uniq[i]!);
    return v;
  };
}

interface EagerFloats {
  u: Float64Array;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  linear: Uint8Array;
}

const eagerFloats = new WeakMap<Segments, EagerFloats>();

/** The value kept for `key`, built once. */
function keptIn<K extends object, V>(map: WeakMap<K, V>, key: K, build: (key: K) => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = build(key)));
  return v;
}

const floatsOfEager = (seg: Segments): EagerFloats => keptIn(eagerFloats, seg, ({ uniq, eager }) => {
  const quads = eager!.quads;
  return {
    u: Float64Array.from(uniq, approxNumber),
    a: Float64Array.from(quads, (q) => approxNumber(q.a)),
    b: Float64Array.from(quads, (q) => approxNumber(q.b)),
    c: Float64Array.from(quads, (q) => approxNumber(q.c)),
    linear: Uint8Array.from(quads, (q) => (q.c.isZero() ? 1 : 0)),
  };
});

/** A kept set in doubles, the constant shifted by `shift` (a margin probe's change of k). */
export function keptView(seg: Segments, shift: Dec | null): FloatView {
  const f = floatsOfEager(seg);
  const d = shift ? approxNumber(shift) : 0;
  const quad = (s: number): FloatQuad => {
    const a = f.a[s]!, b = f.b[s]!, c = f.c[s]!;
    return { a: a + d, b, c, ma: Math.abs(a) + Math.abs(d), mb: Math.abs(b), mc: Math.abs(c), linear: f.linear[s] === 1 };
  };
  return { quad, bound: (i) => f.u[i]! };
}

interface LegFloats {
  alpha: number;
  beta: number;
  q: number;
  first: number;
  at: Float64Array;
  c0: Float64Array;
  c1: Float64Array;
  c2: Float64Array;
  quadratic: Uint8Array;
}

const legFloats = new WeakMap<SolveLeg, LegFloats>();

const floatsOfLeg = (leg: SolveLeg): LegFloats => keptIn(legFloats, leg, (l) => ({
  alpha: approxNumber(l.alpha), beta: approxNumber(l.beta), q: approxNumber(l.q), first: firstPiece(l),
  at: Float64Array.from(legBreakpoints(l), (v) => (v ? approxNumber(v) : Number.NaN)),
  c0: Float64Array.from(l.pieces, (p) => approxNumber(p.c0)),
  c1: Float64Array.from(l.pieces, (p) => approxNumber(p.c1)),
  c2: Float64Array.from(l.pieces, (p) => approxNumber(p.c2)),
  quadratic: Uint8Array.from(l.pieces, (p) => (p.c2.isZero() ? 0 : 1)),
}));

const tooClose = (x: number, y: number): boolean => Number.isFinite(y) && Math.abs(x - y) <= AMBIGUOUS * Math.max(Math.abs(x), Math.abs(y));

/** near-solve's pieceIndex in doubles: the leg's piece at `probe`; −1 when a breakpoint is too close to decide. */
function pieceAtFloat(l: LegFloats, probe: number): number {
  let j = l.first;
  for (let i = 0; i < l.at.length; i++) {
    const v = l.at[i]!;
    if (Number.isNaN(v) || i <= j) continue;
    if (tooClose(v, probe)) return -1;
    if (v < probe) j = i;
  }
  return j;
}

/** How many of the ascending `xs` lie below `x`; −1 when one is too close to decide. */
function countBelowFloat(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  if ((lo < xs.length && tooClose(xs[lo]!, x)) || (lo > 0 && tooClose(xs[lo - 1]!, x))) return -1;
  return lo;
}

const midpoint = (u: (i: number) => number, n: number, s: number): number => (s < n ? ((s === 0 ? 0 : u(s - 1)) + u(s)) / 2 : Infinity);

/**
 * near-solve's withOneLeg set in doubles: segment s of the new bounds `uniq` is the base's equation at the same point,
 * less the old leg's piece there, plus the new leg's.
 */
export function derivedView(base: Segments, uniq: readonly Dec[], was: SolveLeg, now: SolveLeg, dk: Dec): FloatView {
  const f = floatsOfEager(base);
  const w = floatsOfLeg(was), n = floatsOfLeg(now);
  const bound = lazyBounds(uniq);
  const baseU = (i: number): number => f.u[i]!;
  const d = approxNumber(dk);
  const quad = (s: number): FloatQuad | null => {
    const probe = midpoint(bound, uniq.length, s);
    const sb = probe === Infinity ? f.u.length : countBelowFloat(f.u, probe);
    if (sb < 0) return null;
    const from = pieceAtFloat(w, midpoint(baseU, f.u.length, sb));
    const to = pieceAtFloat(n, probe);
    if (from < 0 || to < 0) return null;
    const wa = w.alpha - w.c0[from]!, na = n.alpha - n.c0[to]!;
    const wb = w.beta - w.c1[from]! * w.q, nb = n.beta - n.c1[to]! * n.q;
    const wc = w.c2[from]! * w.q * w.q, nc = n.c2[to]! * n.q * n.q;
    return {
      a: f.a[sb]! + d - wa + na, b: f.b[sb]! - wb + nb, c: f.c[sb]! + wc - nc,
      ma: Math.abs(f.a[sb]!) + Math.abs(d) + Math.abs(w.alpha) + Math.abs(w.c0[from]!) + Math.abs(n.alpha) + Math.abs(n.c0[to]!),
      mb: Math.abs(f.b[sb]!) + Math.abs(w.beta) + Math.abs(w.c1[from]! * w.q) + Math.abs(n.beta) + Math.abs(n.c1[to]! * n.q),
      mc: Math.abs(f.c[sb]!) + Math.abs(wc) + Math.abs(nc),
      linear: f.linear[sb] === 1 && !w.quadratic[from] && !n.quadratic[to],
    };
  };
  return { quad, bound };
}
