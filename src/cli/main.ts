// `liquidation-lens check`: results on stdout, logs on stderr, never writes the inputs (docs/results.md §1).
import { statSync } from 'node:fs';
import { parseArgs, UsageError, USAGE, type CheckOptions } from './args';
import { discover } from './discover';
import { availableParallelism } from 'node:os';
import { checkFiles } from './check-run';
import type { WritableLike } from './output-sink';
import type { ProgressStream } from './progress';
import type { Report } from '../engine/evaluate/report';
import { NODE_FS, type FileSystem } from './read-source';
import { parseDuration, parseTime } from '../engine/core/time';
import { exitCode, exitReason } from './exit';
import { checkedPathOf, rootFor } from './cli-root';
import type { RiskSettings } from '../engine/core/types';
import { inertLines } from '../presentation/inert-text';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

function overrides(o: CheckOptions): RiskSettings {
  const r: RiskSettings = {};
  if (o.horizon !== null) {
    const h = parseDuration(o.horizon);
    if (h === null || h <= 0) throw new UsageError(`--horizon must be a duration like 24h or 7d (got "${o.horizon}")`);
    r.horizon = h;
  }
  if (o.tails) r.tails = o.tails;
  return r;
}

function nowOf(o: CheckOptions): number | undefined {
  if (o.now === null) return undefined;
  const t = parseTime(o.now);
  if (t === null) throw new UsageError(`--now must be an ISO time like 2026-11-24T07:00:00Z (got "${o.now}")`);
  return t;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export interface Streams {
  stdout: WritableLike;
  stderr: ProgressStream;
}

export async function run(argv: string[], out: (s: string) => void, rawErr: (s: string) => void, isTty: boolean, streams: Streams, fs: FileSystem = NODE_FS): Promise<number> {
  // stderr carries paths and error messages that may hold file text: every line inert (no ESC, CR, `::` command).
  const err = (s: string): void => rawErr(inertLines(s));
  let args;
  try {
    args = parseArgs(argv);
    if (args.command === 'help') return out(USAGE + '\n'), 0;
    if (args.command === 'version') return out(VERSION + '\n'), 0;
    const log = args.quiet ? () => {} : (s: string) => err(s + '\n');
    const found = discover(args.paths, args.include, args.exclude, process.cwd(), log);
    if (found.missing.length) throw new UsageError(`no such file or folder: ${found.missing.join(', ')}`);
    if (args.root !== null && !isFolder(args.root)) throw new UsageError(`--root must be an existing folder (got "${args.root}")`);
    const { paths, root } = args;
    const rootOf = (abs: string): string => rootFor(checkedPathOf(abs, paths), root);
    const now = nowOf(args);
    const ov = overrides(args);
    log(`liquidation-lens: checking ${found.files.length} file(s)`);
    const result = await checkFiles({
      files: found.files, jobs: args.jobs ?? availableParallelism(), ...(now !== undefined ? { now } : {}), clock: Date.now(),
      overrides: ov, stress: args.stress, format: args.format ?? (isTty ? 'table' : 'json'), version: VERSION,
      quiet: args.quiet, stdout: streams.stdout, stderr: streams.stderr, log, rootOf, fs,
    });
    const gate = result as unknown as Report;
    const code = exitCode(gate, args.failOn);
    // The reason is printed even with --quiet: one short line that says why a gate failed (docs/results.md §1 v1.1).
    if (code === 1) err(`liquidation-lens: exit 1: ${exitReason(gate, args.failOn)}\n`);
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`liquidation-lens: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    err(`liquidation-lens: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s), !!process.stdout.isTTY, process).then((code) => {
    process.exitCode = code;
  });
}
