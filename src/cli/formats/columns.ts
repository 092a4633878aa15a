// The columns a person reads (table and markdown), one place for both.
import type { ResultRow, PerpFix, LoanFix } from '../../engine/evaluate/report';
import { formatHealthFactor } from '../../presentation/format';
import { priceSourceSuffix } from '../../presentation/describe';
import { amount, exact, percent, price, probability, token } from './display';

export const HEADERS = ['Status', 'Symbol', 'Venue · account', 'Side', 'Size', 'Mark', 'Liq. price', 'Distance', 'P(liq)', 'MR / HF', 'Fix'];
export const RIGHT = new Set([4, 5, 6, 7, 8, 9]);

function fixText(row: ResultRow): string {
  const fix = row.fix;
  if (!fix) return '—';
  if ('addMargin' in fix) return perpFix(fix as PerpFix, row);
  const f = fix as LoanFix;
  const [repayAsset, repay] = Object.entries(f.repayDebt).find(([, v]) => v !== null) ?? [];
  if (repay) return `repay ${token(repay)} ${repayAsset}`;
  const [addAsset, add] = Object.entries(f.addCollateral).find(([, v]) => v !== null) ?? [];
  if (add) return `+${token(add)} ${addAsset} collateral`;
  return f.reason ?? '—';
}

function perpFix(f: PerpFix, row: ResultRow): string {
  const parts: string[] = [];
  if (f.addMargin) parts.push(`+${exact(f.addMargin)} ${row.settleCurrency ?? ''} margin`.replace('  ', ' '));
  if (f.reduceSize) parts.push(`${parts.length ? 'or ' : ''}cut ${exact(f.reduceSize)}`);
  return parts.length ? parts.join(' ') : (f.reason ?? '—');
}

export function cells(row: ResultRow): string[] {
  const venue = [row.venue ?? '?', row.account].filter(Boolean).join(' · ');
  const ratio = row.kind === 'loan' ? (row.healthFactor ? `HF ${formatHealthFactor(row.healthFactor)}` : '—') : percent(row.marginRatio);
  return [
    row.status,
    row.symbol ?? '—',
    venue,
    row.kind === 'loan' ? 'loan' : (row.side ?? '—'),
    exact(row.size),
    row.kind === 'loan' ? amount(row.markPrice) : exact(row.markPrice),
    price(row.liquidationPrice, row.markPrice) + (row.liquidationPrice !== null ? priceSourceSuffix(row.liquidationPriceSource) : ''),
    percent(row.distance),
    probability(row.liquidationProbability),
    ratio,
    fixText(row),
  ];
}
