// CCXT dumps (docs/format.md §5, docs/venues.md §12): `{ exchange, positions, balance?, leverageTiers? }` or a bare
// array of unified Positions → read-only PerpAccounts.
import { quote } from '../core/quote-text';
import { Dec } from '../core/decimal';
import type { Account, MarginMode, Side, PerpAccount, PerpPosition, PerpVenueId, Span, Tier, TierTable, VenueId } from '../core/types';
import type { Ctx } from './parse-context';
import { bool, bundledExists, dec, obj, text } from './foreign';
import { emptyMarket } from './market';
import { defaultIsolatedMargin } from './perp';
import { describe, get, type LNode, type ObjNode } from './tree';
import { readTime } from './values';
import { ccxtExchangeIds, ccxtReading, isPerpVenue, perpVenue, venueForCcxt } from '../venues/registry';
import type { DumpReading } from '../venues/descriptor';
import { isInverseMarket } from '../venues/contract-kind';
import { isolatedMarginOf, infoDec, maintenanceRateOf, rawMarginMode } from './ccxt-reading';
import { chooseTakerFee } from './taker-fees';

// ccxt exchange id → venue id and reading, by contract kind (docs/format.md §5): each venue descriptor's `ccxtDumps`
// (src/engine/venues), looked up through the registry.

interface Unified { base: string; quote: string; settle: string }

/** `BTC/USDT:USDT` → base BTC, quote USDT, settle USDT (settle defaults to the quote). */
export function splitSymbol(symbol: string): Unified | null {
  const m = /^([^/:]+)\/([^/:]+)(?::([^-\s]+))?/.exec(symbol);
  return m ? { base: m[1]!, quote: m[2]!, settle: m[3] ?? m[2]! } : null;
}

/** The venue of a ccxt exchange id for a linear or inverse market, or null when neither table knows the exchange. */
export function venueOfExchange(exchange: string, inverse: boolean): PerpVenueId | null {
  const id = exchange.trim().toLowerCase();
  return venueForCcxt(id, inverse);
}

/** The venue's own instrument id from `info` when present (bundled tier tables are keyed by it), else derived. */
export function nativeSymbol(info: ObjNode | null, unified: string, u: Unified | null, venue: PerpVenueId): string {
  const own = text(info, 'symbol') ?? text(info, 'instId') ?? text(info, 'contract') ?? text(info, 'instrument_name') ?? text(obj(info, 'position'), 'coin') ?? text(info, 'ticker') ?? text(info, 'market');
  if (own) return own;
  if (!u) return unified;
  if (venue === 'binance-usdm' || venue === 'bybit-linear') return `${u.base}${u.quote}`;
  if (venue === 'hyperliquid') return u.base;
  return unified;
}

interface Row {
  position: PerpPosition;
  venue: PerpVenueId;
  /** What the row's exchange fields mean on its venue (the descriptor's ccxtDumps entry), null for a bare array or an unread exchange. */
  reading: DumpReading | null;
  settle: string | null;
  upnl: Dec | null;
  collateral: { value: Dec; span: Span } | null;
  hedged: boolean;
  span: Span;
}

interface Source {
  exchange: string | null;
  exchangeSpan: Span | null;
  defaultVenue: VenueId | undefined;
  tiers: ObjNode | null;
  tierCache: Map<string, TierTable | null>;
  /** What this exchange's fields mean, for file-level diagnostics (its linear rows' reading, else its inverse rows'); null for a bare array or an exchange no descriptor reads. */
  reading: DumpReading | null;
}

