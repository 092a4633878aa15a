// The one asset table: stablecoins, bundled token decimals, price-correlated families, and the base asset of a
// venue symbol (docs/format.md §2.1). A file's own `stable:` / `decimals:` always win over these defaults.

/** Bundled token decimals (docs/format.md §2.1); anything else defaults to 18 (the reader says so with a hint). */
const DECIMALS: Record<string, number> = {
  USDC: 6, USDT: 6, 'USDC.E': 6, USDBC: 6, PYUSD: 6, EURC: 6, EURS: 2,
  WBTC: 8, CBBTC: 8, TBTC: 18, LBTC: 8,
  WETH: 18, ETH: 18, WSTETH: 18, STETH: 18, RETH: 18, CBETH: 18, WEETH: 18, EZETH: 18, OSETH: 18,
  DAI: 18, SDAI: 18, USDS: 18, SUSDS: 18, LUSD: 18, BOLD: 18, GHO: 18, FRAX: 18, USDE: 18, SUSDE: 18, CRVUSD: 18,
  LINK: 18, AAVE: 18, UNI: 18, MKR: 18, SKY: 18, COMP: 18, CRV: 18, LDO: 18, ARB: 18, OP: 18, WMATIC: 18, POL: 18,
};

/** Bundled decimals of a token, null when it is not bundled. */
export function bundledDecimals(symbol: string): number | null {
  return DECIMALS[symbol.toUpperCase()] ?? null;
}

/** Decimals of a token when the file gives none: bundled, else 18. */
export function defaultDecimals(symbol: string): number {
  return bundledDecimals(symbol) ?? 18;
}

/** Assets treated as not volatile unless the file says otherwise (`stable: true/false`): USD and EUR stablecoins and
 *  their savings wrappers. */
const STABLES = new Set([
  'USDC', 'USDT', 'DAI', 'USDS', 'LUSD', 'BOLD', 'GHO', 'FRAX', 'PYUSD', 'USDE', 'USDC.E', 'USDBC', 'CRVUSD',
  'TUSD', 'FDUSD', 'BUSD', 'USDP', 'SUSD', 'RLUSD', 'USD0', 'USDD', 'DOLA', 'MIM', 'EURC', 'EURS', 'SDAI', 'SUSDS',
]);

/** Default of a lending asset's `stable` flag; the file's own `stable:` wins. */
export function isBundledStable(symbol: string): boolean {
  return STABLES.has(symbol.toUpperCase());
}

/** Settle currencies that make a dual-kind perp linear (a USD-valued margin): anything else settles in a coin. */
const USD_SETTLE = new Set(['USD', 'USDT', 'USDC', 'USDE', 'DAI', 'FDUSD', 'BUSD', 'TUSD', 'USDS']);

export function isUsdSettle(currency: string): boolean {
  return USD_SETTLE.has(currency.toUpperCase());
}

/** Price-correlated families: a collateral and a debt of one family are shown as a "COLL/DEBT" ratio. */
const FAMILIES: readonly (readonly string[])[] = [
  ['ETH', 'WETH', 'STETH', 'WSTETH', 'RETH', 'CBETH', 'WEETH', 'EZETH', 'RSETH', 'OSETH', 'ETHX', 'SFRXETH', 'FRXETH', 'METH', 'SWETH', 'ANKRETH', 'TETH'],
  ['BTC', 'WBTC', 'CBBTC', 'TBTC', 'LBTC', 'EBTC', 'FBTC', 'SOLVBTC', 'BTCB'],
];

/** Index of the asset's correlated family, -1 when it has none. */
export function familyOf(symbol: string): number {
  const s = symbol.toUpperCase();
  return FAMILIES.findIndex((f) => f.includes(s));
}

const QUOTES = ['USDT', 'USDC', 'USD', 'BUSD', 'FDUSD', 'DAI', 'EUR'];

/** Base asset of a venue symbol: BTCUSDT, BTC-USDT-SWAP, BTC/USDT:USDT, XBTUSD, BTC-PERPETUAL → BTC. */
export function baseAsset(symbol: string): string {
  const s = symbol.toUpperCase();
  const sep = /^([A-Z0-9]+?)[-/_:]/.exec(s);
  if (sep) return normaliseBase(sep[1]!);
  for (const q of QUOTES) if (s.endsWith(q) && s.length > q.length) return normaliseBase(s.slice(0, -q.length));
  return normaliseBase(s.replace(/(PERP|PERPETUAL)$/, ''));
}

const normaliseBase = (b: string): string => (b === 'XBT' ? 'BTC' : b);
