// Engine rows → what the extension shows: the docs/results.md §2 sort (the engine's Decimal compare) and the panel's row view.
import { compareRows } from '../engine/evaluate/row-order';
import type { ResultRow } from '../engine/evaluate/report';
import type { PanelRow } from '../protocol/messages';
import { traderFiguresOf } from '../presentation/trader-figures';

export { compareRows };

export function sortRows(rows: readonly ResultRow[]): ResultRow[] {
  return [...rows].sort(compareRows);
}

/** Stable key of a row across re-evaluations: ids are unique per file (docs/results.md §2). */
export function rowKey(row: Pick<ResultRow, 'file' | 'id'>): string {
  return `${row.file}#${row.id}`;
}

function detailString(details: Record<string, unknown> | undefined, key: string): string | null {
  const value = details?.[key];
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? value : null;
}

/** `readOnlyReason`: why fixes cannot be applied to the row's file (null when they can). */
export function toPanelRow(r: ResultRow, readOnlyReason: string | null = null): PanelRow {
  return {
    key: rowKey(r),
    file: r.file, line: r.line, column: r.column, id: r.id, kind: r.kind,
    venue: r.venue, account: r.account, settleCurrency: r.settleCurrency, symbol: r.symbol, side: r.side,
    marginMode: r.marginMode, size: r.size, entryPrice: r.entryPrice, markPrice: r.markPrice, markAge: r.markAge,
    stale: r.stale, liquidationPrice: r.liquidationPrice, liquidationPriceSource: r.liquidationPriceSource, liquidationPrices: r.liquidationPrices,
    bankruptcyPrice: r.bankruptcyPrice, reportedLiquidationPrice: r.reportedLiquidationPrice,
    reportedDeviation: r.reportedDeviation, marginBalance: r.marginBalance, maintenanceMargin: r.maintenanceMargin,
    marginRatio: r.marginRatio, venueMarginRatio: r.venueMarginRatio, healthFactor: r.healthFactor,
    healthFactorIdeal: r.healthFactorIdeal,
    tier: r.tier ? { index: r.tier.index, floor: r.tier.floor, cap: r.tier.cap, mmr: r.tier.mmr, cum: r.tier.cum, source: r.tier.source ?? '' } : null,
    distance: r.distance, volatility: r.volatility, volatilitySource: r.volatilitySource, horizon: r.horizon,
    liquidationProbability: r.liquidationProbability, status: r.status, reason: r.reason,
    fix: r.fix,
    valueAtRisk: detailString(r.details, 'var'),
    expectedShortfall: detailString(r.details, 'es'),
    liquidationCost: detailString(r.details, 'liquidationCost'),
    readOnlyReason,
    updating: false,
    trader: traderFiguresOf(r.details),
  };
}
