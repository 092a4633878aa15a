// Finds position files under the CLI's paths (docs/format.md §0: default pattern, .gitignore'd paths skipped).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep, resolve } from 'node:path';
import picomatch from 'picomatch';
import ignore, { type Ignore } from 'ignore';
import { DEFAULT_INCLUDE } from '../engine/core/settings';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', 'dist', 'out']);

export interface Discovery {
  files: string[];
  missing: string[];
}

const toPosix = (p: string): string => p.split(sep).join('/');

/** Reads the .gitignore files from `root` down to `dir` into one matcher (relative to root). */
function gitignoreFor(root: string): Ignore {
  const ig = ignore();
  const file = join(root, '.gitignore');
  if (existsSync(file)) ig.add(readFileSync(file, 'utf8'));
  return ig;
}

function walk(root: string, dir: string, ig: Ignore, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (ALWAYS_SKIPPED.has(e.name)) continue;
    const abs = join(dir, e.name);
    const rel = toPosix(relative(root, abs));
    if (rel && ig.ignores(e.isDirectory() ? rel + '/' : rel)) continue;
    if (e.isDirectory()) walk(root, abs, ig, out);
    else if (e.isFile()) out.push(abs);
  }
}

/** Files named explicitly are read whatever their name; folders are searched with include/exclude. */
export function discover(paths: string[], include: string[], exclude: string[], cwd = process.cwd()): Discovery {
  const inc = picomatch(include.length ? include : [DEFAULT_INCLUDE], { dot: false });
  const exc = exclude.length ? picomatch(exclude, { dot: true }) : () => false;
  const files = new Set<string>();
  const missing: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isFile()) {
      files.add(abs);
      continue;
    }
    const found: string[] = [];
    walk(abs, abs, gitignoreFor(abs), found);
    for (const f of found) {
      // A glob may be written relative to the folder searched or to the working directory.
      const rels = [toPosix(relative(abs, f)), toPosix(relative(cwd, f))];
      if (rels.some((r) => inc(r)) && !rels.some((r) => exc(r))) files.add(f);
    }
  }
  return { files: [...files].sort(), missing };
}
