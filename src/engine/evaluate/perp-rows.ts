// One perp account → result rows: margin model metrics + staleness + volatility + probability + status + fix.
import { evaluatePerpAccount } from '../perp';
import { fundingDrift } from '../risk';
import { Dec, fmt } from '../core/decimal';
import type { PerpAccount, PerpMetrics, PerpPosition } from '../core/types';
import type { ResultRow, TierReport } from './report';
import type { EvalContext } from './file-context';
import { markAge, type MarkAge } from './staleness';
import { deviationCause, tickOffset } from './deviation-cause';
import type { HistoryData } from './volatility-source';
import { marketRiskOf } from './market-risk';
import { assess, tailDetails, type MarketRisk } from './risk-view';
import { barriersOf } from '../fix/reevaluate';
import { defaultFundingInterval, isInversePosition as isInverse } from '../venues/registry';
import { attachPortfolioVar } from './account-var';
import { perpFix } from '../fix/perp-fix';
import { formatDuration } from '../core/time';
import { riskDetails } from './row-details';
import { rowRiskInputs } from './row-charts';
import { diagnostic } from '../core/diagnostics';
import { reportedDiagnostic, reportedMetrics } from './reported-price';
import { CrossValue, positionFigures } from './position-figures';
import { crossAccountReport } from '../fix/account-fix';

/** The market's risk inputs for one position (volatility, funding drift, horizon with staleness). */
export function marketRisk(account: PerpAccount, p: PerpPosition, ctx: EvalContext): { risk: MarketRisk; age: ReturnType<typeof markAge>; volSource: ResultRow['volatilitySource']; details: Record<string, unknown>; history: HistoryData | null } {
  const markTime = p.market.markTime ?? account.asOf;
  const age = markAge(markTime, ctx.now, ctx.settings.staleAfter);
  const markSpan = p.fields['markPrice'] ?? p.span;
  if (markTime === null && p.market.markPrice !== null) {
    ctx.once(`no-time:${markSpan.offset}`, diagnostic('info', 'mark-time-missing', 'no markTime or asOf: the age of this mark is unknown, so staleness is not checked', markSpan));
  }
  if (age.future) {
    ctx.once(`future:${markSpan.offset}`, diagnostic('warning', 'mark-in-future', 'the mark time is after the evaluation time; its age is taken as 0', p.fields['markTime'] ?? markSpan));
  }
  const interval = p.market.fundingInterval ?? defaultFundingInterval(account.venue);
  const mu = p.market.fundingRate ? fundingDrift(p.market.fundingRate.toNumber(), interval) : 0;
  const { risk, vol } = marketRiskOf(ctx, { symbol: p.symbol, vol: p.market, historySpan: p.fields['history'], at: markSpan, mu, age });
  const details: Record<string, unknown> = { ewmaVolatility: vol.history?.ewma ?? null, historyBars: vol.history?.bars ?? null, fundingDrift: mu, tails: tailDetails(risk) };
  return { risk, age, volSource: vol.source, details, history: vol.history };
}

function tierReport(m: PerpMetrics): TierReport | null {
  const t = m.tier;
  if (!t) return null;
  return { index: t.index, floor: fmt(t.floor)!, cap: fmt(t.cap), mmr: fmt(t.mmr)!, cum: fmt(t.cum), source: t.source };
}

const CAUSES = 'likely causes: fees to close, accrued funding, a stale mark, a missing maintenance amount (cum), or other cross positions the source ignored';

const ageText = (s: number): string => (s < 5400 ? `${Math.round(s / 60)} min` : s < 172800 ? `${(s / 3600).toFixed(1)} h` : `${(s / 86400).toFixed(1)} days`);

function likelyCause(account: PerpAccount, index: number, reported: Dec, ours: Dec, ctx: EvalContext, age: MarkAge): string {
  const found = deviationCause(account, index, reported, ctx.settings.reportedDeviationTolerance, ours);
  if (found) return `likely cause: ${found.cause} — that reading gives ${fmt(found.price.toSignificantDigits(12))}, residual ${fmt(found.residual.toSignificantDigits(3))}`;
  if (age.stale && age.age !== null) return `the mark is ${ageText(age.age)} old, so the source may have used another mark; other causes: ${CAUSES.replace('likely causes: ', '')}`;
  return CAUSES;
}

function reportedDeviation(account: PerpAccount, index: number, p: PerpPosition, m: PerpMetrics, ctx: EvalContext, age: MarkAge): Dec | null {
  if (!p.reportedLiquidationPrice || !m.liquidationPrice || m.liquidationPrice.isZero()) return null;
  const dev = p.reportedLiquidationPrice.minus(m.liquidationPrice).div(m.liquidationPrice);
  if (dev.abs().gt(ctx.settings.reportedDeviationTolerance)) {
    const span = p.fields['reportedLiquidationPrice'] ?? p.span;
    ctx.diagnostics.push(diagnostic('warning', 'reported-deviation',
      `reported liquidation price ${fmt(p.reportedLiquidationPrice)} differs from the computed ${fmt(m.liquidationPrice.toSignificantDigits(10))} by ${dev.mul(100).toFixed(3)} %; ${likelyCause(account, index, p.reportedLiquidationPrice, m.liquidationPrice, ctx, age)}`,
      span,
    ));
  } else {
    // Within the tolerance, a gap of exactly one price tick towards the mark is still worth a word (OKX isolated).
    const tick = tickOffset(m.liquidationPrice, p.reportedLiquidationPrice, p.market.markPrice);
    if (tick) ctx.diagnostics.push(diagnostic('info', 'reported-deviation', `reported liquidation price ${fmt(p.reportedLiquidationPrice)} vs the computed ${fmt(m.liquidationPrice.toSignificantDigits(16))}: ${tick.cause} (residual ${fmt(tick.residual.toSignificantDigits(3))}); ours stays the price where margin balance = maintenance margin`, p.fields['reportedLiquidationPrice'] ?? p.span));
  }
  return dev;
}

