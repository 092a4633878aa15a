// Binance USDⓈ-M / COIN-M: ccxt binance.parsePositionRisk (ccxt 4.5.84); recorded binance.json @b5ba50d7.
import type { DumpReading } from './dump-reading';

export const binanceReading: DumpReading = {
  exchange: 'binance',
  venues: { linear: 'binance-usdm', inverse: 'binance-coinm' },
  genericFormula: false,
  source: 'ccxt binance.parsePositionRisk; ts/src/test/static/response/binance.json @b5ba50d7',
  // info.isolatedWallet is the isolated wallet without PnL; ccxt collateral = info.isolatedMargin = wallet + UPnL.
  isolatedMargin: [{ field: 'isolatedWallet', includesPnl: false }, { field: 'isolatedMargin', includesPnl: true }],
  isolatedCollateral: 'with-pnl',
  // ccxt back-solves cross collateral from the venue's liquidationPrice: a wallet, but not independent (docs/format.md §5).
  crossWallet: 'collateral',
  crossWalletNote: 'ccxt derives a Binance cross collateral from the venue\'s own liquidation price',
  maintenance: { amountField: 'maintMargin', amountIncludesFee: false, rateField: null, unifiedRateUsable: true, tierField: null },
  contract: { sizeField: 'contractSize', inverseFace: 'COIN-M face 100 USD (BTC), 10 USD (others)' },
  marginModeField: { field: 'marginType', isolated: 'isolated' },
  fee: { inFormula: 'none', defaultTaker: null, defaultTakerSource: null, ownRateField: null },
  liquidationPrice: { field: 'info.liquidationPrice', note: null },
};
