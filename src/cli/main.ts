// `liquidation-lens check`: results on stdout, logs on stderr, never writes the inputs (docs/results.md §1).
import { readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { parseArgs, UsageError, USAGE, type CheckOptions } from './args';
import { discover } from './discover';
import { NODE_FS, readSource, type FileSystem } from './read-source';
import { render } from './render';
import { evaluate, type SourceFile } from '../engine/evaluate/evaluate-file';
import { parseDuration, parseTime } from '../engine/core/time';
import { exitCode, exitReason } from './exit';
import { checkedPathOf, realpathOrUndefined, rootFor } from './cli-root';
import type { RiskSettings } from '../engine/core/types';

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

function readSources(files: string[], log: (s: string) => void, rootOf: (abs: string) => string, fs: FileSystem): SourceFile[] {
  const out: SourceFile[] = [];
  for (const abs of files) {
    const r = readSource(abs, fs);
    if ('error' in r) {
      log(`skipped ${abs}: cannot read it (${r.error})`);
      continue;
    }
    const path = relative(process.cwd(), abs).split(sep).join('/') || abs;
    out.push({ path, absPath: abs, text: '', ...('bytes' in r ? { bytes: r.bytes } : { unread: r.unread }), root: rootOf(abs) });
  }
  return out;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readHistory(absPath: string): string | undefined {
  try {
    return readFileSync(absPath, 'utf8');
  } catch {
    return undefined;
  }
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void, isTty: boolean, fs: FileSystem = NODE_FS): number {
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
    const report = evaluate(readSources(found.files, log, rootOf, fs), {
      ...(now !== undefined ? { now } : {}), overrides: ov, stress: args.stress, readFile: readHistory, realpath: realpathOrUndefined,
    });
    out(render(report, args.format ?? (isTty ? 'table' : 'json'), VERSION));
    const code = exitCode(report, args.failOn);
    // The reason is printed even with --quiet: one short line that says why a gate failed (docs/results.md §1 v1.1).
    if (code === 1) err(`liquidation-lens: exit 1: ${exitReason(report, args.failOn)}\n`);
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
  const code = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s), !!process.stdout.isTTY);
  process.exitCode = code;
}
