// Loan fixes (docs/results.md §5): the smallest amount of one asset to add as collateral, or to repay, after which the
// caller's target holds. Search on the asset's unit grid (10^-decimals): bracket by doubling, then bisection where
// every probe is an exact re-evaluation — so the answer meets the target and one unit less does not (for a target
// monotone in the amount).
import { Dec } from '../core/decimal';
import type { LendingAccount, Loan, LoanLeg, LoanMetrics } from '../core/types';
import { buildContext, resolveLeg } from './lending-context';
import { evaluateLoan } from './evaluate-loan';
import { lendingVenue } from '../venues/registry';
import { morphoRepayParams } from './morpho';

export interface LoanFixResult {
  addCollateral: Record<string, Dec | null>;
  repayDebt: Record<string, Dec | null>;
  reason: string | null;
}

type Probe = (n: bigint) => boolean;

/** Smallest n in [0, hi] with probe(n) true, given probe(hi) true. */
function bisect(probe: Probe, hi: bigint): bigint {
  let lo = -1n; // probe(lo) false by convention
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (mid >= 0n && probe(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const MAX_DOUBLINGS = 80;

function withLoan(account: LendingAccount, loan: Loan): LendingAccount {
  return { ...account, loans: account.loans.map((l) => (l.id === loan.id ? loan : l)) };
}

function addCollateral(loan: Loan, asset: string, x: Dec): Loan {
  const i = loan.collateral.findIndex((l) => l.asset === asset && l.usageAsCollateral);
  if (i >= 0) {
    const legs = loan.collateral.slice();
    legs[i] = { ...(legs[i] as LoanLeg), amount: (legs[i] as LoanLeg).amount.add(x) };
    return { ...loan, collateral: legs };
  }
  const leg: LoanLeg = { asset, amount: x, usageAsCollateral: true, overrides: {}, span: loan.span, fields: {} };
  return { ...loan, collateral: [...loan.collateral, leg] };
}

/** Repay x of `asset`; Maker `art` and Morpho share counts move with it (vat.frob / Morpho.repay by assets). */
function repay(loan: Loan, asset: string, x: Dec, decimals: number): Loan {
  const i = loan.debt.findIndex((l) => l.asset === asset);
  const leg = loan.debt[i] as LoanLeg;
  const legs = loan.debt.slice();
  const left = leg.amount.sub(x);
  legs[i] = { ...leg, amount: left.lt(0) ? new Dec(0) : left };
  const params = { ...loan.params };
  if (params['art']) {
    const rate = params['rate'] ?? new Dec(1);
    const art = params['art'].sub(x.div(rate));
    params['art'] = art.lt(0) ? new Dec(0) : art.toDecimalPlaces(18, Dec.ROUND_CEIL);
  }
  if (params['borrowShares'] && params['totalBorrowAssets'] && params['totalBorrowShares']) {
    Object.assign(params, morphoRepayParams(params, x, decimals));
  }
  return { ...loan, debt: legs, params };
}

function search(account: LendingAccount, meetsTarget: (m: LoanMetrics) => boolean, change: (x: Dec) => Loan, decimals: number, hiUnits: bigint | null, guessUnits: bigint): Dec | null {
  const unit = new Dec(10).pow(-decimals);
  const probe: Probe = (n) => {
    const l = change(unit.mul(n.toString()));
    const m = evaluateLoan(withLoan(account, l), l, true).metrics;
    return m.unknownReason === null && meetsTarget(m);
  };
  let hi: bigint;
  if (hiUnits !== null) {
    if (!probe(hiUnits)) return null;
    hi = hiUnits;
  } else {
    hi = guessUnits > 0n ? guessUnits : 1n;
    let k = 0;
    while (!probe(hi)) {
      if (++k > MAX_DOUBLINGS) return null;
      hi *= 2n;
    }
  }
  return unit.mul(bisect(probe, hi).toString());
}

export function searchLoanFix(account: LendingAccount, loanId: string, meetsTarget: (m: LoanMetrics) => boolean): LoanFixResult {
  const out: LoanFixResult = { addCollateral: {}, repayDebt: {}, reason: null };
  const loan = account.loans.find((l) => l.id === loanId);
  if (!loan) return { ...out, reason: `loan ${loanId} not found` };
  const model = lendingVenue(account.venue).model;
  const now = evaluateLoan(account, loan, true).metrics;
  if (!model || now.unknownReason) return { ...out, reason: now.unknownReason ?? 'unsupported venue' };
  const ctx = buildContext(account, loan);
  const debtValue = now.maintenanceMargin ?? new Dec(0);
  const multi = account.venue === 'aave-v3' || account.venue === 'spark' || account.venue === 'compound-v3';
  const candidates = new Set(ctx.collateral.filter((c) => c.enabled).map((c) => c.asset));
  if (multi) for (const sym of Object.keys(account.markets)) candidates.add(sym);
  for (const asset of candidates) {
    if (!model.canAddCollateral(ctx, asset)) continue;
    const leg = resolveLeg(account, { asset, amount: new Dec(0), usageAsCollateral: true, overrides: {}, span: loan.span, fields: {} }, false);
    if (!leg.price || leg.price.lte(0)) { out.addCollateral[asset] = null; continue; }
    const guess = BigInt(debtValue.div(leg.price).mul(new Dec(10).pow(leg.decimals)).ceil().toFixed(0));
    out.addCollateral[asset] = search(account, meetsTarget, (x) => addCollateral(loan, asset, x), leg.decimals, null, guess);
  }
  for (const d of ctx.debt) {
    if (d.amount.lte(0) || d.asset in out.repayDebt) continue;
    const all = BigInt(d.amount.mul(new Dec(10).pow(d.decimals)).ceil().toFixed(0));
    out.repayDebt[d.asset] = search(account, meetsTarget, (x) => repay(loan, d.asset, x, d.decimals), d.decimals, all, 0n);
  }
  const any = [...Object.values(out.addCollateral), ...Object.values(out.repayDebt)].some((v) => v !== null);
  if (!any) out.reason = 'no single asset added or repaid reaches the target; a combination or a full close is needed';
  return out;
}
