// `npm run fuzz`: fast-check over every reader and the evaluation behind it — mutations of the bundled examples and
// structure-aware generation. FUZZ_RUNS cases in all (default 100,000; CI runs 10,000 with the fixed seed of
// test/fast-check.setup.ts; FC_SEED explores). Every property also asserts the file's counted work budget
// (invariants.ts overBudget, README "Limits"). Anything it finds is kept in test/unit/parse/fuzz-regressions.test.ts.
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDS } from './corpus';
import { applyAll, mutationsArb } from './mutate';
import { generatedFileArb } from './generate';
import { evaluateText, violations } from './invariants';
import { neighbourArb, otherAccountsUnchanged } from './neighbours';

const TOTAL = Number(process.env.FUZZ_RUNS ?? 100_000);
const share = (f: number): number => Math.max(1, Math.round(TOTAL * f));
const TIMEOUT = 24 * 3600 * 1000;

// FUZZ_PROGRESS=<file>: a line every 10,000 cases (for the long run, whose reporter prints only finished tests).
const PROGRESS = process.env.FUZZ_PROGRESS;
const started = Date.now();
let cases = 0;
function tick(property: string): void {
  if (PROGRESS && ++cases % 10_000 === 0) appendFileSync(PROGRESS, `${new Date().toISOString()} ${cases} cases (${Math.round((Date.now() - started) / 1000)} s), in: ${property}\n`);
}

describe(`fuzz (${TOTAL} cases)`, () => {
  it('mutated examples: no exception escapes, every diagnostic and row is located inside the file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), mutationsArb, (seed, ms) => {
        tick('mutated examples');
        const text = applyAll(seed.text, ms);
        expect(violations(text, evaluateText(seed.path, text))).toEqual([]);
      }),
      { numRuns: share(0.45) },
    );
  }, TIMEOUT);

  it('generated documents of every dialect: the same invariants through the whole evaluation', () => {
    fc.assert(
      fc.property(generatedFileArb, (f) => {
        tick('generated documents');
        expect(violations(f.text, evaluateText(f.path, f.text))).toEqual([]);
      }),
      { numRuns: share(0.4) },
    );
  }, TIMEOUT);

  it('an invalid neighbour leaves the positions of other accounts unchanged', () => {
    fc.assert(
      fc.property(neighbourArb, (c) => {
        tick('invalid neighbour');
        expect(otherAccountsUnchanged(c)).toEqual([]);
      }),
      { numRuns: share(0.1) },
    );
  }, TIMEOUT);

  it('stress over generated documents throws nothing', () => {
    fc.assert(
      fc.property(generatedFileArb, (f) => {
        tick('stress');
        expect(violations(f.text, evaluateText(f.path, f.text, true))).toEqual([]);
      }),
      { numRuns: share(0.05) },
    );
  }, TIMEOUT);
});
