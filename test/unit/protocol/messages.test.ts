import { describe, expect, it } from 'vitest';
import { parseHostMessage, parseUiState, parseWebviewMessage } from '../../../src/protocol/messages';
import { panelReport, row, watchRow } from '../extension/fixtures';

/** A model message whose window holds the rows; `rows` points into it (mutations show in the message). */
const report = () => {
  const m = panelReport([watchRow(), row()], 3);
  return { ...m, rows: m.window.items.flatMap((i) => (i.type === 'row' ? [i.row] : [])) };
};
/** The message as sent (`rows` is its count of rows; the helper's `rows` are the window's rows for the tests). */
const strip = (m: ReturnType<typeof report>) => { const { rows: _r, rowCount, ...rest } = m; return { ...rest, rows: rowCount }; };

describe('webview → host', () => {
  it('accepts the three message kinds', () => {
    expect(parseWebviewMessage({ type: 'ready', protocol: 2 })).toEqual({ ok: true, value: { type: 'ready', protocol: 2 } });
    expect(parseWebviewMessage({ type: 'reveal', key: 'a#b', preserveFocus: true }).ok).toBe(true);
    expect(parseWebviewMessage({ type: 'refresh' }).ok).toBe(true);
  });
  it('rejects unknown types, wrong shapes, wrong protocol and oversize strings', () => {
    expect(parseWebviewMessage({ type: 'exec', command: 'rm -rf' }).ok).toBe(false);
    expect(parseWebviewMessage({ type: 'reveal', key: 5, preserveFocus: true }).ok).toBe(false);
    expect(parseWebviewMessage({ type: 'reveal', key: 'x' }).ok).toBe(false);
    expect(parseWebviewMessage({ type: 'ready', protocol: 1 }).ok).toBe(false);
    expect(parseWebviewMessage({ type: 'reveal', key: 'x'.repeat(5000), preserveFocus: false }).ok).toBe(false);
    expect(parseWebviewMessage(null).ok).toBe(false);
    expect(parseWebviewMessage('ready').ok).toBe(false);
  });
  it('accepts the horizon control\'s choices and reset, nothing else', () => {
    for (const seconds of [3600, 14400, 28800, 86400, 259200, 604800, null]) expect(parseWebviewMessage({ type: 'horizon', seconds }).ok).toBe(true);
    for (const seconds of [0, 7200, -3600, '86400', Infinity, undefined]) expect(parseWebviewMessage({ type: 'horizon', seconds }).ok).toBe(false);
  });
  it('names the failing field', () => {
    const r = parseWebviewMessage({ type: 'reveal', key: 1, preserveFocus: true });
    expect(r.ok ? '' : r.error).toMatch(/^key:/);
  });
});

describe('account fix (issue 14)', () => {
  const fix = { target: 'safe', amount: '61,576.74', currency: 'USDC', legs: 2, reason: null, readOnlyReason: null };
  const header = { key: 'account:f\u0000hyperliquid\u00000x7a', file: 'f', venue: 'hyperliquid', account: '0x7a', settleCurrency: 'USDC', positions: 2, atRisk: 2, worst: 'critical', updating: false };
  const page = (account: object) => ({ type: 'page', version: 1, total: 1, window: { start: 0, items: [{ type: 'account', account }] } });
  it('webview → host: applyAccountFix names only the header key', () => {
    expect(parseWebviewMessage({ type: 'applyAccountFix', key: header.key }).ok).toBe(true);
    expect(parseWebviewMessage({ type: 'applyAccountFix', key: 5 }).ok).toBe(false);
    expect(parseWebviewMessage({ type: 'applyAccountFix', key: 'x'.repeat(5000) }).ok).toBe(false);
    expect(parseWebviewMessage({ type: 'applyAccountFix' }).ok).toBe(false);
  });
  it('host → webview: an account header with its fix (a display string), without one, and from an older host', () => {
    expect(parseHostMessage(page({ ...header, fix })).ok).toBe(true);
    expect(parseHostMessage(page({ ...header, fix: null })).ok).toBe(true);
    expect(parseHostMessage(page(header)).ok).toBe(true);
    expect(parseHostMessage(page({ ...header, fix: { ...fix, amount: null, reason: 'leg x is unknown' } })).ok).toBe(true);
  });
  it('rejects a malformed account fix', () => {
    expect(parseHostMessage(page({ ...header, fix: { ...fix, legs: 0 } })).ok).toBe(false);
    expect(parseHostMessage(page({ ...header, fix: { ...fix, target: 'fine' } })).ok).toBe(false);
    expect(parseHostMessage(page({ ...header, fix: { ...fix, amount: 61576.74 } })).ok).toBe(false);
    const { readOnlyReason: _r, ...noReadOnly } = fix;
    expect(parseHostMessage(page({ ...header, fix: noReadOnly })).ok).toBe(false);
  });
  it('a cross leg carries its account fix (the selected row whole)', () => {
    const msg = report();
    const whole = panelReport([watchRow(), row()], 3).rows[0]!;
    expect(parseHostMessage({ ...strip(msg), selected: { ...whole, accountFix: fix } }).ok).toBe(true);
    expect(parseHostMessage({ type: 'selection', key: whole.key, row: { ...whole, accountFix: fix }, index: 0, version: 1 }).ok).toBe(true);
    expect(parseHostMessage({ type: 'selection', key: whole.key, row: { ...whole, accountFix: fix } }).ok).toBe(false); // where it is: required
    expect(parseHostMessage({ type: 'selection', key: whole.key, row: null, index: -2, version: 1 }).ok).toBe(false);
    expect(parseHostMessage({ ...strip(msg), selected: { ...whole, accountFix: { ...fix, currency: 7 } } }).ok).toBe(false);
    expect(parseHostMessage({ type: 'selection', key: whole.key, row: { ...whole, accountFix: { ...fix, currency: 7 } }, index: 0, version: 1 }).ok).toBe(false);
  });
});

