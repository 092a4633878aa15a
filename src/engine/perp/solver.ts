// The one equation (docs/venues.md §1): f(u) = MB(u) − MM(u) = 0, u = P (linear) or 1/P (inverse).
// Every leg is linear in u for PnL; its MM is piecewise polynomial (degree ≤ 2) in its notional x = q·u.
import { Dec, ZERO } from '../core/decimal';

/** MM = c0 + c1·x + c2·x² for notional x in [lo, hi) (hi null = unbounded). `ref` lets callers map a piece back to a tier. */
export interface MmPiece {
  lo: Dec;
  hi: Dec | null;
  c0: Dec;
  c1: Dec;
  c2: Dec;
  ref: number | null;
}

/** One leg moving with u: PnL = alpha + beta·u, notional x = q·u, MM = piece(x). Pieces sorted by lo, first lo = 0. */
export interface SolveLeg {
  q: Dec;
  alpha: Dec;
  beta: Dec;
  pieces: MmPiece[];
  /** (lo, hi] boundaries (Bybit); default [lo, hi). */
  upperInclusive?: boolean;
}

export interface SolveResult {
  /** Every root with u > 0, ascending. */
  roots: Dec[];
  /** The root of the lowest segment's equation when it is ≤ 0 (the venue formula's "negative LP"), else null. */
  nonPositiveRoot: Dec | null;
}

const TOL = new Dec('1e-45');

export function pieceAt(leg: SolveLeg, x: Dec): MmPiece {
  let found = leg.pieces[0]!;
  for (const p of leg.pieces) {
    const starts = leg.upperInclusive ? x.gt(p.lo) || p.lo.isZero() : x.gte(p.lo);
    if (starts) found = p;
  }
  return found;
}

export function mmOf(piece: MmPiece, x: Dec): Dec {
  return piece.c0.plus(piece.c1.mul(x)).plus(piece.c2.mul(x).mul(x));
}

interface Quad {
  a: Dec;
  b: Dec;
  c: Dec;
}

function coefficients(k: Dec, legs: SolveLeg[], chosen: MmPiece[]): Quad {
  let a = k;
  let b = ZERO;
  let c = ZERO;
  legs.forEach((l, i) => {
    const p = chosen[i]!;
    a = a.plus(l.alpha).minus(p.c0);
    b = b.plus(l.beta).minus(p.c1.mul(l.q));
    c = c.minus(p.c2.mul(l.q).mul(l.q));
  });
  return { a, b, c };
}

const evalQ = (q: Quad, u: Dec): Dec => q.a.plus(q.b.mul(u)).plus(q.c.mul(u).mul(u));

/** Roots of a + b·u + c·u² over the reals: closed form, then Newton-polished in Dec (relative step ≤ 1e-45). */
function quadRoots(q: Quad): Dec[] {
  if (q.c.isZero()) return q.b.isZero() ? [] : [q.a.neg().div(q.b)];
  const disc = q.b.mul(q.b).minus(q.a.mul(q.c).mul(4));
  if (disc.isNeg()) return [];
  const s = disc.sqrt();
  const h = q.b.isNeg() ? s.minus(q.b).div(2) : q.b.plus(s).neg().div(2);
  const raw = h.isZero() ? [ZERO] : [h.div(q.c), q.a.div(h)];
  return raw.map((u) => newton(q, u));
}

function newton(q: Quad, start: Dec): Dec {
  let u = start;
  for (let i = 0; i < 60; i++) {
    const d = q.b.plus(q.c.mul(u).mul(2));
    if (d.isZero()) break;
    const step = evalQ(q, u).div(d);
    u = u.minus(step);
    if (step.abs().lte(u.abs().mul(TOL))) break;
  }
  return u;
}

/** Where a leg's notional reaches the floor of one of its pieces: u = lo/q. */
interface Breakpoint {
  at: Dec;
  leg: number;
  piece: number;
}

/** Every breakpoint with u > 0, ascending (ties in leg and piece order). */
function breakpoints(legs: SolveLeg[]): Breakpoint[] {
  const events: Breakpoint[] = [];
  legs.forEach((l, i) => legBreakpoints(l).forEach((at, j) => { if (at) events.push({ at, leg: i, piece: j }); }));
  return events.sort((x, y) => x.at.cmp(y.at) || x.leg - y.leg || x.piece - y.piece);
}

