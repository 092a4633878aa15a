// freqtrade's open trades (REST API `/api/v1/status`, a list of OpenTradeSchema — freqtrade/rpc/api_server/api_schemas.py)
// saved to a *.positions.json file → read-only PerpAccounts (issue 11 item 5). freqtrade stores its liquidation price
// with a safety buffer (`liquidation_buffer`, default 0.05: long liq + b·|open_rate − liq|, short liq − b·|…|); the
// reader undoes it so the cross-check compares like with like. `current_rate` is a last/bid/ask price, not a mark.
import { Dec } from '../core/decimal';
import type { Account, MarginMode, PerpAccount, PerpPosition, PerpVenueId, Span, VenueId } from '../core/types';
import { nativeSymbol, splitSymbol, venueOfExchange } from './ccxt-dump';
import { ccxtReading } from '../venues/registry';
import { bool, dec, text } from './foreign';
import { emptyMarket } from './market';
import type { Ctx } from './parse-context';
import { chooseTakerFee } from './taker-fees';
import { describe, get, type LNode, type ObjNode } from './tree';

/** freqtrade's default `liquidation_buffer` (config key; the API answer does not carry it). */
export const FREQTRADE_DEFAULT_BUFFER = '0.05';

/** A list whose first object looks like a freqtrade trade (pair + open_rate + is_short or trade_id). */
export function isFreqtradeStatus(root: LNode): boolean {
  if (root.kind !== 'array') return false;
  const first = root.items.find((i) => i.kind === 'object');
  return first !== undefined && first.kind === 'object' && get(first, 'pair') !== undefined && get(first, 'open_rate') !== undefined && (get(first, 'is_short') !== undefined || get(first, 'trade_id') !== undefined);
}

/** stored = raw ± b·|EP − raw| (towards the entry) ⇒ raw = (stored − b·EP)/(1 − b), for both sides. */
export function unbuffer(stored: Dec, entry: Dec, buffer: Dec): Dec {
  return stored.minus(buffer.mul(entry)).div(new Dec(1).minus(buffer));
}

interface Row { position: PerpPosition; venue: PerpVenueId; settle: string | null; span: Span }

export function readFreqtrade(ctx: Ctx, root: LNode): { venue: VenueId | null; accounts: Account[] } {
  if (root.kind !== 'array') return { venue: null, accounts: [] };
  const rows: Row[] = [];
  let saidRate = false;
  for (const item of root.items) {
    const r = readTrade(ctx, item, () => {
      if (saidRate) return false;
      saidRate = true;
      return true;
    });
    if (r) rows.push(r);
  }
  if (root.items.length === 0) ctx.diags.info('empty-file', 'freqtrade reports no open trade', ctx.lines.span(root.span.offset, 1));
  const accounts: PerpAccount[] = [];
  const make = (rs: Row[], span: Span, source: PerpAccount['walletSource']): PerpAccount => ({
    kind: 'perp', venue: rs[0]!.venue, account: null, settleCurrency: rs[0]!.settle, positionMode: 'one-way', walletBalance: null,
    walletSource: source, asOf: null, positions: rs.map((r) => r.position), readOnly: true, span, fields: {},
  });
  const isolated = new Map<string, Row[]>();
  for (const r of rows) {
    if (r.position.marginMode === 'cross') {
      accounts.push(make([r], r.span, 'none'));
      continue;
    }
    const key = `${r.venue}\u0000${r.settle ?? ''}`;
    isolated.set(key, [...(isolated.get(key) ?? []), r]);
  }
  for (const rs of isolated.values()) accounts.push(make(rs, root.span, 'freqtrade'));
  const venues = new Set(accounts.map((a) => a.venue));
  return { venue: venues.size === 1 ? [...venues][0]! : null, accounts };
}

