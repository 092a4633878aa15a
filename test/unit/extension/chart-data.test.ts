// Chart data of the details pane. The numbers come from the engine (row-charts.ts) on the inputs it used for the row
// (FileEvaluation.riskInputs): the curve must give the engine's own probability at the row's horizon, the band must
// be mark·exp(±kσ√t), the caption must name the model actually used, and every coordinate is a 0..1 chart position.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { resolveSettings } from '../../../src/engine/core/settings';
import { probabilityOverHorizons, sigmaBand } from '../../../src/engine/evaluate/row-charts';
import { curveData, detailsMessage, ladderData, modelLabel, niceTicks } from '../../../src/extension/chart-data';
import { HostToWebviewSchema } from '../../../src/protocol/messages';

const DIR = join(__dirname, '../../fixtures/extension');
const NAME = 'binance-faq-cross.positions.yaml';
const text = readFileSync(join(DIR, NAME), 'utf8');
const evaluation = evaluateFile({ path: NAME, absPath: join(DIR, NAME), text });
const settings = resolveSettings(undefined, evaluation.parsed?.risk);
const eth = evaluation.rows.find((r) => r.id === 'eth-faq')!;
const ethInputs = evaluation.riskInputs![eth.id]!;

function evaluateExample(name: string, patch?: (t: string) => string) {
  const path = join(__dirname, '../../../examples', name);
  const t = readFileSync(path, 'utf8');
  return evaluateFile({ path: name, absPath: path, text: patch ? patch(t) : t });
}

describe('chart data from the engine', () => {
  it('a pending row (its file only listed) gets no charts and a note that they follow, never its placeholder reason', () => {
    const msg = detailsMessage({ row: { ...eth, status: 'unknown', reason: 'not evaluated yet' }, inputs: null, settings, epoch: 1, pending: true });
    expect([msg.ladder, msg.curve, msg.timeToLiquidation]).toEqual([null, null, null]);
    expect(msg.note).toMatch(/follow once this file is evaluated/);
    expect(v.safeParse(HostToWebviewSchema, msg).success).toBe(true);
  });

  it('the engine answers the row probability at the row horizon from its own inputs', () => {
    expect(eth.liquidationProbability).not.toBeNull();
    expect(probabilityOverHorizons(ethInputs, [86400])[0]).toBe(eth.liquidationProbability);
    expect(ethInputs.up).toBeNull();
    expect(ethInputs.down).toBe(Number(eth.liquidationPrice));
  });

  it('grows with the horizon, carries the row probability as the marker, names the model used', () => {
    const curve = curveData(eth, ethInputs, settings.probability.critical)!;
    const ps = curve.points.map((p) => p.p);
    for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThanOrEqual(ps[i - 1]! - 1e-12);
    expect(curve.marker?.p).toBe(eth.liquidationProbability);
    expect(curve.ticks.map((t) => t.label)).toEqual(['1 h', '4 h', '1 d', '3 d', '7 d']);
    expect(curve.title).toMatch(/^Probability of liquidation by horizon: 1 h .* 1 d 0\.\d+ %/);
    expect(curve.aside).toBe(`Student-t (k = ${ethInputs.dof}), funding -10.95 %/yr`);
    expect(curve.threshold!.label).toBe('critical ≥ 10 %');
  });

  it('the caption follows a fitted k (no hard-coded "k = 4")', () => {
    expect(modelLabel({ ...ethInputs, tails: 'student-t', dof: 3.21 })).toMatch(/^Student-t \(k = 3\.21\)/);
    expect(modelLabel({ ...ethInputs, tails: 'gbm', mu: 0 })).toBe('GBM first passage, funding 0');
  });

  it('the band is mark·exp(±kσ√t)', () => {
    const [lo, hi] = sigmaBand(1335.18, 0.8, 1 / 365, 1);
    expect(lo).toBeCloseTo(1335.18 * Math.exp(-0.8 * Math.sqrt(1 / 365)), 9);
    expect(hi).toBeCloseTo(1335.18 * Math.exp(0.8 * Math.sqrt(1 / 365)), 9);
  });

  it('ladder: levels in price order, long zone below liquidation, numbers in the desc', () => {
    const ladder = ladderData(eth, ethInputs)!;
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
    expect(ladder.aside).toBe('1 d σ 4.19 % · median time to liq. 21 d 21 h');
  });

  it('a loan without volatility still gets a ladder with its liquidation price', () => {
    const ev = evaluateExample('aave-v3.positions.yaml', (t) => t.replace(/^\s*(volatility|impliedVolatility|history):.*$/gm, ''));
    const loan = ev.rows.find((r) => r.kind === 'loan' && r.liquidationPrice !== null && r.volatility === null);
    expect(loan, 'an Aave loan with a liquidation price and no volatility').toBeDefined();
    const ladder = ladderData(loan!, ev.riskInputs![loan!.id] ?? null)!;
    expect(ladder.levels.map((l) => l.name)).toContain('liquidation');
    expect(ladder.band).toEqual([]);
    expect(ladder.aside).toBe('no volatility');
    expect(ladder.desc).toContain('No volatility, so no price band.');
  });

  it('a stale mark stretches the ladder span in human units', () => {
    const ladder = ladderData(eth, { ...ethInputs, staleSeconds: 820448.878 })!;
    expect(ladder.title).toContain('next 10 d 11 h');
    expect(ladder.timeTicks.map((t) => t.label)).toEqual(['now', '5 d 5 h', '10 d 11 h']);
  });

  it('niceTicks steps 1-2-5', () => {
    expect(niceTicks(1100, 1500)).toEqual([1100, 1200, 1300, 1400, 1500]);
    expect(niceTicks(0.071, 0.081)).toEqual([0.072, 0.074, 0.076, 0.078, 0.08]);
  });

  it('every details message of the example validates against the protocol', () => {
    for (const row of evaluation.rows) {
      const msg = detailsMessage({ row, inputs: evaluation.riskInputs?.[row.id] ?? null, settings, epoch: 3 });
      const r = v.safeParse(HostToWebviewSchema, msg);
      expect(r.success, JSON.stringify(r.issues?.[0])).toBe(true);
    }
  });
});
