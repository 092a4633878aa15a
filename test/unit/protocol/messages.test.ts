import { describe, expect, it } from 'vitest';
import { parseHostMessage, parseUiState, parseWebviewMessage } from '../../../src/protocol/messages';
import { buildReportMessage } from '../../../src/extension/panel/model';
import { row, watchRow, fileReport } from '../extension/fixtures';

const report = () => buildReportMessage({ epoch: 3, now: new Date('2026-11-24T07:00:00Z'), files: [fileReport()], rows: [watchRow(), row()], risk: {} });

describe('webview → host', () => {
  it('accepts the three message kinds', () => {
    expect(parseWebviewMessage({ type: 'ready', protocol: 1 })).toEqual({ ok: true, value: { type: 'ready', protocol: 1 } });
    expect(parseWebviewMessage({ type: 'reveal', key: 'a#b', preserveFocus: true }).ok).toBe(true);
    expect(parseWebviewMessage({ type: 'refresh' }).ok).toBe(true);
  });
  it('rejects unknown types, wrong shapes, wrong protocol and oversize strings', () => {
    expect(parseWebviewMessage({ type: 'exec', command: 'rm -rf' }).ok).toBe(false);
    expect(parseWebviewMessage({ type: 'reveal', key: 5, preserveFocus: true }).ok).toBe(false);
    expect(parseWebviewMessage({ type: 'reveal', key: 'x' }).ok).toBe(false);
    expect(parseWebviewMessage({ type: 'ready', protocol: 2 }).ok).toBe(false);
    expect(parseWebviewMessage({ type: 'reveal', key: 'x'.repeat(5000), preserveFocus: false }).ok).toBe(false);
    expect(parseWebviewMessage(null).ok).toBe(false);
    expect(parseWebviewMessage('ready').ok).toBe(false);
  });
  it('names the failing field', () => {
    const r = parseWebviewMessage({ type: 'reveal', key: 1, preserveFocus: true });
    expect(r.ok ? '' : r.error).toMatch(/^key:/);
  });
});

describe('host → webview', () => {
  it('accepts a report built from engine rows', () => {
    const msg = report();
    const parsed = parseHostMessage(msg);
    expect(parsed.ok).toBe(true);
    expect(msg.rows.map((r) => r.key)).toEqual(['examples/desk.positions.yaml#eth-1', 'examples/desk.positions.yaml#btc-1']);
    expect(msg.horizon).toBe('24h');
    expect(msg.probability).toEqual({ watch: 0.005, warning: 0.02, critical: 0.1 });
  });
  it('rejects a money value that is not a plain decimal string', () => {
    const msg = report();
    (msg.rows[0] as { liquidationPrice: unknown }).liquidationPrice = 1153.26;
    expect(parseHostMessage(msg).ok).toBe(false);
    const msg2 = report();
    (msg2.rows[0] as { liquidationPrice: unknown }).liquidationPrice = '1.2e3';
    expect(parseHostMessage(msg2).ok).toBe(false);
  });
  it('rejects an unknown status and a probability outside [0, 1]', () => {
    const msg = report();
    (msg.rows[0] as { status: string }).status = 'doomed';
    expect(parseHostMessage(msg).ok).toBe(false);
    const msg2 = report();
    msg2.rows[0]!.liquidationProbability = 1.5;
    expect(parseHostMessage(msg2).ok).toBe(false);
  });
  it('accepts select and busy, rejects unknown types', () => {
    expect(parseHostMessage({ type: 'select', key: 'k' }).ok).toBe(true);
    expect(parseHostMessage({ type: 'busy', busy: true }).ok).toBe(true);
    expect(parseHostMessage({ type: 'html', html: '<b>' }).ok).toBe(false);
  });
});

describe('persisted UI state', () => {
  it('falls back to defaults on anything malformed', () => {
    expect(parseUiState(undefined)).toEqual({ selectedKey: null, filter: '', hidden: [] });
    expect(parseUiState({ selectedKey: 'a', filter: 'btc', hidden: ['safe'] })).toEqual({ selectedKey: 'a', filter: 'btc', hidden: ['safe'] });
    expect(parseUiState({ selectedKey: 'a', filter: 'btc', hidden: ['nope'] }).hidden).toEqual([]);
  });
});
