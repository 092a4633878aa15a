// Morpho Blue positions (morpho-org/morpho-blue 3085651a): Morpho._isHealthy, Morpho.liquidate, ConstantsLib
// (LIQUIDATION_CURSOR 0.3, MAX_LIQUIDATION_INCENTIVE_FACTOR 1.15, ORACLE_PRICE_SCALE 1e36), SharesMathLib, MathLib.
import { Dec, fmt } from '../core/decimal';
import { addDiagnostic, param, type ResolvedLeg, type LoanContext } from './lending-context';
import type { LiquidationOutcome, ProtocolModel, ProtocolResult } from './loan-model';
import { WAD, min, mulDivDown, mulDivUp, ratio, toUnits, unitsToDec, wDivDown, wDivUp, wMulDown } from './units';

export const ORACLE_PRICE_SCALE = 10n ** 36n;
const CURSOR = 3n * 10n ** 17n;
const MAX_LIF = 115n * 10n ** 16n;
const VIRTUAL_SHARES = 10n ** 6n;
const VIRTUAL_ASSETS = 1n;

/** Morpho.liquidate: LIF = min(MAX_LIF, WAD.wDivDown(WAD − CURSOR.wMulDown(WAD − lltv))). */
export const morphoLIF = (lltv: bigint): bigint => min(MAX_LIF, wDivDown(WAD, WAD - wMulDown(CURSOR, WAD - lltv)));

// SharesMathLib (virtual shares 1e6, virtual assets 1)
export const toAssetsUp = (s: bigint, ta: bigint, ts: bigint): bigint => mulDivUp(s, ta + VIRTUAL_ASSETS, ts + VIRTUAL_SHARES);
export const toAssetsDown = (s: bigint, ta: bigint, ts: bigint): bigint => mulDivDown(s, ta + VIRTUAL_ASSETS, ts + VIRTUAL_SHARES);
export const toSharesUp = (a: bigint, ta: bigint, ts: bigint): bigint => mulDivUp(a, ts + VIRTUAL_SHARES, ta + VIRTUAL_ASSETS);

export interface MorphoMarket { totalBorrowAssets: bigint; totalBorrowShares: bigint }

export interface MorphoLiquidation { seized: bigint; repaidShares: bigint | null; repaidAssets: bigint; badDebtShares: bigint | null; badDebtAssets: bigint }

/** Morpho.liquidate repaying every share (or seizing all collateral when that is not enough), then bad-debt realisation. */
export function morphoLiquidateAll(a: { collateral: bigint; price: bigint; lif: bigint; borrowShares: bigint; market: MorphoMarket }): MorphoLiquidation {
  const { totalBorrowAssets: ta, totalBorrowShares: ts } = a.market;
  let repaidShares = a.borrowShares;
  let seized = mulDivDown(wMulDown(toAssetsDown(repaidShares, ta, ts), a.lif), ORACLE_PRICE_SCALE, a.price);
  if (seized > a.collateral) {
    seized = a.collateral;
    repaidShares = toSharesUp(wDivUp(mulDivUp(seized, a.price, ORACLE_PRICE_SCALE), a.lif), ta, ts);
  }
  const repaidAssets = toAssetsUp(repaidShares, ta, ts);
  let badDebtShares = 0n;
  let badDebtAssets = 0n;
  if (seized === a.collateral && repaidShares < a.borrowShares) {
    const ts2 = ts - repaidShares;
    const ta2 = ta > repaidAssets ? ta - repaidAssets : 0n;
    badDebtShares = a.borrowShares - repaidShares;
    badDebtAssets = min(ta2, toAssetsUp(badDebtShares, ta2, ts2));
  }
  return { seized, repaidShares, repaidAssets, badDebtShares, badDebtAssets };
}

/** The same by assets when share totals are not given: seize borrowed·LIF, or all collateral and write off the rest. */
function liquidateByAssets(collateral: bigint, price: bigint, lif: bigint, borrowed: bigint): MorphoLiquidation {
  const seized = mulDivDown(wMulDown(borrowed, lif), ORACLE_PRICE_SCALE, price);
  if (seized <= collateral) return { seized, repaidShares: null, repaidAssets: borrowed, badDebtShares: null, badDebtAssets: 0n };
  const repaid = min(borrowed, wDivUp(mulDivUp(collateral, price, ORACLE_PRICE_SCALE), lif));
  return { seized: collateral, repaidShares: null, repaidAssets: repaid, badDebtShares: null, badDebtAssets: borrowed - repaid };
}

interface Position { coll: ResolvedLeg; loan: ResolvedLeg; collUnits: bigint; borrowed: bigint; price: bigint; lltv: bigint; lltvDec: Dec; shares: { borrowShares: bigint; market: MorphoMarket } | null }

const raw = (x: Dec): bigint => BigInt(x.floor().toFixed(0));

