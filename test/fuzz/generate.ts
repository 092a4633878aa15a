// Structure-aware generation: well-formed documents of every dialect (native perp and lending in JSON, YAML and
// CSV, CCXT dumps, Hyperliquid state) whose values range over valid, edge and hostile spellings, so the fuzzer
// reaches the evaluation behind the readers, not only their syntax errors.
import fc from 'fast-check';
import { stringify } from 'yaml';

const PERP_VENUES = ['binance-usdm', 'binance-coinm', 'bybit-linear', 'bybit-inverse', 'okx', 'gate', 'bitmex', 'deribit', 'hyperliquid', 'dydx-v4', 'generic-linear', 'generic-inverse'];
const LENDING_VENUES = ['aave-v3', 'spark', 'compound-v3', 'maker', 'liquity-v1', 'liquity-v2', 'morpho-blue'];
const SYMBOLS = ['BTCUSDT', 'ETHUSDT', 'BTC-USD-SWAP', 'BTC-USDT-SWAP', 'XBTUSD', 'BTC-PERPETUAL', 'BTC', 'ETH', 'SOLUSDT', 'BTCUSD_PERP', 'BTC_USDT'];
const ASSETS = ['WETH', 'WBTC', 'USDC', 'USDT', 'DAI', 'wstETH', 'LUSD', 'ETH'];

const decimalText = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 99_999_999 })).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom('0', '-1', '1e-30', '1e30', '0.00000001', '99999999999999999999.999999', '1e400000', '-0', '0x1F', 'Infinity', 'NaN', '', ' ', '94,500', 'abc'),
);
const amount = fc.oneof({ weight: 8, arbitrary: decimalText }, { weight: 1, arbitrary: fc.double({ noNaN: false }).map((d) => d as unknown as string) }, { weight: 1, arbitrary: fc.constantFrom(null, true, [], {}) as fc.Arbitrary<unknown> as fc.Arbitrary<string> });
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined, freq: 3 });
const side = fc.constantFrom('long', 'short', 'buy', 'LONG', 'sideways', undefined);
const time = fc.constantFrom('2026-11-24T07:00:00Z', '2026-11-24T06:59:00Z', '2030-01-01T00:00:00Z', '1970-01-01T00:00:00Z', 'yesterday', '2026-13-45T99:99:99Z');

const market = fc.record({
  markPrice: amount, mmr: maybe(amount), cum: maybe(amount), contractSize: maybe(amount), volatility: maybe(fc.oneof(fc.double({ min: -1, max: 5 }), fc.constant(0))),
  fundingRate: maybe(amount), markTime: maybe(time), history: maybe(fc.constantFrom('../examples/data/BTCUSDT-1h.csv', '/etc/passwd', '../../../../etc/shadow', 'C:\\x.csv', 'nope.csv')),
}, { requiredKeys: [] });

const position = fc.record({
  id: maybe(fc.string({ maxLength: 12 })), symbol: fc.constantFrom(...SYMBOLS), side, size: amount, entryPrice: amount,
  marginMode: maybe(fc.constantFrom('isolated', 'cross', 'portfolio')), isolatedMargin: maybe(amount), leverage: maybe(amount),
  reportedLiquidationPrice: maybe(amount), takerFee: maybe(amount),
}, { requiredKeys: ['symbol', 'size'] });

export const nativePerpArb = fc.record({
  version: fc.constantFrom(1, 2, '1'), venue: fc.constantFrom(...PERP_VENUES, 'nope'), account: maybe(fc.string({ maxLength: 20 })),
  marginMode: maybe(fc.constantFrom('isolated', 'cross')), positionMode: maybe(fc.constantFrom('oneway', 'hedge')),
  walletBalance: maybe(amount), settleCurrency: maybe(fc.constantFrom('USDT', 'USDC', 'BTC', 'USD', 'ETH')), asOf: maybe(time),
  risk: maybe(fc.record({ evaluationTime: time, horizon: fc.constantFrom('24h', '8h', '0s', '-1h', 'P1D', 'forever'), tails: fc.constantFrom('gbm', 'student-t', 'vg', 'evt', 'x') }, { requiredKeys: ['evaluationTime'] })),
  markets: fc.dictionary(fc.constantFrom(...SYMBOLS), market, { maxKeys: 4 }),
  positions: fc.array(position, { maxLength: 8 }),
}, { requiredKeys: ['version', 'venue', 'markets', 'positions'] });

