// The risk inputs of one market, shared by perp and loan rows: volatility (with its history), tail model,
// drift, horizon stretched by a stale mark's age, and whether the mark is too old for a probability.
import type { Span } from '../core/types';
import type { EvalContext } from './file-context';
import type { MarkAge } from './staleness';
import type { MarketRisk } from './risk-view';
import { pickVolatility, type VolatilityInput, type VolatilityPick } from './volatility-source';
import { fitTails } from './tail-choice';
import { diagnostic } from '../core/diagnostics';

export interface MarketRiskInput {
  symbol: string;
  vol: VolatilityInput;
  /** Where `history` is written, and where to put a diagnostic when it is not. */
  historySpan: Span | undefined;
  at: Span;
  mu: number;
  age: MarkAge;
}

export function marketRiskOf(ctx: EvalContext, o: MarketRiskInput): { risk: MarketRisk; vol: VolatilityPick } {
  const history = o.vol.history ? ctx.history(o.vol.history, o.historySpan) : null;
  const vol = pickVolatility(o.vol, history);
  const tails = fitTails(ctx.settings.tails, vol.history);
  if (tails.fallback) {
    ctx.once(`tails:${o.symbol}`, diagnostic('warning', 'tails-fallback', `${o.symbol}: ${tails.fallback}`, o.historySpan ?? o.at));
  }
  const { age } = o;
  const risk: MarketRisk = {
    sigma: vol.sigma,
    mu: o.mu,
    horizonSeconds: ctx.settings.horizon + (age.stale && age.age !== null ? age.age : 0),
    tails: tails.tails,
    dof: vol.history?.dof ?? 4,
    vg: tails.vg,
    evt: tails.evt,
    suppressed: age.tooOld,
    prefix: age.tooOld && age.age !== null ? `mark ${Math.floor(age.age / 86400)} days old` : null,
  };
  return { risk, vol };
}
