// The barrier a fix must push the liquidation price to: the price at which the target status just holds.
// Probability bands: P(barrier) < band, found by float bisection in log distance (P falls as the barrier recedes).
// Distance bands: distance > band. One barrier only; books with two adverse roots use the generic search.
import { Dec } from '../core/decimal';
import type { Status } from '../core/types';
import type { EffectiveSettings, Bands } from '../core/settings';
import { oneBarrier, type Barriers, type MarketRisk } from '../evaluate/risk-view';

/** The band that separates `target` from the status just worse than it. */
function bandKey(target: Status): keyof Bands | null {
  return target === 'safe' ? 'watch' : target === 'watch' ? 'warning' : target === 'warning' ? 'critical' : null;
}

/**
 * The barrier depends only on the mark, the market's risk inputs, the band and the side, so the rows of one market
 * (an isolated book holds many per symbol) share one search. Fitted tails (vg, evt) are not keyed: no sharing there.
 */
const shared = new Map<string, Dec | null>();
const SHARED_MAX = 4096;

export function targetBarrier(b: Barriers, risk: MarketRisk, settings: EffectiveSettings, target: Status): Dec | null {
  const key = bandKey(target);
  if (!key || (b.down !== null && b.up !== null) || (b.down === null && b.up === null)) return null;
  const down = b.down !== null;
  if (risk.vg || risk.evt) return searchBarrier(b, risk, settings, key, down);
  const band = risk.sigma !== null && !risk.suppressed ? `p${settings.probability[key]}` : `d${settings.distance[key]}`;
  const id = `${b.mark.toString()}|${down}|${band}|${risk.sigma}|${risk.mu}|${risk.horizonSeconds}|${risk.tails}|${risk.dof}|${risk.suppressed}`;
  const found = shared.get(id);
  if (found !== undefined) return found;
  const barrier = searchBarrier(b, risk, settings, key, down);
  if (shared.size >= SHARED_MAX) shared.clear();
  shared.set(id, barrier);
  return barrier;
}

function searchBarrier(b: Barriers, risk: MarketRisk, settings: EffectiveSettings, key: keyof Bands, down: boolean): Dec | null {
  const at = (d: number): Barriers => {
    const price = b.mark.mul(new Dec(Math.exp(down ? -d : d).toPrecision(17)));
    return down ? { mark: b.mark, down: price, up: null } : { mark: b.mark, down: null, up: price };
  };
  let d: number;
  if (risk.sigma !== null && !risk.suppressed) {
    const band = settings.probability[key];
    // the search runs on floats: mark·e^{∓d} rounded to a double is what probabilityOf(at(d)) reads (issue 10); at(d)'s
    // 17 significant digits give e^{∓d} back exactly (they identify a double), so the float search skips that string
    const mark = b.mark.toNumber();
    const p = (x: number): number => {
      const price = mark * Math.exp(down ? -x : x);
      return Math.min(1, Math.max(0, oneBarrier(mark, price, risk)));
    };
    let lo = 0, hi = 1;
    while (p(hi) >= band) {
      hi *= 2;
      if (hi > 64) return null;
    }
    for (let i = 0; i < 80 && hi - lo > 1e-13 * hi; i++) {
      const mid = (lo + hi) / 2;
      if (p(mid) >= band) lo = mid;
      else hi = mid;
    }
    d = hi * (1 + 1e-9);
  } else {
    const band = settings.distance[key];
    if (down && band >= 1) return null;
    d = Math.abs(Math.log(down ? 1 - band : 1 + band)) * (1 + 1e-9);
  }
  const p = at(d);
  return down ? p.down : p.up;
}
