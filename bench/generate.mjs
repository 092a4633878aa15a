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
