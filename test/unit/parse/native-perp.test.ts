import { describe, expect, it } from 'vitest';
import { at, codes, diag, parse, perp, where } from './helpers';

const YAML_FILE = `version: 1
venue: binance-usdm
account: desk-a
walletBalance: "1535443.01"
settleCurrency: USDT
asOf: 2026-11-24T07:00:00Z
risk:
  horizon: 8h
  probability: { warning: 0.03 }
markets:
  BTCUSDT:
    markPrice: "31967.27"
    markTime: 2026-11-24T06:59:58Z
    tiers:
      - { floor: "0",     cap: "50000",  mmr: "0.004", cum: "0",  maxLeverage: 125 }
      - { floor: "50000", cap: "250000", mmr: "0.005", cum: "50", maxLeverage: 100 }
    fundingInterval: 8h
    volatility: 0.65
  ETHUSDT:
    markPrice: "1335.18"
    mmr: "0.5%"
    tiers: binance-usdm/ETHUSDT@2021-06-01
positions:
  - id: btc-1
    symbol: BTCUSDT
    side: long
    size: "109.488"
    entryPrice: "32481.98"
    reportedLiquidationPrice: "26316.89"
  - symbol: ETHUSDT
    side: short
    size: "10"
    entryPrice: "1450"
    marginMode: isolated
    isolatedMargin: "1500"
    markPrice: "1335.19"
  - symbol: ETHUSDT
    size: "-2"
    entryPrice: "1400"
    marginMode: isolated
    leverage: 10
`;

describe('native YAML perp file', () => {
  const r = parse('desk.positions.yaml', YAML_FILE);
  const acct = perp(r);

  it('reads the account exactly', () => {
    expect(r.dialect).toBe('native');
    expect(r.format).toBe('yaml');
    expect(r.venue).toBe('binance-usdm');
    expect(acct.account).toBe('desk-a');
    expect(acct.walletBalance?.toFixed()).toBe('1535443.01');
    expect(acct.walletSource).toBe('file');
    expect(acct.settleCurrency).toBe('USDT');
    expect(acct.asOf).toBe(Date.UTC(2026, 10, 24, 7, 0, 0));
    expect(acct.positionMode).toBe('one-way');
    expect(acct.readOnly).toBe(false);
    expect(r.risk).toEqual({ horizon: 8 * 3600, probability: { warning: 0.03 } });
  });

  it('reads positions with merged markets, ids and spans', () => {
    expect(acct.positions.map((p) => p.id)).toEqual(['btc-1', 'ETHUSDT-short-1', 'ETHUSDT-short-2']);
    const [btc, eth, eth2] = acct.positions;
    expect(btc!.side).toBe('long');
    expect(btc!.size.toFixed()).toBe('109.488');
    expect(btc!.entryPrice.toFixed()).toBe('32481.98');
    expect(btc!.reportedLiquidationPrice?.toFixed()).toBe('26316.89');
    expect(btc!.marginMode).toBe('cross');
    expect(btc!.market.markPrice?.toFixed()).toBe('31967.27');
    expect(btc!.market.markTime).toBe(Date.UTC(2026, 10, 24, 6, 59, 58));
    expect(btc!.market.fundingInterval).toBe(28800);
    expect(btc!.market.volatility).toBe(0.65);
    const tiers = btc!.market.tiers;
    expect(typeof tiers === 'object' && tiers !== null && tiers.source).toBe('inline');
    if (typeof tiers === 'object' && tiers) {
      expect(tiers.tiers.map((t) => [t.floor.toFixed(), t.cap?.toFixed(), t.mmr.toFixed(), t.cum?.toFixed(), t.maxLeverage])).toEqual([
        ['0', '50000', '0.004', '0', 125],
        ['50000', '250000', '0.005', '50', 100],
      ]);
      expect(tiers.upperInclusive).toBe(false);
    }
    // entry span = the YAML item; field spans = the value tokens, quotes included
    expect(where(btc!.span).startsWith(at(YAML_FILE, 'id: btc-1').split('-')[0]!)).toBe(true);
    expect(where(btc!.fields.size!)).toBe(at(YAML_FILE, '"109.488"'));
    expect(where(btc!.fields.markPrice!)).toBe(at(YAML_FILE, '"31967.27"'));
    // the position's own market field wins over markets[symbol]
    expect(eth!.market.markPrice?.toFixed()).toBe('1335.19');
    expect(where(eth!.fields.markPrice!)).toBe(at(YAML_FILE, '"1335.19"'));
    expect(eth!.market.mmr?.toFixed()).toBe('0.005');
    expect(eth!.market.tiers).toBe('binance-usdm/ETHUSDT@2021-06-01');
    expect(eth!.marginMode).toBe('isolated');
    expect(eth!.isolatedMargin?.toFixed()).toBe('1500');
    // signed size without side; isolated margin defaulted from leverage: 2·1400/10
    expect(eth2!.side).toBe('short');
    expect(eth2!.size.toFixed()).toBe('2');
    expect(eth2!.isolatedMargin?.toFixed()).toBe('280');
    expect(where(diag(r, 'default-isolated-margin'))).toBe(at(YAML_FILE, '10', 'leverage: '));
  });
});

