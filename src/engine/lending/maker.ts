// Maker/Sky vaults (makerdao/dss fa4f6630): Spotter.poke (spot), Dog.bark (unsafe test, dart/dink/tab), vat units
// ink/art [wad], rate/spot/mat/par [ray], debt/dust/room [rad].
import { Dec, fmt } from '../core/decimal';
import { addDiagnostic, param, paramSpan, type ResolvedLeg, type LoanContext } from './lending-context';
import type { LiquidationOutcome, ProtocolModel, ProtocolResult } from './loan-model';
import { RAY, WAD, min, ratio, toUnits, unitsToDec } from './units';

const RAD_DECIMALS = 45;

/** Spotter.poke: spot = rdiv(rdiv(val·1e9, par), mat). */
export const makerSpot = (val: bigint, par: bigint, mat: bigint): bigint => ((val * 10n ** 9n * RAY) / par) * RAY / mat;

export interface BarkResult { dart: bigint; dink: bigint; due: bigint; tab: bigint; wholeVault: boolean; reverts: string | null }

/** Dog.bark amounts: dart = min(art, room·WAD/rate/chop), dusty remainder → whole vault; tab = dart·rate·chop/WAD. */
export function makerBark(a: { ink: bigint; art: bigint; rate: bigint; chop: bigint; dust: bigint; room: bigint | null }): BarkResult {
  if (a.room !== null && a.room <= 0n) return { dart: 0n, dink: 0n, due: 0n, tab: 0n, wholeVault: false, reverts: 'Dog/liquidation-limit-hit' };
  let dart = a.room === null ? a.art : min(a.art, (a.room * WAD) / a.rate / a.chop);
  let reverts: string | null = null;
  if (a.art > dart) {
    if ((a.art - dart) * a.rate < a.dust) dart = a.art;
    else if (dart * a.rate < a.dust) reverts = 'Dog/dusty-auction-from-partial-liquidation';
  }
  const dink = (a.ink * dart) / a.art;
  const due = dart * a.rate;
  return { dart, dink, due, tab: (due * a.chop) / WAD, wholeVault: dart === a.art, reverts };
}

interface Vault { coll: ResolvedLeg; debtSymbol: string; ink: bigint; art: bigint; rate: bigint; mat: Dec; par: Dec; debt: Dec }

function vault(ctx: LoanContext): Vault | { unknownReason: string } {
  const colls = ctx.collateral.filter((c) => c.enabled && c.amount.gt(0));
  if (colls.length > 1 || ctx.debt.length > 1) {
    addDiagnostic(ctx, ctx.loan.span, 'error', 'lending-unsupported-shape', 'a Maker vault has one collateral (ilk) and one DAI/USDS debt');
    return { unknownReason: 'a Maker vault has one collateral and one debt' };
  }
  const coll = colls[0] ?? ctx.collateral[0];
  if (!coll) return { unknownReason: 'vault has no collateral line' };
  if (coll.price === null) return { unknownReason: `missing price for ${coll.asset}` };
  const mat = param(ctx, 'liquidationRatio', 'mat');
  if (mat === null) return { unknownReason: 'liquidationRatio (mat) missing' };
  if (mat.lte(0)) return { unknownReason: 'liquidationRatio (mat) must be > 0' };
  const par = param(ctx, 'par') ?? new Dec(1);
  const rateDec = param(ctx, 'rate') ?? new Dec(1);
  const artDec = param(ctx, 'art');
  const leg = ctx.debt[0];
  let art: bigint;
  if (artDec !== null) {
    art = toUnits(artDec, 18).units;
    const implied = artDec.mul(rateDec);
    if (leg && leg.amount.sub(implied).abs().gt(new Dec('1e-18').mul(implied.add(1)))) {
      addDiagnostic(ctx, leg.source.fields['amount'] ?? leg.source.span, 'warning', 'lending-debt-mismatch', `debt ${fmt(leg.amount)} differs from art·rate = ${fmt(implied)}; art·rate is used`);
    }
  } else {
    art = toUnits((leg?.amount ?? new Dec(0)).div(rateDec), 18, 'ceil').units;
  }
  const rate = toUnits(rateDec, 27).units;
  const debt = unitsToDec(art * rate, RAD_DECIMALS);
  return { coll, debtSymbol: leg?.asset ?? 'DAI', ink: toUnits(coll.amount, 18).units, art, rate, mat, par, debt };
}

