// Issue 13 item 3 in the extension: the workspace reader stats before reading (a file above the limit gets the CLI's
// one diagnostic and is never read), re-reads a file rewritten during the read, and skips unreadable files, folders,
// dangling links and symlink loops with a log line. A fake of vscode.workspace.fs (the module imports no `vscode`).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_WORKSPACE_FS, readWorkspaceFile, type WorkspaceFileSystem } from '../../../src/extension/read-workspace-file';
import { readSource } from '../../../src/cli/read-source';
import { MAX_FILE_BYTES, MAX_YAML_BYTES } from '../../../src/engine/core/limits';

interface Uri { fsPath: string; path: string }
const uri = (name: string): Uri => ({ fsPath: `/ws/${name}`, path: `/ws/${name}` });

interface FakeFile { type?: number; size?: number; mtime?: number; bytes?: Uint8Array; statError?: Error; readError?: Error }

function fakeFs(files: Record<string, FakeFile | FakeFile[]>): WorkspaceFileSystem<Uri> & { reads: string[]; stats: string[] } {
  const reads: string[] = [];
  const stats: string[] = [];
  // An array is a file that changes: each read moves to the next version.
  const version = new Map<string, number>();
  const cur = (u: Uri): FakeFile => {
    const f = files[u.path];
    if (!f) throw Object.assign(new Error(`${u.path} (FileNotFound)`), { code: 'FileNotFound' });
    return Array.isArray(f) ? f[Math.min(version.get(u.path) ?? 0, f.length - 1)]! : f;
  };
  return {
    reads, stats,
    async stat(u) {
      stats.push(u.path);
      const f = cur(u);
      if (f.statError) throw f.statError;
      const bytes = f.bytes ?? new Uint8Array();
      return { type: f.type ?? 1, size: f.size ?? bytes.length, mtime: f.mtime ?? 1 };
    },
    async readFile(u) {
      reads.push(u.path);
      const f = cur(u);
      if (f.readError) throw f.readError;
      if (Array.isArray(files[u.path])) version.set(u.path, (version.get(u.path) ?? 0) + 1);
      return f.bytes ?? new Uint8Array();
    },
  };
}

const text = (s: string) => new TextEncoder().encode(s);

