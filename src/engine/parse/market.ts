// Market fields of docs/format.md §2 (on `markets[symbol]` or on a position, which wins) and inline tier tables (docs/format.md §4.1).
import { quote } from '../core/quote-text';
import type { Dec } from '../core/decimal';
import type { MarketSpec, OrderBook, PerpVenueId, Span, Tier, TierTable } from '../core/types';
import type { Ctx } from './parse-context';
import type { Fix } from './diags';
import { inSourceStyle } from './number-slips';
import { describe, type LNode, type ObjNode } from './tree';
import { readAmount, readDuration, readFloat, readFraction, readString, readTime } from './values';
import { perpVenue } from '../venues/registry';

export interface MarketFields {
  spec: Partial<MarketSpec>;
  fields: Record<string, Span>;
  /** Fields written (even when their value was refused), so a refused mark is not also "missing". */
  present: Set<string>;
}

export function emptyFields(): MarketFields {
  return { spec: {}, fields: {}, present: new Set() };
}

/** Canonical market field names, and the aliases accepted for them. */
export const MARKET_KEYS = [
  'markPrice', 'markTime', 'tiers', 'mmr', 'cum', 'maxLeverage', 'contractSize', 'tickSize', 'stepSize', 'takerFee',
  'fundingRate', 'fundingInterval', 'volatility', 'impliedVolatility', 'history', 'dailyVolume', 'orderBook',
  'liquidationFee',
] as const;
export const MARKET_ALIASES: Record<string, string> = { mmDeduction: 'cum', deduction: 'cum' };

export function canonicalMarketKey(key: string): string | null {
  if ((MARKET_KEYS as readonly string[]).includes(key)) return key;
  return MARKET_ALIASES[key] ?? null;
}

/** Reads one market field into `out`; false when `key` is not a market field. */
export function readMarketField(ctx: Ctx, key: string, node: LNode, out: MarketFields, venue: PerpVenueId): boolean {
  const name = canonicalMarketKey(key);
  if (name === null) return false;
  out.present.add(name);
  out.fields[name] = node.span;
  const s = out.spec;
  switch (name) {
    case 'markPrice': s.markPrice = readAmount(ctx, node, 'markPrice', { positive: true }); break;
    case 'markTime': s.markTime = readTime(ctx, node, 'markTime'); break;
    case 'tiers': s.tiers = readTiers(ctx, node, venue); break;
    case 'mmr': s.mmr = readFraction(ctx, node, 'mmr', 'rate'); break;
    case 'cum': s.cum = readAmount(ctx, node, key); break;
    case 'maxLeverage': s.maxLeverage = readAmount(ctx, node, 'maxLeverage', { positive: true }); break;
    case 'contractSize': s.contractSize = readAmount(ctx, node, 'contractSize', { positive: true }); break;
    case 'tickSize': s.tickSize = readAmount(ctx, node, 'tickSize', { positive: true }); break;
    case 'stepSize': s.stepSize = readAmount(ctx, node, 'stepSize', { positive: true }); break;
    case 'takerFee': s.takerFee = readFraction(ctx, node, 'takerFee', 'rate'); break;
    case 'fundingRate': s.fundingRate = readFraction(ctx, node, 'fundingRate', 'signed'); break;
    case 'fundingInterval': s.fundingInterval = readDuration(ctx, node, 'fundingInterval'); break;
    case 'volatility': s.volatility = readFloat(ctx, node, 'volatility', { nonNegative: true }); break;
    case 'impliedVolatility': s.impliedVolatility = readFloat(ctx, node, 'impliedVolatility', { nonNegative: true }); break;
    case 'history': s.history = readString(ctx, node, 'history'); break;
    case 'dailyVolume': s.dailyVolume = readAmount(ctx, node, 'dailyVolume', { nonNegative: true }); break;
    case 'orderBook': s.orderBook = readOrderBook(ctx, node); break;
    case 'liquidationFee': s.liquidationFee = readFraction(ctx, node, 'liquidationFee', 'rate'); break;
  }
  return true;
}

