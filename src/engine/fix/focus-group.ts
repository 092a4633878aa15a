// The part of an account a fix probe needs (issue 10, linear engine): an isolated position alone; a cross leg with
// the legs of its symbol, the other symbols' cross legs held as constants (their PnL and MM at their marks, taken once
// from the full evaluation). Re-evaluating a focused account costs its group, not the file.
import { Dec } from '../core/decimal';
import type { PerpAccount } from '../core/types';
import { perpGroupOf, type PerpGroup } from '../perp/account';
import { perpVenue } from '../venues/registry';

export interface Focus {
  account: PerpAccount;
  /** The position's index in `account`. */
  index: number;
  /** The other symbols' cross legs as constants; undefined for isolated positions and for the full account. */
  crossOthers?: { pnl: Dec; mm: Dec };
  /** The position's solved group in the full evaluation (legs, constants); null when it has none. */
  group: PerpGroup | null;
}

const cache = new WeakMap<PerpAccount, Map<string, Omit<Focus, 'index' | 'group'> & { local: Map<number, number> }>>();

/**
 * Bybit's fee to close depends on the whole account's margin balance, so another symbol's MM moves with the margin
 * added here: such accounts keep the full re-evaluation.
 */
export function coupled(account: PerpAccount): boolean {
  let known = coupledCache.get(account);
  if (known === undefined) {
    const model = perpVenue(account.venue).margin;
    known = !!model?.feeToClose && account.positions.some((p) => p.marginMode === 'cross' && p.market.takerFee !== null);
    coupledCache.set(account, known);
  }
  return known;
}

/** Asked once per row: an account's answer is kept (accounts are never mutated). */
const coupledCache = new WeakMap<PerpAccount, boolean>();

export function focusOf(account: PerpAccount, index: number): Focus {
  const p = account.positions[index]!;
  const group = perpGroupOf(account, index);
  if (p.marginMode === 'isolated') return { account: { ...account, positions: [p] }, index: 0, group };
  if (!group || coupled(account) || account.walletBalance === null) return { account, index, group };
  let byKey = cache.get(account);
  if (!byKey) cache.set(account, (byKey = new Map()));
  let f = byKey.get(p.symbol);
  if (!f) {
    const members = crossLegsOf(account, p.symbol);
    const local = new Map(members.map((i, j) => [i, j] as const));
    const funding = group.legs.reduce((s, l) => s.plus(l.funding), new Dec(0));
    // kMb = walletBalance + Σ funding + others' PnL: the others' share, funding of the other legs included
    const pnl = group.kMb.minus(account.walletBalance).minus(funding);
    f = { account: { ...account, positions: members.map((i) => account.positions[i]!) }, crossOthers: { pnl, mm: group.othersMm }, local };
    byKey.set(p.symbol, f);
  }
  return { account: f.account, index: f.local.get(index)!, crossOthers: f.crossOthers!, group };
}

/** Indices of an account's cross positions by symbol, built in one pass (a book of many symbols asks once per row). */
const crossLegs = new WeakMap<PerpAccount, Map<string, number[]>>();

/** The indices of the account's cross positions in `symbol`, in account order. */
export function crossLegsOf(account: PerpAccount, symbol: string): readonly number[] {
  let bySymbol = crossLegs.get(account);
  if (!bySymbol) {
    bySymbol = new Map();
    for (let i = 0; i < account.positions.length; i++) {
      const q = account.positions[i]!;
      if (q.marginMode !== 'cross') continue;
      const list = bySymbol.get(q.symbol);
      if (list) list.push(i);
      else bySymbol.set(q.symbol, [i]);
    }
    crossLegs.set(account, bySymbol);
  }
  return bySymbol.get(symbol) ?? [];
}