function evaluate(ctx: LoanContext): ProtocolResult | { unknownReason: string } {
  const v = vault(ctx);
  if ('unknownReason' in v) return v;
  const price = v.coll.price as Dec;
  const spot = makerSpot(toUnits(price, 18).units, toUnits(v.par, 27).units, toUnits(v.mat, 27).units);
  const lhs = v.ink * spot;
  const rhs = v.art * v.rate;
  return {
    // DAI debt is valued at par (the vault math has no DAI price); 1/(mat·par) is the collateral weight.
    exposures: [
      { symbol: v.coll.asset, price, weighted: v.coll.amount.div(v.mat.mul(v.par)), debt: new Dec(0), volatile: v.coll.volatile },
      { symbol: v.debtSymbol, price: new Dec(1), weighted: new Dec(0), debt: v.debt, volatile: false },
    ],
    healthFactor: rhs === 0n ? null : ratio(lhs, rhs),
    liquidatable: rhs > 0n && spot > 0n && lhs < rhs, // Dog.bark: require(spot > 0 && ink·spot < art·rate), strict
    details: {
      debt: fmt(v.debt), liquidationRatio: fmt(v.mat), spot: spot.toString(),
      collateralizationRatio: v.debt.gt(0) ? fmt(v.coll.amount.mul(price).div(v.debt.mul(v.par))) : null,
      oracle: 'Maker liquidates on the next OSM price (one-hour delay); compare the next price with the liquidation price',
    },
  };
}

function chopOf(ctx: LoanContext): Dec | null {
  const chop = param(ctx, 'chop');
  if (chop !== null) return chop;
  const penalty = param(ctx, 'penalty', 'liquidationPenalty');
  if (penalty === null) return null;
  if (penalty.gte(1)) {
    addDiagnostic(ctx, paramSpan(ctx, 'penalty'), 'warning', 'lending-param-range', `penalty ${fmt(penalty)} ≥ 1 read as chop (1 + penalty)`);
    return penalty;
  }
  return penalty.add(1);
}

function liquidation(ctx: LoanContext): LiquidationOutcome {
  const v = vault(ctx);
  const chop = chopOf(ctx);
  if ('unknownReason' in v || v.art === 0n) return { cost: null, details: {} };
  if (chop === null) return { cost: null, details: { bark: 'chop (or penalty) not given' } };
  const dust = param(ctx, 'dust');
  const room = param(ctx, 'room');
  const rad = (x: Dec): bigint => toUnits(x, RAD_DECIMALS).units;
  const b = makerBark({ ink: v.ink, art: v.art, rate: v.rate, chop: toUnits(chop, 18).units, dust: dust ? rad(dust) : 0n, room: room ? rad(room) : null });
  const tip = param(ctx, 'tip');
  const chip = param(ctx, 'chip');
  const tab = unitsToDec(b.tab, RAD_DECIMALS);
  return {
    cost: b.reverts ? null : tab.sub(unitsToDec(b.due, RAD_DECIMALS)).mul(v.par),
    details: {
      closeFactor: b.wholeVault ? '1' : fmt(ratio(b.dart, v.art)),
      bark: {
        dart: fmt(unitsToDec(b.dart, 18)), dink: fmt(unitsToDec(b.dink, 18)), tab: fmt(tab), wholeVault: b.wholeVault, reverts: b.reverts,
        keeperIncentive: tip || chip ? fmt((tip ?? new Dec(0)).add(tab.mul(chip ?? 0))) : null,
      },
    },
  };
}

function canAddCollateral(ctx: LoanContext, asset: string): boolean {
  const v = vault(ctx);
  return !('unknownReason' in v) && v.coll.asset === asset;
}

export const makerModel: ProtocolModel = { evaluate, liquidation, canAddCollateral };
