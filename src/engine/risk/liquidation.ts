// The liquidation probability with the tail model of the settings (cli.md §3, format.md §6).
import { firstPassageGbm, type PassageInput } from './firstPassage';
import { studentTBound } from './studentT';

export type Tails = 'gbm' | 'student-t' | 'vg' | 'evt';

export interface LiquidationInput extends PassageInput {
  tails: Tails;
  /** Student-t degrees of freedom (default 4). */
  k?: number;
}

/** P(touch within T) under the chosen tail model; always in [0, 1]. */
export function liquidationProbability(p: LiquidationInput): number {
  switch (p.tails) {
    case 'gbm':
      return firstPassageGbm(p);
    default:
      return studentTBound({ ...p, k: p.k ?? 4 });
  }
}
