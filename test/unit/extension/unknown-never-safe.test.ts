// Unknown is never safe (issue 14): the status bar counts it on its own, the stress view says it was not evaluated.
import { describe, expect, it } from 'vitest';
import { statusText } from '../../../src/extension/status-text';
import { stressMessage } from '../../../src/extension/stress-view';
import { stressAccountLabel, stressAccounts } from '../../../src/presentation/stress-accounts';
import { stressLines } from '../../../src/presentation/report-text';
import type { Status } from '../../../src/engine/core/types';

const rows = (...s: Status[]) => s.map((status) => ({ status }));

describe('status bar', () => {
  it('three unknown rows are "3 unknown", never safe', () => {
    const t = statusText(rows('unknown', 'unknown', 'unknown'))!;
    expect(t.text).toBe('$(question) 3 unknown');
    expect(t.text).not.toMatch(/safe/);
    expect(t.tooltip).toMatch(/3 unknown/);
  });
  it('counts risk and unknown separately; all safe says safe', () => {
    expect(statusText(rows('critical', 'unknown', 'safe'))!.text).toBe('$(error) 1 at risk · 1 unknown');
    expect(statusText(rows('safe', 'unknown'))!.text).toBe('$(question) 1 unknown');
    expect(statusText(rows('safe', 'safe'))!.text).toBe('$(pass) 2 safe');
    expect(statusText([])).toBeNull();
    expect(statusText(rows('liquidatable'))!.alarm).toBe(true);
  });
});

describe('stress accounts', () => {
  const report = { shocks: [-0.5, -0.1, 0, 0.1, 0.5], curve: [], accounts: [
    { file: 'a.positions.yaml', account: 'broken', firstFailingShock: null },
    { file: 'a.positions.yaml', account: 'fine', firstFailingShock: null },
    { file: 'a.positions.yaml', account: 'mixed', firstFailingShock: -0.07 },
  ] };
  const positions = [
    { file: 'a.positions.yaml', account: 'broken', status: 'unknown' as Status },
    { file: 'a.positions.yaml', account: 'broken', status: 'unknown' as Status },
    { file: 'a.positions.yaml', account: 'fine', status: 'safe' as Status },
    { file: 'a.positions.yaml', account: 'mixed', status: 'unknown' as Status },
    { file: 'b.positions.yaml', account: 'unparsed', status: 'unknown' as Status },
  ];
  it('an account with unknown positions could not be evaluated; one without says no liquidation', () => {
    const views = stressAccounts(report.accounts, positions);
    const label = (acct: string) => stressAccountLabel(views.find((v) => v.account === acct)!, '±50 %');
    expect(label('broken')).toMatch(/^could not be evaluated \(2 positions unknown\)/);
    expect(label('broken')).not.toMatch(/no liquidation within/);
    expect(label('fine')).toBe('no liquidation within ±50 %');
    expect(label('mixed')).toMatch(/first liquidation at .*\(1 position unknown, not evaluated\)/);
    // an account the reader could not build is listed, not silently absent
    expect(label('unparsed')).toMatch(/could not be evaluated/);
  });
  it('the panel message and the CLI text carry the same words', () => {
    const m = stressMessage({ ...report, curve: [{ shock: 0, positionsLiquidated: 0, notional: '0', loss: '0' }] }, 1, positions);
    const broken = m.accounts.find((a) => a.account === 'broken')!;
    expect(broken.label).toMatch(/could not be evaluated/);
    expect(broken.unknown).toBe(2);
    expect(m.desc).toMatch(/4 positions could not be evaluated/);
    const text = stressLines({ ...report, curve: [] }, positions).join('\n');
    expect(text).toMatch(/broken: could not be evaluated \(2 positions unknown\)/);
    expect(text).toMatch(/fine: no liquidation within ±50 %/);
  });
});
