// Display names of venues and protocols (the ids are the engine's; the words are the faces'). A venue or account
// name from a file is shown inert and capped (inert-text.ts).
import { nameText } from './inert-text';

const VENUE_LABELS: Record<string, string> = {
  'binance-usdm': 'Binance USD-M',
  'binance-coinm': 'Binance COIN-M',
  'bybit-linear': 'Bybit',
  'bybit-inverse': 'Bybit inverse',
  okx: 'OKX',
  gate: 'Gate',
  bitmex: 'BitMEX',
  deribit: 'Deribit',
  hyperliquid: 'Hyperliquid',
  'dydx-v4': 'dYdX v4',
  'generic-linear': 'Generic linear',
  'generic-inverse': 'Generic inverse',
  'aave-v3': 'Aave v3',
  spark: 'Spark',
  'compound-v3': 'Compound v3',
  maker: 'Maker',
  'liquity-v1': 'Liquity v1',
  'liquity-v2': 'Liquity v2',
  'morpho-blue': 'Morpho Blue',
};

export function venueLabel(venue: string | null | undefined): string {
  if (!venue) return '—';
  return VENUE_LABELS[venue] ?? nameText(venue);
}

/** "Binance USD-M · desk-a", "Aave v3", or "—". */
export function venueAndAccount(venue: string | null | undefined, account: string | null | undefined): string {
  const parts = [venue ? venueLabel(venue) : null, account ? nameText(account) : null].filter((x): x is string => !!x);
  return parts.length ? parts.join(' · ') : '—';
}
