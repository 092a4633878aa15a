// Apply fix, the pure part: which fixes a row offers and the engine's edits on real example files (copies of
// examples/ in test/fixtures/extension). Applying the edits and re-evaluating must reach the fix's target, and
// change nothing but the values the fix names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFile, type FileEvaluation } from '../../../src/engine/evaluate/evaluate-file';
import { applyEdits, fixChoices, isFixKind, planFix } from '../../../src/extension/fixes';
import { rowKey } from '../../../src/extension/rows';

const DIR = join(__dirname, '../../fixtures/extension');

function load(name: string): { text: string; evaluation: FileEvaluation } {
  const text = readFileSync(join(DIR, name), 'utf8');
  return { text, evaluation: evaluateFile({ path: name, absPath: join(DIR, name), text }) };
}

function rowOf(e: FileEvaluation, id: string) {
  const row = e.rows.find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
}

function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

describe('fixChoices', () => {
  it('lists the ETHUSDT margin and size fixes of the Binance FAQ cross account with the engine amounts', () => {
    const { evaluation } = load('binance-faq-cross.positions.yaml');
    const eth = rowOf(evaluation, 'eth-faq');
    expect(eth.status).toBe('watch');
    expect(fixChoices(eth)).toEqual([
      { kind: 'addMargin', asset: null, label: 'Add 77,365.22 USDT margin → safe', verb: 'Add 77,365.22 USDT margin' },
      { kind: 'reduceSize', asset: null, label: 'Reduce size by 243.097 ETHUSDT → safe', verb: 'Reduce size by 243.097 ETHUSDT' },
    ]);
    expect(fixChoices(rowOf(evaluation, 'btc-faq'))).toEqual([]);
  });

  it('lists one choice per loan asset', () => {
    const { evaluation } = load('morpho-blue.positions.yaml');
    const loan = rowOf(evaluation, 'weth-usdc-86');
    expect(fixChoices(loan).map((c) => [c.kind, c.asset])).toEqual([['addCollateral', 'WETH'], ['repayDebt', 'USDC']]);
  });

  it('knows the fix kinds', () => {
    expect(['addMargin', 'reduceSize', 'addCollateral', 'repayDebt'].every(isFixKind)).toBe(true);
    expect(isFixKind('deleteEverything')).toBe(false);
  });
});

describe('planFix', () => {
  it('adds the margin to walletBalance only, and the ETHUSDT row becomes safe', () => {
    const { text, evaluation } = load('binance-faq-cross.positions.yaml');
    const eth = rowOf(evaluation, 'eth-faq');
    const plan = planFix(text, evaluation, rowKey(eth), 'addMargin', null);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.edits).toHaveLength(1);
    const after = applyEdits(text, plan.edits);
    // 1535443.01 + 77365.22, quoted as the file quotes it
    expect(after).toContain('walletBalance: "1612808.23"');
    expect(changedLines(text, after)).toEqual([9]);
    const again = evaluateFile({ path: 'binance-faq-cross.positions.yaml', absPath: join(DIR, 'x'), text: after });
    expect(rowOf(again, 'eth-faq').status).toBe('safe');
  });

  it('cuts the size and books the realised PnL in one fix (two edits), and the row becomes safe', () => {
    const { text, evaluation } = load('binance-faq-cross.positions.yaml');
    const eth = rowOf(evaluation, 'eth-faq');
    const plan = planFix(text, evaluation, rowKey(eth), 'reduceSize', null);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.edits).toHaveLength(2);
    const after = applyEdits(text, plan.edits);
    expect(after).toContain('size: "3440.882"'); // 3683.979 − 243.097
    const lines = changedLines(text, after);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(9);
    const again = evaluateFile({ path: 'binance-faq-cross.positions.yaml', absPath: join(DIR, 'x'), text: after });
    expect(rowOf(again, 'eth-faq').status).toBe('safe');
  });

  it('adds loan collateral to the named asset leg', () => {
    const { text, evaluation } = load('morpho-blue.positions.yaml');
    const loan = rowOf(evaluation, 'weth-usdc-86');
    const plan = planFix(text, evaluation, rowKey(loan), 'addCollateral', 'WETH');
    if (!plan.ok) throw new Error(plan.reason);
    const after = applyEdits(text, plan.edits);
    expect(changedLines(text, after)).toHaveLength(1);
    const again = evaluateFile({ path: 'morpho-blue.positions.yaml', absPath: join(DIR, 'x'), text: after });
    expect(rowOf(again, 'weth-usdc-86').status).toBe('safe');
  });

  it('refuses foreign dumps with the engine reason', () => {
    const { text, evaluation } = load('hyperliquid-clearinghouse.json');
    const eth = rowOf(evaluation, 'ETH');
    expect(eth.fix?.target).toBe('safe');
    const plan = planFix(text, evaluation, rowKey(eth), 'addMargin', null);
    expect(plan).toEqual({ ok: false, reason: 'exchange and bot dumps are read-only: change the position on the venue' });
  });

  it('gives a reason for unknown rows, missing assets and rows without a fix', () => {
    const { text, evaluation } = load('binance-faq-cross.positions.yaml');
    expect(planFix(text, evaluation, 'nope#nope', 'addMargin', null)).toMatchObject({ ok: false });
    const btc = rowOf(evaluation, 'btc-faq');
    expect(planFix(text, evaluation, rowKey(btc), 'addMargin', null)).toEqual({ ok: false, reason: 'this row needs no fix' });
    const m = load('morpho-blue.positions.yaml');
    const loan = rowOf(m.evaluation, 'weth-usdc-86');
    expect(planFix(m.text, m.evaluation, rowKey(loan), 'addCollateral', 'DOGE')).toEqual({ ok: false, reason: 'no such fix for this loan' });
    expect(planFix(text, { ...evaluation, parsed: null }, rowKey(rowOf(evaluation, 'eth-faq')), 'addMargin', null)).toMatchObject({ ok: false });
  });
});

describe('applyEdits', () => {
  it('applies non-overlapping edits by original offsets, in any order', () => {
    expect(applyEdits('a=1; b=2', [{ offset: 2, length: 1, newText: '10' }, { offset: 7, length: 1, newText: '20' }])).toBe('a=10; b=20');
    expect(applyEdits('a=1; b=2', [{ offset: 7, length: 1, newText: '20' }, { offset: 2, length: 1, newText: '10' }])).toBe('a=10; b=20');
  });
});
