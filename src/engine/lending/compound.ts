// Compound v3 (Comet) accounts: compound-finance/comet d5a30b0a contracts/Comet.sol — isLiquidatable, absorbInternal,
// quoteCollateral; prices are 8-decimal feeds (PRICE_FEED_DECIMALS), asset factors are stored with 4 decimals.
import { Dec, fmt } from '../core/decimal';
import { addDiagnostic, type ResolvedLeg, type LoanContext } from './lending-context';
import type { Exposure } from './linear';
import type { LiquidationOutcome, ProtocolModel, ProtocolResult } from './loan-model';
import { WAD, max, pow10, ratio, toUnits, unitsToDec } from './units';

const PRICE_DECIMALS = 8;
const FACTOR_DESCALE = 10n ** 14n; // FACTOR_SCALE / 1e4: getPackedAssetInternal keeps 4 decimals

/** Comet mulFactor / mulPrice / divPrice. */
export const mulFactor = (n: bigint, factor: bigint): bigint => (n * factor) / WAD;
export const mulPrice = (n: bigint, price: bigint, scale: bigint): bigint => (n * price) / scale;
export const divPrice = (n: bigint, price: bigint, scale: bigint): bigint => (n * scale) / price;

/** An asset factor as Comet stores it: truncated to 4 decimals, then scaled to 1e18. */
export function storedFactor(x: Dec): { factor: bigint; exact: boolean } {
  const q = x.mul(10_000);
  return { factor: BigInt(q.floor().toFixed(0)) * FACTOR_DESCALE, exact: q.isInteger() };
}

/** Comet.quoteCollateral: collateral bought with `baseAmount` at the store-front discount. */
export function cometQuoteCollateral(a: {
  assetPrice: bigint; basePrice: bigint; assetScale: bigint; baseScale: bigint; liquidationFactor: bigint; storeFrontPriceFactor: bigint; baseAmount: bigint;
}): { discountFactor: bigint; discountedPrice: bigint; collateral: bigint } {
  const discountFactor = mulFactor(a.storeFrontPriceFactor, WAD - a.liquidationFactor);
  const discountedPrice = mulFactor(a.assetPrice, WAD - discountFactor);
  const collateral = (a.basePrice * a.baseAmount * a.assetScale) / discountedPrice / a.baseScale;
  return { discountFactor, discountedPrice, collateral };
}

interface Coll { leg: ResolvedLeg; balance: bigint; price: bigint; scale: bigint; lcf: bigint; lcfDec: Dec; lf: bigint | null }
interface Book { colls: Coll[]; base: ResolvedLeg | null; borrow: bigint; basePrice: bigint; baseScale: bigint }

const px = (ctx: LoanContext, leg: ResolvedLeg): bigint => {
  const p = toUnits(leg.price as Dec, PRICE_DECIMALS);
  if (!p.exact) addDiagnostic(ctx, leg.params.fields['price'] ?? leg.source.span, 'info', 'lending-truncated', `${leg.asset} price has more than 8 decimals (Comet feeds); truncated`);
  return p.units;
};

function factor(ctx: LoanContext, leg: ResolvedLeg, x: Dec, name: string): bigint {
  const f = storedFactor(x);
  if (!f.exact) addDiagnostic(ctx, leg.params.fields[name] ?? leg.source.span, 'info', 'lending-truncated', `Comet stores ${name} with 4 decimals; ${fmt(x)} truncated`);
  return f.factor;
}

function book(ctx: LoanContext): Book | { unknownReason: string } {
  const debts = ctx.debt.filter((d) => d.amount.gt(0));
  if (debts.length > 1) {
    addDiagnostic(ctx, debts[1]!.source.span, 'error', 'lending-unsupported-shape', 'a Compound v3 account borrows only the market\'s base asset');
    return { unknownReason: 'Compound v3 borrows one base asset; several debt lines given' };
  }
  const missing = [...ctx.collateral, ...debts].find((l) => l.price === null);
  if (missing) return { unknownReason: `missing price for ${missing.asset}` };
  const colls: Coll[] = [];
  for (const leg of ctx.collateral.filter((c) => c.enabled)) {
    const lcfDec = leg.params.liquidateCollateralFactor ?? leg.params.liquidationThreshold;
    if (lcfDec === null) return { unknownReason: `liquidateCollateralFactor missing for ${leg.asset}` };
    const lcf = factor(ctx, leg, lcfDec, 'liquidateCollateralFactor');
    const lf = leg.params.liquidationFactor === null ? null : factor(ctx, leg, leg.params.liquidationFactor, 'liquidationFactor');
    colls.push({ leg, balance: toUnits(leg.amount, leg.decimals).units, price: px(ctx, leg), scale: pow10(leg.decimals), lcf, lcfDec: new Dec(lcf.toString()).div(1e18), lf });
  }
  const base = debts[0] ?? null;
  return {
    colls, base,
    borrow: base ? toUnits(base.amount, base.decimals).units : 0n,
    basePrice: base ? px(ctx, base) : 0n,
    baseScale: base ? pow10(base.decimals) : 1n,
  };
}