export function readCcxt(ctx: Ctx, root: LNode, defaultVenue?: VenueId): { venue: VenueId | null; accounts: Account[] } {
  const wrapped = root.kind === 'object' ? root : null;
  const list = wrapped ? get(wrapped, 'positions') : root;
  const exNode = wrapped ? get(wrapped, 'exchange') : undefined;
  const src: Source = {
    exchange: exNode?.kind === 'string' ? exNode.value.trim().toLowerCase() : null,
    exchangeSpan: exNode?.span ?? null, defaultVenue, tiers: obj(wrapped, 'leverageTiers'), tierCache: new Map(), reading: null,
  };
  src.reading = src.exchange ? (ccxtReading(src.exchange, false) ?? ccxtReading(src.exchange, true))?.reading ?? null : null;
  if (!list || list.kind !== 'array') {
    ctx.diags.error('invalid-value', `positions must be the list returned by fetchPositions(); got ${list ? describe(list) : 'nothing'}`, list?.span ?? root.span);
    return { venue: null, accounts: [] };
  }
  reportVenueSource(ctx, src, root);
  const rows: Row[] = [];
  for (const item of list.items) {
    const r = readRow(ctx, item, src);
    if (r) rows.push(r);
  }
  if (list.items.length === 0) ctx.diags.info('empty-file', 'The dump has no positions (fetchPositions() returned an empty list)', ctx.lines.span(list.span.offset, 1));
  const accounts = groupRows(ctx, rows, obj(wrapped, 'balance'), src, wrapped ? text(wrapped, 'account') : null, root.span);
  const venues = new Set(accounts.map((a) => a.venue));
  return { venue: venues.size === 1 ? [...venues][0]! : accounts.length === 0 ? venueGuess(src) : null, accounts };
}

function venueGuess(src: Source): VenueId | null {
  const v = src.exchange ? (venueForCcxt(src.exchange, false) ?? venueForCcxt(src.exchange, true)) : null;
  if (v) return v;
  return src.defaultVenue ?? null;
}

function reportVenueSource(ctx: Ctx, src: Source, root: LNode): void {
  if (src.exchange !== null) {
    if (src.reading?.genericFormula) ctx.diags.info('foreign-generic-formula', `ccxt exchange ${quote(src.exchange)} has no venue model here: positions use the generic-linear / generic-inverse formula (flat maintenance rate) with the exchange's own maintenance figures (${src.reading.maintenance.rateField ? `info.${src.reading.maintenance.rateField}` : 'maintenanceMarginPercentage'}); the venue's own price may differ`, src.exchangeSpan!);
    else if (!src.reading) ctx.diags.warning('foreign-unknown-exchange', `ccxt exchange ${quote(src.exchange)} is not one this reader maps to a venue; positions are read with the generic-linear / generic-inverse model (flat mmr) — supported: ${ccxtExchangeIds().join(', ')}`, src.exchangeSpan!);
    return;
  }
  const at = ctx.lines.span(root.span.offset, 1);
  if (src.defaultVenue && isPerpVenue(src.defaultVenue)) ctx.diags.info('foreign-default-venue', `A bare list of ccxt positions names no exchange: venue ${src.defaultVenue} is taken from the setting liquidationLens.defaultVenue`, at);
  else ctx.diags.warning('foreign-default-venue', 'A bare list of ccxt positions names no exchange: the generic-linear / generic-inverse model is used; wrap it as { "exchange": "binanceusdm", "positions": [...] } or set liquidationLens.defaultVenue', at);
}

/** A row's venue and reading: the descriptor that takes this exchange's rows of this kind, else the setting or generic-*. */
function venueFor(src: Source, inverse: boolean): { venue: PerpVenueId; reading: DumpReading | null } {
  const found = src.exchange !== null ? ccxtReading(src.exchange, inverse) : null;
  if (found) return found;
  if (src.exchange === null && src.defaultVenue && isPerpVenue(src.defaultVenue)) return { venue: src.defaultVenue, reading: null };
  return { venue: inverse ? 'generic-inverse' : 'generic-linear', reading: null };
}

