// No silent misreads (issue 14): a number with a typing slip is an error on the whole value, never a different number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberSlip } from '../../../src/engine/parse/number-slips';
import type { ParsedFile } from '../../../src/engine/core/types';
import { at, codes, locate, parse, perp, where } from './helpers';

const yamlFlow = (mark: string) => `version: 1\nvenue: binance-usdm\nwalletBalance: "10000"\nmarkets:\n  BTCUSDT: { markPrice: ${mark}, volatility: 0.55 }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "95000" }\n`;
const yamlBlock = (mark: string) => `version: 1\nvenue: binance-usdm\nwalletBalance: "10000"\nmarkets:\n  BTCUSDT:\n    markPrice: ${mark}\n    volatility: 0.55\npositions:\n  - symbol: BTCUSDT\n    side: long\n    size: "1"\n    entryPrice: "95000"\n`;
const json = (mark: string) => `{\n  "version": 1, "venue": "binance-usdm", "walletBalance": "10000",\n  "markets": { "BTCUSDT": { "markPrice": ${mark}, "volatility": 0.55 } },\n  "positions": [ { "symbol": "BTCUSDT", "side": "long", "size": "1", "entryPrice": "95000" } ]\n}\n`;
const csv = (mark: string) => `venue,symbol,side,size,entry_price,mark_price,wallet_balance\nbinance-usdm,BTCUSDT,long,1,95000,${mark},10000\n`;

function markOf(r: ParsedFile): string | null {
  const p = r.accounts[0]?.kind === 'perp' ? r.accounts[0].positions[0] : undefined;
  return p?.market.markPrice ? p.market.markPrice.toFixed() : null;
}

describe('the reported case: 94,500 in a YAML flow map', () => {
  it('is an error on the whole value with the fix "94500", and no stray key', () => {
    const t = yamlFlow('94,500');
    const r = parse('a.yaml', t);
    const d = r.diagnostics.find((x) => x.code === 'non-decimal-amount')!;
    expect(d.severity).toBe('error');
    expect(where(d)).toBe(at(t, '94,500'));
    expect(d.suggestion).toEqual({ title: 'Replace with "94500"', replacement: '"94500"' });
    expect(codes(r)).not.toContain('unknown-key');
    expect(markOf(r)).toBeNull();
  });

  it('in JSON: one error on the value (no scanner fragments), the fix quoted', () => {
    const t = json('94,500');
    const r = parse('a.json', t);
    expect(r.diagnostics.map((x) => [x.code, where(x)])).toEqual([['non-decimal-amount', at(t, '94,500')]]);
    expect(r.diagnostics[0]!.suggestion?.replacement).toBe('"94500"');
    expect(markOf(r)).toBeNull();
  });

  it('in a YAML block map and a quoted value: the fix keeps the quotes', () => {
    const r = parse('a.yaml', yamlBlock("'94,500'"));
    expect(r.diagnostics[0]!.suggestion?.replacement).toBe("'94500'");
    expect(parse('a.yaml', yamlBlock('"94,500"')).diagnostics[0]!.suggestion?.replacement).toBe('"94500"');
    expect(parse('a.yaml', yamlBlock('94,500')).diagnostics[0]!.suggestion?.replacement).toBe('"94500"');
  });

  it('in CSV: an unquoted 94,500 makes the row unknown with the fix on both cells; a quoted one is refused', () => {
    const t = csv('94,500');
    const r = parse('a.csv', t);
    const d = r.diagnostics.find((x) => x.code === 'non-decimal-amount')!;
    expect(where(d)).toBe(at(t, '94,500'));
    expect(d.suggestion?.replacement).toBe('94500');
    expect(r.unknown.map((u) => u.symbol)).toEqual(['BTCUSDT']);
    const q = parse('a.csv', csv('"94,500"'));
    expect(q.diagnostics[0]!.suggestion?.replacement).toBe('94500');
    expect(markOf(q)).toBeNull();
  });
});

