// One test per row of the ccxt dump reading table (the venue descriptors' `ccxtDumps`, src/engine/venues): each exchange's fields are read
// the way that exchange means them (issue 11 item 1).
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/engine/parse/index';
import { PERP_DESCRIPTORS, PERP_VENUES, ccxtExchangeIds, ccxtReading, isPerpVenue } from '../../../src/engine/venues/registry';
import type { PerpAccount } from '../../../src/engine/core/types';

const dump = (exchange: string, position: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  parseFile('d.json', JSON.stringify({ exchange, positions: [position], ...extra }), { hasBundledTiers: () => false });
const acct = (r: ReturnType<typeof dump>, i = 0) => r.accounts[i] as PerpAccount;
const codes = (r: ReturnType<typeof dump>) => r.diagnostics.map((d) => d.code);
const base = { symbol: 'BTC/USDT:USDT', contracts: 1, contractSize: 1, entryPrice: 100, markPrice: 101, side: 'long', unrealizedPnl: 1, liquidationPrice: 80 };

describe('the table', () => {
  it('maps every exchange to perp venues, binance and bybit to two, fee defaults are fractions', () => {
    const kinds = (id: string) => [false, true].map((inv) => ccxtReading(id, inv));
    for (const id of ccxtExchangeIds()) {
      for (const found of kinds(id)) {
        expect(found && isPerpVenue(found.venue), id).toBe(true);
        if (found!.reading.fee.defaultTaker) expect(Number(found!.reading.fee.defaultTaker)).toBeLessThan(0.01);
        expect(found!.reading.source.length, id).toBeGreaterThan(10);
      }
    }
    expect(kinds('binance').map((f) => f?.venue)).toEqual(['binance-usdm', 'binance-coinm']);
    expect(kinds('binancecoinm').map((f) => f?.venue)).toEqual(['binance-coinm', 'binance-coinm']);
    expect(kinds('bybit').map((f) => f?.venue)).toEqual(['bybit-linear', 'bybit-inverse']);
    expect(kinds('bitget').map((f) => f?.venue)).toEqual(['generic-linear', 'generic-inverse']);
    expect(kinds('kucoinfutures').map((f) => f?.venue)).toEqual(['generic-linear', 'generic-inverse']);
    expect(ccxtReading('okx', true)!.reading.fee.defaultTaker).toBe('0.0005');
    expect(ccxtReading('gate', false)!.reading.fee.defaultTaker).toBe('0.00075');
  });

  it('is one table: the reading lives in the descriptors, the same for both venues an exchange spans (only rows differ)', () => {
    for (const id of ccxtExchangeIds()) {
      const [lin, inv] = [ccxtReading(id, false)!.reading, ccxtReading(id, true)!.reading];
      expect({ ...lin, rows: null }, id).toEqual({ ...inv, rows: null });
      expect(ccxtReading(id, false)!.reading.genericFormula, id).toBe(['bitget', 'kucoinfutures'].includes(id));
    }
    // every descriptor entry is found by the lookup (no entry shadowed by another venue's)
    for (const v of PERP_VENUES) for (const [id, r] of Object.entries(PERP_DESCRIPTORS[v].ccxtDumps)) {
      const kindsTaken = r.rows === 'any' ? [false, true] : [r.rows === 'inverse'];
      for (const inv of kindsTaken) expect(ccxtReading(id, inv)?.venue, `${id} ${inv}`).toBe(v);
    }
  });
});

describe('per exchange', () => {
  it('binance: isolated wallet = info.isolatedWallet; cross collateral is a (back-solved) wallet', () => {
    const iso = dump('binanceusdm', { ...base, marginMode: 'isolated', collateral: 51, info: { isolatedWallet: '50', isolatedMargin: '51' } });
    expect(acct(iso).positions[0]!.isolatedMargin?.toFixed()).toBe('50');
    const cross = dump('binance', { ...base, marginMode: 'cross', collateral: 500 });
    expect(acct(cross).walletSource).toBe('ccxt-collateral');
    expect(acct(cross).walletBalance?.toFixed()).toBe('500');
  });

  it('okx: isolated margin = info.margin as is (no PnL), default taker 0.05 %; cross collateral is no wallet', () => {
    const iso = dump('okx', { ...base, symbol: 'BTC/USDT:USDT', marginMode: 'isolated', collateral: 10, info: { margin: '10', mgnMode: 'isolated' } });
    const p = acct(iso).positions[0]!;
    expect(p.isolatedMargin?.toFixed()).toBe('10');
    expect(p.market.takerFee?.toFixed()).toBe('0.0005');
    expect(codes(iso)).toContain('default-taker-fee');
    const cross = dump('okx', { ...base, marginMode: 'cross', collateral: 10, info: { imr: '9', upl: '1' } });
    expect(acct(cross).walletSource).toBe('none');
    expect(acct(cross).walletBalance).toBeNull();
    expect(acct(cross).positions[0]!.missingForOwnPrice).toMatch(/fetchBalance/);
  });

  it('gate: info.margin (no PnL), info.maintenance_rate as the rate, default taker 0.075 %', () => {
    const r = dump('gate', { ...base, symbol: 'LTC/USDT:USDT', marginMode: 'isolated', collateral: 2, maintenanceMarginPercentage: 0.0175, info: { margin: '1.5', maintenance_rate: '0.01' } });
    const p = acct(r).positions[0]!;
    expect(p.isolatedMargin?.toFixed()).toBe('1.5');
    expect(p.market.mmr?.toFixed()).toBe('0.01');
    expect(p.market.takerFee?.toFixed()).toBe('0.00075');
  });

  it('gate without info.margin: ccxt 4.5.84 collateral (margin + PnL) less the PnL', () => {
    const r = dump('gate', { ...base, marginMode: 'isolated', collateral: 2.5, info: {} });
    expect(acct(r).positions[0]!.isolatedMargin?.toFixed()).toBe('1.5');
  });

  it('bybit: mode from info.tradeMode (ccxt leaves marginMode undefined), margin = info.positionBalance, the back-solved rate unused', () => {
    const r = dump('bybit', { ...base, marginMode: null, collateral: 9, maintenanceMarginPercentage: 0.0123, info: { tradeMode: 1, positionBalance: '9' } });
    const p = acct(r).positions[0]!;
    expect(p.marginMode).toBe('isolated');
    expect(p.isolatedMargin?.toFixed()).toBe('9');
    expect(p.market.mmr).toBeNull();
    expect(p.market.takerFee).toBeNull();
  });

  it('bitmex: the account\'s own commission is the taker fee; crossMargin true ⇒ cross with no wallet; liquidationPrice 0 ⇒ none', () => {
    const r = dump('bitmex', { ...base, symbol: 'LTC/USDT:USDT', marginMode: null, liquidationPrice: 0, collateral: null, info: { crossMargin: true, commission: '0.00075', maintMarginReq: '0.01' } });
    const p = acct(r).positions[0]!;
    expect(p.marginMode).toBe('cross');
    expect(p.market.takerFee?.toFixed()).toBe('0.00075');
    expect(p.market.mmr?.toFixed()).toBe('0.01');
    expect(p.reportedLiquidationPrice).toBeNull();
    expect(acct(r).walletSource).toBe('none');
  });

  it('deribit: the unified rate is a percent of the venue\'s MM, not used (the built-in schedule applies); cross needs balance', () => {
    const r = dump('deribit', { ...base, symbol: 'BTC/USD:BTC', contracts: 100, contractSize: 10, marginMode: null, maintenanceMarginPercentage: 1.02, info: { maintenance_margin: '0.0001' } });
    const p = acct(r).positions[0]!;
    expect(p.market.mmr).toBeNull();
    expect(acct(r).venue).toBe('deribit');
    expect(acct(r).walletSource).toBe('none');
  });

  it('hyperliquid: isolated marginUsed holds the PnL and is reduced by it', () => {
    const r = dump('hyperliquid', { ...base, symbol: 'SOL/USDC:USDC', marginMode: 'isolated', collateral: 21, unrealizedPnl: 1, info: { position: { coin: 'SOL', marginUsed: '21', maxLeverage: 20 } } });
    expect(acct(r).positions[0]!.isolatedMargin?.toFixed()).toBe('20');
  });

  it('dydx: ccxt sets no liquidation price and no collateral: the cross row stays unknown, saying balance is needed', () => {
    const r = dump('dydx', { ...base, symbol: 'BTC/USD:USDC', liquidationPrice: null, marginMode: null, collateral: null });
    const p = acct(r).positions[0]!;
    expect(p.reportedLiquidationPrice).toBeNull();
    expect(p.missingForOwnPrice).toMatch(/fetchBalance/);
  });

  it('bitget: generic-* with info.keepMarginRate and info.marginSize, an info diagnostic that the formula is generic', () => {
    const r = dump('bitget', { ...base, marginMode: 'isolated', collateral: 11, maintenanceMarginPercentage: 0.0046, info: { marginSize: '10', keepMarginRate: '0.004' } });
    const p = acct(r).positions[0]!;
    expect(acct(r).venue).toBe('generic-linear');
    expect(p.market.mmr?.toFixed()).toBe('0.004');
    expect(p.isolatedMargin?.toFixed()).toBe('10');
    expect(codes(r)).toContain('foreign-generic-formula');
    expect(codes(r)).not.toContain('foreign-unknown-exchange');
  });

  it('kucoinfutures: generic-* with info.maintMarginReq and info.posMargin', () => {
    const r = dump('kucoinfutures', { ...base, marginMode: 'isolated', collateral: 3, info: { posMargin: '10', maintMarginReq: '0.005' } });
    const p = acct(r).positions[0]!;
    expect(acct(r).venue).toBe('generic-linear');
    expect(p.market.mmr?.toFixed()).toBe('0.005');
    expect(p.isolatedMargin?.toFixed()).toBe('10');
  });

  it('a bare array (no exchange) keeps the old reading: collateral − unrealizedPnl, cross collateral as wallet', () => {
    const r = parseFile('d.json', JSON.stringify([{ ...base, marginMode: 'cross', collateral: 500 }]), { defaultVenue: 'okx', hasBundledTiers: () => false });
    expect(acct(r).walletSource).toBe('ccxt-collateral');
  });
});
