// Evaluate a perp account: isolated legs alone, cross legs of one symbol together with every other mark held (docs/results.md §3).
import { Dec, ONE, fmt, ZERO } from '../core/decimal';
import type { Diagnostic, PerpAccount, PerpMetrics, TierTable } from '../core/types';
import { diagnostic } from '../core/diagnostics';
import { buildLeg, type Leg } from './legs';
import { tierIndexAt, tierUsed } from './maintenance';
import { bracketRoots, solvePiecewise, type MmPiece } from './solver';
import { solveNear } from './near-solve';
import { legSums, sumsAtMark } from './leg-sums';
import { wholeRootless } from './float-segments';
import { validateTierTable } from './validate';
import { isPerpVenue, perpVenue } from '../venues/registry';
import type { VenueModel } from './venue-model';
import { bybitFeeToClose, feeInclusiveBankruptcyU } from './venues/bybit';


interface Group {
  legs: Leg[];
  /** The group's roots, solved once for all its legs (they share one equation). */
  solved?: ReturnType<typeof solvePiecewise>;
  /** The group's bankruptcy point in u (null: none), summed once for all its legs (a sum per leg was quadratic). */
  bankruptU?: Dec | null;
  /** Whether the group holds long and short legs, once for all its legs. */
  hedged?: boolean;
  /** Wallet (+ funding) plus PnL − MM of everything outside the group at its marks. */
  k: Dec;
  /** Same without the others' MM: the margin balance outside the group (for bankruptcy). */
  kMb: Dec;
  mb: Dec;
  mm: Dec;
  /** PnL (with funding) and MM of the cross legs outside the group, at their marks (fix probes hold them). */
  othersPnl: Dec;
  othersMm: Dec;
}

/** A solved group as fixes see it: its legs (after hedge netting and fee to close) and its constants. */
export type PerpGroup = Readonly<Group>;

export interface PerpEvaluateOptions {
  /** Re-evaluation of one position (fixes, buffers, stress): only its group is solved, tables are not re-validated;
   *  every other position's metrics are one shared "not evaluated" blank. */
  only?: number;
  /** Margin balance, maintenance margin and `liquidatable` only; no prices are solved (stress tests). */
  marginOnly?: boolean;
  /** A fix's exact probe: only the roots nearest the mark are solved (near-solve.ts); the status is the same. No
   *  bankruptcy price (a probe reads the liquidation prices and `liquidatable`). */
  nearMark?: boolean;
  /**
   * A focused account (fix probes): the cross legs of the other symbols are not in `positions` but held as constants,
   * their PnL (plus funding) and MM at their marks.
   */
  crossOthers?: { pnl: Dec; mm: Dec };
}

const groupCache = new WeakMap<PerpAccount, Map<number, Group>>();

/** The group of every evaluated position of a full evaluation of `account` (evaluated once per account object). */
export function perpGroupOf(account: PerpAccount, index: number): PerpGroup | null {
  if (!groupCache.has(account)) evaluatePerpAccount(account);
  return groupCache.get(account)?.get(index) ?? null;
}

export function evaluatePerpAccount(account: PerpAccount, options: PerpEvaluateOptions = {}): { metrics: PerpMetrics[]; diagnostics: Diagnostic[] } {
  try {
    return evaluate(account, options);
  } catch (e) {
    const reason = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { metrics: account.positions.map((p) => blank(p.id, reason, false, account.settleCurrency)), diagnostics: [] };
  }
}

function evaluate(account: PerpAccount, options: PerpEvaluateOptions): { metrics: PerpMetrics[]; diagnostics: Diagnostic[] } {
  const model = isPerpVenue(account.venue) ? perpVenue(account.venue).margin : undefined;
  const diagnostics: Diagnostic[] = [];
  const metrics: Array<PerpMetrics | null> = account.positions.map(() => null);
  if (!model) {
    return { metrics: account.positions.map((p) => blank(p.id, `unknown venue ${account.venue}`, false, null)), diagnostics };
  }
  if (options.only === undefined) validateTables(account, model, diagnostics);
  const legs: Leg[] = [];
  account.positions.forEach((p, i) => {
    const r = cachedLeg(account, model, p, i);
    if (r.diagnostics.length) diagnostics.push(...r.diagnostics);
    if ('leg' in r) legs.push(r.leg);
    else metrics[i] = blank(p.id, r.unknownReason, model.releasesMarginProRata, settleOf(account, p.symbol, model, false));
  });
  const groups: Group[] = [];
  isolatedGroups(options.only === undefined ? legs : legs.filter((l) => l.index === options.only), model, diagnostics, metrics, account, groups);
  crossGroups(account, legs.filter((l) => l.position.marginMode === 'cross'), model, metrics, groups, options.only, options.crossOthers);
  if (options.only === undefined && !options.crossOthers) {
    const byIndex = new Map<number, Group>();
    for (const g of groups) for (const l of g.legs) byIndex.set(l.index, g);
    groupCache.set(account, byIndex);
  }
  for (const g of groups) {
    if (options.only !== undefined && !g.legs.some((l) => l.index === options.only)) continue;
    for (const l of g.legs) if (options.only === undefined || l.index === options.only) metrics[l.index] = legMetrics(account, model, g, l, options.marginOnly === true, options.nearMark === true);
  }
  const notEvaluated = (i: number): PerpMetrics =>
    options.only !== undefined && i !== options.only ? NOT_EVALUATED : blank(account.positions[i]!.id, 'not evaluated', false, null);
  return { metrics: metrics.map((m, i) => m ?? notEvaluated(i)), diagnostics };
}

