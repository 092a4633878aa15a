// Bigint replicas of Aave v3 pool arithmetic (aave-dao/aave-v3-origin v3.3.0; v3.0 rules from aave/aave-v3-core v1.19).
import type { Dec } from '../core/decimal';
import {
  BPS, WAD, divCeil, min, percentDiv, percentDivFloor, percentMul, percentMulCeil, percentMulFloor, wadDiv,
} from './units';

/** A reserve as the pool sees it: balance in token units, price in base-currency units, unit = 10^decimals. */
export interface AaveReserve {
  balance: bigint;
  price: bigint;
  unit: bigint;
  /** Liquidation threshold in bps (collaterals). */
  lt?: bigint;
}

export interface AaveAccountData {
  totalCollateralBase: bigint;
  totalDebtBase: bigint;
  avgLiquidationThreshold: bigint;
  /** null when there is no debt (the contract returns type(uint256).max). */
  healthFactor: bigint | null;
}

/** Base value of a balance: floor(balance·price/unit); v3.5+ rounds debt up (docs/3.5 "Rounding for User Position Valuation"). */
export const baseValue = (r: AaveReserve, roundUp = false): bigint =>
  roundUp ? divCeil(r.balance * r.price, r.unit) : (r.balance * r.price) / r.unit;

/** GenericLogic.calculateUserAccountData (v3.3.0): avg LT floored to bps, HF = wadDiv(percentMul(tc, avgLT), td). */
export function aaveAccountData(collaterals: AaveReserve[], debts: AaveReserve[], debtRoundsUp = false): AaveAccountData {
  let totalCollateralBase = 0n;
  let weighted = 0n;
  for (const c of collaterals) {
    if (!c.lt) continue; // LT 0 reserves are not collateral
    const v = baseValue(c);
    totalCollateralBase += v;
    weighted += v * c.lt;
  }
  const totalDebtBase = debts.reduce((s, d) => s + baseValue(d, debtRoundsUp), 0n);
  const avgLiquidationThreshold = totalCollateralBase === 0n ? 0n : weighted / totalCollateralBase;
  const healthFactor = totalDebtBase === 0n ? null : wadDiv(percentMul(totalCollateralBase, avgLiquidationThreshold), totalDebtBase);
  return { totalCollateralBase, totalDebtBase, avgLiquidationThreshold, healthFactor };
}

export const CLOSE_FACTOR_HF_THRESHOLD = (95n * WAD) / 100n;
export const MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = 2000n * 10n ** 8n;
export const MIN_LEFTOVER_BASE = MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD / 2n;

/**
 * Max debt (token units) a liquidator may repay in one call.
 * v3.0–3.2 `LiquidationLogic._calculateDebt`: 50 % of the reserve debt if HF > 0.95, else 100 %.
 * v3.3 `executeLiquidationCall`: 100 %, unless coll ≥ $2000, reserve debt ≥ $2000 and HF > 0.95 → capped at 50 % of the total debt.
 */
export function aaveMaxLiquidatableDebt(
  version: number, healthFactor: bigint, debt: AaveReserve, collateral: AaveReserve, totalDebtBase: bigint,
): bigint {
  if (version < 3.3) return percentMul(debt.balance, healthFactor > CLOSE_FACTOR_HF_THRESHOLD ? 5000n : BPS);
  const debtBase = baseValue(debt);
  const collBase = baseValue(collateral);
  if (collBase >= MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD && debtBase >= MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD && healthFactor > CLOSE_FACTOR_HF_THRESHOLD) {
    const half = percentMul(totalDebtBase, 5000n);
    if (debtBase > half) return (half * debt.unit) / debt.price;
  }
  return debt.balance;
}

export interface AaveSeizure {
  /** Collateral (token units) sent to the liquidator, after the protocol fee. */
  toLiquidator: bigint;
  protocolFee: bigint;
  /** Debt (token units) actually repaid. */
  debtRepaid: bigint;
}

