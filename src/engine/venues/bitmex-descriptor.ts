// BitMEX perpetuals: inverse (XBTUSD) and linear (…USDT); MM on the entry value plus the exit taker fee.
import { bitmex } from '../perp/venues/bitmex';
import { PERP_DEFAULTS, type DumpReading, type PerpVenueDescriptor } from './descriptor';

// ccxt dumps: BitMEX: not in the ccxt 4.5.84 package; read from the recorded parsedResponse of bitmex.json @4f8cffe1 (inferred).
export const bitmexDumps: DumpReading = {
  rows: 'any',
  genericFormula: false,
  source: 'ts/src/test/static/response/bitmex.json @4f8cffe1 parsedResponse (bitmex.js absent from ccxt 4.5.84: inferred)',
  // ccxt collateral is null; info.posMargin is BitMEX's position margin (in the settle unit, ×1e-6 for USDT).
  isolatedMargin: [],
  isolatedCollateral: 'none',
  crossWallet: 'none',
  crossWalletNote: 'a BitMEX ccxt position carries no collateral',
  maintenance: { amountField: 'maintMargin', amountIncludesFee: false, rateField: 'maintMarginReq', unifiedRateUsable: true, tierField: 'riskLimit' },
  contract: { sizeField: 'contractSize', inverseFace: 'XBTUSD 1 USD; LTCUSDT 0.0001 LTC per contract', contractsAreFace: false },
  marginModeField: { field: 'crossMargin', isolated: 'false' },
  fee: { inFormula: 'exit-fee', defaultTaker: '0.00075', defaultTakerSource: 'bitmex.json info.commission 0.00075', ownRateField: 'commission' },
  liquidationPrice: { field: 'info.liquidationPrice', note: '"0" means none (kept as 0 by ccxt)' },
};

export const bitmexDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'bitmex',
  label: 'BitMEX',
  source: bitmex.source,
  contracts: 'either',
  margin: bitmex,
  // BitMEX "Perpetual Contracts Guide": funding every 8 hours at 04:00, 12:00 and 20:00 UTC.
  fundingSchedule: { offsetSeconds: 4 * 3600 },
  ccxtDumps: { bitmex: bitmexDumps },
  quirks: [
    'linear or inverse per market: settleCurrency decides, else the symbol (XBTUSD is inverse)',
    'the next funding payment is a cash flow into or out of the margin',
  ],
};
