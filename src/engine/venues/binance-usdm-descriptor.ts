// Binance USDⓈ-M futures: linear, USDT/USDC-settled; brackets looked up at the liquidation price.
import { binanceUsdm } from '../perp/venues/binance-usdm';
import { PERP_DEFAULTS, type DumpReading, type PerpVenueDescriptor } from './descriptor';

// ccxt dumps: Binance USDⓈ-M / COIN-M: ccxt binance.parsePositionRisk (ccxt 4.5.84); recorded binance.json @b5ba50d7.
export const binanceDumps: DumpReading = {
  rows: 'linear',
  genericFormula: false,
  source: 'ccxt binance.parsePositionRisk; ts/src/test/static/response/binance.json @b5ba50d7',
  // info.isolatedWallet is the isolated wallet without PnL; ccxt collateral = info.isolatedMargin = wallet + UPnL.
  isolatedMargin: [{ field: 'isolatedWallet', includesPnl: false }, { field: 'isolatedMargin', includesPnl: true }],
  isolatedCollateral: 'with-pnl',
  // ccxt back-solves cross collateral from the venue's liquidationPrice: a wallet, but not independent (docs/format.md §5).
  crossWallet: 'collateral',
  crossWalletNote: 'ccxt derives a Binance cross collateral from the venue\'s own liquidation price',
  maintenance: { amountField: 'maintMargin', amountIncludesFee: false, rateField: null, unifiedRateUsable: true, tierField: null },
  contract: { sizeField: 'contractSize', inverseFace: 'COIN-M face 100 USD (BTC), 10 USD (others)', contractsAreFace: false },
  marginModeField: { field: 'marginType', isolated: 'isolated' },
  fee: { inFormula: 'none', defaultTaker: null, defaultTakerSource: null, ownRateField: null },
  liquidationPrice: { field: 'info.liquidationPrice', note: null },
};

export const binanceUsdmDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'binance-usdm',
  label: 'Binance USD-M',
  source: binanceUsdm.source,
  contracts: 'linear',
  // Binance FAQ "Liquidation" (binance.zendesk.com 360033525271): historically 0.3 % BTCUSDT / 0.5 % other perps.
  liquidationFee: 0.005,
  margin: binanceUsdm,
  ccxtDumps: { binance: binanceDumps, binanceusdm: binanceDumps },
  quirks: ['the displayed margin ratio is ccxt\'s: (MM / collateral + 5e-5) truncated to 4 decimals'],
};
