// The account fix of a cross account (issue 14), the pure part of "Apply" on an account header: ONE edit of the
// wallet shared by the legs (only walletBalance changes, comments and layout kept), and after it every cross leg
// meets the target; the confirmation names the file, the value and the new value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFile, type FileEvaluation } from '../../../src/engine/evaluate/evaluate-file';
import { accountKeyOf, applyEdits, planAccountFix } from '../../../src/extension/fixes';
import { confirmationMessage, valueChanges } from '../../../src/extension/fix-confirmation';
import { hoverMarkdown } from '../../../src/extension/problems';
import { accountFixDisplay, accountFixHeadline, accountFixLegLine, accountFixVerb } from '../../../src/presentation/account-lines';

const ROOT = join(__dirname, '../../..');
const HL = 'examples/venues/hyperliquid.positions.yaml';
const FAQ = 'test/fixtures/extension/binance-faq-cross.positions.yaml';

function load(path: string, text = readFileSync(join(ROOT, path), 'utf8')): { text: string; evaluation: FileEvaluation } {
  return { text, evaluation: evaluateFile({ path, absPath: join(ROOT, path), text }) };
}

describe('planAccountFix', () => {
  it('edits walletBalance once by the account fix, and every cross leg reaches the target', () => {
    const { text, evaluation } = load(HL);
    const account = evaluation.accounts?.[0];
    expect(account?.fix?.addMargin).toBe('61576.74');
    expect(evaluation.rows.map((r) => r.status)).toEqual(['critical', 'warning']);
    const plan = planAccountFix(text, evaluation, accountKeyOf(account!));
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.edits).toHaveLength(1);
    expect(plan.edits[0]!.field).toBe('walletBalance');
    const after = applyEdits(text, plan.edits);
    const a = text.split('\n');
    const b = after.split('\n');
    expect(b.length).toBe(a.length);
    const changed = a.flatMap((l, i) => (l === b[i] ? [] : [i]));
    expect(changed).toHaveLength(1);
    expect(b[changed[0]!]).toBe('walletBalance: "109576.74"');
    expect(b.filter((l) => l.startsWith('#'))).toEqual(a.filter((l) => l.startsWith('#')));
    const again = load(HL, after).evaluation;
    expect(again.rows.every((r) => r.status === 'safe')).toBe(true);
    expect(again.accounts?.[0]?.fix).toBeNull();
  });

  it('is larger than either leg fix alone (one leg fixed leaves the other at risk)', () => {
    const { evaluation } = load(HL);
    const legFixes = evaluation.rows.map((r) => Number((r.fix as { addMargin: string | null } | null)?.addMargin ?? 0));
    expect(Number(evaluation.accounts![0]!.fix!.addMargin)).toBeGreaterThanOrEqual(Math.max(...legFixes));
  });

  it('keeps the quoting of the file and names the value in the confirmation', () => {
    const { text, evaluation } = load(FAQ);
    const account = evaluation.accounts![0]!;
    const plan = planAccountFix(text, evaluation, accountKeyOf(account));
    if (!plan.ok) throw new Error(plan.reason);
    const view = accountFixDisplay(account, 'USDT', null)!;
    const msg = confirmationMessage(accountFixVerb(view), valueChanges(text, plan.edits), `/w/${FAQ}`);
    expect(msg).toBe('Add 77,365.22 USDT to the wallet (both cross legs → safe): walletBalance "1535443.01" → "1612808.23" in binance-faq-cross.positions.yaml?');
  });

  it('refuses an account the file no longer holds, an account without a fix, and read-only dumps', () => {
    const { text, evaluation } = load(HL);
    expect(planAccountFix(text, evaluation, 'nope')).toEqual({ ok: false, reason: 'the account is not in this file any more' });
    const safe = load(HL, text.replace('walletBalance: "48000"', 'walletBalance: "900000"'));
    expect(safe.evaluation.accounts?.[0]?.fix).toBeNull();
    expect(planAccountFix(safe.text, safe.evaluation, accountKeyOf(safe.evaluation.accounts![0]!)).ok).toBe(false);
    const dump = load('test/fixtures/extension/hyperliquid-clearinghouse.json');
    for (const a of dump.evaluation.accounts ?? []) {
      const p = planAccountFix(dump.text, dump.evaluation, accountKeyOf(a));
      expect(p.ok).toBe(false);
    }
  });
});

describe('account fix wording (presentation)', () => {
  const view = accountFixDisplay({ fix: { target: 'safe', addMargin: '61576.731', reason: null }, legs: ['a', 'b', 'c'] }, 'USDC', null)!;
  it('rounds the top-up up and prints the design figure', () => {
    expect(view.amount).toBe('61,576.74');
    expect(accountFixHeadline(view)).toBe('to reach safe: add 61,576.74 USDC to the wallet');
    expect(accountFixLegLine(view)).toBe('account: add 61,576.74 USDC to reach safe for all 3 cross legs');
    expect(accountFixVerb(view)).toBe('Add 61,576.74 USDC to the wallet (all 3 cross legs → safe)');
  });
  it('says why when no top-up is found, and has nothing for an account at the target', () => {
    const none = accountFixDisplay({ fix: { target: 'safe', addMargin: null, reason: 'leg x is unknown' }, legs: ['x'] }, 'USDT', null)!;
    expect(none.amount).toBeNull();
    expect(accountFixHeadline(none)).toBe('no wallet top-up brings its cross leg to safe: leg x is unknown');
    expect(accountFixDisplay({ fix: null, legs: ['x'] }, 'USDT', null)).toBeNull();
  });
  it('shows in the hover of a cross leg', () => {
    const { evaluation } = load(HL);
    const md = hoverMarkdown(evaluation.rows[1]!, evaluation.accounts![0]);
    expect(md).toContain('| Account fix | add 61,576.74 USDC to reach safe for both cross legs |');
    expect(hoverMarkdown(evaluation.rows[1]!)).not.toContain('Account fix');
  });
});
