import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseFile, PARSE_CODES } from '../../../src/engine/parse/index';
import { at, codes, diag, parse, perp, where } from './helpers';

const SIMPLE = 'version: 1\nvenue: binance-usdm\nwalletBalance: "100"\nmarkets:\n  BTCUSDT: { markPrice: "100", mmr: "0.01" }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "x1" }\n';

describe('encodings and line endings', () => {
  it('CRLF YAML keeps lines and columns', () => {
    const t = SIMPLE.replace(/\n/g, '\r\n');
    const r = parse('a.yaml', t);
    expect(where(diag(r, 'non-decimal-amount'))).toBe(at(SIMPLE, '"x1"'));
  });

  it('a BOM does not count in line 1 columns; offsets index the given text', () => {
    const t = '\uFEFFversion: 1\nvenue: nope\npositions: []\n';
    const r = parse('a.yaml', t);
    expect(where(diag(r, 'unknown-venue'))).toBe('2:8-12');
    const j = '\uFEFF{"version": 1, "venue": "nope", "positions": []}';
    expect(where(diag(parse('a.json', j), 'unknown-venue'))).toBe('1:25-31');
    const y = parse('a.yaml', '\uFEFFversion: 1\nvenue: binance-usdm\nwalletBalance: "1"\nmarkets: { BTCUSDT: { markPrice: "1" } }\npositions: [{ symbol: BTCUSDT, size: "1", entryPrice: "1" }]\n');
    const p = perp(y).positions[0]!;
    expect(y.diagnostics).toEqual([]);
    expect(p.fields.size!.offset).toBe('\uFEFFversion: 1\nvenue: binance-usdm\nwalletBalance: "1"\nmarkets: { BTCUSDT: { markPrice: "1" } }\npositions: [{ symbol: BTCUSDT, size: '.length);
  });

  it('a BOM on line 1 of JSON shifts no column', () => {
    const r = parse('a.json', '\uFEFF{"version": 1, "venue": "binance-usdm", "positions": [], "x": 1}');
    expect(where(diag(r, 'unknown-key'))).toBe('1:58-61');
  });

  it('decodeUtf8 reports the first invalid byte at its line and column', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('version: 1\nvenue: é'), 0xff, ...new TextEncoder().encode('\n')]);
    const { text, diagnostics } = decodeUtf8(bytes);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe('invalid-utf8');
    expect(where(diagnostics[0]!)).toBe('2:9-10');
    expect(diagnostics[0]!.message).toContain('0xFF');
    expect(text).toContain('\uFFFD');
    const ok = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.text).toBe('\uFEFFa');
    // truncated multi-byte sequence and an overlong encoding
    expect(where(decodeUtf8(new Uint8Array([0x61, 0xe2, 0x82])).diagnostics[0]!)).toBe('1:2-3');
    expect(where(decodeUtf8(new Uint8Array([0x0a, 0xc0, 0x80])).diagnostics[0]!)).toBe('2:1-2');
  });
});

describe('JSON strictness', () => {
  it('comments and trailing commas in .json are errors but the file is still read', () => {
    const t = '{\n  // desk\n  "version": 1,\n  "venue": "binance-usdm",\n  "walletBalance": "1",\n  "markets": { "X": { "markPrice": "1", "mmr": "0.01" } },\n  "positions": [ { "symbol": "X", "size": "1", "entryPrice": "1" }, ]\n}';
    const r = parse('a.json', t);
    const errs = r.diagnostics.filter((d) => d.code === 'invalid-json');
    expect(errs.map(where)).toEqual(['2:3-10', at(t, ',', '"1" }')]);
    expect(perp(r).positions).toHaveLength(1);
    expect(codes(parse('a.jsonc', t))).not.toContain('invalid-json');
  });

  it('malformed JSON is located', () => {
    const r = parse('a.json', '{\n  "version": 1\n  "venue": "x"\n}');
    expect(diag(r, 'invalid-json').line).toBe(3);
  });

  it('duplicate keys warn; the last wins', () => {
    const r = parse('a.json', '{"version": 1, "venue": "nope", "venue": "binance-usdm", "positions": []}');
    expect(where(diag(r, 'duplicate-key'))).toBe('1:33-40');
    expect(r.venue).toBe('binance-usdm');
  });
});

