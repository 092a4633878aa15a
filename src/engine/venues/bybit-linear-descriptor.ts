// Bybit linear perpetuals: MM on the entry value minus the deduction; risk limits cover (previous limit, limit].
import { bybitLinear } from '../perp/venues/bybit';
import { PERP_DEFAULTS, type DumpReading, type PerpVenueDescriptor } from './descriptor';

// ccxt dumps: Bybit linear / inverse: ccxt bybit.parsePosition (ccxt 4.5.84); recorded bybit.json @b8724039 (no open position read).
export const bybitDumps: DumpReading = {
  rows: 'linear',
  genericFormula: false,
  source: 'ccxt bybit.parsePosition; ts/src/test/static/response/bybit.json @b8724039 (no position with a liquidation price recorded)',
  // ccxt collateral = info.positionBalance (position margin, no PnL) for USDT/inverse; back-solved for USDC-settled.
  isolatedMargin: [{ field: 'positionBalance', includesPnl: false }],
  isolatedCollateral: 'none',
  crossWallet: 'none',
  crossWalletNote: 'Bybit\'s collateral is the position margin (positionBalance), not the account wallet',
  // ccxt overwrites maintenanceMargin with |liqPrice − bustPrice|·size (back-solved) when liqPrice is present.
  maintenance: { amountField: 'positionMM', amountIncludesFee: false, rateField: null, unifiedRateUsable: false, tierField: 'riskId' },
  contract: { sizeField: 'contractSize', inverseFace: 'inverse: contracts are USD (1 USD each)', contractsAreFace: false },
  // ccxt leaves marginMode undefined ("tradeMode was deprecated"): info.tradeMode 1 = isolated, 0 = cross.
  marginModeField: { field: 'tradeMode', isolated: '1' },
  fee: { inFormula: 'fee-to-close', defaultTaker: '0.00055', defaultTakerSource: 'bybit.json fetchMyTrades feeRate 0.00055 (linear taker)', ownRateField: null },
  liquidationPrice: { field: 'info.liqPrice', note: 'info.bustPrice is the venue\'s bankruptcy price' },
};

export const bybitLinearDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'bybit-linear',
  label: 'Bybit',
  source: bybitLinear.source,
  contracts: 'linear',
  // https://bybit-exchange.github.io/docs/v5/market/risk-limit : a risk limit covers (previous riskLimitValue, riskLimitValue].
  tierBoundary: 'cap-inclusive',
  margin: bybitLinear,
  ccxtDumps: { bybit: bybitDumps },
  quirks: ['with takerFee, the estimated fee to close (at the bankruptcy price) is added to the maintenance margin', 'classic cross hedge mode: only the net position carries maintenance margin'],
};
