import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, fmt, fmtFloat15 } from '../../../src/engine/core/decimal';

const viaDecimal = (x: number): string | null => (Number.isFinite(x) ? fmt(new Dec(x.toPrecision(15))) : null);

describe('fmtFloat15 (a float statistic as money text without a Decimal)', () => {
  it('equals fmt(new Dec(x.toPrecision(15))) on every double', () => {
    fc.assert(fc.property(fc.double({ noNaN: false }), (x) => fmtFloat15(x) === viaDecimal(x)), { numRuns: 20000, seed: 20261204 });
  });

  it('agrees at the edges: zeros, powers of ten, rounding carries, tiny and huge values', () => {
    const cases = [0, -0, 1, -1, 10, 0.1, 1e21, 1e-7, 123456789012345.6, 999999999999999.9, 0.000123, -0.5, 5e-324, 1.7976931348623157e308, 3766.57652600455, 100, 1e15, 1e16];
    for (const x of cases) expect(fmtFloat15(x)).toBe(viaDecimal(x));
    expect(fmtFloat15(Number.POSITIVE_INFINITY)).toBeNull();
    expect(fmtFloat15(Number.NaN)).toBeNull();
    expect(fmtFloat15(-0)).toBe('0');
    expect(fmtFloat15(1e21)).toBe('1000000000000000000000');
  });
});
