// A loan's collateral and debt lines as the protocol's app lists them (docs/results.md §2.5): asset, amount, value and
// the threshold each collateral line carries in the health factor. Real-number values at the file's prices, read
// from the same exposures the health factor uses (linear.ts), so Σ value × threshold / Σ debt value = healthFactorIdeal.
import { Dec, ZERO } from '../core/decimal';
import type { LoanLine, LoanLines } from '../core/types';
import type { LoanContext } from './lending-context';
import type { Exposure } from './linear';


/** `exposures` null: the protocol could not evaluate the loan (thresholds unknown, values where prices are given). */
export function loanLines(ctx: LoanContext, exposures: readonly Exposure[] | null): LoanLines {
  const priceOf = (asset: string, own: Dec | null): Dec | null => exposures?.find((e) => e.symbol === asset)?.price ?? own;
  const collateral = ctx.collateral.map((leg): LoanLine => {
    const price = priceOf(leg.asset, leg.price);
    let threshold: Dec | null = null;
    if (!leg.enabled) threshold = ZERO;
    else if (exposures) {
      // the protocol's weight of this asset: Σ weighted amount / Σ enabled amount (one leg per asset in practice)
      const weighted = exposures.filter((e) => e.symbol === leg.asset).reduce((s, e) => s.plus(e.weighted), ZERO);
      const amount = ctx.collateral.filter((c) => c.enabled && c.asset === leg.asset).reduce((s, c) => s.plus(c.amount), ZERO);
      threshold = amount.isZero() ? ZERO : weighted.div(amount);
    }
    return {
      asset: leg.asset, amount: leg.amount, price, value: price === null ? null : leg.amount.mul(price),
      liquidationThreshold: threshold, usedAsCollateral: leg.enabled && (threshold === null || threshold.gt(0)),
    };
  });
  // Debt as the protocol counts it (Maker art·rate, Liquity's recorded debt): from the exposures when evaluated.
  const debt = exposures
    ? exposures.filter((e) => e.debt.gt(0)).map((e): LoanLine => ({ asset: e.symbol, amount: e.debt, price: e.price, value: e.debt.mul(e.price), liquidationThreshold: null, usedAsCollateral: false }))
    : ctx.debt.map((leg): LoanLine => ({ asset: leg.asset, amount: leg.amount, price: leg.price, value: leg.price === null ? null : leg.amount.mul(leg.price), liquidationThreshold: null, usedAsCollateral: false }));
  return { collateral, debt };
}

/**
 * Loan-level figures from the lines: collateral value (lines used as collateral), debt value, LTV = debt / collateral
 * (the Aave app's "current LTV"), and the liquidation threshold = Σ value × threshold / Σ value (Aave
 * GenericLogic.calculateUserAccountData's avgLiquidationThreshold, in real numbers); health factor = threshold / LTV.
 */
export function loanTotals(lines: LoanLines): { collateralValue: Dec | null; debtValue: Dec | null; ltv: Dec | null; liquidationThreshold: Dec | null } {
  const used = lines.collateral.filter((l) => l.usedAsCollateral);
  const sum = (xs: Array<Dec | null>): Dec | null => (xs.some((x) => x === null) ? null : xs.reduce<Dec>((s, x) => s.plus(x as Dec), ZERO));
  const collateralValue = sum(used.map((l) => l.value));
  const debtValue = sum(lines.debt.map((l) => l.value));
  const weighted = sum(used.map((l) => (l.value === null || l.liquidationThreshold === null ? null : l.value.mul(l.liquidationThreshold))));
  const positive = collateralValue !== null && collateralValue.gt(0);
  return {
    collateralValue,
    debtValue,
    ltv: positive && debtValue !== null ? debtValue.div(collateralValue) : null,
    liquidationThreshold: positive && weighted !== null ? weighted.div(collateralValue) : null,
  };
}