/** Reads a `markets[symbol]` object; unknown keys warn. */
export function readMarketObject(ctx: Ctx, symbol: string, node: LNode, venue: PerpVenueId): MarketFields {
  const out = emptyFields();
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `markets.${symbol} must be an object of market fields (markPrice, tiers, …); got ${describe(node)}`, node.span);
    return out;
  }
  for (const e of node.entries) {
    if (!readMarketField(ctx, e.key, e.value, out, venue)) unknownKey(ctx, e.key, e.keySpan, `markets.${symbol}`, MARKET_KEYS);
  }
  return out;
}

export function mergeMarket(symbol: string, base: MarketFields | undefined, own: MarketFields): { spec: MarketSpec; fields: Record<string, Span>; present: Set<string> } {
  const spec = emptyMarket(symbol);
  if (base) assignDefined(spec, base.spec);
  assignDefined(spec, own.spec);
  spec.symbol = symbol;
  const present = new Set(base?.present);
  for (const k of own.present) present.add(k);
  return { spec, fields: Object.assign({}, base?.fields, own.fields), present };
}

/** Copies the fields of `from` that are not undefined onto `to` (as spreading only the defined ones). */
function assignDefined<T extends object>(to: T, from: Partial<T>): void {
  for (const k in from) if (from[k] !== undefined) to[k] = from[k]!;
}

export function emptyMarket(symbol: string): MarketSpec {
  return {
    symbol, markPrice: null, markTime: null, tiers: null, mmr: null, cum: null, maxLeverage: null, contractSize: null,
    tickSize: null, stepSize: null, takerFee: null, fundingRate: null, fundingInterval: null, volatility: null,
    impliedVolatility: null, history: null, dailyVolume: null, orderBook: null, liquidationFee: null,
  };
}

/** Closest known key by edit distance, for "did you mean" in unknown-key warnings. */
export function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(key.length / 4)) ? best : null;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function unknownKey(ctx: Ctx, key: string, span: Span, where: string, known: readonly string[]): void {
  const near = closest(key, known);
  const tip = near ? ` — did you mean "${near}"?` : '';
  const fix = near ? renameFix(ctx, span, near) : null;
  ctx.diags.warning('unknown-key', `Unknown key ${quote(key)} in ${where}; it is ignored${tip}`, span, fix);
}

/** Renames the key at `span` to `name`, keeping its quotes (a CSV header keeps its snake_case). */
export function renameFix(ctx: Ctx, span: Span, name: string): Fix {
  const written = ctx.text.slice(span.offset, span.offset + span.length);
  const styled = ctx.format === 'csv' && /_/.test(written) ? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : name;
  const replacement = inSourceStyle(ctx.text, span.offset, styled, ctx.format, true);
  return { replacement, title: `Rename to ${styled}` };
}

const BUNDLED_NAME = /^[a-z0-9-]+\/[A-Za-z0-9._:/-]+?(@\d{4}-\d{2}-\d{2})?$/;

function readTiers(ctx: Ctx, node: LNode, venue: PerpVenueId): TierTable | string | null {
  if (node.kind === 'string') {
    const name = node.value.trim();
    if (!BUNDLED_NAME.test(name)) {
      ctx.diags.error('invalid-value', `tiers must name a bundled table such as "${venue}/BTCUSDT" or "${venue}/BTCUSDT@2021-06-01", or be a list of tiers; got ${describe(node)}`, node.span);
      return null;
    }
    return name;
  }
  if (node.kind !== 'array') {
    ctx.diags.error('invalid-value', `tiers must be a bundled table name or a list of { floor, cap, mmr, cum } tiers; got ${describe(node)}`, node.span);
    return null;
  }
  const tiers: Tier[] = [];
  for (const item of node.items) {
    const t = readTier(ctx, item);
    if (t) tiers.push(t);
  }
  if (tiers.length === 0) {
    ctx.diags.error('invalid-value', 'tiers is an empty list; give at least one tier or remove the key', node.span);
    return null;
  }
  const table: TierTable = { source: 'inline', date: null, tiers, upperInclusive: perpVenue(venue).tierBoundary === 'cap-inclusive' };
  return table;
}