function readTrade(ctx: Ctx, item: LNode, firstRate: () => boolean): Row | null {
  if (item.kind !== 'object') {
    ctx.diags.error('invalid-value', `Each freqtrade trade must be an object; got ${describe(item)}`, item.span);
    return null;
  }
  const pair = text(item, 'pair');
  const u = pair ? splitSymbol(pair) : null;
  const inverse = u !== null && u.settle === u.base;
  const exchange = text(item, 'exchange')?.toLowerCase() ?? null;
  const venue = (exchange ? venueOfExchange(exchange, inverse) : null) ?? (inverse ? 'generic-inverse' : 'generic-linear');
  if (exchange && !venueOfExchange(exchange, inverse)) ctx.diags.warning('foreign-unknown-exchange', `freqtrade exchange "${exchange}" is not one this reader maps to a venue; the generic model (flat mmr) is used`, get(item, 'exchange')!.span);
  const symbol = pair ? nativeSymbol(null, pair, u, venue) : null;
  const mode = text(item, 'trading_mode')?.toLowerCase() ?? null;
  const tradeId = text(item, 'trade_id');
  const fields: Record<string, Span> = {};
  const put = (k: string, v: { span: Span } | null) => { if (v) fields[k] = v.span; };
  if (mode === 'spot') {
    ctx.diags.info('zero-size', `freqtrade trade ${tradeId ?? symbol ?? ''} is a spot trade: no leverage, no liquidation, no row`, get(item, 'trading_mode')!.span);
    return null;
  }
  let reason: string | null = null;
  const fail = (r: string, key: string) => {
    reason ??= r;
    ctx.diags.error('foreign-field', `freqtrade trade ${tradeId ?? ''}: ${r}`, get(item, key)?.span ?? item.span);
  };
  if (mode === 'margin') fail('trading_mode "margin" (spot margin) is not supported in v1; only futures are', 'trading_mode');
  const amount = dec(ctx, item, 'amount');
  const entry = dec(ctx, item, 'open_rate');
  const current = dec(ctx, item, 'current_rate');
  const isShort = bool(item, 'is_short');
  const side = isShort === null ? null : isShort ? 'short' : 'long';
  if (!pair) fail('no pair', 'pair');
  if (!amount || amount.value.isZero()) fail('no amount', 'amount');
  if (!entry || entry.value.lte(0)) fail('no open_rate', 'open_rate');
  if (side === null) fail('no is_short (side)', 'is_short');
  put('size', amount);
  put('entryPrice', entry);
  if (get(item, 'pair')) fields.symbol = get(item, 'pair')!.span;

  const market = emptyMarket(symbol ?? '');
  market.markPrice = current && current.value.gt(0) ? current.value : null;
  put('markPrice', current);
  if (current && firstRate()) ctx.diags.info('freqtrade-last-price', 'freqtrade\'s current_rate is its exit-side rate (last, bid or ask), not the venue\'s mark price: distance, probability and the liquidation check use it as the mark', current.span);

  const modeText = text(item, 'margin_mode')?.toLowerCase() ?? null;
  let marginMode: MarginMode = 'isolated';
  if (modeText === 'cross') marginMode = 'cross';
  else if (modeText === null) ctx.diags.info('freqtrade-margin-mode', `freqtrade trade ${tradeId ?? ''}: the answer has no margin_mode (a bot setting): isolated is assumed, with stake_amount as its margin`, item.span);
  else if (modeText !== 'isolated') fail(`margin_mode "${modeText}" is not supported`, 'margin_mode');
  const leverage = dec(ctx, item, 'leverage');
  put('leverage', leverage);
  const stake = dec(ctx, item, 'stake_amount');
  let isolatedMargin: Dec | null = null;
  if (marginMode === 'isolated') {
    if (stake) {
      // freqtrade: isolated wallet_balance = stake_amount (the trade's collateral).
      isolatedMargin = stake.value;
      put('isolatedMargin', stake);
    } else if (!leverage) fail('isolated trade without stake_amount or leverage', 'stake_amount');
  }

  // Reported price: freqtrade's stored price less its buffer.
  const stored = dec(ctx, item, 'liquidation_price');
  const bufferNode = dec(ctx, item, 'liquidation_buffer');
  const buffer = bufferNode?.value ?? new Dec(FREQTRADE_DEFAULT_BUFFER);
  let reported: Dec | null = null;
  if (stored && stored.value.gt(0) && entry && entry.value.gt(0) && buffer.lt(1)) {
    reported = unbuffer(stored.value, entry.value, buffer);
    put('reportedLiquidationPrice', stored);
    ctx.diags.info('freqtrade-liquidation-buffer', `freqtrade stores its liquidation price with a safety buffer (liquidation_buffer ${buffer.toFixed()}${bufferNode ? '' : ', freqtrade\'s default; add "liquidation_buffer" to the trade if your bot uses another'}): ${stored.value.toFixed()} is the buffered price, ${reported.toSignificantDigits(12).toFixed()} the unbuffered one that is compared with ours`, stored.span);
  }

  // Fee: freqtrade's own fee_close rate is the file's taker rate on venues whose formula adds it (OKX, Gate).
  const reading = exchange ? (ccxtReading(exchange.trim().toLowerCase(), inverse)?.reading ?? null) : null;
  if (reading?.fee.inFormula === 'taker-added-to-mmr') {
    const own = dec(ctx, item, 'fee_close');
    if (own) market.takerFee = own.value;
    chooseTakerFee(ctx, market, venue, reading.fee.defaultTaker ? { rate: reading.fee.defaultTaker, source: reading.fee.defaultTakerSource ?? venue } : null, get(item, 'pair')?.span ?? item.span, `freqtrade trade ${tradeId ?? ''}`);
  } else if (ctx.takerFees?.[venue]) chooseTakerFee(ctx, market, venue, null, item.span, `freqtrade trade ${tradeId ?? ''}`);

  const idNode = get(item, 'trade_id');
  const id = ctx.ids.assign(tradeId && idNode ? { id: tradeId, span: idNode.span } : null, symbol, side);
  if (reason !== null || !amount || !entry || side === null || symbol === null) {
    ctx.unknown.push({ id, kind: 'perp', venue, account: null, symbol, side, reason: reason ?? 'unreadable freqtrade trade', span: item.span });
    return null;
  }
  const missing = marginMode === 'cross'
    ? 'the account\'s wallet: freqtrade\'s status carries none for a cross trade (use a ccxt dump with "balance": fetchBalance())'
    : `maintenance figures for ${symbol}: freqtrade's status carries no maintenance rate and no bundled table exists (write a native file with tiers or mmr)`;
  const position: PerpPosition = {
    id, symbol, side, size: amount.value.abs(), entryPrice: entry.value, marginMode, isolatedMargin, leverage: leverage?.value ?? null,
    market, reportedLiquidationPrice: reported, missingForOwnPrice: missing, span: item.span, fields,
  };
  return { position, venue, settle: u?.settle ?? null, span: item.span };
}

export type { ObjNode };
