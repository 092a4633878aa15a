// Market-wide stress test (cli.md §2.3): every mark moved by each shock, every account re-evaluated.
// A cross account fails as a whole, so one leg's loss eating the others' margin (the cascade) shows directly.
import { evaluatePerpAccount } from './perp';
import { evaluateLendingAccount } from './lending';
import { Dec, fmt } from './decimal';
import type { Account, LendingAccount, PerpAccount, PerpMetrics } from './types';
import type { StressReport } from './report';
import type { EvaluateOptions, FileEvaluation } from './evaluate';
import { isInverse } from './venues';
import { feeRate } from './liquidation-cost';

export const DEFAULT_SHOCKS = [-0.5, -0.4, -0.3, -0.25, -0.2, -0.15, -0.1, -0.07, -0.05, -0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

export interface AccountShock {
  liquidated: number;
  /** Notional of the liquidated positions in quote money (USD-equivalent for inverse, debt value for loans). */
  notional: Dec;
  /** What the liquidated positions lose: their margin balance at today's marks (≥ 0) plus the liquidation fee/bonus. */
  loss: Dec;
}

const NONE = (): AccountShock => ({ liquidated: 0, notional: new Dec(0), loss: new Dec(0) });

function shockPerp(account: PerpAccount, factor: Dec): PerpAccount {
  const positions = account.positions.map((p) => ({
    ...p,
    market: { ...p.market, markPrice: p.market.markPrice ? p.market.markPrice.mul(factor) : null },
  }));
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

function shockLending(account: LendingAccount, factor: Dec): LendingAccount {
  const markets = Object.fromEntries(
    Object.entries(account.markets).map(([k, a]) => [k, a.stable || !a.price ? a : { ...a, price: a.price.mul(factor) }]),
  );
  return { ...account, markets };
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

export function shockAccount(account: Account, shock: number): AccountShock {
  const factor = new Dec(1).plus(shock);
  if (factor.lte(0)) return NONE();
  return account.kind === 'perp' ? perpOutcome(shockPerp(account, factor), today(account)) : lendingOutcome(shockLending(account, factor));
}

/** The smallest-magnitude shock at which the account has a liquidation, refined between grid points to 1e-4. */
export function firstFailingShock(account: Account, shocks: number[]): number | null {
  const fails = (s: number): boolean => shockAccount(account, s).liquidated > 0;
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

export function stressTest(parts: FileEvaluation[], _options: EvaluateOptions, shocks = DEFAULT_SHOCKS): StressReport {
  const accounts = parts.flatMap((p) => (p.parsed?.accounts ?? []).map((a) => ({ file: p.file.path, account: a })));
  const curve = shocks.map((shock) => {
    const total = NONE();
    for (const { account } of accounts) {
      const o = shockAccount(account, shock);
      total.liquidated += o.liquidated;
      total.notional = total.notional.plus(o.notional);
      total.loss = total.loss.plus(o.loss);
    }
    return { shock, positionsLiquidated: total.liquidated, notional: fmt(total.notional)!, loss: fmt(total.loss)! };
  });
  return {
    shocks,
    curve,
    accounts: accounts.map(({ file, account }) => ({ file, account: account.account, firstFailingShock: firstFailingShock(account, shocks) })),
  };
}
