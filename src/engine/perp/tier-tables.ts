// Bundled maintenance-margin tier tables (docs/format.md §4.1): `<venue>/<symbol>[@YYYY-MM-DD]`, JSON bundled by esbuild.
import { quote } from '../core/quote-text';
import { Dec } from '../core/decimal';
import type { Diagnostic, PerpVenueId, Span, Tier, TierTable } from '../core/types';
import { diagnostic } from '../core/diagnostics';
import btc2024 from './tables/binance-usdm-BTCUSDT-2024-10-24.json';
import btc2021 from './tables/binance-usdm-BTCUSDT-2021-06-01.json';
import eth2021 from './tables/binance-usdm-ETHUSDT-2021-06-01.json';
import hlBtc from './tables/hyperliquid-BTC.json';
import hlEth from './tables/hyperliquid-ETH.json';
import hlSol from './tables/hyperliquid-SOL.json';
import hlXrp from './tables/hyperliquid-XRP.json';
import bybitXyz from './tables/bybit-linear-XYZUSDT.json';

interface RawTier {
  floor: string;
  cap: string | null;
  mmr: string | null;
  cum: string | null;
  maxLeverage?: number | null;
}
interface RawTable {
  name: string;
  date: string;
  source: string;
  upperInclusive?: boolean;
  tiers: RawTier[];
}

const RAW: RawTable[] = [btc2024, btc2021, eth2021, hlBtc, hlEth, hlSol, hlXrp, bybitXyz] as RawTable[];

/** mmr absent ⇒ 1/(2·maxLeverage) (Hyperliquid margin tiers); cum absent ⇒ Σ floor_n·(MMR_n − MMR_n−1) (same scheme). */
function toTable(raw: RawTable): TierTable {
  const tiers: Tier[] = [];
  let prevMmr = new Dec(0);
  let prevCum = new Dec(0);
  for (const t of raw.tiers) {
    const mmr = t.mmr !== null ? new Dec(t.mmr) : new Dec(1).div(new Dec(2).mul(t.maxLeverage ?? 1));
    const floor = new Dec(t.floor);
    // https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers : deduction_n = deduction_n−1 + lower_bound_n·(mmr_n − mmr_n−1)
    const cum = t.cum !== null ? new Dec(t.cum) : tiers.length === 0 ? new Dec(0) : floor.mul(mmr.minus(prevMmr)).plus(prevCum);
    tiers.push({ floor, cap: t.cap === null ? null : new Dec(t.cap), mmr, cum, maxLeverage: t.maxLeverage ?? null });
    prevMmr = mmr;
    prevCum = cum;
  }
  return { source: `${raw.name}@${raw.date}`, date: raw.date, tiers, upperInclusive: raw.upperInclusive === true };
}

const BY_NAME = new Map<string, TierTable>();
const LATEST = new Map<string, TierTable>();
for (const raw of RAW) {
  const table = toTable(raw);
  BY_NAME.set(`${raw.name}@${raw.date}`.toLowerCase(), table);
  const prev = LATEST.get(raw.name.toLowerCase());
  if (!prev || (prev.date ?? '') < raw.date) LATEST.set(raw.name.toLowerCase(), table);
}

export function listBundledTables(): Array<{ name: string; date: string; source: string }> {
  return RAW.map((r) => ({ name: `${r.name}@${r.date}`, date: r.date, source: r.source }));
}

/** Symbol spellings tried for a bundled lookup: as written, ccxt `BTC/USDT:USDT` → `BTCUSDT`, Hyperliquid `BTC-PERP` → `BTC`. */
function symbolKeys(symbol: string): string[] {
  const keys = [symbol];
  const noSettle = symbol.replace(/:.*$/, '');
  keys.push(noSettle.replace(/[^A-Za-z0-9]/g, ''));
  keys.push(symbol.replace(/-PERP$/i, ''));
  return [...new Set(keys)];
}

function lookup(name: string): TierTable | null {
  const key = name.trim().toLowerCase();
  return (key.includes('@') ? BY_NAME.get(key) : LATEST.get(key)) ?? null;
}

/**
 * Inline table → itself; a name → the bundled table (`<venue>/<symbol>[@date]`, or `<symbol>[@date]` for this venue);
 * null → the latest bundled `<venue>/<symbol>` with an info naming its date.
 */
export function resolveTierTable(
  venue: PerpVenueId,
  symbol: string,
  spec: TierTable | string | null,
  span?: Span,
): { table: TierTable | null; diagnostics: Diagnostic[] } {
  if (spec !== null && typeof spec === 'object') return { table: spec, diagnostics: [] };
  if (typeof spec === 'string') {
    const table = lookup(spec) ?? (spec.includes('/') ? null : lookup(`${venue}/${spec}`));
    if (table) return { table, diagnostics: [] };
    const known = listBundledTables().map((t) => t.name).join(', ');
    return { table: null, diagnostics: [diagnostic('error', 'unknown-tier-table', `no bundled tier table ${quote(spec)} (bundled: ${known})`, span)] };
  }
  for (const key of symbolKeys(symbol)) {
    const table = lookup(`${venue}/${key}`);
    if (table) {
      const msg = `no maintenance-margin source given: using the bundled table ${table.source} (dated ${table.date})`;
      return { table, diagnostics: [diagnostic('info', 'bundled-tier-table', msg, span)] };
    }
  }
  return { table: null, diagnostics: [] };
}