/** Where each of a leg's pieces starts in u (lo/q; null for the first piece), kept per leg: a fix's probes re-solve
 *  the same legs with one leg changed. */
const legAts = new WeakMap<SolveLeg, { pieces: MmPiece[]; q: Dec; at: Array<Dec | null> }>();

function legBreakpoints(l: SolveLeg): Array<Dec | null> {
  const kept = legAts.get(l);
  if (kept && kept.pieces === l.pieces && kept.q === l.q) return kept.at;
  const at = l.pieces.map((p) => (p.lo.gt(0) && l.q.gt(0) ? p.lo.div(l.q) : null));
  legAts.set(l, { pieces: l.pieces, q: l.q, at });
  return at;
}

/**
 * The coefficients of every segment in one sweep (issue 10: linear in legs + breakpoints, not their product): each
 * leg's piece only moves up as u grows, so the sums change by one leg's piece at each of its breakpoints. A probe
 * lies strictly inside its segment, so "x ≥ lo" (or "> lo") of pieceAt is "breakpoint lo/q < probe".
 */
class Sweep {
  private readonly current: number[];
  private next = 0;
  private quad: Quad;

  constructor(k: Dec, private readonly legs: SolveLeg[], private readonly events: Breakpoint[]) {
    this.current = legs.map((l) => {
      let j = 0;
      l.pieces.forEach((p, i) => { if (!p.lo.gt(0)) j = i; });
      return j;
    });
    this.quad = coefficients(k, legs, legs.map((l, i) => l.pieces[this.current[i]!]!));
  }

  /** The coefficients at `probe`; null: past every breakpoint (the unbounded last segment). */
  at(probe: Dec | null): Quad {
    let { a, b, c } = this.quad;
    while (this.next < this.events.length && (probe === null || this.events[this.next]!.at.lt(probe))) {
      const e = this.events[this.next++]!;
      if (e.piece <= this.current[e.leg]!) continue;
      const l = this.legs[e.leg]!;
      const from = l.pieces[this.current[e.leg]!]!, to = l.pieces[e.piece]!;
      a = a.plus(from.c0).minus(to.c0);
      b = b.plus(from.c1.mul(l.q)).minus(to.c1.mul(l.q));
      c = c.plus(from.c2.mul(l.q).mul(l.q)).minus(to.c2.mul(l.q).mul(l.q));
      this.current[e.leg] = e.piece;
    }
    return (this.quad = { a, b, c });
  }
}

/**
 * A group's segments between its breakpoints (where some leg's notional reaches a tier floor) and each segment's
 * equation for the constant `k`: bounds = [0, …uniq, ∞), quads[s] holds on [bounds[s], bounds[s + 1]).
 */
interface Segments {
  solves: readonly SolveLeg[];
  k: Dec;
  uniq: Dec[];
  /** Segment s's equation (with this k). */
  quad: (s: number) => Quad;
  /** Built in one sweep (kept for the probes that follow); null: derived from such a set for one leg changed. */
  eager: { events: Breakpoint[]; ats: Dec[]; quads: Quad[] } | null;
}

/** The segment's probe point: strictly inside it (null: the unbounded last segment). */
const probeOf = (uniq: Dec[], s: number): Dec | null => (s < uniq.length ? (s === 0 ? ZERO : uniq[s - 1]!).plus(uniq[s]!).div(2) : null);

function segments(k: Dec, legs: SolveLeg[]): Segments {
  const events = breakpoints(legs);
  const ats = events.map((e) => e.at);
  const uniq = dedupe(ats);
  const quads: Quad[] = [];
  const sweep = new Sweep(k, legs, events);
  // the last segment lies past every breakpoint (each is ≤ its lo, up to dedupe's 1e-45): no probe needed
  for (let s = 0; s <= uniq.length; s++) quads.push(sweep.at(probeOf(uniq, s)));
  return { solves: legs, k, uniq, quad: (s) => quads[s]!, eager: { events, ats, quads } };
}

/**
 * The segments of `base`'s legs with leg `j` replaced (a fix's size probe cuts one leg): the bounds are the base's
 * less the old leg's breakpoints no other leg shares, plus the new leg's; a segment's equation is the base's at the
 * same point, less the old leg's piece there, plus the new leg's (computed for the segments a probe reads only).
 */
