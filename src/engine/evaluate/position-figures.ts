// What a trader expects to see beside the liquidation price (docs/results.md §2.5): position value, unrealised PnL,
// initial margin and ROE, effective leverage, funding rate, next funding time and payment. Exact Decimal arithmetic
// from the inputs the margin model already used; no figure is guessed (null when an input is missing).
import { Dec, ONE, fmt } from '../core/decimal';
import type { PerpAccount, PerpMetrics, PerpPosition } from '../core/types';
import { isInversePosition, perpVenue } from '../venues/registry';

/** The `details` keys of a perp row (docs/results.md §2.5); amounts in the row's settle currency (the coin if inverse). */
export interface PositionFigures {
  positionValue: string | null;
  unrealisedPnl: string | null;
  initialMargin: string | null;
  initialMarginSource: 'leverage' | 'isolatedMargin' | null;
  roe: string | null;
  leverage: string | null;
  leverageBasis: 'position' | 'account' | null;
  leverageSetting: string | null;
  fundingRate: string | null;
  fundingIntervalSeconds: number;
  fundingIntervalSource: 'file' | 'venue';
  nextFundingTime: string | null;
  nextFundingPayment: string | null;
}

/** Base quantity (linear) or USD face (inverse): size × contractSize, the venue's default size when the file gives none (as legs.ts). */
function quantity(account: PerpAccount, p: PerpPosition, inverse: boolean): Dec | null {
  const cs = p.market.contractSize ?? nullable(perpVenue(account.venue).defaultContractSize(p.symbol));
  if (cs === null && inverse) return null;
  return p.size.abs().mul(cs ?? 1);
}

const nullable = (s: string | null): Dec | null => (s === null ? null : new Dec(s));

/**
 * Position value at the mark: q·mark (linear, quote currency) or q/mark (inverse, in the coin) — Binance FAQ
 * "Leverage and Margin of COIN-M Futures": notional = contracts × multiplier / mark price.
 */
export function positionValue(account: PerpAccount, p: PerpPosition): Dec | null {
  const inverse = isInversePosition(account, p);
  return valueAtMark(p, quantity(account, p, inverse), inverse);
}

function valueAtMark(p: PerpPosition, q: Dec | null, inverse: boolean): Dec | null {
  const mark = p.market.markPrice;
  if (q === null || mark === null || !mark.gt(0)) return null;
  return inverse ? q.div(mark) : q.mul(mark);
}

/** Value at entry: q·EP, or q/EP in the coin for an inverse contract. */
function entryValue(p: PerpPosition, q: Dec, inverse: boolean): Dec | null {
  if (!p.entryPrice.gt(0)) return null;
  return inverse ? q.div(p.entryPrice) : q.mul(p.entryPrice);
}

/** Unrealised PnL at the mark: s·q·(mark − EP) linear, s·q·(1/EP − 1/mark) inverse (docs/venues.md §1). */
export function unrealisedPnl(account: PerpAccount, p: PerpPosition): Dec | null {
  const inverse = isInversePosition(account, p);
  return pnlAtMark(p, quantity(account, p, inverse), inverse);
}

function pnlAtMark(p: PerpPosition, q: Dec | null, inverse: boolean): Dec | null {
  const mark = p.market.markPrice;
  if (q === null || mark === null || !mark.gt(0) || !p.entryPrice.gt(0)) return null;
  const s = p.side === 'long' ? 1 : -1;
  const move = inverse ? ONE.div(p.entryPrice).minus(ONE.div(mark)) : mark.minus(p.entryPrice);
  return q.mul(move).mul(s);
}

/**
 * Initial margin: entry value / the leverage setting (Binance "Initial Margin = Notional Value / Leverage"; Bybit
 * "Initial Margin (Inverse Contract)": Qty / (Price × Leverage)), else an isolated position's own isolatedMargin.
 * A cross position without a leverage setting has none.
 */
function initialMargin(p: PerpPosition, q: Dec | null, inverse: boolean): { value: Dec; source: 'leverage' | 'isolatedMargin' } | null {
  const ev = q === null ? null : entryValue(p, q, inverse);
  if (ev !== null && p.leverage !== null && p.leverage.gt(0)) return { value: ev.div(p.leverage), source: 'leverage' };
  if (p.marginMode === 'isolated' && p.isolatedMargin !== null && p.isolatedMargin.gt(0)) return { value: p.isolatedMargin, source: 'isolatedMargin' };
  return null;
}

