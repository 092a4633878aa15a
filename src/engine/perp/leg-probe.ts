// A fix's exact probe of one cross leg of a focused account (fix/focus-group.ts: one symbol's cross legs, the other
// symbols held as constants). evaluatePerpAccount walks every position to build its legs, check the account is
// complete and group the legs by symbol; per probe, that made a symbol of n legs cost n a probe and n² a file
// (issue 10, docs/performance.md §3). A probe changes the wallet (margin added: the same positions) or one position
// (size cut), so the legs of the account it came from are kept and the one changed leg is built. Every other case —
// a leg that cannot be built, an isolated position, hedge netting or the fee to close, which rewrite the legs each
// evaluation — is evaluatePerpAccount's, whose result this one equals.
import type { Dec } from '../core/decimal';
import type { PerpAccount, PerpMetrics } from '../core/types';
import { keepTwo, oneDifferent } from '../core/arrays';
import { isPerpVenue, perpVenue } from '../venues/registry';
import { cachedLeg, evaluatePerpAccount, legMetrics, makeGroup, reassignsPieces, withFunding } from './account';
import type { Leg } from './legs';
import type { VenueModel } from './venue-model';

type Positions = PerpAccount['positions'];
type Others = { pnl: Dec; mm: Dec };

interface Frame {
  positions: Positions;
  legs: Leg[];
  /** No leg after the first has funding (every venue but BitMEX): the wallet is the balance plus the first's. */
  fundingFirstOnly: boolean;
  /** Long and short legs (a cut keeps every leg's side). */
  hedged: boolean;
  hits: number;
}

/** Up to two frames per focused group, keyed by its constants (one object per symbol's focus): the account's own
 *  positions, which every margin probe and every cut derives from, and the last one-off; the one used less goes. */
const frames = new WeakMap<Others, Frame[]>();

export interface LegProbeOptions {
  /** Only the roots nearest the mark (a probe's status; no bankruptcy price). */
  nearMark?: boolean;
  crossOthers?: Others;
}

/** evaluatePerpAccount(account, { only: index, … }).metrics[index], without the walk over every position where it can. */
export function evaluatePerpLeg(account: PerpAccount, index: number, options: LegProbeOptions): PerpMetrics | null {
  const { nearMark = false, crossOthers } = options;
  const fast = crossOthers ? focusedLeg(account, index, crossOthers, nearMark) : null;
  if (fast) return fast;
  return evaluatePerpAccount(account, { only: index, nearMark, ...(crossOthers ? { crossOthers } : {}) }).metrics[index] ?? null;
}

function focusedLeg(account: PerpAccount, index: number, others: Others, near: boolean): PerpMetrics | null {
  const model = isPerpVenue(account.venue) ? perpVenue(account.venue).margin : undefined;
  if (!model || account.walletBalance === null || reassignsPieces(account, model)) return null;
  const found = legsOf(account, model, others);
  const leg = found?.legs[index];
  if (!found || !leg) return null;
  try {
    const wallet = found.fundingFirstOnly ? account.walletBalance.plus(found.legs[0]!.funding) : withFunding(account.walletBalance, found.legs);
    const group = makeGroup(found.legs, wallet, others.pnl, others.mm);
    group.hedged = found.hedged;
    return legMetrics(account, model, group, leg, false, near);
  } catch {
    return null; // evaluatePerpAccount reports it
  }
}

/** The account's legs from a kept frame (the same positions, or one changed), else built; null where a position has
 *  no cross leg of the group's symbol (evaluatePerpAccount says why). */
function legsOf(account: PerpAccount, model: VenueModel, others: Others): Omit<Frame, 'hits'> | null {
  const kept = frames.get(others) ?? [];
  for (const f of kept) {
    if (f.positions === account.positions) {
      f.hits++;
      return f;
    }
  }
  for (const f of kept) {
    const j = oneDifferent(f.positions, account.positions);
    if (j < 0) continue;
    const leg = crossLeg(account, model, j, f.legs[0]!.position.symbol);
    if (!leg) return null;
    f.hits++;
    const legs = f.legs.slice();
    legs[j] = leg;
    return { positions: account.positions, legs, fundingFirstOnly: f.fundingFirstOnly && (j === 0 || leg.funding.isZero()), hedged: f.hedged };
  }
  const frame = built(account, model);
  if (frame) keep(others, kept, frame);
  return frame;
}

function built(account: PerpAccount, model: VenueModel): Frame | null {
  const legs: Leg[] = [];
  const symbol = account.positions[0]?.symbol;
  for (let i = 0; i < account.positions.length; i++) {
    const leg = crossLeg(account, model, i, symbol);
    if (!leg) return null;
    legs.push(leg);
  }
  if (!legs.length) return null;
  const fundingFirstOnly = legs.every((l, i) => i === 0 || l.funding.isZero());
  const hedged = legs.some((l) => l.sign === 1) && legs.some((l) => l.sign === -1);
  return { positions: account.positions, legs, fundingFirstOnly, hedged, hits: 0 };
}

function crossLeg(account: PerpAccount, model: VenueModel, i: number, symbol: string | undefined): Leg | null {
  const p = account.positions[i]!;
  if (p.marginMode !== 'cross' || p.symbol !== symbol) return null;
  const r = cachedLeg(account, model, p, i);
  return 'leg' in r ? r.leg : null;
}

function keep(others: Others, kept: Frame[], frame: Frame): void {
  keepTwo(kept, frame);
  frames.set(others, kept);
}