describe('extension: reading a workspace file', () => {
  it('reads a normal file', async () => {
    const fs = fakeFs({ '/ws/a.positions.yaml': { bytes: text('version: 1\n') } });
    expect(await readWorkspaceFile(uri('a.positions.yaml'), fs)).toEqual({ text: 'version: 1\n' });
  });

  it('refuses a file above the limit from its stat, never reading it, with the CLI diagnostic word for word', async () => {
    for (const [name, limit] of [['big.positions.json', MAX_FILE_BYTES], ['big.positions.yaml', MAX_YAML_BYTES], ['big.positions.csv', MAX_FILE_BYTES]] as const) {
      const size = 200 * 1024 * 1024;
      const fs = fakeFs({ [`/ws/${name}`]: { size } });
      const t0 = Date.now();
      const r = await readWorkspaceFile(uri(name), fs);
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(fs.reads).toEqual([]);
      expect('unread' in r).toBe(true);
      if (!('unread' in r)) continue;
      expect(r.unread).toMatchObject({ severity: 'error', code: 'file-too-large', line: 1, column: 1 });
      expect(r.unread.message).toContain(`${(limit / 1024 / 1024).toFixed(1)} MB`);
      const cli = readSource(`/ws/${name}`, { stat: () => ({ size, mtimeMs: 1, ino: 1, isFile: () => true }), read: () => { throw new Error('must not read'); } });
      expect(cli).toEqual({ unread: r.unread });
    }
  });

  it('reads a file exactly at the limit', async () => {
    const fs = fakeFs({ '/ws/edge.positions.yaml': { size: MAX_YAML_BYTES, bytes: new Uint8Array(MAX_YAML_BYTES) } });
    const r = await readWorkspaceFile(uri('edge.positions.yaml'), fs);
    expect('text' in r && r.text.length).toBe(MAX_YAML_BYTES);
  });

  it('re-reads a file rewritten during the read: the result is the new file, never a mix', async () => {
    const old = text('old: 1\n');
    const neu = text('new: 22\n');
    // first read returns the old bytes but the stat after it shows the new size: read again
    let n = 0;
    const fs: WorkspaceFileSystem<Uri> = {
      async stat() { return { type: 1, size: n === 0 ? old.length : neu.length, mtime: n === 0 ? 1 : 2 }; },
      async readFile() { return n++ === 0 ? old : neu; },
    };
    expect(await readWorkspaceFile(uri('a.positions.yaml'), fs)).toEqual({ text: 'new: 22\n' });
    expect(n).toBe(2);
  });

  it('gives the file-changed-while-read diagnostic when the file changes on every attempt', async () => {
    let mtime = 0;
    const fs: WorkspaceFileSystem<Uri> = {
      async stat() { return { type: 1, size: 3, mtime: mtime++ }; },
      async readFile() { return text('abc'); },
    };
    const r = await readWorkspaceFile(uri('bot.positions.json'), fs);
    expect('unread' in r && r.unread.code).toBe('file-changed-while-read');
  });

  it('skips unreadable files, folders, dangling links and symlink loops with a log line, reading nothing', async () => {
    const fs = fakeFs({
      '/ws/locked.positions.yaml': { size: 10, readError: Object.assign(new Error('EACCES: permission denied'), { code: 'NoPermissions' }) },
      '/ws/loop.positions.yaml': { statError: Object.assign(new Error('ELOOP: too many symbolic links encountered'), { code: 'Unknown' }) },
      '/ws/dangling.positions.yaml': { type: 64, size: 0 },
      '/ws/dir.positions.yaml': { type: 2, size: 4096 },
    });
    const lines: Record<string, string> = {};
    for (const name of ['locked', 'loop', 'dangling', 'dir', 'gone']) {
      const r = await readWorkspaceFile(uri(`${name}.positions.yaml`), fs);
      expect('skipped' in r).toBe(true);
      if ('skipped' in r) lines[name] = r.skipped;
    }
    expect(lines.locked).toBe('skipped /ws/locked.positions.yaml: cannot read it (NoPermissions: EACCES: permission denied)');
    expect(lines.loop).toContain('ELOOP');
    expect(lines.dangling).toBe('skipped /ws/dangling.positions.yaml: dangling symlink or symlink loop');
    expect(lines.dir).toBe('skipped /ws/dir.positions.yaml: not a file');
    expect(lines.gone).toContain('cannot read it');
    expect(fs.reads).toEqual(['/ws/locked.positions.yaml']);
  });
});

describe('NODE_WORKSPACE_FS (file: URIs read on Node in the extension host)', () => {
  it('gives vscode.workspace.fs\'s types for a file, a folder, a link to a file, a dangling link and a loop, and reads the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'll-nodefs-'));
    try {
      const at = (name: string) => ({ fsPath: join(dir, name), path: join(dir, name) });
      writeFileSync(join(dir, 'a.positions.json'), '{"positions": []}');
      mkdirSync(join(dir, 'd.positions.json'));
      symlinkSync(join(dir, 'a.positions.json'), join(dir, 'link.positions.json'));
      symlinkSync(join(dir, 'missing.json'), join(dir, 'dangling.positions.json'));
      symlinkSync(join(dir, 'loop2.positions.json'), join(dir, 'loop1.positions.json'));
      symlinkSync(join(dir, 'loop1.positions.json'), join(dir, 'loop2.positions.json'));
      const type = async (n: string) => (await NODE_WORKSPACE_FS.stat(at(n))).type;
      expect(await type('a.positions.json')).toBe(1);
      expect(await type('d.positions.json')).toBe(2);
      expect(await type('link.positions.json')).toBe(1 | 64);
      expect(await type('dangling.positions.json')).toBe(64);
      expect(await type('loop1.positions.json')).toBe(64);
      expect(await readWorkspaceFile(at('link.positions.json'), NODE_WORKSPACE_FS)).toEqual({ text: '{"positions": []}' });
      for (const n of ['d', 'dangling', 'loop1', 'gone']) expect('skipped' in await readWorkspaceFile(at(`${n}.positions.json`), NODE_WORKSPACE_FS)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
