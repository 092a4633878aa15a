// The liquidations-at-risk curve as text: one line per shock, a bar for the notional liquidated.
import type { StressReport } from '../../engine/evaluate/report';
import { money, padTable } from './display';
import type { ResultRow } from '../../engine/evaluate/report';
import { shockRange, stressAccountLabel, stressAccounts } from '../../engine/stress/stress-unknown';
import { escapeText } from '../../engine/core/quote-text';

const BAR = 30;

const pct = (x: number): string => `${x > 0 ? '+' : ''}${(x * 100).toFixed(2)} %`;

/** `rows`: the report's positions, so an account with unknown positions says it could not be evaluated (issue 14). */
export function formatStress(s: StressReport, positions: readonly ResultRow[] = []): string[] {
  const max = Math.max(...s.curve.map((p) => Number(p.notional)), 0);
  const rows = [['Shock', 'Liquidated', 'Notional', 'Loss', '']];
  for (const p of s.curve) {
    const n = Number(p.notional);
    const bar = max > 0 ? '█'.repeat(Math.round((n / max) * BAR)) : '';
    rows.push([`${p.shock > 0 ? '+' : ''}${(p.shock * 100).toFixed(0)} %`, String(p.positionsLiquidated), money(p.notional), money(p.loss), bar]);
  }
  const range = shockRange(s.shocks, pct);
  const accounts = stressAccounts(s, positions).map((a) => `  ${escapeText(a.file)} · ${escapeText(a.account ?? '(no account)')}: ${stressAccountLabel(a, pct, range)}`);
  return ['Stress test: all marks moved together, every account re-evaluated', '', padTable(rows, new Set([0, 1, 2, 3])), '', 'Accounts:', ...accounts];
}
