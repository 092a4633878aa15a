// Re-evaluating one position after a change to its account (fixes, buffers), with its market's risk inputs held.
import { evaluatePerpLeg } from '../perp/leg-probe';
import type { PerpAccount, PerpMetrics, Status } from '../core/types';
import type { EvalContext } from '../evaluate/file-context';
import { assess, assessLevel, type Barriers, type MarketRisk, type RiskOutcome } from '../evaluate/risk-view';
import type { Dec } from '../core/decimal';

export function barriersOf(m: PerpMetrics, mark: Dec): Barriers {
  if (m.liquidationPrices) return { mark, down: m.liquidationPrices.down, up: m.liquidationPrices.up };
  if (m.liquidationPrice === null) return { mark, down: null, up: null };
  return m.liquidationPrice.lte(mark) ? { mark, down: m.liquidationPrice, up: null } : { mark, down: null, up: m.liquidationPrice };
}

export function outcomeAfter(account: PerpAccount, index: number, risk: MarketRisk, ctx: EvalContext, crossOthers?: { pnl: Dec; mm: Dec }): { metrics: PerpMetrics | null; outcome: RiskOutcome | null } {
  const { m, mark } = reevaluated(account, index, crossOthers);
  if (!m || !mark) return { metrics: m, outcome: null };
  return { metrics: m, outcome: assess(barriersOf(m, mark), m.liquidatable, m.unknownReason, m.note, risk, ctx.settings) };
}

/** outcomeAfter's status and probability without the reason text: what a fix search's exact probe reads. */
export function probeAfter(account: PerpAccount, index: number, risk: MarketRisk, ctx: EvalContext, crossOthers?: { pnl: Dec; mm: Dec }): { metrics: PerpMetrics | null; status: Status; probability: number | null } {
  const { m, mark } = reevaluated(account, index, crossOthers, true);
  if (!m || !mark) return { metrics: m, status: 'unknown', probability: null };
  return { metrics: m, ...assessLevel(barriersOf(m, mark), m.liquidatable, m.unknownReason, risk, ctx.settings) };
}

/** `nearMark`: a probe reads only the status, which needs only the roots nearest the mark. */
function reevaluated(account: PerpAccount, index: number, crossOthers?: { pnl: Dec; mm: Dec }, nearMark = false): { m: PerpMetrics | null; mark: Dec | null } {
  const m = evaluatePerpLeg(account, index, { nearMark, ...(crossOthers ? { crossOthers } : {}) });
  return { m, mark: account.positions[index]?.market.markPrice ?? null };
}
