// .gitignore read with the `ignore` library (no git process; works in Restricted Mode).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitignoreMatcher, gitIgnored } from '../../../src/extension/gitignore';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'll-gi-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

describe('gitignore matcher', () => {
  const root = tree({
    '.gitignore': 'secret/\n*.tmp.positions.yaml\n',
    'secret/a.positions.yaml': '',
    'a.tmp.positions.yaml': '',
    'keep.positions.yaml': '',
    'desk/.gitignore': 'local.positions.yaml\n!a.tmp.positions.yaml\n',
    'desk/local.positions.yaml': '',
    'desk/a.tmp.positions.yaml': '',
    'desk/sub/local.positions.yaml': '',
    'other/local.positions.yaml': '',
    '.git/info/exclude': 'excluded.positions.yaml\n',
    'excluded.positions.yaml': '',
  });
  const m = new GitignoreMatcher(root);
  const is = (p: string) => m.ignores(join(root, p));

  it('reads the root .gitignore, directories and globs', () => {
    expect(is('secret/a.positions.yaml')).toBe(true);
    expect(is('a.tmp.positions.yaml')).toBe(true);
    expect(is('keep.positions.yaml')).toBe(false);
  });
  it('reads nested .gitignore files relative to their folder, with negation overriding the parent', () => {
    expect(is('desk/local.positions.yaml')).toBe(true);
    expect(is('desk/sub/local.positions.yaml')).toBe(true);
    expect(is('other/local.positions.yaml')).toBe(false);
    expect(is('desk/a.tmp.positions.yaml')).toBe(false);
  });
  it('reads .git/info/exclude, and nothing outside the folder', () => {
    expect(is('excluded.positions.yaml')).toBe(true);
    expect(m.ignores(join(root, '..', 'x.positions.yaml'))).toBe(false);
  });
  it('gitIgnored returns the ignored subset', async () => {
    const set = await gitIgnored(root, [join(root, 'keep.positions.yaml'), join(root, 'secret/a.positions.yaml')]);
    expect([...set]).toEqual([join(root, 'secret/a.positions.yaml')]);
  });
});
