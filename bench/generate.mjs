// Synthetic but realistic position files for the benchmark: cross and isolated Binance-style accounts.
export function generate(files, perFile, seed = 7) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const symbols = [['BTCUSDT', 97250.4], ['ETHUSDT', 3612.55], ['SOLUSDT', 182.415], ['BNBUSDT', 612.4], ['XRPUSDT', 2.4113]];
  const out = [];
  for (let f = 0; f < files; f++) {
    const markets = {};
    for (const [sym, mark] of symbols) markets[sym] = { markPrice: mark.toFixed(4), mmr: '0.005', cum: '0', volatility: 0.6 + rnd() * 0.4, fundingRate: '0.0001' };
    const positions = [];
    for (let i = 0; i < perFile; i++) {
      const [sym, mark] = symbols[i % symbols.length];
      const side = rnd() < 0.5 ? 'long' : 'short';
      const entry = mark * (0.9 + rnd() * 0.2);
      const size = (20000 / mark) * (0.5 + rnd() * 4);
      const iso = i % 3 === 0;
      positions.push({ id: `p${i}`, symbol: sym, side, size: size.toFixed(3), entryPrice: entry.toFixed(2),
        ...(iso ? { marginMode: 'isolated', isolatedMargin: ((size * entry) / (5 + rnd() * 20)).toFixed(2) } : {}) });
    }
    const doc = { version: 1, venue: 'binance-usdm', account: `acct-${f}`, marginMode: 'cross', walletBalance: String(50000 + Math.round(rnd() * 200000)),
      asOf: '2026-11-24T06:59:00Z', markets, positions };
    out.push({ path: `bench/acct-${f}.positions.json`, absPath: `/bench/acct-${f}.positions.json`, text: JSON.stringify(doc, null, 2) });
  }
  return out;
}

