// Σ PnL and Σ MM at the marks of a symbol's legs (docs/venues.md §1.1). A fix's exact probe re-evaluates the symbol
// with one leg cut (or none changed: margin added), so a symbol of n legs summed them again for each probe: quadratic
// in the legs of one symbol (issue 10). The sums of a list are kept; a list that differs from a kept one in one leg
// gets the kept sums less that leg's terms plus the new leg's, but only where every partial sum is exact in either
// order (the terms' digits fit Decimal's precision), so the value is the one the direct sum gives.
import { ZERO, type Dec } from '../core/decimal';
import { oneDifferent } from '../core/arrays';
import { mmAtMark, type Leg } from './legs';

export interface LegSums {
  pnl: Dec;
  mm: Dec;
}

/** Dec's precision (core/decimal.ts). */
const PRECISION = 50;
/** Shorter lists are summed directly. */
const KEEP_FROM = 16;

interface Terms {
  pieces: Leg['solve']['pieces'];
  pnl: Dec;
  mm: Dec;
  /** The largest exponent and the most decimal places of the two. */
  e: number;
  dp: number;
}

const termsOf = new WeakMap<Leg, Terms>();

function terms(l: Leg): Terms {
  let t = termsOf.get(l);
  // hedge netting and the fee to close give a leg's copy new pieces during an evaluation
  if (!t || t.pieces !== l.solve.pieces) {
    const pnl = l.pnlAtMark;
    const mm = mmAtMark(l);
    t = { pieces: l.solve.pieces, pnl, mm, e: Math.max(pnl.e, mm.e), dp: Math.max(pnl.decimalPlaces(), mm.decimalPlaces()) };
    termsOf.set(l, t);
  }
  return t;
}

interface Kept extends LegSums {
  legs: readonly Leg[];
  e: number;
  dp: number;
}

const kept = new WeakMap<Leg, Kept[]>();

/** Every partial sum of n terms of at most exponent e and dp decimal places fits the precision. */
const exact = (n: number, e: number, dp: number): boolean => e + Math.ceil(Math.log10(n + 1)) + 1 + dp < PRECISION;

export function legSums(legs: readonly Leg[]): LegSums {
  if (legs.length < KEEP_FROM) return sumsAtMark(legs);
  const list = kept.get(legs[0]!) ?? [];
  for (const k of list) {
    const j = oneDifferent(k.legs, legs);
    if (j === -1) return { pnl: k.pnl, mm: k.mm };
    if (j === -2) continue;
    const was = terms(k.legs[j]!), now = terms(legs[j]!);
    const e = Math.max(k.e, now.e), dp = Math.max(k.dp, now.dp);
    if (!exact(legs.length, e, dp)) break;
    return { pnl: k.pnl.minus(was.pnl).plus(now.pnl), mm: k.mm.minus(was.mm).plus(now.mm) };
  }
  const sums = sumsAtMark(legs);
  let e = 0, dp = 0;
  for (const l of legs) {
    const t = terms(l);
    e = Math.max(e, t.e);
    dp = Math.max(dp, t.dp);
  }
  if (list.length >= 2) list.shift();
  list.push({ legs: legs.slice(), ...sums, e, dp });
  kept.set(legs[0]!, list);
  return sums;
}

/** Σ PnL and Σ MM of the legs at their marks in list order, from `pnl`, `mm` (the direct sum). */
export function sumsAtMark(legs: readonly Leg[], pnl: Dec = ZERO, mm: Dec = ZERO): LegSums {
  for (const l of legs) {
    pnl = pnl.plus(l.pnlAtMark);
    mm = mm.plus(mmAtMark(l));
  }
  return { pnl, mm };
}
