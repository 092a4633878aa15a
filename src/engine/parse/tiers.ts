// Consistency of inline tier tables (format.md §4.1, exchanges.md §10.5/§10.7): order, gaps, overlaps, cum.
import type { Dec } from '../decimal';
import type { PerpVenueId, TierTable } from '../types';
import type { Ctx } from './context';

export function checkTierTable(ctx: Ctx, table: TierTable, venue: PerpVenueId): void {
  const tiers = table.tiers;
  const whole = ctx.lines.span(0, 0);
  for (let i = 1; i < tiers.length; i++) {
    const prev = tiers[i - 1]!;
    const t = tiers[i]!;
    const span = t.span ?? whole;
    if (prev.cap === null) {
      ctx.diags.warning('tier-overlap', `Tier ${i} has no cap, so tier ${i + 1} (floor ${t.floor.toFixed()}) overlaps it; give tier ${i} a cap of "${t.floor.toFixed()}"`, span);
      continue;
    }
    if (t.floor.lt(prev.cap)) {
      ctx.diags.warning('tier-overlap', `Tier ${i + 1} starts at ${t.floor.toFixed()}, below the cap ${prev.cap.toFixed()} of tier ${i}; tiers must not overlap`, span);
    } else if (t.floor.gt(prev.cap) && !(venue === 'okx' && t.floor.minus(prev.cap).lte(1))) {
      ctx.diags.warning('tier-gap', `Tier ${i + 1} starts at ${t.floor.toFixed()} but tier ${i} ends at ${prev.cap.toFixed()}: notionals in between have no tier; make the floor "${prev.cap.toFixed()}"`, span);
    }
    if (prev.cum !== null && t.cum !== null) {
      // Binance cum / Bybit & Hyperliquid deduction: cum_n = cum_{n−1} + floor_n·(mmr_n − mmr_{n−1}) (exchanges.md §6.2).
      const expected: Dec = prev.cum.plus(t.floor.mul(t.mmr.minus(prev.mmr)));
      if (!expected.eq(t.cum)) {
        ctx.diags.warning('tier-cum-mismatch', `Tier ${i + 1} cum ${t.cum.toFixed()} is inconsistent with its floor: ${prev.cum.toFixed()} + ${t.floor.toFixed()}·(${t.mmr.toFixed()} − ${prev.mmr.toFixed()}) = ${expected.toFixed()}; the maintenance margin jumps at the boundary`, span);
      }
    }
  }
}
