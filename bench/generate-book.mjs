// Deterministic books for `npm run bench` (issue 10 §6), written to a temp folder by the caller, never committed.
// Shapes: "isolated" (isolated positions on 20 symbols), "fat-cross" (one cross account per file, one symbol per leg,
// a wallet far above maintenance: nothing at risk), "thin-cross" (the same legs with a wallet just above maintenance,
// so a good share of the legs sit at watch or worse). Formats: json (native), yaml (native, block style), csv.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EVAL = '2026-11-24T07:00:00Z';
const AS_OF = '2026-11-24T06:59:00Z';
const MMR = 0.005;

/** mulberry32: the same numbers on every machine and Node version. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dp = (x, n) => x.toFixed(n);

function leg(rnd, symbol, i) {
  const mark = 10 ** (rnd() * 5 - 0.5); // 0.3 … 30,000
  const decimals = Math.max(2, 6 - Math.ceil(Math.log10(mark)));
  const side = rnd() < 0.5 ? 'long' : 'short';
  const entry = mark * (0.95 + rnd() * 0.1);
  const size = (20000 / mark) * (0.5 + rnd() * 4);
  return { id: `p${i}`, symbol, side, mark: Number(dp(mark, decimals)), entry: Number(dp(entry, decimals)), size: Number(dp(size, 3)) || 0.001, decimals,
    vol: Number(dp(0.5 + rnd() * 0.6, 3)), funding: dp((rnd() - 0.5) * 0.0004, 6) };
}

/** One file's model: { account, marginMode, walletBalance?, markets: {sym: {...}}, positions: [...] } */
export function bookFile(shape, perFile, fileIndex, seed = 20261124) {
  const rnd = rng(seed + fileIndex * 7919 + (shape === 'isolated' ? 0 : shape === 'fat-cross' ? 1 : 2) * 104729);
  const markets = {};
  const positions = [];
  if (shape === 'isolated') {
    const syms = Array.from({ length: 20 }, (_, k) => leg(rnd, `I${String(k).padStart(2, '0')}USDT`, k));
    for (const s of syms) markets[s.symbol] = s;
    for (let i = 0; i < perFile; i++) {
      const s = syms[i % 20];
      const side = rnd() < 0.5 ? 'long' : 'short';
      const entry = Number(dp(s.mark * (0.95 + rnd() * 0.1), s.decimals));
      const size = Number(dp((20000 / s.mark) * (0.5 + rnd() * 4), 3)) || 0.001;
      const leverage = 2 + rnd() ** 2 * 18; // mostly 2–8×, a few up to 20×
      positions.push({ id: `p${i}`, symbol: s.symbol, side, size, entry, isolatedMargin: dp((size * entry) / leverage, 2) });
    }
    return { account: `iso-${fileIndex}`, marginMode: 'isolated', markets, positions };
  }
  let mm = 0, upnl = 0;
  for (let i = 0; i < perFile; i++) {
    const l = leg(rnd, `C${String(i).padStart(5, '0')}USDT`, i);
    markets[l.symbol] = l;
    positions.push({ id: l.id, symbol: l.symbol, side: l.side, size: l.size, entry: l.entry });
    mm += l.size * l.mark * MMR;
    upnl += (l.side === 'long' ? 1 : -1) * l.size * (l.mark - l.entry);
  }
  // margin balance = k × maintenance; thin: k − 1 shrinks with the leg count so a leg's distance does not.
  const k = shape === 'fat-cross' ? 20 : 1 + (30 + rnd() * 20) / perFile;
  return { account: `${shape}-${fileIndex}`, marginMode: 'cross', walletBalance: dp(k * mm - upnl, 2), markets, positions };
}

function marketJson(m) {
  return { markPrice: String(m.mark), mmr: String(MMR), cum: '0', volatility: m.vol, fundingRate: m.funding, stepSize: '0.001' };
}

export function toJson(f) {
  const doc = { version: 1, venue: 'binance-usdm', account: f.account, marginMode: f.marginMode, settleCurrency: 'USDT',
    ...(f.walletBalance ? { walletBalance: f.walletBalance } : {}), asOf: AS_OF, risk: { evaluationTime: EVAL },
    markets: Object.fromEntries(Object.entries(f.markets).map(([k, m]) => [k, marketJson(m)])),
    positions: f.positions.map((p) => ({ id: p.id, symbol: p.symbol, side: p.side, size: String(p.size), entryPrice: String(p.entry),
      ...(p.isolatedMargin ? { isolatedMargin: p.isolatedMargin } : {}) })) };
  return JSON.stringify(doc, null, 1);
}

export function toYaml(f) {
  const q = (s) => `"${s}"`;
  const lines = ['version: 1', 'venue: binance-usdm', `account: ${f.account}`, `marginMode: ${f.marginMode}`, 'settleCurrency: USDT'];
  if (f.walletBalance) lines.push(`walletBalance: ${q(f.walletBalance)}`);
  lines.push(`asOf: ${q(AS_OF)}`, 'risk:', `  evaluationTime: ${q(EVAL)}`, 'markets:');
  for (const [k, m] of Object.entries(f.markets)) {
    lines.push(`  ${k}:`, `    markPrice: ${q(m.mark)}`, `    mmr: ${q(MMR)}`, `    cum: "0"`, `    volatility: ${m.vol}`, `    fundingRate: ${q(m.funding)}`, `    stepSize: "0.001"`);
  }
  lines.push('positions:');
  for (const p of f.positions) {
    lines.push(`  - id: ${p.id}`, `    symbol: ${p.symbol}`, `    side: ${p.side}`, `    size: ${q(p.size)}`, `    entryPrice: ${q(p.entry)}`);
    if (p.isolatedMargin) lines.push(`    isolatedMargin: ${q(p.isolatedMargin)}`);
  }
  return lines.join('\n') + '\n';
}

export function toCsv(f) {
  const rows = ['venue,account,symbol,side,size,entry_price,mark_price,margin_mode,isolated_margin,wallet_balance,mmr,cum,volatility'];
  f.positions.forEach((p, i) => {
    const m = f.markets[p.symbol];
    const wallet = f.walletBalance && i === 0 ? f.walletBalance : '';
    rows.push(['binance-usdm', f.account, p.symbol, p.side, p.size, p.entry, m.mark, f.marginMode, p.isolatedMargin ?? '', wallet, MMR, 0, m.vol].join(','));
  });
  return rows.join('\n') + '\n';
}

/** Writes `positions` positions of `shape` as `format` files of `perFile` positions into `dir`; returns the file paths. */
export function writeBook(dir, { shape, positions, perFile = 1000, format = 'json' }) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  const n = Math.ceil(positions / perFile);
  for (let i = 0; i < n; i++) {
    const count = Math.min(perFile, positions - i * perFile);
    const f = bookFile(shape, count, i);
    const text = format === 'json' ? toJson(f) : format === 'yaml' ? toYaml(f) : toCsv(f);
    const path = join(dir, `${shape}-${String(i).padStart(4, '0')}.positions.${format}`);
    writeFileSync(path, text);
    files.push(path);
  }
  return files;
}
