// The panel's `report` message, built from the store's sorted rows (pure, so it is unit-tested without vscode).
import type { FileReport, ResultRow } from '../../engine/evaluate/report';
import type { RiskSettings } from '../../engine/core/types';
import type { ReportMessage } from '../../protocol/messages';
import { formatDuration } from '../../engine/core/time';
import { toPanelRow } from '../rows';
import { effectiveBands } from '../settings';

/** The engine's words (edits.ts fixEdits) for files it will not edit. */
export const READ_ONLY = 'exchange and bot dumps are read-only: change the position on the venue';

export function buildReportMessage(input: {
  epoch: number;
  now: Date;
  files: readonly FileReport[];
  rows: readonly ResultRow[];
  risk: RiskSettings;
  /** Each file's evaluation time (Unix ms) by path: the time its numbers were computed at. */
  times?: Readonly<Record<string, number>>;
}): ReportMessage {
  const bands = effectiveBands(input.risk);
  const readOnly = new Map(input.files.map((f) => [f.path, f.dialect === 'native' ? null : READ_ONLY]));
  const iso = (ms: number) => new Date(ms).toISOString();
  const known = Object.values(input.times ?? {});
  const times = [...new Set(known)].sort((a, b) => a - b).map(iso);
  const rowTime = (path: string) => (input.times?.[path] !== undefined ? { evaluatedAt: iso(input.times[path]!) } : {});
  return {
    type: 'report',
    epoch: input.epoch,
    // The time the numbers were computed at (the earliest file's), not the wall clock.
    now: times[0] ?? input.now.toISOString(),
    ...(times.length ? { times } : {}),
    files: input.files.length,
    errors: input.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'error').length, 0),
    horizon: formatDuration(bands.horizon),
    tails: bands.tails,
    probability: bands.probability,
    distance: bands.distance,
    rows: input.rows.map((r) => ({ ...toPanelRow(r, readOnly.get(r.file) ?? null), ...rowTime(r.file) })),
  };
}
