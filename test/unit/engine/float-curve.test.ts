// The float curve of the fix searches: pieces merged into segments (also into a reused Piecewise), the root walk over
// segments (roots inside a segment, a sign change at a boundary, blocks stepped over) and the value at a point.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLOCK, indexBlocks } from '../../../src/engine/fix/curve-blocks';
import { floatPiecewise, rootNear, valueAt, type FloatLeg, type Piecewise } from '../../../src/engine/fix/float-curve';

// PnL 100 + 10·u, MM 0.5·x + 0.001·x² below x = 50, then 1 + 0.5·x (a jump of 1 − 2.5 at x = 50), q = 2
const leg: FloatLeg = { q: 2, alpha: 100, beta: 10, pieces: [{ lo: 0, c0: 0, c1: 0.5, c2: 0.001 }, { lo: 50, c0: 1, c1: 0.5, c2: 0 }] };

describe('floatPiecewise', () => {
  it('cuts the curve where a piece starts (u = lo/q) with the coefficients summed over the legs', () => {
    const f = floatPiecewise([leg], 5);
    expect(f.bounds).toEqual([25]);
    expect([f.a[0], f.b[0], f.c[0]]).toEqual([105, 9, -0.004]);
    expect([f.a[1], f.b[1], f.c[1]]).toEqual([104, 9, 0]);
  });

  it('writes into a given Piecewise the same segments as a fresh one, whatever it held', () => {
    const out: Piecewise = { bounds: [1, 2, 3], a: [9, 9, 9, 9], b: [9, 9, 9, 9], c: [9, 9, 9, 9] };
    expect(floatPiecewise([leg], 5, -1, out)).toBe(out);
    expect(out).toEqual(floatPiecewise([leg], 5, -1));
  });
});

describe('rootNear', () => {
  const f = floatPiecewise([leg], -150);
  const sum = { parts: [f], constant: 0 };

  it('finds the root inside a segment on either side', () => {
    // segment 0: −50 + 9u − 0.004u² = 0 at u = (9 − √80.2)/0.008 ≈ 5.5693 (the other root is past the boundary at 25)
    const below = rootNear(sum, 20, -1)!;
    expect(Math.abs(valueAt(sum, below))).toBeLessThan(1e-9);
    expect(below).toBeCloseTo((9 - Math.sqrt(80.2)) / 0.008, 9);
    // segment 1: −46 + 9u > 0 from u = 25 on: no root above
    expect(rootNear(sum, 30, 1)).toBeNull();
  });

  it('returns the boundary where the value changes sign across it', () => {
    // 2 below u = 10, 2 − 5 = −3 from there on: no root inside a segment, a sign change at the boundary
    const jump = { parts: [floatPiecewise([{ q: 1, alpha: 0, beta: 0, pieces: [{ lo: 0, c0: 0, c1: 0, c2: 0 }, { lo: 10, c0: 5, c1: 0, c2: 0 }] }], 2)], constant: 0 };
    expect(valueAt(jump, 9)).toBe(2);
    expect(valueAt(jump, 11)).toBe(-3);
    expect(rootNear(jump, 9, 1)).toBe(10);
    expect(rootNear(jump, 11, -1)).toBe(10);
  });

  it('is null when no root lies on that side', () => {
    expect(rootNear({ parts: [floatPiecewise([], 1)], constant: 0 }, 3, -1)).toBeNull();
    expect(rootNear({ parts: [floatPiecewise([], 1)], constant: 0 }, 3, 1)).toBeNull();
  });
});

// A group's curve with many segments (legs × tier brackets) is walked in blocks where the sum certainly keeps its
// sign (curve-blocks.ts): the roots must be the plain walk's, bit for bit, for a margin probe (the group and a
// constant), a cut probe (the group, its leg taken out, the leg put back smaller), either side, any mark.
describe('rootNear over blocks of a group curve', () => {
  const arbLeg = fc.record({
    q: fc.double({ min: 0.01, max: 50, noNaN: true }),
    entry: fc.double({ min: 50, max: 150, noNaN: true }),
    long: fc.boolean(),
    // tier caps in notional, their rates rising; a jump in c0 where `jumps` (a table without a consistent cum)
    caps: fc.array(fc.double({ min: 100, max: 20000, noNaN: true }), { minLength: 1, maxLength: 10 }),
    jumps: fc.boolean(),
  });
  const legOf = (l: { q: number; entry: number; long: boolean; caps: number[]; jumps: boolean }): FloatLeg => {
    const s = l.long ? 1 : -1;
    const caps = [...new Set(l.caps)].sort((x, y) => x - y);
    const pieces = [{ lo: 0, c0: 0, c1: 0.004, c2: 0 }, ...caps.map((lo, i) => ({ lo, c0: l.jumps ? (i % 2 ? 40 : -25) : -lo * 0.001 * (i + 1), c1: 0.004 + 0.001 * (i + 1), c2: 0 }))];
    return { q: l.q, alpha: -s * l.q * l.entry, beta: s * l.q, pieces };
  };
  const plain = (f: Piecewise): Piecewise => ({ bounds: f.bounds.slice(), a: f.a.slice(), b: f.b.slice(), c: f.c.slice() });

  it('finds the plain walk\'s root', () => {
    let blocked = 0;
    fc.assert(fc.property(
      fc.array(arbLeg, { minLength: 10, maxLength: 60 }), fc.double({ min: -3000, max: 3000, noNaN: true }),
      fc.double({ min: 60, max: 140, noNaN: true }), fc.nat(), fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      (specs, k, u0, at, cut) => {
        const legs = specs.map(legOf);
        const group = floatPiecewise(legs, k);
        const indexed = indexBlocks(floatPiecewise(legs, k));
        if (indexed.bounds.length >= 4 * BLOCK) blocked++;
        const own = legs[at % legs.length]!;
        const cutLeg = { ...own, q: own.q * (1 - cut), alpha: own.alpha * (1 - cut), beta: own.beta * (1 - cut) };
        const sums = (g: Piecewise, shift: number) => [
          { parts: [g], constant: shift },
          { parts: [g, floatPiecewise([own], 0, -1), floatPiecewise([cutLeg], 0)], constant: shift },
        ];
        for (const shift of [0, 500, -500, -valueAt({ parts: [group], constant: 0 }, u0)]) {
          const [a, b] = [sums(plain(group), shift), sums(indexed, shift)];
          for (let i = 0; i < a.length; i++) {
            for (const dir of [-1, 1] as const) expect(Object.is(rootNear(b[i]!, u0, dir), rootNear(a[i]!, u0, dir))).toBe(true);
          }
        }
      }), { numRuns: 300 });
    expect(blocked).toBeGreaterThan(100);
  });
});
