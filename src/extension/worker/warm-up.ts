// JIT warm-up of a fresh evaluation worker: V8 runs the engine's hot paths (the located reader, Decimal arithmetic,
// the solver, probabilities, the fix searches) interpreted until they have run often enough to be compiled, so a cold
// worker took 2–4× as long over the first file of a workspace as over the next ones. While the extension searches the
// workspace (the worker is idle then), the worker evaluates a small generated book in slices of one file, and stops at
// its first request: a real request waits at most one slice.
import { evaluateFile } from '../../engine/evaluate/evaluate-file';

const EVALUATION_TIME = '2026-11-24T07:00:00Z';
const AS_OF = '2026-11-24T06:59:00Z';
const SLICES = 48;

/** A native JSON file of `n` positions, isolated or legs of one cross account (a symbol each), some at risk. */
export function warmUpFile(marginMode: 'isolated' | 'cross', n: number): string {
  const marks = [97250.4, 3612.55, 182.415, 0.41235];
  const markets: Record<string, object> = {};
  const positions = Array.from({ length: n }, (_, i) => {
    const mark = marks[i % marks.length]!;
    const symbol = marginMode === 'cross' ? `C${i}USDT` : `W${i % marks.length}USDT`;
    markets[symbol] = { markPrice: String(mark), mmr: '0.005', cum: '0', volatility: 0.6 + (i % 5) / 10, stepSize: '0.001' };
    const size = ((20000 / mark) * (1 + (i % 7) / 2)).toFixed(3);
    const entry = (mark * (0.96 + (i % 9) / 100)).toPrecision(8);
    const leverage = 2 + (i % 11) * 2;
    return {
      id: `w${i}`, symbol, side: i % 2 ? 'short' : 'long', size, entryPrice: entry,
      ...(marginMode === 'isolated' ? { isolatedMargin: ((Number(size) * Number(entry)) / leverage).toFixed(2) } : {}),
    };
  });
  const wallet = marginMode === 'cross' ? { walletBalance: String(n * 300) } : {};
  return JSON.stringify({
    version: 1, venue: 'binance-usdm', account: `warm-up-${marginMode}`, marginMode, settleCurrency: 'USDT', ...wallet,
    asOf: AS_OF, risk: { evaluationTime: EVALUATION_TIME }, markets, positions,
  });
}

/** Evaluates the warm-up book, one file a macrotask, until `stop()` says a request came. */
export function warmUp(stop: () => boolean, schedule: (fn: () => void) => void = setImmediate): void {
  // small files: a request that comes during a slice waits for it (a cold slice of 60 positions took ~110 ms, of 15 ~50 ms)
  const files = [warmUpFile('isolated', 15), warmUpFile('cross', 10)];
  let slice = 0;
  const next = (): void => {
    if (stop() || slice >= SLICES) return;
    const text = files[slice++ % files.length]!;
    try {
      evaluateFile({ path: 'warm-up.positions.json', absPath: '/warm-up.positions.json', text }, { preview: true }).complete?.();
    } catch {
      // warm-up only: a real request reports its own errors
    }
    schedule(next);
  };
  schedule(next);
}
