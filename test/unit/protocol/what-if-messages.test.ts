import { describe, expect, it } from 'vitest';
import { parseHostMessage, parseWebviewMessage } from '../../../src/protocol/messages';
import { whatIfMessage } from '../../../src/extension/what-if-message';

const ok = { type: 'whatIf', key: 'f#btc', seq: 3, shock: -0.1, volMultiplier: 1.5, addMargin: '250.5' };

describe('whatIf (webview → host)', () => {
  it('accepts a scenario inside the controls\' bounds', () => {
    expect(parseWebviewMessage(ok)).toEqual({ ok: true, value: ok });
    expect(parseWebviewMessage({ ...ok, shock: -0.5, volMultiplier: 3, addMargin: '0' }).ok).toBe(true);
    expect(parseWebviewMessage({ ...ok, shock: 0.5, volMultiplier: 0.5 }).ok).toBe(true);
  });
  it('rejects shocks, multipliers and amounts out of bounds or of the wrong shape', () => {
    for (const bad of [
      { ...ok, shock: -0.51 }, { ...ok, shock: 0.6 }, { ...ok, shock: Number.NaN }, { ...ok, shock: '−0.1' },
      { ...ok, volMultiplier: 0.4 }, { ...ok, volMultiplier: 3.01 }, { ...ok, volMultiplier: Infinity },
      { ...ok, addMargin: '-5' }, { ...ok, addMargin: '1e9' }, { ...ok, addMargin: '1,000' }, { ...ok, addMargin: ' 5' },
      { ...ok, addMargin: '' }, { ...ok, addMargin: '1'.repeat(41) }, { ...ok, addMargin: 5 },
      { ...ok, seq: -1 }, { ...ok, seq: 1.5 }, { ...ok, key: 'x'.repeat(5000) },
      (({ addMargin: _a, ...rest }) => rest)(ok),
    ]) expect(parseWebviewMessage(bad).ok, JSON.stringify(bad)).toBe(false);
  });
  it('names the failing field', () => {
    const r = parseWebviewMessage({ ...ok, addMargin: 'abc' });
    expect(r.ok ? '' : r.error).toMatch(/^addMargin:/);
  });
});

describe('whatIfResult (host → webview)', () => {
  it('an error outcome and a row outcome both validate', () => {
    expect(parseHostMessage(whatIfMessage('k', 1, { ok: false, reason: 'adding margin is not for loans' })).ok).toBe(true);
    const row = {
      status: 'warning', reason: 'P 3 %', markPrice: '90000', liquidationPrice: '85000.5', distance: '0.0555', volatility: 0.5, horizon: '24h',
      liquidationProbability: 0.03, marginBalance: '100', maintenanceMargin: '10', marginRatio: '0.1', healthFactor: null,
    };
    const msg = whatIfMessage('k', 2, { ok: true, row: row as never, note: null });
    expect(parseHostMessage(msg)).toEqual({ ok: true, value: msg });
  });
  it('rejects a result with a non-decimal price or a probability above 1', () => {
    const base = whatIfMessage('k', 1, { ok: false, reason: 'x' });
    expect(parseHostMessage({ ...base, liquidationPrice: '1e5' }).ok).toBe(false);
    expect(parseHostMessage({ ...base, liquidationProbability: 1.5 }).ok).toBe(false);
    expect(parseHostMessage({ ...base, status: 'fine' }).ok).toBe(false);
  });
});
