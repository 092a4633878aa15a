// docs/results.md §2.5: the figures a trader expects (position value, PnL, ROE, leverage, funding; loan lines, LTV),
// every number checked by hand in the comments.
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import type { ResultRow } from '../../../src/engine/evaluate/report';

const NOW = Date.parse('2026-11-24T07:00:00Z');

function rows(body: string, now = NOW): ResultRow[] {
  return evaluateFile({ path: 't.positions.yaml', absPath: '/tmp/t.positions.yaml', text: `version: 1\nasOf: 2026-11-24T06:59:00Z\n${body}` }, { now }).rows;
}
const byId = (rs: ResultRow[], id: string): ResultRow => rs.find((r) => r.id === id)!;

describe('perp figures (docs/results.md §2.5)', () => {
  const linear = (position: string, venue = 'binance-usdm') => rows(
    `venue: ${venue}\nmarkets:\n  BTCUSDT: { markPrice: "97250.4", mmr: "0.005", cum: "0", fundingRate: "0.0001" }\n` +
    `positions:\n  - { id: p, symbol: BTCUSDT, side: long, size: "2", entryPrice: "100000", marginMode: isolated, isolatedMargin: "20000"${position} }\n`);

  it('a linear isolated long: value, PnL, ROE on the leverage setting, effective leverage, funding', () => {
    const d = byId(linear(', leverage: "10"'), 'p').details;
    expect(d.positionValue).toBe('194500.8'); // 2 × 97,250.4
    expect(d.unrealisedPnl).toBe('-5499.2'); // 2 × (97,250.4 − 100,000)
    expect(d.initialMargin).toBe('20000'); // 2 × 100,000 / 10
    expect(d.initialMarginSource).toBe('leverage');
    expect(d.roe).toBe('-0.27496'); // −5,499.2 / 20,000
    // margin balance = isolated margin 20,000 + PnL −5,499.2 = 14,500.8; 194,500.8 / 14,500.8
    expect(d.leverage).toBe('13.4131082423038728897715988083');
    expect(d.leverageBasis).toBe('position');
    expect(d.leverageSetting).toBe('10');
    expect(d.fundingRate).toBe('0.0001');
    expect(d.fundingIntervalSeconds).toBe(28800);
    expect(d.fundingIntervalSource).toBe('venue');
    expect(d.nextFundingTime).toBe('2026-11-24T08:00:00.000Z'); // Binance 00/08/16 UTC, after 07:00
    expect(d.nextFundingPayment).toBe('-19.45008'); // a long pays 0.0001 × 194,500.8
  });

  it('ROE on the isolated margin when no leverage is set; none for cross without a setting', () => {
    const d = byId(linear(''), 'p').details;
    expect(d.initialMargin).toBe('20000');
    expect(d.initialMarginSource).toBe('isolatedMargin');
    expect(d.roe).toBe('-0.27496');
    expect(d.leverageSetting).toBeNull();
  });

  it('an inverse short (Binance COIN-M BTCUSD, 100 USD contracts): value and PnL in the coin', () => {
    const d = byId(rows(
      'venue: binance-coinm\nmarkets:\n  BTCUSD_PERP: { markPrice: "40000", mmr: "0.004", cum: "0", fundingRate: "0.0002" }\n' +
      'positions:\n  - { id: s, symbol: BTCUSD_PERP, side: short, size: "10", entryPrice: "50000", marginMode: isolated, leverage: "5" }\n'), 's').details;
    expect(d.inverse).toBe(true);
    expect(d.positionValue).toBe('0.025'); // 10 × 100 USD / 40,000
    expect(d.unrealisedPnl).toBe('0.005'); // −1 × 1,000 × (1/50,000 − 1/40,000)
    expect(d.initialMargin).toBe('0.004'); // 1,000 / 50,000 / 5
    expect(d.roe).toBe('1.25'); // 0.005 / 0.004
    // margin balance = 0.004 (defaulted isolated margin) + 0.005 = 0.009; 0.025 / 0.009
    expect(d.leverage).toBe('2.77777777777777777777777777778');
    expect(d.nextFundingPayment).toBe('0.000005'); // a short receives 0.0002 × 0.025 BTC
  });

  it('a cross account: the account effective leverage on every leg (Σ value / margin balance)', () => {
    const rs = rows(
      'venue: generic-linear\nwalletBalance: "10000"\nmarkets:\n  BTCUSDT: { markPrice: "97250.4", mmr: "0.005" }\n  ETHUSDT: { markPrice: "3412.5", mmr: "0.01" }\n' +
      'positions:\n  - { id: b, symbol: BTCUSDT, side: long, size: "1", entryPrice: "100000", marginMode: cross, leverage: "20" }\n' +
      '  - { id: e, symbol: ETHUSDT, side: short, size: "10", entryPrice: "3000", marginMode: cross }\n');
    const b = byId(rs, 'b');
    const e = byId(rs, 'e');
    // MB = 10,000 − 2,749.6 − 4,125 = 3,125.4; (97,250.4 + 34,125) / 3,125.4
    expect(b.marginBalance).toBe('3125.4');
    expect(b.details.leverage).toBe('42.0347475523133038971011710501');
    expect(e.details.leverage).toBe(b.details.leverage);
    expect(b.details.leverageBasis).toBe('account');
    expect(b.details.unrealisedPnl).toBe('-2749.6');
    expect(e.details.unrealisedPnl).toBe('-4125'); // −10 × (3,412.5 − 3,000)
    expect(b.details.roe).toBe('-0.54992'); // −2,749.6 / (100,000 / 20)
    expect(e.details.initialMargin).toBeNull();
    expect(e.details.roe).toBeNull();
    expect(e.details.fundingRate).toBeNull();
    expect(e.details.nextFundingPayment).toBeNull();
  });

  it('next funding time follows the venue schedule, strictly after the evaluation time', () => {
    const at = (venue: string, now: number, extra = '') => byId(rows(
      `venue: ${venue}\nmarkets:\n  XBTUSD: { markPrice: "40000", mmr: "0.004", contractSize: "1"${extra} }\n` +
      'positions:\n  - { id: x, symbol: XBTUSD, side: long, size: "100", entryPrice: "40000", marginMode: isolated, isolatedMargin: "0.01" }\n', now), 'x').details;
    expect(at('bitmex', NOW).nextFundingTime).toBe('2026-11-24T12:00:00.000Z'); // BitMEX 04/12/20 UTC
    expect(at('bitmex', Date.parse('2026-11-24T04:00:00Z')).nextFundingTime).toBe('2026-11-24T12:00:00.000Z');
    expect(at('deribit', NOW).nextFundingTime).toBeNull(); // continuous funding
    const hourly = at('bybit-inverse', NOW, ', fundingInterval: 1h');
    expect(hourly.fundingIntervalSeconds).toBe(3600);
    expect(hourly.fundingIntervalSource).toBe('file');
    expect(hourly.nextFundingTime).toBe('2026-11-24T08:00:00.000Z');
    expect(at('bybit-inverse', Date.parse('2026-11-24T07:30:00Z'), ', fundingInterval: 1h').nextFundingTime).toBe('2026-11-24T08:00:00.000Z');
  });

  it('no mark: the figures that need it are null, never guessed', () => {
    const d = byId(rows('venue: generic-linear\nmarkets:\n  BTCUSDT: { mmr: "0.005" }\npositions:\n  - { id: p, symbol: BTCUSDT, side: long, size: "1", entryPrice: "100", marginMode: isolated, isolatedMargin: "10", leverage: "10" }\n'), 'p').details;
    expect(d.positionValue).toBeNull();
    expect(d.unrealisedPnl).toBeNull();
    expect(d.roe).toBeNull();
    expect(d.leverage).toBeNull();
    expect(d.initialMargin).toBe('10');
  });
});