const TIER_KEYS = ['floor', 'cap', 'mmr', 'cum', 'maxLeverage', 'tier'];

function readTier(ctx: Ctx, node: LNode): Tier | null {
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `each tier must be an object { floor, cap, mmr, cum, maxLeverage }; got ${describe(node)}`, node.span);
    return null;
  }
  let floor: Dec | null = null;
  let cap: Dec | null = null;
  let mmr: Dec | null = null;
  let cum: Dec | null = null;
  let maxLeverage: number | null = null;
  let bad = false;
  const seen = new Set<string>();
  for (const e of node.entries) {
    const key = MARKET_ALIASES[e.key] ?? e.key;
    seen.add(key);
    if (key === 'floor') bad ||= (floor = readAmount(ctx, e.value, 'floor', { nonNegative: true })) === null;
    else if (key === 'cap') {
      if (e.value.kind === 'null' || (e.value.kind === 'string' && /^(inf|infinity|∞|)$/i.test(e.value.value.trim()))) cap = null;
      else bad ||= (cap = readAmount(ctx, e.value, 'cap', { positive: true })) === null;
    } else if (key === 'mmr') bad ||= (mmr = readFraction(ctx, e.value, 'mmr', 'rate')) === null;
    else if (key === 'cum') bad ||= (cum = readAmount(ctx, e.value, e.key)) === null;
    else if (key === 'maxLeverage') maxLeverage = readFloat(ctx, e.value, 'maxLeverage', { nonNegative: true });
    else if (key !== 'tier') unknownKey(ctx, e.key, e.keySpan, 'a tier', TIER_KEYS);
  }
  for (const req of ['floor', 'mmr']) {
    if (!seen.has(req)) {
      ctx.diags.error('missing-field', `This tier has no ${req}; write e.g. { floor: "0", cap: "50000", mmr: "0.004", cum: "0" }`, node.span);
      bad = true;
    }
  }
  if (bad || floor === null || mmr === null) return null;
  return { floor, cap, mmr, cum, maxLeverage, span: node.span };
}

function readOrderBook(ctx: Ctx, node: LNode): OrderBook | null {
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `orderBook must be { bids: [[price, size], …], asks: [[price, size], …] }; got ${describe(node)}`, node.span);
    return null;
  }
  const book: OrderBook = { bids: [], asks: [] };
  for (const e of node.entries) {
    if (e.key !== 'bids' && e.key !== 'asks') {
      unknownKey(ctx, e.key, e.keySpan, 'orderBook', ['bids', 'asks']);
      continue;
    }
    const levels = readLevels(ctx, e.value, e.key);
    if (levels === null) return null;
    book[e.key] = levels;
  }
  return book;
}

function readLevels(ctx: Ctx, node: LNode, side: string): Array<[Dec, Dec]> | null {
  if (node.kind !== 'array') {
    ctx.diags.error('invalid-value', `orderBook.${side} must be a list of [price, size] pairs; got ${describe(node)}`, node.span);
    return null;
  }
  const out: Array<[Dec, Dec]> = [];
  for (const lv of node.items) {
    if (lv.kind !== 'array' || lv.items.length < 2) {
      ctx.diags.error('invalid-value', `each orderBook.${side} level must be [price, size]; got ${describe(lv)}`, lv.span);
      return null;
    }
    const p = readAmount(ctx, lv.items[0]!, `orderBook.${side} price`, { positive: true });
    const q = readAmount(ctx, lv.items[1]!, `orderBook.${side} size`, { nonNegative: true });
    if (p === null || q === null) return null;
    out.push([p, q]);
  }
  return out;
}

/** The object node's own fields as canonical market keys (helper for CSV rows and foreign rows). */
export function isMarketKey(key: string): boolean {
  return canonicalMarketKey(key) !== null;
}

export type { ObjNode };
