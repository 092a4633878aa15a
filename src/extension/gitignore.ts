// `.gitignore`d position files are skipped by default (docs/format.md §0). The .gitignore files are read with the
// `ignore` library — no process is spawned, so this works in Restricted Mode (issue 13): every .gitignore from the
// folder down to the file's directory, each relative to its own folder, deeper files overriding shallower ones
// (negations included), and a file under an ignored directory stays ignored, as in git. `.git/info/exclude` is read
// as a root-level file. Global excludes (core.excludesFile) are not read.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

const toPosix = (p: string): string => p.split(sep).join('/');

export class GitignoreMatcher {
  private readonly cache = new Map<string, Ignore | null>();
  constructor(private readonly root: string, private readonly read: (file: string) => string | undefined = readText) {}

  private rulesOf(dir: string): Ignore | null {
    if (this.cache.has(dir)) return this.cache.get(dir)!;
    const texts = [this.read(join(dir, '.gitignore'))];
    if (dir === this.root) texts.unshift(this.read(join(dir, '.git', 'info', 'exclude')));
    const present = texts.filter((t): t is string => t !== undefined);
    const ig = present.length ? ignore().add(present.join('\n')) : null;
    this.cache.set(dir, ig);
    return ig;
  }

  /** Whether git would ignore `abs` (a file, or a directory when `isDir`), given the .gitignore files above it. */
  private matches(abs: string, isDir: boolean): boolean {
    let state = false;
    const parent = dirname(abs);
    const chain: string[] = [];
    for (let d = parent; ; d = dirname(d)) {
      chain.unshift(d);
      if (d === this.root || dirname(d) === d) break;
    }
    for (const dir of chain) {
      const ig = this.rulesOf(dir);
      if (!ig) continue;
      const rel = toPosix(relative(dir, abs)) + (isDir ? '/' : '');
      const r = ig.test(rel);
      if (r.ignored) state = true;
      else if (r.unignored) state = false;
    }
    return state;
  }

  ignores(abs: string): boolean {
    const rel = relative(this.root, abs);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    const parts = rel.split(sep);
    // an ignored directory hides everything below it
    for (let i = 1; i < parts.length; i++) if (this.matches(join(this.root, ...parts.slice(0, i)), true)) return true;
    return this.matches(abs, false);
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The paths (absolute, under `root`) that the .gitignore files of `root` ignore. */
export function gitIgnored(root: string, paths: readonly string[]): Promise<Set<string>> {
  const m = new GitignoreMatcher(root);
  return Promise.resolve(new Set(paths.filter((p) => m.ignores(p))));
}
