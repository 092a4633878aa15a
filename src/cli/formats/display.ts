// Human-readable forms for the table and markdown outputs: the same formatters the panel uses (src/protocol/format.ts),
// so a number reads the same in the CLI and in VS Code. The JSON output keeps the exact strings.
import { decimalsOf, formatAmount, formatPercent, formatPrice, formatProbability } from '../../presentation/format';

/** A computed price at its mark's precision (2–8 decimals), grouped; an echoed input as written. */
export const price = (s: string | null, mark: string | null): string => formatPrice(s, mark, '-');
export const exact = (s: string | null): string => formatAmount(s, { minus: '-' });
export const amount = (s: string | null): string => formatPrice(s, null, '-');
/** A token amount of a loan fix: at most 6 decimals, rounded up so the shown amount still suffices (as the panel). */
export const token = (s: string): string => formatAmount(s, { decimals: Math.min(6, decimalsOf(s)), rounding: 'ceil', minus: '-' });
/** Money totals (stress notional and loss): two decimals. */
export const money = (s: string | null): string => formatAmount(s, { decimals: 2, minus: '-' });
export const percent = (s: string | null, dp = 2): string => formatPercent(s, dp, { space: true, minus: '-' });
export const probability = (p: number | null): string => formatProbability(p, { space: true });

export function padTable(rows: string[][], rightAligned: Set<number>): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => {
          const pad = ' '.repeat(widths[c]! - [...cell].length);
          return rightAligned.has(c) ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
