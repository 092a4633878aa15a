// Which tail model a row uses (docs/format.md §6 `tails`): vg/evt need ≥ 500 history bars, else student-t with a warning.
import { fitEvtTail, fitVgTail, selectTailModel, type EvtTail, type VgParams } from '../risk';
import type { EffectiveSettings } from '../core/settings';
import type { HistoryData } from './volatility-source';

export interface TailFit {
  tails: EffectiveSettings['tails'];
  vg: VgParams | null;
  evt: { long: EvtTail | null; short: EvtTail | null } | null;
  /** Why the requested model was not used, for a warning. */
  fallback: string | null;
}

const YEAR = 365 * 86400;
const fits = new WeakMap<HistoryData, Map<string, TailFit>>();

export function fitTails(requested: EffectiveSettings['tails'], history: HistoryData | null): TailFit {
  const choice = selectTailModel(requested, history?.logReturns.length ?? 0);
  if (choice.tails !== 'vg' && choice.tails !== 'evt') return { tails: choice.tails, vg: null, evt: null, fallback: choice.reason };
  const cache = fits.get(history!) ?? new Map<string, TailFit>();
  fits.set(history!, cache);
  const hit = cache.get(choice.tails);
  if (hit) return hit;
  const barYears = history!.barSeconds / YEAR;
  let fit: TailFit;
  if (choice.tails === 'vg') {
    const vg = fitVgTail(history!.logReturns, barYears);
    fit = vg ? { tails: 'vg', vg, evt: null, fallback: null } : { tails: 'student-t', vg: null, evt: null, fallback: 'the VG fit of the history did not converge; using student-t' };
  } else {
    const evt = { long: fitEvtTail(history!.logReturns, 'long', barYears), short: fitEvtTail(history!.logReturns, 'short', barYears) };
    fit = evt.long || evt.short ? { tails: 'evt', vg: null, evt, fallback: null } : { tails: 'student-t', vg: null, evt: null, fallback: 'the GPD fit of the history failed; using student-t' };
  }
  cache.set(choice.tails, fit);
  return fit;
}
