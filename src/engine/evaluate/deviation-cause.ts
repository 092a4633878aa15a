// Why a reported liquidation price differs from ours (issue 11 item 4): re-evaluate the position under each reading a
// venue, calculator or bot may have used — fee included or not, unrealised PnL in the margin or not, equity taken as
// the wallet, the tier's maintenance amount ignored, the other cross positions ignored — and name the one that
// reproduces the reported figure, with its residual. A one-tick offset towards the mark (OKX isolated) is named too.
import { evaluatePerpAccount, resolveTierTable } from '../perp';
import { Dec, fmt, ZERO } from '../core/decimal';
import type { PerpAccount, PerpPosition, TierTable } from '../core/types';
import { isInversePosition, perpVenue } from '../venues/registry';

interface Variant {
  cause: string;
  account: PerpAccount;
  index: number;
}

export interface DeviationCause {
  cause: string;
  /** The price this reading gives, and reported − that price. */
  price: Dec;
  residual: Dec;
}


function replace(account: PerpAccount, index: number, p: PerpPosition): PerpAccount {
  return { ...account, positions: account.positions.map((q, i) => (i === index ? p : q)) };
}

function withoutCum(account: PerpAccount, index: number): PerpAccount | null {
  const p = account.positions[index]!;
  const spec = p.market.tiers;
  const table: TierTable | null = typeof spec === 'string' || spec === null ? resolveTierTable(account.venue, p.symbol, spec).table : spec;
  if (table && table.tiers.some((t) => t.cum && !t.cum.isZero())) {
    const tiers = { ...table, tiers: table.tiers.map((t) => ({ ...t, cum: ZERO })) };
    return replace(account, index, { ...p, market: { ...p.market, tiers } });
  }
  if (p.market.cum && !p.market.cum.isZero()) return replace(account, index, { ...p, market: { ...p.market, cum: ZERO } });
  return null;
}

function alone(account: PerpAccount, index: number): PerpAccount | null {
  const p = account.positions[index]!;
  if (p.marginMode !== 'cross' || !account.positions.some((q, i) => i !== index && q.marginMode === 'cross' && q.symbol !== p.symbol)) return null;
  return { ...account, positions: account.positions.filter((q, i) => i === index || (q.marginMode === 'cross' && q.symbol === p.symbol)) };
}

/** Venues whose formula reads market.takerFee (OKX, Gate, BitMEX; Bybit's fee to close). */
const usesTaker = (account: PerpAccount, p: PerpPosition): boolean => !perpVenue(account.venue).margin.feeRate({ ...p, market: { ...p.market, takerFee: new Dec(1) } }).isZero() || perpVenue(account.venue).margin.feeToClose;

function withTaker(account: PerpAccount, index: number, rate: Dec): PerpAccount | null {
  const p = account.positions[index]!;
  if (usesTaker(account, p)) return replace(account, index, { ...p, market: { ...p.market, takerFee: rate } });
  // a flat-rate venue: the fee as an addition to the rate (calculators that fold the fee into MMR)
  return p.market.mmr ? replace(account, index, { ...p, market: { ...p.market, mmr: p.market.mmr.plus(rate) } }) : null;
}

/** Unrealised PnL of the position at its mark in the settle currency. */
function upnlOf(account: PerpAccount, p: PerpPosition): Dec | null {
  const mark = p.market.markPrice;
  if (!mark || !mark.gt(0)) return null;
  const cs = p.market.contractSize ?? (() => { const d = perpVenue(account.venue).defaultContractSize(p.symbol); return d === null ? null : new Dec(d); })() ?? new Dec(1);
  const q = p.size.abs().mul(cs);
  const s = p.side === 'long' ? 1 : -1;
  return isInversePosition(account, p) ? q.mul(s).mul(new Dec(1).div(p.entryPrice).minus(new Dec(1).div(mark))) : q.mul(s).mul(mark.minus(p.entryPrice));
}

const pct = (d: Dec): string => `${d.mul(100).toFixed()} %`;

