// A fix's exact probe reads one leg's status after a change to its account, which needs only the roots of its
// symbol's equation nearest the mark (docs/venues.md §1.1): solveNear solves outward from the mark, on segments kept
// from the probe before (a margin probe: the same legs, the constant shifted) or derived from them (a size probe: one
// leg changed). solvePiecewise (solver.ts) stays the solve of every printed price.
import type { Dec } from '../core/decimal';
import {
  dedupe, firstPiece, jumpRoot, legBreakpoints, near, probeOf, segmentRoots, segments, solvePiecewise,
  type Breakpoint, type Quad, type Segments, type SolveLeg, type SolveResult,
} from './solver';
import { derivedRuns, derivedView, keptRuns, keptView, rootless, type FloatView, type Runs } from './float-segments';
import { countLeading, keepTwo, oneDifferent } from '../core/arrays';

/** Groups with at least this many segments or legs keep their segments for the probes that follow (fewer are cheaper to rebuild). */
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
  // a set is worth keeping for its segments or for its legs (the sweep sums every leg, even into one segment)
  if (!seg.eager || (seg.uniq.length + 1 < REMEMBER_SEGMENTS && seg.solves.length < REMEMBER_SEGMENTS) || !seg.solves.length) return;
  const key = seg.solves[0]!;
  const kept = remembered.get(key) ?? [];
  keepTwo(kept, { seg, hits: 0 });
  remembered.set(key, kept);
}

interface Found {
  seg: Segments;
  /** The change of k against the kept equations (null: none). */
  shift: Dec | null;
  /** The set in doubles, for the walk's sign tests. */
  float: FloatView;
  /** Runs of segments the walk would pass as clear: their far end, or −1 (keptRuns, derivedRuns). */
  runs: Runs;
}

/**
 * The segments for (k, legs): a fix's margin probe changes only k, a constant of every segment's equation, so the
 * segments of the same legs are reused with their quads shifted by the change of k (done per segment read); a size
 * probe's legs differ from kept ones in one leg, and its segments are derived from them (withOneLeg).
 */
function segmentsFor(k: Dec, legs: SolveLeg[]): Found {
  const kept = legs.length ? remembered.get(legs[0]!) ?? [] : [];
  const hit = kept.find((e) => oneDifferent(e.seg.solves, legs) === -1);
  if (hit) {
    hit.hits++;
    const shift = hit.seg.k.eq(k) ? null : k.minus(hit.seg.k);
    return { seg: hit.seg, shift, float: keptView(hit.seg, shift), runs: keptRuns(hit.seg, shift) };
  }
  for (const e of kept) {
    const j = oneDifferent(e.seg.solves, legs);
    if (j >= 0 && e.seg.eager) return withOneLeg(e.seg, e.seg.eager, legs, k, j);
  }
  const seg = segments(k, legs);
  remember(seg);
  return { seg, shift: null, float: keptView(seg, null), runs: keptRuns(seg, null) };
}

/**
 * solvePiecewise for a fix's exact probe, which reads only the roots nearest to the mark u0 (the liquidation price
 * and the pair around the mark): segments are solved outward from u0's until each side has a root and one segment
 * more (a root at a shared boundary is found by both), or the end. The roots it returns are those of solvePiecewise
 * in the segments it solved; `nonPositiveRoot` is set only when it reached the lowest segment. Issue 10: a probe of
 * a symbol with many tiered legs solved every segment (legs × tiers) for one leg's status.
 */
export function solveNear(k: Dec, legs: SolveLeg[], u0: Dec): SolveResult {
  // a group of a few pieces (one flat leg, most often) is solved whole: cheaper than keeping or walking its segments
  if (fewerPieces(legs, REMEMBER_SEGMENTS)) return solvePiecewise(k, legs);
  const { seg, shift, float, runs } = segmentsFor(k, legs);
  const last = seg.uniq.length;
  // the segment holding u0: the bounds at or below it (a scan read thousands of bounds of a symbol's tiered legs)
  const s0 = countBelow(seg.uniq, u0, true);
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
  const clear = rootless(float, quad, last);
  const solve = (s: number): void => {
    const np = segmentRoots(seg, quad(s), s, roots);
    if (s === 0) nonPositiveRoot = np;
  };
  const jump = (i: number): void => {
    const b = jumpRoot(seg, quad(i), quad(i + 1), i);
    if (b) roots.push(b);
  };
  solve(s0);
  let lo = s0;
  let hi = s0;
  let belowAt = roots.some((r) => r.lt(u0)) ? s0 : -1;
  let aboveAt = roots.some((r) => r.gt(u0)) ? s0 : -1;
  while (lo > 0 && (belowAt < 0 || lo >= belowAt)) {
    // a run of clear segments below, entered across a clear boundary: the walk would pass each of them
    const run = belowAt < 0 ? runs(lo - 1, -1) : -1;
    if (run >= 0 && clear.boundary(lo - 1)) {
      lo = run;
      continue;
    }
    lo--;
    if (clear.segment(lo) && clear.boundary(lo)) continue;
    solve(lo);
    jump(lo);
    if (belowAt < 0 && roots.some((r) => r.lt(u0))) belowAt = lo;
  }
  while (hi < last && (aboveAt < 0 || hi <= aboveAt)) {
    const run = aboveAt < 0 ? runs(hi + 1, 1) : -1;
    if (run >= 0 && clear.boundary(hi)) {
      hi = run;
      continue;
    }
    hi++;
    if (clear.segment(hi) && clear.boundary(hi - 1)) continue;
    solve(hi);
    jump(hi - 1);
    if (aboveAt < 0 && roots.some((r) => r.gt(u0))) aboveAt = hi;
  }
  return { roots: dedupe(roots.sort((x, y) => x.cmp(y))), nonPositiveRoot };
}

/** Whether the legs hold fewer than `n` pieces in all (counted until there are n: a probe asks for thousands of legs). */
function fewerPieces(legs: SolveLeg[], n: number): boolean {
  let count = 0;
  for (const l of legs) if ((count += l.pieces.length) >= n) return false;
  return true;
}

/**
 * The segments of `base`'s legs with leg `j` replaced (a fix's size probe cuts one leg): the bounds are the base's
 * less the old leg's breakpoints no other leg shares, plus the new leg's; a segment's equation is the base's at the
 * same point, less the old leg's piece there, plus the new leg's (computed for the segments a probe reads only).
 */
function withOneLeg(base: Segments, { events, ats, quads }: NonNullable<Segments['eager']>, legs: SolveLeg[], k: Dec, j: number): Found {
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
  const float = derivedView(base, uniq, was, now, dk);
  return { seg: { solves: legs, k, uniq, quad, eager: null }, shift: null, float, runs: derivedRuns(base, float.bound, uniq.length, was, now, dk) };
}

/** The leg's piece at `probe` as the sweep has it: its first piece, moved up past every breakpoint below the probe. */
function pieceIndex(leg: SolveLeg, at: Array<Dec | null>, probe: Dec | null): number {
  let j = firstPiece(leg);
  at.forEach((v, i) => { if (v !== null && i > j && (probe === null || v.lt(probe))) j = i; });
  return j;
}

/** How many of the ascending `xs` lie below `x` (`orAt`: at or below). */
function countBelow(xs: Dec[], x: Dec, orAt = false): number {
  return countLeading(xs.length, orAt ? (i) => xs[i]!.lte(x) : (i) => xs[i]!.lt(x));
}

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
