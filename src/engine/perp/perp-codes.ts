// Diagnostic codes raised by the perp margin engine (docs/format.md §7): code → description for the README list.
import type { Diagnostic, Severity, Span } from '../core/types';

export const PERP_CODES: Record<string, string> = {
  'tier-gap': 'tier table has a gap between one tier cap and the next floor',
  'tier-overlap': 'tier table has overlapping tiers (a floor below the previous cap, or cap ≤ floor)',
  'tier-mmr-decreasing': 'maintenance margin rate decreases from one tier to the next',
  'tier-mmr-range': 'maintenance margin rate outside [0, 1)',
  'tier-cum-inconsistent': 'maintenance amount (cum/deduction) inconsistent with floors: cum_n ≠ floor_n·(MMR_n − MMR_n−1) + cum_n−1',
  'tier-first-floor': 'the first tier does not start at 0',
  'tier-beyond-cap': 'the position notional lies beyond the last tier cap (the last tier is extended)',
  'unknown-tier-table': 'no bundled tier table by that name',
  'bundled-tier-table': 'no maintenance source in the file: the bundled table is used (info names its date)',
  'second-mm-source': 'a second maintenance-margin source is given and ignored (precedence tiers > mmr > maxLeverage)',
  'missing-taker-fee': 'okx/gate: no takerFee given, the fee part of the maintenance margin is taken as 0',
  'isolated-margin-defaulted': 'isolatedMargin absent: defaulted to size·entry/leverage',
  'no-contract-size': 'inverse contract without contractSize: the USD face of a contract is unknown',
};

const ZERO_SPAN: Span = { offset: 0, length: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

export function diag(severity: Severity, code: string, message: string, span: Span | undefined | null): Diagnostic {
  const s = span ?? ZERO_SPAN;
  return { severity, code, message, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
}
