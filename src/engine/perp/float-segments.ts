// The near-mark walk's sign tests in doubles (docs/venues.md §1.1): a segment the walk skips needs only a certain sign
// of its equation at both ends, which doubles settle far from zero. Reading the exact (Decimal) equation of every
// segment between the mark and the liquidation price made a probe of a symbol with many tiered legs cost that many
// Decimal derivations (issue 10); the doubles here are built once per kept segment set and per leg, and any choice they
// cannot make safely (a probe point too close to a breakpoint) is left to the exact path.
import { approxNumber, type Dec } from '../core/decimal';
import { countSorted } from '../core/arrays';
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

/** Segments per block of a kept set (keptRuns). */
const RUN_BLOCK = 16;

interface KeptBlocks {
  linear: Uint8Array;
  min: Float64Array;
  max: Float64Array;
  mag: Float64Array;
}

const keptBlocks = new WeakMap<Segments, KeptBlocks>();

/** Per block of RUN_BLOCK segments: all linear, the least and greatest value at the segments' ends, the largest terms. */
const blocksOfKept = (seg: Segments): KeptBlocks => keptIn(keptBlocks, seg, (set) => {
  const f = floatsOfEager(set);
  const n = Math.floor(f.u.length / RUN_BLOCK);
  const out = { linear: new Uint8Array(n), min: new Float64Array(n).fill(Infinity), max: new Float64Array(n).fill(-Infinity), mag: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    let linear = 1;
    for (let s = k * RUN_BLOCK; s < (k + 1) * RUN_BLOCK; s++) {
      const a = f.a[s]!, b = f.b[s]!, c = f.c[s]!;
      linear &= f.linear[s]!;
      for (const u of [s === 0 ? 0 : f.u[s - 1]!, f.u[s]!]) {
        const v = a + b * u + c * u * u;
        out.min[k] = Math.min(out.min[k]!, v);
        out.max[k] = Math.max(out.max[k]!, v);
        out.mag[k] = Math.max(out.mag[k]!, Math.abs(a) + Math.abs(b) * u + Math.abs(c) * u * u);
      }
    }
    out.linear[k] = linear;
  }
  return out;
});

/**
 * Runs of a kept set's segments the near-mark walk would pass one by one as clear (rootless: linear, one certain sign
 * at both ends, the same across each boundary): whole blocks whose values, with the margin probe's `shift`, clear zero
 * by twice the doubles' threshold. `run(s, dir)`: the far end of the run of such blocks, all of one sign, that starts
 * at segment s (dir 1: s opens a block; −1: s closes one), or −1. Segment 0 (always solved) is in no run.
 */
export function keptRuns(seg: Segments, shift: Dec | null): Runs {
  if (!seg.eager || seg.uniq.length < 4 * RUN_BLOCK) return NO_RUNS;
  const blocks = blocksOfKept(seg);
  const d = shift ? approxNumber(shift) : 0;
  const signOf = (k: number): number => blockSign(blocks, k, d, null);
  return (s, dir) => {
    if (s % RUN_BLOCK !== (dir > 0 ? 0 : RUN_BLOCK - 1)) return -1;
    const far = (k: number): number => (dir > 0 ? (k + 1) * RUN_BLOCK - 1 : k * RUN_BLOCK);
    return runEnd(blocks, Math.floor(s / RUN_BLOCK), dir, signOf, far);
  };
}

/** The far end of a run of clear segments that starts at segment s, going `dir`; −1 when none (keptRuns). */
export type Runs = (s: number, dir: -1 | 1) => number;

const NO_RUNS: Runs = () => -1;

/** A block's certain sign with the constant shifted by d and, for a derived set, the changed leg's terms added. */
function blockSign(blocks: KeptBlocks, k: number, d: number, legs: { lo: number; hi: number; mag: number } | null): number {
  if (!blocks.linear[k] || (legs && !Number.isFinite(legs.mag))) return 0;
  const tol = 2 * SETTLED * (blocks.mag[k]! + Math.abs(d) + (legs?.mag ?? 0));
  if (blocks.min[k]! + d + (legs?.lo ?? 0) > tol) return 1;
  return blocks.max[k]! + d + (legs?.hi ?? 0) < -tol ? -1 : 0;
}