const JSON_FILE = `{
  "version": 1,
  "venue": "bybit-linear",
  "marginMode": "isolated",
  "markets": {
    "BTCUSDT": { "markPrice": 97250.123456789012345678901, "mmr": "0.005", "cum": "0" }
  },
  "positions": [
    { "symbol": "BTCUSDT", "side": "long", "size": 0.123456789012345678901, "entryPrice": "96000", "isolatedMargin": "1000" }
  ]
}`;

describe('native JSON perp file', () => {
  const r = parse('a.positions.json', JSON_FILE);
  const p = perp(r).positions[0]!;

  it('keeps every digit of bare numbers and hints to quote them', () => {
    expect(p.size.toFixed()).toBe('0.123456789012345678901');
    expect(p.market.markPrice?.toFixed()).toBe('97250.123456789012345678901');
    const hints = r.diagnostics.filter((d) => d.code === 'precision-hint');
    expect(hints.map(where).sort()).toEqual([at(JSON_FILE, '97250.123456789012345678901'), at(JSON_FILE, '0.123456789012345678901', '"size"')].sort());
    expect(hints.every((h) => h.severity === 'hint')).toBe(true);
    expect(hints[0]!.message).toContain('"');
  });

  it('ids, spans and account', () => {
    expect(p.id).toBe('BTCUSDT-long-1');
    expect(p.marginMode).toBe('isolated');
    expect(where(p.span)).toBe(at(JSON_FILE, `{ "symbol"`).replace(/-\d+$/, '') + '-' + (JSON_FILE.split('\n')[8]!.lastIndexOf('}') + 2));
    expect(where(p.fields.entryPrice!)).toBe(at(JSON_FILE, '"96000"'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('YAML bare numbers with 21 digits stay exact too', () => {
    const y = parse('a.yaml', 'version: 1\nvenue: generic-linear\nwalletBalance: 1000.000000000000000000001\nmarkets: { X: { markPrice: "1", mmr: "0.01" } }\npositions:\n  - { symbol: X, size: 0.123456789012345678901, entryPrice: 1 }\n');
    expect(perp(y).walletBalance?.toFixed()).toBe('1000.000000000000000000001');
    expect(perp(y).positions[0]!.size.toFixed()).toBe('0.123456789012345678901');
    expect(where(diag(y, 'precision-hint'))).toBe('3:16-42');
  });
});

describe('docs/format.md §7 errors at their exact token', () => {
  const base = (positions: string, extra = '') => `version: 1
venue: binance-usdm
walletBalance: "25000"
${extra}markets:
  BTCUSDT: { markPrice: "97250.4", mmr: "0.004" }
positions:
${positions}`;

  it('unknown venue', () => {
    const t = 'version: 1\nvenue: binanse-usdm\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "1" }\n';
    const r = parse('x.yaml', t);
    const d = diag(r, 'unknown-venue');
    expect(where(d)).toBe('2:8-20');
    expect(d.message).toContain('binance-usdm');
    expect(r.unknown).toHaveLength(1);
    expect(r.unknown[0]!.reason).toContain('venue');
    expect(r.unknown[0]!.id).toBe('BTCUSDT-long-1');
  });

  it('non-decimal amount', () => {
    const t = base('  - { symbol: BTCUSDT, side: short, size: "0.2", entryPrice: "96,500" }\n');
    const r = parse('x.yaml', t);
    const d = diag(r, 'non-decimal-amount');
    expect(where(d)).toBe(at(t, '"96,500"'));
    expect(d.message).toContain('96500');
    expect(r.unknown[0]!.id).toBe('BTCUSDT-short-1');
  });

  it('YAML 1.1 forms, NaN and Infinity are not amounts', () => {
    for (const v of ['0x1F', '1_000', '.inf', 'NaN', '-.inf', '"Infinity"', '1e99999', '0o17']) {
      const t = base(`  - { symbol: BTCUSDT, side: long, size: ${v}, entryPrice: "1" }\n`);
      const r = parse('x.yaml', t);
      const d = diag(r, 'non-decimal-amount');
      expect(where(d), v).toBe(at(t, v, 'size: '));
      expect(perp(r).positions, v).toHaveLength(0);
      expect(r.unknown, v).toHaveLength(1);
    }
  });

  it('negative size with side', () => {
    const t = base('  - { symbol: BTCUSDT, side: short, size: "-3", entryPrice: "1" }\n');
    const r = parse('x.yaml', t);
    expect(where(diag(r, 'negative-size-with-side'))).toBe(at(t, '"-3"'));
    expect(r.unknown[0]!.reason).toContain('negative');
  });

  it('isolated without isolatedMargin or leverage', () => {
    const t = base('  - symbol: BTCUSDT\n    side: long\n    size: "2"\n    entryPrice: "3500"\n    marginMode: isolated\n');
    const r = parse('x.yaml', t);
    expect(where(diag(r, 'isolated-without-margin'))).toBe(at(t, 'isolated'));
    expect(r.unknown).toMatchObject([{ kind: 'perp', symbol: 'BTCUSDT', side: 'long', venue: 'binance-usdm' }]);
  });

  it('symbol not in markets (without its own mark)', () => {
    const t = base('  - { symbol: XRPUSDT, side: long, size: "5000", entryPrice: "2.41" }\n  - { symbol: SOLUSDT, side: long, size: "1", entryPrice: "2", markPrice: "3" }\n');
    const r = parse('x.yaml', t);
    const errs = r.diagnostics.filter((d) => d.code === 'unknown-symbol');
    expect(errs.map(where)).toEqual([at(t, 'XRPUSDT')]);
    expect(perp(r).positions.map((p) => p.symbol)).toEqual(['SOLUSDT']);
  });

  it('a market without a mark is not a reader error', () => {
    const t = 'version: 1\nvenue: binance-usdm\nwalletBalance: "1"\nmarkets: { BTCUSDT: { mmr: "0.004" } }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "1" }\n';
    const r = parse('x.yaml', t);
    expect(r.diagnostics).toEqual([]);
    expect(perp(r).positions[0]!.market.markPrice).toBeNull();
  });

  it('duplicate id', () => {
    const t = base('  - { id: a, symbol: BTCUSDT, side: long, size: "1", entryPrice: "1", marginMode: isolated, isolatedMargin: "1" }\n  - { id: a, symbol: BTCUSDT, side: long, size: "2", entryPrice: "1", marginMode: isolated, isolatedMargin: "1" }\n');
    const r = parse('x.yaml', t);
    const d = diag(r, 'duplicate-id');
    expect(d.severity).toBe('error');
    expect(where(d)).toBe('8:11-12');
    expect(perp(r).positions.map((p) => p.id)).toEqual(['a', 'a~2']);
    expect(d.message).toContain('a~2');
  });

  it('duplicate position (one-way cross) and hedge legs', () => {
    const t = base('  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "1" }\n  - { symbol: BTCUSDT, side: short, size: "1", entryPrice: "1" }\n');
    const r = parse('x.yaml', t);
    const d = diag(r, 'duplicate-position');
    expect(d.severity).toBe('warning');
    expect(d.line).toBe(8);
    expect(perp(r).positions).toHaveLength(2);
    const h = parse('x.yaml', t.replace('walletBalance', 'positionMode: hedge\nwalletBalance'));
    expect(codes(h)).not.toContain('duplicate-position');
  });

  it('unsupported margin mode', () => {
    const t = base('  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "1" }\n', 'marginMode: portfolio\n');
    const r = parse('x.yaml', t);
    expect(where(diag(r, 'unsupported-margin-mode'))).toBe(at(t, 'portfolio'));
    expect(r.unknown[0]!.reason).toContain('margin mode');
  });

  it('size 0 is an info and no row', () => {
    const t = base('  - { symbol: BTCUSDT, side: long, size: "0", entryPrice: "1" }\n');
    const r = parse('x.yaml', t);
    const d = diag(r, 'zero-size');
    expect(d.severity).toBe('info');
    expect(where(d)).toBe(at(t, '"0"'));
    expect(perp(r).positions).toHaveLength(0);
    expect(r.unknown).toHaveLength(0);
  });

  it('unknown keys warn at the key', () => {
    const t = base('  - { symbol: BTCUSDT, side: long, size: "1", entryPrce: "1" }\n');
    const r = parse('x.yaml', t);
    const d = diag(r, 'unknown-key');
    expect(where(d)).toBe(at(t, 'entryPrce'));
    expect(d.message).toContain('entryPrice');
    expect(codes(r)).toContain('missing-field');
  });

  it('fractions ≥ 1 suggest a percent', () => {
    const t = base('  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "1", mmr: "5" }\n');
    const r = parse('x.yaml', t);
    const d = diag(r, 'fraction-out-of-range');
    expect(where(d)).toBe(at(t, '"5"'));
    expect(d.message).toContain('did you mean "0.05"');
  });

  it('durations and times', () => {
    const t = base('  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "1", fundingInterval: 8, markTime: "2026-11-24T07:00:00" }\n');
    const r = parse('x.yaml', t);
    expect(where(diag(r, 'invalid-duration'))).toBe(at(t, '8', 'fundingInterval: '));
    const ti = diag(r, 'invalid-time');
    expect(where(ti)).toBe(at(t, '"2026-11-24T07:00:00"'));
    expect(ti.message).toContain('2026-11-24T07:00:00Z');
    const ok = parse('x.yaml', base('  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "1", fundingInterval: PT1H, markTime: 1764000000 }\n'));
    expect(perp(ok).positions[0]!.market.fundingInterval).toBe(3600);
    expect(perp(ok).positions[0]!.market.markTime).toBe(1764000000000);
  });

  it('missing walletBalance for cross positions', () => {
    const t = 'version: 1\nvenue: binance-usdm\nmarkets: { BTCUSDT: { markPrice: "1" } }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "1" }\n';
    const r = parse('x.yaml', t);
    expect(where(diag(r, 'missing-field'))).toBe('4:1-10');
    expect(perp(r).walletBalance).toBeNull();
  });

  it('missing and unsupported version', () => {
    expect(where(diag(parse('x.yaml', 'venue: binance-usdm\npositions: []\n'), 'missing-field'))).toBe('1:1-1');
    expect(where(diag(parse('x.yaml', 'version: 2\nvenue: binance-usdm\npositions: []\n'), 'unsupported-version'))).toBe('1:10-11');
  });
});

describe('inverse venues and contract size', () => {
  it('binance-coinm defaults 100 for BTC, 10 otherwise; inverse face margin', () => {
    const t = 'version: 1\nvenue: binance-coinm\nmarginMode: isolated\nmarkets: { BTCUSD_PERP: { markPrice: "50000" }, ETHUSD_PERP: { markPrice: "3000" } }\npositions:\n  - { symbol: BTCUSD_PERP, side: long, size: "10", entryPrice: "50000", leverage: 20 }\n  - { symbol: ETHUSD_PERP, side: long, size: "10", entryPrice: "2500", isolatedMargin: "0.1" }\n';
    const [btc, eth] = perp(parse('x.yaml', t)).positions;
    expect(btc!.market.contractSize?.toFixed()).toBe('100');
    expect(eth!.market.contractSize?.toFixed()).toBe('10');
    // face 10·100 = 1000 USD; 1000/50000/20 = 0.001 BTC
    expect(btc!.isolatedMargin?.toFixed()).toBe('0.001');
  });

  it('other inverse venues require contractSize', () => {
    const t = 'version: 1\nvenue: bybit-inverse\nwalletBalance: "1"\nmarkets: { BTCUSD: { markPrice: "50000" } }\npositions:\n  - { symbol: BTCUSD, side: long, size: "10", entryPrice: "50000" }\n';
    const r = parse('x.yaml', t);
    const d = diag(r, 'missing-field');
    expect(where(d)).toBe(at(t, 'BTCUSD', 'symbol: '));
    expect(d.message).toContain('contractSize');
    expect(r.unknown).toHaveLength(1);
  });
});
