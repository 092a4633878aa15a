// How many decimals an amount of a currency is shown with (a display rule only: which assets count as stable for
// risk is the engine's asset table, docs/lending.md). USD, euro and their stablecoins: cents. Everything else (BTC,
// ETH, tokens): up to 8 decimals (a satoshi), trailing zeros dropped down to 2.
const FIAT_LIKE = new Set([
  'USD', 'EUR', 'USDT', 'USDC', 'USDC.E', 'DAI', 'USDS', 'SDAI', 'SUSDS', 'LUSD', 'BOLD', 'GHO', 'FRAX', 'PYUSD', 'USDE',
  'CRVUSD', 'USDP', 'TUSD', 'BUSD', 'FDUSD', 'RLUSD', 'USD0', 'EURC', 'EURT',
]);

export interface CurrencyRule {
  decimals: number;
  /** Drop trailing zeros down to this many decimals. */
  trimTo?: number;
}

export function isFiatLike(currency: string | null | undefined): boolean {
  return !!currency && FIAT_LIKE.has(currency.toUpperCase());
}

/** The display rule of an amount in `currency`; an unknown currency (null) is shown as quote money, 2 decimals. */
export function currencyDecimals(currency: string | null | undefined): CurrencyRule {
  if (!currency || isFiatLike(currency)) return { decimals: 2 };
  return { decimals: 8, trimTo: 2 };
}
