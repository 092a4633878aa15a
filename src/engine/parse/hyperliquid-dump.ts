// Hyperliquid `clearinghouseState` (info endpoint, docs/format.md §5) → one read-only PerpAccount (venue hyperliquid).
import { Dec } from '../core/decimal';
import type { Account, PerpAccount, PerpPosition, Span, VenueId } from '../core/types';
import type { Ctx } from './parse-context';
import { dec, obj, text } from './foreign';
import { emptyMarket } from './market';
import { describe, get, type LNode, type ObjNode } from './tree';
import { readTime } from './values';

export function readHyperliquid(ctx: Ctx, root: LNode): { venue: VenueId | null; accounts: Account[] } {
  if (root.kind !== 'object') return { venue: null, accounts: [] };
  const list = get(root, 'assetPositions');
  const timeNode = get(root, 'time');
  const time = timeNode && timeNode.kind !== 'null' ? readTime(ctx, timeNode, 'time') : null;
  const acct: PerpAccount = {
    kind: 'perp', venue: 'hyperliquid', account: text(root, 'user') ?? null, settleCurrency: 'USDC', positionMode: 'one-way',
    walletBalance: null, walletSource: 'hyperliquid', asOf: time, positions: [], readOnly: true, span: root.span, fields: {},
  };
  if (!list || list.kind !== 'array') {
    ctx.diags.error('invalid-value', `assetPositions must be a list; got ${list ? describe(list) : 'nothing'}`, list?.span ?? root.span);
    return { venue: 'hyperliquid', accounts: [acct] };
  }
  const upnls: Array<{ cross: boolean; upnl: Dec }> = [];
  for (const item of list.items) {
    const p = readAssetPosition(ctx, item, time, upnls);
    if (p) acct.positions.push(p);
  }
  // docs/format.md §5: cross wallet = crossMarginSummary.accountValue − Σ cross unrealizedPnl.
  const summary = obj(root, 'crossMarginSummary');
  const av = dec(ctx, summary, 'accountValue');
  if (av) {
    acct.walletBalance = upnls.filter((u) => u.cross).reduce((s, u) => s.minus(u.upnl), av.value);
    acct.fields.walletBalance = av.span;
  } else if (acct.positions.some((p) => p.marginMode === 'cross')) {
    ctx.diags.warning('foreign-field', 'crossMarginSummary.accountValue is missing, so the cross wallet is unknown; dump the full clearinghouseState response', summary?.span ?? root.span);
  }
  return { venue: 'hyperliquid', accounts: [acct] };
}

function readAssetPosition(ctx: Ctx, item: LNode, time: number | null, upnls: Array<{ cross: boolean; upnl: Dec }>): PerpPosition | null {
  const pos = item.kind === 'object' ? obj(item, 'position') : null;
  if (!pos) {
    ctx.diags.error('foreign-field', `Each assetPositions entry must be { type, position: { coin, szi, … } }; got ${describe(item)}`, item.span);
    return null;
  }
  const coin = text(pos, 'coin');
  const szi = dec(ctx, pos, 'szi');
  const entry = dec(ctx, pos, 'entryPx');
  const value = dec(ctx, pos, 'positionValue');
  const upnl = dec(ctx, pos, 'unrealizedPnl');
  const lev = obj(pos, 'leverage');
  const levType = text(lev, 'type') ?? 'cross';
  const levValue = dec(ctx, lev, 'value');
  const fields: Record<string, Span> = {};
  const put = (k: string, v: { span: Span } | null) => { if (v) fields[k] = v.span; };
  put('size', szi);
  put('entryPrice', entry);
  put('leverage', levValue);
  if (get(pos, 'coin')) fields.symbol = get(pos, 'coin')!.span;
  if (szi && szi.value.isZero()) {
    ctx.diags.info('zero-size', `${coin ?? 'This position'} has szi 0: no open position, no row`, szi.span);
    return null;
  }
  let reason: string | null = null;
  const need = (ok: unknown, key: string, what: string) => {
    if (ok) return;
    reason ??= `no ${what}`;
    ctx.diags.error('foreign-field', `Hyperliquid position ${coin ?? ''} has no ${what} (${key})`, get(pos, key)?.span ?? pos.span);
  };
  need(coin, 'coin', 'coin');
  need(szi, 'szi', 'size');
  need(entry && entry.value.gt(0), 'entryPx', 'entry price');
  const side = szi ? (szi.value.isNeg() ? 'short' : 'long') : null;
  const marginMode = levType === 'isolated' ? 'isolated' : 'cross';
  if (upnl) upnls.push({ cross: marginMode === 'cross', upnl: upnl.value });

  const market = emptyMarket(coin ?? '');
  // Mark = positionValue / |szi| (docs/format.md §5).
  if (value && szi) market.markPrice = value.value.abs().div(szi.value.abs());
  put('markPrice', value);
  market.markTime = time;
  const maxLev = dec(ctx, pos, 'maxLeverage');
  if (maxLev) {
    market.maxLeverage = maxLev.value;
    fields.maxLeverage = maxLev.span;
  }
  let isolatedMargin: Dec | null = null;
  if (marginMode === 'isolated') {
    // Isolated wallet = leverage.rawUsd + szi·entryPx when rawUsd is given, else marginUsed − unrealizedPnl.
    const raw = dec(ctx, lev, 'rawUsd');
    const used = dec(ctx, pos, 'marginUsed');
    if (raw && szi && entry) {
      isolatedMargin = raw.value.plus(szi.value.mul(entry.value));
      put('isolatedMargin', raw);
    } else if (used) {
      isolatedMargin = used.value.minus(upnl?.value ?? 0);
      put('isolatedMargin', used);
    } else {
      reason ??= 'isolated position without rawUsd or marginUsed';
      ctx.diags.error('foreign-field', `Isolated Hyperliquid position ${coin ?? ''} has neither leverage.rawUsd nor marginUsed`, pos.span);
    }
  }
  const lp = dec(ctx, pos, 'liquidationPx');
  put('reportedLiquidationPrice', lp);
  const coinNode = get(pos, 'coin');
  const id = ctx.ids.assign(coin && coinNode ? { id: coin, span: coinNode.span } : null, coin, side);
  if (reason !== null || !coin || !szi || !entry || side === null) {
    ctx.unknown.push({ id, kind: 'perp', venue: 'hyperliquid', account: null, symbol: coin, side, reason: reason ?? 'unreadable position', span: item.span });
    return null;
  }
  return {
    id, symbol: coin, side, size: szi.value.abs(), entryPrice: entry.value, marginMode, isolatedMargin,
    leverage: levValue?.value ?? null, market, reportedLiquidationPrice: lp && lp.value.gt(0) ? lp.value : null, span: item.span, fields,
  };
}

export type { ObjNode };