describe('host → webview', () => {
  it('accepts a model built from engine rows', () => {
    const msg = report();
    const parsed = parseHostMessage(strip(msg));
    expect(parsed.ok).toBe(true);
    expect(msg.rows.map((r) => r.key)).toEqual(['examples/desk.positions.yaml#eth-1', 'examples/desk.positions.yaml#btc-1']);
    expect(msg.summary.horizon).toBe('24h');
    expect(msg.summary.probability).toEqual({ watch: 0.005, warning: 0.02, critical: 0.1 });
  });
  it('a delta\'s window may name held items by key (in a delta only, never in a model or page)', () => {
    const { type: _t, ...m } = strip(report());
    const delta = { type: 'delta', ...m, keptFrom: 2, changes: { added: 0, removed: 0, updated: 1, stale: [], truncated: false } };
    const held = { ...delta, window: { start: 0, items: [{ type: 'held', key: 'examples/desk.positions.yaml#eth-1' }, m.window.items[1]] } };
    expect(parseHostMessage(held).ok).toBe(true);
    expect(parseHostMessage({ ...held, window: { start: 0, items: [{ type: 'held' }] } }).ok).toBe(false);
    expect(parseHostMessage({ ...held, window: { start: 0, items: [{ type: 'held', key: 7 }] } }).ok).toBe(false);
    expect(parseHostMessage({ ...held, window: { start: 0, items: [{ type: 'held', key: 'k', updating: true }] } }).ok).toBe(true);
    expect(parseHostMessage({ ...held, window: { start: 0, items: [{ type: 'held', key: 'k', updating: 'yes' }] } }).ok).toBe(false);
    expect(parseHostMessage({ ...held, window: { start: 0, items: [null] } }).ok).toBe(false);
    expect(parseHostMessage({ type: 'model', ...m, window: held.window }).ok).toBe(false);
    expect(parseHostMessage({ type: 'page', version: 1, total: 2, window: held.window }).ok).toBe(false);
  });
  it('rejects a money value that is not a plain decimal string', () => {
    const msg = report();
    (msg.rows[0] as { liquidationPrice: unknown }).liquidationPrice = 1153.26;
    expect(parseHostMessage(strip(msg)).ok).toBe(false);
    const msg2 = report();
    (msg2.rows[0] as { liquidationPrice: unknown }).liquidationPrice = '1.2e3';
    expect(parseHostMessage(strip(msg2)).ok).toBe(false);
  });
  it('rejects an unknown status and a probability outside [0, 1]', () => {
    const msg = report();
    (msg.rows[0] as { status: string }).status = 'doomed';
    expect(parseHostMessage(strip(msg)).ok).toBe(false);
    const msg2 = report();
    msg2.rows[0]!.liquidationProbability = 1.5;
    expect(parseHostMessage(strip(msg2)).ok).toBe(false);
  });
  it('accepts select with its index, rejects the old busy message and unknown types', () => {
    expect(parseHostMessage({ type: 'select', key: 'k', index: 3, version: 1 }).ok).toBe(true);
    expect(parseHostMessage({ type: 'busy', busy: true }).ok).toBe(false);
    expect(parseHostMessage({ type: 'html', html: '<b>' }).ok).toBe(false);
  });
});

describe('persisted UI state', () => {
  it('falls back to defaults on anything malformed', () => {
    const view = { sort: 'status', direction: 'asc', group: false, detailsPane: 'auto' };
    expect(parseUiState(undefined)).toEqual({ selectedKey: null, filter: '', hidden: [], ...view });
    expect(parseUiState({ selectedKey: 'a', filter: 'btc', hidden: ['safe'] })).toEqual({ selectedKey: 'a', filter: 'btc', hidden: ['safe'], ...view });
    expect(parseUiState({ selectedKey: 'a', filter: '', hidden: [], sort: 'distance', direction: 'desc', group: true }).sort).toBe('distance');
    expect(parseUiState({ selectedKey: 'a', filter: 'btc', hidden: ['nope'] }).hidden).toEqual([]);
    expect(parseUiState({ selectedKey: null, filter: '', hidden: [], detailsPane: 'closed' }).detailsPane).toBe('closed');
    expect(parseUiState({ selectedKey: null, filter: '', hidden: [], detailsPane: 'sideways' }).detailsPane).toBe('auto');
  });
});
