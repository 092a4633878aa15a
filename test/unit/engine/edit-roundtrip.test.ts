// Edits are safe (issue 13 §5): over formatting variants of real files — comments, flow and block YAML, plain,
// single- and double-quoted values, CRLF, JSON with comments (.jsonc), CSV quoting — every fix changes only its
// target values (each replaced in its own quoting, every other byte equal), re-evaluates to the target, and the
// inverse edit restores the file byte for byte. Dumps of other tools are never edited.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFile, type FileEvaluation } from '../../../src/engine/evaluate/evaluate-file';
import { fixEdits, type TextEdit } from '../../../src/engine/fix/fix-edits';
import { applyEdits, fixChoices, invertEdits, planFix } from '../../../src/extension/fixes';
import { rowKey } from '../../../src/extension/rows';

const ROOT = resolve(__dirname, '../../..');
const example = (rel: string): string => readFileSync(resolve(ROOT, rel), 'utf8');
const read = (p: string): string | undefined => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } };

function evaluate(path: string, text: string): FileEvaluation {
  return evaluateFile({ path, absPath: resolve(ROOT, path), text, root: ROOT }, { readFile: read });
}

const crlf = (t: string): string => t.replace(/\r?\n/g, '\r\n');
const singleQuoted = (t: string): string => t.replace(/"([^"'\n]*)"/g, "'$1'");
const plainNumbers = (t: string): string => t.replace(/"(-?\d+(?:\.\d+)?)"/g, '$1');

const DESK_YAML = `# a cross account and an isolated position, block and flow YAML mixed
version: 1
venue: binance-usdm
account: desk
marginMode: cross
walletBalance: "25000"   # wallet, excludes unrealised PnL
settleCurrency: USDT
risk: { evaluationTime: "2026-11-24T07:00:00Z", horizon: 24h }
markets:
  BTCUSDT: { markPrice: "97250.4", mmr: "0.005", cum: "0", volatility: 0.6 }   # flow map
positions:
  - { id: btc, symbol: BTCUSDT, side: long, size: "5", entryPrice: "100000" }
  - id: iso   # block map
    symbol: BTCUSDT
    side: long
    marginMode: isolated
    size: '2'
    entryPrice: 99000     # plain
    isolatedMargin: 3000  # plain too
`;

const BOTS_CSV = example('examples/bots.positions.csv');
const csvQuoted = (t: string): string => t.split(/\r?\n/).map((line, i) => (i === 0 || !line ? line : line.split(',').map((c) => (/^\d/.test(c) ? `"${c}"` : c)).join(','))).join('\n');

const DESK_JSON = example('examples/desk-isolated.positions.json');
const jsonc = (t: string): string => `// a desk export, hand-annotated\n${t.replace('"positions": [', '"positions": [ /* three positions */').replace(/\n {2}\]\n\}/, ',\n  ],\n}')}`;

const VARIANTS: Array<[string, string]> = [
  ['faq.positions.yaml', example('examples/binance-faq-cross.positions.yaml')],
  ['faq-crlf.positions.yaml', crlf(example('examples/binance-faq-cross.positions.yaml'))],
  ['faq-single.positions.yaml', singleQuoted(example('examples/binance-faq-cross.positions.yaml'))],
  ['faq-plain.positions.yaml', plainNumbers(example('examples/binance-faq-cross.positions.yaml'))],
  ['desk.positions.yaml', DESK_YAML],
  ['desk-crlf.positions.yaml', crlf(DESK_YAML)],
  ['desk.positions.json', DESK_JSON],
  ['desk-plain.positions.json', plainNumbers(DESK_JSON)],
  ['desk.positions.jsonc', jsonc(DESK_JSON)],
  ['desk-crlf.positions.jsonc', crlf(jsonc(DESK_JSON))],
  ['bots.positions.csv', BOTS_CSV],
  ['bots-quoted.positions.csv', csvQuoted(BOTS_CSV)],
  ['bots-quoted-crlf.positions.csv', crlf(csvQuoted(BOTS_CSV))],
  ['aave.positions.yaml', example('examples/aave-v3.positions.yaml')],
  ['aave-crlf-single.positions.yaml', crlf(singleQuoted(example('examples/aave-v3.positions.yaml')))],
  ['morpho.positions.yaml', example('examples/morpho-blue.positions.yaml')],
];

/** A value token as files write it: a plain decimal, or one in single or double quotes. */
const VALUE = /^(["']?)-?\d+(\.\d+)?\1$/;

function errors(e: FileEvaluation): string[] {
  return e.file.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.line}`);
}

describe.each(VARIANTS)('%s', (path, text) => {
  const before = evaluate(path, text);
  const cases = before.rows.flatMap((row) => fixChoices(row).map((choice) => ({ row, choice })));

  it('reads cleanly and has fixes to apply', () => {
    expect(errors(before)).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [`${c.row.id} ${c.choice.kind} ${c.choice.asset ?? ''}`, c] as const))('%s changes only its values and undoes byte for byte', (_name, { row, choice }) => {
    const plan = planFix(text, before, rowKey(row), choice.kind, choice.asset);
    if (!plan.ok) {
      // a fix the engine offers but cannot write (a collateral asset the loan has no line for) says why
      expect(plan.reason).toMatch(/no .* (value|line for \S+) to edit|not a plain decimal/);
      return;
    }
    expect(plan.edits.length).toBe(choice.kind === 'reduceSize' ? 2 : 1);
    const sorted = [...plan.edits].sort((a, b) => a.offset - b.offset);
    let cursor = 0;
    const after = applyEdits(text, plan.edits);
    let out = 0;
    for (const e of sorted) {
      const old = text.slice(e.offset, e.offset + e.length);
      expect(old).toMatch(VALUE);
      expect(e.newText).toMatch(VALUE);
      expect(e.newText[0] === '"' || e.newText[0] === "'" ? e.newText[0] : '').toBe(old[0] === '"' || old[0] === "'" ? old[0] : '');
      // every byte between the edits is unchanged
      const between = text.slice(cursor, e.offset);
      expect(after.slice(out, out + between.length)).toBe(between);
      out += between.length + e.newText.length;
      cursor = e.offset + e.length;
    }
    expect(after.slice(out)).toBe(text.slice(cursor));
    // one undo: the inverse edit restores the file byte for byte
    expect(applyEdits(after, invertEdits(text, plan.edits))).toBe(text);
    // the edited file reads as cleanly and the row reaches the fix's target (or better)
    const reread = evaluate(path, after);
    expect(errors(reread)).toEqual([]);
    const fixed = reread.rows.find((r) => r.id === row.id)!;
    if (choice.kind !== 'reduceSize') expect(['safe', row.fix!.target]).toContain(fixed.status);
  });
});

describe('dumps of other tools are never edited', () => {
  it('refuses every fix of a Hyperliquid, ccxt or freqtrade dump', () => {
    for (const rel of ['examples/dumps/hyperliquid-clearinghouse.positions.json', 'examples/dumps/binance-ccxt.positions.json', 'examples/dumps/freqtrade-status.positions.json']) {
      const text = example(rel);
      const e = evaluate(rel, text);
      for (const row of e.rows) {
        for (const kind of ['addMargin', 'reduceSize'] as const) {
          const r = fixEdits(text, e.parsed!, { ...row, fix: { target: 'safe', addMargin: '1', reduceSize: '1', costOptimalMargin: null, reason: null } }, kind);
          expect('reason' in r && r.reason).toMatch(/read-only/);
        }
      }
    }
  });

  it('refuses a readOnly account even if the file were read as native', () => {
    const e = evaluate('desk.positions.yaml', DESK_YAML);
    const parsed = { ...e.parsed!, accounts: e.parsed!.accounts.map((a) => ({ ...a, readOnly: true })) };
    const row = e.rows.find((r) => r.id === 'btc')!;
    const r = fixEdits(DESK_YAML, parsed, row, 'addMargin');
    expect('reason' in r && r.reason).toMatch(/read-only/);
  });
});

describe('invertEdits', () => {
  it('undoes edits that grow, shrink and sit side by side', () => {
    const text = 'a: "1"\nb: 22 # c\nc: 333\n';
    const edits = [
      { offset: 3, length: 3, newText: '"1000.5"' },
      { offset: 10, length: 2, newText: '3' },
      { offset: 20, length: 3, newText: '4444' },
    ] as TextEdit[];
    const after = applyEdits(text, edits);
    expect(after).toBe('a: "1000.5"\nb: 3 # c\nc: 4444\n');
    expect(applyEdits(after, invertEdits(text, edits))).toBe(text);
  });
});
