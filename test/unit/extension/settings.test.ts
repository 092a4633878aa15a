import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/engine/core/time';
import { DEFAULT_INCLUDE, effectiveBands, readSettings } from '../../../src/extension/settings';

const getter = (values: Record<string, unknown>) => (key: string) => values[key];

// The contributed defaults, as VS Code returns them from getConfiguration (package.json contributes.configuration).
const DEFAULTS = {
  include: DEFAULT_INCLUDE, exclude: [], horizon: '24h', 'probability.watch': 0.005, 'probability.warning': 0.02,
  'probability.critical': 0.1, 'distance.watch': 0.1, 'distance.warning': 0.05, 'distance.critical': 0.02,
  staleAfter: '5m', tails: 'student-t', targetStatus: 'safe', marginStep: null, opportunityCost: 0.1,
  evaluationTime: 'now', reportedDeviationTolerance: 0.001, openPanelOnStartup: false, defaultVenue: null,
};

describe('durations', () => {
  it('parses the docs/format.md §1 forms to seconds', () => {
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('15m')).toBe(900);
    expect(parseDuration('24h')).toBe(86400);
    expect(parseDuration('7d')).toBe(604800);
    expect(parseDuration('PT8H')).toBe(28800);
    expect(parseDuration('P1DT2H30M')).toBe(95400);
  });
  it('rejects what is not a duration', () => {
    for (const bad of ['', 'P', 'PT', 'soon', '-5m', '5 years']) expect(parseDuration(bad)).toBeNull();
  });
  it('reads a number of seconds from the settings', () => {
    expect(readSettings(getter({ ...DEFAULTS, horizon: 3600 })).risk.horizon).toBe(3600);
    expect(readSettings(getter({ ...DEFAULTS, horizon: '3600' })).risk.horizon).toBe(3600);
    expect(readSettings(getter({ ...DEFAULTS, horizon: 'soon' })).problems.join()).toMatch(/not a duration/);
  });
  it('prints short forms', () => {
    expect(formatDuration(86400)).toBe('24h');
    expect(formatDuration(604800)).toBe('7d');
    expect(formatDuration(28800)).toBe('8h');
    expect(formatDuration(90)).toBe('90s');
  });
});

describe('settings → RiskSettings', () => {
  it('maps the contributed defaults to the engine defaults of docs/format.md §6', () => {
    const s = readSettings(getter(DEFAULTS));
    expect(s.problems).toEqual([]);
    expect(s.risk).toEqual({
      horizon: 86400, probability: { watch: 0.005, warning: 0.02, critical: 0.1 }, distance: { watch: 0.1, warning: 0.05, critical: 0.02 },
      staleAfter: 300, tails: 'student-t', targetStatus: 'safe', opportunityCost: 0.1, evaluationTime: 'now', reportedDeviationTolerance: 0.001,
    });
    expect(s.risk.marginStep).toBeUndefined(); // null ⇒ the engine's 0.01 / 1e-8 for coin-settled
    expect(s.include).toBe('**/*.positions.{json,yaml,yml,csv}');
    expect(s.openPanelOnStartup).toBe(false);
    expect(s.defaultVenue).toBeUndefined();
  });
  it('maps user values, including ISO evaluation times and a default venue', () => {
    const s = readSettings(getter({ ...DEFAULTS, horizon: 'PT8H', staleAfter: '15m', tails: 'gbm', marginStep: 1,
      evaluationTime: '2026-11-24T07:00:00Z', defaultVenue: 'okx', 'probability.critical': 0.2, exclude: ['**/old/**'] }));
    expect(s.risk.horizon).toBe(28800);
    expect(s.risk.staleAfter).toBe(900);
    expect(s.risk.tails).toBe('gbm');
    expect(s.risk.marginStep).toBe(1);
    expect(s.risk.evaluationTime).toBe(Date.UTC(2026, 10, 24, 7));
    expect(s.risk.probability?.critical).toBe(0.2);
    expect(s.defaultVenue).toBe('okx');
    expect(s.exclude).toEqual(['**/old/**']);
  });
  it('reports bad values and leaves them to the engine default', () => {
    const s = readSettings(getter({ ...DEFAULTS, horizon: 'tomorrow', tails: 'fat', 'probability.watch': 5, defaultVenue: 'ftx', evaluationTime: 'yesterday' }));
    expect(s.risk.horizon).toBeUndefined();
    expect(s.risk.tails).toBeUndefined();
    expect(s.risk.probability).toEqual({ warning: 0.02, critical: 0.1 });
    expect(s.defaultVenue).toBeUndefined();
    expect(s.risk.evaluationTime).toBeUndefined();
    expect(s.problems).toHaveLength(5);
    expect(s.problems[0]).toContain('liquidationLens.horizon');
  });
  it('fills the footer bands with defaults', () => {
    expect(effectiveBands({ probability: { critical: 0.2 } })).toEqual({
      horizon: 86400, tails: 'student-t', probability: { watch: 0.005, warning: 0.02, critical: 0.2 }, distance: { watch: 0.1, warning: 0.05, critical: 0.02 },
    });
  });
});
