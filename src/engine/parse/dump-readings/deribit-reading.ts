// Deribit: ccxt deribit.parsePosition (ccxt 4.5.84); recorded deribit.json.
import type { DumpReading } from './dump-reading';

export const deribitReading: DumpReading = {
  exchange: 'deribit',
  venues: { linear: 'deribit', inverse: 'deribit' },
  genericFormula: false,
  source: 'ccxt deribit.parsePosition; ts/src/test/static/response/deribit.json',
  isolatedMargin: [],
  isolatedCollateral: 'none',
  // Deribit margins the whole account (cross / portfolio): the equity is in fetchBalance, not in a position.
  crossWallet: 'none',
  crossWalletNote: 'a Deribit ccxt position carries no collateral (the account equity is in fetchBalance)',
  // ccxt maintenanceMarginPercentage = MM / |size_currency| × 100: a percent of the venue's own MM, not a tier rate.
  maintenance: { amountField: 'maintenance_margin', amountIncludesFee: false, rateField: null, unifiedRateUsable: false, tierField: null },
  contract: { sizeField: 'contractSize', inverseFace: 'contracts are info.size in USD (BTC-PERPETUAL 10 USD steps)' },
  marginModeField: null,
  fee: { inFormula: 'none', defaultTaker: null, defaultTakerSource: null, ownRateField: null },
  liquidationPrice: { field: 'info.estimated_liquidation_price', note: 'the venue\'s estimate' },
};
