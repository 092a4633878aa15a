// Optional wall-clock timing of an evaluation's costly stages, so the benchmark can report VaR/ES, time to
// liquidation and the fix searches apart, as µs per position (docs/results.md §6). Off unless the caller passes a
// StageTimings to fill (EvaluateOptions.timings); it never changes what is computed.

/** Stages timed: `fixes` (rows' fix searches with their cost-optimal buffers, accounts' wallet fixes), `riskDetails`
 * (VaR/ES, liquidation cost, time to liquidation: it includes `timeToLiquidation`), `accountVar` (accounts' VaR/ES and
 * its Euler split). */
export type Stage = 'fixes' | 'riskDetails' | 'timeToLiquidation' | 'accountVar';

/** Milliseconds spent in each stage, summed over the files evaluated with it. */
export type StageTimings = Partial<Record<Stage, number>>;

export type Timer = <T>(stage: Stage, work: () => T) => T;

export const untimed: Timer = (_stage, work) => work();

/** A timer adding each stage's time to `into`; `untimed` without one. */
export function timerFor(into: StageTimings | undefined): Timer {
  if (!into) return untimed;
  return (stage, work) => {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      into[stage] = (into[stage] ?? 0) + performance.now() - t0;
    }
  };
}
