// Issue 13 item 3, where files are read: symlink loops and unreadable files are skipped with a log line, files over
// the limit are refused unread, and a file rewritten during the read gives the old or the new result, never a mix.
import { chmodSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import { discover } from '../../../src/cli/discover';
import { NODE_FS, readSource, type FileSystem } from '../../../src/cli/read-source';
import { MAX_FILE_BYTES, MAX_YAML_BYTES } from '../../../src/engine/core/limits';

const GOOD = 'version: 1\nvenue: binance-usdm\nwalletBalance: "10000"\nmarkets: { BTCUSDT: { markPrice: "94500", mmr: "0.004" } }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "95000" }\n';
const OTHER = GOOD.replace('"95000"', '"96000"');
let dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'll-read-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs) {
    try { chmodSync(join(d, 'locked.positions.yaml'), 0o644); } catch { /* absent */ }
    rmSync(d, { recursive: true, force: true });
  }
  dirs = [];
});

async function check(args: string[], fs?: FileSystem): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = { write: (c: string) => { out += c; return true; }, once: () => undefined, on: () => undefined, removeListener: () => undefined };
  const stderr = { write: (c: string) => { err += c; return true; }, isTTY: false };
  const code = await run(['check', ...args, '--format', 'json', '--now', '2026-01-01T00:00:00Z'], (s) => { out += s; }, (s) => { err += s; }, false, { stdout, stderr }, fs);
  return { code, out, err };
}

describe('discovery: symlinks and unreadable entries', () => {
  it('a symlink loop is skipped with a log line; the real files are checked once', async () => {
    const d = tmp();
    mkdirSync(join(d, 'sub'));
    writeFileSync(join(d, 'sub', 'a.positions.yaml'), GOOD);
    symlinkSync(d, join(d, 'sub', 'loop'));
    symlinkSync(join(d, 'self'), join(d, 'self'));
    const logs: string[] = [];
    const found = discover([d], [], [], d, (s) => logs.push(s));
    expect(found.files).toEqual([join(d, 'sub', 'a.positions.yaml')]);
    expect(logs.some((l) => l.includes('symlink loop') && l.includes('loop'))).toBe(true);
    expect(logs.some((l) => l.includes(join(d, 'self')))).toBe(true);
  });

  it('a symlink pointing outside the checked folder is skipped and not read', async () => {
    const outside = tmp();
    writeFileSync(join(outside, 'secret.positions.yaml'), GOOD);
    const d = tmp();
    symlinkSync(join(outside, 'secret.positions.yaml'), join(d, 'link.positions.yaml'));
    const logs: string[] = [];
    expect(discover([d], [], [], d, (s) => logs.push(s)).files).toEqual([]);
    expect(logs.join('\n')).toContain('outside the checked folder');
  });

  it('an unreadable file is skipped with a log line (simulated reader; a real chmod 000 when not root)', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a.positions.yaml'), GOOD);
    writeFileSync(join(d, 'locked.positions.yaml'), GOOD);
    const denied: FileSystem = {
      stat: NODE_FS.stat,
      read: (p) => {
        if (p.endsWith('locked.positions.yaml')) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
        return NODE_FS.read(p);
      },
    };
    const r = await check([d], denied);
    expect(r.err).toMatch(/skipped .*locked\.positions\.yaml: cannot read it \(EACCES/);
    expect(JSON.parse(r.out).files.map((f: { path: string }) => f.path).some((p: string) => p.endsWith('a.positions.yaml'))).toBe(true);
    if (process.getuid?.() === 0) return; // root reads everything: the real chmod cannot be tested
    chmodSync(join(d, 'locked.positions.yaml'), 0o000);
    const real = await check([d]);
    expect(real.err).toMatch(/skipped .*locked\.positions\.yaml/);
  });
});

describe('reading a file', () => {
  it('a file above the limit is refused from its size, without reading it', async () => {
    let reads = 0;
    const big: FileSystem = { stat: () => ({ size: 200 * 1024 * 1024, mtimeMs: 1, ino: 1, isFile: () => true }), read: () => { reads++; return Buffer.from(''); } };
    for (const [name, limit] of [['a.positions.json', MAX_FILE_BYTES], ['a.positions.yaml', MAX_YAML_BYTES]] as const) {
      const r = readSource(name, big);
      expect('unread' in r && r.unread.code).toBe('file-too-large');
      expect('unread' in r && r.unread.message).toContain(`${(limit / 1048576).toFixed(1)} MB`);
    }
    expect(reads).toBe(0);
  });

  it('a file rewritten during the read is read again: the result is the new file, never a mix', async () => {
    const d = tmp();
    const file = join(d, 'a.positions.yaml');
    writeFileSync(file, GOOD);
    let n = 0;
    const racing: FileSystem = {
      stat: NODE_FS.stat,
      read: (p) => {
        const bytes = readFileSync(p);
        if (n++ === 0) {
          // The writer replaces the file between our read and our second stat.
          writeFileSync(p, OTHER + '# rewritten\n');
          const st = statSync(p);
          expect(st.size).not.toBe(bytes.length);
        }
        return bytes;
      },
    };
    const r = readSource(file, racing);
    expect('bytes' in r && r.bytes.toString()).toBe(OTHER + '# rewritten\n');
    expect(n).toBe(2);
  });

  it('a file that keeps changing gets one diagnostic after 3 attempts', async () => {
    let size = 10;
    const churn: FileSystem = { stat: () => ({ size: size++, mtimeMs: size, ino: 1, isFile: () => true }), read: () => Buffer.alloc(3) };
    const r = readSource('a.positions.yaml', churn);
    expect('unread' in r && r.unread.code).toBe('file-changed-while-read');
    const d = tmp();
    writeFileSync(join(d, 'a.positions.yaml'), GOOD);
    const out = JSON.parse((await check([d], { stat: (p) => ({ ...NODE_FS.stat(p), size: size++, ino: 1, mtimeMs: size, isFile: () => true }), read: NODE_FS.read })).out);
    expect(out.files[0].diagnostics.map((x: { code: string }) => x.code)).toEqual(['file-changed-while-read']);
    expect(out.positions).toEqual([]);
  });
});
