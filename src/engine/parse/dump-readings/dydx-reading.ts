// dYdX v4: ccxt dydx.parsePosition (ccxt 4.5.84) leaves liquidationPrice, collateral, markPrice, MM undefined.
import type { DumpReading } from './dump-reading';

export const dydxReading: DumpReading = {
  exchange: 'dydx',
  venues: { linear: 'dydx-v4', inverse: 'dydx-v4' },
  genericFormula: false,
  source: 'ccxt dydx.parsePosition (no liquidation price, collateral or mark is ever set)',
  isolatedMargin: [],
  isolatedCollateral: 'none',
  crossWallet: 'none',
  crossWalletNote: 'a dYdX ccxt position carries no collateral (the subaccount equity is in fetchBalance)',
  maintenance: { amountField: null, amountIncludesFee: false, rateField: null, unifiedRateUsable: false, tierField: null },
  contract: { sizeField: 'contractSize', inverseFace: 'linear only; contracts negative for shorts' },
  marginModeField: null,
  fee: { inFormula: 'none', defaultTaker: null, defaultTakerSource: null, ownRateField: null },
  liquidationPrice: { field: '(never set by ccxt)', note: null },
};
