import { describe, expect, it } from 'vitest';
import { annualise, barVariance, parseHistory, realizedVolatility, yangZhangComponents, type Estimator } from '../../../src/engine/risk';
import { expectRel, fixtureJson, fixtureOhlc, fixtureText } from './helpers';

const rv = fixtureJson('realized_vol.json');
const rvR = fixtureJson('realized_vol_R.json');
const ewmaPandas = fixtureJson('ewma_pandas.json');
const DAY = 86_400;

const keys: Array<[string, Estimator]> = [
  ['cc_sample_sd', 'close-to-close'],
  ['cc_zero_mean', 'close-to-close-zero-mean'],
  ['parkinson', 'parkinson'],
  ['garman_klass', 'garman-klass'],
  ['rogers_satchell', 'rogers-satchell'],
  ['gk_yang_zhang', 'gk-yang-zhang'],
  ['yang_zhang', 'yang-zhang'],
];
const rKeys: Record<string, string> = { cc_sample_sd: 'close_sd', parkinson: 'parkinson', garman_klass: 'garman_klass', rogers_satchell: 'rogers_satchell', gk_yang_zhang: 'gk_yz', yang_zhang: 'yang_zhang' };

function history(name: string): string {
  const [, ...rows] = fixtureText(name).trim().split(/\r?\n/);
  return ['time,open,high,low,close', ...rows.map((r, i) => `${1_790_000_000 + i * DAY},${r}`)].join('\n');
}

for (const set of ['A', 'B'] as const) {
  const bars = fixtureOhlc(`ohlc_${set}.csv`);
  describe(`realised volatility, data set ${set} (docs/risk.md §5, estimators 1e-10)`, () => {
    for (const [n, ref] of [[30, rv[set]], [10, rv[set].rolling10_last]] as const) {
      const window = bars.slice(bars.length - n - 1);
      for (const [key, est] of keys) {
        it(`${est} n=${n}`, () => {
          const v = annualise(barVariance(window, est) as number, DAY);
          expectRel(v, ref[key], 1e-10, 'Python');
          const r = rvR[set][`n${n}`][rKeys[key] ?? ''];
          if (r !== undefined) expectRel(v, r, 1e-10, 'TTR');
        });
      }
      it(`EWMA λ = 0.94 n=${n}: normalised (adjust=True) and recursive (adjust=False), vs pandas`, () => {
        const p = ewmaPandas[`${set}_n${n}`];
        expectRel(annualise(barVariance(window, 'ewma') as number, DAY), p.adjust_true, 1e-10);
        expectRel(annualise(barVariance(window, 'ewma', { form: 'recursive' }) as number, DAY), p.adjust_false, 1e-10);
        expectRel(annualise(barVariance(window, 'ewma', { form: 'recursive', lambda: 0.94 }) as number, DAY), ref.ewma_adjustFalse_seed_r1sq, 1e-10);
      });
    }
    it('Yang–Zhang k and daily components (n = 30)', () => {
      const yz = yangZhangComponents(bars.slice(1 - 31 - 1 + bars.length));
      expectRel(yz?.k, rv[set].yang_zhang_k, 1e-12);
      expectRel(yz?.openClose, rv[set].yz_components_daily_var.open_close, 1e-10);
      expectRel(yz?.rogersSatchell, rv[set].yz_components_daily_var.rogers_satchell, 1e-10);
      expectRel(yz?.overnight, rv[set].yz_components_daily_var.overnight, 1e-10);
    });
    it('realizedVolatility on the parsed history file: last 30 days, Yang–Zhang by default', () => {
      const h = parseHistory(history(`ohlc_${set}.csv`));
      expect(h.diagnostics).toEqual([]);
      expectRel(realizedVolatility(h.bars, h.barSeconds as number), rv[set].yang_zhang, 1e-10);
      expectRel(realizedVolatility(h.bars, h.barSeconds as number, 'ewma'), rv[set].ewma_adjustTrue, 1e-10);
      expectRel(realizedVolatility(h.bars, h.barSeconds as number, 'parkinson'), rv[set].parkinson, 1e-10);
    });
  });
}

describe('realizedVolatility window and annualisation', () => {
  it('needs ≥ 20 bars with a previous bar in the last 30 days', () => {
    const h = parseHistory(history('ohlc_A.csv'));
    expect(realizedVolatility(h.bars.slice(0, 20), DAY)).toBeNull();
    expect(realizedVolatility(h.bars.slice(0, 21), DAY)).not.toBeNull();
    expect(realizedVolatility(h.bars, 0)).toBeNull();
    expect(realizedVolatility([], DAY)).toBeNull();
  });
  it('hourly bars only use the last 30 days (720 bars), annualised with 8760', () => {
    const text = ['time,open,high,low,close'];
    let c = 100;
    for (let i = 0; i < 1000; i++) {
      const next = c * Math.exp(0.01 * Math.sin(i * 1.7));
      text.push(`${1_790_000_000 + i * 3600},${c},${Math.max(c, next) * 1.002},${Math.min(c, next) * 0.998},${next}`);
      c = next;
    }
    const h = parseHistory(text.join('\n'));
    expect(h.barSeconds).toBe(3600);
    const v = realizedVolatility(h.bars, 3600, 'close-to-close');
    const last = h.bars.slice(h.bars.length - 721);
    expectRel(v, Math.sqrt(8760 * (barVariance(last, 'close-to-close') as number)), 1e-14);
  });
  it('annualisation factors √N (docs/risk.md §5)', () => {
    expectRel(annualise(1, 86_400), rv.annualisation.daily, 1e-14);
    expectRel(annualise(1, 3600), rv.annualisation.hourly, 1e-14);
    expectRel(annualise(1, 300), rv.annualisation.minute5, 1e-14);
    expectRel(annualise(1, 60), rv.annualisation.minute1, 1e-14);
  });
});
