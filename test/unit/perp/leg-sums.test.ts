// legSums (a symbol's Σ PnL and Σ MM at the marks, kept for the fix probes that follow): a list that differs from a
// kept one in one leg gets the kept sums less the old leg's terms plus the new one's, and that must be the value the
// direct sum in list order gives — exactly, also where the terms carry more digits than Decimal's precision (then the
// kept sums are not reused).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../../src/engine/core/decimal';
import { legSums } from '../../../src/engine/perp/leg-sums';
import { mmAtMark, type Leg } from '../../../src/engine/perp/legs';
import type { PerpPosition } from '../../../src/engine/core/types';

function leg(q: string, entry: string, mark: string, mmr: string, index: number): Leg {
  const qd = new Dec(q);
  const solve = { q: qd, alpha: qd.mul(entry).neg(), beta: qd, pieces: [{ lo: new Dec(0), hi: null, c0: new Dec(0), c1: new Dec(mmr), c2: new Dec(0), ref: 0 }] };
  const u0 = new Dec(mark);
  return {
    index, position: {} as PerpPosition, sign: 1, inverse: false, q: qd, u0, pnlAtMark: solve.alpha.plus(solve.beta.mul(u0)),
    solve, mm: { pieces: solve.pieces, upperInclusive: false, table: null, fixedTier: null }, funding: new Dec(0),
  };
}

/** Σ in list order, as every evaluation took it. */
function direct(legs: Leg[]): string[] {
  let pnl = new Dec(0);
  let mm = new Dec(0);
  for (const l of legs) {
    pnl = pnl.plus(l.pnlAtMark);
    mm = mm.plus(mmAtMark(l));
  }
  return [pnl.toString(), mm.toString()];
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const decimal = (whole: number, frac: number) => fc.tuple(fc.integer({ min: 1, max: 9 }), digits(whole), digits(frac)).map(([a, b, c]) => `${a}${b}.${c}`);

describe('legSums', () => {
  for (const [name, frac] of [['a few digits (the kept sums are reused)', 4], ['more digits than the precision (summed directly)', 40]] as const) {
    it(`equals the direct sum after one leg changes: ${name}`, () => {
      const legArb = fc.tuple(decimal(1, frac), decimal(3, 2), fc.constantFrom('0.004', '0.005', '0.0125'));
      fc.assert(fc.property(fc.array(legArb, { minLength: 16, maxLength: 40 }), legArb, fc.nat(), decimal(3, 2), (specs, other, at, mark) => {
        const legs = specs.map(([q, e, r], i) => leg(q, e, mark, r, i));
        expect([legSums(legs).pnl.toString(), legSums(legs).mm.toString()]).toEqual(direct(legs));
        const j = at % legs.length;
        const changed = legs.map((l, i) => (i === j ? leg(other[0], other[1], mark, other[2], i) : l));
        const s = legSums(changed);
        expect([s.pnl.toString(), s.mm.toString()]).toEqual(direct(changed));
      }), { numRuns: 200 });
    });
  }
});
