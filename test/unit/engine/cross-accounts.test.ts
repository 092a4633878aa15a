// docs/results.md §2.4 (issue 14 "one fix per cross account"): the top-level `accounts` entries and their one wallet fix.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluate, evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { meetsTarget } from '../../../src/engine/evaluate/status';
import { Dec } from '../../../src/engine/core/decimal';
import type { PerpFix } from '../../../src/engine/evaluate/report';
import { accountFixLines } from '../../../src/presentation/account-lines';
import { markdownReport } from '../../../src/presentation/markdown-report';

const ROOT = resolve(__dirname, '../../..');
const FAQ = 'examples/binance-faq-cross.positions.yaml';
const read = (p: string) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } };
const source = (path: string, text: string) => ({ path, absPath: resolve(ROOT, path), text });
const faqText = readFileSync(resolve(ROOT, FAQ), 'utf8');
const WALLET = '1535443.01';

/** The FAQ file with its wallet raised by `add`. */
function withWallet(text: string, add: Dec): string {
  const raised = text.replace(`walletBalance: "${WALLET}"`, `walletBalance: "${new Dec(WALLET).plus(add).toFixed()}"`);
  expect(raised).not.toBe(text);
  return raised;
}

/** A cross account of three legs that all need margin (a thin wallet), as in issue 14's "three different fixes". */
function threeLegs(wallet: string): string {
  return faqText.replace(`walletBalance: "${WALLET}"`, `walletBalance: "${wallet}"`).replace(/positions:\n[\s\S]*$/, `positions:
  - { id: btc-a, symbol: BTCUSDT, side: long, size: "10", entryPrice: "32000" }
  - { id: eth-a, symbol: ETHUSDT, side: long, size: "150", entryPrice: "1340" }
  - { id: btc-b, symbol: BTCUSDT, side: long, size: "2", entryPrice: "31000" }
`);
}

describe('cross accounts (docs/results.md §2.4)', () => {
  it('the FAQ account: one entry, worst leg, a fix ≥ every leg fix that brings every leg to the target, one step less does not', () => {
    const report = evaluate([source(FAQ, faqText)], { readFile: read });
    expect(report.accounts).toHaveLength(1);
    const a = report.accounts[0]!;
    expect(a).toMatchObject({ file: FAQ, venue: 'binance-usdm', account: 'desk-a', marginMode: 'cross', legs: ['btc-faq', 'eth-faq'] });
    const legs = report.positions.filter((r) => a.legs.includes(r.id));
    expect(a.status).toBe(legs.some((r) => r.status === 'watch') ? 'watch' : 'safe');
    expect(a.fix).not.toBeNull();
    const fix = new Dec(a.fix!.addMargin!);
    for (const r of legs) {
      const own = (r.fix as PerpFix | null)?.addMargin;
      if (own) expect(fix.gte(own)).toBe(true);
    }
    const after = evaluateFile(source(FAQ, withWallet(faqText, fix)), { readFile: read });
    for (const r of after.rows) expect(meetsTarget(r.status, a.fix!.target)).toBe(true);
    expect(after.accounts![0]!.fix).toBeNull();
    const less = evaluateFile(source(FAQ, withWallet(faqText, fix.minus('0.01'))), { readFile: read });
    expect(less.rows.every((r) => meetsTarget(r.status, a.fix!.target))).toBe(false);
  });

  it('three legs that each need margin: the account fix is the largest need, confirmed exactly, minimal to the step', () => {
    const text = threeLegs('20000');
    const ev = evaluateFile(source(FAQ, text), { readFile: read });
    const a = ev.accounts![0]!;
    expect(a.legs).toEqual(['btc-a', 'eth-a', 'btc-b']);
    const needs = ev.rows.map((r) => (r.fix as PerpFix | null)?.addMargin).filter((x): x is string => !!x);
    expect(needs.length).toBeGreaterThan(1);
    const fix = new Dec(a.fix!.addMargin!);
    for (const n of needs) expect(fix.gte(n)).toBe(true);
    const at = (add: Dec) => evaluateFile(source(FAQ, threeLegs(new Dec('20000').plus(add).toFixed())), { readFile: read }).rows;
    expect(at(fix).every((r) => meetsTarget(r.status, 'safe'))).toBe(true);
    expect(at(fix.minus('0.01')).every((r) => meetsTarget(r.status, 'safe'))).toBe(false);
  });

  it('a fat account needs no fix', () => {
    const ev = evaluateFile(source(FAQ, withWallet(faqText, new Dec('1e9'))), { readFile: read });
    expect(ev.accounts).toHaveLength(1);
    expect(ev.accounts![0]).toMatchObject({ status: 'safe', fix: null });
  });

  it('an isolated-only file has no accounts entries', () => {
    const text = 'version: 1\nvenue: generic-linear\naccount: t\nmarkets:\n  BTCUSDT: { markPrice: "97250.4", mmr: "0.005", cum: "0", volatility: 0.6 }\npositions:\n  - { id: p, symbol: BTCUSDT, side: long, size: "2", entryPrice: "100000", marginMode: isolated, isolatedMargin: "20000" }\n';
    const report = evaluate([source('iso.positions.yaml', text)], { now: Date.parse('2026-11-24T07:00:00Z') });
    expect(report.positions).toHaveLength(1);
    expect(report.accounts).toEqual([]);
  });

  it('a leg that is unknown gives a null addMargin with a reason', () => {
    const text = faqText.replace('markPrice: "1335.18"', 'tickSize: "0.001"');
    const ev = evaluateFile(source(FAQ, text), { readFile: read });
    const a = ev.accounts![0]!;
    expect(a.status).toBe('unknown');
    expect(a.fix).toMatchObject({ target: 'safe', addMargin: null });
    expect(a.fix!.reason).toMatch(/^leg \S+ is unknown \(.+\): the account cannot be confirmed$/);
  });

  it('accounts are sorted by file then account, and shown as one line each in the table and markdown', () => {
    const report = evaluate([source('b.positions.yaml', faqText), source(FAQ, faqText.replace('account: desk-a', 'account: desk-b')), source(FAQ.replace('binance', 'a-binance'), faqText)], { readFile: read });
    expect(report.accounts.map((a) => `${a.file}|${a.account}`)).toEqual(['b.positions.yaml|desk-a', `examples/a-binance-faq-cross.positions.yaml|desk-a`, `${FAQ}|desk-b`]);
    const lines = accountFixLines(report);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Account desk-a \(Binance USD-M, examples\/a-binance-faq-cross\.positions\.yaml\): add [\d,]+\.\d\d USDT to the wallet → both legs safe$/);
    expect(markdownReport(report)).toContain('### Cross accounts');
  });
});
