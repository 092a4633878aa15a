// Liquity troves. v1: liquity/dev 39f1f7f8 TroveManager (_liquidateNormalMode, _liquidateRecoveryMode,
// _getCappedOffsetVals), LiquityMath._computeCR. v2: liquity/bold 405f9122 TroveManager (_batchLiquidateTroves,
// _getOffsetAndRedistributionVals, _getCollPenaltyAndSurplus, _getCollGasCompensation), Constants.sol, DeployLiquity2.s.sol.
import { Dec, fmt } from '../core/decimal';
import { addDiagnostic, param, type ResolvedLeg, type LoanContext } from './lending-context';
import type { LiquidationOutcome, ProtocolModel, ProtocolResult } from './loan-model';
import { WAD, min, ratio, toUnits, unitsToDec } from './units';

const MCR_V1 = new Dec('1.1');
const CCR_V1 = new Dec('1.5');
// DeployLiquity2.s.sol branch constants: WETH MCR 110 %, wstETH/rETH 120 %; redistribution penalty 10 % / 20 %.
const V2_BRANCH: Record<string, { mcr: string; redist: string }> = {
  WETH: { mcr: '1.1', redist: '0.1' }, ETH: { mcr: '1.1', redist: '0.1' },
  WSTETH: { mcr: '1.2', redist: '0.2' }, RETH: { mcr: '1.2', redist: '0.2' },
};
const V2_SP_PENALTY = new Dec('0.05');
const V2_COLL_GAS_CAP = 2n * WAD; // COLL_GAS_COMPENSATION_CAP
const V2_ETH_GAS_COMPENSATION = '0.0375';

/** LiquityMath._computeCR: floor(coll·price/debt), 1e18 = 100 %. */
export const liquityICR = (coll: bigint, price: bigint, debt: bigint): bigint => (coll * price) / debt;

interface Trove {
  v2: boolean; coll: ResolvedLeg; debtSymbol: string; collW: bigint; debtW: bigint; price: bigint;
  mcr: Dec; tcr: Dec | null; recovery: boolean; spCovers: boolean; redistPenalty: Dec; spPenalty: Dec;
}

function trove(ctx: LoanContext): Trove | { unknownReason: string } {
  const v2 = ctx.account.venue === 'liquity-v2';
  const colls = ctx.collateral.filter((c) => c.enabled);
  if (colls.length !== 1 || ctx.debt.length > 1) {
    addDiagnostic(ctx, ctx.loan.span, 'error', 'lending-unsupported-shape', 'a Liquity trove has exactly one collateral and one debt line');
    return { unknownReason: 'a Liquity trove has one collateral and one debt' };
  }
  const coll = colls[0] as ResolvedLeg;
  if (coll.price === null) return { unknownReason: `missing price for ${coll.asset}` };
  const branch = V2_BRANCH[coll.asset.toUpperCase()];
  let mcr = param(ctx, 'mcr');
  if (mcr === null && v2 && !branch) return { unknownReason: `mcr missing for the ${coll.asset} branch` };
  mcr ??= v2 ? new Dec(branch!.mcr) : MCR_V1;
  const tcr = v2 ? null : param(ctx, 'tcr');
  const ccr = param(ctx, 'ccr') ?? CCR_V1;
  const sp = param(ctx, 'stabilityPool');
  const debtLeg = ctx.debt[0];
  const debt = debtLeg?.amount ?? new Dec(0);
  return {
    v2, coll, debtSymbol: debtLeg?.asset ?? (v2 ? 'BOLD' : 'LUSD'),
    collW: toUnits(coll.amount, 18).units, debtW: toUnits(debt, 18, 'ceil').units, price: toUnits(coll.price, 18).units,
    mcr, tcr, recovery: tcr !== null && tcr.lt(ccr), spCovers: sp === null || sp.gte(debt),
    redistPenalty: param(ctx, 'liquidationPenaltyRedistribution') ?? new Dec(branch?.redist ?? '0.1'),
    spPenalty: param(ctx, 'liquidationPenaltySP') ?? V2_SP_PENALTY,
  };
}

/** Threshold the trove is liquidated below: MCR; in v1 Recovery Mode TCR when the SP can absorb the debt. */
const threshold = (t: Trove): Dec => (t.recovery && t.spCovers && t.tcr!.gt(t.mcr) ? (t.tcr as Dec) : t.mcr);
const wad = (x: Dec): bigint => toUnits(x, 18).units;

