// Hyperliquid perpetuals: linear, USDC-settled; mmr = 1/(2·maxLeverage); hourly funding.
import { hyperliquid } from '../perp/venues/hyperliquid';
import { PERP_DEFAULTS, type DumpReading, type PerpVenueDescriptor } from './descriptor';

// ccxt dumps: Hyperliquid through ccxt: ccxt hyperliquid.parsePosition (ccxt 4.5.84).
export const hyperliquidDumps: DumpReading = {
  rows: 'any',
  genericFormula: false,
  source: 'ccxt hyperliquid.parsePosition; the project\'s clearinghouseState acceptance set',
  // collateral = marginUsed, which includes PnL for an isolated position; rawUsd + szi·entryPx is exact.
  isolatedMargin: [{ field: 'position.marginUsed', includesPnl: true }],
  isolatedCollateral: 'with-pnl',
  crossWallet: 'none',
  crossWalletNote: 'Hyperliquid\'s cross collateral is marginUsed, not the account value',
  maintenance: { amountField: null, amountIncludesFee: false, rateField: null, unifiedRateUsable: false, tierField: 'position.maxLeverage' },
  contract: { sizeField: 'contractSize', inverseFace: 'linear only (base units)', contractsAreFace: false },
  marginModeField: null,
  fee: { inFormula: 'none', defaultTaker: null, defaultTakerSource: null, ownRateField: null },
  liquidationPrice: { field: 'info.position.liquidationPx', note: null },
};

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
  ccxtDumps: { hyperliquid: hyperliquidDumps },
  quirks: ['maxLeverage is a maintenance source (mmr = 1/(2·maxLeverage))', 'a backstop liquidation forfeits the maintenance margin'],
};
