import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/core/decimal';
import { evaluateLendingAccount } from '../../../src/engine/lending';
import {
  aaveCollateralToLiquidate, aaveIdealSeizure, aaveLiquidationCall, aaveMaxLiquidatableDebt, type AaveReserve,
} from '../../../src/engine/lending/aave-math';
import type { LendingVenueId } from '../../../src/engine/core/types';
import { account, asset, emode, leg, loan, sig30, vec } from './builders';

const one = (venue: LendingVenueId, ...args: Parameters<typeof account> extends [unknown, ...infer R] ? R : never) =>
  evaluateLendingAccount(account(venue, ...args)).metrics[0]!;

describe('A1 — Aave multi-collateral HF (GenericLogic.calculateUserAccountData)', () => {
  const markets = [
    asset('WETH', { price: '3012.45678901', lt: '0.83', decimals: 18 }),
    asset('WBTC', { price: '64321.98765432', lt: '0.78', decimals: 8 }),
    asset('USDC', { price: '0.99985', lt: '0.78', decimals: 6, stable: true }),
    asset('USDT', { price: '1.0001', decimals: 6, stable: true }),
    asset('DAI', { price: '0.9999', decimals: 18, stable: true }),
  ];
  const l = loan([leg('WETH', '12.5'), leg('WBTC', '0.35'), leg('USDC', '5000.123456')], [leg('USDT', '30000.5'), leg('DAI', '12000')]);
  const m = one('aave-v3', markets, [l]);

  it('reproduces the on-chain integers exactly', () => {
    expect(m.details['totalCollateralBase']).toBe(vec('A1', 'totalCollateralBase'));
    expect(m.details['totalDebtBase']).toBe(vec('A1', 'totalDebtBase'));
    expect(m.details['avgLiquidationThresholdBps']).toBe(vec('A1', 'avgLiquidationThresholdBps'));
    expect(m.details['healthFactorWad']).toBe(vec('A1', 'healthFactorWad'));
    expect(m.healthFactor!.eq(vec('A1', 'healthFactorOnchainDecimal'))).toBe(true);
  });
  it('ideal HF, weighted collateral, debt and WETH liquidation price to 30 digits', () => {
    expect(sig30(m.healthFactorIdeal)).toBe(sig30(new Dec(vec('A1', 'healthFactorIdeal'))));
    expect(m.marginBalance!.eq(vec('A1', 'weightedCollateralIdealUSD'))).toBe(true);
    expect(m.maintenanceMargin!.eq(vec('A1', 'debtIdealUSD'))).toBe(true);
    expect(sig30(m.liquidationPrices!['WETH'])).toBe(sig30(new Dec(vec('A1', 'liquidationPriceWETH_othersFixed'))));
    expect(m.liquidatable).toBe(false);
    expect(Object.keys(m.liquidationPrices!).sort()).toEqual(['WBTC', 'WETH']); // stables have none
  });
});

describe('A2 — eMode on/off', () => {
  const markets = [asset('wstETH', { price: '3600', lt: '0.81', lb: '0.06' }), asset('WETH', { price: '3000', lt: '0.83' })];
  const cats = [emode('1', '0.95', ['wstETH', 'WETH'], '0.01')];
  const mk = (eMode: string | null) => one('aave-v3', markets, [loan([leg('wstETH', '20')], [leg('WETH', '22')], { eMode })], { eModeCategories: cats });

  it('outside eMode the loan is liquidatable', () => {
    const m = mk(null);
    expect(m.details['healthFactorWad']).toBe(vec('A2', 'HF_noEmode_wad'));
    expect(sig30(m.healthFactorIdeal)).toBe(sig30(new Dec(vec('A2', 'HF_noEmode_ideal'))));
    expect(m.liquidatable).toBe(true);
  });
  it('in eMode the category LT applies and the wstETH/WETH ratio is the nearest key', () => {
    const m = mk('1');
    expect(m.details['healthFactorWad']).toBe(vec('A2', 'HF_eMode_wad'));
    expect(sig30(m.healthFactorIdeal)).toBe(sig30(new Dec(vec('A2', 'HF_eMode_ideal'))));
    expect(m.liquidatable).toBe(false);
    expect(sig30(m.liquidationPrices!['wstETH'])).toBe(sig30(new Dec(vec('A2', 'liquidationPrice_wstETH_USD_eMode(WETH fixed)'))));
    expect(sig30(m.liquidationPrices!['wstETH/WETH'])).toBe(sig30(new Dec(vec('A2', 'liquidationRatio_wstETH_per_WETH_eMode'))));
    expect(m.liquidationPrices!['WETH']!.eq(new Dec(20 * 3600 * 0.95).div(22))).toBe(true); // volatile debt, upward
    expect(m.symbol).toBe('wstETH/WETH');
    expect(m.direction).toBe('down');
    expect(m.markPrice!.eq('1.2')).toBe(true);
  });
  it('an undefined eMode id warns and is evaluated without eMode', () => {
    const r = evaluateLendingAccount(account('aave-v3', markets, [loan([leg('wstETH', '20')], [leg('WETH', '22')], { eMode: '7' })], { eModeCategories: cats }));
    expect(r.metrics[0]!.details['healthFactorWad']).toBe(vec('A2', 'HF_noEmode_wad'));
    expect(r.diagnostics.map((x) => x.code)).toContain('lending-unknown-emode');
  });
});

