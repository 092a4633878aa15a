// The panel's stress view: the engine's market-wide stress test (cli.md §2.3, src/engine/stress.ts) over the
// store's evaluations, as bars (liquidated notional and positions per shock) and each account's first failing shock.
import type { StressReport } from '../engine/evaluate/report';
import type { StressMessage } from '../protocol/messages';
import { formatAmount } from '../presentation/format';
import { firstFailingLabel, shockLabel } from '../presentation/stress-labels';

export function stressMessage(report: StressReport, epoch: number): StressMessage {
  // Bar heights are chart geometry of the decimal notionals (floats only for the picture).
  const max = Math.max(0, ...report.curve.map((p) => Number(p.notional)));
  const bars = report.curve.map((p) => ({
    shock: p.shock, label: shockLabel(p.shock), positions: p.positionsLiquidated, notional: p.notional, loss: p.loss,
    height: max > 0 ? Math.min(1, Math.max(0, Number(p.notional) / max)) : 0,
  }));
  const failing = bars.filter((b) => b.positions > 0);
  const worstDown = failing.filter((b) => b.shock < 0).at(0);
  const worstUp = failing.filter((b) => b.shock > 0).at(-1);
  const say = (b: typeof bars[number] | undefined) => b ? `${b.label}: ${b.positions} position${b.positions === 1 ? '' : 's'}, ${formatAmount(b.notional, { decimals: 0 })} notional` : '';
  const desc = failing.length === 0
    ? `No position is liquidated by any shock from ${bars[0]?.label ?? ''} to ${bars.at(-1)?.label ?? ''}.`
    : `Liquidated notional by market-wide shock. ${[say(worstDown), say(worstUp)].filter(Boolean).join('; ')}.`;
  return {
    type: 'stress', epoch,
    title: report.scaledByVolatility
      ? `Stress test: liquidations when every mark moves by the shock scaled by its volatility, ${bars.length} shocks`
      : `Stress test: liquidations when every mark moves together, ${bars.length} shocks`,
    scaledByVolatility: report.scaledByVolatility === true,
    desc,
    unitNote: 'notional in quote money (USD-equivalent for inverse, debt value for loans)',
    bars,
    accounts: report.accounts.map((a) => ({
      file: a.file, account: a.account, firstFailingShock: a.firstFailingShock,
      label: firstFailingLabel(a.firstFailingShock, Math.max(0, ...report.curve.map((p) => Math.abs(p.shock))) || 0.5),
    })).sort((x, y) => Math.abs(x.firstFailingShock ?? Infinity) - Math.abs(y.firstFailingShock ?? Infinity)),
  };
}
