// The built CLI on a hostile folder (issue 13 item 1): nothing outside the root is read or echoed, on any format.
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, realpathSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers';

const PASSWD = existsSync('/etc/passwd') ? '/etc/passwd' : null;

function market(history: string, symbol = 'BTCUSDT'): string {
  return `  ${symbol}: { markPrice: "100", mmr: "0.01", volatility: 0.5, history: ${JSON.stringify(history)} }\n`;
}

function positions(markets: string[]): string {
  const syms = markets.map((_, i) => `S${i}`);
  return `version: 1\nvenue: generic-linear\nwalletBalance: "1000"\nmarkets:\n${markets.map((m, i) => m.replace('BTCUSDT', syms[i]!)).join('')}positions:\n${syms.map((s) => `  - { symbol: ${s}, side: long, size: "1", entryPrice: "100" }\n`).join('')}`;
}

describe('CLI confinement', () => {
  const base = realpathSync.native(mkdtempSync(join(tmpdir(), 'll-root-')));
  const ws = join(base, 'ws');
  const outside = join(base, 'outside');
  mkdirSync(join(ws, 'desk'), { recursive: true });
  mkdirSync(outside);
  const SECRET = 'time,open,high,low,close\nTOPSECRET-ROW,1,1,1,1\n';
  writeFileSync(join(outside, 'secret.csv'), SECRET);
  writeFileSync(join(outside, 'notcsv.csv'), 'TOPSECRET header line\n');
  symlinkSync(join(outside, 'notcsv.csv'), join(ws, 'desk', 'link-out.csv'));
  const refs = [
    ...(PASSWD ? [PASSWD] : []), '../../../../../../../../etc/passwd', '..\\..\\..\\..\\..\\..\\etc\\passwd',
    '../../outside/secret.csv', '../../outside/notcsv.csv', 'link-out.csv', 'C:\\Windows\\win.ini', '\\\\server\\share\\a.csv',
  ];
  writeFileSync(join(ws, 'desk', 'hostile.positions.yaml'), positions(refs.map((r) => market(r))));

  it('refuses every reference that leaves the folder and echoes nothing, in every format', () => {
    for (const format of ['json', 'table', 'markdown', 'sarif']) {
      const r = cli(['check', 'desk', '--format', format], ws);
      const all = r.stdout + r.stderr;
      expect(all, format).not.toMatch(/root:x:|\/bin\/(ba)?sh|nologin|TOPSECRET/);
      expect(r.code).toBe(1);
    }
    const report = JSON.parse(cli(['check', 'desk', '--format', 'json'], ws).stdout);
    const refused = report.files[0].diagnostics.filter((d: any) => d.code === 'history-outside-root');
    expect(refused).toHaveLength(refs.length);
    expect(refused.every((d: any) => d.severity === 'error')).toBe(true);
  });

  it('the passwd file, when read through a permitted --root, is still never quoted', () => {
    if (!PASSWD) return;
    const r = cli(['check', join(ws, 'desk'), '--root', '/', '--format', 'json', '--quiet'], ws);
    const report = JSON.parse(r.stdout);
    const codes = report.files[0].diagnostics.map((d: any) => d.code);
    expect(codes).toContain('history-header');
    expect(r.stdout + r.stderr).not.toMatch(/root:x:|\/bin\/(ba)?sh|nologin/);
    expect(readFileSync(PASSWD, 'utf8').split('\n')[0]!.length).toBeGreaterThan(0);
  });

  it('root: the working directory when the checked path is inside it, else the checked folder; --root sets it', () => {
    const shared = join(ws, 'shared');
    mkdirSync(shared, { recursive: true });
    writeFileSync(join(shared, 'bars.csv'), 'time,open,high,low,close\n1700000000,1,1,1,1\n1700003600,1,1,1,1\n');
    writeFileSync(join(ws, 'desk', 'up.positions.yaml'), positions([market('../shared/bars.csv')]));
    const codes = (cwd: string, args: string[]) => JSON.parse(cli(['check', join(ws, 'desk', 'up.positions.yaml'), '--format', 'json', ...args], cwd).stdout).files[0].diagnostics.map((d: any) => d.code);
    // cwd = ws contains the checked path: ../shared is inside the root
    expect(codes(ws, [])).not.toContain('history-outside-root');
    // cwd elsewhere: the root is the checked file's folder, and ../shared leaves it
    expect(codes(outside, [])).toContain('history-outside-root');
    // --root widens it explicitly
    expect(codes(outside, ['--root', ws])).not.toContain('history-outside-root');
    // --root narrows it too
    expect(codes(ws, ['--root', join(ws, 'desk')])).toContain('history-outside-root');
    // a --root that is not a folder is a usage error
    expect(cli(['check', 'desk', '--root', join(ws, 'nope')], ws).code).toBe(2);
  });
});
