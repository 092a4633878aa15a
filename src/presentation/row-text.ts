// One-line texts of a row shared by the after-line decoration, the CodeLens, the "positions at risk" quick pick and
// the Problems message: the same numbers in the same words everywhere.
import { fixActions, priceSourceSuffix } from './describe';
import { formatHealthFactor, formatLiquidationPrice, formatMark, formatPercent, formatProbability } from './format';
import { nameText, plainText } from './inert-text';
import { venueLabel } from './labels';
import type { DisplayRow } from './row-shape';

/** "liq 1,153.26", "13.62 % away", "P(24h) 0.80 %", "HF 1.04": the numbers a glance needs, those known. */
export function summaryBits(r: DisplayRow): string[] {
  const bits: string[] = [];
  if (r.liquidationPrice !== null) bits.push(`liq ${formatLiquidationPrice(r.liquidationPrice, r.markPrice)}${priceSourceSuffix(r.liquidationPriceSource)}`);
  if (r.distance !== null) bits.push(`${formatPercent(r.distance)} away`);
  if (r.liquidationProbability !== null) bits.push(`P(${plainText(r.horizon, 16)}) ${formatProbability(r.liquidationProbability)}`);
  if (r.healthFactor !== null) bits.push(`HF ${formatHealthFactor(r.healthFactor)}`);
  return bits;
}

/** "ETHUSDT long (Binance USD-M · desk-a)", "WETH loan (Aave v3 · 0x91c4)". */
export function whoAndWhere(r: Pick<DisplayRow, 'kind' | 'symbol' | 'id' | 'side' | 'venue' | 'account'>): string {
  const what = r.kind === 'loan' ? `${r.symbol !== null ? nameText(r.symbol) : 'loan'} loan` : `${nameText(r.symbol ?? r.id)} ${r.side ?? ''}`.trim();
  const where = [r.venue ? venueLabel(r.venue) : null, r.account ? nameText(r.account) : null].filter((x) => x).join(' · ');
  return where ? `${what} (${where})` : what;
}

/** "mark 1,335.18 (stale, 10 d 11 h old)". */
export function markText(r: DisplayRow, age: string): string {
  return `mark ${formatMark(r.markPrice)}${r.stale ? ` (stale${age ? `, ${age} old` : ''})` : ''}`;
}

/** The first fix in a few words: "Fix: +81,597.40 USDT", "Fix: +4.20 WETH", "Fix: cut 1,000 ETHUSDT". */
export function shortFix(r: DisplayRow): string | null {
  const a = fixActions(r.fix, r.settleCurrency, r.symbol)[0];
  if (!a) return null;
  switch (a.kind) {
    case 'addMargin': return `Fix: ${a.label}${r.settleCurrency ? ' ' + nameText(r.settleCurrency) : ''}`;
    case 'addCollateral': return `Fix: ${a.label} ${a.asset !== null ? nameText(a.asset) : ''}`.trimEnd();
    default: return `Fix: ${a.label}${a.unit ? ' ' + a.unit : ''}`;
  }
}