/** What a re-evaluation of one position (`only`) gives the others: one shared blank (fix probes run thousands). */
const NOT_EVALUATED: PerpMetrics = Object.freeze(blank('', 'not evaluated', false, null));

interface CachedLeg {
  venue: string;
  settle: string | null;
  index: number;
  result: ReturnType<typeof buildLeg>;
}
const legCache = new WeakMap<object, CachedLeg>();

/**
 * buildLeg is pure in (venue, settle currency, position, index); fixes and stress re-evaluate the same position
 * objects hundreds of times, so the leg is built once. Copies keep the cache safe from the per-evaluation
 * reassignment of pieces (hedge netting, fee to close); a model that does neither gets the cached leg itself.
 */
export function cachedLeg(account: PerpAccount, model: VenueModel, p: PerpAccount['positions'][number], i: number): ReturnType<typeof buildLeg> {
  let c = legCache.get(p);
  if (!c || c.venue !== account.venue || c.settle !== account.settleCurrency || c.index !== i) {
    c = { venue: account.venue, settle: account.settleCurrency, index: i, result: buildLeg(account, model, p, i) };
    legCache.set(p, c);
  }
  const r = c.result;
  if (!('leg' in r) || !reassignsPieces(account, model)) return r;
  return { leg: { ...r.leg, solve: { ...r.leg.solve }, mm: { ...r.leg.mm } }, diagnostics: r.diagnostics };
}

/** Hedge netting and the fee to close rewrite a leg's pieces during an evaluation (netHedge, addFeeToClose). */
export const reassignsPieces = (account: PerpAccount, model: VenueModel): boolean =>
  model.feeToClose || (model.netHedgeCross && account.positionMode === 'hedge');

/** Whether an evaluation of `account` builds its legs anew (hedge netting, the fee to close): then nothing a probe
 *  keeps from the one before (sums, segments) applies, and each probe sums and sweeps all the symbol's legs. */
export function rebuildsLegs(account: PerpAccount): boolean {
  const model = isPerpVenue(account.venue) ? perpVenue(account.venue).margin : undefined;
  return !!model && reassignsPieces(account, model);
}

function validateTables(account: PerpAccount, model: VenueModel, out: Diagnostic[]): void {
  const seen = new Set<TierTable>();
  for (const p of account.positions) {
    const t = p.market.tiers;
    if (t === null || typeof t === 'string' || seen.has(t)) continue;
    seen.add(t);
    out.push(...validateTierTable(t, p.fields.tiers ?? p.span, model.integerTierGap));
  }
}

function isolatedGroups(legs: Leg[], model: VenueModel, out: Diagnostic[], metrics: Array<PerpMetrics | null>, account: PerpAccount, groups: Group[]): void {
  for (const l of legs) {
    const p = l.position;
    if (p.marginMode !== 'isolated') continue;
    let wallet = p.isolatedMargin;
    if (wallet === null && p.leverage !== null && p.leverage.gt(0)) {
      // docs/format.md §2.2: default size·EP/leverage (inverse face/EP/leverage)
      wallet = (l.inverse ? l.q.div(p.entryPrice) : l.q.mul(p.entryPrice)).div(p.leverage);
      out.push(diagnostic('info', 'isolated-margin-defaulted', `isolatedMargin defaulted to size·entry/leverage = ${fmt(wallet)}`, p.fields.leverage ?? p.span));
    }
    if (wallet === null) {
      metrics[l.index] = blank(p.id, 'isolated position without isolatedMargin or leverage', model.releasesMarginProRata, settleOf(account, p.symbol, model, l.inverse));
      continue;
    }
    const withFunding = wallet.plus(l.funding);
    addFeeToClose(model, [l], withFunding);
    groups.push(makeGroup([l], withFunding, ZERO, ZERO));
  }
}

