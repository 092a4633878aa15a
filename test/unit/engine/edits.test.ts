import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { fixEdits, type TextEdit } from '../../../src/engine/fix/fix-edits';

const ROOT = resolve(__dirname, '../../..');

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
}

function load(rel: string) {
  const absPath = resolve(ROOT, rel);
  const text = readFileSync(absPath, 'utf8');
  return { text, absPath, path: rel };
}

const read = (p: string) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } };

describe('applying a fix edits only the values it names', () => {
  it('adding margin to the FAQ account makes the ETH position safe and keeps every comment', () => {
    const src = load('examples/binance-faq-cross.positions.yaml');
    const before = evaluateFile(src, { readFile: read });
    const eth = before.rows.find((r) => r.id === 'eth-faq')!;
    expect(eth.status).not.toBe('safe');
    const r = fixEdits(src.text, before.parsed!, eth, 'addMargin');
    if ('reason' in r) throw new Error(r.reason);
    expect(r.edits).toHaveLength(1);
    const text = apply(src.text, r.edits);
    expect(text.split('\n').length).toBe(src.text.split('\n').length);
    expect(text).toContain('# crossWalletBalance, excludes unrealised PnL');
    expect(text).toContain(`walletBalance: "${(1535443.01 + Number(eth.fix && 'addMargin' in eth.fix ? eth.fix.addMargin : 0)).toFixed(2)}"`);
    const after = evaluateFile({ ...src, text }, { readFile: read });
    expect(after.rows.find((x) => x.id === 'eth-faq')!.status).toBe('safe');
  });

  it('a size cut edits the size and the wallet in one set of edits, and reaches the target', () => {
    const src = load('examples/binance-faq-cross.positions.yaml');
    const before = evaluateFile(src, { readFile: read });
    const eth = before.rows.find((r) => r.id === 'eth-faq')!;
    const r = fixEdits(src.text, before.parsed!, eth, 'reduceSize');
    if ('reason' in r) throw new Error(r.reason);
    expect(r.edits).toHaveLength(2);
    const text = apply(src.text, r.edits);
    const after = evaluateFile({ ...src, text }, { readFile: read });
    expect(after.rows.find((x) => x.id === 'eth-faq')!.status).toBe('safe');
    // diff is confined to two values
    const changed = src.text.split('\n').filter((l, i) => l !== text.split('\n')[i]);
    expect(changed).toHaveLength(2);
  });

  it('keeps the quoting style of JSON values and refuses foreign dumps', () => {
    const src = load('examples/desk-isolated.positions.json');
    const before = evaluateFile(src, { readFile: read });
    const eth = before.rows.find((r) => r.id === 'eth-25x-short')!;
    const r = fixEdits(src.text, before.parsed!, eth, 'addMargin');
    if ('reason' in r) throw new Error(r.reason);
    expect(r.edits[0]!.newText).toMatch(/^"\d+(\.\d+)?"$/);
    const foreign = { ...before.parsed!, dialect: 'ccxt' as const };
    expect('reason' in fixEdits(src.text, foreign, eth, 'addMargin')).toBe(true);
  });
});
