// Generated large position files for the scale checks (never committed): isolated positions with fat margins, so
// nothing is at risk and no fix search runs (the engine's fix searches are slow until the linear engine lands).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SYMBOLS = [['BTCUSDT', '97250.4', '0.004'], ['ETHUSDT', '3612.55', '0.005'], ['SOLUSDT', '182.415', '0.01'], ['XRPUSDT', '2.1534', '0.01']];

/** One native JSON file with `n` isolated positions (each with 3× its notional as margin: safe). */
export function bigBookText(n, { account = 'big', pinned = '2026-11-24T07:00:00Z' } = {}) {
  const markets = Object.fromEntries(SYMBOLS.map(([s, mark, mmr]) => [s, { markPrice: mark, mmr, cum: '0', volatility: 0.6 }]));
  const positions = [];
  for (let i = 0; i < n; i++) {
    const [symbol, mark] = SYMBOLS[i % SYMBOLS.length];
    const size = String(1 + (i % 7));
    const notional = Number(mark) * Number(size);
    positions.push({ id: `p${i}`, symbol, side: i % 2 ? 'short' : 'long', size, entryPrice: mark, isolatedMargin: (notional * 3).toFixed(2) });
  }
  const doc = { version: 1, venue: 'binance-usdm', account, marginMode: 'isolated', settleCurrency: 'USDT',
    ...(pinned ? { risk: { evaluationTime: pinned } } : {}), markets, positions };
  return JSON.stringify(doc, null, 1);
}

export function writeBigBook(dir, name, n, opts) {
  const path = join(dir, name);
  writeFileSync(path, bigBookText(n, opts));
  return path;
}