function evaluate(ctx: LoanContext): ProtocolResult | { unknownReason: string } {
  const t = trove(ctx);
  if ('unknownReason' in t) return t;
  const thr = threshold(t);
  const icr = t.debtW === 0n ? null : liquityICR(t.collW, t.price, t.debtW);
  return {
    exposures: [
      { symbol: t.coll.asset, price: t.coll.price as Dec, weighted: t.coll.amount.div(thr), debt: new Dec(0), volatile: t.coll.volatile },
      { symbol: t.debtSymbol, price: new Dec(1), weighted: new Dec(0), debt: unitsToDec(t.debtW, 18), volatile: false },
    ],
    // HF = ICR / threshold in the contract's integers: ICR < MCR (or < TCR in Recovery Mode) ⇔ HF < 1
    healthFactor: icr === null ? null : ratio(icr, wad(thr)),
    liquidatable: icr !== null && icr < wad(thr),
    details: {
      icr: icr === null ? null : fmt(unitsToDec(icr, 18)), mcr: fmt(t.mcr),
      tcr: t.tcr === null ? null : fmt(t.tcr), recoveryMode: t.recovery,
      ...(t.recovery && !t.spCovers ? { recoveryNote: 'Stability Pool smaller than the debt: no capped liquidation above MCR' } : {}),
      ...(t.recovery ? { snapshot: 'TCR moves with the price; the Recovery-Mode liquidation price is a snapshot at the given TCR' } : {}),
    },
  };
}

function liquidationV1(t: Trove): LiquidationOutcome {
  const icr = liquityICR(t.collW, t.price, t.debtW);
  const capped = t.recovery && t.spCovers && icr >= wad(t.mcr) && t.tcr !== null && icr < wad(t.tcr);
  const p = unitsToDec(t.price, 18);
  const debt = unitsToDec(t.debtW, 18);
  if (capped) {
    const cappedColl = (t.debtW * wad(t.mcr)) / t.price; // _getCappedOffsetVals
    const gas = cappedColl / 200n;
    const seized = unitsToDec(cappedColl, 18);
    return {
      cost: seized.mul(p).sub(debt),
      details: { mode: 'recovery-capped', closeFactor: '1', collGasCompensation: fmt(unitsToDec(gas, 18)), collToStabilityPool: fmt(unitsToDec(cappedColl - gas, 18)), collSurplus: fmt(unitsToDec(t.collW - cappedColl, 18)), lusdGasCompensation: '200' },
    };
  }
  const gas = t.collW / 200n; // PERCENT_DIVISOR
  const cost = unitsToDec(t.collW, 18).mul(p).sub(debt);
  return {
    cost: cost.lt(0) ? new Dec(0) : cost,
    details: { mode: icr <= WAD ? 'redistribution' : 'normal', closeFactor: '1', collGasCompensation: fmt(unitsToDec(gas, 18)), collToStabilityPool: fmt(unitsToDec(t.collW - gas, 18)), collSurplus: '0', lusdGasCompensation: '200' },
  };
}

function liquidationV2(t: Trove): LiquidationOutcome {
  const gas = min(t.collW / 200n, V2_COLL_GAS_CAP); // _getCollGasCompensation
  const toLiquidate = t.collW - gas;
  const penalty = t.spCovers ? t.spPenalty : t.redistPenalty;
  const maxSeized = (t.debtW * (WAD + wad(penalty))) / t.price; // _getCollPenaltyAndSurplus
  const seized = min(toLiquidate, maxSeized);
  const p = unitsToDec(t.price, 18);
  const cost = unitsToDec(seized + gas, 18).mul(p).sub(unitsToDec(t.debtW, 18));
  return {
    cost: cost.lt(0) ? new Dec(0) : cost,
    details: {
      mode: t.spCovers ? 'stability-pool offset' : 'redistribution', closeFactor: '1', penalty: fmt(penalty),
      collGasCompensation: fmt(unitsToDec(gas, 18)), collSeized: fmt(unitsToDec(seized, 18)),
      collSurplus: fmt(unitsToDec(toLiquidate - seized, 18)), ethGasCompensation: V2_ETH_GAS_COMPENSATION,
    },
  };
}

function liquidation(ctx: LoanContext): LiquidationOutcome {
  const t = trove(ctx);
  if ('unknownReason' in t || t.debtW === 0n || t.price === 0n) return { cost: null, details: {} };
  return t.v2 ? liquidationV2(t) : liquidationV1(t);
}

function canAddCollateral(ctx: LoanContext, asset: string): boolean {
  const t = trove(ctx);
  return !('unknownReason' in t) && t.coll.asset === asset;
}

export const liquityModel: ProtocolModel = { evaluate, liquidation, canAddCollateral };
