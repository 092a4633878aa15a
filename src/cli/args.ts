// Command-line parsing for `liquidation-lens check` (docs/results.md §1). Pure: argv in, options or a usage error out.
import type { Status } from '../engine/core/types';

export type OutputFormat = 'table' | 'json' | 'markdown' | 'sarif';
export type FailOn = Exclude<Status, 'safe' | 'unknown'> | 'none';

export interface CheckOptions {
  command: 'check';
  paths: string[];
  format: OutputFormat | null;
  now: string | null;
  horizon: string | null;
  tails: 'gbm' | 'student-t' | 'vg' | 'evt' | null;
  stress: boolean;
  failOn: FailOn;
  include: string[];
  exclude: string[];
  quiet: boolean;
  /** Folder every `history:` path must stay inside (issue 13); null: derived per checked path (see cli-root.ts). */
  root: string | null;
  /** --jobs: worker threads; null: one per core. */
  jobs: number | null;
}

export type ParsedArgs = CheckOptions | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

const FORMATS: OutputFormat[] = ['table', 'json', 'markdown', 'sarif'];
const TAILS = ['gbm', 'student-t', 'vg', 'evt'] as const;
const FAIL_ON: FailOn[] = ['watch', 'warning', 'critical', 'liquidatable', 'none'];

export const USAGE = `Usage: liquidation-lens check [paths…] [options]

Finds position files (*.positions.{json,yaml,yml,csv}) under the given files or folders (default ".")
and reports every position's liquidation price, distance, probability, status and fix.

Options:
  --format table|json|markdown|sarif   output format (default: table on a terminal, json otherwise)
  --now <ISO time>                     evaluation time (default: the files' evaluationTime, else the clock)
  --horizon <duration>                 probability horizon, e.g. 24h, 7d (default 24h)
  --tails gbm|student-t|vg|evt         tail model of the liquidation probability (default student-t)
  --stress                             add the stress test (liquidations-at-risk curve)
  --fail-on watch|warning|critical|liquidatable|none   exit 1 at or above this status (default critical)
  --include <glob>                     only files matching (repeatable)
  --exclude <glob>                     skip files matching (repeatable)
  --root <dir>                         folder that history files must be inside (default: the working directory
                                       when the checked path is inside it, else the checked folder)
  --jobs N                             worker threads for many files (default: one per core; 1: no workers)
  --quiet                              no progress or log lines on stderr (the exit-1 reason line stays)
  -h, --help                           this help
  --version                            the version

Exit codes: 0 ok · 1 a position at or above --fail-on, a position that could not be evaluated (unknown), or an
error diagnostic (with --fail-on none: only an error diagnostic); one stderr line says why · 2 usage error.`;

function takeValue(argv: string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return v;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function positiveInt(value: string, flag: string): number {
  if (/^[1-9]\d{0,3}$/.test(value)) return Number(value);
  throw new UsageError(`${flag} must be a whole number of threads, 1 or more (got "${value}")`);
}

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  if (argv[0] !== 'check') throw new UsageError(`unknown command "${argv[0]}"; the command is "check"`);
  const o: CheckOptions = {
    command: 'check', paths: [], format: null, now: null, horizon: null, tails: null, stress: false,
    failOn: 'critical', include: [], exclude: [], quiet: false, root: null, jobs: null,
  };
  for (let i = 1; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : null;
    const value = (): string => {
      if (inline !== null) return inline;
      const v = takeValue(argv, i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--format': o.format = oneOf(value(), FORMATS, flag); break;
      case '--now': o.now = value(); break;
      case '--horizon': o.horizon = value(); break;
      case '--tails': o.tails = oneOf(value(), TAILS, flag); break;
      case '--stress': o.stress = true; break;
      case '--fail-on': o.failOn = oneOf(value(), FAIL_ON, flag); break;
      case '--include': o.include.push(value()); break;
      case '--exclude': o.exclude.push(value()); break;
      case '--quiet': case '-q': o.quiet = true; break;
      case '--root': o.root = value(); break;
      case '--jobs': case '-j': o.jobs = positiveInt(value(), flag); break;
      case '-h': case '--help': return { command: 'help' };
      default:
        if (raw.startsWith('-') && raw !== '-') throw new UsageError(`unknown option ${flag}`);
        o.paths.push(raw);
    }
  }
  if (o.paths.length === 0) o.paths.push('.');
  return o;
}
