// Which taker fee a position's formula uses (docs/format.md §7, issue 11 item 2): the file's own rate, else the user's
// setting liquidationLens.takerFees[venue], else — foreign dumps on a venue whose formula adds the taker fee to the
// maintenance rate (OKX, Gate) — the venue's published default, named in an info diagnostic. Native files get no default.
import { Dec } from '../core/decimal';
import type { Account, PerpVenueId, Span } from '../core/types';
import type { Ctx } from './parse-context';

export interface DefaultTaker {
  rate: string;
  source: string;
}

/** Settings map (venue → rate) read once per file; invalid entries are skipped by the settings reader. */
export function takerFeesOf(map: Record<string, string | number> | undefined): Record<string, Dec> {
  const out: Record<string, Dec> = {};
  if (!map) return out;
  for (const [venue, rate] of Object.entries(map)) {
    try {
      const d = new Dec(String(rate));
      if (d.isFinite() && d.gte(0) && d.lt(1)) out[venue] = d;
    } catch {
      // not a decimal: ignored here, reported by the settings reader
    }
  }
  return out;
}

const pct = (d: Dec): string => `${d.mul(100).toFixed()} %`;

/**
 * Sets market.takerFee of a foreign position that carries none: the setting for its venue, else `fallback` with an
 * info diagnostic on `span`. Returns how the fee was chosen ('file' when it already had one).
 */
export function chooseTakerFee(ctx: Ctx, market: { takerFee: Dec | null }, venue: PerpVenueId, fallback: DefaultTaker | null, span: Span, label: string): 'file' | 'setting' | 'default' | 'none' {
  if (market.takerFee !== null) return 'file';
  const setting = ctx.takerFees?.[venue];
  if (setting) {
    market.takerFee = setting;
    return 'setting';
  }
  if (!fallback) return 'none';
  market.takerFee = new Dec(fallback.rate);
  ctx.diags.info('default-taker-fee', `${label}: the dump gives no taker fee, and ${venue}'s liquidation formula adds it to the maintenance rate; the venue's published default ${pct(market.takerFee)} is assumed (${fallback.source}). Give your own rate as takerFee in a native file, or in the setting liquidationLens.takerFees (e.g. { "${venue}": "<your rate>" })`, span);
  return 'default';
}

/** Native and CSV files: the setting only (no default), for positions without their own takerFee. */
export function applySettingFees(ctx: Ctx, accounts: Account[]): void {
  if (!ctx.takerFees || Object.keys(ctx.takerFees).length === 0) return;
  for (const a of accounts) {
    if (a.kind !== 'perp') continue;
    const rate = ctx.takerFees[a.venue];
    if (!rate) continue;
    for (const p of a.positions) if (p.market.takerFee === null) p.market = { ...p.market, takerFee: rate };
  }
}
