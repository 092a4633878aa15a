// One loan → LoanMetrics: the protocol's own numbers (model.evaluate), the real-number model (linear.ts) for the
// health factor and liquidation prices, and the liquidation the protocol would run at the nearest liquidation point.
import { Dec } from '../core/decimal';
import type { Diagnostic, LendingAccount, Loan, LoanMetrics } from '../core/types';
import { buildContext, correlated, withPrices, type LoanContext } from './lending-context';
import { debtOf, idealHealthFactor, limitOf, nearest, priceTargets, type PairCandidate, type PriceTarget } from './linear';
import { isUnknown, type ProtocolModel, type ProtocolResult } from './loan-model';
import { lendingVenue } from '../venues/registry';
import { loanLines } from './loan-lines';

export function emptyMetrics(loanId: string, unknownReason: string | null, note: string | null = null): LoanMetrics {
  return {
    loanId, healthFactor: null, healthFactorIdeal: null, liquidatable: false, symbol: null, markPrice: null,
    liquidationPrice: null, direction: null, liquidationPrices: null, marginBalance: null, maintenanceMargin: null,
    liquidationCost: null, unknownReason, note, details: {},
  };
}

function correlatedPairs(ctx: LoanContext): PairCandidate[] {
  const pairs: PairCandidate[] = [];
  for (const c of ctx.collateral) {
    if (!c.enabled || !c.volatile) continue;
    for (const d of ctx.debt) {
      if (!d.volatile || !correlated(ctx.account, c, d)) continue;
      if (!pairs.some((p) => p.collateral === c.asset && p.debt === d.asset)) pairs.push({ collateral: c.asset, debt: d.asset });
    }
  }
  return pairs;
}

/** Prices at the nearest liquidation point (a ratio key moves its collateral, the debt held). */
function pointPrices(ctx: LoanContext, t: PriceTarget): Record<string, Dec> {
  if (!t.pair) return { [t.key]: t.liquidationPrice as Dec };
  const debtPrice = ctx.debt.find((d) => d.asset === t.pair!.debt)?.price as Dec;
  return { [t.pair.collateral]: (t.liquidationPrice as Dec).mul(debtPrice) };
}

function liquidationAt(model: ProtocolModel, ctx: LoanContext, res: ProtocolResult, best: PriceTarget | null) {
  if (res.liquidatable || !best?.liquidationPrice) {
    return { ...model.liquidation(ctx, res, res.liquidatable), at: res.liquidatable ? 'current prices' : 'current prices (no liquidation price)' };
  }
  const at = withPrices(ctx, pointPrices(ctx, best));
  const r = model.evaluate(at);
  if (isUnknown(r)) return { cost: null, details: {}, at: null };
  return { ...model.liquidation(at, r, false), at: `${best.key} at its liquidation price` };
}

export interface LoanEvaluation { metrics: LoanMetrics; diagnostics: Diagnostic[] }

/** `light` skips the liquidation simulation (used by the fix search, which only needs status inputs). */
export function evaluateLoan(account: LendingAccount, loan: Loan, light = false): LoanEvaluation {
  const model = lendingVenue(account.venue).model;
  if (!model) return { metrics: emptyMetrics(loan.id, `unsupported lending venue ${String(account.venue)}`), diagnostics: [] };
  const ctx = buildContext(account, loan);
  const res = model.evaluate(ctx);
  if (isUnknown(res)) return { metrics: { ...emptyMetrics(loan.id, res.unknownReason), lines: light ? null : loanLines(ctx, null) }, diagnostics: ctx.diagnostics };
  const limit = limitOf(res.exposures);
  const debt = debtOf(res.exposures);
  const base = { ...emptyMetrics(loan.id, null, res.note ?? null), marginBalance: limit, maintenanceMargin: debt, details: { ...res.details }, lines: light ? null : loanLines(ctx, res.exposures) };
  if (res.healthFactor === null || debt.isZero()) {
    return { metrics: { ...base, maintenanceMargin: new Dec(0), note: 'no debt' }, diagnostics: ctx.diagnostics };
  }
  const targets = priceTargets(res.exposures, correlatedPairs(ctx));
  const best = nearest(targets);
  const metrics: LoanMetrics = {
    ...base,
    healthFactor: res.healthFactor,
    healthFactorIdeal: idealHealthFactor(res.exposures),
    liquidatable: res.liquidatable,
    symbol: best?.key ?? null,
    markPrice: best?.mark ?? null,
    liquidationPrice: best?.liquidationPrice ?? null,
    direction: best?.direction ?? null,
    liquidationPrices: targets.length ? Object.fromEntries(targets.map((t) => [t.key, t.liquidationPrice])) : null,
  };
  if (!best) metrics.note = base.note ?? (targets.length ? 'cannot be liquidated by a single price move' : 'no volatile asset: cannot be liquidated by a price move');
  if (!light) {
    const out = liquidationAt(model, ctx, res, best);
    metrics.liquidationCost = out.cost;
    metrics.details = { ...metrics.details, ...out.details, liquidationEvaluatedAt: out.at };
  }
  return { metrics, diagnostics: ctx.diagnostics };
}
