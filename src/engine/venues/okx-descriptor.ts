// OKX perpetual swaps: linear (-USDT-SWAP) and inverse (-USD-SWAP); tiers count contracts; MMR + taker fee.
import { okx } from '../perp/venues/okx-gate';
import { PERP_DEFAULTS, type DumpReading, type PerpVenueDescriptor } from './descriptor';

// ccxt dumps: OKX swaps: ccxt okx.parsePosition (ccxt 4.5.84); recorded okx.json @02140ad0 (BTC-USD-SWAP cross and isolated).
export const okxDumps: DumpReading = {
  rows: 'any',
  genericFormula: false,
  source: 'ccxt okx.parsePosition; ts/src/test/static/response/okx.json @02140ad0',
  // isolated: ccxt collateral = info.margin, the margin WITHOUT unrealised PnL (= Q/EP/lever on the recorded row).
  isolatedMargin: [{ field: 'margin', includesPnl: false }],
  isolatedCollateral: 'without-pnl',
  // cross: ccxt collateral = info.imr + info.upl, initial margin plus PnL, not the account wallet.
  crossWallet: 'none',
  crossWalletNote: 'OKX\'s cross collateral is initial margin + unrealised PnL (imr + upl), not the account wallet',
  // info.mmr is the MM amount without the fee (Q/mark·tierMMR to 1e-11); ccxt's unified rate is info.mmr/notional
  // rounded to 4 decimals, still usable as the tier rate when no tiers are given.
  maintenance: { amountField: 'mmr', amountIncludesFee: false, rateField: null, unifiedRateUsable: true, tierField: null },
  contract: { sizeField: 'contractSize', inverseFace: 'ctVal: BTC-USD-SWAP 100 USD, others 10 USD', contractsAreFace: false },
  marginModeField: { field: 'mgnMode', isolated: 'isolated' },
  // OKX's mgnRatio (MB / (MM + fee)) on the recorded row is reproduced to 1e-13 only with 0.0005.
  fee: { inFormula: 'taker-added-to-mmr', defaultTaker: '0.0005', defaultTakerSource: 'OKX regular-user perpetual taker 0.05 % (reproduces the recorded mgnRatio and liqPx)', ownRateField: null },
  liquidationPrice: { field: 'info.liqPx', note: 'isolated liqPx is one price tick nearer the mark than MB = MM (recorded long: +0.1 exactly, not a rounding)' },
};

export const okxDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'okx',
  label: 'OKX',
  source: okx.source,
  contracts: 'either',
  margin: okx,
  ccxtDumps: { okx: okxDumps, okex: okxDumps, okex5: okxDumps },
  quirks: [
    'linear or inverse per market: settleCurrency decides, else the symbol (BTC-USD-SWAP is inverse)',
    'the taker fee is added to every tier\'s maintenance rate (absent takerFee ⇒ 0 with a warning)',
    'position tiers count contracts, integer tiers 0–2000, 2001–4000 are contiguous',
  ],
};
