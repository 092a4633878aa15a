// Test builders: PerpAccount objects with sensible defaults and dummy spans.
import { Dec } from '../../../src/engine/core/decimal';
import type { MarketSpec, PerpAccount, PerpPosition, PerpVenueId, Span, Tier, TierTable } from '../../../src/engine/core/types';

export const D = (x: string | number): Dec => new Dec(x);

export function span(line = 1): Span {
  return { offset: line * 10, length: 5, line, column: 3, endLine: line, endColumn: 8 };
}

type Num = string | number | null | undefined;
const dec = (x: Num): Dec | null => (x === null || x === undefined ? null : new Dec(x));

export interface MarketInput {
  markPrice?: Num;
  mmr?: Num;
  cum?: Num;
  maxLeverage?: Num;
  contractSize?: Num;
  takerFee?: Num;
  fundingRate?: Num;
  tiers?: TierTable | string | null;
}

export function market(symbol: string, m: MarketInput = {}): MarketSpec {
  return {
    symbol,
    markPrice: dec(m.markPrice),
    markTime: null,
    tiers: m.tiers ?? null,
    mmr: dec(m.mmr),
    cum: dec(m.cum),
    maxLeverage: dec(m.maxLeverage),
    contractSize: dec(m.contractSize),
    tickSize: null,
    stepSize: null,
    takerFee: dec(m.takerFee),
    fundingRate: dec(m.fundingRate),
    fundingInterval: null,
    volatility: null,
    impliedVolatility: null,
    history: null,
    dailyVolume: null,
    orderBook: null,
    liquidationFee: null,
  };
}

export interface PositionInput extends MarketInput {
  id?: string;
  symbol?: string;
  side?: 'long' | 'short';
  size: Num;
  entryPrice: Num;
  marginMode?: 'cross' | 'isolated';
  isolatedMargin?: Num;
  leverage?: Num;
}

let line = 10;
export function position(p: PositionInput): PerpPosition {
  const symbol = p.symbol ?? 'BTCUSDT';
  const side = p.side ?? 'long';
  line += 1;
  return {
    id: p.id ?? `${symbol}-${side}-${line}`,
    symbol,
    side,
    size: new Dec(p.size ?? 0),
    entryPrice: new Dec(p.entryPrice ?? 0),
    marginMode: p.marginMode ?? (p.isolatedMargin !== undefined || p.leverage !== undefined ? 'isolated' : 'cross'),
    isolatedMargin: dec(p.isolatedMargin),
    leverage: dec(p.leverage),
    market: market(symbol, p),
    reportedLiquidationPrice: null,
    span: span(line),
    fields: { markPrice: span(line + 1), tiers: span(line + 2), mmr: span(line + 3), maxLeverage: span(line + 4) },
  };
}

export function account(venue: PerpVenueId, positions: PositionInput[], extra: Partial<PerpAccount> & { wallet?: Num } = {}): PerpAccount {
  const { wallet, ...rest } = extra;
  return {
    kind: 'perp',
    venue,
    account: null,
    settleCurrency: null,
    positionMode: 'one-way',
    walletBalance: dec(wallet),
    walletSource: 'file',
    asOf: null,
    positions: positions.map(position),
    readOnly: false,
    span: span(1),
    fields: {},
    ...rest,
  };
}

export function table(rows: Array<[Num, Num, Num, Num]>, opts: { upperInclusive?: boolean; spans?: boolean } = {}): TierTable {
  const tiers: Tier[] = rows.map(([floor, cap, mmr, cum], i) => ({
    floor: new Dec(floor ?? 0),
    cap: dec(cap),
    mmr: new Dec(mmr ?? 0),
    cum: dec(cum),
    maxLeverage: null,
    ...(opts.spans === false ? {} : { span: span(100 + i) }),
  }));
  return { source: 'inline', date: null, tiers, upperInclusive: opts.upperInclusive ?? false };
}

/** Vectors copied from /work/shared/vectors/exchanges.json. */
import vectors from '../../fixtures/perp/exchanges.json';
export interface Vector {
  group: string;
  name: string;
  value: string;
  expected?: string;
  tolerance?: string;
}
export function vector(group: string, name: string): Vector {
  const v = (vectors as Vector[]).find((x) => x.group === group && x.name === name);
  if (!v) throw new Error(`no vector ${group}/${name}`);
  return v;
}
export const allVectors = vectors as Vector[];

/** 30 significant digits, half-even, as fmt() prints. */
export const sig30 = (x: Dec | string): string => new Dec(x).toSignificantDigits(30, Dec.ROUND_HALF_EVEN).toFixed();