export function perpRows(account: PerpAccount, ctx: EvalContext): ResultRow[] {
  const { metrics, diagnostics } = evaluatePerpAccount(account);
  ctx.diagnostics.push(...diagnostics);
  const histories = new Map<ResultRow, HistoryData | null>();
  const risks = new Map<number, MarketRisk>();
  const cross = new CrossValue(account);
  const completions: Array<() => void> = [];
  const rows = account.positions.map((p, i) => perpRow(account, p, metrics[i]!, i, ctx, histories, risks, cross, completions));
  // Second stage (EvalContext.later): each row's risk details and fix, then the account's VaR and wallet fix.
  ctx.later(() => {
    for (const complete of completions) complete();
    ctx.time('accountVar', () => attachPortfolioVar(rows, histories, ctx.settings.horizon));
    const entry = ctx.time('fixes', () => crossAccountReport(account, rows, risks, ctx));
    if (entry) ctx.accounts.push(entry);
  });
  return rows;
}

function perpRow(account: PerpAccount, p: PerpPosition, own: PerpMetrics, index: number, ctx: EvalContext, histories: Map<ResultRow, HistoryData | null>, risks: Map<number, MarketRisk>, cross: CrossValue, completions: Array<() => void>): ResultRow {
  const { risk, age, volSource, details, history } = marketRisk(account, p, ctx);
  risks.set(index, risk);
  // docs/results.md §2 v1.1: ours whenever it can be computed; else the reported price, labelled, for foreign rows.
  const fallback = reportedMetrics(account, p, own);
  const m = fallback ?? own;
  if (fallback) ctx.diagnostics.push(reportedDiagnostic(p, own, fallback.liquidationPrice!, p.fields['reportedLiquidationPrice'] ?? p.span));
  const source = fallback ? 'reported' : own.unknownReason === null ? 'computed' : null;
  const mark = p.market.markPrice;
  if (!mark) {
    ctx.once(`no-mark:${p.symbol}:${p.span.offset}`, diagnostic('warning', 'missing-mark', `no markPrice for ${p.symbol}: this position cannot be evaluated (status unknown); add markPrice to markets.${p.symbol} or to the position`, p.fields['symbol'] ?? p.span));
  }
  const barriers = mark ? barriersOf(m, mark) : null;
  const outcome = assess(barriers, m.liquidatable, m.unknownReason ?? (mark ? null : 'no mark price'), m.note, risk, ctx.settings);
  const inputs = outcome.status === 'unknown' ? null : rowRiskInputs(barriers, risk, ctx.settings.horizon);
  if (inputs) ctx.riskInputs[p.id] = inputs;
  const row: ResultRow = {
    file: ctx.path, line: p.span.line, column: p.span.column, id: p.id, kind: 'perp', venue: account.venue,
    account: account.account, settleCurrency: m.settleCurrency ?? account.settleCurrency, symbol: p.symbol, side: p.side,
    marginMode: p.marginMode, walletSource: fallback ? null : account.walletSource, size: fmt(p.size), entryPrice: fmt(p.entryPrice),
    markPrice: fmt(mark), markAge: age.age, stale: age.stale, liquidationPrice: fmt(m.liquidationPrice), liquidationPriceSource: source,
    liquidationPrices: m.liquidationPrices ? { down: fmt(m.liquidationPrices.down), up: fmt(m.liquidationPrices.up) } : null,
    bankruptcyPrice: fmt(m.bankruptcyPrice), reportedLiquidationPrice: fmt(p.reportedLiquidationPrice),
    reportedDeviation: fallback ? null : fmt(reportedDeviation(account, index, p, m, ctx, age)), marginBalance: fmt(m.marginBalance),
    maintenanceMargin: fmt(m.maintenanceMargin), marginRatio: fmt(m.marginRatio), venueMarginRatio: fmt(m.venueMarginRatio),
    healthFactor: null, healthFactorIdeal: null, tier: tierReport(m), distance: fmt(outcome.distance),
    volatility: risk.sigma, volatilitySource: volSource, horizon: formatDuration(ctx.settings.horizon),
    liquidationProbability: outcome.probability, status: outcome.status, reason: fallback ? `by the reported liquidation price: ${outcome.reason}` : outcome.reason, fix: null,
    details: { var: null, es: null, liquidationCost: null, timeToLiquidation: null, note: m.note, ...details, inverse: isInverse(account, p), contractSize: fmt(p.market.contractSize) },
  };
  histories.set(row, history);
  const assessed = outcome.status !== 'unknown' && mark;
  // The trader figures wait for the second stage too (a first-stage row is counted and sorted without them); they
  // are the next keys after contractSize either way, so the serialised row is the same.
  completions.push(() => {
    Object.assign(row.details, positionFigures(account, p, m, ctx.now, cross));
    if (!assessed) return;
    Object.assign(row.details, ctx.time('riskDetails', () => riskDetails(p, m, mark, risk, account, history, ctx.time)));
    if (!fallback) row.fix = ctx.time('fixes', () => perpFix(account, index, m, outcome.status, ctx, risk));
  });
  return row;
}
