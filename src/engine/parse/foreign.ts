// Helpers shared by the foreign dialects (CCXT dumps, Hyperliquid clearinghouseState, docs/format.md §5).
import type { Dec } from '../core/decimal';
import { resolveTierTable } from '../perp/tier-tables';
import type { PerpVenueId, Span } from '../core/types';
import type { Ctx } from './parse-context';
import { get, type LNode, type ObjNode } from './tree';
import { readAmount } from './values';

/** An object child, or null when absent / not an object. */
export function obj(node: LNode | undefined | null, key: string): ObjNode | null {
  if (!node || node.kind !== 'object') return null;
  const v = get(node, key);
  return v && v.kind === 'object' ? v : null;
}

/** A decimal field (number or numeric string, exact from the source text); null when absent or null. */
export function dec(ctx: Ctx, node: ObjNode | null, key: string, name = key): { value: Dec; span: Span } | null {
  const v = node ? get(node, key) : undefined;
  if (!v || v.kind === 'null' || (v.kind === 'string' && v.value.trim() === '')) return null;
  const d = readAmount(ctx, v, name);
  return d === null ? null : { value: d, span: v.span };
}

export function text(node: ObjNode | null, key: string): string | null {
  const v = node ? get(node, key) : undefined;
  if (!v) return null;
  if (v.kind === 'string') return v.value.trim() || null;
  if (v.kind === 'number') return v.raw;
  return null;
}

export function bool(node: ObjNode | null, key: string): boolean | null {
  const v = node ? get(node, key) : undefined;
  return v && v.kind === 'bool' ? v.value : null;
}

/** Whether a bundled tier table exists for the symbol (foreign rows prefer it over a flat rate, docs/format.md §5). */
export function bundledExists(ctx: Ctx, venue: PerpVenueId, symbol: string): boolean {
  if (ctx.hasBundledTiers) return ctx.hasBundledTiers(venue, symbol);
  try {
    return resolveTierTable(venue, symbol, null).table !== null;
  } catch {
    return false;
  }
}