function readRow(ctx: Ctx, item: LNode, src: Source): Row | null {
  if (item.kind !== 'object') {
    ctx.diags.error('invalid-value', `Each ccxt position must be an object; got ${describe(item)}`, item.span);
    return null;
  }
  const info = obj(item, 'info');
  const unified = text(item, 'symbol');
  const u = unified ? splitSymbol(unified) : null;
  // docs/format.md §5: a market is inverse iff it settles in a coin (its base), the one rule of contract-kind.ts.
  const inverse = u !== null && unified !== null && isInverseMarket(unified, u.settle);
  const { venue, reading } = venueFor(src, inverse);
  const symbol = unified ? nativeSymbol(info, unified, u, venue) : null;
  const fields: Record<string, Span> = {};
  const put = (k: string, v: { span: Span } | null) => { if (v) fields[k] = v.span; };
  let reason: string | null = null;
  const fail = (r: string, key?: string) => {
    reason ??= r;
    if (key) ctx.diags.error('foreign-field', `ccxt position ${symbol ?? ''}: ${r}`, get(item, key)?.span ?? item.span);
  };

  const contracts = dec(ctx, item, 'contracts');
  const sideText = text(item, 'side')?.toLowerCase() ?? null;
  let side: Side | null = sideText === 'long' || sideText === 'short' ? sideText : null;
  if (contracts && contracts.value.isZero()) {
    ctx.diags.info('zero-size', `ccxt position ${symbol ?? ''} has 0 contracts: no open position, no row`, contracts.span);
    return null;
  }
  if (side === null && contracts) side = contracts.value.isNeg() ? 'short' : null;
  if (!unified) fail('no symbol', 'symbol');
  if (!contracts) fail('no contracts (size)', 'contracts');
  if (side === null) fail('no side (long/short)', 'side');
  const entry = dec(ctx, item, 'entryPrice');
  if (!entry || entry.value.lte(0)) fail('no entryPrice', 'entryPrice');
  put('size', contracts);
  put('entryPrice', entry);
  if (get(item, 'symbol')) fields.symbol = get(item, 'symbol')!.span;
  if (get(item, 'side')) fields.side = get(item, 'side')!.span;

  const market = emptyMarket(symbol ?? '');
  const cs = dec(ctx, item, 'contractSize');
  // the reading says when ccxt's contracts already count the inverse face (Deribit: USD), whatever contractSize says
  market.contractSize = inverse && reading?.contract.contractsAreFace ? new Dec(1) : cs?.value ?? null;
  put('contractSize', cs);
  if (inverse && market.contractSize === null) {
    const size = perpVenue(venue).defaultContractSize(symbol ?? '');
    if (size !== null) market.contractSize = new Dec(size);
    else fail('inverse position without contractSize', 'contractSize');
  }
  const mark = dec(ctx, item, 'markPrice');
  const notional = dec(ctx, item, 'notional');
  market.markPrice = markFrom(mark, notional, contracts?.value ?? null, market.contractSize, inverse);
  put('markPrice', mark ?? notional);
  const ts = get(item, 'timestamp');
  if (ts && ts.kind !== 'null') market.markTime = readTime(ctx, ts, 'timestamp');
  put('markTime', ts ?? null);

  applyMarginRates(ctx, market, item, info, unified, venue, src, reading, fields);

  const modeText = (text(item, 'marginMode') ?? text(item, 'marginType') ?? rawMarginMode(reading, info) ?? 'cross').toLowerCase();
  let marginMode: MarginMode = 'cross';
  if (modeText === 'isolated') marginMode = 'isolated';
  else if (modeText !== 'cross') {
    ctx.diags.error('unsupported-margin-mode', `ccxt marginMode ${quote(modeText)} is not supported in v1; only cross and isolated are`, get(item, 'marginMode')?.span ?? item.span);
    reason ??= 'unsupported margin mode';
  }
  const upnl = dec(ctx, item, 'unrealizedPnl');
  const collateral = dec(ctx, item, 'collateral');
  const leverage = dec(ctx, item, 'leverage');
  put('leverage', leverage);
  let isolatedMargin: Dec | null = null;
  if (marginMode === 'isolated') {
    // docs/format.md §5: Binance info.isolatedWallet, else collateral − unrealizedPnl (ccxt collateral includes UPnL).
    const wallet = reading ? null : dec(ctx, info, 'isolatedWallet');
    const read = reading ? isolatedMarginOf(ctx, reading, info, collateral, upnl?.value ?? null) : null;
    if (read) {
      // issue 11: the exchange's own margin field, read as its DumpReading says (with or without PnL).
      isolatedMargin = read.value;
      fields.isolatedMargin = read.span;
    } else if (wallet) {
      isolatedMargin = wallet.value;
      put('isolatedMargin', wallet);
    } else if (collateral) {
      isolatedMargin = collateral.value.minus(upnl?.value ?? 0);
      put('isolatedMargin', collateral);
    } else if (leverage && contracts && entry) {
      isolatedMargin = defaultIsolatedMargin(contracts.value.abs(), entry.value, leverage.value, market.contractSize, inverse);
      ctx.diags.info('default-isolated-margin', `ccxt position ${symbol}: no isolatedWallet or collateral, so the isolated margin is taken as the initial margin ${isolatedMargin.toFixed()} from leverage`, leverage.span);
    } else fail('isolated position without isolatedWallet, collateral or leverage', 'collateral');
  }
  applyFee(ctx, src.exchange, reading, market, info, venue, get(item, 'symbol')?.span ?? item.span, symbol ?? unified ?? 'ccxt position');
  const lp = dec(ctx, item, 'liquidationPrice');
  put('reportedLiquidationPrice', lp);

  const explicit = text(item, 'id');
  const id = ctx.ids.assign(explicit ? { id: explicit, span: get(item, 'id')!.span } : null, symbol, side);
  if (reason !== null || !contracts || !entry || side === null || symbol === null) {
    ctx.unknown.push({ id, kind: 'perp', venue, account: null, symbol, side, reason: reason ?? 'unreadable ccxt position', span: item.span });
    return null;
  }
  const position: PerpPosition = {
    id, symbol, side, size: contracts.value.abs(), entryPrice: entry.value, marginMode, isolatedMargin,
    leverage: leverage?.value ?? null, market, reportedLiquidationPrice: lp && lp.value.gt(0) ? lp.value : null,
    span: item.span, fields, missingForOwnPrice: null,
  };
  return { position, venue, reading, settle: u?.settle ?? null, upnl: upnl?.value ?? null, collateral, hedged: bool(item, 'hedged') === true, span: item.span };
}

