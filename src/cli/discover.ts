// Finds position files under the CLI's paths (docs/format.md §0: default pattern, .gitignore'd paths skipped).
import { readdirSync, readFileSync, realpathSync, statSync, existsSync } from 'node:fs';
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
  try {
    if (existsSync(file)) ig.add(readFileSync(file, 'utf8'));
  } catch {
    /* an unreadable .gitignore ignores nothing */
  }
  return ig;
}

interface Walk {
  root: string;
  /** The checked folder's real path: a symlink is followed only when it resolves inside it. */
  realRoot: string;
  ig: Ignore;
  out: string[];
  /** Real paths of the folders entered, so a symlink loop is entered once. */
  seen: Set<string>;
  log: (s: string) => void;
}

function walk(w: Walk, dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    w.log(`skipped ${dir}: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return;
  }
  for (const e of entries) {
    if (ALWAYS_SKIPPED.has(e.name)) continue;
    const abs = join(dir, e.name);
    const rel = toPosix(relative(w.root, abs));
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const target = followLink(w, abs);
      if (target === null) continue;
      isDir = target.isDir;
      isFile = !target.isDir;
    }
    if (rel && w.ig.ignores(isDir ? rel + '/' : rel)) continue;
    if (isDir) enter(w, abs);
    else if (isFile) w.out.push(abs);
  }
}

function enter(w: Walk, dir: string): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    real = dir;
  }
  if (w.seen.has(real)) {
    w.log(`skipped ${dir}: symlink loop (${real} is already searched)`);
    return;
  }
  w.seen.add(real);
  walk(w, dir);
}

/** Where a symlink leads: followed when it resolves inside the checked folder; loops, dangling links and links out are skipped with a log line. */
function followLink(w: Walk, abs: string): { isDir: boolean } | null {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    w.log(`skipped ${abs}: ${code === 'ELOOP' ? 'symlink loop' : code === 'ENOENT' ? 'dangling symlink' : `cannot resolve the symlink (${code ?? (e as Error).message})`}`);
    return null;
  }
  if (real !== w.realRoot && !real.startsWith(w.realRoot + sep)) {
    w.log(`skipped ${abs}: symlink to ${real}, outside the checked folder`);
    return null;
  }
  try {
    const st = statSync(real);
    if (!st.isDirectory() && !st.isFile()) return null;
    return { isDir: st.isDirectory() };
  } catch (e) {
    w.log(`skipped ${abs}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return null;
  }
}

/** Files named explicitly are read whatever their name; folders are searched with include/exclude. */
export function discover(paths: string[], include: string[], exclude: string[], cwd = process.cwd(), log: (s: string) => void = () => {}): Discovery {
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
    let realRoot = abs;
    try {
      realRoot = realpathSync(abs);
    } catch {
      /* keep abs */
    }
    enter({ root: abs, realRoot, ig: gitignoreFor(abs), out: found, seen: new Set(), log }, abs);
    for (const f of found) {
      // A glob may be written relative to the folder searched or to the working directory.
      const rels = [toPosix(relative(abs, f)), toPosix(relative(cwd, f))];
      if (rels.some((r) => inc(r)) && !rels.some((r) => exc(r))) files.add(f);
    }
  }
  return { files: [...files].sort(), missing };
}
