import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/core/decimal';
import { evaluateLendingAccount } from '../../../src/engine/lending';
import { cometQuoteCollateral } from '../../../src/engine/lending/compound';
import { makerBark } from '../../../src/engine/lending/maker';
import { morphoLIF, morphoLIFIdeal, morphoLiquidateAll, toAssetsUp } from '../../../src/engine/lending/morpho';
import type { LendingAsset, LendingVenueId, Loan } from '../../../src/engine/core/types';
import { account, asset, leg, loan, sig30, vec } from './builders';

const evalOne = (venue: LendingVenueId, markets: LendingAsset[], l: Loan, params: Record<string, string> = {}) =>
  evaluateLendingAccount(account(venue, markets, [l], { params })).metrics[0]!;

describe('C1 — Compound v3 isLiquidatable boundary', () => {
  const mk = (price: string) => evalOne('compound-v3',
    [asset('WETH', { price, lcf: '0.90', lf: '0.95' }), asset('USDC', { price: '1.00000000', decimals: 6, stable: true })],
    loan([leg('WETH', '5')], [leg('USDC', '12000')]));
  it('liquidity −3 at 2666.66666666 → liquidatable', () => {
    const m = mk('2666.66666666');
    expect(m.details['liquidity']).toBe(vec('C1', 'liquidity@2666.66666666 (1e8 units)'));
    expect(m.liquidatable).toBe(vec('C1', 'isLiquidatable@2666.66666666') === 'True');
    expect(m.healthFactor!.lt(1)).toBe(true);
  });
  it('liquidity +1 at 2666.66666667 → not', () => {
    const m = mk('2666.66666667');
    expect(m.details['liquidity']).toBe(vec('C1', 'liquidity@2666.66666667'));
    expect(m.liquidatable).toBe(vec('C1', 'isLiquidatable@2666.66666667') === 'True');
  });
  it('ideal liquidation price to 30 digits', () => {
    expect(sig30(mk('3000').liquidationPrice)).toBe(sig30(new Dec(vec('C1', 'ideal.liquidationPriceUSD'))));
  });
  it('liquidity exactly 0 is not liquidatable (liquidity < 0 strict)', () => {
    const m = evalOne('compound-v3', [asset('WETH', { price: '2000', lcf: '0.8' }), asset('USDC', { price: '1', decimals: 6, stable: true })], loan([leg('WETH', '1')], [leg('USDC', '1600')]));
    expect(m.details['liquidity']).toBe('0');
    expect(m.healthFactor!.eq(1)).toBe(true);
    expect(m.liquidatable).toBe(false);
  });
  it('factors keep 4 decimals (0.82559 → 0.8255)', () => {
    const r = evaluateLendingAccount(account('compound-v3', [asset('WETH', { price: '2000', lcf: '0.82559' }), asset('USDC', { price: '1', decimals: 6, stable: true })], [loan([leg('WETH', '1')], [leg('USDC', '1000')])]));
    expect(r.metrics[0]!.healthFactor!.eq('1.651')).toBe(true);
    expect(r.diagnostics.some((x) => x.code === 'lending-truncated')).toBe(true);
  });
});

describe('C2 — Compound v3 absorb and store front', () => {
  const m = evalOne('compound-v3',
    [asset('WETH', { price: '2600', lcf: '0.90', lf: '0.95', sfpf: '0.6' }), asset('USDC', { price: '1', decimals: 6, stable: true })],
    loan([leg('WETH', '5')], [leg('USDC', '12000')]));
  it('absorb amounts', () => {
    expect(m.liquidatable).toBe(true);
    const a = m.details['absorb'] as Record<string, string>;
    expect(new Dec(a['collateralValue']!).mul(1e8).toFixed()).toBe(vec('C2', 'collateralValue(1e8)'));
    expect(new Dec(a['creditedValue']!).mul(1e8).toFixed()).toBe(vec('C2', 'deltaValue(1e8)'));
    expect(new Dec(a['deltaBalance']!).mul(1e6).toFixed()).toBe(vec('C2', 'deltaBalanceUSDCunits'));
    expect(new Dec(a['newBalance']!).mul(1e6).toFixed()).toBe(vec('C2', 'newBalanceUSDCunits(positive=supply)'));
    expect(m.liquidationCost!.eq(650)).toBe(true); // 13000 of collateral − 12000 debt − 350 credited
    expect((m.details['storeFront'] as Record<string, Record<string, string>>)['WETH']!['discount']).toBe(vec('C2', 'discountFactor'));
  });
  it('quoteCollateral', () => {
    const q = cometQuoteCollateral({ assetPrice: 2600n * 10n ** 8n, basePrice: 10n ** 8n, assetScale: 10n ** 18n, baseScale: 10n ** 6n, liquidationFactor: 95n * 10n ** 16n, storeFrontPriceFactor: 6n * 10n ** 17n, baseAmount: 10000n * 10n ** 6n });
    expect(q.discountedPrice.toString()).toBe(vec('C2', 'discountedPrice(1e8)'));
    expect(q.collateral.toString()).toBe(vec('C2', 'quoteCollateralWei'));
    expect(new Dec(q.collateral.toString()).div(1e18).toFixed()).toBe(vec('C2', 'quoteCollateralWETH'));
  });
  it('two debt lines are an error and unknown', () => {
    const r = evaluateLendingAccount(account('compound-v3', [asset('WETH', { price: '2600', lcf: '0.9' }), asset('USDC', { price: '1', decimals: 6, stable: true }), asset('USDT', { price: '1', decimals: 6, stable: true })], [loan([leg('WETH', '5')], [leg('USDC', '1'), leg('USDT', '1')])]));
    expect(r.metrics[0]!.unknownReason).toMatch(/one base asset/);
    expect(r.diagnostics[0]!.severity).toBe('error');
  });
});