describe('the comma rule (number-slips.ts)', () => {
  it.each([
    ['94,500', '94500'], ['1,234,567.25', '1234567.25'], ['-1,000', '-1000'], ['1,5', '1.5'], ['0,500', '0.500'],
    ['1234,5', '1234.5'], ['1.234,56', '1234.56'], ['94 500', '94500'], ['94_500', '94500'], ["1'000'000", '1000000'],
  ])('%s → %s', (slip, fix) => {
    expect(numberSlip(slip)?.fix).toBe(fix);
  });
  it.each(['1,50,0', '12,34'.replace('34', '3,4')])('%s has no certain fix', (slip) => {
    expect(numberSlip(slip)?.fix ?? null).toBeNull();
  });
  it('a 3-digit group after one comma names the decimal reading too', () => {
    expect(numberSlip('1,500')?.advice).toContain('"1.500"');
  });
});

/** A price from 1,000 to 999,999,999.99 and how it is mis-typed. */
const slipArb = fc.tuple(fc.integer({ min: 1000, max: 999_999_999 }), fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }), fc.constantFrom('comma', 'space', 'underscore', 'european', 'decimal-comma'))
  .map(([n, cents, style]) => {
    const int = String(n);
    const groups = int.replace(/\B(?=(\d{3})+(?!\d))/g, '|').split('|');
    const frac = cents === undefined ? '' : String(cents).padStart(2, '0');
    switch (style) {
      case 'comma': return groups.join(',') + (frac ? `.${frac}` : '');
      case 'space': return groups.join(' ') + (frac ? `.${frac}` : '');
      case 'underscore': return groups.join('_') + (frac ? `.${frac}` : '');
      case 'european': return groups.join('.') + `,${frac || '0'}`;
      default: return `${n % 1000},${frac || '5'}`;
    }
  });

describe('generated slips are never read as a different number', () => {
  const places: Array<[string, string, (s: string) => string]> = [
    ['YAML flow map', 'a.yaml', yamlFlow],
    ['YAML block map', 'a.yaml', yamlBlock],
    ['YAML quoted', 'a.yaml', (s) => yamlBlock(`"${s}"`)],
    ['JSON bare', 'a.json', json],
    ['JSON string', 'a.json', (s) => json(`"${s}"`)],
    ['CSV unquoted', 'a.csv', csv],
    ['CSV quoted', 'a.csv', (s) => csv(`"${s}"`)],
  ];
  for (const [name, file, make] of places) {
    it(name, () => {
      fc.assert(fc.property(slipArb, (slip) => {
        const t = make(slip);
        const r = parse(file, t);
        // The mark is refused (null) or the whole row is unknown; an error sits on the value.
        expect(markOf(r)).toBeNull();
        const errs = r.diagnostics.filter((d) => d.severity === 'error');
        expect(errs.length).toBeGreaterThan(0);
        const v = locate(t, slip);
        const covers = errs.some((d) => d.line === v.line && d.endLine === v.line && d.column <= v.column && d.endColumn >= v.endColumn);
        expect(covers, JSON.stringify(r.diagnostics)).toBe(true);
        // A fix, when offered, is the number meant.
        for (const d of errs) if (d.suggestion) expect(d.suggestion.replacement.replace(/["']/g, '')).toMatch(/^-?\d+(\.\d+)?$/);
      }), { numRuns: 150 });
    });
  }

  it('the other positions of a file keep their values', () => {
    const t = 'version: 1\nvenue: binance-usdm\nwalletBalance: "10000"\nmarkets:\n  BTCUSDT: { markPrice: 94,500 }\n  ETHUSDT: { markPrice: "3000" }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "95000" }\n  - { symbol: ETHUSDT, side: long, size: "2", entryPrice: "3100" }\n';
    const ps = perp(parse('a.yaml', t)).positions;
    expect(ps.map((p) => p.market.markPrice?.toFixed() ?? null)).toEqual([null, '3000']);
  });
});
