// Bitget (→ generic-*): ccxt bitget.parsePosition (ccxt 4.5.84).
import type { DumpReading } from './dump-reading';

export const bitgetReading: DumpReading = {
  exchange: 'bitget',
  venues: { linear: 'generic-linear', inverse: 'generic-inverse' },
  genericFormula: true,
  source: 'ccxt bitget.parsePosition; ts/src/test/static/response/bitget.json',
  // isolated collateral = marginSize + unrealizedPL; info.marginSize is the margin without PnL.
  isolatedMargin: [{ field: 'marginSize', includesPnl: false }],
  isolatedCollateral: 'with-pnl',
  crossWallet: 'none',
  crossWalletNote: 'a Bitget cross position carries no collateral (ccxt sets it only for isolated)',
  // info.keepMarginRate is the venue's own tier rate; ccxt's maintenanceMargin adds a constant 0.06 % fee to close.
  maintenance: { amountField: null, amountIncludesFee: true, rateField: 'keepMarginRate', unifiedRateUsable: true, tierField: null },
  contract: { sizeField: 'contractSize', inverseFace: 'coin-M: 1 USD' },
  marginModeField: { field: 'marginMode', isolated: 'isolated' },
  fee: { inFormula: 'none', defaultTaker: '0.0006', defaultTakerSource: 'ccxt bitget constant 0.06 %', ownRateField: null },
  liquidationPrice: { field: 'info.liquidationPrice', note: 'when Bitget returns 0 for an isolated row, ccxt computes one itself' },
};
