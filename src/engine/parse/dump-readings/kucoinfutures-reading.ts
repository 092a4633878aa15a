// KuCoin Futures (→ generic-*): ccxt kucoinfutures inherits kucoin.parsePosition (ccxt 4.5.84); no position recorded.
import type { DumpReading } from './dump-reading';

export const kucoinfuturesReading: DumpReading = {
  exchange: 'kucoinfutures',
  venues: { linear: 'generic-linear', inverse: 'generic-inverse' },
  genericFormula: true,
  source: 'ccxt kucoin.parsePosition (kucoinfutures); kucoinfutures.json has no position method recorded',
  // info.posMargin is KuCoin's position margin (without PnL, per KuCoin's API docs); ccxt collateral = info.maintMargin.
  isolatedMargin: [{ field: 'posMargin', includesPnl: false }],
  isolatedCollateral: 'none',
  crossWallet: 'none',
  crossWalletNote: 'a KuCoin Futures position carries no account wallet',
  maintenance: { amountField: 'posMaint', amountIncludesFee: false, rateField: 'maintMarginReq', unifiedRateUsable: true, tierField: 'riskLimit' },
  contract: { sizeField: 'contractSize', inverseFace: 'XBTUSDM 1 USD' },
  marginModeField: { field: 'marginMode', isolated: 'ISOLATED' },
  fee: { inFormula: 'none', defaultTaker: '0.0006', defaultTakerSource: 'kucoinfutures.json fetchMyTrades feeRate 0.0006', ownRateField: null },
  liquidationPrice: { field: 'info.liquidationPrice', note: null },
};
