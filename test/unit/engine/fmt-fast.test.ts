import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, fmt } from '../../../src/engine/core/decimal';

/** fmt as it was before the fast path: always through the 30-digit rounded copy. */
function slowFmt(d: Dec): string | null {
  if (!d.isFinite()) return null;
  const s = d.toSignificantDigits(30, Dec.ROUND_HALF_EVEN).toFixed();
  return s === '-0' ? '0' : s;
}

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** Decimal texts: a sign, 1..60 digits (so ≤ 30, exactly 30/31 and 50 occur), an exponent from tiny to huge. */
const decimalText = fc.tuple(fc.boolean(), digits(1, 60), fc.integer({ min: -120, max: 120 })).map(([neg, m, e]) => `${neg ? '-' : ''}${m}e${e}`);

/** Half-even ties at the 31st digit: 30 digits then 5 (then zeros), even and odd 30th digits. */
const tieText = fc.tuple(fc.boolean(), digits(29, 29), fc.constantFrom(...'0123456789'), fc.integer({ min: 0, max: 20 }), fc.integer({ min: -80, max: 80 }))
  .map(([neg, head, last, zeros, e]) => `${neg ? '-' : ''}1${head}${last}5${'0'.repeat(zeros)}e${e}`);

describe('fmt fast path (≤ 30 significant digits printed without the rounded copy)', () => {
  it('equals the rounded-copy path on random decimals', () => {
    fc.assert(fc.property(decimalText, (t) => fmt(new Dec(t)) === slowFmt(new Dec(t))), { numRuns: 30000, seed: 20261204 });
  });

  it('equals the rounded-copy path on half-even ties and on 50-digit quotients', () => {
    fc.assert(fc.property(tieText, (t) => fmt(new Dec(t)) === slowFmt(new Dec(t))), { numRuns: 10000, seed: 7 });
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (a, b) => {
      const q = new Dec(a).div(b);
      return fmt(q) === slowFmt(q);
    }), { numRuns: 10000, seed: 11 });
  });

  it('agrees at the edges', () => {
    const cases = ['0', '-0', '1', '-1', '1e-100', '-1e100', '123456789012345678901234567890', '1234567890123456789012345678901', '1234567890123456789012345678905', '1234567890123456789012345678915', '0.000000000000000000000000000000000000000001', '99999999999999999999999999999950000'];
    for (const t of cases) expect(fmt(new Dec(t))).toBe(slowFmt(new Dec(t)));
    expect(fmt(new Dec('-0'))).toBe('0');
    expect(fmt(new Dec(Infinity))).toBeNull();
    expect(fmt(null)).toBeNull();
  });
});
