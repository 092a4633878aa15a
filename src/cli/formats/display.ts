// Human-readable number forms for the table and markdown outputs. The JSON output keeps the exact strings.
import { Dec } from '../../engine/decimal';

/** A price or amount for a person: grouping, 2–6 decimals by magnitude, exact digits otherwise untouched. */
export function amount(s: string | null): string {
  if (s === null) return '—';
  const d = new Dec(s);
  const abs = d.abs();
  const dp = abs.gte(1000) ? 2 : abs.gte(1) ? 4 : 6;
  const fixed = abs.lt(1) && !abs.isZero() ? d.toSignificantDigits(6).toFixed() : d.toFixed(dp);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac !== undefined ? `${grouped}.${frac}` : grouped;
}

/** An input echoed as written (sizes): grouping only, no rounding. */
export function exact(s: string | null): string {
  if (s === null) return '—';
  const [int, frac] = s.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac !== undefined ? `${grouped}.${frac}` : grouped;
}

export function percent(s: string | null, dp = 2): string {
  if (s === null) return '—';
  return `${new Dec(s).mul(100).toFixed(dp)} %`;
}

export function probability(p: number | null): string {
  if (p === null) return '—';
  if (p > 0 && p < 0.0001) return '<0.01 %';
  return `${(p * 100).toFixed(p >= 0.1 ? 1 : 2)} %`;
}

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
