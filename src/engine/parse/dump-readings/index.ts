// The ccxt dump readings, keyed by ccxt exchange id (binance and bybit span two venues each; aliases share a reading).
// The venue descriptors' `ccxtDumps` slot points here (src/engine/venues).
import { binanceReading } from './binance-reading';
import { bitgetReading } from './bitget-reading';
import { bitmexReading } from './bitmex-reading';
import { bybitReading } from './bybit-reading';
import { deribitReading } from './deribit-reading';
import { dydxReading } from './dydx-reading';
import { gateReading } from './gate-reading';
import { hyperliquidReading } from './hyperliquid-reading';
import { kucoinfuturesReading } from './kucoinfutures-reading';
import { okxReading } from './okx-reading';
import type { DumpReading } from './dump-reading';

export type { DumpReading, InfoField } from './dump-reading';
export { CCXT_VERSION_READ } from './dump-reading';

const alias = (r: DumpReading, exchange: string, venues?: DumpReading['venues']): DumpReading => ({ ...r, exchange, venues: venues ?? r.venues });

export const DUMP_READINGS: Record<string, DumpReading> = {
  binance: binanceReading,
  binanceusdm: alias(binanceReading, 'binanceusdm'),
  binancecoinm: alias(binanceReading, 'binancecoinm', { linear: 'binance-coinm', inverse: 'binance-coinm' }),
  bybit: bybitReading,
  okx: okxReading,
  okex: alias(okxReading, 'okex'),
  okex5: alias(okxReading, 'okex5'),
  gate: gateReading,
  gateio: alias(gateReading, 'gateio'),
  bitmex: bitmexReading,
  deribit: deribitReading,
  hyperliquid: hyperliquidReading,
  dydx: dydxReading,
  dydxv4: alias(dydxReading, 'dydxv4'),
  bitget: bitgetReading,
  kucoinfutures: kucoinfuturesReading,
};

/** The reading for a ccxt exchange id (lower case), or null when the exchange is not in the table. */
export function dumpReading(exchange: string | null): DumpReading | null {
  return exchange ? (DUMP_READINGS[exchange] ?? null) : null;
}
