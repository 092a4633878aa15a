// Every output stays inert (issue 13 §6), the CLI: position files carrying the corpus in every string (account, id,
// symbol, market keys, unknown keys, an unknown venue, asset names, file names) → the table, Markdown, SARIF and stderr
// hold no raw ESC/CR/C1/bidi/zero-width character, no line a CI runner takes as a command, Markdown escapes markup and
// HTML, and 10,000-character names are cut.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers';
import { asciiJson, ciCommandLines, CORPUS, LONG_NAME, RAW_UNSAFE } from './inert-corpus';
import { guardCiLines, inertLines, markdownCode, markdownText, plainText } from '../../../src/presentation/inert-text';
import { tableReport } from '../../../src/presentation/table-report';

let dir = '';

function perpFile(s: string, i: number): unknown {
  return {
    version: 1, venue: 'binance-usdm', account: s, marginMode: 'cross', walletBalance: '25000', settleCurrency: 'USDT',
    risk: { evaluationTime: '2026-11-24T07:00:00Z' },
    markets: { [s]: { markPrice: '97250.4', mmr: '0.005', cum: '0', volatility: 0.6 } },
    positions: [{ id: s, symbol: s, side: 'long', size: '5', entryPrice: '100000', [s]: 'unknown key' }, { id: `ok-${i}`, symbol: s, side: 'long', size: '1', entryPrice: '99000' }],
  };
}

function loanFile(s: string): unknown {
  return {
    version: 1, venue: 'aave-v3', account: s, risk: { evaluationTime: '2026-11-24T07:00:00Z' },
    markets: { [s]: { price: '3412.5', liquidationThreshold: '0.83', decimals: 18, volatility: 0.7 }, USDC: { price: '1', decimals: 6, stable: true } },
    loans: [{ id: s, collateral: [{ asset: s, amount: '10' }], debt: [{ asset: 'USDC', amount: '28000' }] }],
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'll-inert-'));
  const sub = join(dir, 'books');
  mkdirSync(sub);
  CORPUS.forEach((s, i) => {
    writeFileSync(join(sub, `perp-${i}.positions.json`), asciiJson(perpFile(s, i)));
    writeFileSync(join(sub, `loan-${i}.positions.json`), asciiJson(loanFile(s)));
    writeFileSync(join(sub, `venue-${i}.positions.yaml`), `version: 1\nvenue: ${asciiJson(s)}\naccount: a\npositions: []\n`);
  });
  // names a file system allows
  writeFileSync(join(sub, 'x\n::error::pwned.positions.json'), asciiJson(perpFile('f', 99)));
  writeFileSync(join(sub, '\u001b[31mred\r.positions.json'), asciiJson(perpFile('g', 98)));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function expectInert(text: string): void {
  expect(text).not.toMatch(RAW_UNSAFE);
  expect(ciCommandLines(text)).toEqual([]);
}

describe('CLI outputs of hostile files', () => {
  it('table: inert, names cut', () => {
    const r = cli(['check', 'books', '--format', 'table', '--fail-on', 'none'], dir);
    expect(r.stdout).toContain('Liquidation Lens');
    expectInert(r.stdout);
    expectInert(r.stderr);
    expect(r.stdout).not.toContain('X'.repeat(200));
    expect(r.stdout).toContain('XXXX…');
    expect(r.stdout).toContain('x\\n::error::pwned.positions.json'); // the hostile file name, escaped on its line
  });

  it('markdown: inert, HTML literal, cells keep their column count', () => {
    const r = cli(['check', 'books', '--format', 'markdown', '--fail-on', 'none'], dir);
    expectInert(r.stdout);
    expectInert(r.stderr);
    for (const tag of ['<script', '<img', '<svg', '<a ']) expect(r.stdout).not.toContain(tag);
    expect(r.stdout).not.toMatch(/[^\\]\]\(javascript:/);
    expect(r.stdout).not.toContain('X'.repeat(200));
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| '));
    const header = rows[0]!.split(/(?<!\\)\|/).length;
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(header);
  });

  it('SARIF: valid JSON whose texts are inert', () => {
    const r = cli(['check', 'books', '--format', 'sarif', '--fail-on', 'none'], dir);
    expectInert(r.stdout);
    const sarif = JSON.parse(r.stdout);
    const texts: string[] = sarif.runs[0].results.map((x: { message: { text: string } }) => x.message.text);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).not.toMatch(RAW_UNSAFE);
      expect(t).not.toMatch(/[\r\n]/);
      expect(t).not.toContain('X'.repeat(200));
    }
  });

  it('JSON stays exact (a data format: strings escaped by JSON itself, no raw control character)', () => {
    const r = cli(['check', 'books', '--format', 'json', '--fail-on', 'none'], dir);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(JSON.parse(r.stdout).positions.some((p: { account: string }) => p.account === LONG_NAME)).toBe(true);
  });
});

describe('the sanitisers', () => {
  it('plainText escapes every unsafe character and breaks CI commands', () => {
    for (const s of CORPUS) {
      const t = plainText(s);
      expect(t).not.toMatch(RAW_UNSAFE);
      expect(t).not.toMatch(/[\r\n]/);
      expect(ciCommandLines(t)).toEqual([]);
    }
    expect(plainText('a\u001b[31mb')).toBe('a\\x1b[31mb');
    expect(plainText('x\r\n::error::y')).toBe('x\\r\\n::error::y');
    expect(plainText('::error::y')).toBe(': :error::y');
    expect(plainText(LONG_NAME, 48)).toBe('X'.repeat(48) + '…');
  });

  it('markdownText makes HTML and markup literal; markdownCode holds any backticks', () => {
    expect(markdownText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdownText('a|b `c` *d* [e](javascript:f) ~g~ _h_')).toBe('a\\|b \\`c\\` \\*d\\* \\[e\\](javascript:f) \\~g\\~ \\_h\\_');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
  });

  it('stderr lines and whole outputs', () => {
    expect(inertLines('cannot read x\u001b[2J\n::error::y\r')).toBe('cannot read x\\x1b[2J\n: :error::y\\r');
    expect(guardCiLines('ok\n  ::error::x\n')).toBe('ok\n  : :error::x\n');
  });

  it('the coloured table has only its own SGR sequences', () => {
    const report = {
      now: '2026-11-24T07:00:00Z',
      files: [{ path: 'a\u001b[2J.positions.yaml', diagnostics: [{ severity: 'error', code: 'x', message: 'bad \u001b]0;title\u0007', line: 1, column: 1 }] }],
      positions: CORPUS.map((s) => ({
        file: s, id: s, kind: 'perp' as const, venue: s, account: s, settleCurrency: s, symbol: s, side: 'long' as const, size: '1', markPrice: '1', markAge: null, stale: false,
        liquidationPrice: null, distance: null, horizon: s, liquidationProbability: null, marginRatio: null, healthFactor: null,
        status: 'unknown' as const, reason: s, fix: { target: 'safe' as const, addMargin: '1', reduceSize: null, addCollateral: { [s]: '2' }, reason: s },
      })),
      summary: { files: 1, positions: CORPUS.length, byStatus: { unknown: CORPUS.length } },
    };
    const out = tableReport(report, { width: 100, color: true });
    const stripped = out.replace(/\u001b\[[0-9;]*m/g, '');
    expectInert(stripped);
    expect(stripped).not.toContain('X'.repeat(200));
    for (const line of stripped.split('\n')) expect([...line].length).toBeLessThanOrEqual(100 + 60); // names capped; the table fits near the width
  });
});