describe('hostile input never throws', () => {
  const cases: Array<[string, string]> = [
    ['a.json', ''], ['a.yaml', ''], ['a.csv', ''], ['a.json', '[]'], ['a.json', 'null'], ['a.yaml', 'null'], ['a.json', '42'],
    ['a.json', '"str"'], ['a.yaml', '- 1\n- 2'], ['a.json', '{}'], ['a.yaml', '{'], ['a.json', '['.repeat(100000)],
    ['a.yaml', '['.repeat(5000)], ['a.yaml', '- '.repeat(3000) + 'x'], ['a.json', '{"a":'.repeat(300) + '1' + '}'.repeat(300)],
    ['a.json', `{"version":1,"venue":"binance-usdm","positions":[{"symbol":"${'X'.repeat(1_000_000)}"}]}`],
    ['a.csv', 'venue,symbol\n' + 'a,'.repeat(500_000)],
    ['a.yaml', 'a: &a [*a]\n'], ['a.yaml', 'a: &x [1,2]\nb: [*x,*x,*x,*x]\nc: [*b]\n'],
    ['a.json', '{"version":1,"venue":1,"markets":[],"positions":{"a":1},"risk":"x","walletBalance":{}}'],
    ['a.json', '{"version":1,"venue":"binance-usdm","markets":{"X":1,"Y":[]},"positions":[1,null,"x",[],{"symbol":{},"size":[],"entryPrice":true,"side":3,"id":{},"marginMode":[],"tiers":5}]}'],
    ['a.json', '{"version":1,"venue":"aave-v3","markets":{"A":{"price":{},"decimals":"x","stable":5}},"eModeCategories":[],"loans":[1,{"collateral":{},"debt":[1,{"asset":[],"amount":{}}]}]}'],
    ['a.json', '{"exchange":5,"positions":[1,{"symbol":5,"contracts":"x","side":[],"info":3}],"balance":[],"leverageTiers":{"X":5}}'],
    ['a.json', '[{"symbol":"BTC/USDT:USDT","contracts":-1,"entryPrice":"abc"},{"symbol":null}]'],
    ['a.json', '{"assetPositions":[1,{"position":{"szi":{},"leverage":5}}],"marginSummary":1,"time":"x"}'],
    ['a.json', '{"assetPositions":{},"crossMarginSummary":{}}'],
    ['a.yaml', 'version: 1\nvenue: binance-usdm\nrisk: { probability: 5, horizon: [], tails: x, zz: 1 }\npositions: ~\n'],
    ['x.txt', 'venue,symbol,side\nbinance-usdm,BTCUSDT,long\n'], ['x', '\u0000\u0001\u0002'], ['a.csv', '"unclosed\n'],
  ];
  for (const [path, text] of cases) {
    it(`${path} ${JSON.stringify(text.slice(0, 40))}`, () => {
      const r = parseFile(path, text);
      expect(r.path).toBe(path);
      expect(Array.isArray(r.diagnostics)).toBe(true);
      expect(r.diagnostics.every((d) => d.line >= 1 && d.column >= 1 && PARSE_CODES[d.code] !== undefined)).toBe(true);
      expect(codes(r)).not.toContain('internal-error');
    });
  }

  it('random JSON values never throw and every diagnostic has a published code', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (v, wrap) => {
        const value = wrap ? { version: 1, venue: 'binance-usdm', positions: [v], markets: { X: v } } : v;
        const r = parseFile('f.json', JSON.stringify(value));
        return r.diagnostics.every((d) => PARSE_CODES[d.code] !== undefined && d.code !== 'internal-error');
      }),
      { numRuns: 300 },
    );
  });

  it('random text never throws in any format', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('a.json', 'a.yaml', 'a.csv', 'a'), (s, p) => {
        const r = parseFile(p, s);
        return !codes(r).includes('internal-error');
      }),
      { numRuns: 300 },
    );
  });

  it('a 1 MB line is located exactly', () => {
    const pad = ' '.repeat(1_000_000);
    const r = parse('a.yaml', `version: 1\nvenue:${pad}nope\npositions: []\n`);
    expect(where(diag(r, 'unknown-venue'))).toBe(`2:${1_000_007}-${1_000_011}`);
  });
});

describe('PARSE_CODES', () => {
  it('lists every code the reader emits, kebab-case, with a description', () => {
    const dir = join(__dirname, '../../../src/engine/parse');
    const used = new Set<string>();
    // the reader's files, one level of sub-folders included
    const files = readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? readdirSync(join(dir, e.name)).map((f) => join(e.name, f)) : [e.name]));
    for (const f of files) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/\.(?:error|warning|info|hint)\('([a-z0-9-]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/code: '([a-z0-9-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const c of used) expect(PARSE_CODES[c], c).toBeTypeOf('string');
    for (const [c, d] of Object.entries(PARSE_CODES)) {
      expect(c).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.length).toBeGreaterThan(10);
    }
  });
});

describe('format and dialect detection', () => {
  it('sniffs content when the extension says nothing', () => {
    expect(parseFile('x', '{"version":1,"venue":"binance-usdm","positions":[]}').format).toBe('json');
    expect(parseFile('x', 'venue,symbol,side,size\n').format).toBe('csv');
    expect(parseFile('x', 'version: 1\nvenue: binance-usdm\npositions: []\n').format).toBe('yaml');
  });
  it('unknown content is a diagnostic', () => {
    const r = parseFile('a.json', '{"hello": "world"}');
    expect(diag(r, 'unknown-dialect').severity).toBe('error');
    expect(r.accounts).toEqual([]);
  });
  it('YAML ccxt dumps and hyperliquid states are recognised', () => {
    expect(parseFile('a.yaml', 'exchange: okx\npositions: []\n').dialect).toBe('ccxt');
    expect(parseFile('a.yaml', 'assetPositions: []\nmarginSummary: {}\n').dialect).toBe('hyperliquid');
  });
});