describe('A3 — close factor around HF = 0.95 (v3.3 vs v3.0/Spark)', () => {
  const mk = (venue: LendingVenueId, price: string) => one(venue,
    [asset('WETH', { price, lt: '0.8', lb: '0.05' }), asset('USDC', { price: '1', stable: true }), asset('DAI', { price: '1', stable: true })],
    [loan([leg('WETH', '10')], [leg('USDC', '10000'), leg('DAI', '6000')])]);
  const cases: Array<[string, string]> = [['1920', 'HF_0.96'], ['1900', 'HF_exactly_0.95'], ['1900.00000001', 'HF_0.95_plus_1e-11']];
  for (const [price, key] of cases) {
    it(`WETH @ ${price}`, () => {
      const v33 = mk('aave-v3', price);
      expect(v33.details['healthFactorWad']).toBe(vec('A3', `${key}.HF_wad`));
      expect(v33.liquidatable).toBe(true);
      expect(v33.details['maxRepayable']).toEqual({ USDC: vec('A3', `${key}.v33_maxUSDC`), DAI: vec('A3', `${key}.v33_maxDAI`) });
      const v30 = mk('spark', price);
      expect(v30.details['maxRepayable']).toEqual({ USDC: vec('A3', `${key}.v30_maxUSDC`), DAI: vec('A3', `${key}.v30_maxDAI`) });
    });
  }
  it('small position: collateral below $2000 → 100 % in v3.3, 50 % in v3.0', () => {
    const mkSmall = (venue: LendingVenueId) => one(venue, [asset('WETH', { price: '1856.25', lt: '0.8', lb: '0.05' }), asset('USDC', { price: '1', stable: true })], [loan([leg('WETH', '1')], [leg('USDC', '1500')])]);
    expect(mkSmall('aave-v3').details['healthFactorWad']).toBe(vec('A3', 'small_position.HF_wad'));
    expect((mkSmall('aave-v3').details['maxRepayable'] as Record<string, string>)['USDC']).toBe(vec('A3', 'small_position.v33_maxUSDC'));
    expect((mkSmall('spark').details['maxRepayable'] as Record<string, string>)['USDC']).toBe(vec('A3', 'small_position.v30_maxUSDC'));
  });
  it('version param selects the rule on aave-v3 too', () => {
    const r: AaveReserve = { balance: 10000n * 10n ** 6n, price: 10n ** 8n, unit: 10n ** 6n };
    const c: AaveReserve = { balance: 10n * 10n ** 18n, price: 1920n * 10n ** 8n, unit: 10n ** 18n };
    expect(aaveMaxLiquidatableDebt(3.0, 96n * 10n ** 16n, r, c, 16000n * 10n ** 8n)).toBe(5000n * 10n ** 6n);
    expect(aaveMaxLiquidatableDebt(3.3, 96n * 10n ** 16n, r, c, 16000n * 10n ** 8n)).toBe(8000n * 10n ** 6n);
  });
});

