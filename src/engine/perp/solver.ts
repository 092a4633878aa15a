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

export interface Quad {
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
export interface Breakpoint {
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

export function legBreakpoints(l: SolveLeg): Array<Dec | null> {
  const divided = (): Array<Dec | null> => l.pieces.map((p) => (p.lo.gt(0) && l.q.gt(0) ? p.lo.div(l.q) : null));
  if (l.pieces.length < 2) return divided();
  const kept = legAts.get(l);
  if (kept && kept.pieces === l.pieces && kept.q === l.q) return kept.at;
  const at = divided();
  legAts.set(l, { pieces: l.pieces, q: l.q, at });
  return at;
}

/** The piece a leg starts on at u = 0: its last piece with a floor ≤ 0. */
export function firstPiece(leg: SolveLeg): number {
  let j = 0;
  leg.pieces.forEach((p, i) => { if (!p.lo.gt(0)) j = i; });
  return j;
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
    this.current = legs.map(firstPiece);
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
 * equation for the constant `k`: bounds = [0, …uniq, ∞), quad(s) holds on [bounds[s], bounds[s + 1]).
 */
export interface Segments {
  solves: readonly SolveLeg[];
  k: Dec;
  uniq: Dec[];
  /** Segment s's equation (with this k). */
  quad: (s: number) => Quad;
  /** Built in one sweep (kept for the probes that follow); null: derived from such a set for one leg changed. */
  eager: { events: Breakpoint[]; ats: Dec[]; quads: Quad[] } | null;
}

/** The segment's probe point: strictly inside it (null: the unbounded last segment). */
export const probeOf = (uniq: Dec[], s: number): Dec | null => (s < uniq.length ? (s === 0 ? ZERO : uniq[s - 1]!).plus(uniq[s]!).div(2) : null);

export function segments(k: Dec, legs: SolveLeg[]): Segments {
  const events = breakpoints(legs);
  const ats = events.map((e) => e.at);
  const uniq = dedupe(ats);
  const quads: Quad[] = [];
  const sweep = new Sweep(k, legs, events);
  // the last segment lies past every breakpoint (each is ≤ its lo, up to dedupe's 1e-45): no probe needed
  for (let s = 0; s <= uniq.length; s++) quads.push(sweep.at(probeOf(uniq, s)));
  return { solves: legs, k, uniq, quad: (s) => quads[s]!, eager: { events, ats, quads } };
}

/** The roots of segment `s` inside it (pushed to `out`); for the lowest segment, its first root ≤ 0 (else null). */
export function segmentRoots(seg: Segments, quad: Quad, s: number, out: Dec[]): Dec | null {
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
export function jumpRoot(seg: Segments, below: Quad, above: Quad, i: number): Dec | null {
  const b = seg.uniq[i]!;
  const left = evalQ(below, b);
  const right = evalQ(above, b);
  return (left.gt(0) && right.lt(0)) || (left.lt(0) && right.gt(0)) ? b : null;
}

/** Segments and boundaries known to hold no root (skipped by a solve). */
export interface Rootless {
  segment: (s: number) => boolean;
  boundary: (i: number) => boolean;
}

/** Solve f(u) = 0 over u > 0 segment by segment: every root (`rootless`: what may be skipped, float-segments.ts). */
export function solvePiecewise(k: Dec, legs: SolveLeg[], rootless?: (seg: Segments) => Rootless | undefined): SolveResult {
  const seg = segments(k, legs);
  const quads = seg.eager!.quads;
  const skip = rootless?.(seg);
  const roots: Dec[] = [];
  let nonPositiveRoot: Dec | null = null;
  quads.forEach((q, s) => {
    if (skip?.segment(s)) return;
    const np = segmentRoots(seg, q, s, roots);
    if (s === 0) nonPositiveRoot = np;
  });
  for (let i = 0; i < seg.uniq.length; i++) {
    if (skip?.boundary(i)) continue;
    const b = jumpRoot(seg, quads[i]!, quads[i + 1]!, i);
    if (b) roots.push(b);
  }
  return { roots: dedupe(roots.sort((x, y) => x.cmp(y))), nonPositiveRoot };
}

/** Equal up to TOL relative to y (dedupe's tolerance). */
export const near = (x: Dec, y: Dec): boolean => x.minus(y).abs().lte(y.abs().mul(TOL));

export function dedupe(xs: Dec[]): Dec[] {
  const out: Dec[] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (!last || !near(last, x)) out.push(x);
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
