// The liquidations-at-risk curve as text: one line per shock, a bar for the notional liquidated.
import type { StressReport } from '../../engine/evaluate/report';
import { money, padTable } from './display';

const BAR = 30;

export function formatStress(s: StressReport): string[] {
  const max = Math.max(...s.curve.map((p) => Number(p.notional)), 0);
  const rows = [['Shock', 'Liquidated', 'Notional', 'Loss', '']];
  for (const p of s.curve) {
    const n = Number(p.notional);
    const bar = max > 0 ? '█'.repeat(Math.round((n / max) * BAR)) : '';
    rows.push([`${p.shock > 0 ? '+' : ''}${(p.shock * 100).toFixed(0)} %`, String(p.positionsLiquidated), money(p.notional), money(p.loss), bar]);
  }
  const accounts = s.accounts.map((a) => {
    const shock = a.firstFailingShock === null ? 'no liquidation within ±50 %' : `first liquidation at ${a.firstFailingShock > 0 ? '+' : ''}${(a.firstFailingShock * 100).toFixed(2)} %`;
    return `  ${a.file} · ${a.account ?? '(no account)'}: ${shock}`;
  });
  return ['Stress test: all marks moved together, every account re-evaluated', '', padTable(rows, new Set([0, 1, 2, 3])), '', 'Accounts:', ...accounts];
}
