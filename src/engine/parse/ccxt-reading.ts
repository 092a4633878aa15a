// Reading one ccxt position by its exchange's DumpReading (the venue descriptor's `ccxtDumps`, src/engine/venues): the raw `info` fields that mean the
// venue's own margin, rate and mode, instead of ccxt's unified fields whose meaning differs per exchange (issue 11).
import type { Dec } from '../core/decimal';
import type { MarginMode, Span } from '../core/types';
import type { DumpReading } from '../venues/descriptor';
import { dec } from './foreign';
import type { Ctx } from './parse-context';
import { get, type LNode, type ObjNode } from './tree';

/** A dotted path into `info` (`position.marginUsed`). */
export function infoNode(info: ObjNode | null, path: string): LNode | undefined {
  let node: LNode | undefined = info ?? undefined;
  for (const key of path.split('.')) {
    if (!node || node.kind !== 'object') return undefined;
    node = get(node, key);
  }
  return node;
}

export function infoDec(ctx: Ctx, info: ObjNode | null, path: string): { value: Dec; span: Span } | null {
  const dot = path.lastIndexOf('.');
  const parent = dot < 0 ? info : infoNode(info, path.slice(0, dot));
  return parent && parent.kind === 'object' ? dec(ctx, parent, path.slice(dot + 1), `info.${path}`) : null;
}

/** The raw margin-mode field when ccxt leaves `marginMode` undefined (Bybit tradeMode, BitMEX crossMargin). */
export function rawMarginMode(reading: DumpReading | null, info: ObjNode | null): MarginMode | null {
  if (!reading?.marginModeField) return null;
  const node = infoNode(info, reading.marginModeField.field);
  if (!node) return null;
  const v = node.kind === 'string' ? node.value.trim() : node.kind === 'number' ? node.raw : node.kind === 'bool' ? String(node.value) : null;
  if (v === null || v === '') return null;
  return v.toLowerCase() === reading.marginModeField.isolated.toLowerCase() ? 'isolated' : 'cross';
}

export interface IsolatedReading {
  value: Dec;
  span: Span;
  /** What the margin was read from, for diagnostics. */
  how: string;
}

/** Isolated margin without unrealised PnL: the first raw field present, else the unified collateral as the table says. */
export function isolatedMarginOf(ctx: Ctx, reading: DumpReading, info: ObjNode | null, collateral: { value: Dec; span: Span } | null, upnl: Dec | null): IsolatedReading | null {
  for (const f of reading.isolatedMargin) {
    const d = infoDec(ctx, info, f.field);
    if (!d) continue;
    if (!f.includesPnl) return { value: d.value, span: d.span, how: `info.${f.field}` };
    if (upnl !== null) return { value: d.value.minus(upnl), span: d.span, how: `info.${f.field} − unrealizedPnl` };
  }
  if (!collateral) return null;
  if (reading.isolatedCollateral === 'without-pnl') return { value: collateral.value, span: collateral.span, how: 'collateral (no PnL on this exchange)' };
  if (reading.isolatedCollateral === 'with-pnl' && upnl !== null) return { value: collateral.value.minus(upnl), span: collateral.span, how: 'collateral − unrealizedPnl' };
  return null;
}

/** The venue's own flat maintenance rate for a row without tiers: the raw rate field, else ccxt's unified one if usable. */
export function maintenanceRateOf(ctx: Ctx, reading: DumpReading | null, item: ObjNode, info: ObjNode | null): { value: Dec; span: Span } | null {
  if (reading?.maintenance.rateField) {
    const raw = infoDec(ctx, info, reading.maintenance.rateField);
    if (raw && raw.value.gt(0)) return raw;
  }
  if (reading && !reading.maintenance.unifiedRateUsable) return null;
  return dec(ctx, item, 'maintenanceMarginPercentage');
}
