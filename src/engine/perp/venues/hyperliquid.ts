// Hyperliquid: https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations (mmr = 1/(2·maxLeverage), margin tiers)
import { baseModel, type VenueModel } from '../venue-model';

export const hyperliquid: VenueModel = {
  ...baseModel,
  id: 'hyperliquid',
  source: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations',
  maxLeverageIsMm: true,
  // Decision: isolated margin is removed with the closed part of the position (not quoted verbatim in the docs we have).
  releasesMarginProRata: true,
};
