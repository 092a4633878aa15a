// The venue registry is the one list of venues: every id has a descriptor, and the published enums and the README
// tables name exactly the registry's venues. Adding a venue: its descriptor file, its line in registry.ts, its id in
// core/types.ts, and the lines this test names — package.json liquidationLens.defaultVenue.enum,
// media/positions.schema.json (native file venue enum), README "Perpetual and futures venues" / "Lending protocols".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALL_VENUES, LENDING_DESCRIPTORS, LENDING_VENUES, PERP_DESCRIPTORS, PERP_VENUES, ccxtExchangeIds, isInverse, venueDescriptor, venueForCcxt,
} from '../../../src/engine/venues/registry';
import type { LendingVenueId, PerpVenueId } from '../../../src/engine/core/types';
import { venueLabel } from '../../../src/presentation/format';

const ROOT = join(__dirname, '../../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

// Compile-time: these fail to type-check when core/types.ts gains an id without a descriptor (or the reverse).
const PERP_IDS: Record<PerpVenueId, true> = {
  'binance-usdm': true, 'binance-coinm': true, 'bybit-linear': true, 'bybit-inverse': true, okx: true, gate: true, bitmex: true,
  deribit: true, hyperliquid: true, 'dydx-v4': true, 'generic-linear': true, 'generic-inverse': true,
};
const LENDING_IDS: Record<LendingVenueId, true> = {
  'aave-v3': true, spark: true, 'compound-v3': true, maker: true, 'liquity-v1': true, 'liquity-v2': true, 'morpho-blue': true,
};

function section(md: string, heading: string): string {
  const start = md.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}
/** Venue ids in the first column of a section's table. */
function tableIds(md: string): string[] {
  return md.split('\n').filter((l) => l.startsWith('| `')).flatMap((l) => [...l.split('|')[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!));
}

describe('venue registry', () => {
  it('has a descriptor for every venue id, keyed by its own id', () => {
    expect([...PERP_VENUES].sort()).toEqual(Object.keys(PERP_IDS).sort());
    expect([...LENDING_VENUES].sort()).toEqual(Object.keys(LENDING_IDS).sort());
    for (const id of ALL_VENUES) expect(venueDescriptor(id).id).toBe(id);
    for (const [id, d] of Object.entries(PERP_DESCRIPTORS)) {
      expect(d.kind).toBe('perp');
      expect(d.margin.id, id).toBe(id);
      expect(d.label.length).toBeGreaterThan(0);
    }
    for (const d of Object.values(LENDING_DESCRIPTORS)) expect(d.kind).toBe('lending');
  });

  it('the presentation layer shows each venue by its descriptor\'s label (it cannot import the engine)', () => {
    for (const id of ALL_VENUES) expect(venueLabel(id), id).toBe(venueDescriptor(id).label);
  });

  it('package.json liquidationLens.defaultVenue enum = the registry (+ null)', () => {
    const pkg = JSON.parse(read('package.json'));
    const props = pkg.contributes.configuration.properties ?? pkg.contributes.configuration.find((c: { properties?: object }) => c.properties)?.properties;
    expect(props['liquidationLens.defaultVenue'].enum).toEqual([...ALL_VENUES, null]);
  });

  it('media/positions.schema.json venue enum = the registry', () => {
    const schema = JSON.parse(read('media/positions.schema.json'));
    expect(schema.anyOf[0].properties.venue.enum).toEqual([...ALL_VENUES]);
  });

  it('the README venue tables name exactly the registry\'s venues', () => {
    const md = read('README.md');
    expect(tableIds(section(md, 'Perpetual and futures venues')).sort()).toEqual([...PERP_VENUES].sort());
    expect(tableIds(section(md, 'Lending protocols')).sort()).toEqual([...LENDING_VENUES].sort());
  });

  it('maps every ccxt exchange id to one venue per contract kind', () => {
    for (const ex of ccxtExchangeIds()) {
      expect(venueForCcxt(ex, false), ex).not.toBeNull();
      expect(venueForCcxt(ex, true), ex).not.toBeNull();
    }
    expect(venueForCcxt('binance', true)).toBe('binance-coinm');
    expect(venueForCcxt('binanceusdm', false)).toBe('binance-usdm');
    expect(venueForCcxt('binancecoinm', false)).toBe('binance-coinm');
    expect(venueForCcxt('bybit', true)).toBe('bybit-inverse');
    expect(venueForCcxt('okex5', true)).toBe('okx');
    // bitget and kucoinfutures: no venue model, the generic descriptors read them (a generic-formula diagnostic says so)
    expect([venueForCcxt('bitget', false), venueForCcxt('bitget', true)]).toEqual(['generic-linear', 'generic-inverse']);
    expect([venueForCcxt('kucoinfutures', false), venueForCcxt('kucoinfutures', true)]).toEqual(['generic-linear', 'generic-inverse']);
    expect(venueForCcxt('kraken', false)).toBeNull();
  });
});

describe('the one linear/inverse rule', () => {
  it.each([
    ['okx', 'BTC-USD-SWAP', null, true],
    ['okx', 'BTC-USDT-SWAP', null, false],
    ['okx', 'BTC-USD-SWAP', 'BTC', true],
    ['okx', 'BTC-USDT-SWAP', 'USDT', false],
    ['okx', 'BTC/USD:BTC', null, true],
    ['okx', 'BTC/USDT:USDT', null, false],
    ['gate', 'BTC_USD', null, true],
    ['gate', 'BTC_USDT', null, false],
    ['bitmex', 'XBTUSD', null, true],
    ['bitmex', 'XBTUSDT', null, false],
    ['bitmex', 'ETHUSD', 'USDT', false],
    ['binance-coinm', 'BTCUSD_PERP', null, true],
    ['binance-usdm', 'BTCUSDT', 'BTC', false],
    ['deribit', 'BTC-PERPETUAL', null, true],
    ['hyperliquid', 'BTC', null, false],
    ['generic-inverse', 'ANY', null, true],
  ] as const)('%s %s settle %s → inverse %s', (venue, symbol, settle, inverse) => {
    expect(isInverse(venue, symbol, settle)).toBe(inverse);
  });
});
