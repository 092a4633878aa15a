// Market-wide stress test (docs/results.md §2.3): every mark moved by each shock, every account re-evaluated.
// A cross account fails as a whole, so one leg's loss eating the others' margin (the cascade) shows directly.
import { evaluatePerpAccount } from '../perp';
import { evaluateLendingAccount } from '../lending';
import { Dec, fmt } from '../core/decimal';
import type { Account, LendingAccount, PerpAccount, PerpMetrics } from '../core/types';
import type { StressReport } from '../evaluate/report';
import type { FileEvaluation } from '../evaluate/evaluate-file';
import { baseAsset } from '../core/assets';
import { isInversePosition as isInverse } from '../venues/registry';
import { feeRate } from '../evaluate/liquidation-cost';

export const DEFAULT_SHOCKS = [-0.5, -0.4, -0.3, -0.25, -0.2, -0.15, -0.1, -0.07, -0.05, -0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

export interface AccountShock {
  liquidated: number;
  /** Notional of the liquidated positions in quote money (USD-equivalent for inverse, debt value for loans). */
  notional: Dec;
  /** What the liquidated positions lose: their margin balance at today's marks (≥ 0) plus the liquidation fee/bonus. */
  loss: Dec;
}

const NONE = (): AccountShock => ({ liquidated: 0, notional: new Dec(0), loss: new Dec(0) });

/**
 * How one shock moves each market. Market-wide by default (every mark × (1 + shock)); with `perAsset` an asset's own
 * shock is added to the market-wide one (keys: the symbol or its base asset, e.g. "ETH"); with `scaleByVolatility`
 * each market moves shock × σ_market / σ_median, so a −10 % BTC day is a −15 % day for an alt twice as volatile.
 */
export interface StressOptions {
  perAsset?: Record<string, number>;
  scaleByVolatility?: boolean;
  /** Annual volatility per symbol (from the rows), for scaleByVolatility. */
  volatility?: Record<string, number>;
}

type Move = (symbol: string, shock: number) => Dec | null;

function mover(o: StressOptions): Move {
  const vols = Object.values(o.volatility ?? {}).filter((v) => v > 0).sort((a, b) => a - b);
  const median = vols.length ? vols[Math.floor(vols.length / 2)]! : null;
  return (symbol, shock) => {
    const weight = o.scaleByVolatility && median ? (o.volatility?.[symbol] ?? median) / median : 1;
    const own = o.perAsset?.[symbol] ?? o.perAsset?.[baseAsset(symbol)] ?? 0;
    const f = new Dec(1).plus(new Dec((shock * weight + own).toPrecision(15)));
    return f.gt(0) ? f : null;
  };
}

const MARKET_WIDE: Move = (_symbol, shock) => {
  const f = new Dec(1).plus(shock);
  return f.gt(0) ? f : null;
};

function shockPerp(account: PerpAccount, shock: number, move: Move): PerpAccount | null {
  const positions = [];
  for (const p of account.positions) {
    const f = move(p.symbol, shock);
    if (f === null) return null;
    positions.push({ ...p, market: { ...p.market, markPrice: p.market.markPrice ? p.market.markPrice.mul(f) : null } });
  }
  return { ...account, positions };
}

function perpOutcome(account: PerpAccount, base: PerpMetrics[]): AccountShock {
  const out = NONE();
  let crossCounted = false;
  const { metrics } = evaluatePerpAccount(account, { marginOnly: true });
  metrics.forEach((m, i) => {
    if (!m.liquidatable) return;
    const p = account.positions[i]!;
    const mark = p.market.markPrice!;
    const notional = m.notional ?? p.size.mul(p.market.contractSize ?? 1).mul(mark);
    const quoteNotional = isInverse(account, p) ? notional.mul(mark) : notional;
    out.liquidated++;
    out.notional = out.notional.plus(quoteNotional.abs());
    const fee = quoteNotional.abs().mul(feeRate(account, p));
    // A cross account's margin balance is shared: count it once, on its first liquidated position.
    const share = p.marginMode === 'cross' && crossCounted ? new Dec(0) : Dec.max(base[i]?.marginBalance ?? 0, 0);
    if (p.marginMode === 'cross') crossCounted = true;
    out.loss = out.loss.plus(share.mul(isInverse(account, p) ? mark : 1)).plus(fee);
  });
  return out;
}

function shockLending(account: LendingAccount, shock: number, move: Move): LendingAccount | null {
  const entries = [];
  for (const [k, a] of Object.entries(account.markets)) {
    if (a.stable || !a.price) { entries.push([k, a] as const); continue; }
    const f = move(k, shock);
    if (f === null) return null;
    entries.push([k, { ...a, price: a.price.mul(f) }] as const);
  }
  return { ...account, markets: Object.fromEntries(entries) };
}

function lendingOutcome(account: LendingAccount): AccountShock {
  const out = NONE();
  for (const m of evaluateLendingAccount(account).metrics) {
    if (!m.liquidatable) continue;
    out.liquidated++;
    out.notional = out.notional.plus(m.maintenanceMargin ?? 0);
    out.loss = out.loss.plus(m.liquidationCost ?? 0);
  }
  return out;
}

const todayCache = new WeakMap<PerpAccount, PerpMetrics[]>();

/** Margin balances at today's marks (what a liquidation at the shock forfeits), computed once per account. */
function today(account: PerpAccount): PerpMetrics[] {
  let m = todayCache.get(account);
  if (!m) todayCache.set(account, (m = evaluatePerpAccount(account, { marginOnly: true }).metrics));
  return m;
}

export function shockAccount(account: Account, shock: number, move: Move = MARKET_WIDE): AccountShock {
  if (account.kind === 'perp') {
    const shocked = shockPerp(account, shock, move);
    return shocked ? perpOutcome(shocked, today(account)) : NONE();
  }
  const shocked = shockLending(account, shock, move);
  return shocked ? lendingOutcome(shocked) : NONE();
}

/** The smallest-magnitude shock at which the account has a liquidation, refined between grid points to 1e-4. */
export function firstFailingShock(account: Account, shocks: number[], move: Move = MARKET_WIDE): number | null {
  const fails = (s: number): boolean => shockAccount(account, s, move).liquidated > 0;
  if (fails(0)) return 0;
  const candidates: number[] = [];
  for (const dir of [-1, 1]) {
    const grid = shocks.filter((s) => s * dir > 0).sort((a, b) => Math.abs(a) - Math.abs(b));
    let prev = 0;
    for (const s of grid) {
      if (fails(s)) {
        let lo = prev, hi = s;
        while (Math.abs(hi - lo) > 1e-4) {
          const mid = (lo + hi) / 2;
          if (fails(mid)) hi = mid;
          else lo = mid;
        }
        candidates.push(Math.round(hi * 1e4) / 1e4);
        break;
      }
      prev = s;
    }
  }
  if (!candidates.length) return null;
  return candidates.sort((a, b) => Math.abs(a) - Math.abs(b) || a - b)[0]!;
}

/** Annual volatility per symbol as the rows found it (implied, file or history). */
export function rowVolatilities(parts: FileEvaluation[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of parts.flatMap((p) => p.rows)) if (r.symbol && r.volatility !== null && !(r.symbol in out)) out[r.symbol] = r.volatility;
  return out;
}

export function stressTest(parts: FileEvaluation[], shocks = DEFAULT_SHOCKS, stress: StressOptions = {}): StressReport {
  const move = stress.perAsset || stress.scaleByVolatility ? mover({ volatility: rowVolatilities(parts), ...stress }) : MARKET_WIDE;
  const accounts = parts.flatMap((p) => (p.parsed?.accounts ?? []).map((a) => ({ file: p.file.path, account: a })));
  const curve = shocks.map((shock) => {
    const total = NONE();
    for (const { account } of accounts) {
      const o = shockAccount(account, shock, move);
      total.liquidated += o.liquidated;
      total.notional = total.notional.plus(o.notional);
      total.loss = total.loss.plus(o.loss);
    }
    return { shock, positionsLiquidated: total.liquidated, notional: fmt(total.notional)!, loss: fmt(total.loss)! };
  });
  return {
    ...(stress.perAsset ? { perAsset: stress.perAsset } : {}),
    ...(stress.scaleByVolatility ? { scaledByVolatility: true } : {}),
    shocks,
    curve,
    accounts: accounts.map(({ file, account }) => ({ file, account: account.account, firstFailingShock: firstFailingShock(account, shocks, move) })),
  };
}