function variantsOf(account: PerpAccount, index: number): Variant[] {
  const p = account.positions[index]!;
  const out: Variant[] = [];
  const push = (cause: string, a: PerpAccount | null, i = index) => {
    if (a) out.push({ cause, account: a, index: i });
  };
  push('the reported price ignores the maintenance amount (cum) of the tier', withoutCum(account, index));
  const single = alone(account, index);
  if (single) push('the reported price ignores the other cross positions of the account', single, single.positions.indexOf(p));
  const fee = p.market.takerFee;
  if (fee && !fee.isZero()) push(`the reported price leaves the taker fee (${pct(fee)}) out of the maintenance rate`, withTaker(account, index, ZERO));
  else for (const rate of ['0.0005', '0.00075', '0.0006']) push(`the reported price includes a taker fee of ${pct(new Dec(rate))} in the maintenance rate`, withTaker(account, index, new Dec(rate)));
  const upnl = upnlOf(account, p);
  if (upnl && !upnl.isZero()) {
    if (p.marginMode === 'isolated' && p.isolatedMargin) {
      push('the venue\'s isolated margin is this one plus the unrealised PnL (the venue counts PnL in the margin, or the margin given here had the PnL taken out)', replace(account, index, { ...p, isolatedMargin: p.isolatedMargin.plus(upnl) }));
      push('the isolated margin given here already holds the unrealised PnL; the venue\'s margin is without it (margin − PnL)', replace(account, index, { ...p, isolatedMargin: p.isolatedMargin.minus(upnl) }));
    }
    if (p.marginMode === 'cross' && account.walletBalance) {
      const crossPnl = account.positions.filter((q) => q.marginMode === 'cross').reduce((s, q) => s.plus(upnlOf(account, q) ?? 0), ZERO);
      push('the wallet given here is equity (it holds the unrealised PnL); the venue\'s wallet is without it', { ...account, walletBalance: account.walletBalance.minus(crossPnl) });
      push('the reported price takes the equity (wallet + unrealised PnL) as the wallet', { ...account, walletBalance: account.walletBalance.plus(crossPnl) });
    }
  }
  return out;
}

/** A reported price exactly one power-of-ten step (a price tick) nearer the mark than ours: OKX's isolated liqPx does this. */
export function tickOffset(ours: Dec, reported: Dec, mark: Dec | null): DeviationCause | null {
  if (!mark) return null;
  const diff = reported.minus(ours);
  if (diff.isZero()) return null;
  const tick = new Dec(10).pow(Math.round(Math.log10(diff.abs().toNumber())));
  const residual = diff.abs().minus(tick);
  const towardMark = mark.minus(ours).mul(diff).gt(0);
  if (!towardMark || residual.abs().gt(tick.mul('1e-6'))) return null;
  return { cause: `the reported price is one price tick (${fmt(tick)}) nearer the mark than margin balance = maintenance margin, as OKX's isolated liqPx is`, price: ours.plus(diff.isNeg() ? tick.neg() : tick), residual: diff.isNeg() ? diff.plus(tick) : diff.minus(tick) };
}

/** The reading that reproduces `reported` best within `tolerance` (relative), or null. `ours` is our own price. */
export function deviationCause(account: PerpAccount, index: number, reported: Dec, tolerance: number, ours: Dec | null = null): DeviationCause | null {
  const p = account.positions[index]!;
  if (ours) {
    const tick = tickOffset(ours, reported, p.market.markPrice);
    if (tick) return tick;
  }
  let best: (DeviationCause & { dev: Dec }) | null = null;
  for (const v of variantsOf(account, index)) {
    const lp = evaluatePerpAccount(v.account, { only: v.index }).metrics[v.index]?.liquidationPrice;
    if (!lp || lp.isZero()) continue;
    const dev = reported.minus(lp).div(lp).abs();
    if (dev.lte(tolerance) && (!best || dev.lt(best.dev))) best = { cause: v.cause, price: lp, residual: reported.minus(lp), dev };
  }
  return best ? { cause: best.cause, price: best.price, residual: best.residual } : null;
}
