// Deribit perpetuals: inverse; a built-in MM schedule (1 % + size × 0.005 % for BTC).
import { deribit } from '../perp/venues/deribit';
import { PERP_DEFAULTS, type DumpReading, type PerpVenueDescriptor } from './descriptor';

// ccxt dumps: Deribit: ccxt deribit.parsePosition (ccxt 4.5.84); recorded deribit.json.
export const deribitDumps: DumpReading = {
  rows: 'any',
  genericFormula: false,
  source: 'ccxt deribit.parsePosition; ts/src/test/static/response/deribit.json',
  isolatedMargin: [],
  isolatedCollateral: 'none',
  // Deribit margins the whole account (cross / portfolio): the equity is in fetchBalance, not in a position.
  crossWallet: 'none',
  crossWalletNote: 'a Deribit ccxt position carries no collateral (the account equity is in fetchBalance)',
  // ccxt maintenanceMarginPercentage = MM / |size_currency| × 100: a percent of the venue's own MM, not a tier rate.
  maintenance: { amountField: 'maintenance_margin', amountIncludesFee: false, rateField: null, unifiedRateUsable: false, tierField: null },
  // ccxt contracts = info.size, already USD; ccxt fills contractSize from the market (BTC-PERPETUAL contract_size 10, the
  // order step): multiplying would count the face 10× (docs.deribit.com private/get_positions example: size 50, size_currency
  // 0.006687487 = 50 / 7476.65 at the mark).
  contract: { sizeField: 'contractSize', inverseFace: 'contracts are info.size in USD (contractSize is the 10 USD order step, not a multiplier)', contractsAreFace: true },
  marginModeField: null,
  fee: { inFormula: 'none', defaultTaker: null, defaultTakerSource: null, ownRateField: null },
  liquidationPrice: { field: 'info.estimated_liquidation_price', note: 'the venue\'s estimate' },
};

export const deribitDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'deribit',
  label: 'Deribit',
  source: deribit.source,
  contracts: 'inverse',
  margin: deribit,
  // Deribit "Perpetual" knowledge base: funding is paid and received continuously (the rate is quoted per 8 hours).
  fundingSchedule: 'continuous',
  ccxtDumps: { deribit: deribitDumps },
  quirks: ['no isolated mode for futures: margin is account-wide', 'without tiers or mmr, the built-in BTC/ETH schedule is used'],
};
