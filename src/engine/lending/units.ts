// Integer (uint256-style) helpers for replicating contract arithmetic with bigint, and Dec ↔ bigint conversion.
import { Dec } from '../core/decimal';

export const WAD = 10n ** 18n;
export const RAY = 10n ** 27n;
export const BPS = 10_000n;

export const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Solidity `a / b` on non-negative values (floor). */
export const divFloor = (a: bigint, b: bigint): bigint => a / b;
/** `mulDivUp` / ceiling division of non-negative values. */
export const divCeil = (a: bigint, b: bigint): bigint => (a === 0n ? 0n : (a - 1n) / b + 1n);

export const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
export const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** A decimal amount in integer base units of `decimals`; `exact` says whether nothing was cut off. */
export function toUnits(x: Dec, decimals: number, mode: 'floor' | 'ceil' = 'floor'): { units: bigint; exact: boolean } {
  const scaled = x.mul(new Dec(10).pow(decimals));
  const r = mode === 'floor' ? scaled.floor() : scaled.ceil();
  return { units: BigInt(r.toFixed(0)), exact: r.eq(scaled) };
}

export const unitsToDec = (u: bigint, decimals = 0): Dec => new Dec(u.toString()).div(new Dec(10).pow(decimals));

/** Exact ratio of two integers at Dec precision (50 digits). */
export const ratio = (a: bigint, b: bigint): Dec => new Dec(a.toString()).div(new Dec(b.toString()));

// Aave PercentageMath / WadRayMath (aave-v3-origin v3.3.0 src/contracts/protocol/libraries/math): half-up rounding.
/** PercentageMath.percentMul: (v·p + 5000) / 10000. */
export const percentMul = (v: bigint, p: bigint): bigint => (v * p + BPS / 2n) / BPS;
/** PercentageMath.percentDiv: (v·10000 + p/2) / p. */
export const percentDiv = (v: bigint, p: bigint): bigint => (v * BPS + p / 2n) / p;
/** v3.7 PercentageMath.percentMulFloor / percentMulCeil / percentDivFloor (docs/3.7/liquidation-rounding.md). */
export const percentMulFloor = (v: bigint, p: bigint): bigint => (v * p) / BPS;
export const percentMulCeil = (v: bigint, p: bigint): bigint => divCeil(v * p, BPS);
export const percentDivFloor = (v: bigint, p: bigint): bigint => (v * BPS) / p;
/** WadRayMath.wadDiv: (a·1e18 + b/2) / b. */
export const wadDiv = (a: bigint, b: bigint): bigint => (a * WAD + b / 2n) / b;

// Morpho Blue MathLib (morpho-blue src/libraries/MathLib.sol).
export const mulDivDown = (x: bigint, y: bigint, d: bigint): bigint => (x * y) / d;
export const mulDivUp = (x: bigint, y: bigint, d: bigint): bigint => divCeil(x * y, d);
export const wMulDown = (x: bigint, y: bigint): bigint => mulDivDown(x, y, WAD);
export const wDivDown = (x: bigint, y: bigint): bigint => mulDivDown(x, WAD, y);
export const wDivUp = (x: bigint, y: bigint): bigint => mulDivUp(x, WAD, y);
