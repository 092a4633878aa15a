// solveNear (a fix's exact probe) against solvePiecewise (every root): over random tiered groups, marks and constants,
// the roots a leg's figures read — the nearest on each side of the mark, a root at the mark, and the note's
// non-positive root when there is no root at all — are the same, with fresh segments, with the segments of the same
// legs kept from another constant (a margin probe), and with one leg cut and another constant (a size probe, its
// segments derived from the kept ones).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../../src/engine/core/decimal';
import { bracketRoots, solvePiecewise, type MmPiece, type SolveLeg } from '../../../src/engine/perp/solver';
import { solveNear } from '../../../src/engine/perp/near-solve';
import { wholeRootless } from '../../../src/engine/perp/float-segments';

const D = (x: number | string): Dec => new Dec(x);

/** A tier table: floors 0 < f1 < … (notional), MM = mmr·x − cum with cum continuous (a jump when `jump`). */
function pieces(floors: number[], mmrs: number[], jump: boolean): MmPiece[] {
  const out: MmPiece[] = [];
  let cum = D(0);
  floors.forEach((lo, i) => {
    const mmr = D(mmrs[i]!).div(1000);
    if (i > 0) cum = cum.plus(D(lo).mul(mmr.minus(out[i - 1]!.c1)));
    out.push({ lo: D(lo), hi: floors[i + 1] === undefined ? null : D(floors[i + 1]!), c0: jump && i % 2 ? cum.neg().plus(7) : cum.neg(), c1: mmr, c2: D(0), ref: i });
  });
  return out;
}

const legArb = fc.record({
  q: fc.integer({ min: 1, max: 5000 }),
  entry: fc.integer({ min: 50, max: 200 }),
  side: fc.constantFrom(1, -1),
  floors: fc.uniqueArray(fc.integer({ min: 1, max: 400_000 }), { minLength: 0, maxLength: 9 }),
  mmrs: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 10, maxLength: 10 }),
  jump: fc.boolean(),
});

type LegInput = { q: number; entry: number; side: number; floors: number[]; mmrs: number[]; jump: boolean };

function leg(l: LegInput): SolveLeg {
  const q = D(l.q).div(100);
  const floors = [0, ...[...l.floors].sort((a, b) => a - b)];
  // PnL = side·q·(u − entry) = alpha + beta·u
  return { q, alpha: q.mul(l.entry).mul(-l.side), beta: q.mul(l.side), pieces: pieces(floors, [...l.mmrs].sort((a, b) => a - b), l.jump) };
}

/** What legMetrics reads: the bracket around u0, the nearest root (a root at u0 counts), and the note's root. */
function reading(r: { roots: Dec[]; nonPositiveRoot: Dec | null }, u0: Dec): string[] {
  const { below, above } = bracketRoots(r.roots, u0);
  const at = r.roots.find((x) => x.eq(u0)) ?? null;
  const none = r.roots.length === 0;
  return [String(below), String(at), String(above), none ? String(r.nonPositiveRoot) : 'roots'];
}

const caseArb = fc.record({
  legs: fc.array(legArb, { minLength: 1, maxLength: 12 }),
  k: fc.integer({ min: -400_000, max: 400_000 }),
  k2: fc.integer({ min: -400_000, max: 400_000 }),
  u0: fc.integer({ min: 1, max: 400 }),
  cut: fc.nat(),
  cutTo: fc.integer({ min: 1, max: 5000 }),
});

// few floors, sizes and entries around the marks: legs share breakpoints, a cut leg's new ones land on others' or
// split a kept segment, roots fall on bounds; enough pieces that the walk runs (kept and derived segments)
const tight = fc.record({
  q: fc.constantFrom(100, 200, 300, 400), entry: fc.constantFrom(90, 100, 110), side: fc.constantFrom(1, -1),
  floors: fc.uniqueArray(fc.constantFrom(50, 100, 150, 200, 300, 400, 600), { minLength: 2, maxLength: 5 }),
  mmrs: fc.constant([5, 10, 20, 30, 40, 50, 60, 60, 60, 60] as number[]), jump: fc.boolean(),
});
const tightArb = fc.record({
  legs: fc.array(tight, { minLength: 4, maxLength: 12 }),
  k: fc.integer({ min: -600, max: 600 }),
  k2: fc.integer({ min: -600, max: 600 }),
  u0: fc.constantFrom(50, 75, 100, 150, 200),
  cut: fc.nat(),
  cutTo: fc.constantFrom(100, 200, 300),
});

