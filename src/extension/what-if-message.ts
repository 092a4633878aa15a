// The engine's what-if outcome (src/engine/evaluate/what-if.ts) as the panel's `whatIfResult` message (issue 14):
// the row's figures as the engine printed them; the webview formats them with src/presentation and computes nothing.
import type { WhatIfOutcome } from '../engine/evaluate/what-if';
import type { WhatIfResult } from '../protocol/messages';
import { messageText } from '../presentation/inert-text';

const EMPTY = {
  note: null, status: null, reason: null, markPrice: null, liquidationPrice: null, distance: null, volatility: null, horizon: null,
  liquidationProbability: null, marginBalance: null, maintenanceMargin: null, marginRatio: null, healthFactor: null,
} as const;

export function whatIfMessage(key: string, seq: number, outcome: WhatIfOutcome): WhatIfResult {
  if (!outcome.ok) return { type: 'whatIfResult', key, seq, error: messageText(outcome.reason), ...EMPTY };
  const r = outcome.row;
  return {
    type: 'whatIfResult', key, seq, error: null, note: outcome.note, status: r.status, reason: messageText(r.reason), markPrice: r.markPrice,
    liquidationPrice: r.liquidationPrice, distance: r.distance, volatility: r.volatility, horizon: r.horizon,
    liquidationProbability: r.liquidationProbability, marginBalance: r.marginBalance, maintenanceMargin: r.maintenanceMargin,
    marginRatio: r.marginRatio, healthFactor: r.healthFactor,
  };
}
