// The real-number ("ideal") loan model shared by every protocol: HF = Σ collateral·price·weight / Σ debt·price,
// and each volatile asset's liquidation price with all other prices held (docs/lending.md §1.7, §2.2, §3.3, §4, §5;
// DeFi Saver moneymarketCommonService.ts uses the same linear limit/borrowed ratio).
import { Dec, ZERO } from '../core/decimal';

export interface Exposure {
  symbol: string;
  price: Dec;
  /** Σ collateral amount × threshold weight (LT, LCF, 1/mat, 1/MCR, LLTV) of this asset. */
  weighted: Dec;
  /** Σ debt amount of this asset. */
  debt: Dec;
  volatile: boolean;
}

export interface PairCandidate {
  collateral: string;
  debt: string;
}

export interface PriceTarget {
  /** The asset, or `"COLL/DEBT"` for a correlated pair (docs/results.md §2.2); never parsed back: see `pair`. */
  key: string;
  /** Set on a ratio key: its two assets (an asset name may itself contain `/`, e.g. `</script>`). */
  pair?: PairCandidate;
  mark: Dec;
  liquidationPrice: Dec | null;
  direction: 'down' | 'up';
}


export function limitOf(exps: Exposure[]): Dec {
  return exps.reduce((s, e) => s.add(e.weighted.mul(e.price)), ZERO);
}
export function debtOf(exps: Exposure[]): Dec {
  return exps.reduce((s, e) => s.add(e.debt.mul(e.price)), ZERO);
}

export function idealHealthFactor(exps: Exposure[]): Dec | null {
  const d = debtOf(exps);
  return d.gt(0) ? limitOf(exps).div(d) : null;
}

/** Price of `symbol` at which limit = debt, others held: p = (B₋ − A₋)/(α − β); null when no positive price does it. */
export function solvePrice(exps: Exposure[], symbol: string): { price: Dec | null; direction: 'down' | 'up' } | null {
  const own = exps.filter((e) => e.symbol === symbol);
  const rest = exps.filter((e) => e.symbol !== symbol);
  const alpha = own.reduce((s, e) => s.add(e.weighted), ZERO);
  const beta = own.reduce((s, e) => s.add(e.debt), ZERO);
  if (alpha.eq(beta)) return alpha.isZero() ? null : { price: null, direction: alpha.gt(0) ? 'down' : 'up' };
  const p = debtOf(rest).sub(limitOf(rest)).div(alpha.sub(beta));
  return { price: p.gt(0) ? p : null, direction: alpha.gt(beta) ? 'down' : 'up' };
}

/** Every volatile asset's liquidation price, then correlated "COLL/DEBT" ratios (collateral priced in the debt). */
export function priceTargets(exps: Exposure[], pairs: PairCandidate[]): PriceTarget[] {
  const out: PriceTarget[] = [];
  const bySymbol = new Map<string, Exposure>();
  for (const e of exps) if (!bySymbol.has(e.symbol)) bySymbol.set(e.symbol, e);
  for (const [sym, e] of bySymbol) {
    if (!e.volatile) continue;
    const s = solvePrice(exps, sym);
    if (s) out.push({ key: sym, mark: e.price, liquidationPrice: s.price, direction: s.direction });
  }
  for (const { collateral, debt } of pairs) {
    const c = bySymbol.get(collateral);
    const d = bySymbol.get(debt);
    if (!c || !d || d.price.isZero()) continue;
    const s = solvePrice(exps, collateral);
    if (!s || s.direction !== 'down') continue;
    out.push({ key: `${collateral}/${debt}`, pair: { collateral, debt }, mark: c.price.div(d.price), liquidationPrice: s.price ? s.price.div(d.price) : null, direction: 'down' });
  }
  return out;
}

/** Adverse distance (docs/results.md §3), clamped at 0. */
export function targetDistance(t: PriceTarget): Dec | null {
  if (!t.liquidationPrice || t.mark.isZero()) return null;
  const d = t.direction === 'down' ? t.mark.sub(t.liquidationPrice).div(t.mark) : t.liquidationPrice.sub(t.mark).div(t.mark);
  return d.lt(0) ? ZERO : d;
}

/** Nearest target; on a tie (to 1e-30 relative) a ratio key wins, since a correlated pair moves as a ratio. */
export function nearest(targets: PriceTarget[]): PriceTarget | null {
  let best: PriceTarget | null = null;
  let bestD: Dec | null = null;
  const tol = new Dec('1e-30');
  for (const t of targets) {
    const d = targetDistance(t);
    if (d === null) continue;
    const isRatio = t.pair !== undefined;
    if (bestD === null || d.lt(bestD.sub(tol)) || (isRatio && best!.pair === undefined && d.sub(bestD).abs().lte(tol))) {
      best = t;
      bestD = d;
    }
  }
  return best;
}