function withOneLeg(base: Segments, { events, ats, quads }: NonNullable<Segments['eager']>, legs: SolveLeg[], k: Dec, j: number): Segments {
  const was = base.solves[j]!;
  const now = legs[j]!;
  const wasAt = legBreakpoints(was);
  const nowAt = legBreakpoints(now);
  const uniq = base.uniq.slice();
  for (const v of wasAt) if (v && !sharedByOthers(events, ats, v, j)) removeNear(uniq, v);
  for (const w of nowAt) if (w) insertUnlessNear(uniq, w);
  const dk = k.minus(base.k);
  const memo = new Map<number, Quad>();
  const quad = (s: number): Quad => {
    let q = memo.get(s);
    if (q) return q;
    const probe = probeOf(uniq, s);
    const sb = probe === null ? base.uniq.length : countBelow(base.uniq, probe);
    const from = was.pieces[pieceIndex(was, wasAt, probeOf(base.uniq, sb))]!;
    const to = now.pieces[pieceIndex(now, nowAt, probe)]!;
    const b0 = quads[sb]!;
    q = {
      a: b0.a.plus(dk).minus(was.alpha.minus(from.c0)).plus(now.alpha.minus(to.c0)),
      b: b0.b.minus(was.beta.minus(from.c1.mul(was.q))).plus(now.beta.minus(to.c1.mul(now.q))),
      c: b0.c.plus(from.c2.mul(was.q).mul(was.q)).minus(to.c2.mul(now.q).mul(now.q)),
    };
    memo.set(s, q);
    return q;
  };
  return { solves: legs, k, uniq, quad, eager: null };
}

/** The leg's piece at `probe` as the sweep has it: its first piece, moved up past every breakpoint below the probe. */
function pieceIndex(leg: SolveLeg, at: Array<Dec | null>, probe: Dec | null): number {
  let j = 0;
  leg.pieces.forEach((p, i) => { if (!p.lo.gt(0)) j = i; });
  at.forEach((v, i) => { if (v !== null && i > j && (probe === null || v.lt(probe))) j = i; });
  return j;
}

