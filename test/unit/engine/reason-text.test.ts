import { describe, expect, it } from 'vitest';
import { decideStatus, pctVersus } from '../../../src/engine/evaluate/status';
import { describeDuration } from '../../../src/engine/core/time';
import { RowIndex } from '../../../src/extension/panel/row-index';
import { PanelModel } from '../../../src/extension/panel/panel-model';
import { row } from '../extension/fixtures';

const bands = { watch: 0.005, warning: 0.02, critical: 0.1 };
const base = { unknownReason: null, liquidatable: false, distance: 0.1, note: null, horizonLabel: '24h', probabilityBands: bands, distanceBands: { watch: 0.2, warning: 0.1, critical: 0.05 } };

describe('reasons tell the truth', () => {
  it('never "P = 0.5 % < 0.5 %": enough digits to keep the comparison true', () => {
    expect(decideStatus({ ...base, probability: 0.004997 }).reason).toBe('P(liquidation within 24h) = 0.4997 % < 0.5 %');
    expect(decideStatus({ ...base, probability: 0.0013 }).reason).toBe('P(liquidation within 24h) = 0.13 % < 0.5 %');
    expect(decideStatus({ ...base, probability: 0.008 }).reason).toBe('P(liquidation within 24h) = 0.8 % ≥ 0.5 %');
    expect(pctVersus(0.0999996, 0.1)).toBe('9.99996 %');
  });
  it('a stale horizon reads in days and hours, never raw seconds', () => {
    expect(describeDuration(86400)).toBe('24h');
    expect(describeDuration(906848.878)).toBe('10 d 11 h');
  });
});

describe('honest time in the panel', () => {
  it('the report carries the files\' evaluation times, not the wall clock, and each row its own', () => {
    const a = row({ file: 'a.positions.yaml', id: 'a' });
    const b = row({ file: 'b.positions.yaml', id: 'b' });
    const index = new RowIndex();
    index.setFile('file:///a', [a]);
    index.setFile('file:///b', [b]);
    const model = new PanelModel(index);
    const msg = model.modelMessage({
      epoch: 1, now: new Date('2030-01-01T00:00:00Z'), files: [], risk: {},
      times: { 'a.positions.yaml': Date.parse('2026-11-24T07:00:00Z'), 'b.positions.yaml': Date.parse('2026-11-24T08:00:00Z') },
    });
    expect(msg.summary.now).toBe('2026-11-24T07:00:00.000Z');
    expect(msg.summary.times).toEqual(['2026-11-24T07:00:00.000Z', '2026-11-24T08:00:00.000Z']);
    const rows = msg.window.items.flatMap((it, k) => (it.type === 'row' ? [model.selectedRow(k)!] : []));
    expect(rows.map((r) => r.evaluatedAt).sort()).toEqual(['2026-11-24T07:00:00.000Z', '2026-11-24T08:00:00.000Z']);
  });
});
