// The example position files (examples/, recursively): the engine tests that must hold on every one of them.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');

export function positionFiles(dir = join(ROOT, 'examples')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return positionFiles(p);
    return /\.positions\.(json|ya?ml|csv)$/.test(name) ? [p] : [];
  });
}