/** How many of the ascending `xs` lie below `x`. */
function countBelow(xs: Dec[], x: Dec): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.lt(x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const near = (x: Dec, y: Dec): boolean => x.minus(y).abs().lte(y.abs().mul(TOL));

/** Whether a leg other than `j` has a breakpoint at `v` (up to dedupe's tolerance). */
function sharedByOthers(events: Breakpoint[], ats: Dec[], v: Dec, j: number): boolean {
  const i = countBelow(ats, v);
  for (let k = i - 1; k >= 0 && near(events[k]!.at, v); k--) if (events[k]!.leg !== j) return true;
  for (let k = i; k < events.length && near(events[k]!.at, v); k++) if (events[k]!.leg !== j) return true;
  return false;
}

function removeNear(uniq: Dec[], v: Dec): void {
  const i = countBelow(uniq, v);
  if (i < uniq.length && near(uniq[i]!, v)) uniq.splice(i, 1);
  else if (i > 0 && near(uniq[i - 1]!, v)) uniq.splice(i - 1, 1);
}

function insertUnlessNear(uniq: Dec[], w: Dec): void {
  const i = countBelow(uniq, w);
  if ((i < uniq.length && near(uniq[i]!, w)) || (i > 0 && near(uniq[i - 1]!, w))) return;
  uniq.splice(i, 0, w);
}

/** The roots of segment `s` inside it (pushed to `out`); for the lowest segment, its first root ≤ 0 (else null). */
function segmentRoots(seg: Segments, quad: Quad, s: number, out: Dec[]): Dec | null {
  const lo = s === 0 ? ZERO : seg.uniq[s - 1]!;
  const hi = seg.uniq[s] ?? null;
  let nonPositive: Dec | null = null;
  for (const u of quadRoots(quad)) {
    if (u.gt(0) && u.gte(lo) && (hi === null || u.lte(hi))) out.push(u);
    else if (s === 0 && u.lte(0) && nonPositive === null) nonPositive = u;
  }
  return nonPositive;
}

/** A jump of MM at boundary uniq[i] (tables without a consistent cum) can cross zero without an in-segment root. */
function jumpRoot(seg: Segments, below: Quad, above: Quad, i: number): Dec | null {
  const b = seg.uniq[i]!;
  const left = evalQ(below, b);
  const right = evalQ(above, b);
  return (left.gt(0) && right.lt(0)) || (left.lt(0) && right.gt(0)) ? b : null;
}

/** Solve f(u) = 0 over u > 0 segment by segment: every root. */
export function solvePiecewise(k: Dec, legs: SolveLeg[]): SolveResult {
  const seg = segments(k, legs);
  remember(seg);
  const quads = seg.eager!.quads;
  const roots: Dec[] = [];
  let nonPositiveRoot: Dec | null = null;
  quads.forEach((q, s) => {
    const np = segmentRoots(seg, q, s, roots);
    if (s === 0) nonPositiveRoot = np;
  });
  for (let i = 0; i < seg.uniq.length; i++) {
    const b = jumpRoot(seg, quads[i]!, quads[i + 1]!, i);
    if (b) roots.push(b);
  }
  return { roots: dedupe(roots.sort((x, y) => x.cmp(y))), nonPositiveRoot };
}

/** Groups with at least this many segments keep them for the probes that follow (fewer are cheaper to rebuild). */
const REMEMBER_SEGMENTS = 8;

interface Kept {
  seg: Segments;
  hits: number;
}

/**
 * Two segment sets per group (keyed by its first leg): a fix alternates margin probes (the same legs, so the kept
 * set is reused) with size probes (one leg cut, a one-off); the set used least is the one replaced.
 */
const remembered = new WeakMap<SolveLeg, Kept[]>();

function remember(seg: Segments): void {
  if (!seg.eager || seg.uniq.length + 1 < REMEMBER_SEGMENTS || !seg.solves.length) return;
  const key = seg.solves[0]!;
  const kept = remembered.get(key) ?? [];
  if (kept.length >= 2) kept.splice(kept[0]!.hits <= kept[1]!.hits ? 0 : 1, 1);
  kept.push({ seg, hits: 0 });
  remembered.set(key, kept);
}

/**
 * The segments for (k, legs): a fix's margin probe changes only k, a constant of every segment's equation, so the
 * segments of the same legs are reused with their quads shifted by the change of k (done per segment read).
 */
function segmentsFor(k: Dec, legs: SolveLeg[]): { seg: Segments; shift: Dec | null } {
  const kept = legs.length ? remembered.get(legs[0]!) ?? [] : [];
  const hit = kept.find((e) => e.seg.solves.length === legs.length && e.seg.solves.every((l, i) => l === legs[i]));
  if (hit) {
    hit.hits++;
    return { seg: hit.seg, shift: hit.seg.k.eq(k) ? null : k.minus(hit.seg.k) };
  }
  for (const e of kept) {
    const j = oneDifferent(e.seg.solves, legs);
    if (j >= 0 && e.seg.eager) return { seg: withOneLeg(e.seg, e.seg.eager, legs, k, j), shift: null };
  }
  const seg = segments(k, legs);
  remember(seg);
  return { seg, shift: null };
}

/** The one index where `b` holds another leg than `a` (−1: none, several, or other lengths). */
function oneDifferent(a: readonly SolveLeg[], b: readonly SolveLeg[]): number {
  if (a.length !== b.length) return -1;
  let j = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (j >= 0) return -1;
    j = i;
  }
  return j;
}

/**
 * solvePiecewise for a fix's exact probe, which reads only the roots nearest to the mark u0 (the liquidation price
 * and the pair around the mark): segments are solved outward from u0's until each side has a root and one segment
 * more (a root at a shared boundary is found by both), or the end. The roots it returns are those of solvePiecewise
 * in the segments it solved; `nonPositiveRoot` is set only when it reached the lowest segment. Issue 10: a probe of
 * a symbol with many tiered legs solved every segment (legs × tiers) for one leg's status.
 */