/**
 * Effective leverage = position value / margin balance (the exchanges' "effective leverage": exposure over equity).
 * Isolated: the position's value over its own margin balance (isolated margin + PnL). Cross: the account's — Σ value of
 * its cross positions over the account's margin balance, the same for every leg (each leg's share of the margin balance
 * in proportion to its value gives that same ratio). Null when the margin balance is ≤ 0 or a cross leg has no value.
 */
function effectiveLeverage(p: PerpPosition, inverse: boolean, m: PerpMetrics, value: Dec | null, cross: CrossValue): { value: Dec; basis: 'position' | 'account' } | null {
  const mb = m.marginBalance;
  if (mb === null || !mb.gt(0) || value === null) return null;
  if (p.marginMode === 'isolated') return { value: value.div(mb), basis: 'position' };
  const total = cross.total(inverse);
  return total === null ? null : { value: total.div(mb), basis: 'account' };
}

/**
 * Σ value of an account's cross positions, summed once per account (not once per leg): null for a leg valued in the
 * other unit (linear beside inverse: one margin balance, one currency, no common sum) or a leg without a value.
 */
export class CrossValue {
  private sum: Dec | null | undefined;
  private units = new Set<boolean>();
  constructor(private readonly account: PerpAccount) {}

  total(inverse: boolean): Dec | null {
    if (this.sum === undefined) {
      let total: Dec | null = new Dec(0);
      for (const x of this.account.positions) {
        if (x.marginMode !== 'cross' || x.size.isZero()) continue;
        const v = positionValue(this.account, x);
        if (v === null) {
          total = null;
          break;
        }
        this.units.add(isInversePosition(this.account, x));
        total = total.plus(v);
      }
      this.sum = total;
    }
    if (this.sum === null) return null;
    for (const u of this.units) if (u !== inverse) return null;
    return this.sum;
  }
}

/** The next funding time strictly after `now` on the venue's schedule (ISO), null for continuous funding. */
export function nextFundingTime(account: PerpAccount, intervalSeconds: number, now: number): string | null {
  const schedule = perpVenue(account.venue).fundingSchedule;
  if (schedule === 'continuous' || !(intervalSeconds > 0) || !Number.isFinite(now)) return null;
  const step = intervalSeconds * 1000;
  const offset = (schedule.offsetSeconds * 1000) % step;
  const next = (Math.floor((now - offset) / step) + 1) * step + offset;
  // an absurd interval (e.g. 1e38h, found by the 1M fuzz run) puts it past the last representable date: none
  return Math.abs(next) <= 8.64e15 ? new Date(next).toISOString() : null;
}

/**
 * The next funding payment at the current mark, + received / − paid: −s·rate·value (a positive rate: longs pay shorts;
 * Binance FAQ "Introduction to Funding Rates": funding = position value × funding rate; BitMEX and Bybit inverse: value
 * in the coin). An estimate: the venue uses the mark at the funding time.
 */
function fundingPayment(p: PerpPosition, value: Dec | null): Dec | null {
  const rate = p.market.fundingRate;
  if (rate === null || value === null) return null;
  return value.mul(rate).mul(p.side === 'long' ? -1 : 1);
}

export function positionFigures(account: PerpAccount, p: PerpPosition, m: PerpMetrics, now: number, cross: CrossValue = new CrossValue(account)): PositionFigures {
  const inverse = isInversePosition(account, p);
  const q = quantity(account, p, inverse);
  const value = valueAtMark(p, q, inverse);
  const pnl = pnlAtMark(p, q, inverse);
  const im = initialMargin(p, q, inverse);
  const lev = effectiveLeverage(p, inverse, m, value, cross);
  const interval = p.market.fundingInterval ?? perpVenue(account.venue).fundingIntervalSeconds;
  return {
    positionValue: fmt(value),
    unrealisedPnl: fmt(pnl),
    initialMargin: fmt(im?.value),
    initialMarginSource: im?.source ?? null,
    // ROE = unrealised PnL / initial margin (Bybit help "How does leverage affect my ROI for a position?")
    roe: im && pnl ? fmt(pnl.div(im.value)) : null,
    leverage: fmt(lev?.value),
    leverageBasis: lev?.basis ?? null,
    leverageSetting: fmt(p.leverage),
    fundingRate: fmt(p.market.fundingRate),
    fundingIntervalSeconds: interval,
    fundingIntervalSource: p.market.fundingInterval === null ? 'venue' : 'file',
    nextFundingTime: nextFundingTime(account, interval, now),
    nextFundingPayment: fmt(fundingPayment(p, value)),
  };
}