describe('A4 — seizure with bonus and protocol fee (_calculateAvailableCollateralToLiquidate)', () => {
  const usdc: AaveReserve = { balance: 100000n * 10n ** 6n, price: 10n ** 8n, unit: 10n ** 6n };
  const weth = (bal: bigint): AaveReserve => ({ balance: bal, price: 1920n * 10n ** 8n, unit: 10n ** 18n });
  it('v3.3 rounding', () => {
    const s = aaveCollateralToLiquidate(weth(100n * 10n ** 18n), usdc, 8000n * 10n ** 6n, 10500n, 1000n);
    expect(s.toLiquidator.toString()).toBe(vec('A4', 'v33.toLiquidatorWei'));
    expect(s.protocolFee.toString()).toBe(vec('A4', 'v33.protocolFeeWei'));
    expect(s.debtRepaid.toString()).toBe(vec('A4', 'v33.debtRepaidUSDCunits'));
  });
  it('v3.7 rounding', () => {
    const s = aaveCollateralToLiquidate(weth(100n * 10n ** 18n), usdc, 8000n * 10n ** 6n, 10500n, 1000n, true);
    expect(s.toLiquidator.toString()).toBe(vec('A4', 'v37.toLiquidatorWei'));
    expect(s.protocolFee.toString()).toBe(vec('A4', 'v37.protocolFeeWei'));
  });
  it('insufficient collateral (4 WETH)', () => {
    const s = aaveCollateralToLiquidate(weth(4n * 10n ** 18n), usdc, 8000n * 10n ** 6n, 10500n, 1000n);
    expect(s.toLiquidator.toString()).toBe(vec('A4', 'insufficientCollateral(4 WETH).toLiquidatorWei'));
    expect(s.protocolFee.toString()).toBe(vec('A4', 'insufficientCollateral.protocolFeeWei'));
    expect(s.debtRepaid.toString()).toBe(vec('A4', 'insufficientCollateral.debtRepaidUSDCunits'));
  });
  it('ideal amounts to 30 digits', () => {
    const s = aaveIdealSeizure(new Dec(8000), new Dec(1920), new Dec('0.05'), new Dec('0.1'));
    expect(sig30(s.total)).toBe(sig30(new Dec(vec('A4', 'ideal.totalSeizedWETH'))));
    expect(sig30(s.protocolFee)).toBe(sig30(new Dec(vec('A4', 'ideal.protocolFeeWETH'))));
    expect(sig30(s.toLiquidator)).toBe(sig30(new Dec(vec('A4', 'ideal.toLiquidatorWETH'))));
  });
});

describe('A5 — v3.3 dust rule', () => {
  const weth: AaveReserve = { balance: 10n * 10n ** 18n, price: 1920n * 10n ** 8n, unit: 10n ** 18n, lt: 8000n };
  const usdc: AaveReserve = { balance: 2500n * 10n ** 6n, price: 10n ** 8n, unit: 10n ** 6n };
  const call = (repay: bigint) => aaveLiquidationCall({
    version: 3.3, healthFactor: BigInt(vec('A5', 'HF_wad')), collateral: weth, debt: usdc,
    totalCollateralBase: 19200n * 10n ** 8n, totalDebtBase: 16500n * 10n ** 8n, debtToCover: repay * 10n ** 6n, bonusBps: 10500n, protocolFeeBps: 0n,
  });
  it('HF of the position', () => {
    const m = one('aave-v3', [asset('WETH', { price: '1920', lt: '0.8' }), asset('USDC', { price: '1', stable: true }), asset('DAI', { price: '1', stable: true })],
      [loan([leg('WETH', '10')], [leg('USDC', '2500'), leg('DAI', '14000')])]);
    expect(m.details['healthFactorWad']).toBe(vec('A5', 'HF_wad'));
    expect(m.details['closeFactor']).toBe('1');
  });
  for (const repay of [1800n, 1500n, 2500n]) {
    it(`repay ${repay} USDC`, () => {
      const c = call(repay);
      expect(String(c.allowed ? 'True' : 'False')).toBe(vec('A5', `repay${repay}.allowed`));
      expect(c.debtLeftBase === null ? 'None' : c.debtLeftBase.toString()).toBe(vec('A5', `repay${repay}.debtLeftBase`));
      expect(c.createsBadDebt).toBe(false);
    });
  }
  it('v3.0 (Spark) has no dust rule', () => {
    expect(aaveLiquidationCall({ version: 3.0, healthFactor: 93n * 10n ** 16n, collateral: weth, debt: usdc, totalCollateralBase: 19200n * 10n ** 8n, totalDebtBase: 16500n * 10n ** 8n, debtToCover: 1800n * 10n ** 6n, bonusBps: 10500n, protocolFeeBps: 0n }).allowed).toBe(true);
  });
  it('seizing all collateral with debt left creates bad debt (v3.3)', () => {
    const small: AaveReserve = { ...weth, balance: 10n ** 18n };
    const c = aaveLiquidationCall({ version: 3.3, healthFactor: 5n * 10n ** 17n, collateral: small, debt: usdc, totalCollateralBase: 1920n * 10n ** 8n, totalDebtBase: 2500n * 10n ** 8n, debtToCover: 2500n * 10n ** 6n, bonusBps: 10500n, protocolFeeBps: 0n });
    expect(c.toLiquidator).toBe(small.balance);
    expect(c.createsBadDebt).toBe(true);
  });
});

