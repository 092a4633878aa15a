// The worker's JIT warm-up book is a valid position file (it must stay one as the format grows), and the warm-up
// stops at the first request.
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { warmUp, warmUpFile } from '../../../src/extension/worker/warm-up';

describe('worker warm-up', () => {
  it('evaluates its generated files without a diagnostic, with rows at risk and fixes', () => {
    for (const mode of ['isolated', 'cross'] as const) {
      const e = evaluateFile({ path: 'w.positions.json', absPath: '/w.positions.json', text: warmUpFile(mode, 40) });
      expect(e.file.diagnostics).toEqual([]);
      expect(e.rows).toHaveLength(40);
      expect(e.rows.every((r) => r.marginMode === mode && r.liquidationPrice !== null && r.liquidationProbability !== null)).toBe(true);
      expect(e.rows.some((r) => r.status !== 'safe' && r.fix !== null && 'addMargin' in r.fix && r.fix.addMargin !== null)).toBe(true);
    }
  });

  it('runs one file a slice and stops when a request comes', () => {
    const queued: Array<() => void> = [];
    let stop = false;
    warmUp(() => stop, (fn) => queued.push(fn));
    let slices = 0;
    while (queued.length && slices < 3) { queued.shift()!(); slices++; }
    expect(queued).toHaveLength(1);
    stop = true;
    queued.shift()!();
    expect(queued).toHaveLength(0);
  });
});
