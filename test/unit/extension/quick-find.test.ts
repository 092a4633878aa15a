// The scan's quick first look (quick-find.ts): the include glob and the exclude globs as findFiles applies them to
// paths relative to the folder; links, .git and node_modules left to findFiles; null past the entry limit.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quickFind } from '../../../src/extension/quick-find';
import { DEFAULT_INCLUDE } from '../../../src/engine/core/settings';

const root = mkdtempSync(join(tmpdir(), 'll-quick-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(rel: string): void {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), '{}');
}

describe('quickFind', () => {
  for (const f of ['a.positions.json', 'desk/b.positions.yaml', 'desk/deep/c.positions.csv', 'desk/notes.json', 'archive/old.positions.json',
    '.hidden/d.positions.yml', 'node_modules/pkg/e.positions.json', '.git/f.positions.json']) file(f);
  symlinkSync(join(root, 'a.positions.json'), join(root, 'link.positions.json'));
  symlinkSync(join(root, 'desk'), join(root, 'desk-link'));

  it('finds what the include glob matches, under the exclude globs, leaving links, .git and node_modules to findFiles', async () => {
    const rel = (xs: string[] | null) => xs?.map((x) => x.slice(root.length + 1));
    expect(rel(await quickFind(root, DEFAULT_INCLUDE, []))).toEqual(['.hidden/d.positions.yml', 'a.positions.json', 'archive/old.positions.json', 'desk/b.positions.yaml', 'desk/deep/c.positions.csv']);
    expect(rel(await quickFind(root, DEFAULT_INCLUDE, ['**/archive', '**/.hidden']))).toEqual(['a.positions.json', 'desk/b.positions.yaml', 'desk/deep/c.positions.csv']);
    expect(rel(await quickFind(root, 'desk/**/*.positions.*', []))).toEqual(['desk/b.positions.yaml', 'desk/deep/c.positions.csv']);
  });

  it('gives up (null) past the entry limit, and finds nothing in a missing folder', async () => {
    expect(await quickFind(root, DEFAULT_INCLUDE, [], 5)).toBeNull();
    expect(await quickFind(join(root, 'nope'), DEFAULT_INCLUDE, [])).toEqual([]);
  });
});
