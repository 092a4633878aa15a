// Confinement of referenced paths (issue 13 item 1): pure rules, and the engine refusing before reading.
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confine } from '../../../src/engine/core/path-confinement';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { escapeText, quote } from '../../../src/engine/core/quote-text';

const real = (p: string) => { try { return realpathSync.native(p); } catch { return undefined; } };

describe('confine', () => {
  const root = resolve('/ws/project');
  const dir = join(root, 'desk');
  it('allows relative paths that stay inside the root, with / or \\', () => {
    expect(confine('data/a.csv', dir, root)).toEqual({ ok: true, absPath: join(dir, 'data/a.csv') });
    expect(confine('../shared/a.csv', dir, root)).toEqual({ ok: true, absPath: join(root, 'shared/a.csv') });
    expect(confine('data\\a.csv', dir, root)).toEqual({ ok: true, absPath: join(dir, 'data/a.csv') });
    expect(confine('x/../a.csv', dir, root).ok).toBe(true);
  });
  it('refuses absolute POSIX and Windows-style paths', () => {
    for (const ref of ['/etc/passwd', 'C:\\Windows\\win.ini', 'c:/x.csv', 'C:x.csv', '\\\\server\\share\\a.csv', '//server/share/a.csv', '\\etc\\passwd']) {
      const c = confine(ref, dir, root);
      expect(c.ok, ref).toBe(false);
      if (!c.ok) expect(c.rule, ref).toMatch(/absolute/);
    }
  });
  it('refuses .. that leaves the root, with / or \\', () => {
    for (const ref of ['../../etc/passwd', '..\\..\\etc\\passwd', '../../../../../../etc/shadow', '../../project-evil/a.csv', 'data/../../../x']) {
      const c = confine(ref, dir, root);
      expect(c.ok, ref).toBe(false);
      if (!c.ok) expect(c.rule).toMatch(/leaves the root/);
    }
  });
  it('refuses a NUL byte', () => {
    expect(confine('a\0.csv', dir, root).ok).toBe(false);
  });
});

describe('symlinks', () => {
  const base = realpathSync.native(mkdtempSync(join(tmpdir(), 'll-confine-')));
  const root = join(base, 'ws');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'data'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.csv'), 'time,open,high,low,close\n');
  writeFileSync(join(root, 'data', 'bars.csv'), 'time,open,high,low,close\n');
  symlinkSync(join(outside, 'secret.csv'), join(root, 'link-out.csv'));
  symlinkSync(outside, join(root, 'dir-out'));
  symlinkSync(join(root, 'data', 'bars.csv'), join(root, 'link-in.csv'));

  it('refuses a symlink (file or folder) pointing outside the root', () => {
    for (const ref of ['link-out.csv', 'dir-out/secret.csv']) {
      const c = confine(ref, root, root, real);
      expect(c.ok, ref).toBe(false);
      if (!c.ok) expect(c.rule).toMatch(/symlink/);
    }
  });
  it('allows a symlink that stays inside, and reads its real path', () => {
    expect(confine('link-in.csv', root, root, real)).toEqual({ ok: true, absPath: join(root, 'data', 'bars.csv') });
  });
});

describe('the engine refuses before reading', () => {
  const yaml = (history: string) => `version: 1\nvenue: generic-linear\nwalletBalance: "1000"\nmarkets:\n  BTCUSDT: { markPrice: "100", mmr: "0.01", history: ${JSON.stringify(history)} }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "100" }\n`;
  for (const ref of ['/etc/passwd', '../../../../../../etc/passwd', '..\\..\\..\\..\\etc\\passwd', 'C:\\Windows\\win.ini', '\\\\server\\share\\x.csv']) {
    it(`history: ${ref}`, () => {
      const opened: string[] = [];
      const text = yaml(ref);
      const r = evaluateFile({ path: 'a.positions.yaml', absPath: '/ws/a.positions.yaml', text }, {
        root: '/ws', readFile: (p) => { opened.push(p); return 'root:x:0:0:root:/root:/bin/bash\n'; },
      });
      expect(opened).toEqual([]);
      const d = r.file.diagnostics.find((x) => x.code === 'history-outside-root')!;
      expect(d.severity).toBe('error');
      // on the history value's range
      const line = text.split('\n')[d.line - 1]!;
      expect(line.slice(d.column - 1, d.endColumn - 1)).toBe(JSON.stringify(ref));
      expect(d.message).toMatch(/refused and not read: .*(absolute|leaves the root)/);
    });
  }

  it('a history file outside the own-folder default root is refused when no root is given', () => {
    const r = evaluateFile({ path: 'a.positions.yaml', absPath: '/ws/desk/a.positions.yaml', text: yaml('../x.csv') }, { readFile: () => undefined });
    expect(r.file.diagnostics.map((d) => d.code)).toContain('history-outside-root');
  });

  it('never echoes the history file’s content in a diagnostic', () => {
    const r = evaluateFile({ path: 'a.positions.yaml', absPath: '/ws/a.positions.yaml', text: yaml('data/h.csv') }, {
      root: '/ws', readFile: () => 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1::/:\n',
    });
    const all = JSON.stringify(r.file.diagnostics);
    expect(r.file.diagnostics.map((d) => d.code)).toContain('history-header');
    expect(all).not.toMatch(/root:x|bin\/bash|\/root/);
    const bad = evaluateFile({ path: 'a.positions.yaml', absPath: '/ws/a.positions.yaml', text: yaml('data/h.csv') }, {
      root: '/ws', readFile: () => 'time,open,high,low,close\nSECRET-1,2,3,1,2\n1700000000,SECRET-2,3,1,2\n1700003600,9,8,7,SECRET3\n',
    });
    expect(JSON.stringify(bad.file.diagnostics)).not.toMatch(/SECRET/);
  });
});

describe('quote', () => {
  it('is short, with an ellipsis', () => {
    expect(quote('a'.repeat(100))).toBe(`"${'a'.repeat(40)}…"`);
    expect(quote('BTCUSDT')).toBe('"BTCUSDT"');
  });
  it('escapes control, line-break, bidi and zero-width characters', () => {
    expect(quote('a\nb')).toBe('"a\\nb"');
    expect(quote('x\n::error::pwned')).not.toMatch(/\n/);
    expect(quote('\u001b[31mred')).toBe('"\\x1b[31mred"');
    expect(quote('\u202Eevil\u200B')).toBe('"\\u202eevil\\u200b"');
    expect(quote('say "hi" \\')).toBe('"say \\"hi\\" \\\\"');
    expect(escapeText('\r\u0085\u2028')).toBe('\\r\\x85\\u2028');
  });
  it('every diagnostic message of a file is escaped', () => {
    const text = 'version: 1\nvenue: generic-linear\nwalletBalance: "1000"\nmarkets:\n  BTCUSDT: { markPrice: "100", mmr: "0.01", "bad\\u001b[2J\\u202Ekey": 1 }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "100" }\n';
    const r = evaluateFile({ path: 'a.positions.yaml', absPath: '/ws/a.positions.yaml', text });
    const unknown = r.file.diagnostics.find((d) => d.code === 'unknown-key')!;
    expect(unknown.message).toContain('\\x1b[2J\\u202ekey');
    expect(r.file.diagnostics.every((d) => !/[\u0000-\u001f\u202a-\u202e]/.test(d.message))).toBe(true);
  });
});

