import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const CLI = resolve(ROOT, 'dist/cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm run build first) the way a user does. */
export function cli(args: string[], cwd = ROOT): CliResult {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function json(args: string[], cwd = ROOT): { code: number; report: any; stderr: string } {
  const r = cli([...args, '--format', 'json'], cwd);
  return { code: r.code, report: JSON.parse(r.stdout), stderr: r.stderr };
}
