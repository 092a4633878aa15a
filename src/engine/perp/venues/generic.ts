// Generic venues: the account equation of docs/venues.md §1 with a flat mmr (+ optional cum) or inline tiers.
import { baseModel, type VenueModel } from '../venue-model';

// Decision: generic venues release isolated margin pro rata on a size cut (the common venue behaviour, cf. Bybit).
const SOURCE = 'https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93 (docs/venues.md §1 equation)';
export const genericLinear: VenueModel = { ...baseModel, id: 'generic-linear', source: SOURCE, releasesMarginProRata: true };
export const genericInverse: VenueModel = { ...baseModel, id: 'generic-inverse', source: SOURCE, releasesMarginProRata: true };
