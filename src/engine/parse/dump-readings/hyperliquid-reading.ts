// Hyperliquid through ccxt: ccxt hyperliquid.parsePosition (ccxt 4.5.84).
import type { DumpReading } from './dump-reading';

export const hyperliquidReading: DumpReading = {
  exchange: 'hyperliquid',
  venues: { linear: 'hyperliquid', inverse: 'hyperliquid' },
  genericFormula: false,
  source: 'ccxt hyperliquid.parsePosition; the project\'s clearinghouseState acceptance set',
  // collateral = marginUsed, which includes PnL for an isolated position; rawUsd + szi·entryPx is exact.
  isolatedMargin: [{ field: 'position.marginUsed', includesPnl: true }],
  isolatedCollateral: 'with-pnl',
  crossWallet: 'none',
  crossWalletNote: 'Hyperliquid\'s cross collateral is marginUsed, not the account value',
  maintenance: { amountField: null, amountIncludesFee: false, rateField: null, unifiedRateUsable: false, tierField: 'position.maxLeverage' },
  contract: { sizeField: 'contractSize', inverseFace: 'linear only (base units)' },
  marginModeField: null,
  fee: { inFormula: 'none', defaultTaker: null, defaultTakerSource: null, ownRateField: null },
  liquidationPrice: { field: 'info.position.liquidationPx', note: null },
};