const leg = fc.record({ asset: fc.constantFrom(...ASSETS), amount });
export const nativeLendingArb = fc.record({
  version: fc.constant(1), venue: fc.constantFrom(...LENDING_VENUES),
  risk: fc.constant({ evaluationTime: '2026-11-24T07:00:00Z' }),
  markets: fc.dictionary(fc.constantFrom(...ASSETS), fc.record({ price: amount, liquidationThreshold: maybe(amount), liquidationBonus: maybe(amount), decimals: maybe(fc.integer({ min: -2, max: 40 })), stable: maybe(fc.boolean()), volatility: maybe(fc.double({ min: 0, max: 3 })) }, { requiredKeys: ['price'] }), { maxKeys: 5 }),
  loans: fc.array(fc.record({ id: maybe(fc.string({ maxLength: 8 })), collateral: fc.array(leg, { maxLength: 3 }), debt: fc.array(leg, { maxLength: 3 }), lltv: maybe(amount), mcr: maybe(amount) }, { requiredKeys: ['collateral', 'debt'] }), { maxLength: 4 }),
});

const ccxtPosition = fc.record({
  symbol: fc.constantFrom('BTC/USDT:USDT', 'ETH/USDT:USDT', 'BTC/USD:BTC', 'LTC/USDT:USDT', 'weird'), side: fc.constantFrom('long', 'short', null),
  contracts: amount, contractSize: maybe(amount), entryPrice: amount, markPrice: amount, collateral: maybe(amount), initialMargin: maybe(amount),
  maintenanceMargin: maybe(amount), maintenanceMarginPercentage: maybe(amount), liquidationPrice: maybe(amount), marginMode: fc.constantFrom('isolated', 'cross', null),
  unrealizedPnl: maybe(amount), leverage: maybe(amount), timestamp: maybe(fc.integer({ min: 0, max: 2_000_000_000_000 })), info: fc.constant({}),
}, { requiredKeys: ['symbol', 'contracts'] });
export const ccxtArb = fc.oneof(
  fc.record({ exchange: fc.constantFrom('binanceusdm', 'binance', 'bybit', 'okx', 'gate', 'bitmex', 'deribit', 'hyperliquid', 'dydx', 'bitget', 'kucoinfutures', 'nope'), positions: fc.array(ccxtPosition, { maxLength: 5 }) }),
  fc.array(ccxtPosition, { minLength: 1, maxLength: 4 }),
);

const hlPosition = fc.record({ coin: fc.constantFrom('BTC', 'ETH', 'SOL', 'DOGE'), szi: amount, entryPx: amount, liquidationPx: maybe(amount), marginUsed: amount, positionValue: amount, unrealizedPnl: amount, leverage: fc.record({ type: fc.constantFrom('cross', 'isolated'), value: fc.integer({ min: 0, max: 100 }) }) });
export const hyperliquidArb = fc.record({
  assetPositions: fc.array(hlPosition.map((position) => ({ position, type: 'oneWay' })), { maxLength: 4 }),
  crossMaintenanceMarginUsed: amount, crossMarginSummary: fc.record({ accountValue: amount, totalMarginUsed: amount, totalNtlPos: amount, totalRawUsd: amount }),
  marginSummary: fc.record({ accountValue: amount, totalMarginUsed: amount, totalNtlPos: amount, totalRawUsd: amount }), time: fc.integer({ min: 0, max: 2_000_000_000_000 }), withdrawable: amount,
});

const CSV_COLUMNS = ['venue', 'account', 'symbol', 'side', 'size', 'entry_price', 'mark_price', 'margin_mode', 'isolated_margin', 'wallet_balance', 'mmr', 'cum', 'volatility'];
const cell = fc.oneof(decimalText, fc.constantFrom(...PERP_VENUES, ...SYMBOLS, 'long', 'short', 'isolated', 'cross', '', '"', '"a,b"', '=cmd|x', '\r'));
export const csvArb = fc.tuple(fc.subarray(CSV_COLUMNS, { minLength: 3 }), fc.array(fc.array(cell, { minLength: 0, maxLength: 15 }), { maxLength: 8 })).map(
  ([cols, rows]) => [cols.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n',
);

/** A generated document and the file name that selects its reader. */
export interface GeneratedFile {
  path: string;
  text: string;
}

const asJson = (doc: unknown): string => JSON.stringify(doc, null, 2);
const asYaml = (doc: unknown): string => stringify(doc);
const serialise = (arb: fc.Arbitrary<unknown>, yaml: boolean): fc.Arbitrary<GeneratedFile> =>
  fc.tuple(arb, fc.boolean()).map(([doc, useYaml]) => (yaml && useYaml ? { path: 'gen.positions.yaml', text: asYaml(doc) } : { path: 'gen.positions.json', text: asJson(doc) }));

export const generatedFileArb: fc.Arbitrary<GeneratedFile> = fc.oneof(
  serialise(nativePerpArb, true),
  serialise(nativeLendingArb, true),
  serialise(ccxtArb, false),
  serialise(hyperliquidArb, false),
  csvArb.map((text) => ({ path: 'gen.positions.csv', text })),
);
