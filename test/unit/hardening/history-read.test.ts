// A history file is read only when it is a regular file within the limit: a FIFO (which would block the read for
// ever) or an oversized file a position file points to is never read and becomes the unreadable-history diagnostic.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_HISTORY_BYTES, readBounded } from '../../../src/engine/core/limits';

const file = (size: number) => ({ isFile: () => true, size });

describe('readBounded', () => {
  it('reads a regular file within the limit', () => {
    expect(readBounded(() => file(10), () => 'time,open,high,low,close\n')).toBe('time,open,high,low,close\n');
  });
  it('never reads a file over the limit, a FIFO or a device', () => {
    let reads = 0;
    const read = () => { reads++; return 'x'; };
    expect(readBounded(() => file(MAX_HISTORY_BYTES + 1), read)).toBeUndefined();
    expect(readBounded(() => ({ isFile: () => false, size: 0 }), read)).toBeUndefined();
    expect(reads).toBe(0);
  });
  it('a stat or read that throws is unreadable, not an exception', () => {
    expect(readBounded(() => { throw new Error('ENOENT'); }, () => 'x')).toBeUndefined();
    expect(readBounded(() => file(1), () => { throw new Error('EACCES'); })).toBeUndefined();
  });
});

describe('the CLI with a FIFO as history', () => {
  const cli = resolve('dist/cli.js');
  const dir = mkdtempSync(join(tmpdir(), 'll-fifo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const mkfifo = spawnSync('mkfifo', [join(dir, 'bars.csv')]);
  it.skipIf(mkfifo.status !== 0 || !existsSync(cli))('finishes with a diagnostic instead of blocking', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.positions.yaml'), 'version: 1\nvenue: generic-linear\nwalletBalance: "1000"\nrisk: { evaluationTime: 2026-11-24T07:00:00Z }\nmarkets:\n  BTCUSDT: { markPrice: "100", mmr: "0.01", history: bars.csv }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "100" }\n');
    const r = spawnSync(process.execPath, [cli, 'check', dir, '--format', 'json', '--root', dir], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    const report = JSON.parse(r.stdout);
    const codes = report.files.flatMap((f: { diagnostics: { code: string }[] }) => f.diagnostics.map((d) => d.code));
    expect(codes.some((c: string) => /history/.test(c))).toBe(true);
  });
});