function crossGroups(account: PerpAccount, cross: Leg[], model: VenueModel, metrics: Array<PerpMetrics | null>, groups: Group[], only?: number, others?: { pnl: Dec; mm: Dec }): void {
  // a zero-size row is no position (docs/venues.md §14.1): it neither blocks nor joins the cross account
  if (only !== undefined && account.positions[only]?.marginMode !== 'cross') return;
  const { any, missing } = crossCoverage(account.positions, cross);
  if (!any) return;
  const failWith = (reason: string): void => {
    for (const l of cross) metrics[l.index] = blank(l.position.id, reason, model.releasesMarginProRata, settleOf(account, l.position.symbol, model, l.inverse));
  };
  if (account.walletBalance === null) return failWith('no walletBalance for the cross account');
  if (missing) return failWith(`cross account incomplete: ${missing.id} cannot be evaluated`);
  const bySymbol = new Map<string, Leg[]>();
  for (const l of cross) {
    const ls = bySymbol.get(l.position.symbol);
    if (ls) ls.push(l);
    else bySymbol.set(l.position.symbol, [l]);
  }
  const wallet = withFunding(account.walletBalance, cross);
  const pnlOf = (ls: Leg[]): Dec => ls.reduce((s, l) => s.plus(l.pnlAtMark), ZERO);
  const crossPnl = model.feeToClose ? pnlOf(cross) : ZERO;
  for (const ls of bySymbol.values()) {
    if (model.netHedgeCross && account.positionMode === 'hedge') netHedge(ls);
    // the other symbols' PnL: the book's total less this symbol's (one pass, not a scan per symbol)
    if (model.feeToClose) addFeeToClose(model, ls, wallet.plus(crossPnl.minus(pnlOf(ls))).plus(others?.pnl ?? ZERO));
  }
  // a focused account (one symbol, the others held as constants): its others are those constants
  if (others && bySymbol.size === 1) {
    const ls = [...bySymbol.values()][0]!;
    groups.push(makeGroup(ls, wallet, others.pnl, others.mm));
    return;
  }
  // Σ over the whole cross book once; each symbol's "others" are the total less its own legs.
  const { totalPnl, totalMm } = crossTotals(account, cross, model, others);
  for (const ls of bySymbol.values()) {
    if (only !== undefined && !ls.some((l) => l.index === only)) continue;
    const own = legSums(ls);
    groups.push(makeGroup(ls, wallet, totalPnl.minus(own.pnl), totalMm.minus(own.mm), own));
  }
}

/**
 * Whether the account holds a cross position of non-zero size, and the first such position without a leg (in
 * position order). `cross` lists the legs in position order, so one merge walk finds it (a probe runs this per leg).
 */
function crossCoverage(positions: PerpAccount['positions'], cross: readonly Leg[]): { any: boolean; missing: PerpAccount['positions'][number] | undefined } {
  let any = false;
  let j = 0;
  for (const p of positions) {
    if (p.marginMode !== 'cross') continue;
    const hasLeg = j < cross.length && cross[j]!.position === p;
    if (hasLeg) j++;
    if (p.size.isZero()) continue;
    any = true;
    if (!hasLeg) return { any, missing: p };
  }
  return { any, missing: undefined };
}

/**
 * The wallet plus the legs' funding in leg order. Funding is zero but on BitMEX: after the first addition (which
 * rounds a wallet given with more digits than the precision) adding zero leaves the value, so those are skipped.
 */
export function withFunding(wallet: Dec, legs: readonly Leg[]): Dec {
  let w = legs.length ? wallet.plus(legs[0]!.funding) : wallet;
  for (let i = 1; i < legs.length; i++) if (!legs[i]!.funding.isZero()) w = w.plus(legs[i]!.funding);
  return w;
}

const totalsCache = new WeakMap<object, { totalPnl: Dec; totalMm: Dec }>();

/** Σ PnL and Σ MM of the cross book at its marks; a margin probe keeps the positions array, so this is computed once. */
function crossTotals(account: PerpAccount, cross: Leg[], model: VenueModel, others?: { pnl: Dec; mm: Dec }): { totalPnl: Dec; totalMm: Dec } {
  const cacheable = !reassignsPieces(account, model);
  const hit = cacheable ? totalsCache.get(account.positions) : undefined;
  if (hit) return hit;
  const sums = sumsAtMark(cross, others?.pnl, others?.mm);
  const totals = { totalPnl: sums.pnl, totalMm: sums.mm };
  if (cacheable) totalsCache.set(account.positions, totals);
  return totals;
}

