// Seed texts for mutation fuzzing: every bundled example (all dialects and formats) read once from examples/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');

export interface Seed {
  path: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.positions\.(json|ya?ml|csv)$/.test(n) ? [p] : [];
  });
}

export const SEEDS: Seed[] = walk(EXAMPLES).map((p) => ({ path: relative(ROOT, p).replace(/\\/g, '/'), text: readFileSync(p, 'utf8') }));
