// The stress test's words, one place for the CLI, the panel and export: shock labels, each account's first failing
// shock, a bar's tooltip. Money here is quote money (USD-equivalent): 2 decimals.
import { formatMoney } from './format';

/** A shock fraction as "+20 %", "-12.5 %", "0 %". */
export function shockLabel(shock: number): string {
  const pct = Math.round(shock * 10000) / 100;
  return `${pct > 0 ? '+' : pct < 0 ? '-' : ''}${Math.abs(pct)} %`;
}

/** Quote money of a stress point: 2 decimals, grouped. */
export const stressMoney = (s: string): string => formatMoney(s, null);

/** "-20 %: 3 positions liquidated, notional 400,000.00, loss 2,996.38". */
export function stressBarText(b: { label: string; positions: number; notional: string; loss: string }): string {
  return `${b.label}: ${b.positions} position${b.positions === 1 ? '' : 's'} liquidated, notional ${stressMoney(b.notional)}, loss ${stressMoney(b.loss)}`;
}
