// Every output stays inert (issue 13 §6), the panel: the host's messages carrying rows, account headers and stress
// accounts of hostile names are valid protocol messages (a 10,000-character id or account used to make the host
// refuse the whole page, leaving the panel empty: seen in the real VS Code by test/e2e/hostile.mjs), names arrive as
// the other surfaces show them (escapes visible, cut), and keys stay short and unique.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PanelModel } from '../../../src/extension/panel/panel-model';
import { RowIndex } from '../../../src/extension/panel/row-index';
import { boundedRef, REF_MAX, rowKey, toPanelRow } from '../../../src/extension/rows';
import { stressMessage } from '../../../src/extension/stress-view';
import { NAME_MAX } from '../../../src/presentation/inert-text';
import { HostToWebviewSchema } from '../../../src/protocol/messages';
import { fileReport, row, watchRow } from '../extension/fixtures';
import { CORPUS, LONG_NAME, RAW_UNSAFE } from './inert-corpus';

function hostileRows() {
  return CORPUS.flatMap((s, i) => [
    watchRow({ file: 'f.positions.json', line: 2 * i + 1, id: s, symbol: s, account: s, settleCurrency: s, reason: `${s} is at risk` }),
    row({
      file: 'f.positions.json', line: 2 * i + 2, id: `loan-${i}-${s}`, kind: 'loan', symbol: s, account: s, status: 'critical', side: null,
      fix: { target: 'safe', addCollateral: { [s]: '1.5' }, repayDebt: { USDC: '100' }, reason: null },
      liquidationPrices: { [s]: '3000', USDC: '1.2' },
      details: { var: null, es: null, liquidationCost: null, timeToLiquidation: null, collateralLines: [{ asset: s, amount: '10', price: '3412.5', value: '34125', liquidationThreshold: '0.83', usedAsCollateral: true }] },
    }),
  ]);
}

function expectValid(msg: unknown): void {
  const r = v.safeParse(HostToWebviewSchema, msg);
  expect(r.success ? 'valid' : `${r.issues[0].message} at ${r.issues[0].path?.map((p) => String(p.key)).join('.')}`).toBe('valid');
}

describe('panel messages of hostile names', () => {
  const rows = hostileRows();
  const index = new RowIndex();
  index.setFile('file:///f', rows);
  const model = new PanelModel(index);
  const ctx = { epoch: 1, now: new Date('2026-11-24T07:00:00Z'), files: [fileReport({ path: 'f.positions.json' })], risk: {} };

  it('the model message (rows) is valid, names inert and cut', () => {
    const m = model.modelMessage(ctx);
    expectValid(m);
    const shown = m.window.items.flatMap((i) => (i.type === 'row' ? [i.row] : []));
    expect(shown.length).toBe(rows.length);
    for (const r of shown) {
      for (const s of [r.symbol, r.account, r.settleCurrency, r.id, r.reason]) {
        expect(s ?? '').not.toMatch(RAW_UNSAFE);
        expect(Array.from(s ?? '').length).toBeLessThanOrEqual(600);
      }
      expect(Array.from(r.symbol ?? '').length).toBeLessThanOrEqual(NAME_MAX * 6 + 1); // cut at NAME_MAX, each escape at most 6 characters
    }
    expect(shown.some((r) => r.symbol === '<img src=x onerror=alert(1)>')).toBe(true);
    expect(shown.some((r) => r.symbol === '\\u202egnp.exe\\u202c bidi \\u2066iso\\u2069 \\u200f')).toBe(true);
  });

  it('grouped by account: the header rows are valid, their keys short', () => {
    model.setView({ ...model.view, group: true });
    const m = model.modelMessage(ctx);
    expectValid(m);
    const headers = m.window.items.flatMap((i) => (i.type === 'account' ? [i.account] : []));
    expect(headers.length).toBe(CORPUS.length);
    for (const a of headers) {
      expect(a.key.length).toBeLessThan(400);
      expect(a.account ?? '').not.toMatch(RAW_UNSAFE);
    }
    expect(new Set(headers.map((a) => a.key)).size).toBe(headers.length);
    model.setView({ ...model.view, group: false });
  });

  it('row keys are short and unique; a loan fix names its asset by the same bounded reference', () => {
    const keys = rows.map(rowKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k.length).toBeLessThan(REF_MAX + 40);
    expect(rowKey({ file: 'a.json', id: 'btc-1' })).toBe('a.json#btc-1');
    expect(boundedRef(LONG_NAME)).not.toBe(boundedRef(LONG_NAME.slice(1) + 'Y'));
    const loan = toPanelRow(rows.find((r) => r.kind === 'loan' && r.symbol === LONG_NAME)!);
    const fix = loan.fix as { addCollateral: Record<string, string | null> };
    expect(Object.keys(fix.addCollateral)).toEqual([boundedRef(LONG_NAME)]);
    expect(loan.trader?.collateralLines?.[0]?.asset.length).toBeLessThanOrEqual(NAME_MAX + 1);
  });

  it('the stress message of hostile accounts is valid, accounts inert', () => {
    const m = stressMessage({
      shocks: [0], curve: [{ shock: 0, positionsLiquidated: 0, notional: '0', loss: '0' }],
      accounts: CORPUS.map((s) => ({ file: 'f.positions.json', account: s, firstFailingShock: -0.1 })),
    }, 1, []);
    expectValid(m);
    for (const a of m.accounts) expect(a.account ?? '').not.toMatch(RAW_UNSAFE);
  });
});