describe('Aave boundaries and edge cases', () => {
  const markets = [asset('WETH', { price: '2000', lt: '0.8', lb: '0.05' }), asset('USDC', { price: '1', decimals: 6, stable: true })];
  const at = (debt: string) => one('aave-v3', markets, [loan([leg('WETH', '1')], [leg('USDC', debt)])]);
  it('HF exactly 1 is safe (strict HF < 1e18), one unit more debt liquidates', () => {
    expect(at('1600').healthFactor!.eq(1)).toBe(true);
    expect(at('1600').liquidatable).toBe(false);
    expect(at('1600.000001').liquidatable).toBe(true);
  });
  it('liquidation cost = bonus on the max repayable at the liquidation point', () => {
    const m = at('1000');
    // LP = 1000/0.8 = 1250; coll $1250 < $2000 → 100 % close factor; 1000 USDC repaid, 1050 USD of WETH seized
    expect(m.liquidationPrice!.eq(1250)).toBe(true);
    expect(m.liquidationCost!.eq(50)).toBe(true);
    expect(m.details['liquidationEvaluatedAt']).toBe('WETH at its liquidation price');
  });
  it('no debt → HF null with note', () => {
    const m = one('aave-v3', markets, [loan([leg('WETH', '1')], [])]);
    expect(m.healthFactor).toBeNull();
    expect(m.note).toBe('no debt');
    expect(m.liquidatable).toBe(false);
  });
  it('missing price → unknownReason', () => {
    const m = one('aave-v3', [asset('WETH', { lt: '0.8' }), markets[1]!], [loan([leg('WETH', '1')], [leg('USDC', '100')])]);
    expect(m.unknownReason).toBe('missing price for WETH');
  });
  it('collateral disabled (usageAsCollateral false) does not count', () => {
    const m = one('aave-v3', [...markets, asset('WBTC', { price: '60000', lt: '0.75', decimals: 8 })], [loan([leg('WETH', '1'), leg('WBTC', '1', false)], [leg('USDC', '1000')])]);
    expect(m.healthFactor!.eq('1.6')).toBe(true);
  });
  it('amounts beyond token decimals are truncated with an info diagnostic', () => {
    const r = evaluateLendingAccount(account('aave-v3', markets, [loan([leg('WETH', '1')], [leg('USDC', '100.0000001')])]));
    expect(r.diagnostics.some((x) => x.code === 'lending-truncated' && x.severity === 'info')).toBe(true);
  });
  it('volatile debt against stable collateral gives an upward price', () => {
    const m = one('aave-v3', [asset('USDC', { price: '1', lt: '0.78', decimals: 6, stable: true }), asset('WETH', { price: '2000' })], [loan([leg('USDC', '10000')], [leg('WETH', '3')])]);
    expect(m.symbol).toBe('WETH');
    expect(m.direction).toBe('up');
    expect(m.liquidationPrice!.eq(2600)).toBe(true);
  });
  it('isolated collateral mixed with other collateral warns', () => {
    const r = evaluateLendingAccount(account('aave-v3', [...markets, asset('LINK', { price: '15', lt: '0.7', extra: { debtCeiling: '5000000' } })], [loan([leg('WETH', '1'), leg('LINK', '100')], [leg('USDC', '100')])]));
    expect(r.diagnostics.map((x) => x.code)).toContain('lending-isolation-mode');
    expect(r.metrics[0]!.details['isolationMode']).toEqual({ asset: 'LINK', debtCeiling: '5000000' });
  });
});

describe('Aave protocolVersion', () => {
  const mk = (protocolVersion?: string) => one('aave-v3',
    [asset('WETH', { price: '2000', lt: '0.8' }), asset('USDC', { price: '0.99999999', decimals: 6, stable: true })],
    [loan([leg('WETH', '1')], [leg('USDC', '0.000001')], { params: protocolVersion ? { protocolVersion } : {} })]);
  it('v3.3 floors debt base values, v3.5 rounds them up (docs/3.5)', () => {
    expect(mk().details['totalDebtBase']).toBe('99');
    expect(mk('3.5').details['totalDebtBase']).toBe('100');
    expect(mk('3.5').details['protocolVersion']).toBe('3.5');
  });
  it('spark defaults to 3.0', () => {
    expect(one('spark', [asset('WETH', { price: '2000', lt: '0.8' }), asset('DAI', { price: '1', stable: true })], [loan([leg('WETH', '1')], [leg('DAI', '100')])]).details['protocolVersion']).toBe('3.0');
  });
});
