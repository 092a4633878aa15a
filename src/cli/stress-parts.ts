// The stress test (docs/results.md §2.3) split for parallel files: each file's accounts are shocked where the file is
// evaluated, and the main thread adds the accounts up in file order, exactly as stressTest does in one thread.
import type { Account } from '../engine/core/types';
import type { StressReport } from '../engine/evaluate/report';
import { DEFAULT_SHOCKS, firstFailingShock, shockAccount } from '../engine/stress/stress-test';
import { Dec, fmt } from '../engine/core/decimal';

export interface AccountStress {
  account: string | null;
  firstFailingShock: number | null;
  /** Per shock: positions liquidated, notional and loss (exact Decimal text, summed in the main thread). */
  shocks: Array<[number, string, string]>;
}

export function accountStress(accounts: Account[]): AccountStress[] {
  return accounts.map((a) => ({
    account: a.account,
    firstFailingShock: firstFailingShock(a, DEFAULT_SHOCKS),
    shocks: DEFAULT_SHOCKS.map((s) => {
      const o = shockAccount(a, s);
      return [o.liquidated, o.notional.toString(), o.loss.toString()];
    }),
  }));
}

/** Files in report order, each with its accounts in file order. */
export function mergeStress(files: Array<{ path: string; accounts: AccountStress[] }>): StressReport {
  const all = files.flatMap((f) => f.accounts.map((a) => ({ file: f.path, a })));
  const curve = DEFAULT_SHOCKS.map((shock, i) => {
    let liquidated = 0;
    let notional = new Dec(0);
    let loss = new Dec(0);
    for (const { a } of all) {
      const [n, x, l] = a.shocks[i]!;
      liquidated += n;
      notional = notional.plus(x);
      loss = loss.plus(l);
    }
    return { shock, positionsLiquidated: liquidated, notional: fmt(notional)!, loss: fmt(loss)! };
  });
  return {
    shocks: DEFAULT_SHOCKS,
    curve,
    accounts: all.map(({ file, a }) => ({ file, account: a.account, firstFailingShock: a.firstFailingShock })),
  };
}
