import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { at, codes, diag, parse, perp, where } from './helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/parse', name), 'utf8');

describe('CSV position files (docs/format.md §3)', () => {
  it('reads the bots example: groups by (venue, account), inherits the wallet', () => {
    const text = fixture('bots.positions.csv');
    const r = parse('bots.positions.csv', text);
    expect(r.format).toBe('csv');
    expect(r.dialect).toBe('native');
    expect(r.venue).toBe('generic-linear');
    expect(r.diagnostics).toEqual([]);
    expect(r.accounts.map((a) => (a.kind === 'perp' ? [a.account, a.walletBalance?.toFixed() ?? null, a.positions.length] : null))).toEqual([
      ['grid-bot', null, 2],
      ['trend-bot', '21000', 2],
      ['scalper', null, 1],
    ]);
    const btc = perp(r, 0).positions[0]!;
    expect(btc.id).toBe('BTCUSDT-long-1');
    expect(btc.size.toFixed()).toBe('0.75');
    expect(btc.entryPrice.toFixed()).toBe('96120.5');
    expect(btc.market.markPrice?.toFixed()).toBe('97250.4');
    expect(btc.marginMode).toBe('isolated');
    expect(btc.isolatedMargin?.toFixed()).toBe('9800');
    expect(btc.market.mmr?.toFixed()).toBe('0.005');
    expect(btc.market.volatility).toBe(0.55);
    expect(btc.market.markTime).toBe(Date.UTC(2026, 10, 24, 6, 59, 40));
    expect(btc.span.line).toBe(2);
    expect(btc.span.column).toBe(1);
    // second BTCUSDT long in the file (another account) is n = 2
    expect(perp(r, 1).positions[0]!.id).toBe('BTCUSDT-long-2');
    const dogeLine = text.split('\n')[5]!;
    expect(where(perp(r, 2).positions[0]!.span)).toBe(`6:1-${dogeLine.length + 1}`);
  });

  it('header names ignore case, _, - and spaces; unknown columns warn', () => {
    const t = 'Venue,SYMBOL,Side,Entry Price,entry-price2,SIZE,Mark_Price,mmr\r\ngeneric-linear,BTCUSDT,long,100,x,1,101,0.01\r\n';
    const r = parse('a.csv', t);
    const d = diag(r, 'unknown-column');
    expect(where(d)).toBe(at(t, 'entry-price2'));
    const p = perp(r).positions[0]!;
    expect(p.entryPrice.toFixed()).toBe('100');
    expect(p.market.markPrice?.toFixed()).toBe('101');
    expect(where(p.fields.markPrice!)).toBe('2:37-40');
  });

  it('quoted cells with commas, quotes and newlines keep their columns (CRLF)', () => {
    const t = 'venue,account,symbol,side,size,entryPrice,markPrice,mmr,walletBalance\r\ngeneric-linear,"desk, ""A""\r\nline2",BTCUSDT,long,"1.5",100,101,0.01,50\r\ngeneric-linear,"desk, ""A""\r\nline2",ETHUSDT,short,2,10,9,0.01,\r\n';
    const r = parse('a.csv', t);
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const a = perp(r);
    expect(r.accounts).toHaveLength(1);
    expect(a.account).toBe('desk, "A"\r\nline2');
    const p = a.positions[0]!;
    expect(where(p.fields.size!)).toBe('3:21-26');
    expect(p.size.toFixed()).toBe('1.5');
    expect(p.span.line).toBe(2);
    expect(p.span.endLine).toBe(3);
    expect(a.positions[1]!.span.line).toBe(4);
  });

  it('wrong column count is an error on that row; the other rows are read', () => {
    const t = 'venue,symbol,side,size,entryPrice,markPrice,mmr\ngeneric-linear,BTCUSDT,long,1,100,101\ngeneric-linear,ETHUSDT,long,1,10,11,0.01\n';
    const r = parse('a.csv', t);
    const d = diag(r, 'csv-column-count');
    expect(where(d)).toBe(`2:1-${'generic-linear,BTCUSDT,long,1,100,101'.length + 1}`);
    expect(d.message).toContain('6 cells');
    expect(perp(r).positions.map((p) => p.symbol)).toEqual(['ETHUSDT']);
  });

  it('blank wallets inherit; a different wallet and a different mark are diagnostics on the cell', () => {
    const t = [
      'venue,account,symbol,side,size,entry_price,mark_price,wallet_balance,mmr',
      'generic-linear,a,BTCUSDT,long,1,100,101,5000,0.01',
      'generic-linear,a,ETHUSDT,long,1,10,11,,0.01',
      'generic-linear,a,SOLUSDT,long,1,10,11,5000.00,0.01',
      'generic-linear,a,XRPUSDT,long,1,10,11,4000,0.01',
      'generic-linear,b,BTCUSDT,short,1,100,102,1000,0.01',
      'generic-linear,b,BTCUSDT,long,1,100,,1000,0.01',
    ].join('\n');
    const r = parse('a.csv', t);
    const w = r.diagnostics.filter((d) => d.code === 'csv-inconsistent-wallet');
    expect(w.map(where)).toEqual(['5:39-43']);
    const m = r.diagnostics.filter((d) => d.code === 'csv-inconsistent-mark');
    expect(m.map(where)).toEqual(['6:38-41']);
    expect(perp(r, 0).walletBalance?.toFixed()).toBe('5000');
    // the disagreeing row uses the symbol's first mark; the blank one inherits it
    expect(perp(r, 1).positions.map((p) => p.market.markPrice?.toFixed())).toEqual(['101', '101']);
    expect(codes(r)).toContain('duplicate-position');
  });

  it('a blank account is one group of its own; venues mixed ⇒ venue null', () => {
    const t = 'venue,account,symbol,side,size,entryPrice,markPrice,mmr,walletBalance\nbinance-usdm,,BTCUSDT,long,1,100,101,0.01,10\nbinance-usdm,x,BTCUSDT,long,1,100,101,0.01,20\nbybit-linear,,BTCUSDT,long,1,100,101,0.01,30\nbinance-usdm,,ETHUSDT,long,1,100,101,0.01,\n';
    const r = parse('a.csv', t);
    expect(r.venue).toBeNull();
    expect(r.accounts.map((a) => [a.venue, a.account, a.kind === 'perp' ? a.positions.length : 0])).toEqual([
      ['binance-usdm', null, 2], ['binance-usdm', 'x', 1], ['bybit-linear', null, 1],
    ]);
  });

  it('unknown venue, missing venue, lending venue', () => {
    const t = 'venue,symbol,side,size,entryPrice,markPrice\nbinanse,BTCUSDT,long,1,1,1\naave-v3,WETH,long,1,1,1\n';
    const r = parse('a.csv', t);
    expect(where(diag(r, 'unknown-venue'))).toBe('2:1-8');
    expect(where(diag(r, 'csv-lending'))).toBe('3:1-8');
    expect(r.unknown.map((u) => u.reason)).toHaveLength(2);
    const nv = parse('a.csv', 'symbol,side,size,entryPrice,markPrice,mmr\nBTCUSDT,long,1,1,1,0.01\n', { defaultVenue: 'generic-linear' });
    expect(nv.accounts[0]!.venue).toBe('generic-linear');
  });

  it('unclosed quote is reported; the rows before are kept', () => {
    const t = 'venue,symbol,side,size,entryPrice,markPrice,mmr\ngeneric-linear,BTCUSDT,long,1,1,1,0.01\ngeneric-linear,"ETHUSDT,long,1,1,1,0.01\n';
    const r = parse('a.csv', t);
    expect(diag(r, 'invalid-csv').line).toBe(3);
    expect(perp(r).positions).toHaveLength(1);
  });

  it('a BOM does not shift columns', () => {
    const t = '\uFEFFvenue,symbol,side,size,entryPrice,markPrice,foo\ngeneric-linear,BTCUSDT,long,1,1,1,x\n';
    const r = parse('a.csv', t);
    expect(where(diag(r, 'unknown-column'))).toBe('1:45-48');
  });

  it('empty CSV and header only', () => {
    expect(codes(parse('a.csv', ''))).toEqual(['empty-file']);
    const h = parse('a.csv', 'venue,symbol\n');
    expect(h.accounts).toEqual([]);
    expect(h.diagnostics).toEqual([]);
  });
});
