// Perp positions and accounts of a native file (docs/format.md §2, §2.2): ids, sides, market merge, isolated margin
// defaults, and the checks of docs/format.md §7 that belong to the reader.
import { quote } from '../core/quote-text';
import { Dec } from '../core/decimal';
import type { MarginMode, PerpAccount, PerpPosition, PerpVenueId, PositionMode, Side, Span } from '../core/types';
import type { Ctx } from './parse-context';
import { emptyFields, mergeMarket, readMarketField, unknownKey, MARKET_KEYS, type MarketFields } from './market';
import { describe, type LNode, type ObjNode } from './tree';
import { readAmount, readEnum, readString } from './values';
import { isInverse, perpVenue } from '../venues/registry';

export const POSITION_KEYS = ['id', 'symbol', 'side', 'size', 'entryPrice', 'marginMode', 'isolatedMargin', 'leverage', 'reportedLiquidationPrice'] as const;
const UNSUPPORTED_MODES = /^(portfolio|portfolio-margin|pm|multi-?assets?|multi-?currency|unified|spot-?hedge)$/i;

export interface PerpDefaults {
  venue: PerpVenueId;
  account: string | null;
  marginMode: MarginMode;
  settleCurrency: string | null;
}

/** Reads a margin mode word; portfolio / multi-asset are out of v1 (docs/format.md §2.2). */
export function readMarginMode(ctx: Ctx, node: LNode): MarginMode | 'unsupported' | null {
  if (node.kind === 'string' && UNSUPPORTED_MODES.test(node.value.trim())) {
    ctx.diags.error('unsupported-margin-mode', `Margin mode ${describe(node)} is not supported in v1 (portfolio / multi-asset margin values collateral with haircuts); use cross or isolated, or leave this account out`, node.span);
    return 'unsupported';
  }
  return readEnum(ctx, node, 'marginMode', ['cross', 'isolated'] as const);
}

export function readPositionMode(ctx: Ctx, node: LNode): PositionMode | null {
  if (node.kind === 'string' && /^(oneway|one_way|one way|single)$/i.test(node.value.trim())) return 'one-way';
  return readEnum(ctx, node, 'positionMode', ['one-way', 'hedge'] as const);
}

interface Draft {
  own: MarketFields;
  /** The span of each position key the entry gives (also: which keys are present). */
  fields: Record<string, Span>;
  id: { id: string; span: Span } | null;
  symbol: string | null;
  side: Side | null;
  size: Dec | null;
  entryPrice: Dec | null;
  marginMode: MarginMode | 'unsupported' | null;
  isolatedMargin: Dec | null;
  leverage: Dec | null;
  reported: Dec | null;
}

const present = (d: Draft, key: (typeof POSITION_KEYS)[number]): boolean => d.fields[key] !== undefined;

function readDraft(ctx: Ctx, node: ObjNode, venue: PerpVenueId): Draft {
  const d: Draft = { own: emptyFields(), fields: {}, id: null, symbol: null, side: null, size: null, entryPrice: null, marginMode: null, isolatedMargin: null, leverage: null, reported: null };
  const f = d.fields;
  // each case stores its span under a literal name: a store under a computed key took 4× as long (issue 10 profile)
  for (const e of node.entries) {
    const v = e.value;
    const key = e.key;
    switch (key) {
      case 'id': { f.id = v.span; const id = readString(ctx, v, 'id'); d.id = id === null ? null : { id, span: v.span }; break; }
      case 'symbol': f.symbol = v.span; d.symbol = readString(ctx, v, 'symbol'); break;
      case 'side': f.side = v.span; d.side = readEnum(ctx, v, 'side', ['long', 'short'] as const); break;
      case 'size': f.size = v.span; d.size = readAmount(ctx, v, 'size'); break;
      case 'entryPrice': f.entryPrice = v.span; d.entryPrice = readAmount(ctx, v, 'entryPrice', { positive: true }); break;
      case 'marginMode': f.marginMode = v.span; d.marginMode = readMarginMode(ctx, v); break;
      case 'isolatedMargin': f.isolatedMargin = v.span; d.isolatedMargin = readAmount(ctx, v, 'isolatedMargin'); break;
      case 'leverage': f.leverage = v.span; d.leverage = readAmount(ctx, v, 'leverage', { positive: true }); break;
      case 'reportedLiquidationPrice': f.reportedLiquidationPrice = v.span; d.reported = readAmount(ctx, v, 'reportedLiquidationPrice', { nonNegative: true }); break;
      default:
        if (!readMarketField(ctx, key, v, d.own, venue)) unknownKey(ctx, key, e.keySpan, 'a position', [...POSITION_KEYS, ...MARKET_KEYS]);
    }
  }
  return d;
}