/** LiquidationLogic._calculateAvailableCollateralToLiquidate (v3.3.0; v3.7 rounding per docs/3.7/liquidation-rounding.md). */
export function aaveCollateralToLiquidate(
  collateral: AaveReserve, debt: AaveReserve, debtToCover: bigint, bonusBps: bigint, protocolFeeBps: bigint, v37 = false,
): AaveSeizure {
  const mul = v37 ? percentMulFloor : percentMul;
  const div = v37 ? percentDivFloor : percentDiv;
  const baseCollateral = (debt.price * debtToCover * collateral.unit) / (collateral.price * debt.unit);
  const maxCollateral = mul(baseCollateral, bonusBps);
  let collAmount: bigint;
  let debtRepaid: bigint;
  if (maxCollateral > collateral.balance) {
    collAmount = collateral.balance;
    debtRepaid = percentDiv((collateral.price * collAmount * debt.unit) / (debt.price * collateral.unit), bonusBps);
  } else {
    collAmount = maxCollateral;
    debtRepaid = debtToCover;
  }
  let protocolFee = 0n;
  if (protocolFeeBps !== 0n) {
    const bonus = collAmount - div(collAmount, bonusBps);
    protocolFee = v37 ? percentMulCeil(bonus, protocolFeeBps) : percentMul(bonus, protocolFeeBps);
    collAmount -= protocolFee;
  }
  return { toLiquidator: collAmount, protocolFee, debtRepaid };
}

export interface AaveLiquidationCall extends AaveSeizure {
  /** false when the v3.3 dust rule reverts (MUST_NOT_LEAVE_DUST). */
  allowed: boolean;
  debtLeftBase: bigint | null;
  collateralLeftBase: bigint | null;
  /** v3.3+: the call seizes all collateral and debt remains → the remainder is burned as deficit. */
  createsBadDebt: boolean;
}

/** executeLiquidationCall amounts (close factor, seizure, dust rule, bad debt) for one collateral/debt pair. */
export function aaveLiquidationCall(args: {
  version: number; healthFactor: bigint; collateral: AaveReserve; debt: AaveReserve; totalCollateralBase: bigint;
  totalDebtBase: bigint; debtToCover: bigint; bonusBps: bigint; protocolFeeBps: bigint;
}): AaveLiquidationCall {
  const { version, collateral, debt } = args;
  const maxDebt = aaveMaxLiquidatableDebt(version, args.healthFactor, debt, collateral, args.totalDebtBase);
  const actual = min(args.debtToCover, maxDebt);
  const s = aaveCollateralToLiquidate(collateral, debt, actual, args.bonusBps, args.protocolFeeBps, version >= 3.7);
  const seized = s.toLiquidator + s.protocolFee;
  const partial = s.debtRepaid < debt.balance && seized < collateral.balance;
  const debtLeftBase = partial ? ((debt.balance - s.debtRepaid) * debt.price) / debt.unit : null;
  const collateralLeftBase = partial ? ((collateral.balance - seized) * collateral.price) / collateral.unit : null;
  const allowed = version < 3.3 || !partial || (debtLeftBase! >= MIN_LEFTOVER_BASE && collateralLeftBase! >= MIN_LEFTOVER_BASE);
  // hasNoCollateralLeft = totalCollateralInBaseCurrency == collateralToLiquidateInBaseCurrency (v3.3 executeLiquidationCall)
  const seizedBase = (seized * collateral.price) / collateral.unit;
  const debtRemains = s.debtRepaid < debt.balance || args.totalDebtBase > baseValue(debt);
  const createsBadDebt = version >= 3.3 && seizedBase === args.totalCollateralBase && debtRemains;
  return { ...s, allowed, debtLeftBase, collateralLeftBase, createsBadDebt };
}

/** Real-number seizure (docs/lending.md §1.6): total = debtValue·LB/collPrice, fee = fee%·bonus part, liquidator = total − fee. */
export function aaveIdealSeizure(debtValue: Dec, collPrice: Dec, bonus: Dec, protocolFee: Dec): { total: Dec; protocolFee: Dec; toLiquidator: Dec } {
  const total = debtValue.mul(bonus.add(1)).div(collPrice);
  const fee = total.sub(total.div(bonus.add(1))).mul(protocolFee);
  return { total, protocolFee: fee, toLiquidator: total.sub(fee) };
}
