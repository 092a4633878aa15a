import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, json } from './helpers';

const FAQ = 'examples/binance-faq-cross.positions.yaml';

function tempFile(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'll-cli-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

describe('check on the Binance FAQ account', () => {
  const { report } = json(['check', FAQ]);
  const byId = (id: string) => report.positions.find((p: any) => p.id === id);

  it('reproduces the FAQ liquidation prices to 30 significant digits', () => {
    expect(byId('eth-faq').liquidationPrice).toBe('1153.25646423910427043995394955');
    expect(byId('btc-faq').liquidationPrice).toBe('26316.8932645188607485845539331');
    expect(new Number(byId('eth-faq').liquidationPrice).toFixed(2)).toBe('1153.26');
    expect(new Number(byId('btc-faq').liquidationPrice).toFixed(2)).toBe('26316.89');
  });

  it('reports the account margin balance and margin ratio of the FAQ', () => {
    expect(byId('btc-faq').marginBalance).toBe('1030895.55638');
    expect(byId('btc-faq').marginRatio).toBe('0.414894910467865023973593781687');
    expect(byId('btc-faq').tier.mmr).toBe('0.025');
    expect(byId('eth-faq').tier.cum).toBe('135365');
  });

  it('gives every row every key of docs/results.md §2, paths relative with /', () => {
    const keys = ['file', 'line', 'column', 'id', 'kind', 'venue', 'account', 'settleCurrency', 'symbol', 'side', 'marginMode', 'walletSource', 'size', 'entryPrice', 'markPrice', 'markAge', 'stale', 'liquidationPrice', 'liquidationPrices', 'bankruptcyPrice', 'reportedLiquidationPrice', 'reportedDeviation', 'marginBalance', 'maintenanceMargin', 'marginRatio', 'venueMarginRatio', 'healthFactor', 'healthFactorIdeal', 'tier', 'distance', 'volatility', 'volatilitySource', 'horizon', 'liquidationProbability', 'status', 'reason', 'fix', 'details'];
    for (const row of report.positions) for (const k of keys) expect(row, k).toHaveProperty(k);
    expect(report.files[0].path).toBe(FAQ);
    expect(report.now).toBe('2026-11-24T07:00:00.000Z');
    expect(report.summary.positions).toBe(2);
  });
});

describe('formats', () => {
  it('prints a table with the status words and the FAQ prices', () => {
    const r = cli(['check', FAQ, '--format', 'table']);
    expect(r.stdout).toMatch(/Liq\. price/);
    expect(r.stdout).toContain('1,153.26');
    expect(r.stdout).toContain('26,316.90'); // a long's liquidation price rounds toward the mark
  });

  it('prints markdown with a table header', () => {
    const r = cli(['check', FAQ, '--format', 'markdown']);
    expect(r.stdout).toContain('| Status | Symbol |');
    expect(r.stdout).toContain('1,153.26');
  });

  it('prints SARIF 2.1.0 with one result per diagnostic and risky position', () => {
    const r = cli(['check', 'examples/mistakes.positions.yaml', '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results;
    expect(results.length).toBeGreaterThan(3);
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('examples/mistakes.positions.yaml');
    expect(results[0].locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
  });

  it('defaults to json when stdout is not a terminal', () => {
    const r = cli(['check', FAQ]);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe('exit codes', () => {
  it('is 0 when nothing reaches --fail-on', () => {
    expect(cli(['check', FAQ, '--fail-on', 'liquidatable']).code).toBe(0);
  });

  it('is 1 when a position is at or above --fail-on', () => {
    expect(cli(['check', 'examples/desk-isolated.positions.json', '--fail-on', 'liquidatable']).code).toBe(1);
  });

  it('is 1 on an error diagnostic even with --fail-on none', () => {
    expect(cli(['check', 'examples/mistakes.positions.yaml', '--fail-on', 'none']).code).toBe(1);
  });

  it('is 2 for a bad flag, a bad value or a missing path, with the usage on stderr', () => {
    for (const args of [['check', '--bogus'], ['check', '--format', 'xml'], ['check', 'no/such/dir'], ['check', '--now', 'yesterday'], ['check', '--horizon', 'soon'], ['frobnicate']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Usage: liquidation-lens/);
    }
  });

  it('fails the gate on unknown rows (v1.1: a gate cannot pass what it could not evaluate), with one reason line', () => {
    const { file } = tempFile('a.positions.yaml', 'version: 1\nvenue: generic-linear\nwalletBalance: "100"\nmarkets:\n  BTCUSDT: { mmr: "0.01" }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "100" }\n');
    const r = json(['check', file, '--fail-on', 'liquidatable']);
    expect(r.report.positions[0].status).toBe('unknown');
    expect(r.report.positions[0].reason).toMatch(/mark/);
    expect(r.report.files[0].diagnostics.map((d: any) => d.code)).toContain('missing-mark');
    expect(r.code).toBe(1);
    const reasons = r.stderr.split('\n').filter((l) => l.includes('exit 1'));
    expect(reasons).toEqual(['liquidation-lens: exit 1: 1 unknown']);
    // --quiet drops the log lines but keeps the reason line
    const quiet = cli(['check', file, '--quiet', '--format', 'json']);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe('liquidation-lens: exit 1: 1 unknown\n');
    // --fail-on none opts out of the status part: a warning-only unknown row passes
    expect(cli(['check', file, '--fail-on', 'none', '--format', 'json']).code).toBe(0);
  });

  it('names every reason in one stderr line and none when it exits 0', () => {
    const bad = cli(['check', 'examples/mistakes.positions.yaml', '--fail-on', 'none', '--format', 'json', '--quiet']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^liquidation-lens: exit 1: 1 file with errors\n$/);
    const ok = cli(['check', FAQ, '--fail-on', 'liquidatable', '--format', 'json', '--quiet']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    const risky = cli(['check', 'examples/desk-isolated.positions.json', '--fail-on', 'liquidatable', '--format', 'json', '--quiet']);
    expect(risky.stderr).toMatch(/^liquidation-lens: exit 1: \d+ positions? at or above liquidatable/);
  });

  it('shows unknown rows with their reason in the table, Markdown and SARIF', () => {
    const { file } = tempFile('u.positions.yaml', 'version: 1\nvenue: generic-linear\nwalletBalance: "100"\nmarkets:\n  BTCUSDT: { mmr: "0.01" }\npositions:\n  - { id: lost, symbol: BTCUSDT, side: long, size: "1", entryPrice: "100" }\n');
    const table = cli(['check', file, '--format', 'table']).stdout;
    expect(table).toMatch(/unknown +BTCUSDT/);
    expect(table).toMatch(/why unknown: .*mark/);
    const md = cli(['check', file, '--format', 'markdown']).stdout;
    expect(md).toMatch(/### Could not be evaluated \(unknown, not safe\): 1/);
    expect(md).toMatch(/lost \(BTCUSDT\): .*mark/);
    const sarif = JSON.parse(cli(['check', file, '--format', 'sarif']).stdout);
    const row = sarif.runs[0].results.find((x: any) => x.ruleId === 'position-unknown');
    expect(row.level).toBe('warning');
    expect(row.message.text).toMatch(/could not be evaluated.*mark/);
  });
});

describe('robustness', () => {
  it('turns a hostile file into a diagnostic, not a crash, and never writes the input', () => {
    const junk = '\u0000{{{[[[: - ] } ::\n'.repeat(200);
    const { file } = tempFile('junk.positions.yaml', junk);
    const r = json(['check', file]);
    expect(r.report.files[0].diagnostics.length).toBeGreaterThan(0);
    expect(readFileSync(file, 'utf8')).toBe(junk);
  });

  it('--now overrides the files’ evaluationTime', () => {
    const r = json(['check', FAQ, '--now', '2026-11-24T08:00:00Z']);
    expect(r.report.now).toBe('2026-11-24T08:00:00.000Z');
    expect(r.report.positions[0].markAge).toBe(3630);
    expect(r.report.positions[0].stale).toBe(true);
  });

  it('walks folders, keeps to the include pattern and honours --exclude', () => {
    const all = json(['check', 'examples']).report;
    expect(all.summary.files).toBeGreaterThanOrEqual(5);
    const some = json(['check', 'examples', '--exclude', '**/mistakes*']).report;
    expect(some.summary.files).toBe(all.summary.files - 1);
    expect(all.files.every((f: any) => /\.positions\.(json|ya?ml|csv)$/.test(f.path))).toBe(true);
    const cwdRelative = json(['check', 'examples', '--exclude', 'examples/venues/**']).report;
    expect(cwdRelative.files.some((f: any) => f.path.startsWith('examples/venues/'))).toBe(false);
    const only = json(['check', 'examples', '--include', '**/*.csv']).report;
    expect(only.files.map((f: any) => f.path)).toEqual(['examples/bots.positions.csv', 'examples/data/BTCUSDT-1h.csv']);
    // a history file matched by a broad glob is named for what it is, once, not read as positions
    expect(only.files[1].diagnostics).toHaveLength(1);
    expect(only.files[1].diagnostics[0].message).toMatch(/price bars/);
  });
});
