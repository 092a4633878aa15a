// Status rules of docs/results.md §4 (first rule that applies) and the reason a trader reads.
import type { Status } from '../core/types';
import { STATUS_RANK } from '../core/types';
import type { Bands } from '../core/settings';

export interface StatusInput {
  unknownReason: string | null;
  liquidatable: boolean;
  /** Probability within the horizon, when volatility is known and the mark is not too old. */
  probability: number | null;
  horizonLabel: string;
  /** Adverse distance as a fraction; null when no price move liquidates. */
  distance: number | null;
  /** Why the price is null or anything the row should say, e.g. "cannot be liquidated by a price move". */
  note: string | null;
  /** Extra sentence for the reason (e.g. "mark 40 days old"). */
  prefix?: string | null;
  /** Why the distance bands apply; default "no volatility known". */
  distanceBasis?: string;
  probabilityBands: Bands;
  distanceBands: Bands;
}

const pct = (x: number, dp = 2): string => `${(x * 100).toFixed(dp).replace(/\.?0+$/, '')} %`;

/**
 * P beside its threshold with the digits that keep the comparison true: 0.004997 against 0.005 reads
 * "0.4997 %", never "0.5 % < 0.5 %" (the same rule as src/presentation formatProbabilityVersus; the engine cannot
 * import the presentation layer).
 */
export function pctVersus(p: number, threshold: number): string {
  const below = p < threshold;
  const thr = threshold * 100;
  const holds = (shown: number) => (below ? shown < thr - 1e-12 : shown >= thr - 1e-12);
  // The usual rounding when it already tells the truth; else more digits, rounded toward the truth.
  if (holds(Number((p * 100).toFixed(2)))) return pct(p);
  for (let dp = 3; dp <= 10; dp++) {
    const shown = (p * 100).toFixed(dp);
    if (holds(Number(shown))) return `${shown.replace(/\.?0+$/, '')} %`;
  }
  return `${below ? 'just under' : 'at least'} ${pct(threshold, 10)}`;
}
const LEVELS = ['critical', 'warning', 'watch'] as const;

/** The status alone of the same rules (no reason text): what the fix searches' probes need. */
export function statusLevel(i: Pick<StatusInput, 'unknownReason' | 'liquidatable' | 'probability' | 'distance' | 'probabilityBands' | 'distanceBands'>): Status {
  if (i.unknownReason) return 'unknown';
  if (i.liquidatable) return 'liquidatable';
  if (i.probability !== null) return LEVELS.find((level) => i.probability! >= i.probabilityBands[level]) ?? 'safe';
  if (i.distance === null) return 'safe';
  return LEVELS.find((level) => i.distance! <= i.distanceBands[level]) ?? 'safe';
}

export function decideStatus(i: StatusInput): { status: Status; reason: string } {
  const status = statusLevel(i);
  if (status === 'unknown') return { status, reason: i.unknownReason! };
  const reason = reasonOf(i, status);
  return { status, reason: i.prefix ? `${i.prefix}; ${reason}` : reason };
}

/** Why `status` (decided by statusLevel) holds, with the band it crossed or stayed under. */
function reasonOf(i: StatusInput, status: Exclude<Status, 'unknown'>): string {
  if (status === 'liquidatable') return 'margin balance is at or below maintenance margin at the current mark';
  const level = status === 'safe' ? 'watch' : status;
  if (i.probability !== null) {
    const band = i.probabilityBands[level];
    return `P(liquidation within ${i.horizonLabel}) = ${pctVersus(i.probability, band)} ${status === 'safe' ? '<' : '≥'} ${pct(band)}`;
  }
  if (i.distance === null) return i.note ?? 'no price move liquidates this position';
  const band = i.distanceBands[level];
  return `distance to liquidation ${pct(i.distance)} ${status === 'safe' ? '>' : '≤'} ${pct(band)} (${i.distanceBasis ?? 'no volatility known'})`;
}

/** True when `status` is at or better than `target` (unknown never meets a target). */
export function meetsTarget(status: Status, target: Status): boolean {
  return status !== 'unknown' && STATUS_RANK[status] <= STATUS_RANK[target];
}
