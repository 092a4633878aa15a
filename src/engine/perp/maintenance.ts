// Where maintenance margin comes from (docs/format.md §4.1): tiers > mmr (+cum) > maxLeverage (hyperliquid) > bundled table.
import { ONE, ZERO, type Dec } from '../core/decimal';
import type { Diagnostic, PerpPosition, Tier, TierTable, TierUsed } from '../core/types';
import { diagnostic } from '../core/diagnostics';
import type { MmPiece } from './solver';
import { resolveTierTable } from './tier-tables';
import type { TierKey, VenueModel } from './venue-model';

export type MmSource =
  | { kind: 'table'; table: TierTable }
  | { kind: 'flat'; mmr: Dec; cum: Dec }
  | { kind: 'builtin'; c1: Dec; c2: Dec };

export function resolveMaintenance(model: VenueModel, p: PerpPosition): { source: MmSource | null; diagnostics: Diagnostic[] } {
  const m = p.market;
  const diagnostics: Diagnostic[] = [];
  const tiersSpan = p.fields.tiers ?? p.span;
  const second = (field: string, used: string): void => {
    diagnostics.push(diagnostic('warning', 'second-mm-source', `${field} is ignored: maintenance margin comes from ${used}`, p.fields[field] ?? p.span));
  };
  const levIsMm = model.maxLeverageIsMm && m.maxLeverage !== null;
  if (m.tiers !== null) {
    const r = resolveTierTable(model.id, p.symbol, m.tiers, tiersSpan);
    diagnostics.push(...r.diagnostics);
    if (m.mmr !== null) second('mmr', 'tiers');
    if (levIsMm) second('maxLeverage', 'tiers');
    return { source: r.table && r.table.tiers.length > 0 ? { kind: 'table', table: r.table } : null, diagnostics };
  }
  if (m.mmr !== null) {
    if (levIsMm) second('maxLeverage', 'mmr');
    return { source: { kind: 'flat', mmr: m.mmr, cum: m.cum ?? ZERO }, diagnostics };
  }
  if (levIsMm && m.maxLeverage!.gt(0)) {
    // https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations : MM is half the initial margin at max leverage
    return { source: { kind: 'flat', mmr: ONE.div(m.maxLeverage!.mul(2)), cum: ZERO }, diagnostics };
  }
  const builtin = model.builtinMm(p);
  if (builtin) return { source: { kind: 'builtin', c1: builtin[0], c2: builtin[1] }, diagnostics };
  const r = resolveTierTable(model.id, p.symbol, null, p.span);
  diagnostics.push(...r.diagnostics);
  return { source: r.table ? { kind: 'table', table: r.table } : null, diagnostics };
}

export interface LegMm {
  pieces: MmPiece[];
  upperInclusive: boolean;
  table: TierTable | null;
  /** Tier fixed by entry value or size (Bybit/BitMEX/OKX), else null (looked up at the price). */
  fixedTier: number | null;
}

/** Index of the tier holding x: [floor, cap) or (floor, cap]; below the first ⇒ first, in a gap/beyond ⇒ the last started. */
export function tierIndexAt(tiers: Tier[], x: Dec, upperInclusive: boolean): number {
  let found = 0;
  tiers.forEach((t, i) => {
    if (i === 0) return;
    if (upperInclusive ? x.gt(t.floor) : x.gte(t.floor)) found = i;
  });
  return found;
}

/**
 * MM pieces in the leg's notional x (quote for linear, coin for inverse):
 * notional key ⇒ MM = x·(MMR_n + fee) − cum_n per tier; entry key ⇒ a constant at the entry value; size key ⇒ tier fixed by size.
 */
export function buildLegMm(source: MmSource, key: TierKey, fee: Dec, entryNotional: Dec, size: Dec, defaultUpper: boolean): LegMm {
  if (source.kind === 'builtin') {
    return { pieces: [{ lo: ZERO, hi: null, c0: ZERO, c1: source.c1, c2: source.c2, ref: null }], upperInclusive: false, table: null, fixedTier: null };
  }
  const table: TierTable | null = source.kind === 'table' ? source.table : null;
  const tiers: Tier[] = table ? table.tiers : [{ floor: ZERO, cap: null, mmr: (source as { mmr: Dec }).mmr, cum: (source as { cum: Dec }).cum, maxLeverage: null }];
  const upper = table?.upperInclusive ?? defaultUpper;
  if (key === 'notional') {
    const pieces = tiers.map((t, i) => ({
      lo: i === 0 ? ZERO : t.floor,
      hi: t.cap,
      c0: (t.cum ?? ZERO).neg(),
      c1: t.mmr.plus(fee),
      c2: ZERO,
      ref: i,
    }));
    return { pieces, upperInclusive: upper, table, fixedTier: null };
  }
  const i = tierIndexAt(tiers, key === 'entry' ? entryNotional : size, upper);
  const t = tiers[i]!;
  const cum = t.cum ?? ZERO;
  const piece: MmPiece =
    key === 'entry'
      ? { lo: ZERO, hi: null, c0: entryNotional.mul(t.mmr.plus(fee)).minus(cum), c1: ZERO, c2: ZERO, ref: i }
      : { lo: ZERO, hi: null, c0: cum.neg(), c1: t.mmr.plus(fee), c2: ZERO, ref: i };
  return { pieces: [piece], upperInclusive: upper, table, fixedTier: i };
}

export function tierUsed(table: TierTable | null, index: number | null): TierUsed | null {
  if (!table || index === null) return null;
  const t = table.tiers[index];
  if (!t) return null;
  return { index: index + 1, floor: t.floor, cap: t.cap, mmr: t.mmr, cum: t.cum, source: table.source };
}
