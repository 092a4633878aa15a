// Engine rows → what the extension shows: the docs/results.md §2 sort (the engine's Decimal compare) and the panel's row view.
import { createHash } from 'node:crypto';
import { compareRows } from '../engine/evaluate/row-order';
import type { ResultRow } from '../engine/evaluate/report';
import type { PanelRow, TableRow } from '../protocol/messages';
import { messageText, nameText, plainText } from '../presentation/inert-text';
import { traderFiguresOf, type TraderFigures } from '../presentation/trader-figures';

export { compareRows };

/** A result row as the host keeps it: its `details` stay JSON text until read (row-rest.ts). */
export type HostRow = Omit<ResultRow, 'details'>;

export function sortRows<R extends HostRow>(rows: readonly R[]): R[] {
  return [...rows].sort(compareRows);
}

/** Longest file string (id, asset, account) used as is inside a key that crosses to the webview. */
export const REF_MAX = 128;

/**
 * A file string used as an identifier in panel messages (row keys, account keys, a loan fix's asset): itself when at
 * most REF_MAX characters, else its head and a hash, so a 10,000-character id still gives a short, unique key and
 * every message stays within the protocol's limits (issue 13 §6).
 */
export function boundedRef(s: string): string {
  if (s.length <= REF_MAX) return s;
  return `${s.slice(0, 48)}…#${createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 16)}`;
}

/** Stable key of a row across re-evaluations: ids are unique per file (docs/results.md §2). */
export function rowKey(row: Pick<ResultRow, 'file' | 'id'>): string {
  return `${row.file}#${boundedRef(row.id)}`;
}

/** A fix record keyed by asset, with each key as the panel names it (boundedRef). */
function boundedKeys(record: Record<string, string | null>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [boundedRef(k), v]));
}

/** A record keyed by asset for display only (a loan's liquidation price per asset): keys as nameText, kept distinct. */
function displayKeys(record: Record<string, string | null> | null): Record<string, string | null> | null {
  if (!record) return record;
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(record)) {
    let key = nameText(k);
    for (let n = 2; key in out; n++) key = `${nameText(k)} #${n}`;
    out[key] = v;
  }
  return out;
}

function panelFix(fix: ResultRow['fix']): PanelRow['fix'] {
  if (!fix) return null;
  const reason = fix.reason === null ? null : messageText(fix.reason);
  if ('addCollateral' in fix) return { ...fix, addCollateral: boundedKeys(fix.addCollateral), repayDebt: boundedKeys(fix.repayDebt), reason };
  return { ...fix, reason };
}

function panelTrader(t: TraderFigures | null): TraderFigures | null {
  if (!t) return t;
  const lines = (ls: TraderFigures['collateralLines']) => ls?.map((l) => ({ ...l, asset: nameText(l.asset) }));
  return { ...t, ...(t.collateralLines ? { collateralLines: lines(t.collateralLines) } : {}), ...(t.debtLines ? { debtLines: lines(t.debtLines) } : {}) };
}

const optionalName = (s: string | null): string | null => (s === null ? null : nameText(s));

function detailString(details: Record<string, unknown> | undefined, key: string): string | null {
  const value = details?.[key];
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? value : null;
}

/**
 * What a table row shows (protocol TABLE_ROW_FIELDS), built from the result row without the rest of a PanelRow (the
 * panel's pages carry these). `readOnlyReason`: why fixes cannot be applied to the row's file (null when they can).
 * Names from the file (symbol, id, account, settle currency, assets) arrive as the other surfaces show them (nameText:
 * escapes visible, at most NAME_MAX code points) and sentences through messageText, so a hostile name never reorders
 * or floods the panel.
 */
export function toTableRow(r: HostRow, readOnlyReason: string | null = null): TableRow {
  return {
    key: rowKey(r), id: nameText(r.id), kind: r.kind,
    venue: r.venue, account: optionalName(r.account), settleCurrency: optionalName(r.settleCurrency), symbol: optionalName(r.symbol), side: r.side,
    size: r.size, markPrice: r.markPrice, markAge: r.markAge, stale: r.stale,
    liquidationPrice: r.liquidationPrice, liquidationPriceSource: r.liquidationPriceSource, distance: r.distance,
    liquidationProbability: r.liquidationProbability, marginRatio: r.marginRatio, healthFactor: r.healthFactor,
    status: r.status, reason: messageText(r.reason), fix: panelFix(r.fix), readOnlyReason, updating: false,
  };
}

/** The whole row (the details pane's): the table row's fields and every other figure. */
export function toPanelRow(r: ResultRow, readOnlyReason: string | null = null): PanelRow {
  return {
    ...toTableRow(r, readOnlyReason),
    file: r.file, line: r.line, column: r.column,
    marginMode: r.marginMode, entryPrice: r.entryPrice, liquidationPrices: displayKeys(r.liquidationPrices),
    bankruptcyPrice: r.bankruptcyPrice, reportedLiquidationPrice: r.reportedLiquidationPrice,
    reportedDeviation: r.reportedDeviation, marginBalance: r.marginBalance, maintenanceMargin: r.maintenanceMargin,
    venueMarginRatio: r.venueMarginRatio, healthFactorIdeal: r.healthFactorIdeal,
    tier: r.tier ? { index: r.tier.index, floor: r.tier.floor, cap: r.tier.cap, mmr: r.tier.mmr, cum: r.tier.cum, source: plainText(r.tier.source ?? '', 200) } : null,
    volatility: r.volatility, volatilitySource: r.volatilitySource, horizon: r.horizon,
    valueAtRisk: detailString(r.details, 'var'),
    expectedShortfall: detailString(r.details, 'es'),
    liquidationCost: detailString(r.details, 'liquidationCost'),
    trader: panelTrader(traderFiguresOf(r.details)),
  };
}
