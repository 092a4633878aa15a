import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measured, startHostStats } from '../../../src/extension/host-stats';

describe('host stats (bench/extension.mjs hook)', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'll-stats-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes nothing and measures nothing without the variable', () => {
    const stats = startHostStats(undefined);
    expect(measured('x', () => 41 + 1)).toBe(42);
    stats.dispose();
  });

  it('records activation and a labelled task longer than 8 ms', () => {
    const path = join(dir, 'stats.jsonl');
    const stats = startHostStats(path);
    const value = measured('slow task', () => {
      const end = performance.now() + 12;
      while (performance.now() < end) { /* busy */ }
      return 'done';
    });
    measured('fast task', () => 1);
    stats.dispose();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(value).toBe('done');
    expect(lines[0].event).toBe('activate');
    const tasks = lines.filter((l) => l.event === 'task');
    expect(tasks.map((t) => t.label)).toEqual(['slow task']);
    expect(tasks[0].ms).toBeGreaterThanOrEqual(12);
  });
});
