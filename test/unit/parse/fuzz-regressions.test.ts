// Cases the fuzzer (test/fuzz) found, kept as regressions with the seed and counterexample that found them.
import { describe, expect, it } from 'vitest';
import { otherAccountsUnchanged } from '../../fuzz/neighbours';

describe('fuzz regressions', () => {
  // seed 20261201: a CSV row whose mark was unreadable became the shared mark of the same symbol in other accounts.
  it.each([
    { victim: 'a', row: 0, column: 6, bad: 'nope-venue' },
    { victim: 'a', row: 0, column: 6, bad: '-1' },
    { victim: 'a', row: 0, column: 2, bad: '' },
  ])('an invalid neighbour row ($bad in column $column) leaves other accounts unchanged', (c) => {
    expect(otherAccountsUnchanged(c)).toEqual([]);
  });
});
