// The venue registry: every venue and lending protocol the engine knows, and the lookups derived from it.
// Adding a venue: one `<id>-descriptor.ts` file, its line below, its id in core/types.ts, and the enum lines that
// test/unit/venues/registry.test.ts names (package.json, media/positions.schema.json, README).
import type { LendingVenueId, PerpAccount, PerpPosition, PerpVenueId, VenueId } from '../core/types';
import { inverseUnder } from './contract-kind';
import type { DumpReading, LendingVenueDescriptor, PerpVenueDescriptor, VenueDescriptor } from './descriptor';
import { binanceUsdmDescriptor } from './binance-usdm-descriptor';
import { binanceCoinmDescriptor } from './binance-coinm-descriptor';
import { bybitLinearDescriptor } from './bybit-linear-descriptor';
import { bybitInverseDescriptor } from './bybit-inverse-descriptor';
import { okxDescriptor } from './okx-descriptor';
import { gateDescriptor } from './gate-descriptor';
import { bitmexDescriptor } from './bitmex-descriptor';
import { deribitDescriptor } from './deribit-descriptor';
import { hyperliquidDescriptor } from './hyperliquid-descriptor';
import { dydxV4Descriptor } from './dydx-v4-descriptor';
import { genericLinearDescriptor } from './generic-linear-descriptor';
import { genericInverseDescriptor } from './generic-inverse-descriptor';
import { aaveV3Descriptor } from './aave-v3-descriptor';
import { sparkDescriptor } from './spark-descriptor';
import { compoundV3Descriptor } from './compound-v3-descriptor';
import { makerDescriptor } from './maker-descriptor';
import { liquityV1Descriptor } from './liquity-v1-descriptor';
import { liquityV2Descriptor } from './liquity-v2-descriptor';
import { morphoBlueDescriptor } from './morpho-blue-descriptor';

/** Perp venues in the order the docs list them (docs/format.md §4). */
export const PERP_DESCRIPTORS: Readonly<Record<PerpVenueId, PerpVenueDescriptor>> = {
  'binance-usdm': binanceUsdmDescriptor,
  'binance-coinm': binanceCoinmDescriptor,
  'bybit-linear': bybitLinearDescriptor,
  'bybit-inverse': bybitInverseDescriptor,
  okx: okxDescriptor,
  gate: gateDescriptor,
  bitmex: bitmexDescriptor,
  deribit: deribitDescriptor,
  hyperliquid: hyperliquidDescriptor,
  'dydx-v4': dydxV4Descriptor,
  'generic-linear': genericLinearDescriptor,
  'generic-inverse': genericInverseDescriptor,
};

export const LENDING_DESCRIPTORS: Readonly<Record<LendingVenueId, LendingVenueDescriptor>> = {
  'aave-v3': aaveV3Descriptor,
  spark: sparkDescriptor,
  'compound-v3': compoundV3Descriptor,
  maker: makerDescriptor,
  'liquity-v1': liquityV1Descriptor,
  'liquity-v2': liquityV2Descriptor,
  'morpho-blue': morphoBlueDescriptor,
};

export const PERP_VENUES = Object.keys(PERP_DESCRIPTORS) as readonly PerpVenueId[];
export const LENDING_VENUES = Object.keys(LENDING_DESCRIPTORS) as readonly LendingVenueId[];
export const ALL_VENUES: readonly VenueId[] = [...PERP_VENUES, ...LENDING_VENUES];

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
export const isPerpVenue = (v: string): v is PerpVenueId => own(PERP_DESCRIPTORS, v);
export const isLendingVenue = (v: string): v is LendingVenueId => own(LENDING_DESCRIPTORS, v);
export const isVenue = (v: string): v is VenueId => isPerpVenue(v) || isLendingVenue(v);

export function perpVenue(id: PerpVenueId): PerpVenueDescriptor {
  return PERP_DESCRIPTORS[id];
}
export function lendingVenue(id: LendingVenueId): LendingVenueDescriptor {
  return LENDING_DESCRIPTORS[id];
}
export function venueDescriptor(id: VenueId): VenueDescriptor {
  return isPerpVenue(id) ? PERP_DESCRIPTORS[id] : LENDING_DESCRIPTORS[id];
}

/** The one linear/inverse decision for a market of a venue (docs/venues.md). */
export function isInverse(venue: PerpVenueId, symbol: string, settleCurrency: string | null | undefined): boolean {
  const d = own(PERP_DESCRIPTORS, venue) ? PERP_DESCRIPTORS[venue] : null;
  return d !== null && inverseUnder(d.contracts, symbol, settleCurrency);
}

/** isInverse for a position of an account. */
export function isInversePosition(account: PerpAccount, position: PerpPosition): boolean {
  return isInverse(account.venue, position.symbol, account.settleCurrency);
}

/** Default funding interval in seconds. */
export function defaultFundingInterval(venue: VenueId): number {
  return isPerpVenue(venue) ? PERP_DESCRIPTORS[venue].fundingIntervalSeconds : 8 * 3600;
}

/** Every ccxt exchange id some descriptor reads. */
export function ccxtExchangeIds(): string[] {
  return [...new Set(PERP_VENUES.flatMap((v) => Object.keys(PERP_DESCRIPTORS[v].ccxtDumps)))];
}

/**
 * How a ccxt exchange's row of this kind is read: the venue whose descriptor takes it and that descriptor's reading
 * (issue 11, docs/format.md §5); null when no descriptor reads that exchange. `exchange` is the lower-case ccxt id.
 */
export function ccxtReading(exchange: string, inverse: boolean): { venue: PerpVenueId; reading: DumpReading } | null {
  for (const v of PERP_VENUES) {
    const dumps = PERP_DESCRIPTORS[v].ccxtDumps;
    const reading = own(dumps, exchange) ? dumps[exchange]! : null;
    if (reading && (reading.rows === 'any' || (reading.rows === 'inverse') === inverse)) return { venue: v, reading };
  }
  return null;
}

/** The venue a ccxt exchange's row of this kind belongs to, null when no descriptor reads that exchange. */
export function venueForCcxt(exchange: string, inverse: boolean): PerpVenueId | null {
  return ccxtReading(exchange, inverse)?.venue ?? null;
}
