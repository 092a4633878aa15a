// Binance COIN-M: https://www.binance.com/en/support/faq/ceccfcfb4e3a45e3b48b0b1bb1a8ae46 (contracts × contractSize USD, coin brackets)
import { baseModel, type VenueModel } from '../venue-model';
import { binanceDisplayRatio } from './binance-usdm';

export const binanceCoinm: VenueModel = {
  ...baseModel,
  id: 'binance-coinm',
  source: 'https://www.binance.com/en/support/faq/ceccfcfb4e3a45e3b48b0b1bb1a8ae46',
  display: (_mb, _mm, ratio) => binanceDisplayRatio(ratio),
  releasesMarginProRata: true,
};