/** docs/format.md §5: markPrice, else |notional| / (contracts·contractSize) (inverse: the reciprocal, notional being in coin). */
function markFrom(mark: { value: Dec } | null, notional: { value: Dec } | null, contracts: Dec | null, cs: Dec | null, inverse: boolean): Dec | null {
  if (mark && mark.value.gt(0)) return mark.value;
  if (!notional || notional.value.isZero() || !contracts || contracts.isZero()) return null;
  const qty = contracts.abs().mul(cs ?? 1);
  return inverse ? qty.div(notional.value.abs()) : notional.value.abs().div(qty);
}

/** docs/format.md §5: dump tiers > the venue's own figure (Hyperliquid maxLeverage) > bundled table > flat mmp with cum 0. */
function applyMarginRates(ctx: Ctx, market: PerpPosition['market'], item: ObjNode, info: ObjNode | null, unified: string | null, venue: PerpVenueId, src: Source, reading: DumpReading | null, fields: Record<string, Span>): void {
  const table = unified ? tierTable(ctx, src, unified, market.symbol, venue) : null;
  if (table) {
    market.tiers = table;
    return;
  }
  const hlMax = dec(ctx, obj(info, 'position'), 'maxLeverage');
  if (venue === 'hyperliquid' && hlMax) {
    market.maxLeverage = hlMax.value;
    fields.maxLeverage = hlMax.span;
    return;
  }
  if (bundledExists(ctx, venue, market.symbol)) return;
  const mmp = maintenanceRateOf(ctx, reading, item, info);
  if (mmp) {
    market.mmr = mmp.value;
    market.cum = new Dec(0);
    fields.mmr = mmp.span;
  }
}

