// Binance USDⓈ-M futures: linear, USDT/USDC-settled; brackets looked up at the liquidation price.
import { binanceUsdm } from '../perp/venues/binance-usdm';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';

export const binanceUsdmDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'binance-usdm',
  label: 'Binance USD-M',
  source: binanceUsdm.source,
  contracts: 'linear',
  // Binance FAQ "Liquidation" (binance.zendesk.com 360033525271): historically 0.3 % BTCUSDT / 0.5 % other perps.
  liquidationFee: 0.005,
  margin: binanceUsdm,
  ccxtDumps: { binance: { rows: 'linear' }, binanceusdm: { rows: 'linear' } },
  quirks: ['the displayed margin ratio is ccxt\'s: (MM / collateral + 5e-5) truncated to 4 decimals'],
};
