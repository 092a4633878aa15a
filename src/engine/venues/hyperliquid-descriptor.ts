// Hyperliquid perpetuals: linear, USDC-settled; mmr = 1/(2·maxLeverage); hourly funding.
import { hyperliquid } from '../perp/venues/hyperliquid';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';

export const hyperliquidDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'hyperliquid',
  label: 'Hyperliquid',
  source: hyperliquid.source,
  contracts: 'linear',
  defaultSettle: 'USDC',
  fundingIntervalSeconds: 3600,
  // Hyperliquid docs (Trading → Liquidations): no clearance fee on book liquidations; the backstop keeps the MM.
  liquidationFee: 0,
  margin: hyperliquid,
  ccxtDumps: { hyperliquid: { rows: 'any' } },
  quirks: ['maxLeverage is a maintenance source (mmr = 1/(2·maxLeverage))', 'a backstop liquidation forfeits the maintenance margin'],
};
