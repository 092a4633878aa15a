// issue 10 §5: `check --jobs N` prints the same bytes for every N, and the streamed output equals the whole-report
// formatters (render) of the in-process engine, on the examples and on a generated multi-file folder.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { CLI, ROOT } from './helpers';
import { discover } from '../../../src/cli/discover';
import { render } from '../../../src/cli/render';
import { evaluate } from '../../../src/engine/evaluate/evaluate-file';
import type { OutputFormat } from '../../../src/cli/args';
// @ts-expect-error plain ESM module without types
import { writeBook } from '../../../bench/generate-book.mjs';

const NOW = '2026-11-24T07:00:00Z';
const FORMATS: OutputFormat[] = ['json', 'sarif', 'markdown', 'table'];

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The pre-streaming path: the engine's whole report through render(). */
const reports = new Map<string, ReturnType<typeof evaluate>>();
function oldOutput(path: string, format: OutputFormat): string {
  if (!reports.has(path)) {
    const found = discover([path], [], [], ROOT);
    const sources = found.files.map((abs) => ({ path: relative(ROOT, abs).split(sep).join('/') || abs, absPath: abs, text: '', bytes: readFileSync(abs) }));
    reports.set(path, evaluate(sources, { now: Date.parse(NOW), overrides: {}, stress: true, readFile: (p) => readFileSync(p, 'utf8') }));
  }
  return render(reports.get(path)!, format, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
}

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function book(): string {
  const dir = mkdtempSync(join(tmpdir(), 'll-jobs-'));
  made.push(dir);
  writeBook(join(dir, 'iso'), { shape: 'isolated', positions: 60, perFile: 20 });
  writeBook(join(dir, 'thin'), { shape: 'thin-cross', positions: 40, perFile: 20 });
  writeBook(join(dir, 'fat'), { shape: 'fat-cross', positions: 20, perFile: 10 });
  writeBook(join(dir, 'yaml'), { shape: 'isolated', positions: 10, perFile: 10, format: 'yaml' });
  writeBook(join(dir, 'csv'), { shape: 'thin-cross', positions: 20, perFile: 10, format: 'csv' });
  copyFileSync(join(ROOT, 'examples/mistakes.positions.yaml'), join(dir, 'mistakes.positions.yaml'));
  return dir;
}

describe.each([
  ['the examples', () => 'examples'],
  ['a generated multi-file book', () => relative(ROOT, book()) ],
])('check --jobs N on %s', (_name, folder) => {
  const path = folder();
  const force = { LIQUIDATION_LENS_MIN_PARALLEL_BYTES: '0' };
  it.each(FORMATS)('%s: the same bytes for --jobs 1, 2 and 4 (workers forced), equal to the whole-report formatter', (format) => {
    const args = ['check', path, '--format', format, '--now', NOW, '--stress', '--quiet'];
    const one = run([...args, '--jobs', '1']);
    expect(one.stderr.replace(/^liquidation-lens: exit 1: .*\n/m, '')).toBe('');
    expect(one.stdout.length).toBeGreaterThan(100);
    for (const jobs of ['2', '4']) {
      const many = run([...args, '--jobs', jobs], force);
      expect(many.stdout, `--jobs ${jobs}`).toBe(one.stdout);
      expect(many.code).toBe(one.code);
    }
    expect(one.stdout).toBe(oldOutput(path, format));
  });
});

describe('one evaluation time for the run', () => {
  it('files without evaluationTime get the one clock reading, whatever the worker', () => {
    const dir = book();
    const r = run(['check', join(dir, 'csv'), '--format', 'json', '--quiet', '--jobs', '2'], { LIQUIDATION_LENS_MIN_PARALLEL_BYTES: '0' });
    const report = JSON.parse(r.stdout);
    expect(report.files).toHaveLength(2);
    const ages = new Set(report.positions.map((p: any) => p.markAge));
    expect(ages.size).toBe(1);
  });
});

describe('--jobs', () => {
  it('is a usage error unless a whole number ≥ 1', () => {
    for (const v of ['0', '-1', 'two', '1.5']) expect(run(['check', 'examples', '--jobs', v]).code, v).toBe(2);
  });
});