export interface PositionResult {
  position: PerpPosition | null;
}

/**
 * One position entry → a PerpPosition, or an UnknownEntry in ctx.unknown (with the reason), or nothing (size 0).
 * `markets` null means there is no markets section to check against (CSV rows carry their own market fields).
 */
export function readPosition(ctx: Ctx, node: LNode, defaults: PerpDefaults, markets: Record<string, MarketFields> | null): PerpPosition | null {
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `Each position must be an object with symbol, side, size and entryPrice; got ${describe(node)}`, node.span);
    ctx.unknown.push({ id: ctx.ids.assign(null, null, null, 'position'), kind: 'perp', venue: defaults.venue, account: defaults.account, symbol: null, side: null, reason: 'the entry is not an object', span: node.span });
    return null;
  }
  const venue = defaults.venue;
  const d = readDraft(ctx, node, venue);
  let reason: string | null = null;
  const fail = (r: string) => { reason ??= r; };
  const at = (k: string) => d.fields[k] ?? node.span;

  // Side and signed size (docs/format.md §2).
  let side = d.side;
  let size = d.size;
  if (size !== null) {
    if (size.isNeg() && present(d, 'side')) {
      ctx.diags.error('negative-size-with-side', `size ${size.toFixed()} is negative although side is "${d.side ?? '?'}": write the size unsigned ("${size.abs().toFixed()}") with the side, or drop side and keep the sign`, at('size'));
      fail('negative size together with a side');
    } else if (side === null && !present(d, 'side')) {
      side = size.isNeg() ? 'short' : 'long';
    }
    if (size.isZero()) {
      ctx.diags.info('zero-size', `size is 0: no open position, so no row is reported${d.symbol ? ` for ${d.symbol}` : ''}`, at('size'));
      return null;
    }
    size = size.abs();
  }
  for (const k of ['symbol', 'size', 'entryPrice'] as const) {
    if (!present(d, k)) {
      ctx.diags.error('missing-field', `This position has no ${k}; ${k === 'symbol' ? 'write symbol: BTCUSDT' : k === 'size' ? 'write size: "1.5" (signed, or unsigned with side)' : 'write entryPrice: "32481.98"'}`, node.span);
      fail(`no ${k}`);
    }
  }
  const unreadable = (k: 'symbol' | 'size' | 'entryPrice' | 'side', v: unknown): void => {
    if (v === null && present(d, k)) fail(`${k} is not readable (see its diagnostic)`);
  };
  unreadable('symbol', d.symbol);
  unreadable('size', size);
  unreadable('entryPrice', d.entryPrice);
  unreadable('side', side);
  if (side === null) fail('no side');

  const symbol = d.symbol ?? '';
  const marketsHas = markets === null || Object.prototype.hasOwnProperty.call(markets, symbol);
  if (d.symbol !== null && !marketsHas && !d.own.present.has('markPrice')) {
    ctx.diags.error('unknown-symbol', `${symbol} is not in markets and this position has no markPrice of its own; add markets.${symbol} (markPrice, tiers or mmr) or write markPrice on the position`, at('symbol'));
    fail(`symbol ${symbol} is not in markets`);
  }
  const merged = mergeMarket(symbol, markets?.[symbol], d.own);
  const market = merged.spec;

  // Contract size of inverse venues (docs/format.md §1).
  const settle = defaults.settleCurrency;
  const inverse = d.symbol !== null && isInverse(venue, symbol, settle);
  if (inverse && market.contractSize === null && !merged.present.has('contractSize')) {
    const defaultSize = perpVenue(venue).defaultContractSize(symbol);
    if (defaultSize !== null) {
      market.contractSize = new Dec(defaultSize);
    } else {
      ctx.diags.error('missing-field', `${venue} ${symbol} is inverse: its size counts contracts, so contractSize (USD per contract) is required, e.g. contractSize: "100"`, at('symbol'));
      fail('inverse market without contractSize');
    }
  }

  let marginMode: MarginMode = defaults.marginMode;
  if (d.marginMode === 'unsupported') fail('unsupported margin mode');
  else if (d.marginMode !== null) marginMode = d.marginMode;

  let isolatedMargin = d.isolatedMargin;
  if (marginMode === 'isolated' && !present(d, 'isolatedMargin')) {
    if (d.leverage !== null && size !== null && d.entryPrice !== null) {
      isolatedMargin = defaultIsolatedMargin(size, d.entryPrice, d.leverage, market.contractSize, inverse);
      ctx.diags.info('default-isolated-margin', `isolatedMargin is not given: taken as the initial margin ${inverse ? 'face/entryPrice/leverage' : 'size·entryPrice/leverage'} = ${isolatedMargin.toFixed()}; write the venue's isolated wallet (it includes added margin and funding) for an exact result`, at('leverage'));
    } else {
      ctx.diags.error('isolated-without-margin', `This isolated position has neither isolatedMargin nor leverage; write isolatedMargin: "…" (the position's isolated wallet) or leverage: 10`, at('marginMode'));
      fail('isolated position without isolatedMargin or leverage');
    }
  } else if (marginMode === 'isolated' && isolatedMargin === null) {
    fail('isolatedMargin is not readable');
  }

  const id = ctx.ids.assign(d.id, d.symbol, side);
  if (reason !== null || size === null || d.entryPrice === null || side === null) {
    ctx.unknown.push({ id, kind: 'perp', venue, account: defaults.account, symbol: d.symbol, side, reason: reason ?? 'unreadable position', span: node.span });
    return null;
  }
  return {
    id, symbol, side, size, entryPrice: d.entryPrice, marginMode, isolatedMargin: marginMode === 'isolated' ? isolatedMargin : null,
    leverage: d.leverage, market, reportedLiquidationPrice: d.reported, span: node.span, fields: Object.assign(merged.fields, d.fields),
  };
}

