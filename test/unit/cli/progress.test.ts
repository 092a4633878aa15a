import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { Progress } from '../../../src/cli/progress';
import { CLI, ROOT } from './helpers';

function fake(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (s: string) => writes.push(s) }, writes };
}

describe('progress on stderr (docs/results.md §1)', () => {
  it('on a terminal: nothing for the first second, then one line rewritten with \\r, cleared at the end', () => {
    let t = 0;
    const { stream, writes } = fake(true);
    const p = new Progress(stream, Progress.wanted(stream, false), 3, () => t);
    p.fileDone(1000);
    expect(writes).toEqual([]);
    t = 1500;
    p.fileDone(2500);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^\rliquidation-lens: 2\/3 files · 3,500 positions · 1 s$/);
    t = 1550; // throttled
    p.fileDone(10);
    expect(writes).toHaveLength(1);
    p.done();
    expect(writes.at(-1)).toMatch(/^\r +\r$/);
    expect(writes.at(-1)!.length).toBe(writes[0]!.length + 1);
  });

  it('is off on a pipe and with --quiet', () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      let t = 0;
      const { stream, writes } = fake(tty);
      const p = new Progress(stream, Progress.wanted(stream, quiet), 2, () => t);
      t = 5000;
      p.fileDone(1);
      p.done();
      expect(writes).toEqual([]);
    }
  });

  it('the CLI writes no progress to a piped stderr, even with workers', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', 'examples', '--jobs', '2', '--format', 'json'], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, LIQUIDATION_LENS_MIN_PARALLEL_BYTES: '0' },
    });
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('liquidation-lens: exit 1:'))).toEqual([expect.stringMatching(/^liquidation-lens: checking \d+ file\(s\)$/)]);
  });
});
