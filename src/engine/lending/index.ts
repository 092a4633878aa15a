// Lending protocol models: Aave v3 / SparkLend, Compound v3, Maker/Sky, Liquity v1/v2, Morpho Blue (docs/lending.md).
//
// ─── Input fields (docs/format.md §2.1 leaves these to the models; the README copies this block) ──────────────────────
// Every amount is a decimal string; fractions as docs/format.md §1 ("0.05" = 5 %). Per-asset fields live in `markets.<SYM>`
// and may be overridden on a loan line; "extra" = any other numeric field of a market or a line; "loan" = a field on
// the loan entry (loan.params); "file" = a top-level field (account.params). Loan-level protocol numbers are looked up
// loan → first collateral line/market extra → file, so a Maker `liquidationRatio` may sit on the ilk's market.
//
// all        price (in one quote currency, USD), decimals (default: USDC/USDT 6, WBTC/cbBTC 8, else 18), stable,
//            extra `correlationGroup` (equal numbers ⇒ a correlated pair shown as a "COLL/DEBT" ratio; ETH- and
//            BTC-family tokens and eMode categories are correlated without it).
// aave-v3,   liquidationThreshold, liquidationBonus (fraction: 0.05 = LB 10500), extra `liquidationProtocolFee`
// spark      (fraction of the bonus, 0.1 = 1000 bps), extra `debtCeiling` (> 0 ⇒ isolated asset); loan `eMode` with
//            file `eModeCategories`; loan/file `protocolVersion` (3.0, 3.2, 3.3, 3.5, 3.7; default 3.3 for aave-v3, 3.0 for
//            spark): < 3.3 per-reserve 50 %/100 % close factor, ≥ 3.3 the $2000 / 50 %-of-total rule, dust rule and
//            bad-debt burn, ≥ 3.5 debt valued rounding up, ≥ 3.7 liquidation rounding of docs/3.7;
//            loan/file `priceDecimals` (oracle base unit, default 8).
// compound-v3 liquidateCollateralFactor (alias liquidationThreshold), liquidationFactor, storeFrontPriceFactor (on
//            the asset, the base asset, or the file); the one debt line is the market's base asset. Prices 8 decimals.
// maker      loan `liquidationRatio` (alias `mat`, e.g. 1.45), `art` (normalised debt) and `rate` (accumulated
//            stability fee, default 1) — debt = art·rate, else the debt line (art = debt/rate) — `chop` (1.13) or
//            `penalty` (0.13), `dust` and `room` (DAI; room = min(Hole−Dirt, hole−dirt)), `par` (default 1),
//            `tip`, `chip` (keeper incentive). One collateral line (ink), debt in DAI/USDS valued at par.
// liquity-v1 loan/file `mcr` (default 1.1), file `tcr` (Recovery Mode when tcr < `ccr`, default 1.5), file
//            `stabilityPool` (LUSD in the SP; capped Recovery-Mode liquidation needs SP ≥ debt). Debt = entire debt
//            incl. the 200 LUSD gas reserve. Liquity debt is valued at 1 (troves price collateral in LUSD/BOLD).
// liquity-v2 loan/file `mcr` (default per branch: WETH 1.1, wstETH/rETH 1.2), `liquidationPenaltySP` (0.05),
//            `liquidationPenaltyRedistribution` (WETH 0.1, else 0.2), `stabilityPool` (BOLD).
// morpho-blue loan `lltv` (fraction); optional exact state: `oraclePrice` (raw IOracle.price(), 1e36-scaled),
//            `borrowShares`, `totalBorrowAssets`, `totalBorrowShares` (raw on-chain integers); otherwise the oracle
//            price is collateral price / loan price and the debt line is the borrowed amount.
//
// ─── Outputs ─────────────────────────────────────────────────────────────────────────────────────────────────────
// healthFactor: the protocol's own number in its own integers (Aave wad/1e18; Compound Σ mulFactor(value, LCF) /
// debt value; Maker ink·spot/(art·rate); Liquity ICR/MCR (ICR/TCR in Recovery Mode when the SP can absorb);
// Morpho maxBorrow/borrowed) — so liquidatable ⇔ healthFactor < 1 for every protocol. healthFactorIdeal and the
// liquidation prices use the real-number formulas (linear.ts). liquidationCost: what the borrower loses beyond
// repaying the debt at par in one liquidation (one max-size Aave call, Comet absorb, Maker bark, Liquity/Morpho
// whole position), evaluated at the current prices when liquidatable, else at the nearest liquidation price.
import type { Diagnostic, LendingAccount, LoanMetrics } from '../core/types';
import type { Dec } from '../core/decimal';
import { emptyMetrics, evaluateLoan } from './evaluate-loan';
import { searchLoanFix } from './loan-fix';


export function evaluateLendingAccount(account: LendingAccount): { metrics: LoanMetrics[]; diagnostics: Diagnostic[] } {
  const metrics: LoanMetrics[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const loan of account.loans) {
    try {
      const r = evaluateLoan(account, loan);
      metrics.push(r.metrics);
      diagnostics.push(...r.diagnostics);
    } catch (e) {
      metrics.push(emptyMetrics(loan.id, `cannot evaluate loan: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  return { metrics, diagnostics };
}

/** Smallest amount of each asset (alone) to add as collateral / repay as debt so that `meetsTarget(metricsAfter)`
 *  holds, in the asset's units rounded UP to its decimals (every probe an exact re-evaluation); null when impossible. */
export function loanFix(
  account: LendingAccount, loanId: string, meetsTarget: (m: LoanMetrics) => boolean,
): { addCollateral: Record<string, Dec | null>; repayDebt: Record<string, Dec | null>; reason: string | null } {
  try {
    return searchLoanFix(account, loanId, meetsTarget);
  } catch (e) {
    return { addCollateral: {}, repayDebt: {}, reason: `cannot compute a fix: ${e instanceof Error ? e.message : String(e)}` };
  }
}
