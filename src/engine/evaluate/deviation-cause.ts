// Why a reported liquidation price differs from ours: re-evaluate the position under the usual shortcuts of
// exchange calculators and bots and name the one that reproduces the reported figure (within the tolerance).
import { evaluatePerpAccount } from '../perp';
import { Dec } from '../core/decimal';
import type { PerpAccount, PerpPosition, TierTable } from '../core/types';
import { resolveTierTable } from '../perp';

interface Variant {
  cause: string;
  account: PerpAccount;
  index: number;
}

function withoutCum(account: PerpAccount, index: number): PerpAccount | null {
  const p = account.positions[index]!;
  const spec = p.market.tiers;
  const table: TierTable | null = typeof spec === 'string' || spec === null ? resolveTierTable(account.venue, p.symbol, spec).table : spec;
  if (table && table.tiers.some((t) => t.cum && !t.cum.isZero())) {
    const tiers = { ...table, tiers: table.tiers.map((t) => ({ ...t, cum: new Dec(0) })) };
    return replace(account, index, { ...p, market: { ...p.market, tiers } });
  }
  if (p.market.cum && !p.market.cum.isZero()) return replace(account, index, { ...p, market: { ...p.market, cum: new Dec(0) } });
  return null;
}

function replace(account: PerpAccount, index: number, p: PerpPosition): PerpAccount {
  return { ...account, positions: account.positions.map((q, i) => (i === index ? p : q)) };
}

function alone(account: PerpAccount, index: number): PerpAccount | null {
  const p = account.positions[index]!;
  if (p.marginMode !== 'cross' || !account.positions.some((q, i) => i !== index && q.marginMode === 'cross' && q.symbol !== p.symbol)) return null;
  return { ...account, positions: account.positions.filter((q, i) => i === index || (q.marginMode === 'cross' && q.symbol === p.symbol)) };
}

function withFee(account: PerpAccount, index: number, fee: Dec): PerpAccount {
  const p = account.positions[index]!;
  const mmr = p.market.mmr;
  return mmr ? replace(account, index, { ...p, market: { ...p.market, mmr: mmr.plus(fee) } }) : account;
}

export function deviationCause(account: PerpAccount, index: number, reported: Dec, tolerance: number): string | null {
  const variants: Variant[] = [];
  const noCum = withoutCum(account, index);
  if (noCum) variants.push({ cause: 'the reported price ignores the maintenance amount (cum) of the tier', account: noCum, index });
  const single = alone(account, index);
  if (single) variants.push({ cause: 'the reported price ignores the other cross positions of the account', account: single, index: single.positions.indexOf(account.positions[index]!) });
  const p = account.positions[index]!;
  if (p.market.mmr) variants.push({ cause: 'the reported price includes a fee to close of about 0.05 % (taker)', account: withFee(account, index, new Dec('0.0005')), index });
  let best: { cause: string; dev: Dec } | null = null;
  for (const v of variants) {
    const lp = evaluatePerpAccount(v.account, { only: v.index }).metrics[v.index]?.liquidationPrice;
    if (!lp || lp.isZero()) continue;
    const dev = reported.minus(lp).div(lp).abs();
    if (dev.lte(tolerance) && (!best || dev.lt(best.dev))) best = { cause: v.cause, dev };
  }
  return best?.cause ?? null;
}
