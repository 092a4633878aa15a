// crossLegsOf: an account's cross positions grouped by symbol in one pass, in account order (focusOf and the fix
// budget read it once per row).
import { describe, expect, it } from 'vitest';
import { crossLegsOf } from '../../../src/engine/fix/focus-group';
import type { PerpAccount } from '../../../src/engine/core/types';

const accountOf = (legs: Array<[string, 'cross' | 'isolated']>): PerpAccount =>
  ({ positions: legs.map(([symbol, marginMode]) => ({ symbol, marginMode })) }) as unknown as PerpAccount;

describe('crossLegsOf', () => {
  const account = accountOf([['BTCUSDT', 'cross'], ['ETHUSDT', 'cross'], ['BTCUSDT', 'isolated'], ['BTCUSDT', 'cross'], ['SOLUSDT', 'isolated']]);

  it('lists the cross positions of one symbol in account order, isolated ones left out', () => {
    expect(crossLegsOf(account, 'BTCUSDT')).toEqual([0, 3]);
    expect(crossLegsOf(account, 'ETHUSDT')).toEqual([1]);
  });

  it('is empty for a symbol held only isolated or not at all', () => {
    expect(crossLegsOf(account, 'SOLUSDT')).toEqual([]);
    expect(crossLegsOf(account, 'XRPUSDT')).toEqual([]);
  });

  it('answers from the one pass made for the account', () => {
    expect(crossLegsOf(account, 'BTCUSDT')).toBe(crossLegsOf(account, 'BTCUSDT'));
  });
});
