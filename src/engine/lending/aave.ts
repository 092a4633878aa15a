// Aave v3 and SparkLend loans. HF: GenericLogic.calculateUserAccountData (aave-v3-origin v3.3.0); close factor,
// seizure, dust and bad debt: LiquidationLogic.executeLiquidationCall; SparkLend (sparklend-v1-core 077cc8c2) runs the
// v3.0 LiquidationLogic._calculateDebt rules (docs/lending.md §6), so `spark` defaults to version 3.0.
import { Dec, fmt } from '../core/decimal';
import type { EModeCategory } from '../core/types';
import { addDiagnostic, param, type ResolvedLeg, type LoanContext } from './lending-context';
import type { Exposure } from './linear';
import type { LiquidationOutcome, ProtocolModel, ProtocolResult } from './loan-model';
import { aaveAccountData, aaveLiquidationCall, aaveMaxLiquidatableDebt, baseValue, type AaveReserve } from './aave-math';
import { BPS, WAD, pow10, toUnits, unitsToDec } from './units';

interface CollReserve { leg: ResolvedLeg; r: AaveReserve; ltFraction: Dec; lbBps: bigint; feeBps: bigint }
interface DebtReserve { leg: ResolvedLeg; r: AaveReserve }
interface Book { version: number; colls: CollReserve[]; debts: DebtReserve[]; emode: EModeCategory | null }

const pctToBps = (ctx: LoanContext, leg: ResolvedLeg, x: Dec, what: string): bigint => {
  const bps = x.mul(10_000);
  if (!bps.isInteger()) addDiagnostic(ctx, leg.params.fields[what] ?? leg.source.span, 'warning', 'lending-not-whole-bps', `Aave ${what} of ${leg.asset} must be whole basis points; ${fmt(bps)} bps floored`);
  return BigInt(bps.floor().toFixed(0));
};

function emodeOf(ctx: LoanContext): EModeCategory | null {
  const id = ctx.loan.eMode;
  if (id === null || id === '0' || id === '') return null;
  const cat = ctx.account.eModeCategories[id];
  if (!cat) addDiagnostic(ctx, ctx.loan.fields['eMode'], 'warning', 'lending-unknown-emode', `eMode category ${id} is not defined in eModeCategories; evaluated without eMode`);
  return cat ?? null;
}

function units(ctx: LoanContext, leg: ResolvedLeg, priceDecimals: number): AaveReserve {
  const bal = toUnits(leg.amount, leg.decimals);
  if (!bal.exact) addDiagnostic(ctx, leg.source.fields['amount'] ?? leg.source.span, 'info', 'lending-truncated', `${leg.asset} amount has more than ${leg.decimals} decimals; truncated for the on-chain arithmetic`);
  const px = toUnits(leg.price as Dec, priceDecimals);
  if (!px.exact) addDiagnostic(ctx, leg.params.fields['price'] ?? leg.source.span, 'info', 'lending-truncated', `${leg.asset} price has more than ${priceDecimals} decimals (oracle base unit); truncated for the on-chain arithmetic`);
  return { balance: bal.units, price: px.units, unit: pow10(leg.decimals) };
}

function book(ctx: LoanContext): Book | { unknownReason: string } {
  const version = param(ctx, 'protocolVersion')?.toNumber() ?? (ctx.account.venue === 'spark' ? 3.0 : 3.3);
  const priceDecimals = param(ctx, 'priceDecimals')?.toNumber() ?? 8;
  const emode = emodeOf(ctx);
  const missing = [...ctx.collateral, ...ctx.debt].find((l) => l.price === null);
  if (missing) return { unknownReason: `missing price for ${missing.asset}` };
  const colls: CollReserve[] = [];
  for (const leg of ctx.collateral) {
    // v3.2+: eMode LT/LB apply only to collaterals in the category's collateral bitmap (docs/3.2 "Liquid eModes")
    const inCat = emode !== null && emode.assets.includes(leg.asset);
    const lt = inCat ? emode.liquidationThreshold : leg.params.liquidationThreshold;
    if (lt === null && leg.enabled) return { unknownReason: `liquidationThreshold missing for ${leg.asset}` };
    const ltFraction = leg.enabled && lt ? lt : new Dec(0);
    const bonus = (inCat ? emode.liquidationBonus : null) ?? leg.params.liquidationBonus ?? new Dec(0);
    const fee = leg.params.extra['liquidationProtocolFee'] ?? new Dec(0);
    colls.push({
      leg, ltFraction, r: { ...units(ctx, leg, priceDecimals), lt: pctToBps(ctx, leg, ltFraction, 'liquidationThreshold') },
      lbBps: BPS + pctToBps(ctx, leg, bonus, 'liquidationBonus'), feeBps: pctToBps(ctx, leg, fee, 'liquidationProtocolFee'),
    });
  }
  const debts = ctx.debt.map((leg) => ({ leg, r: units(ctx, leg, priceDecimals) }));
  return { version, colls, debts, emode };
}

function isolation(ctx: LoanContext, b: Book): Record<string, unknown> | null {
  const iso = b.colls.find((c) => c.leg.enabled && (c.leg.params.extra['debtCeiling'] ?? new Dec(0)).gt(0));
  if (!iso) return null;
  if (b.colls.some((c) => c !== iso && c.leg.enabled && c.r.lt)) {
    addDiagnostic(ctx, iso.leg.source.span, 'warning', 'lending-isolation-mode', `${iso.leg.asset} is an isolated asset (debtCeiling) and must be the only collateral; evaluated as given`);
  }
  // docs/lending.md §1.4: isolation mode leaves HF and liquidation math unchanged
  return { asset: iso.leg.asset, debtCeiling: fmt(iso.leg.params.extra['debtCeiling']) };
}