describe('M1 — Maker vault', () => {
  const params = { art: '8000', rate: '1.05', liquidationRatio: '1.45', chop: '1.13' };
  const mk = (price: string, extra: Record<string, string> = {}) => evalOne('maker', [asset('ETH', { price }), asset('DAI', { price: '1', stable: true })], loan([leg('ETH', '10')], [leg('DAI', '8400')], { params: { ...params, ...extra } }));
  it('debt, collateralization ratio and liquidation price', () => {
    const m = mk('2000');
    expect(m.details['debt']).toBe(vec('M1', 'debtDAI(art*rate)'));
    expect(sig30(new Dec(m.details['collateralizationRatio'] as string))).toBe(sig30(new Dec(vec('M1', 'collateralizationRatio@2000'))));
    expect(m.liquidationPrice!.eq(vec('M1', 'liquidationPrice'))).toBe(true);
  });
  it('at exactly 1218 the vault is safe (ink·spot == art·rate); 1e-18 lower it is unsafe', () => {
    const m = mk('1218');
    expect(m.details['spot']).toBe(vec('M1', 'spot@1218 (ray)'));
    expect(m.liquidatable).toBe(vec('M1', 'unsafe@1218') === 'True');
    expect(m.healthFactor!.eq(1)).toBe(true);
    expect(mk('1217.999999999999999999').liquidatable).toBe(vec('M1', 'unsafe@1218-1e-18') === 'True');
  });
  it('tab and penalty', () => {
    const m = mk('1000');
    const bark = m.details['bark'] as Record<string, unknown>;
    expect(bark['tab']).toBe(vec('M1', 'tab(rad)/1e45'));
    expect(m.liquidationCost!.eq(9492 - 8400)).toBe(true);
  });
  it('partial bark with room 5000, leftover dusty → whole vault', () => {
    const base = { ink: 10n * 10n ** 18n, art: 8000n * 10n ** 18n, rate: 105n * 10n ** 25n, chop: 113n * 10n ** 16n, room: 5000n * 10n ** 45n };
    const partial = makerBark({ ...base, dust: 0n });
    expect(partial.dart.toString()).toBe(vec('M1', 'partial.dart(wad)'));
    expect(sig30(new Dec(((base.art - partial.dart) * base.rate).toString()).div('1e45'))).toBe(sig30(new Dec(vec('M1', 'partial.leftoverDebt/1e45'))));
    expect(makerBark({ ...base, dust: 7500n * 10n ** 45n }).wholeVault).toBe(vec('M1', 'partial.leftoverIsDusty->liquidateWholeVault') === 'True');
    const viaModel = mk('1000', { room: '5000', dust: '7500' });
    expect((viaModel.details['bark'] as Record<string, unknown>)['wholeVault']).toBe(true);
  });
  it('missing mat → unknown', () => {
    const m = evalOne('maker', [asset('ETH', { price: '2000' })], loan([leg('ETH', '10')], [leg('DAI', '8400')]));
    expect(m.unknownReason).toMatch(/liquidationRatio/);
  });
});