// ---- One large book per file (issue 10: linear engine). `node bench/generate.mjs <kind> <n> <out.json> [seed]` ----
// kinds: isolated, cross-thin (many legs at risk), cross-fat (nothing at risk), cross-20 (legs on 20 symbols, thin),
// okx-inverse (OKX BTC-USD-SWAP, cross and isolated), tiered (binance-usdm BTCUSDT bundled tiers, cross and isolated),
// cross-1 (every leg on one symbol, thin), tiered-20 (cross legs on 20 symbols with a 10-bracket table each, thin),
// bybit-fee (Bybit cross, one symbol per leg, a taker fee on every market: the fee to close couples the symbols).
const SYMBOLS20 = Array.from({ length: 20 }, (_, i) => [`S${i}USDT`, 10 + 7.3 * i]);
/** A 10-bracket table in the shape of Binance's (notional floors 0 … 15,000, cum continuous). */
const BRACKETS = (() => {
  const table = [[0, 0.01], [300, 0.0125], [600, 0.015], [1000, 0.02], [1500, 0.025], [2500, 0.05], [4000, 0.1], [6000, 0.125], [10000, 0.15], [15000, 0.25]];
  let cum = 0;
  return table.map(([floor, mmr], i) => {
    if (i > 0) cum += floor * (mmr - table[i - 1][1]);
    return { floor: String(floor), cap: table[i + 1] ? String(table[i + 1][0]) : '1000000', mmr: String(mmr), cum: cum.toFixed(4) };
  });
})();
const tierMm = (x) => { const t = BRACKETS.filter((r) => Number(r.floor) <= x).pop(); return x * Number(t.mmr) - Number(t.cum); };
export function generateBook(kind, n, seed = 11) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const base = { version: 1, venue: 'binance-usdm', account: `${kind}-${n}`, settleCurrency: 'USDT', asOf: '2026-11-24T06:59:00Z' };
  const positions = [];
  if (kind === 'okx-inverse') {
    const mark = 97250.4;
    for (let i = 0; i < n; i++) {
      const iso = i % 2 === 0;
      const side = rnd() < 0.5 ? 'long' : 'short';
      const size = 1 + Math.floor(rnd() * 200); // contracts of 100 USD
      const entry = mark * (0.92 + rnd() * 0.16);
      positions.push({ id: `p${i}`, symbol: 'BTC-USD-SWAP', side, size: String(size), entryPrice: entry.toFixed(1),
        ...(iso ? { marginMode: 'isolated', isolatedMargin: ((size * 100) / entry / (3 + rnd() * 30)).toFixed(6) } : {}) });
    }
    return { ...base, venue: 'okx', settleCurrency: 'BTC', marginMode: 'cross', walletBalance: String(0.02 * n),
      markets: { 'BTC-USD-SWAP': { markPrice: mark.toFixed(1), mmr: '0.004', takerFee: '0.0005', contractSize: '100', volatility: 0.55, fundingRate: '0.0001' } }, positions };
  }
  if (kind === 'tiered') {
    const mark = 97250.4;
    for (let i = 0; i < n; i++) {
      const iso = i % 2 === 0;
      const side = rnd() < 0.5 ? 'long' : 'short';
      const size = Math.exp(rnd() * 5) * 0.05; // 0.05 … 7 BTC: several tiers
      const entry = mark * (0.92 + rnd() * 0.16);
      positions.push({ id: `p${i}`, symbol: 'BTCUSDT', side, size: size.toFixed(3), entryPrice: entry.toFixed(1),
        ...(iso ? { marginMode: 'isolated', isolatedMargin: ((size * entry) / (3 + rnd() * 40)).toFixed(2) } : {}) });
    }
    return { ...base, marginMode: 'cross', walletBalance: String(3000 * n),
      markets: { BTCUSDT: { markPrice: mark.toFixed(1), tiers: 'binance-usdm/BTCUSDT', stepSize: '0.001', volatility: 0.6, fundingRate: '0.0001' } }, positions };
  }
  const few = kind === 'cross-20' || kind === 'tiered-20' ? SYMBOLS20 : kind === 'cross-1' ? SYMBOLS20.slice(0, 1) : null;
  const syms = few ?? Array.from({ length: n }, (_, i) => [`C${i}USDT`, 5 + (i % 97) * 3.1]);
  const markets = {};
  const used = few ? syms : syms.slice(0, n);
  for (const [sym, mark] of used) {
    markets[sym] = { markPrice: mark.toFixed(4), ...(kind === 'tiered-20' ? { tiers: BRACKETS } : { mmr: '0.01', cum: '0' }), stepSize: '0.001', volatility: 0.5 + rnd() * 0.6, fundingRate: '0.0001',
      ...(kind === 'bybit-fee' ? { takerFee: '0.00055' } : {}) };
  }
  let notional = 0, pnl = 0, mm = 0;
  for (let i = 0; i < n; i++) {
    const [sym, mark] = syms[i % syms.length];
    const side = kind === 'cross-1' || rnd() < 0.5 ? 'long' : 'short';
    const entry = mark * (0.9 + rnd() * 0.2);
    const size = (1000 / mark) * (0.5 + rnd() * 4);
    notional += size * mark;
    pnl += (side === 'long' ? 1 : -1) * size * (mark - entry);
    // Bybit's fee to close adds ~0.45 % of the notional here (a short's bankruptcy price lies far above its mark)
    mm += kind === 'tiered-20' ? tierMm(size * mark) : kind === 'bybit-fee' ? 0.0145 * size * mark : 0.01 * size * mark;
    positions.push({ id: `p${i}`, symbol: sym, side, size: size.toFixed(3), entryPrice: entry.toFixed(4),
      ...(kind === 'isolated' ? { marginMode: 'isolated', isolatedMargin: ((size * entry) / (4 + rnd() * 40)).toFixed(2) } : {}) });
  }
  // thin: MB − MM a fraction of one symbol's notional, so a good share of the legs is at watch or worse
  const groups = Math.min(n, syms.length);
  const wallet = kind === 'isolated' ? 0 : kind === 'cross-fat' ? notional * 2 : mm - pnl + ((few ? 0.02 : 0.12) * notional) / groups;
  return { ...base, ...(kind === 'bybit-fee' ? { venue: 'bybit-linear' } : {}), marginMode: kind === 'isolated' ? 'isolated' : 'cross',
    ...(kind === 'isolated' ? {} : { walletBalance: wallet.toFixed(2) }), markets, positions };
}

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [kind = 'isolated', n = '1000', out = `/tmp/${kind}-${n}.positions.json`, seed = '11'] = process.argv.slice(2);
  writeFileSync(out, JSON.stringify(generateBook(kind, Number(n), Number(seed)), null, 1));
  console.log(out);
}
