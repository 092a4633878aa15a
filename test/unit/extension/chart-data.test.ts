// Chart data of the details pane, from the engine on the Binance FAQ cross account (test/fixtures/extension): the
// curve must give the engine's own probability at the row's horizon, the band must be mark·exp(±kσ√t), and every
// coordinate must be a 0..1 chart position.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { resolveSettings } from '../../../src/engine/core/settings';
import { barriersOfRow, curveData, detailsMessage, ladderData, niceTicks, probabilityWithin, sigmaBand } from '../../../src/extension/chart-data';
import { HostToWebviewSchema } from '../../../src/protocol/messages';

const DIR = join(__dirname, '../../fixtures/extension');
const NAME = 'binance-faq-cross.positions.yaml';
const text = readFileSync(join(DIR, NAME), 'utf8');
const evaluation = evaluateFile({ path: NAME, absPath: join(DIR, NAME), text });
const settings = resolveSettings(undefined, evaluation.parsed?.risk);
const eth = evaluation.rows.find((r) => r.id === 'eth-faq')!;

describe('chart data', () => {
  it('reproduces the engine probability at the row horizon (same barriers, drift, tails)', () => {
    expect(eth.liquidationProbability).not.toBeNull();
    expect(probabilityWithin(eth, settings, 86400)).toBe(eth.liquidationProbability);
    expect(barriersOfRow(eth)).toMatchObject({ up: null });
    expect(barriersOfRow(eth)!.down!.toString()).toBe(eth.liquidationPrice);
  });

  it('grows with the horizon and carries the row probability as the marker', () => {
    const curve = curveData(eth, settings)!;
    const ps = curve.points.map((p) => p.p);
    for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThanOrEqual(ps[i - 1]! - 1e-12);
    expect(curve.marker?.p).toBe(eth.liquidationProbability);
    expect(curve.ticks.map((t) => t.label)).toEqual(['1h', '4h', '24h', '3d', '7d']);
    expect(curve.title).toMatch(/^Probability of liquidation by horizon: 1h .* 24h 0\.\d+ %/);
    expect(curve.aside).toBe('Student-t (k = 4), funding −10.95 %/yr');
  });

  it('the band is mark·exp(±kσ√t)', () => {
    const [lo, hi] = sigmaBand(1335.18, 0.8, 1 / 365, 1);
    expect(lo).toBeCloseTo(1335.18 * Math.exp(-0.8 * Math.sqrt(1 / 365)), 9);
    expect(hi).toBeCloseTo(1335.18 * Math.exp(0.8 * Math.sqrt(1 / 365)), 9);
  });

  it('ladder: levels in price order, long zone below liquidation, numbers in the desc', () => {
    const ladder = ladderData(eth)!;
    const by = Object.fromEntries(ladder.levels.map((l) => [l.name, l]));
    expect(by['liquidation']!.value).toBe('1,153.26');
    expect(by['mark']!.value).toBe('1,335.18');
    expect(by['entry']!.value).toBe('1,456.84');
    expect(by['liquidation']!.y).toBeLessThan(by['mark']!.y);
    expect(by['mark']!.y).toBeLessThan(by['entry']!.y);
    expect(ladder.zones).toEqual([{ from: 0, to: by['liquidation']!.y }]);
    expect(ladder.desc).toContain('liquidation 1,153.26');
    expect(ladder.desc).toContain('mark 1,335.18');
    expect(ladder.desc).toMatch(/±1σ band spans 1,2\d\d\.\d\d to 1,3\d\d\.\d\d/);
    expect(ladder.band).toHaveLength(49);
    expect(ladder.aside).toBe('24h σ 4.19% · median time to liq. 21.9d');
  });

  it('niceTicks steps 1-2-5', () => {
    expect(niceTicks(1100, 1500)).toEqual([1100, 1200, 1300, 1400, 1500]);
    expect(niceTicks(0.071, 0.081)).toEqual([0.072, 0.074, 0.076, 0.078, 0.08]);
  });

  it('every details message of the example validates against the protocol', () => {
    for (const row of evaluation.rows) {
      const msg = detailsMessage({ row, settings, epoch: 3 });
      const r = v.safeParse(HostToWebviewSchema, msg);
      expect(r.success, JSON.stringify(r.issues?.[0])).toBe(true);
    }
  });
});