describe('L1 — Liquity v1', () => {
  const mk = (tcr?: string) => evalOne('liquity-v1', [asset('ETH', { price: '2000' }), asset('LUSD', { price: '1', stable: true })], loan([leg('ETH', '10')], [leg('LUSD', '15000')]), tcr ? { tcr } : {});
  it('normal mode: ICR, liquidation price, gas compensation at the liquidation point', () => {
    const m = mk();
    expect(new Dec(m.details['icr'] as string).mul(1e18).toFixed()).toBe(vec('L1', 'ICR(1e18)'));
    expect(m.details['icr']).toBe(vec('L1', 'ICR'));
    expect(m.liquidationPrice!.eq(vec('L1', 'liquidationPrice_normalMode'))).toBe(true);
    expect(m.liquidatable).toBe(false);
    expect(m.details['collGasCompensation']).toBe(vec('L1', 'normalMode.collGasCompensationETH'));
    expect(m.details['collToStabilityPool']).toBe(vec('L1', 'normalMode.collToSP_ETH'));
  });
  it('Recovery Mode at TCR 1.40: at risk below 2100, capped liquidation now', () => {
    const m = mk('1.40');
    expect(m.details['recoveryMode']).toBe(true);
    expect(m.liquidationPrice!.eq(vec('L1', 'liquidationPrice_ifTCR=1.40(recovery)'))).toBe(true);
    expect(m.liquidatable).toBe(true);
    expect(m.details['mode']).toBe('recovery-capped');
    expect(m.details['collGasCompensation']).toBe(vec('L1', 'recoveryCapped.collGasCompETH'));
    expect(m.details['collToStabilityPool']).toBe(vec('L1', 'recoveryCapped.collToSP_ETH'));
    expect(m.details['collSurplus']).toBe(vec('L1', 'recoveryCapped.collSurplusETH'));
    expect(new Dec(vec('L1', 'recoveryCapped.collGasCompETH')).add(vec('L1', 'recoveryCapped.collToSP_ETH')).eq(vec('L1', 'recoveryCapped.cappedCollPortionETH'))).toBe(true);
    expect(m.liquidationCost!.eq(1500)).toBe(true); // 8.25 ETH × 2000 − 15000
  });
  it('ICR exactly MCR is not liquidatable', () => {
    const m = evalOne('liquity-v1', [asset('ETH', { price: '1650' })], loan([leg('ETH', '10')], [leg('LUSD', '15000')]));
    expect(m.healthFactor!.eq(1)).toBe(true);
    expect(m.liquidatable).toBe(false);
  });
});

describe('L2 — Liquity v2 wstETH branch (MCR 120 %)', () => {
  const mk = (price: string) => evalOne('liquity-v2', [asset('wstETH', { price }), asset('BOLD', { price: '1', stable: true })], loan([leg('wstETH', '5')], [leg('BOLD', '10000')]));
  it('ICR 1.2 at 2400 is not liquidatable (strict)', () => {
    const m = mk('2400');
    expect(m.details['icr']).toBe(vec('L2', 'ICR@2400'));
    expect(m.liquidatable).toBe(vec('L2', 'liquidatable@2400') === 'True');
    expect(m.liquidationPrice!.eq(vec('L2', 'liquidationPrice'))).toBe(true);
  });
  it('SP offset at 2300', () => {
    const m = mk('2300');
    expect(m.details['icr']).toBe(vec('L2', 'ICR@2300'));
    expect(m.liquidatable).toBe(vec('L2', 'liquidatable@2300') === 'True');
    expect(m.details['collGasCompensation']).toBe(vec('L2', 'collGasCompensation'));
    expect(new Dec(m.details['collSeized'] as string).mul(1e18).toFixed()).toBe(vec('L2', 'seizedCollToSP(wei)'));
    expect(new Dec(m.details['collSurplus'] as string).mul(1e18).toFixed()).toBe(vec('L2', 'collSurplus(wei)'));
    expect(sig30(new Dec(10000).mul('1.05').div(2300))).toBe(sig30(new Dec(vec('L2', 'ideal.seized'))));
  });
  it('unknown branch without mcr is unknown', () => {
    expect(evalOne('liquity-v2', [asset('XYZ', { price: '1' })], loan([leg('XYZ', '5')], [leg('BOLD', '1')])).unknownReason).toMatch(/mcr/);
  });
});

describe('MB1 — Morpho LIF', () => {
  for (const l of ['0.385', '0.625', '0.77', '0.86', '0.915', '0.945', '0.965', '0.98']) {
    it(`LLTV ${l}`, () => {
      expect(morphoLIF(BigInt(new Dec(l).mul(1e18).toFixed())).toString()).toBe(vec('MB1', `LLTV ${l}.onchain(1e18)`));
      expect(sig30(morphoLIFIdeal(new Dec(l)))).toBe(sig30(new Dec(vec('MB1', `LLTV ${l}.ideal`))));
    });
  }
});

