// Tier-table checks (docs/venues.md §14.7): gaps, overlaps, monotone MMR, cum consistent with floors.
import type { Diagnostic, Span, Tier, TierTable } from '../core/types';
import { Dec, fmt } from '../core/decimal';
import { diagnostic } from '../core/diagnostics';

/**
 * `integerGap`: OKX tiers are inclusive integer contract ranges (…2000, 2001…): a gap of exactly 1 is contiguous.
 * Diagnostics go on the tier's own span, else on `fallback` (the `tiers` field of the market/position).
 */
export function validateTierTable(table: TierTable, fallback: Span | undefined, integerGap = false): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = table.source === 'inline' ? '' : ` (table ${table.source})`;
  table.tiers.forEach((t, i) => {
    const span = t.span ?? fallback;
    const n = i + 1;
    if (t.mmr.isNeg() || t.mmr.gte(1)) out.push(diagnostic('error', 'tier-mmr-range', `tier ${n}: mmr ${fmt(t.mmr)} is not in [0, 1)${where}`, span));
    if (t.cap !== null && t.cap.lte(t.floor)) out.push(diagnostic('error', 'tier-overlap', `tier ${n}: cap ${fmt(t.cap)} ≤ floor ${fmt(t.floor)}${where}`, span));
    if (i === 0) {
      if (!t.floor.isZero()) out.push(diagnostic('warning', 'tier-first-floor', `tier 1 starts at ${fmt(t.floor)}, not 0${where}`, span));
      if (t.cum !== null && !t.cum.isZero())
        out.push(diagnostic('warning', 'tier-cum-inconsistent', `tier 1: cum ${fmt(t.cum)} should be 0${where}`, span));
      return;
    }
    const prev = table.tiers[i - 1]!;
    if (prev.cap === null) {
      out.push(diagnostic('error', 'tier-overlap', `tier ${n} follows an unbounded tier ${i}${where}`, span));
    } else if (t.floor.lt(prev.cap)) {
      out.push(diagnostic('error', 'tier-overlap', `tier ${n}: floor ${fmt(t.floor)} < previous cap ${fmt(prev.cap)}${where}`, span));
    } else if (t.floor.gt(prev.cap) && !(integerGap && t.floor.minus(prev.cap).eq(1))) {
      out.push(diagnostic('warning', 'tier-gap', `gap between tier ${i} cap ${fmt(prev.cap)} and tier ${n} floor ${fmt(t.floor)}${where}`, span));
    }
    if (t.mmr.lt(prev.mmr)) out.push(diagnostic('warning', 'tier-mmr-decreasing', `tier ${n}: mmr ${fmt(t.mmr)} < tier ${i} mmr ${fmt(prev.mmr)}${where}`, span));
    if (t.cum !== null && prev.cum !== null) {
      // Binance FAQ: cum_n = floor_n × (MMR_n − MMR_n−1) + cum_n−1
      const expected = t.floor.mul(t.mmr.minus(prev.mmr)).plus(prev.cum);
      if (!expected.eq(t.cum))
        out.push(diagnostic('warning', 'tier-cum-inconsistent', `tier ${n}: cum ${fmt(t.cum)} ≠ floor·(mmr − previous mmr) + previous cum = ${fmt(expected)}${where}`, span));
    }
  });
  return out;
}

/** Binance FAQ: Maintenance Amount on level n = floor_n × (MMR_n − MMR_n−1) + maintenance amount on level n−1. */
export function nextCum(floor: Dec, mmr: Dec, prevMmr: Dec, prevCum: Dec): Dec {
  return floor.mul(mmr.minus(prevMmr)).plus(prevCum);
}

/** cum of every tier recomputed from floors and MMRs (cum_1 = 0). */
export function recomputeCum(tiers: Tier[]): Dec[] {
  const out: Dec[] = [];
  tiers.forEach((t, i) => {
    out.push(i === 0 ? new Dec(0) : nextCum(t.floor, t.mmr, tiers[i - 1]!.mmr, out[i - 1]!));
  });
  return out;
}