function evaluate(ctx: LoanContext): ProtocolResult | { unknownReason: string } {
  const b = book(ctx);
  if ('unknownReason' in b) return b;
  // isLiquidatable: liquidity = −presentValue·basePrice/baseScale + Σ mulFactor(mulPrice(balance, price, scale), LCF)
  const debtValue = mulPrice(b.borrow, b.basePrice, b.baseScale);
  const collLiquidity = b.colls.reduce((s, c) => s + mulFactor(mulPrice(c.balance, c.price, c.scale), c.lcf), 0n);
  const liquidity = collLiquidity - debtValue;
  const exposures: Exposure[] = b.colls.map((c) => ({ symbol: c.leg.asset, price: c.leg.price as Dec, weighted: c.leg.amount.mul(c.lcfDec), debt: new Dec(0), volatile: c.leg.volatile }));
  if (b.base) exposures.push({ symbol: b.base.asset, price: b.base.price as Dec, weighted: new Dec(0), debt: b.base.amount, volatile: b.base.volatile });
  const borrowing = b.borrow > 0n && debtValue > 0n;
  return {
    exposures,
    // Comet has no HF; this is its own liquidity test as a ratio (HF < 1 ⇔ liquidity < 0)
    healthFactor: borrowing ? ratio(collLiquidity, debtValue) : null,
    liquidatable: borrowing && liquidity < 0n,
    details: { baseAsset: b.base?.asset ?? null, liquidity: liquidity.toString(), liquidityUnit: '1e-8 of the price currency' },
  };
}

/** absorbInternal at ctx's prices: all collateral seized, debt cleared, user credited Σ value·liquidationFactor. */
function liquidation(ctx: LoanContext): LiquidationOutcome {
  const b = book(ctx);
  if ('unknownReason' in b || !b.base || b.basePrice === 0n) return { cost: null, details: {} };
  if (b.colls.some((c) => c.lf === null)) return { cost: null, details: { absorb: 'liquidationFactor missing' } };
  const value = b.colls.reduce((s, c) => s + mulPrice(c.balance, c.price, c.scale), 0n);
  const deltaValue = b.colls.reduce((s, c) => s + mulFactor(mulPrice(c.balance, c.price, c.scale), c.lf as bigint), 0n);
  const deltaBalance = divPrice(deltaValue, b.basePrice, b.baseScale);
  const newBalance = max(0n, deltaBalance - b.borrow);
  const basePrice = b.base.price as Dec;
  const collIdeal = b.colls.reduce((s, c) => s.add(c.leg.amount.mul(c.leg.price as Dec)), new Dec(0));
  const credited = unitsToDec(newBalance, b.base.decimals).mul(basePrice);
  const cost = collIdeal.sub(b.base.amount.mul(basePrice)).sub(credited);
  const storeFront: Record<string, unknown> = {};
  const sfpf = ctx.account.params['storeFrontPriceFactor'];
  for (const c of b.colls) {
    const f = c.leg.params.storeFrontPriceFactor ?? b.base.params.storeFrontPriceFactor ?? sfpf ?? null;
    if (f === null) continue;
    const q = cometQuoteCollateral({ assetPrice: c.price, basePrice: b.basePrice, assetScale: c.scale, baseScale: b.baseScale, liquidationFactor: c.lf as bigint, storeFrontPriceFactor: BigInt(f.mul(1e18).floor().toFixed(0)), baseAmount: b.baseScale });
    storeFront[c.leg.asset] = { discount: fmt(unitsToDec(q.discountFactor, 18)), discountedPrice: fmt(unitsToDec(q.discountedPrice, PRICE_DECIMALS)) };
  }
  return {
    cost: cost.lt(0) ? new Dec(0) : cost,
    details: {
      closeFactor: '1 (absorb: whole account)',
      absorb: {
        collateralValue: fmt(unitsToDec(value, PRICE_DECIMALS)), creditedValue: fmt(unitsToDec(deltaValue, PRICE_DECIMALS)),
        deltaBalance: fmt(unitsToDec(deltaBalance, b.base.decimals)), newBalance: fmt(unitsToDec(newBalance, b.base.decimals)),
        badDebtToReserves: fmt(unitsToDec(max(0n, b.borrow - deltaBalance), b.base.decimals)),
      },
      storeFront,
    },
  };
}

function canAddCollateral(ctx: LoanContext, asset: string): boolean {
  if (ctx.debt.some((d) => d.asset === asset)) return false; // supplying the base asset repays the borrow instead
  const m = ctx.account.markets[asset];
  const leg = ctx.collateral.find((c) => c.asset === asset);
  const lcf = leg?.params.liquidateCollateralFactor ?? leg?.params.liquidationThreshold ?? m?.liquidateCollateralFactor ?? m?.liquidationThreshold ?? null;
  return lcf !== null && lcf.gt(0) && (leg?.price ?? m?.price ?? null) !== null && (leg ? leg.enabled : true);
}

export const compoundModel: ProtocolModel = { evaluate, liquidation, canAddCollateral };
