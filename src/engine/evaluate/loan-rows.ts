// One lending account → result rows (docs/results.md §2.2): protocol metrics + volatility of the nearest asset + status + fix.
import { evaluateLendingAccount, loanFix } from '../lending';
import { ONE, fmt, type Dec } from '../core/decimal';
import type { LendingAccount, LendingAsset, Loan, LoanMetrics, Status } from '../core/types';
import type { LoanFix, ResultRow } from './report';
import type { EvalContext } from './file-context';
import { markAge } from './staleness';
import { marketRiskOf } from './market-risk';
import { assess, tailDetails, type Barriers, type MarketRisk, type RiskOutcome } from './risk-view';
import { meetsTarget } from './status';
import { formatDuration } from '../core/time';
import { diagnostic } from '../core/diagnostics';
import { rowRiskInputs } from './row-charts';
import { loanTotals } from '../lending/loan-lines';
import type { LoanLineReport } from './report';

function assetOf(account: LendingAccount, symbol: string | null): LendingAsset | null {
  return symbol ? (account.markets[symbol] ?? null) : null;
}

function loanRisk(account: LendingAccount, asset: LendingAsset | null, ctx: EvalContext): { risk: MarketRisk; age: ReturnType<typeof markAge>; source: ResultRow['volatilitySource'] } {
  const age = markAge(asset?.markTime ?? account.asOf, ctx.now, ctx.settings.staleAfter);
  if (!asset) return { risk: marketRiskOf(ctx, { symbol: '', vol: { impliedVolatility: null, volatility: null, history: null }, historySpan: undefined, at: account.span, mu: 0, age }).risk, age, source: null };
  const at = asset.fields['price'] ?? asset.span ?? account.span;
  if (asset.markTime === null && account.asOf === null) {
    ctx.once(`no-time:${asset.symbol}`, diagnostic('info', 'mark-time-missing', `no priceTime or asOf for ${asset.symbol}: the age of this price is unknown, so staleness is not checked`, at));
  }
  if (age.future) ctx.once(`future:${asset.symbol}`, diagnostic('warning', 'mark-in-future', `the price time of ${asset.symbol} is after the evaluation time; its age is taken as 0`, at));
  const { risk, vol } = marketRiskOf(ctx, { symbol: asset.symbol, vol: asset, historySpan: asset.fields['history'], at: asset.span ?? account.span, mu: 0, age });
  return { risk, age, source: vol.source };
}

function barriers(m: LoanMetrics): Barriers | null {
  if (!m.markPrice) return null;
  if (!m.liquidationPrice) return { mark: m.markPrice, down: null, up: null };
  return m.direction === 'up' ? { mark: m.markPrice, down: null, up: m.liquidationPrice } : { mark: m.markPrice, down: m.liquidationPrice, up: null };
}

function outcomeOf(m: LoanMetrics, risk: MarketRisk, ctx: EvalContext): RiskOutcome {
  const b = barriers(m);
  const unknown = m.unknownReason ?? (m.healthFactor === null && !m.note ? 'no health factor' : null);
  if (!b && !unknown) {
    // No volatile asset (e.g. stable collateral against stable debt): only the protocol condition decides.
    return assess({ mark: ONE, down: null, up: null }, m.liquidatable, null, m.note ?? 'no volatile asset: no price move liquidates this loan', risk, ctx.settings);
  }
  return assess(b, m.liquidatable, unknown, m.note, risk, ctx.settings);
}

const strMap = (r: Record<string, Dec | null>): Record<string, string | null> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fmt(v)]));

const lineReport = (l: NonNullable<LoanMetrics['lines']>['collateral'][number]): LoanLineReport => ({
  asset: l.asset, amount: fmt(l.amount)!, price: fmt(l.price), value: fmt(l.value), liquidationThreshold: fmt(l.liquidationThreshold), usedAsCollateral: l.usedAsCollateral,
});

/** docs/results.md §2.5: the collateral and debt lines, LTV and liquidation threshold (absent when the loan has no lines). */
function lineDetails(m: LoanMetrics): Record<string, unknown> {
  if (!m.lines) return {};
  const t = loanTotals(m.lines);
  return {
    collateralLines: m.lines.collateral.map(lineReport), debtLines: m.lines.debt.map(lineReport),
    collateralValue: fmt(t.collateralValue), debtValue: fmt(t.debtValue), ltv: fmt(t.ltv), liquidationThreshold: fmt(t.liquidationThreshold),
  };
}

function fixOf(account: LendingAccount, loan: Loan, status: Status, risk: MarketRisk, ctx: EvalContext): LoanFix | null {
  const target = ctx.settings.targetStatus;
  if (status === 'unknown' || meetsTarget(status, target)) return null;
  const meets = (m: LoanMetrics): boolean => meetsTarget(outcomeOf(m, risk, ctx).status, target);
  const f = loanFix(account, loan.id, meets);
  return { target, addCollateral: strMap(f.addCollateral), repayDebt: strMap(f.repayDebt), reason: f.reason };
}

export function loanRows(account: LendingAccount, ctx: EvalContext): ResultRow[] {
  const { metrics, diagnostics } = evaluateLendingAccount(account);
  ctx.diagnostics.push(...diagnostics);
  return account.loans.map((loan, i) => loanRow(account, loan, metrics[i]!, ctx));
}

function loanRow(account: LendingAccount, loan: Loan, m: LoanMetrics, ctx: EvalContext): ResultRow {
  const { risk, age, source } = loanRisk(account, assetOf(account, m.symbol), ctx);
  const o = outcomeOf(m, risk, ctx);
  const inputs = o.status === 'unknown' ? null : rowRiskInputs(barriers(m), risk, ctx.settings.horizon);
  if (inputs) ctx.riskInputs[loan.id] = inputs;
  const row: ResultRow = {
    file: ctx.path, line: loan.span.line, column: loan.span.column, id: loan.id, kind: 'loan', venue: account.venue,
    account: account.account, settleCurrency: 'USD', symbol: m.symbol, side: null, marginMode: null, walletSource: null,
    size: null, entryPrice: null, markPrice: fmt(m.markPrice), markAge: age.age, stale: age.stale,
    liquidationPrice: fmt(m.liquidationPrice), liquidationPriceSource: null, liquidationPrices: m.liquidationPrices ? strMap(m.liquidationPrices) : null,
    bankruptcyPrice: null, reportedLiquidationPrice: null, reportedDeviation: null, marginBalance: fmt(m.marginBalance),
    maintenanceMargin: fmt(m.maintenanceMargin), marginRatio: null, venueMarginRatio: null, healthFactor: fmt(m.healthFactor),
    healthFactorIdeal: fmt(m.healthFactorIdeal), tier: null, distance: fmt(o.distance), volatility: risk.sigma,
    volatilitySource: source, horizon: formatDuration(ctx.settings.horizon), liquidationProbability: o.probability,
    status: o.status, reason: m.healthFactor === null && m.note ? m.note : o.reason,
    fix: null,
    details: { var: null, es: null, liquidationCost: fmt(m.liquidationCost), timeToLiquidation: null, tails: tailDetails(risk), ...m.details, ...lineDetails(m) },
  };
  ctx.later(() => (row.fix = ctx.time('fixes', () => fixOf(account, loan, o.status, risk, ctx))));
  return row;
}
