// "Did you mean" diagnostics carry a machine-applicable suggestion (issue 14): applying it to the diagnostic's range
// gives a file the reader accepts, in the file's own quoting style.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/engine/core/types';
import { parse } from './helpers';

/** The text with a diagnostic's suggestion applied (line/column → offsets). */
function apply(text: string, d: Diagnostic): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const a = starts[d.line - 1]! + d.column - 1;
  const b = starts[d.endLine - 1]! + d.endColumn - 1;
  return text.slice(0, a) + d.suggestion!.replacement + text.slice(b);
}

const Y = 'version: 1\nvenue: binance-usdm\nwalletBalance: "10000"\nmarkets:\n  BTCUSDT: { markPrice: "94500", mmr: "0.004" }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "95000" }\n';
const J = '{"version": 1, "venue": "binance-usdm", "walletBalance": "10000", "markets": {"BTCUSDT": {"markPrice": "94500", "mmr": "0.004"}}, "positions": [{"symbol": "BTCUSDT", "side": "long", "size": "1", "entryPrice": "95000"}]}';

describe('suggestions', () => {
  it.each([
    ['a.yaml', Y.replace('entryPrice', 'entryPirce'), 'unknown-key', 'entryPrice'],
    ['a.yaml', Y.replace('entryPrice', "'entryPirce'"), 'unknown-key', "'entryPrice'"],
    ['a.json', J.replace('entryPrice', 'entryPirce'), 'unknown-key', '"entryPrice"'],
    ['a.yaml', Y.replace('venue: binance-usdm', 'venue: binance-usd'), 'unknown-venue', 'binance-usdm'],
    ['a.json', J.replace('"binance-usdm"', '"binanse-usdm"'), 'unknown-venue', '"binance-usdm"'],
    ['a.yaml', Y.replace('mmr: "0.004"', 'mmr: 5'), 'fraction-out-of-range', '0.05'],
    ['a.yaml', Y.replace('mmr: "0.004"', 'mmr: "40"'), 'fraction-out-of-range', '"0.4"'],
    ['a.json', J.replace('"mmr": "0.004"', '"mmr": 250'), 'fraction-out-of-range', '0.025'],
    ['a.yaml', Y.replace('markPrice: "94500"', 'markPrice: 94,500'), 'non-decimal-amount', '"94500"'],
  ])('%s %#: %s', (file, text, code, replacement) => {
    const r = parse(file, text);
    const d = r.diagnostics.find((x) => x.code === code)!;
    expect(d.suggestion?.replacement).toBe(replacement);
    const fixed = parse(file, apply(text, d));
    expect(fixed.diagnostics.filter((x) => x.severity !== 'hint'), apply(text, d)).toEqual([]);
  });

  it('a CSV header keeps its snake_case', () => {
    const t = 'venue,symbol,side,size,entry_pirce,mark_price,wallet_balance\nbinance-usdm,BTCUSDT,long,1,95000,94500,10000\n';
    const d = parse('a.csv', t).diagnostics.find((x) => x.code === 'unknown-column')!;
    expect(d.suggestion).toEqual({ title: 'Rename to entry_price', replacement: 'entry_price' });
  });

  it('a percent string has no certain fraction fix', () => {
    const d = parse('a.yaml', Y.replace('mmr: "0.004"', 'mmr: "400%"')).diagnostics.find((x) => x.code === 'fraction-out-of-range')!;
    expect(d.suggestion).toBeUndefined();
  });
});
