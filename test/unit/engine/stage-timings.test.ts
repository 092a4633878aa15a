// The benchmark's stage timings (EvaluateOptions.timings, docs/results.md §6): filled for the stages a file runs, and
// never a change to what is computed.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import type { StageTimings } from '../../../src/engine/evaluate/stage-timings';
import { timerFor, untimed } from '../../../src/engine/evaluate/stage-timings';
import { positionFiles, ROOT } from './example-files';

const NOW = Date.parse('2026-11-24T07:00:00Z');

function source(rel: string) {
  const absPath = join(ROOT, rel);
  return { path: rel, absPath, text: readFileSync(absPath, 'utf8') };
}

describe('stage timings', () => {
  it('time the fix searches, risk details with their time to liquidation, and account VaR of a perp book', () => {
    const timings: StageTimings = {};
    const ev = evaluateFile(source('examples/desk-isolated.positions.json'), { now: NOW, timings });
    expect(ev.rows.some((r) => r.fix !== null)).toBe(true);
    expect(ev.rows.some((r) => r.details.timeToLiquidation)).toBe(true);
    for (const stage of ['fixes', 'riskDetails', 'timeToLiquidation', 'accountVar'] as const) expect(timings[stage], stage).toBeGreaterThan(0);
    expect(timings.timeToLiquidation!).toBeLessThanOrEqual(timings.riskDetails!);
  });

  it('add up over files and calls into the same object', () => {
    const timings: StageTimings = {};
    evaluate([source('examples/desk-isolated.positions.json')], { now: NOW, timings });
    const once = { ...timings };
    evaluate([source('examples/desk-isolated.positions.json'), source('examples/hedge-book.positions.yaml')], { now: NOW, timings });
    for (const stage of ['fixes', 'riskDetails', 'accountVar'] as const) expect(timings[stage]!, stage).toBeGreaterThan(once[stage]!);
  });

  it.each(positionFiles().map((f) => [f.slice(ROOT.length + 1)]))('%s: the same report with and without timings', (rel) => {
    const plain = evaluate([source(rel)], { now: NOW });
    const timed = evaluate([source(rel)], { now: NOW, timings: {} });
    expect(JSON.stringify(timed)).toBe(JSON.stringify(plain));
  });

  it('a timer adds each stage\'s time and returns the work\'s value, even when the work throws', () => {
    const into: StageTimings = {};
    const time = timerFor(into);
    expect(time('fixes', () => 7)).toBe(7);
    expect(() => time('fixes', () => { throw new Error('x'); })).toThrow('x');
    expect(into.fixes).toBeGreaterThanOrEqual(0);
    expect(Object.keys(into)).toEqual(['fixes']);
    expect(timerFor(undefined)).toBe(untimed);
    expect(untimed('fixes', () => 'v')).toBe('v');
  });
});