function position(ctx: LoanContext): Position | { unknownReason: string } {
  const colls = ctx.collateral.filter((c) => c.enabled);
  if (colls.length !== 1 || ctx.debt.length !== 1) {
    addDiagnostic(ctx, ctx.loan.span, 'error', 'lending-unsupported-shape', 'a Morpho Blue position has one collateral and one loan asset (one market)');
    return { unknownReason: 'a Morpho Blue position has one collateral and one loan asset' };
  }
  const coll = colls[0] as ResolvedLeg;
  const loan = ctx.debt[0] as ResolvedLeg;
  const lltvDec = param(ctx, 'lltv') ?? coll.params.liquidationThreshold;
  if (lltvDec === null) return { unknownReason: 'lltv missing' };
  if (lltvDec.lte(0) || lltvDec.gte(1)) return { unknownReason: 'lltv must be between 0 and 1' };
  const oracle = param(ctx, 'oraclePrice');
  if (oracle === null && (coll.price === null || loan.price === null || loan.price.isZero())) return { unknownReason: `missing price for ${coll.price === null ? coll.asset : loan.asset}` };
  if (coll.price === null) return { unknownReason: `missing price for ${coll.asset}` };
  if (loan.price === null) return { unknownReason: `missing price for ${loan.asset}` };
  // IOracle.price(): collateral in loan units, 36 + loanDecimals − collateralDecimals decimals
  const price = oracle !== null ? raw(oracle) : toUnits(coll.price.div(loan.price), 36 + loan.decimals - coll.decimals).units;
  const bs = param(ctx, 'borrowShares');
  const ta = param(ctx, 'totalBorrowAssets');
  const ts = param(ctx, 'totalBorrowShares');
  const shares = bs !== null && ta !== null && ts !== null ? { borrowShares: raw(bs), market: { totalBorrowAssets: raw(ta), totalBorrowShares: raw(ts) } } : null;
  const borrowed = shares ? toAssetsUp(shares.borrowShares, shares.market.totalBorrowAssets, shares.market.totalBorrowShares) : toUnits(loan.amount, loan.decimals, 'ceil').units;
  return { coll, loan, collUnits: toUnits(coll.amount, coll.decimals).units, borrowed, price, lltv: toUnits(lltvDec, 18).units, lltvDec, shares };
}

function evaluate(ctx: LoanContext): ProtocolResult | { unknownReason: string } {
  const p = position(ctx);
  if ('unknownReason' in p) return p;
  const collInLoan = mulDivDown(p.collUnits, p.price, ORACLE_PRICE_SCALE);
  const maxBorrow = wMulDown(collInLoan, p.lltv); // Morpho._isHealthy
  const debt = unitsToDec(p.borrowed, p.loan.decimals);
  return {
    exposures: [
      { symbol: p.coll.asset, price: p.coll.price as Dec, weighted: p.coll.amount.mul(p.lltvDec), debt: new Dec(0), volatile: p.coll.volatile },
      { symbol: p.loan.asset, price: p.loan.price as Dec, weighted: new Dec(0), debt, volatile: p.loan.volatile },
    ],
    healthFactor: p.borrowed === 0n ? null : ratio(maxBorrow, p.borrowed),
    liquidatable: p.borrowed > maxBorrow, // healthy iff borrowed ≤ maxBorrow (strict in code)
    details: {
      lltv: fmt(p.lltvDec), liquidationIncentiveFactor: fmt(unitsToDec(morphoLIF(p.lltv), 18)), oraclePrice: p.price.toString(),
      borrowed: fmt(debt), maxBorrow: fmt(unitsToDec(maxBorrow, p.loan.decimals)),
      ltv: collInLoan === 0n ? null : fmt(ratio(p.borrowed, collInLoan)),
    },
  };
}

function liquidation(ctx: LoanContext): LiquidationOutcome {
  const p = position(ctx);
  if ('unknownReason' in p || p.borrowed === 0n || p.price === 0n) return { cost: null, details: {} };
  const lif = morphoLIF(p.lltv);
  const r = p.shares
    ? morphoLiquidateAll({ collateral: p.collUnits, price: p.price, lif, borrowShares: p.shares.borrowShares, market: p.shares.market })
    : liquidateByAssets(p.collUnits, p.price, lif, p.borrowed);
  const seized = unitsToDec(r.seized, p.coll.decimals);
  const repaid = unitsToDec(r.repaidAssets, p.loan.decimals);
  const cost = seized.mul(p.coll.price as Dec).sub(repaid.mul(p.loan.price as Dec));
  return {
    cost: cost.lt(0) ? new Dec(0) : cost,
    details: {
      closeFactor: '1 (no close factor)',
      liquidation: {
        collateralSeized: fmt(seized), debtRepaid: fmt(repaid), repaidShares: r.repaidShares?.toString() ?? null,
        badDebt: fmt(unitsToDec(r.badDebtAssets, p.loan.decimals)), badDebtShares: r.badDebtShares?.toString() ?? null,
      },
      maxSeizable: fmt(seized),
    },
  };
}

function canAddCollateral(ctx: LoanContext, asset: string): boolean {
  const p = position(ctx);
  return !('unknownReason' in p) && p.coll.asset === asset;
}

export const morphoModel: ProtocolModel = { evaluate, liquidation, canAddCollateral };

/** Loan params after Morpho.repay(assets = x): shares = toSharesDown(assets); totals shrink by both. */
export function morphoRepayParams(params: Record<string, Dec>, x: Dec, loanDecimals: number): Record<string, Dec> {
  const bs = raw(params['borrowShares'] as Dec);
  const ta = raw(params['totalBorrowAssets'] as Dec);
  const ts = raw(params['totalBorrowShares'] as Dec);
  const assets = toUnits(x, loanDecimals, 'ceil').units;
  const shares = min(bs, mulDivDown(assets, ts + VIRTUAL_SHARES, ta + VIRTUAL_ASSETS));
  const d = (v: bigint): Dec => new Dec((v < 0n ? 0n : v).toString());
  return { borrowShares: d(bs - shares), totalBorrowAssets: d(ta - assets), totalBorrowShares: d(ts - shares) };
}

/** Real-number LIF = min(1.15, 1/(0.3·LLTV + 0.7)) (docs.morpho.org liquidation). */
export const morphoLIFIdeal = (lltv: Dec): Dec => Dec.min(new Dec('1.15'), new Dec(1).div(lltv.mul('0.3').add('0.7')));
