// Monte Carlo checks (docs/risk.md §9: a TS Monte Carlo with its own seed lands within 4 SE of the closed form /
// the reported MC value). The generator is the shared mulberry32 + Box–Muller of docs/risk.md §9.
import { describe, expect, it } from 'vitest';
import { firstPassageGbm, normQuantile, portfolioVarEs, vgMartingaleCorrection } from '../../../src/engine/risk';
import { fixtureJson, mulberry32 } from './helpers';

function normals(seed: number): () => number {
  const u = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()); // prng.py: ln(1 − u₁), cos branch
}

/** Marsaglia–Tsang Gamma(shape, 1); shape < 1 by Gamma(shape + 1)·U^{1/shape}. */
function gammaSampler(u: () => number, z: () => number): (shape: number) => number {
  const draw = (shape: number): number => {
    if (shape < 1) return draw(shape + 1) * Math.pow(u(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = z();
      const v = (1 + c * x) ** 3;
      if (v > 0 && Math.log(u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return draw;
}

function meanSe(x: Float64Array): { mean: number; se: number } {
  let s = 0;
  let s2 = 0;
  for (const v of x) {
    s += v;
    s2 += v * v;
  }
  const m = s / x.length;
  return { mean: m, se: Math.sqrt((s2 / x.length - m * m) / (x.length - 1)) };
}

describe('shared PRNG (docs/risk.md §9)', () => {
  it('mulberry32 seed 42 and its Box–Muller normals are bit-identical to prng.py', () => {
    const u = mulberry32(42);
    expect(u()).toBe(0.6011037519201636);
    expect(u()).toBe(0.44829055899754167);
    const z = normals(42);
    expect(Math.abs(z() - -1.2848381576290195)).toBeLessThan(1e-15);
    expect(Math.abs(z() - -0.9453528099747296)).toBeLessThan(1e-15);
  });
});

describe('GBM first passage vs a Brownian-bridge Monte Carlo (docs/risk.md §1.3)', () => {
  const cases = fixtureJson('barrier.json').gbm_cases.filter((c: { mc_steps?: number }) => c.mc_steps !== undefined);
  for (const c of cases) {
    it(c.name, () => {
      const paths = 20_000;
      const steps = c.mc_steps as number;
      const dt = c.T_years / steps;
      const nu = c.mu - 0.5 * c.sigma * c.sigma;
      const b = Math.log(c.barrier / c.S0) * (c.side === 'down' ? 1 : -1); // mirror the up barrier
      const drift = (c.side === 'down' ? nu : -nu) * dt;
      const vol = c.sigma * Math.sqrt(dt);
      const z = normals(7 + c.barrier);
      const hit = new Float64Array(paths);
      for (let p = 0; p < paths; p++) {
        let x = 0;
        let survive = 1;
        for (let i = 0; i < steps && survive > 0; i++) {
          const next = x + drift + vol * z();
          if (next <= b) survive = 0;
          else survive *= 1 - Math.exp((-2 * (x - b) * (next - b)) / (c.sigma * c.sigma * dt)); // Glasserman §6.4
          x = next;
        }
        hit[p] = 1 - survive;
      }
      const mc = meanSe(hit);
      const closed = firstPassageGbm({ spot: c.S0, barrier: c.barrier, side: c.side === 'down' ? 'long' : 'short', sigma: c.sigma, years: c.T_years, mu: c.mu });
      expect(Math.abs(mc.mean - closed)).toBeLessThan(4 * mc.se);
      expect(Math.abs(mc.mean - c.mc_bridge)).toBeLessThan(4 * Math.hypot(mc.se, c.mc_bridge_se));
    });
  }
});

describe('portfolio VaR/ES vs Monte Carlo (docs/risk.md §4.3)', () => {
  it('delta-normal VaR₉₉/ES₉₉ within 4 SE', () => {
    const p = fixtureJson('var_es.json').portfolio;
    const h = p.h_days / 365;
    const closed = portfolioVarEs({ notionals: p.notional, vols: p.vol, correlation: p.corr, years: h, confidence: 0.99 })!;
    // Cholesky of the correlation matrix
    const R = p.corr as number[][];
    const L = [[1, 0, 0], [R[1]![0]!, 0, 0], [R[2]![0]!, 0, 0]];
    L[1]![1] = Math.sqrt(1 - L[1]![0]! ** 2);
    L[2]![1] = (R[2]![1]! - L[2]![0]! * L[1]![0]!) / L[1]![1]!;
    L[2]![2] = Math.sqrt(1 - L[2]![0]! ** 2 - L[2]![1]! ** 2);
    const n = 200_000;
    const z = normals(4242);
    const loss = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const e = [z(), z(), z()];
      let pnl = 0;
      for (let i = 0; i < 3; i++) {
        const x = L[i]![0]! * e[0]! + L[i]![1]! * e[1]! + L[i]![2]! * e[2]!;
        pnl += p.notional[i] * p.vol[i] * Math.sqrt(h) * x;
      }
      loss[k] = -pnl;
    }
    loss.sort();
    const idx = Math.floor(0.99 * n);
    const varMc = loss[idx]!;
    const tail = loss.subarray(idx);
    const es = meanSe(tail);
    const zq = normQuantile(0.99);
    const density = Math.exp(-0.5 * zq * zq) / Math.sqrt(2 * Math.PI) / closed.sigma;
    const seVar = Math.sqrt((0.99 * 0.01) / n) / density;
    expect(Math.abs(varMc - closed.var)).toBeLessThan(4 * seVar);
    // ES standard error: tail sd / √(n(1−α)) plus the quantile's own error
    expect(Math.abs(es.mean - closed.es)).toBeLessThan(4 * Math.hypot(es.se * Math.sqrt(tail.length / (tail.length - 1)), seVar));
  });
});

describe('VG first passage Monte Carlo vs the reference MC and the Lévy bound (docs/risk.md §3.4)', () => {
  it('daily excess kurtosis 3, 10× long barrier 90.45', () => {
    const hb = fixtureJson('heavy_barrier.json');
    const row = hb.rows[3];
    const nu = row.nu_years as number;
    const steps = hb.steps as number;
    const dt = hb.T / steps;
    const omega = vgMartingaleCorrection({ c: 0, sigma: hb.sigma, theta: 0, nu }) as number;
    const b = Math.log(row.barrier / hb.S0);
    const u = mulberry32(99);
    const zz = normals(100);
    const gamma = gammaSampler(u, zz);
    const paths = 3000;
    const hit = new Float64Array(paths);
    for (let p = 0; p < paths; p++) {
      let x = 0;
      for (let i = 0; i < steps; i++) {
        const g = nu * gamma(dt / nu);
        x += omega * dt + hb.sigma * Math.sqrt(g) * zz();
        if (x <= b) {
          hit[p] = 1;
          break;
        }
      }
    }
    const mc = meanSe(hit);
    expect(Math.abs(mc.mean - row.mc_vg)).toBeLessThan(4 * Math.hypot(mc.se, row.mc_se));
    expect(row.levy_bound_2P).toBeGreaterThan(mc.mean - 4 * mc.se);
  });
});