/** docs/format.md §2.2: size·EP/leverage (× contractSize for contract sizes); inverse face/EP/leverage, face = size·contractSize. */
export function defaultIsolatedMargin(size: Dec, entry: Dec, leverage: Dec, contractSize: Dec | null, inverse: boolean): Dec {
  const qty = contractSize ? size.mul(contractSize) : size;
  return inverse ? qty.div(entry).div(leverage) : qty.mul(entry).div(leverage);
}

/** A second cross position of a symbol (one-way), or of a symbol and side (hedge), warns (docs/format.md §2). */
export function checkDuplicatePositions(ctx: Ctx, acct: PerpAccount): void {
  const seen = new Map<string, string>();
  for (const p of acct.positions) {
    if (p.marginMode !== 'cross') continue;
    const key = acct.positionMode === 'hedge' ? `${p.symbol}\u0000${p.side}` : p.symbol;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, p.id);
      continue;
    }
    const what = acct.positionMode === 'hedge' ? `a second ${p.side} cross position of ${p.symbol}` : `a second cross position of ${p.symbol} in one-way mode`;
    ctx.diags.warning('duplicate-position', `This is ${what} (the first is ${quote(first)}); the venue would hold one, so it is evaluated as given with the other — merge them or set positionMode: hedge if that is the account's mode`, p.fields.symbol ?? p.span);
  }
}

/** Collects explicit ids of entries up front so generated ids never take them. */
export function explicitIds(items: LNode[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind !== 'object') continue;
    for (const e of it.entries) if (e.key === 'id' && (e.value.kind === 'string' || e.value.kind === 'number')) out.push(e.value.kind === 'string' ? e.value.value.trim() : e.value.raw);
  }
  return out;
}