describe('MB2 — Morpho seizable collateral and bad debt', () => {
  const params = { lltv: '0.86', borrowShares: vec('MB2', 'borrowShares'), totalBorrowAssets: '1050000000000', totalBorrowShares: '1000000000000000000' };
  const mk = (price: string) => evalOne('morpho-blue', [asset('WETH', { price }), asset('USDC', { price: '1', decimals: 6, stable: true })], loan([leg('WETH', '10')], [leg('USDC', '26000')], { params }));
  it('borrowed from shares (toAssetsUp)', () => {
    expect(toAssetsUp(BigInt(params.borrowShares), 1050000000000n, 10n ** 18n).toString()).toBe(vec('MB2', 'borrowedUSDCunits(toAssetsUp)'));
  });
  it('health at 3100 / 3000 and the liquidation price', () => {
    expect(!mk('3100').liquidatable).toBe(vec('MB2', 'healthy@3100') === 'True');
    expect(!mk('3000').liquidatable).toBe(vec('MB2', 'healthy@3000') === 'True');
    expect(sig30(mk('3100').liquidationPrice)).toBe(sig30(new Dec(vec('MB2', 'ideal.liquidationPriceUSD'))));
    expect(new Dec(mk('3100').details['liquidationIncentiveFactor'] as string).mul(1e18).toFixed()).toBe(vec('MB2', 'LIF(1e18)'));
  });
  it('repay all shares at 3000', () => {
    const r = morphoLiquidateAll({ collateral: 10n * 10n ** 18n, price: 3000n * 10n ** 24n, lif: BigInt(vec('MB2', 'LIF(1e18)')), borrowShares: BigInt(params.borrowShares), market: { totalBorrowAssets: 1050000000000n, totalBorrowShares: 10n ** 18n } });
    expect(r.seized.toString()).toBe(vec('MB2', 'repayAllShares@3000.seizedWei'));
    const m = mk('3000');
    expect((m.details['liquidation'] as Record<string, string>)['collateralSeized']).toBe(vec('MB2', 'repayAllShares@3000.seizedWETH'));
  });
  it('bad debt at 2400', () => {
    const r = morphoLiquidateAll({ collateral: 10n * 10n ** 18n, price: 2400n * 10n ** 24n, lif: BigInt(vec('MB2', 'LIF(1e18)')), borrowShares: BigInt(params.borrowShares), market: { totalBorrowAssets: 1050000000000n, totalBorrowShares: 10n ** 18n } });
    expect(r.seized).toBe(10n * 10n ** 18n);
    expect(r.repaidShares!.toString()).toBe(vec('MB2', 'badDebt@2400.seizeAll.repaidShares'));
    expect(r.repaidAssets.toString()).toBe(vec('MB2', 'badDebt@2400.repaidUSDCunits'));
    expect(r.badDebtShares!.toString()).toBe(vec('MB2', 'badDebt@2400.sharesLeftAsBadDebt'));
    expect(r.badDebtAssets.toString()).toBe(vec('MB2', 'badDebt@2400.badDebtUSDCunits'));
    const m = mk('2400');
    expect((m.details['liquidation'] as Record<string, string>)['badDebt']).toBe('3007.999999');
  });
  it('borrowed == maxBorrow is healthy (strict)', () => {
    // 1 WETH @ 2000, LLTV 0.8 → maxBorrow 1600 USDC exactly
    const m = evalOne('morpho-blue', [asset('WETH', { price: '2000' }), asset('USDC', { price: '1', decimals: 6, stable: true })], loan([leg('WETH', '1')], [leg('USDC', '1600')], { params: { lltv: '0.8' } }));
    expect(m.healthFactor!.eq(1)).toBe(true);
    expect(m.liquidatable).toBe(false);
  });
  it('correlated market wstETH/WETH gives a ratio key', () => {
    const m = evalOne('morpho-blue', [asset('wstETH', { price: '3600' }), asset('WETH', { price: '3000' })], loan([leg('wstETH', '10')], [leg('WETH', '11')], { params: { lltv: '0.945' } }));
    expect(m.liquidationPrices!['wstETH/WETH']!.eq(new Dec(11).div(new Dec(10).mul('0.945')))).toBe(true);
    expect(m.symbol).toBe('wstETH/WETH');
  });
});