export function solveNear(k: Dec, legs: SolveLeg[], u0: Dec): SolveResult {
  const { seg, shift } = segmentsFor(k, legs);
  const last = seg.uniq.length;
  let s0 = 0;
  while (s0 < last && seg.uniq[s0]!.lte(u0)) s0++;
  const roots: Dec[] = [];
  let nonPositiveRoot: Dec | null = null;
  const exact = new Map<number, Quad>();
  const quad = (s: number): Quad => {
    let q = exact.get(s);
    if (!q) {
      const kept = seg.quad(s);
      q = shift ? { a: kept.a.plus(shift), b: kept.b, c: kept.c } : kept;
      exact.set(s, q);
    }
    return q;
  };
  const sign = signIn(seg, quad);
  const solve = (s: number): void => {
    const np = segmentRoots(seg, quad(s), s, roots);
    if (s === 0) nonPositiveRoot = np;
  };
  const jump = (i: number): void => {
    const b = jumpRoot(seg, quad(i), quad(i + 1), i);
    if (b) roots.push(b);
  };
  // a segment below the last, linear, whose equation has one certain sign at both ends holds no root; a boundary
  // with one certain sign on both sides holds no jump (segment 0 is always solved: it gives the non-positive root)
  const clear = (s: number): boolean => s > 0 && s < last && quad(s).c.isZero() && sameSign(sign(s, s - 1), sign(s, s));
  const clearBoundary = (i: number): boolean => sameSign(sign(i, i), sign(i + 1, i));
  solve(s0);
  let lo = s0;
  let hi = s0;
  let belowAt = roots.some((r) => r.lt(u0)) ? s0 : -1;
  let aboveAt = roots.some((r) => r.gt(u0)) ? s0 : -1;
  while (lo > 0 && (belowAt < 0 || lo >= belowAt)) {
    lo--;
    if (clear(lo) && clearBoundary(lo)) continue;
    solve(lo);
    jump(lo);
    if (belowAt < 0 && roots.some((r) => r.lt(u0))) belowAt = lo;
  }
  while (hi < last && (aboveAt < 0 || hi <= aboveAt)) {
    hi++;
    if (clear(hi) && clearBoundary(hi - 1)) continue;
    solve(hi);
    jump(hi - 1);
    if (aboveAt < 0 && roots.some((r) => r.gt(u0))) aboveAt = hi;
  }
  return { roots: dedupe(roots.sort((x, y) => x.cmp(y))), nonPositiveRoot };
}

const sameSign = (x: number, y: number): boolean => x !== 0 && x === y;

/**
 * sign(s, i): the sign of segment s's equation at bound i (uniq[i]; i = −1 is u = 0) in doubles, when the doubles
 * settle it (|f| above 1e-9 of its terms' magnitude, far beyond their rounding), else 0 (the exact path decides).
 */
function signIn(seg: Segments, quad: (s: number) => Quad): (s: number, i: number) => number {
  return (s, i) => {
    const q = quad(s);
    const u = i < 0 ? 0 : approx(seg.uniq[i]!);
    const a = approx(q.a);
    const b = approx(q.b) * u;
    const c = approx(q.c) * u * u;
    const v = a + b + c;
    const err = 1e-9 * (Math.abs(a) + Math.abs(b) + Math.abs(c));
    return v > err ? 1 : v < -err ? -1 : 0;
  };
}

/** A Decimal as a double to ~1e-15 relative, from its three leading base-1e7 words (no decimal string). */
function approx(x: Dec): number {
  const d = x.d;
  if (!d || !d[0]) return d ? 0 : Number.NaN;
  const w = Math.min(d.length, 3);
  let mantissa = 0;
  for (let i = 0; i < w; i++) mantissa = mantissa * 1e7 + d[i]!;
  let digits = 1;
  for (let first = d[0]; first >= 10; first /= 10) digits++;
  return x.s * mantissa * 10 ** (x.e - (digits + 7 * (w - 1)) + 1);
}

function dedupe(xs: Dec[]): Dec[] {
  const out: Dec[] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (!last || !last.minus(x).abs().lte(x.abs().mul(TOL))) out.push(x);
  }
  return out;
}

/** The nearest root on each side of u0. */
export function bracketRoots(roots: Dec[], u0: Dec): { below: Dec | null; above: Dec | null } {
  let below: Dec | null = null;
  let above: Dec | null = null;
  for (const r of roots) {
    if (r.lt(u0)) below = r;
    else if (r.gt(u0) && above === null) above = r;
  }
  return { below, above };
}
