// Deribit: https://support.deribit.com/hc/en-us/articles/25944826427293-11-January-2022 (MM = 1 % + size × 0.005 %)
import { Dec } from '../../core/decimal';
import { baseModel, type VenueModel } from '../venue-model';

/** MM in coin = x·(1 % + x·k), x = position size in coin; k = 0.005 % (BTC), 0.0004 % (ETH). */
export function deribitMm(symbol: string): [Dec, Dec] | null {
  if (/^BTC/i.test(symbol)) return [new Dec('0.01'), new Dec('0.00005')];
  if (/^ETH/i.test(symbol)) return [new Dec('0.01'), new Dec('0.000004')];
  return null;
}

export const deribit: VenueModel = {
  ...baseModel,
  id: 'deribit',
  source: 'https://support.deribit.com/hc/en-us/articles/25944826427293-11-January-2022',
  builtinMm: (p) => deribitMm(p.symbol),
  // Deribit has no isolated mode for futures: margin is account-wide.
  releasesMarginProRata: false,
};
