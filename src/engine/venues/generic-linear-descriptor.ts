// Generic linear venue: the account equation of docs/venues.md with a flat mmr (+ optional cum) or inline tiers.
import { genericLinear } from '../perp/venues/generic';
import { PERP_DEFAULTS, type DumpReading, type PerpVenueDescriptor } from './descriptor';

// ccxt dumps: Bitget (→ generic-*): ccxt bitget.parsePosition (ccxt 4.5.84).
export const bitgetDumps: DumpReading = {
  rows: 'linear',
  genericFormula: true,
  source: 'ccxt bitget.parsePosition; ts/src/test/static/response/bitget.json',
  // isolated collateral = marginSize + unrealizedPL; info.marginSize is the margin without PnL.
  isolatedMargin: [{ field: 'marginSize', includesPnl: false }],
  isolatedCollateral: 'with-pnl',
  crossWallet: 'none',
  crossWalletNote: 'a Bitget cross position carries no collateral (ccxt sets it only for isolated)',
  // info.keepMarginRate is the venue's own tier rate; ccxt's maintenanceMargin adds a constant 0.06 % fee to close.
  maintenance: { amountField: null, amountIncludesFee: true, rateField: 'keepMarginRate', unifiedRateUsable: true, tierField: null },
  contract: { sizeField: 'contractSize', inverseFace: 'coin-M: 1 USD', contractsAreFace: false },
  marginModeField: { field: 'marginMode', isolated: 'isolated' },
  fee: { inFormula: 'none', defaultTaker: '0.0006', defaultTakerSource: 'ccxt bitget constant 0.06 %', ownRateField: null },
  liquidationPrice: { field: 'info.liquidationPrice', note: 'when Bitget returns 0 for an isolated row, ccxt computes one itself' },
};

// ccxt dumps: KuCoin Futures (→ generic-*): ccxt kucoinfutures inherits kucoin.parsePosition (ccxt 4.5.84); no position recorded.
export const kucoinfuturesDumps: DumpReading = {
  rows: 'linear',
  genericFormula: true,
  source: 'ccxt kucoin.parsePosition (kucoinfutures); kucoinfutures.json has no position method recorded',
  // info.posMargin is KuCoin's position margin (without PnL, per KuCoin's API docs); ccxt collateral = info.maintMargin.
  isolatedMargin: [{ field: 'posMargin', includesPnl: false }],
  isolatedCollateral: 'none',
  crossWallet: 'none',
  crossWalletNote: 'a KuCoin Futures position carries no account wallet',
  maintenance: { amountField: 'posMaint', amountIncludesFee: false, rateField: 'maintMarginReq', unifiedRateUsable: true, tierField: 'riskLimit' },
  contract: { sizeField: 'contractSize', inverseFace: 'XBTUSDM 1 USD', contractsAreFace: false },
  marginModeField: { field: 'marginMode', isolated: 'ISOLATED' },
  fee: { inFormula: 'none', defaultTaker: '0.0006', defaultTakerSource: 'kucoinfutures.json fetchMyTrades feeRate 0.0006', ownRateField: null },
  liquidationPrice: { field: 'info.liquidationPrice', note: null },
};

export const genericLinearDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'generic-linear',
  label: 'Generic linear',
  source: genericLinear.source,
  contracts: 'linear',
  margin: genericLinear,
  // exchanges with no venue model here: the generic formula with the exchange's own maintenance figures, said in a diagnostic.
  ccxtDumps: { bitget: bitgetDumps, kucoinfutures: kucoinfuturesDumps },
  quirks: ['used for ccxt dumps of exchanges no descriptor reads, and for bitget and kucoinfutures (linear rows) with a generic-formula diagnostic'],
};
