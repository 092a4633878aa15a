// Gate perpetual futures: linear (_USDT) and inverse (_USD); MMR + taker fee.
import { gate } from '../perp/venues/okx-gate';
import { PERP_DEFAULTS, type DumpReading, type PerpVenueDescriptor } from './descriptor';

// ccxt dumps: Gate futures: ccxt gate.parsePosition (ccxt 4.5.84 and the recorded @0117dcb9 version); recorded gate.json.
export const gateDumps: DumpReading = {
  rows: 'any',
  genericFormula: false,
  source: 'ccxt gate.parsePosition (4.5.84 and @0117dcb9); ts/src/test/static/response/gate.json @0117dcb9',
  // info.margin = entry value/leverage + entry value·taker (fee reserve), no PnL. ccxt's unified collateral changed
  // meaning between versions (margin, then margin + unrealised_pnl), so the raw field is the only safe reading.
  isolatedMargin: [{ field: 'margin', includesPnl: false }],
  isolatedCollateral: 'with-pnl',
  crossWallet: 'none',
  crossWalletNote: 'Gate\'s cross collateral is the position margin (+ PnL in newer ccxt), not the account wallet',
  // info.maintenance_rate is the tier rate; info.maintenance_margin (newer API) already holds the fee.
  maintenance: { amountField: 'maintenance_margin', amountIncludesFee: true, rateField: 'maintenance_rate', unifiedRateUsable: false, tierField: 'risk_limit' },
  contract: { sizeField: 'contractSize', inverseFace: 'quanto_multiplier (LTC_USDT 0.1 LTC); BTC_USD 1 USD', contractsAreFace: false },
  marginModeField: null,
  // The contract's taker_fee_rate 0.075 % reproduces the recorded 60.07 (residual −1e-5); 0.05 % gives −0.015.
  fee: { inFormula: 'taker-added-to-mmr', defaultTaker: '0.00075', defaultTakerSource: 'Gate futures contract taker_fee_rate 0.075 % (reproduces the recorded liq_price)', ownRateField: null },
  liquidationPrice: { field: 'info.liq_price', note: 'printed to the contract\'s price precision (0.01 on LTC_USDT)' },
};

export const gateDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'gate',
  label: 'Gate',
  source: gate.source,
  contracts: 'either',
  margin: gate,
  ccxtDumps: { gate: gateDumps, gateio: gateDumps },
  quirks: [
    'linear or inverse per market: settleCurrency decides, else the symbol (BTC_USD is inverse)',
    'the taker fee is added to every tier\'s maintenance rate (absent takerFee ⇒ 0 with a warning)',
  ],
};
