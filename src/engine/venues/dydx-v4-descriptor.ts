// dYdX v4 perpetuals: linear, USDC-settled, account-wide margin; hourly funding.
import { dydxV4 } from '../perp/venues/dydx-v4';
import { PERP_DEFAULTS, type DumpReading, type PerpVenueDescriptor } from './descriptor';

// ccxt dumps: dYdX v4: ccxt dydx.parsePosition (ccxt 4.5.84) leaves liquidationPrice, collateral, markPrice, MM undefined.
export const dydxDumps: DumpReading = {
  rows: 'any',
  genericFormula: false,
  source: 'ccxt dydx.parsePosition (no liquidation price, collateral or mark is ever set)',
  isolatedMargin: [],
  isolatedCollateral: 'none',
  crossWallet: 'none',
  crossWalletNote: 'a dYdX ccxt position carries no collateral (the subaccount equity is in fetchBalance)',
  maintenance: { amountField: null, amountIncludesFee: false, rateField: null, unifiedRateUsable: false, tierField: null },
  contract: { sizeField: 'contractSize', inverseFace: 'linear only; ccxt\'s contracts are positive (the indexer\'s negative size × −1 for shorts)', contractsAreFace: false },
  marginModeField: null,
  fee: { inFormula: 'none', defaultTaker: null, defaultTakerSource: null, ownRateField: null },
  liquidationPrice: { field: '(never set by ccxt)', note: null },
};

export const dydxV4Descriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'dydx-v4',
  label: 'dYdX v4',
  source: dydxV4.source,
  contracts: 'linear',
  defaultSettle: 'USDC',
  fundingIntervalSeconds: 3600,
  // dYdX v4 mainnet genesis: max_liquidation_fee_ppm 15 000.
  liquidationFee: 0.015,
  margin: dydxV4,
  ccxtDumps: { dydx: dydxDumps, dydxv4: dydxDumps },
  quirks: [],
};
