// dYdX v4: https://docs.dydx.exchange/concepts-trading/margin (MMR = |S·P·MMF|, account-wide)
import { baseModel, type VenueModel } from '../venue-model';

export const dydxV4: VenueModel = {
  ...baseModel,
  id: 'dydx-v4',
  source: 'https://docs.dydx.exchange/concepts-trading/margin',
  releasesMarginProRata: false,
};