/** From block k on in direction dir, the end (`endOf`) of the last block of a run of one certain sign; −1 when none. */
function runEnd(blocks: KeptBlocks, k: number, dir: -1 | 1, signOf: (k: number) => number, endOf: (k: number) => number): number {
  let sign = 0, end = -1;
  for (; k >= 1 && k < blocks.min.length; k += dir) {
    const at = signOf(k);
    if (at === 0 || (sign !== 0 && at !== sign)) break;
    sign = at;
    end = endOf(k);
  }
  return end;
}

/**
 * keptRuns for a size probe's set (withOneLeg: the kept set with leg `was` replaced by `now`), whose segments are not
 * the kept set's: the kept set's blocks, with the bounds of −was + now over each block (every piece of either, linear
 * pieces only) added to its values and magnitudes, give a certified range in u, and the run is the derived segments
 * inside it (`bound`: the derived set's bounds in doubles, `count` of them).
 */
export function derivedRuns(base: Segments, bound: (i: number) => number, count: number, was: SolveLeg, now: SolveLeg, dk: Dec): Runs {
  if (!base.eager || base.uniq.length < 4 * RUN_BLOCK) return NO_RUNS;
  const w = floatsOfLeg(was), n = floatsOfLeg(now);
  if (w.quadratic.some((x) => x === 1) || n.quadratic.some((x) => x === 1)) return NO_RUNS;
  const f = floatsOfEager(base);
  const blocks = blocksOfKept(base);
  const d = approxNumber(dk);
  const lower = (k: number): number => f.u[k * RUN_BLOCK - 1]!;
  const upper = (k: number): number => f.u[(k + 1) * RUN_BLOCK - 1]!;
  const signOf = (k: number): number => {
    const x = lower(k), y = upper(k);
    const out = legTerms(w, x, y), put = legTerms(n, x, y);
    return blockSign(blocks, k, d, { lo: put.lo - out.hi, hi: put.hi - out.lo, mag: out.mag + put.mag });
  };
  return (s, dir) => {
    if (dir < 0) {
      const start = Math.floor(countSorted(f.u.length, (i) => f.u[i]!, bound(s), false) / RUN_BLOCK);
      const k = runEnd(blocks, start, -1, signOf, (j) => j);
      const t = k < 0 ? -1 : countSorted(count, bound, lower(k), false) + 1;
      return t >= 1 && t <= s ? t : -1;
    }
    const start = Math.floor(countSorted(f.u.length, (i) => f.u[i]!, bound(s - 1), true) / RUN_BLOCK);
    const k = runEnd(blocks, start, 1, signOf, (j) => j);
    const t = k < 0 ? -1 : countSorted(count, bound, upper(k), true) - 1;
    return t >= s ? t : -1;
  };
}

/** A leg's α + β·u − MM(q·u) over every one of its pieces on [x, y]: least, greatest, largest magnitude (at y). */
function legTerms(l: LegFloats, x: number, y: number): { lo: number; hi: number; mag: number } {
  let lo = Infinity, hi = -Infinity, mag = 0;
  for (let i = 0; i < l.c0.length; i++) {
    const a = l.alpha - l.c0[i]!, b = l.beta - l.c1[i]! * l.q;
    const vx = a + b * x, vy = a + b * y;
    lo = Math.min(lo, vx, vy);
    hi = Math.max(hi, vx, vy);
    mag = Math.max(mag, Math.abs(l.alpha) + Math.abs(l.c0[i]!) + (Math.abs(l.beta) + Math.abs(l.c1[i]! * l.q)) * y);
  }
  return { lo, hi, mag };
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