function tierTable(ctx: Ctx, src: Source, unified: string, native: string, venue: PerpVenueId): TierTable | null {
  if (!src.tiers) return null;
  const key = `${unified}\u0000${venue}`;
  if (src.tierCache.has(key)) return src.tierCache.get(key)!;
  const node = get(src.tiers, unified) ?? get(src.tiers, native);
  let table: TierTable | null = null;
  if (node?.kind === 'array') {
    const tiers = node.items.map((t) => readCcxtTier(ctx, t)).filter((t): t is Tier => t !== null);
    if (tiers.length > 0) table = { source: 'inline', date: null, tiers, upperInclusive: perpVenue(venue).tierBoundary === 'cap-inclusive' };
  }
  src.tierCache.set(key, table);
  return table;
}

/** ccxt LeverageTier: minNotional/maxNotional/maintenanceMarginRate; cum from Binance info.cum or Bybit info.mmDeduction. */
function readCcxtTier(ctx: Ctx, node: LNode): Tier | null {
  if (node.kind !== 'object') return null;
  const info = obj(node, 'info');
  const floor = dec(ctx, node, 'minNotional');
  const cap = dec(ctx, node, 'maxNotional');
  const mmr = dec(ctx, node, 'maintenanceMarginRate');
  const cum = dec(ctx, info, 'cum') ?? dec(ctx, info, 'mmDeduction');
  const lev = dec(ctx, node, 'maxLeverage');
  if (!mmr) {
    ctx.diags.warning('foreign-field', 'This leverage tier has no maintenanceMarginRate; it is skipped', node.span);
    return null;
  }
  return { floor: floor?.value ?? new Dec(0), cap: cap?.value ?? null, mmr: mmr.value, cum: cum?.value ?? null, maxLeverage: lev ? lev.value.toNumber() : null, span: node.span };
}

function groupRows(ctx: Ctx, rows: Row[], balance: ObjNode | null, src: Source, label: string | null, rootSpan: Span): PerpAccount[] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.venue}\u0000${r.settle ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: PerpAccount[] = [];
  for (const group of groups.values()) {
    const { venue, settle, reading } = group[0]!;
    const wallet = balance ? balanceWallet(ctx, balance, src.exchange, venue, settle, group) : null;
    const make = (rs: Row[], walletBalance: Dec | null, source: PerpAccount['walletSource'], span: Span, walletSpan: Span | null): PerpAccount => ({
      kind: 'perp', venue, account: label, settleCurrency: settle, positionMode: rs.some((r) => r.hedged) ? 'hedge' : 'one-way',
      walletBalance, walletSource: source, asOf: null, positions: rs.map((r) => r.position), readOnly: true, span,
      fields: walletSpan ? { walletBalance: walletSpan } : {},
    });
    if (wallet) {
      out.push(make(group, wallet.value, 'ccxt-balance', rootSpan, wallet.span));
      continue;
    }
    // docs/format.md §5: without a balance, each cross row is its own account with wallet = collateral exactly.
    const isolated = group.filter((r) => r.position.marginMode === 'isolated');
    if (isolated.length > 0) out.push(make(isolated, null, 'ccxt-collateral', rootSpan, null));
    if (reading?.crossWallet === 'none') {
      // issue 11 item 3: this exchange's collateral is no wallet: no price of ours, the venue's is used and labelled.
      for (const r of group.filter((x) => x.position.marginMode === 'cross')) {
        r.position.missingForOwnPrice = `the account's wallet: add "balance": fetchBalance() to the dump (${reading.crossWalletNote ?? 'this exchange\'s collateral is not a wallet'})`;
        out.push(make([r], null, 'none', r.span, null));
      }
      continue;
    }
    for (const r of group.filter((x) => x.position.marginMode === 'cross')) {
      if (!r.collateral) ctx.diags.warning('foreign-field', `Cross position ${r.position.id} has no collateral and the dump has no balance: its wallet is unknown — add "balance": fetchBalance() to the dump`, r.span);
      out.push(make([r], r.collateral?.value ?? null, 'ccxt-collateral', r.span, r.collateral?.span ?? null));
    }
  }
  return out;
}