/** The group's roots, solved once; a probe (`near`: the mark's u) solves only those nearest the mark, each time. */
function solveGroup(g: Group, near: Dec | null = null): ReturnType<typeof solvePiecewise> {
  if (near) return solveNear(g.k, g.legs.map((x) => x.solve), near);
  return (g.solved ??= solvePiecewise(g.k, g.legs.map((x) => x.solve), wholeRootless));
}

/** `own`: the legs' sums at their marks, when the caller has them already. */
export function makeGroup(legs: Leg[], wallet: Dec, othersPnl: Dec, othersMm: Dec, own = legSums(legs)): Group {
  const kMb = wallet.plus(othersPnl);
  return { legs, k: kMb.minus(othersMm), kMb, mb: kMb.plus(own.pnl), mm: own.mm.plus(othersMm), othersPnl, othersMm };
}

/** Bybit classic cross hedge: only the net size carries MM (the larger leg scaled by net/its size, the smaller none). */
function netHedge(ls: Leg[]): void {
  const long = ls.filter((l) => l.sign === 1).reduce((s, l) => s.plus(l.q), ZERO);
  const short = ls.filter((l) => l.sign === -1).reduce((s, l) => s.plus(l.q), ZERO);
  if (long.isZero() || short.isZero()) return;
  const net = long.minus(short);
  for (const l of ls) {
    const side = l.sign === 1 ? long : short;
    const keep = (l.sign === 1) === net.gt(0) && !net.isZero() ? net.abs().div(side) : ZERO;
    l.solve.pieces = l.solve.pieces.map((p) => scale(p, keep));
    l.mm.pieces = l.solve.pieces;
  }
}

const scale = (p: MmPiece, f: Dec): MmPiece => ({ ...p, c0: p.c0.mul(f), c1: p.c1.mul(f), c2: p.c2.mul(f) });

/**
 * Bybit 2026: MM += estimated fee to close = taker × value at the bankruptcy price, BP where the margin just pays the fee
 * (help 360039261334: BP = 1.00075·Qty/(Qty/EP + balance)). Only when the file gives takerFee.
 */
function addFeeToClose(model: VenueModel, ls: Leg[], kMb: Dec): void {
  if (!model.feeToClose) return;
  const active = ls.filter((l) => l.position.market.takerFee !== null);
  if (active.length === 0) return;
  const bp = feeInclusiveBankruptcyU(kMb, ls.map((l) => l.solve), ls.map((l) => l.position.market.takerFee ?? ZERO));
  if (bp === null) return;
  for (const l of active) {
    const fee = bybitFeeToClose(l.q, bp, l.position.market.takerFee!);
    l.solve.pieces = l.solve.pieces.map((p) => ({ ...p, c0: p.c0.plus(fee) }));
    l.mm.pieces = l.solve.pieces;
  }
}

export function legMetrics(account: PerpAccount, model: VenueModel, g: Group, l: Leg, marginOnly = false, near = false): PerpMetrics {
  const p = l.position;
  const toP = (u: Dec): Dec => (l.inverse ? ONE.div(u) : u);
  const ratio = g.mb.gt(0) ? g.mm.div(g.mb) : null;
  const liquidatable = g.mb.lte(g.mm);
  const out = blank(p.id, null, model.releasesMarginProRata, settleOf(account, p.symbol, model, l.inverse));
  out.marginBalance = g.mb;
  out.maintenanceMargin = g.mm;
  out.marginRatio = ratio;
  out.venueMarginRatio = model.display(g.mb, g.mm, ratio);
  out.liquidatable = liquidatable;
  out.notional = l.q.mul(l.u0);
  out.bankruptcyPrice = marginOnly || near ? null : bankruptcy(g, toP);
  if (marginOnly) return out;
  let lpU: Dec | null = null;
  if (liquidatable) {
    // docs/venues.md §14.3 decision: MB ≤ MM now ⇒ liquidatable, distance 0; the price where MB = MM (docs/results.md §3) is still
    // reported — it lies on the far side of the mark and shows how far the mark has gone through it.
    const solved = solveGroup(g, near ? l.u0 : null);
    const nearest = nearestRoot(solved.roots, l.u0);
    out.liquidationPrice = nearest ? toP(nearest) : null;
    out.note = 'liquidatable now: margin balance ≤ maintenance margin at the current mark';
  } else {
    const solved = solveGroup(g, near ? l.u0 : null);
    const { below, above } = bracketRoots(solved.roots, l.u0);
    const [down, up] = l.inverse ? [above, below] : [below, above];
    const downP = down ? toP(down) : null;
    const upP = up ? toP(up) : null;
    const mark = toP(l.u0);
    if (downP && upP) {
      out.liquidationPrices = { down: downP, up: upP };
      // nearest in log distance (a price move is multiplicative): compare mark/down with up/mark
      out.liquidationPrice = mark.div(downP).lte(upP.div(mark)) ? downP : upP;
      out.note = g.legs.length > 1 ? 'hedged book: liquidation both below and above the mark' : 'liquidation both below and above the mark';
    } else {
      out.liquidationPrice = downP ?? upP;
    }
    if (out.liquidationPrice) lpU = l.inverse ? ONE.div(out.liquidationPrice) : out.liquidationPrice;
    else out.note = noRootNote(g, solved.nonPositiveRoot, toP);
    if (out.liquidationPrice && upP && !downP && isHedged(g)) out.note = 'upside liquidation of a hedged book';
  }
  out.tier = tierUsed(l.mm.table, l.mm.fixedTier ?? tierAt(l, lpU ?? l.u0));
  return out;
}

