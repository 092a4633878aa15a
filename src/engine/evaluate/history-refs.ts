// The history files a parsed position file reads (docs/format.md §3.1), as absolute paths — so a view can watch them
// and re-evaluate the file when new bars arrive (continuous recalibration).
import { dirname, resolve } from 'node:path';
import type { ParsedFile } from '../core/types';

export function historyPaths(parsed: ParsedFile | null, absPath: string): string[] {
  if (!parsed) return [];
  const dir = dirname(absPath);
  const out = new Set<string>();
  for (const a of parsed.accounts) {
    if (a.kind === 'perp') for (const p of a.positions) if (p.market.history) out.add(resolve(dir, p.market.history));
    if (a.kind === 'lending') for (const m of Object.values(a.markets)) if (m.history) out.add(resolve(dir, m.history));
  }
  return [...out];
}