function findIn(list: LNode | undefined, key: string, value: string): ObjNode | null {
  if (!list || list.kind !== 'array') return null;
  for (const it of list.items) if (it.kind === 'object' && text(it, key)?.toUpperCase() === value.toUpperCase()) return it;
  return null;
}

/** The cross wallet from fetchBalance(): the venue's own wallet field, else total[settle] − Σ UPnL (docs/format.md §5). */
function balanceWallet(ctx: Ctx, balance: ObjNode, exchange: string | null, venue: PerpVenueId, settle: string | null, rows: Row[]): { value: Dec; span: Span } | null {
  if (!settle) return null;
  const info = obj(balance, 'info');
  const upnl = rows.reduce((s, r) => s.plus(r.upnl ?? 0), new Dec(0));
  const crossUpnl = rows.filter((r) => r.position.marginMode === 'cross').reduce((s, r) => s.plus(r.upnl ?? 0), new Dec(0));
  if (venue === 'binance-usdm' || venue === 'binance-coinm') {
    const asset = findIn(info ? get(info, 'assets') : undefined, 'asset', settle);
    const w = dec(ctx, asset, 'crossWalletBalance') ?? (asset ? null : dec(ctx, info, 'totalCrossWalletBalance'));
    if (w) return w;
  } else if (venue === 'bybit-linear' || venue === 'bybit-inverse') {
    const list = get(obj(info, 'result') ?? ({ kind: 'object', entries: [], span: balance.span } as ObjNode), 'list');
    const first = list?.kind === 'array' && list.items[0]?.kind === 'object' ? list.items[0] : null;
    const w = dec(ctx, findIn(first ? get(first, 'coin') : undefined, 'coin', settle), 'walletBalance');
    if (w) return w;
  } else if (venue === 'okx') {
    const data = info ? get(info, 'data') : undefined;
    const first = data?.kind === 'array' && data.items[0]?.kind === 'object' ? data.items[0] : null;
    const w = dec(ctx, findIn(first ? get(first, 'details') : undefined, 'ccy', settle), 'cashBal');
    if (w) return w;
  } else if (venue === 'hyperliquid') {
    const av = dec(ctx, obj(info, 'crossMarginSummary'), 'accountValue');
    if (av) return { value: av.value.minus(crossUpnl), span: av.span };
  }
  void exchange;
  const total = dec(ctx, obj(balance, 'total'), settle);
  return total ? { value: total.value.minus(upnl), span: total.span } : null;
}

/** The taker fee of a row (taker-fees.ts): the dump's own rate field, else the setting, else the venue default (OKX, Gate). */
function applyFee(ctx: Ctx, exchange: string | null, r: DumpReading | null, market: PerpPosition['market'], info: ObjNode | null, venue: PerpVenueId, span: Span, label: string): void {
  const own = r?.fee.ownRateField ? infoDec(ctx, info, r.fee.ownRateField) : null;
  if (own) market.takerFee = own.value;
  const fallback = r && r.fee.inFormula === 'taker-added-to-mmr' && r.fee.defaultTaker ? { rate: r.fee.defaultTaker, source: r.fee.defaultTakerSource ?? exchange ?? venue } : null;
  chooseTakerFee(ctx, market, venue, fallback, span, `ccxt position ${label}`);
}
