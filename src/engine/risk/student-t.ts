// Student-t heavy-tail bound on the liquidation probability (docs/results.md §3, docs/risk.md §3.1, §3.4) and its
// degrees of freedom by the method of moments.
import { geometryInto, isValidPassage, passageProbability, type BarrierGeometry, type PassageInput } from './first-passage';
import { tCdf } from './special';
import { sampleMoments } from './moments';

export interface StudentTInput extends PassageInput {
  /** Degrees of freedom, > 2. */
  k: number;
}

/**
 * P = max(P_GBM, 2·F_k(z)), z = (−a + ν_toward·T)/(σ√T·√((k−2)/k)) (docs/results.md §3: for a long
 * z = (b − νT)/…, b = ln(LP/mark); for a short z = (−h + νT)/…). Lévy's reflection inequality for a
 * symmetric Lévy process with the unit-variance t as the horizon law (docs/risk.md §3.4). Invalid input gives 1
 * (as firstPassageGbm); k ≤ 2 (no variance) or non-finite k uses k = 4, the default of docs/results.md §3.
 */
export function studentTBound(p: StudentTInput): number {
  return studentTBoundWith(p, p.k);
}

/** The geometry read by studentTBoundWith (scratch: read before any other geometry is computed). */
const tGeometry: BarrierGeometry = { crossed: false, a: 0, nuToward: 0 };

/** studentTBound with the degrees of freedom apart, so callers need not copy their input to add k. */
export function studentTBoundWith(p: PassageInput, dof: number): number {
  if (!isValidPassage(p)) return 1;
  const k = Number.isFinite(dof) && dof > 2 ? dof : 4;
  const g = geometryInto(p, tGeometry);
  if (g === null) return 0;
  if (g.crossed) return 1;
  const gbm = passageProbability(g.a, g.nuToward, p.sigma, p.years);
  if (!(p.years > 0) || p.sigma === 0 || !Number.isFinite(p.years)) return gbm;
  const scale = p.sigma * Math.sqrt(p.years) * Math.sqrt((k - 2) / k);
  const z = (-g.a + g.nuToward * p.years) / scale;
  if (Number.isNaN(z)) return gbm;
  const F = z === Infinity ? 1 : z === -Infinity ? 0 : tCdf(z, k);
  return Number.isNaN(F) ? gbm : Math.min(1, Math.max(gbm, 2 * F));
}

/**
 * k = 4 + 6/κ̂ from bar log-returns when there are ≥ 100 of them and their (population) excess kurtosis
 * κ̂ > 0, else 4 (docs/results.md §3; excess kurtosis of t_k is 6/(k − 4), docs/risk.md §3.1).
 */
export function studentTDof(logReturns: readonly number[]): number {
  const finite = logReturns.filter((r) => Number.isFinite(r));
  if (finite.length < 100) return 4;
  const m = sampleMoments(finite);
  if (m === null || m.excessKurtosis === null || !(m.excessKurtosis > 0)) return 4;
  return 4 + 6 / m.excessKurtosis;
}
