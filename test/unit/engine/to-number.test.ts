import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../../src/engine/core/decimal';

/** decimal.js's own conversion: the value's string read by Number. */
const viaString = (d: Dec): number => Number(d.valueOf());

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** Decimal texts of 1..24 digits (the fast path takes ≤ 14) with exponents around and beyond ±22. */
const decimalText = fc.tuple(fc.boolean(), digits(1, 24), fc.integer({ min: -60, max: 60 })).map(([neg, m, e]) => `${neg ? '-' : ''}${m}e${e}`);

describe('Dec toNumber (digits × power of ten when exact, else through the string)', () => {
  it('gives the same double as the string on random decimals', () => {
    fc.assert(fc.property(decimalText, (t) => Object.is(new Dec(t).toNumber(), viaString(new Dec(t)))), { numRuns: 50000, seed: 20261204 });
  });

  it('gives the same double on prices, 50-digit quotients and doubles read back', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (a, b) => {
      const q = new Dec(a).div(b);
      return Object.is(q.toNumber(), viaString(q));
    }), { numRuns: 10000, seed: 3 });
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const d = new Dec(x);
      return Object.is(d.toNumber(), viaString(d));
    }), { numRuns: 20000, seed: 5 });
  });

  it('agrees at the edges', () => {
    const cases = ['0', '-0', '1', '-1', '2.62592', '99999999999999', '9007199254740993', '1e22', '1e23', '1e-22', '1e-23', '12345678901234e22', '12345678901234e-22', '0.1', '-0.3', 'Infinity', '-Infinity', 'NaN', '1e-400', '1e400'];
    for (const t of cases) expect(Object.is(new Dec(t).toNumber(), viaString(new Dec(t)))).toBe(true);
  });
});
