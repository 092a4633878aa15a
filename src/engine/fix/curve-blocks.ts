// Runs of a float curve's segments where f certainly keeps one sign, for rootNear's walk (fix/float-curve.ts). A
// symbol with many tiered legs has legs × brackets segments, and a probe's walk from the mark to the nearest root — to
// the curve's end on a side without one — stepped over each of them (issue 10: 250 legs on each of 20 symbols with
// 10-bracket tables grew faster than linearly). A group's curve, built once and never rewritten, keeps the bounds of f
// over blocks of BLOCK segments; the walk steps over whole blocks where the sum of every part certainly keeps one sign
// (far from zero against the terms' rounding), which are segments it would have passed without finding a root or a
// sign change. Its answer is the walk's, bit for bit.
import { countSorted } from '../core/arrays';
import type { Piecewise, Sum } from './float-curve';

export const BLOCK = 16;
/** Far above the doubles' rounding of the terms (~1e-16 relative), far below any value the walk must see as zero. */
const SLACK = 1e-9;

interface Blocks {
  /** Per block: the least and greatest f on its closed range, and the largest |a| + |b|·u + |c|·u² there. */
  min: Float64Array;
  max: Float64Array;
  mag: Float64Array;
}

const blocksOf = new WeakMap<Piecewise, Blocks>();

/** Marks a curve that is never rewritten (a group's) as one the walk may step over in blocks; short ones are left. */
export function indexBlocks(f: Piecewise): Piecewise {
  const n = Math.floor(f.bounds.length / BLOCK);
  if (n < 4) return f;
  const min = new Float64Array(n), max = new Float64Array(n), mag = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    min[k] = Infinity;
    max[k] = -Infinity;
    for (let i = k * BLOCK; i < (k + 1) * BLOCK; i++) {
      extremes(f, i, lowerBound(f, i), f.bounds[i]!);
      min[k] = Math.min(min[k]!, ext[0]!);
      max[k] = Math.max(max[k]!, ext[1]!);
      mag[k] = Math.max(mag[k]!, ext[2]!);
    }
  }
  blocksOf.set(f, { min, max, mag });
  return f;
}

/** ext = [least f, greatest f, largest term magnitude] of segment i on [x, y] (0 ≤ x ≤ y < ∞). */
const ext = new Float64Array(3);

function extremes(f: Piecewise, i: number, x: number, y: number): void {
  const a = f.a[i]!, b = f.b[i]!, c = f.c[i]!;
  const fx = a + b * x + c * x * x, fy = a + b * y + c * y * y;
  let lo = Math.min(fx, fy), hi = Math.max(fx, fy);
  if (c !== 0) {
    const v = -b / (2 * c);
    if (v > x && v < y) {
      const fv = a + b * v + c * v * v;
      lo = Math.min(lo, fv);
      hi = Math.max(hi, fv);
    }
  }
  ext[0] = lo;
  ext[1] = hi;
  ext[2] = Math.abs(a) + Math.abs(b) * y + Math.abs(c) * y * y;
}

const lowerBound = (f: Piecewise, i: number): number => (i === 0 ? 0 : f.bounds[i - 1]!);

/** How many bounds lie below u (< u with strict: the segment a walk downward enters at u; ≤ u: the one upward). */
const countBelow = (f: Piecewise, u: number, strict: boolean): number => countSorted(f.bounds.length, (i) => f.bounds[i]!, u, !strict);

/**
 * The sign f certainly keeps on [L, H] (1 or −1), else 0: the blocked part's block k, every other part's segments
 * that meet the range clamped to it, the constant; certain when the bounds clear zero by SLACK times the terms.
 */
function certainSign(s: Sum, big: number, blocks: Blocks, k: number, L: number, H: number): number {
  let lo = s.constant + blocks.min[k]!, hi = s.constant + blocks.max[k]!, mag = Math.abs(s.constant) + blocks.mag[k]!;
  for (let p = 0; p < s.parts.length; p++) {
    if (p === big) continue;
    const f = s.parts[p]!;
    let partLo = Infinity, partHi = -Infinity, partMag = 0;
    for (let i = countBelow(f, L, false), last = countBelow(f, H, true); i <= last; i++) {
      extremes(f, i, Math.max(L, lowerBound(f, i)), Math.min(H, f.bounds[i] ?? H));
      partLo = Math.min(partLo, ext[0]!);
      partHi = Math.max(partHi, ext[1]!);
      partMag = Math.max(partMag, ext[2]!);
    }
    lo += partLo;
    hi += partHi;
    mag += partMag;
  }
  const slack = SLACK * mag;
  return lo > slack ? 1 : hi < -slack ? -1 : 0;
}

/** The part the walk may step over in blocks (the one with the most segments), or −1. */
export function blockedPart(s: Sum): number {
  let best = -1;
  for (let p = 0; p < s.parts.length; p++) {
    if (blocksOf.has(s.parts[p]!) && (best < 0 || s.parts[p]!.bounds.length > s.parts[best]!.bounds.length)) best = p;
  }
  return best;
}

/**
 * Where the walk at `from` (segments idx) goes next without finding anything: when the blocked part's segment opens
 * its block (dir 1; closes it, dir −1) and f keeps one sign over the block and those after it, the walk moves to the
 * last segment of those blocks, entered at its near bound (idx rewritten); else `from` unchanged.
 */
export function skipBlocks(s: Sum, big: number, idx: Int32Array, from: number, dir: -1 | 1): number {
  const f = s.parts[big]!;
  const blocks = blocksOf.get(f)!;
  const n = blocks.min.length;
  const i = idx[big]!;
  let k = Math.floor(i / BLOCK);
  if (k >= n || i % BLOCK !== (dir > 0 ? 0 : BLOCK - 1)) return from;
  let sign = 0;
  let last = -1;
  while (k >= 0 && k < n) {
    const L = lowerBound(f, k * BLOCK), H = f.bounds[(k + 1) * BLOCK - 1]!;
    const at = certainSign(s, big, blocks, k, L, H);
    if (at === 0 || (sign !== 0 && at !== sign)) break;
    sign = at;
    last = k;
    k += dir;
  }
  if (last < 0) return from;
  // the last segment of the run, entered at its near bound, as the walk enters it after crossing that bound
  const j = dir > 0 ? (last + 1) * BLOCK - 1 : last * BLOCK;
  const at = dir > 0 ? f.bounds[j - 1]! : f.bounds[j]!;
  for (let p = 0; p < s.parts.length; p++) idx[p] = countBelow(s.parts[p]!, at, dir < 0);
  return at;
}