type Case = { legs: LegInput[]; k: number; k2: number; u0: number; cut: number; cutTo: number };

/** solveNear reads what solvePiecewise gives: fresh, with the segments kept (a margin probe), with one leg cut. */
function sameReadings(c: Case): void {
  const legs = c.legs.map(leg);
  const u0 = D(c.u0);
  // fresh (nothing kept for these legs yet)
  expect(reading(solveNear(D(c.k), legs, u0), u0)).toEqual(reading(solvePiecewise(D(c.k), legs), u0));
  // a margin probe: the same legs, another constant (the segments kept by the line above, shifted)
  expect(reading(solveNear(D(c.k2), legs, u0), u0)).toEqual(reading(solvePiecewise(D(c.k2), legs.map((l) => ({ ...l }))), u0));
  // a size probe: one leg replaced, the constant moved by the PnL realised
  const j = c.cut % legs.length;
  const cut = legs.map((l, i) => (i === j ? leg({ ...c.legs[i]!, q: Math.min(c.legs[i]!.q, c.cutTo) }) : l));
  expect(reading(solveNear(D(c.k2), cut, u0), u0)).toEqual(reading(solvePiecewise(D(c.k2), cut.map((l) => ({ ...l }))), u0));
}

describe('solveNear', () => {
  it('reads the same roots as solvePiecewise, fresh, with kept segments and with one leg cut', () => {
    fc.assert(fc.property(caseArb, sameReadings), { numRuns: 300, endOnFailure: true });
  });

  it('reads the same roots where breakpoints, roots and the mark coincide (the walk\'s doubles leave those to the exact path)', () => {
    fc.assert(fc.property(tightArb, sameReadings), { numRuns: 400, endOnFailure: true });
  });

  it('reads the same roots on a symbol of many tiered legs (the walk passes whole blocks of clear segments)', () => {
    const many = fc.record({ legs: fc.array(legArb, { minLength: 20, maxLength: 50 }), k: fc.integer({ min: -400_000, max: 400_000 }),
      k2: fc.integer({ min: -400_000, max: 400_000 }), u0: fc.integer({ min: 1, max: 400 }), cut: fc.nat(), cutTo: fc.integer({ min: 1, max: 5000 }) });
    fc.assert(fc.property(many, sameReadings), { numRuns: 120, endOnFailure: true });
  });

  it('the whole solve finds every root when the doubles skip the segments and boundaries they settle', () => {
    const all = (r: { roots: Dec[]; nonPositiveRoot: Dec | null }): string[] => [...r.roots.map(String), String(r.nonPositiveRoot)];
    fc.assert(fc.property(caseArb, (c) => {
      const legs = c.legs.map(leg);
      expect(all(solvePiecewise(D(c.k), legs, wholeRootless))).toEqual(all(solvePiecewise(D(c.k), legs)));
    }), { numRuns: 300, endOnFailure: true });
    fc.assert(fc.property(tightArb, (c) => {
      const legs = c.legs.map(leg);
      expect(all(solvePiecewise(D(c.k), legs, wholeRootless))).toEqual(all(solvePiecewise(D(c.k), legs)));
    }), { numRuns: 300, endOnFailure: true });
  });

  it('solves only the segments near the mark of a group with many', () => {
    // 40 legs × 10 tiers: ~360 segments; the probe's reading needs a handful
    const legs = Array.from({ length: 40 }, (_, i) => leg({ q: 100 + i, entry: 100, side: i % 2 ? 1 : -1, floors: [5000, 10000, 20000, 40000, 80000, 160000, 320000, 640000, 1280000], mmrs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], jump: false }));
    const full = solvePiecewise(D(-1000), legs);
    const near = solveNear(D(-1000), legs, D(100));
    expect(reading(near, D(100))).toEqual(reading(full, D(100)));
    expect(near.roots.length).toBeLessThanOrEqual(full.roots.length);
  });
});
