import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/core/decimal';
import { at, codes, diag, parse, perp, where } from './helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/parse', name), 'utf8');

describe('CCXT dump (binanceusdm, wrapped, with balance and leverageTiers)', () => {
  const text = fixture('ccxt-binanceusdm.json');
  const r = parse('dump.json', text);
  const a = perp(r);

  it('maps the exchange and the account', () => {
    expect(r.dialect).toBe('ccxt');
    expect(r.format).toBe('json');
    expect(r.venue).toBe('binance-usdm');
    expect(r.accounts).toHaveLength(1);
    expect(a.readOnly).toBe(true);
    expect(a.walletSource).toBe('ccxt-balance');
    // Binance crossWalletBalance of the settle asset, exactly
    expect(a.walletBalance?.toFixed()).toBe('5000');
    expect(where(a.fields.walletBalance!)).toBe(at(text, '"5000.00000000"', '"assets"'));
    expect(a.settleCurrency).toBe('USDT');
    expect(a.positionMode).toBe('one-way');
    // foreign numbers never get the quote hint
    expect(codes(r)).not.toContain('precision-hint');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('isolated row: wallet from info.isolatedWallet, tiers from the dump with Binance cum', () => {
    const btc = a.positions[0]!;
    expect(btc.id).toBe('BTCUSDT-long-1');
    expect(btc.symbol).toBe('BTCUSDT');
    expect(btc.side).toBe('long');
    expect(btc.size.toFixed()).toBe('0.01');
    expect(btc.entryPrice.toFixed()).toBe('96120.5');
    expect(btc.marginMode).toBe('isolated');
    expect(btc.isolatedMargin?.toFixed()).toBe('96.239');
    expect(btc.market.markPrice?.toFixed()).toBe('97250.4');
    expect(btc.market.markTime).toBe(1764004798000);
    expect(btc.reportedLiquidationPrice?.toFixed()).toBe('87415.29357484');
    expect(btc.market.contractSize?.toFixed()).toBe('1');
    const t = btc.market.tiers;
    expect(typeof t === 'object' && t !== null).toBe(true);
    if (typeof t === 'object' && t) expect(t.tiers.map((x) => [x.floor.toFixed(), x.cap?.toFixed(), x.mmr.toFixed(), x.cum?.toFixed(), x.maxLeverage])).toEqual([['0', '50000', '0.004', '0', 125], ['50000', '250000', '0.005', '50', 100]]);
    expect(btc.market.mmr).toBeNull();
  });

  it('cross row: mark from |notional|/(contracts·contractSize), flat mmr only without a better source', () => {
    const eth = a.positions[1]!;
    expect(eth.side).toBe('short');
    expect(eth.marginMode).toBe('cross');
    expect(eth.market.markPrice?.toFixed()).toBe('3612.55');
    // a bundled binance-usdm/ETHUSDT table exists: it beats the flat maintenanceMarginPercentage
    expect(eth.market.mmr).toBeNull();
    expect(eth.market.tiers).toBeNull();
    const flat = perp(parse('dump.json', text, { hasBundledTiers: () => false })).positions[1]!;
    expect(flat.market.mmr?.toFixed()).toBe('0.005');
    expect(flat.market.cum?.toFixed()).toBe('0');
    expect(where(eth.fields.size!)).toBe(at(text, '2', '"contracts": 2'));
  });

  it('without balance: each cross row is its own account with wallet = collateral exactly', () => {
    const dump = JSON.parse(text);
    delete dump.balance;
    const r2 = parse('dump.json', JSON.stringify(dump, null, 2));
    expect(r2.accounts).toHaveLength(2);
    const cross = r2.accounts.map((x) => x as ReturnType<typeof perp>).find((x) => x.positions[0]?.marginMode === 'cross')!;
    expect(cross.walletSource).toBe('ccxt-collateral');
    expect(cross.walletBalance?.toFixed()).toBe('4951.3');
  });

  it('without info.isolatedWallet: isolated wallet = collateral − unrealizedPnl', () => {
    const dump = JSON.parse(text);
    delete dump.positions[0].info.isolatedWallet;
    const r2 = parse('dump.json', JSON.stringify(dump));
    expect(perp(r2).positions[0]!.isolatedMargin?.toFixed()).toBe('96.239');
  });

  it('balance without the venue field: total[settle] − Σ UPnL', () => {
    const dump = JSON.parse(text);
    dump.balance.info = {};
    const r2 = parse('dump.json', JSON.stringify(dump));
    // 5058.838 − (11.299 − 48.7)
    expect(perp(r2).walletBalance?.toFixed()).toBe('5096.239');
  });
});

describe('CCXT bare array', () => {
  const bybitInverse = `[
  { "info": { "symbol": "BTCUSD", "side": "Sell", "size": "5000", "positionValue": "0.05141388", "positionIM": "0.00257069", "tradeMode": 0 },
    "id": null, "symbol": "BTC/USD:BTC", "timestamp": 1764004798000, "contracts": 5000, "contractSize": 1,
    "entryPrice": 97250, "markPrice": 97300.5, "notional": 0.05138721, "leverage": 20, "collateral": 0.0025,
    "unrealizedPnl": -0.00002668, "liquidationPrice": 101500, "maintenanceMarginPercentage": 0.005,
    "marginMode": "cross", "side": "short", "hedged": false },
  { "info": { "symbol": "ETHUSDT" }, "symbol": "ETH/USDT:USDT", "contracts": 0, "side": "long", "entryPrice": 0 }
]`;

  it('uses the default venue when set (info), generic-* otherwise (warning); inverse iff settle == base', () => {
    const r = parse('positions.json', bybitInverse, { defaultVenue: 'bybit-inverse' });
    expect(r.dialect).toBe('ccxt');
    const d = diag(r, 'foreign-default-venue');
    expect(d.severity).toBe('info');
    expect(where(d)).toBe('1:1-2');
    const a = perp(r);
    expect(a.venue).toBe('bybit-inverse');
    expect(a.settleCurrency).toBe('BTC');
    expect(a.walletSource).toBe('ccxt-collateral');
    expect(a.walletBalance?.toFixed()).toBe('0.0025');
    expect(a.positions[0]!.symbol).toBe('BTCUSD');
    expect(a.positions[0]!.market.contractSize?.toFixed()).toBe('1');
    expect(diag(r, 'zero-size').severity).toBe('info');

    const g = parse('positions.json', bybitInverse);
    expect(diag(g, 'foreign-default-venue').severity).toBe('warning');
    expect(perp(g).venue).toBe('generic-inverse');
  });

  it('inverse mark from notional is contracts·contractSize / |notional|', () => {
    const noMark = bybitInverse.replace('"markPrice": 97300.5', '"markPrice": null');
    const p = perp(parse('positions.json', noMark, { defaultVenue: 'bybit-inverse' })).positions[0]!;
    expect(p.market.markPrice?.eq(new Dec(5000).div('0.05138721'))).toBe(true);
  });

  it('unknown exchange id warns and uses the generic model', () => {
    const r = parse('d.json', `{ "exchange": "kraken", "positions": ${bybitInverse} }`);
    expect(where(diag(r, 'foreign-unknown-exchange'))).toBe('1:15-23');
    expect(perp(r).venue).toBe('generic-inverse');
  });

  it('hedged positions make a hedge-mode account; hyperliquid maxLeverage beats the flat rate', () => {
    const hl = `{ "exchange": "hyperliquid", "positions": [
      { "info": { "type": "oneWay", "position": { "coin": "SOL", "szi": "10", "maxLeverage": 20 } }, "symbol": "SOL/USDC:USDC",
        "contracts": 10, "contractSize": 1, "entryPrice": 180, "markPrice": 182.4, "side": "long", "marginMode": "cross",
        "collateral": 500, "maintenanceMarginPercentage": 0.025, "hedged": true }
    ] }`;
    const p = perp(parse('d.json', hl));
    expect(p.venue).toBe('hyperliquid');
    expect(p.positionMode).toBe('hedge');
    expect(p.positions[0]!.symbol).toBe('SOL');
    expect(p.positions[0]!.market.maxLeverage?.toFixed()).toBe('20');
    expect(p.positions[0]!.market.mmr).toBeNull();
  });

  it('a bundled table beats maintenanceMarginPercentage', () => {
    const t = `{ "exchange": "binanceusdm", "positions": [ { "symbol": "BTC/USDT:USDT", "contracts": 1, "entryPrice": 90000, "markPrice": 91000, "side": "long", "marginMode": "cross", "collateral": 5000, "maintenanceMarginPercentage": 0.004 } ] }`;
    expect(perp(parse('d.json', t)).positions[0]!.market.mmr).toBeNull();
    expect(perp(parse('d.json', t, { hasBundledTiers: () => false })).positions[0]!.market.mmr?.toFixed()).toBe('0.004');
  });
});

describe('Hyperliquid clearinghouseState', () => {
  const text = fixture('hyperliquid-clearinghouse.json');
  const r = parse('hl.json', text);
  const a = perp(r);

  it('one read-only account, cross wallet = accountValue − Σ cross UPnL', () => {
    expect(r.dialect).toBe('hyperliquid');
    expect(r.venue).toBe('hyperliquid');
    expect(a.readOnly).toBe(true);
    expect(a.walletSource).toBe('hyperliquid');
    expect(a.settleCurrency).toBe('USDC');
    expect(a.walletBalance?.toFixed()).toBe('13229.714502');
    expect(a.asOf).toBe(1708622398623);
    expect(r.diagnostics).toEqual([]);
  });

  it('positions: id = coin, mark = positionValue/|szi|, isolated wallet = rawUsd + szi·entryPx', () => {
    const [eth, btc] = a.positions;
    expect(eth!.id).toBe('ETH');
    expect(eth!.side).toBe('long');
    expect(eth!.marginMode).toBe('isolated');
    expect(eth!.isolatedMargin?.toFixed()).toBe('4.981226');
    expect(eth!.market.markPrice?.toFixed()).toBe('2985.9');
    expect(eth!.market.maxLeverage?.toFixed()).toBe('50');
    expect(eth!.market.markTime).toBe(1708622398623);
    expect(eth!.reportedLiquidationPrice?.toFixed()).toBe('2866.26936529');
    expect(eth!.leverage?.toFixed()).toBe('20');
    expect(where(eth!.fields.size!)).toBe(at(text, '"0.0335"'));
    expect(btc!.id).toBe('BTC');
    expect(btc!.side).toBe('short');
    expect(btc!.size.toFixed()).toBe('0.5');
    expect(btc!.marginMode).toBe('cross');
    expect(btc!.market.markPrice?.toFixed()).toBe('97250.4');
  });

  it('without rawUsd: isolated wallet = marginUsed − unrealizedPnl', () => {
    const s = JSON.parse(text);
    delete s.assetPositions[0].position.leverage.rawUsd;
    expect(perp(parse('hl.json', JSON.stringify(s))).positions[0]!.isolatedMargin?.toFixed()).toBe('4.981226');
  });
});
