// Cases the fuzzer (test/fuzz) found, kept as regressions with the seed and counterexample that found them.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { otherAccountsUnchanged } from '../../fuzz/neighbours';
import { applyAll, type Mutation } from '../../fuzz/mutate';
import { evaluateText, violations } from '../../fuzz/invariants';

describe('fuzz regressions', () => {
  // seed 20261201: a CSV row whose mark was unreadable became the shared mark of the same symbol in other accounts.
  it.each([
    { victim: 'a', row: 0, column: 6, bad: 'nope-venue' },
    { victim: 'a', row: 0, column: 6, bad: '-1' },
    { victim: 'a', row: 0, column: 2, bad: '' },
  ])('an invalid neighbour row ($bad in column $column) leaves other accounts unchanged', (c) => {
    expect(otherAccountsUnchanged(c)).toEqual([]);
  });

  // FUZZ_RUNS=1000000, seed 20261201, path "350697:2:9:9": fundingInterval: 1e38h put the next funding time past the
  // last representable date, and toISOString threw ("Invalid time value") — an internal error on the whole file.
  it('an absurd fundingInterval gives no internal error', () => {
    const path = 'examples/venues/hyperliquid.positions.yaml';
    const ms = [{ kind: 'replace-number', nth: 37, token: '99999999999999999999999999999999999999' }, { kind: 'duplicate', at: 0, len: 1 }] as unknown as Mutation[];
    const text = applyAll(readFileSync(path, 'utf8'), ms);
    expect(text).toContain('fundingInterval: 99999999999999999999999999999999999999h');
    const e = evaluateText(path, text);
    expect(violations(text, e)).toEqual([]);
    expect(e.rows).toHaveLength(2);
  });
});
