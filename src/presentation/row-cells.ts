// The columns a person reads in text (CLI table, markdown report), ranked by importance so a narrow terminal folds
// the least important first (status, symbol, liquidation price, distance, P and fix are kept).
import { fixCell, priceSourceSuffix } from './describe';
import { formatHealthFactor, formatLiquidationPrice, formatMark, formatPercent, formatProbability, formatSize } from './format';
import { nameText } from './inert-text';
import { venueAndAccount } from './labels';
import type { DisplayRow } from './row-shape';

export interface TextColumn {
  header: string;
  right: boolean;
  /** 1 = most important; the table drops the highest ranks first. */
  rank: number;
  cell(row: DisplayRow): string;
}

export const TEXT_COLUMNS: readonly TextColumn[] = [
  { header: 'Status', right: false, rank: 1, cell: (r) => r.status },
  { header: 'Symbol', right: false, rank: 2, cell: (r) => nameText(r.symbol ?? r.id) },
  { header: 'Venue · account', right: false, rank: 10, cell: (r) => venueAndAccount(r.venue, r.account) },
  { header: 'Side', right: false, rank: 9, cell: (r) => (r.kind === 'loan' ? 'loan' : (r.side ?? '—')) },
  { header: 'Size', right: true, rank: 11, cell: (r) => formatSize(r.size) },
  { header: 'Mark', right: true, rank: 8, cell: (r) => formatMark(r.markPrice) },
  { header: 'Liq. price', right: true, rank: 3, cell: (r) => formatLiquidationPrice(r.liquidationPrice, r.markPrice) + (r.liquidationPrice !== null ? priceSourceSuffix(r.liquidationPriceSource) : '') },
  { header: 'Distance', right: true, rank: 4, cell: (r) => formatPercent(r.distance) },
  { header: 'P(liq)', right: true, rank: 5, cell: (r) => formatProbability(r.liquidationProbability) },
  { header: 'MR / HF', right: true, rank: 7, cell: ratioCell },
  { header: 'Fix', right: false, rank: 6, cell: (r) => fixCell(r.fix, r.settleCurrency, r.symbol) },
];

function ratioCell(r: DisplayRow): string {
  if (r.kind === 'loan') return r.healthFactor ? `HF ${formatHealthFactor(r.healthFactor)}` : '—';
  return formatPercent(r.marginRatio);
}

/** Every column's cell of one row, in TEXT_COLUMNS order. */
export function rowCells(row: DisplayRow): string[] {
  return TEXT_COLUMNS.map((c) => c.cell(row));
}
