// The history files a parsed position file reads (docs/format.md §3.1), as absolute paths — so a view can watch them
// and re-evaluate the file when new bars arrive (continuous recalibration). With a root, only the paths that
// stay inside it (issue 13: the ones the engine would read).
import { dirname, resolve } from 'node:path';
import type { ParsedFile } from '../core/types';
import { confine, type RealPath } from '../core/path-confinement';

export function historyPaths(parsed: ParsedFile | null, absPath: string, root?: string, realpath?: RealPath): string[] {
  if (!parsed) return [];
  const dir = dirname(absPath);
  const out = new Set<string>();
  const add = (ref: string | null): void => {
    if (!ref) return;
    if (root === undefined) { out.add(resolve(dir, ref)); return; }
    const c = confine(ref, dir, root, realpath);
    if (c.ok) out.add(resolve(dir, ref.replace(/\\/g, '/'))); // as written (the watcher's path), not the real path
  };
  for (const a of parsed.accounts) {
    if (a.kind === 'perp') for (const p of a.positions) add(p.market.history);
    if (a.kind === 'lending') for (const m of Object.values(a.markets)) add(m.history);
  }
  return [...out];
}