function evaluate(ctx: LoanContext): ProtocolResult | { unknownReason: string } {
  const b = book(ctx);
  if ('unknownReason' in b) return b;
  const v35 = b.version >= 3.5;
  const data = aaveAccountData(b.colls.map((c) => c.r), b.debts.map((d) => d.r), v35);
  const exposures: Exposure[] = [
    ...b.colls.map((c) => ({ symbol: c.leg.asset, price: c.leg.price as Dec, weighted: c.leg.amount.mul(c.ltFraction), debt: new Dec(0), volatile: c.leg.volatile })),
    ...b.debts.map((d) => ({ symbol: d.leg.asset, price: d.leg.price as Dec, weighted: new Dec(0), debt: d.leg.amount, volatile: d.leg.volatile })),
  ];
  const hf = data.healthFactor;
  return {
    exposures,
    healthFactor: hf === null ? null : unitsToDec(hf, 18),
    liquidatable: hf !== null && hf < WAD, // ValidationLogic.validateLiquidationCall: HF < 1e18, strict
    details: {
      protocolVersion: b.version.toFixed(1),
      eMode: b.emode ? { id: b.emode.id, label: b.emode.label, liquidationThreshold: fmt(b.emode.liquidationThreshold) } : null,
      totalCollateralBase: data.totalCollateralBase.toString(),
      totalDebtBase: data.totalDebtBase.toString(),
      avgLiquidationThresholdBps: data.avgLiquidationThreshold.toString(),
      healthFactorWad: hf === null ? null : hf.toString(),
      isolationMode: isolation(ctx, b),
    },
    note: ctx.account.venue === 'spark' && b.emode ? 'SparkLend eMode priceSource oracles are not modelled (asset prices used)' : null,
  };
}

const largest = <T extends { r: AaveReserve }>(xs: T[], debtRoundsUp = false): T | null =>
  xs.reduce<T | null>((m, x) => (m === null || baseValue(x.r, debtRoundsUp) > baseValue(m.r, debtRoundsUp) ? x : m), null);

/** One liquidationCall at ctx's prices: the largest debt reserve against the largest collateral, at the max allowed amount. */
function liquidation(ctx: LoanContext, _res: ProtocolResult, now: boolean): LiquidationOutcome {
  const b = book(ctx);
  if ('unknownReason' in b) return { cost: null, details: {} };
  const data = aaveAccountData(b.colls.map((c) => c.r), b.debts.map((d) => d.r), b.version >= 3.5);
  const coll = largest(b.colls.filter((c) => c.r.lt));
  const debt = largest(b.debts.filter((d) => d.r.balance > 0n));
  if (data.healthFactor === null || !coll || !debt) return { cost: null, details: {} };
  // Not yet liquidatable: the close factor that applies just below HF = 1.
  const hf = now ? data.healthFactor : (data.healthFactor < WAD ? data.healthFactor : WAD - 1n);
  const maxRepayable: Record<string, string | null> = {};
  for (const d of b.debts) maxRepayable[d.leg.asset] = fmt(unitsToDec(aaveMaxLiquidatableDebt(b.version, hf, d.r, coll.r, data.totalDebtBase), d.leg.decimals));
  const maxDebt = aaveMaxLiquidatableDebt(b.version, hf, debt.r, coll.r, data.totalDebtBase);
  const call = aaveLiquidationCall({
    version: b.version, healthFactor: hf, collateral: coll.r, debt: debt.r, totalCollateralBase: data.totalCollateralBase,
    totalDebtBase: data.totalDebtBase, debtToCover: maxDebt, bonusBps: coll.lbBps, protocolFeeBps: coll.feeBps,
  });
  const seized = unitsToDec(call.toLiquidator + call.protocolFee, coll.leg.decimals);
  const repaid = unitsToDec(call.debtRepaid, debt.leg.decimals);
  const cost = seized.mul(coll.leg.price as Dec).sub(repaid.mul(debt.leg.price as Dec));
  const closeFactor = b.version < 3.3 ? (hf > (95n * WAD) / 100n ? '0.5' : '1') : maxDebt < debt.r.balance ? '0.5 of total debt' : '1';
  return {
    cost: cost.lt(0) ? new Dec(0) : cost,
    details: {
      closeFactor,
      maxRepayable,
      liquidationCall: {
        collateral: coll.leg.asset, debt: debt.leg.asset, debtRepaid: fmt(repaid), collateralSeized: fmt(seized),
        toLiquidator: fmt(unitsToDec(call.toLiquidator, coll.leg.decimals)), protocolFee: fmt(unitsToDec(call.protocolFee, coll.leg.decimals)),
        liquidationBonus: fmt(new Dec((coll.lbBps - BPS).toString()).div(10_000)),
        leavesDust: !call.allowed, createsBadDebt: call.createsBadDebt,
      },
      dustRule: b.version >= 3.3 ? 'a partial liquidation must leave ≥ $1000 of both the debt and the collateral reserve' : null,
    },
  };
}

function canAddCollateral(ctx: LoanContext, asset: string): boolean {
  const m = ctx.account.markets[asset];
  const existing = ctx.collateral.find((c) => c.asset === asset);
  const emode = ctx.loan.eMode ? ctx.account.eModeCategories[ctx.loan.eMode] : undefined;
  const lt = emode?.assets.includes(asset) ? emode.liquidationThreshold : (existing?.params.liquidationThreshold ?? m?.liquidationThreshold ?? null);
  return (existing ? existing.enabled : true) && lt !== null && lt.gt(0) && (existing?.price ?? m?.price ?? null) !== null;
}

export const aaveModel: ProtocolModel = { evaluate, liquidation, canAddCollateral };
