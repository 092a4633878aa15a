// One position → one solver leg (docs/venues.md §1): PnL linear in u (u = P linear, 1/P inverse), MM pieces in x = q·u.
import { Dec, ONE, ZERO } from '../core/decimal';
import type { Diagnostic, PerpAccount, PerpPosition } from '../core/types';
import { diagnostic } from '../core/diagnostics';
import { buildLegMm, resolveMaintenance, type LegMm } from './maintenance';
import { mmOf, pieceAt, type MmPiece, type SolveLeg } from './solver';
import type { VenueModel } from './venue-model';
import { isInverse, perpVenue } from '../venues/registry';

export interface Leg {
  index: number;
  position: PerpPosition;
  sign: 1 | -1;
  inverse: boolean;
  /** Base quantity (linear) or USD face (inverse). */
  q: Dec;
  u0: Dec;
  /** PnL at the mark, pnlAt(u0): fixed with the leg, so computed once when it is built. */
  pnlAtMark: Dec;
  solve: SolveLeg;
  mm: LegMm;
  /** BitMEX next funding as a cash flow into the margin (negative when this leg pays). */
  funding: Dec;
}

export type LegResult = { leg: Leg; diagnostics: Diagnostic[] } | { unknownReason: string; diagnostics: Diagnostic[] };

const MINUS_ONE = ONE.neg();

export const NO_MM = 'no maintenance-margin rate: give tiers, mmr or a bundled table';

export function buildLeg(account: PerpAccount, model: VenueModel, p: PerpPosition, index: number): LegResult {
  const diagnostics: Diagnostic[] = [];
  const m = p.market;
  // docs/venues.md §14.1: size 0 has no liquidation price (every formula divides by it).
  if (p.size.isZero()) return { unknownReason: 'no position (size 0)', diagnostics };
  if (m.markPrice === null) return { unknownReason: 'no mark price', diagnostics };
  if (!m.markPrice.gt(0)) return { unknownReason: 'mark price must be > 0', diagnostics };
  if (!p.entryPrice.gt(0)) return { unknownReason: 'entry price must be > 0', diagnostics };
  const venue = perpVenue(account.venue);
  const inverse = isInverse(account.venue, p.symbol, account.settleCurrency);
  const defaultCs = venue.defaultContractSize(p.symbol);
  const cs = m.contractSize ?? (defaultCs === null ? null : new Dec(defaultCs));
  if (inverse && cs === null) {
    diagnostics.push(diagnostic('error', 'no-contract-size', `${p.symbol}: an inverse contract needs contractSize (USD per contract)`, p.span));
    return { unknownReason: 'inverse contract without contractSize', diagnostics };
  }
  const q = p.size.abs().mul(cs ?? 1);
  const sign = p.side === 'long' ? 1 : -1;
  const src = resolveMaintenance(model, p);
  diagnostics.push(...src.diagnostics);
  if (!src.source) return { unknownReason: NO_MM, diagnostics };
  if (model.warnMissingTaker && m.takerFee === null)
    diagnostics.push(diagnostic('warning', 'missing-taker-fee', `${model.id} adds the taker fee to the maintenance rate: no takerFee given, 0 used`, p.span));
  const entryNotional = inverse ? q.div(p.entryPrice) : q.mul(p.entryPrice);
  const mm = buildLegMm(src.source, model.tierKey(p.marginMode), model.feeRate(p), entryNotional, p.size.abs(), venue.tierBoundary === 'cap-inclusive');
  const last = mm.table?.tiers[mm.table.tiers.length - 1];
  const markNotional = inverse ? q.div(m.markPrice) : q.mul(m.markPrice);
  if (model.tierKey(p.marginMode) === 'notional' && last?.cap && markNotional.gt(last.cap))
    diagnostics.push(diagnostic('warning', 'tier-beyond-cap', `notional ${markNotional.toFixed()} exceeds the last tier cap ${last.cap.toFixed()}: the last tier is extended`, p.fields.tiers ?? p.span));
  // s·q exactly (q is a 50-digit product, so ±1·q rounds to itself)
  const sq = sign === 1 ? q : q.neg();
  // linear: s·q·(P − EP); inverse: s·q·(1/EP − 1/P)
  const solve: SolveLeg = inverse
    ? { q, alpha: sq.div(p.entryPrice), beta: sq.neg(), pieces: mm.pieces, upperInclusive: mm.upperInclusive }
    : { q, alpha: sq.mul(p.entryPrice).neg(), beta: sq, pieces: mm.pieces, upperInclusive: mm.upperInclusive };
  const u0 = inverse ? ONE.div(m.markPrice) : m.markPrice;
  // BitMEX: longs pay positive funding on the position value at the mark (docs/format.md §4 "funding as a cash flow").
  const funding = model.fundingCashFlow && m.fundingRate !== null ? (sign === 1 ? MINUS_ONE : ONE).mul(m.fundingRate).mul(q.mul(u0)) : ZERO;
  const pnlAtMark = pnlAt(solve, u0);
  return { leg: { index, position: p, sign, inverse, q, u0, pnlAtMark, solve, mm, funding }, diagnostics };
}

const pnlAt = (s: SolveLeg, u: Dec): Dec => s.alpha.plus(s.beta.mul(u));
export const mmAt = (l: Leg, u: Dec): Dec => {
  const x = l.q.mul(u);
  return mmOf(pieceAt(l.solve, x), x);
};

/** MM at the mark, kept per leg while its pieces stay: a fix's probes re-sum the same legs (hedge netting and the fee
 *  to close give a copy of the leg new pieces). */
const keptMmAtMark = new WeakMap<SolveLeg, { pieces: MmPiece[]; q: Dec; u0: Dec; mm: Dec }>();

export function mmAtMark(l: Leg): Dec {
  const kept = keptMmAtMark.get(l.solve);
  if (kept && kept.pieces === l.solve.pieces && kept.q === l.q && kept.u0 === l.u0) return kept.mm;
  const mm = mmAt(l, l.u0);
  keptMmAtMark.set(l.solve, { pieces: l.solve.pieces, q: l.q, u0: l.u0, mm });
  return mm;
}
