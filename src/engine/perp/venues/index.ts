import type { PerpVenueId } from '../../core/types';
import type { VenueModel } from '../venue-model';
import { binanceUsdm } from './binance-usdm';
import { binanceCoinm } from './binance-coinm';
import { bybitInverse, bybitLinear } from './bybit';
import { gate, okx } from './okx-gate';
import { bitmex } from './bitmex';
import { deribit } from './deribit';
import { hyperliquid } from './hyperliquid';
import { dydxV4 } from './dydx-v4';
import { genericInverse, genericLinear } from './generic';

export const VENUES: Record<PerpVenueId, VenueModel> = {
  'binance-usdm': binanceUsdm,
  'binance-coinm': binanceCoinm,
  'bybit-linear': bybitLinear,
  'bybit-inverse': bybitInverse,
  okx,
  gate,
  bitmex,
  deribit,
  hyperliquid,
  'dydx-v4': dydxV4,
  'generic-linear': genericLinear,
  'generic-inverse': genericInverse,
};
