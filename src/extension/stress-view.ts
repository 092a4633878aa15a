// The panel's stress view: the engine's market-wide stress test (docs/results.md §2.3, src/engine/stress.ts) over the
// store's evaluations, as bars (liquidated notional and positions per shock) and each account's first failing shock.
import type { StressReport } from '../engine/evaluate/report';
import type { StressMessage } from '../protocol/messages';
import { formatAmount } from '../presentation/format';
import { shockLabel } from '../presentation/stress-labels';
import { nameText } from '../presentation/inert-text';
import { shockRange, stressAccountLabel, stressAccounts } from '../presentation/stress-accounts';

/** `rows`: the evaluated rows, so an account with unknown positions says it could not be evaluated (issue 14). */
export function stressMessage(report: StressReport, epoch: number, rows: ReadonlyArray<{ file: string; account: string | null; status: string }> = []): StressMessage {
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
  const unknown = rows.filter((r) => r.status === 'unknown').length;
  const unknownNote = unknown ? ` ${unknown} position${unknown === 1 ? '' : 's'} could not be evaluated (unknown) and ${unknown === 1 ? 'is' : 'are'} not in the curve.` : '';
  const desc = (failing.length === 0
    ? `No evaluated position is liquidated by any shock from ${bars[0]?.label ?? ''} to ${bars.at(-1)?.label ?? ''}.`
    : `Liquidated notional by market-wide shock. ${[say(worstDown), say(worstUp)].filter(Boolean).join('; ')}.`) + unknownNote;
  const range = shockRange(report.shocks);
  return {
    type: 'stress', epoch,
    title: report.scaledByVolatility
      ? `Stress test: liquidations when every mark moves by the shock scaled by its volatility, ${bars.length} shocks`
      : `Stress test: liquidations when every mark moves together, ${bars.length} shocks`,
    scaledByVolatility: report.scaledByVolatility === true,
    desc,
    unitNote: 'notional in quote money (USD-equivalent for inverse, debt value for loans)',
    bars,
    accounts: stressAccounts(report.accounts, rows).map((a) => ({
      file: a.file, account: a.account === null ? null : nameText(a.account), firstFailingShock: a.firstFailingShock, unknown: a.unknown,
      label: stressAccountLabel(a, range),
    })).sort((x, y) => Math.abs(x.firstFailingShock ?? Infinity) - Math.abs(y.firstFailingShock ?? Infinity) || y.unknown - x.unknown),
  };
}