describe('loan lines, LTV and liquidation threshold (docs/results.md §2.5)', () => {
  const aave = (eMode = '0') => rows(
    'venue: aave-v3\nmarkets:\n' +
    '  WETH: { price: "3000", liquidationThreshold: "0.825", liquidationBonus: "0.05", decimals: 18 }\n' +
    '  WBTC: { price: "60000", liquidationThreshold: "0.78", liquidationBonus: "0.065", decimals: 8 }\n' +
    '  wstETH: { price: "3500", liquidationThreshold: "0.81", liquidationBonus: "0.06", decimals: 18 }\n' +
    '  USDC: { price: "1", liquidationThreshold: "0.78", decimals: 6, stable: true }\n' +
    'eModeCategories:\n  "1": { label: ETH, liquidationThreshold: "0.93", liquidationBonus: "0.01", assets: [WETH, wstETH] }\n' +
    `loans:\n  - id: l\n    eMode: "${eMode}"\n    collateral:\n      - { asset: WETH, amount: "10" }\n      - { asset: WBTC, amount: "0.5" }\n` +
    '      - { asset: USDC, amount: "1000", usageAsCollateral: false }\n    debt:\n      - { asset: USDC, amount: "20000" }\n');

  it('lists each line with its value and threshold; LTV = debt / collateral; LT = value-weighted', () => {
    const r = byId(aave(), 'l');
    const d = r.details;
    expect(d.collateralLines).toEqual([
      { asset: 'WETH', amount: '10', price: '3000', value: '30000', liquidationThreshold: '0.825', usedAsCollateral: true },
      { asset: 'WBTC', amount: '0.5', price: '60000', value: '30000', liquidationThreshold: '0.78', usedAsCollateral: true },
      { asset: 'USDC', amount: '1000', price: '1', value: '1000', liquidationThreshold: '0', usedAsCollateral: false },
    ]);
    expect(d.debtLines).toEqual([{ asset: 'USDC', amount: '20000', price: '1', value: '20000', liquidationThreshold: null, usedAsCollateral: false }]);
    expect(d.collateralValue).toBe('60000'); // the disabled USDC is not collateral
    expect(d.debtValue).toBe('20000');
    expect(d.ltv).toBe('0.333333333333333333333333333333'); // 20,000 / 60,000
    expect(d.liquidationThreshold).toBe('0.8025'); // (30,000 × 0.825 + 30,000 × 0.78) / 60,000
    // health factor (real numbers) = LT / LTV = 48,150 / 20,000
    expect(r.healthFactorIdeal).toBe('2.4075');
  });

  it('in eMode the category threshold applies to the lines in the category', () => {
    const d = byId(aave('1'), 'l').details;
    expect((d.collateralLines as Array<{ liquidationThreshold: string }>).map((l) => l.liquidationThreshold)).toEqual(['0.93', '0.78', '0']);
    expect(d.liquidationThreshold).toBe('0.855'); // (30,000 × 0.93 + 30,000 × 0.78) / 60,000
  });

  it('a loan missing a price still lists its lines, with unknown values and thresholds', () => {
    const d = byId(rows('venue: aave-v3\nmarkets:\n  WETH: { liquidationThreshold: "0.8" }\n  USDC: { price: "1", stable: true }\nloans:\n  - id: l\n    collateral:\n      - { asset: WETH, amount: "1" }\n    debt:\n      - { asset: USDC, amount: "100" }\n'), 'l').details;
    expect(d.collateralLines).toEqual([{ asset: 'WETH', amount: '1', price: null, value: null, liquidationThreshold: null, usedAsCollateral: true }]);
    expect(d.ltv).toBeNull();
    expect(d.liquidationThreshold).toBeNull();
  });
});