/** The root closest to the mark in log distance (a price move is multiplicative). */
function nearestRoot(roots: Dec[], u0: Dec): Dec | null {
  let best: Dec | null = null;
  let bestD: Dec | null = null;
  for (const r of roots) {
    if (r.lte(0)) continue;
    const d = r.gt(u0) ? r.div(u0) : u0.div(r);
    if (bestD === null || d.lt(bestD)) {
      best = r;
      bestD = d;
    }
  }
  return best;
}

function tierAt(l: Leg, u: Dec): number | null {
  if (!l.mm.table) return null;
  return tierIndexAt(l.mm.table.tiers, l.q.mul(u), l.mm.upperInclusive);
}

function noRootNote(g: Group, nonPositive: Dec | null, toP: (u: Dec) => Dec): string {
  const flat = g.legs.every((l) => l.solve.pieces.every((p) => p.c1.isZero() && p.c2.isZero()));
  const net = g.legs.reduce((s, l) => s.plus(l.solve.beta), ZERO);
  if (flat && net.isZero()) return 'fully hedged: no move of this mark changes margin balance or maintenance margin';
  const formula = nonPositive && !nonPositive.isZero() ? ` (the formula gives ${fmt(toP(nonPositive))})` : '';
  return `cannot be liquidated by a price move${formula}`;
}

/** MB(P) = 0 for this symbol's legs with everything else held; null when MB does not move or the root is ≤ 0. */
function isHedged(g: Group): boolean {
  return (g.hedged ??= g.legs.some((x) => x.sign === 1) && g.legs.some((x) => x.sign === -1));
}

function bankruptcy(g: Group, toP: (u: Dec) => Dec): Dec | null {
  if (g.bankruptU === undefined) {
    const a = g.legs.reduce((s, l) => s.plus(l.solve.alpha), g.kMb);
    const b = g.legs.reduce((s, l) => s.plus(l.solve.beta), ZERO);
    const u = b.isZero() ? null : a.neg().div(b);
    g.bankruptU = u !== null && u.gt(0) ? u : null;
  }
  return g.bankruptU === null ? null : toP(g.bankruptU);
}

const STABLE_QUOTES = ['USDT', 'USDC', 'BUSD', 'FDUSD', 'USD'];

function settleOf(account: PerpAccount, symbol: string, model: VenueModel, inverse: boolean): string | null {
  if (account.settleCurrency) return account.settleCurrency;
  const s = symbol.toUpperCase().replace(/:.*$/, '').replace(/[^A-Z0-9]/g, '');
  const fixed = perpVenue(model.id).defaultSettle;
  if (fixed !== null) return fixed;
  if (inverse) {
    const base = s.replace(/USD.*$/, '');
    return base === 'XBT' ? 'XBT' : base || null;
  }
  return STABLE_QUOTES.find((q) => s.endsWith(q)) ?? null;
}

function blank(id: string, unknownReason: string | null, proRata: boolean, settle: string | null): PerpMetrics {
  return {
    positionId: id,
    liquidationPrice: null,
    liquidationPrices: null,
    bankruptcyPrice: null,
    marginBalance: null,
    maintenanceMargin: null,
    marginRatio: null,
    venueMarginRatio: null,
    tier: null,
    liquidatable: false,
    unknownReason,
    note: null,
    releasesMarginProRata: proRata,
    settleCurrency: settle,
    notional: null,
  };
}
