// The panel's `report` message, built from the store's sorted rows (pure, so it is unit-tested without vscode).
import type { FileReport, ResultRow } from '../../engine/report';
import type { RiskSettings } from '../../engine/types';
import type { ReportMessage } from '../../protocol/messages';
import { formatDuration } from '../../engine/time';
import { toPanelRow } from '../rows';
import { effectiveBands } from '../settings';

export function buildReportMessage(input: {
  epoch: number;
  now: Date;
  files: readonly FileReport[];
  rows: readonly ResultRow[];
  risk: RiskSettings;
}): ReportMessage {
  const bands = effectiveBands(input.risk);
  return {
    type: 'report',
    epoch: input.epoch,
    now: input.now.toISOString(),
    files: input.files.length,
    errors: input.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'error').length, 0),
    horizon: formatDuration(bands.horizon),
    tails: bands.tails,
    probability: bands.probability,
    distance: bands.distance,
    rows: input.rows.map(toPanelRow),
  };
}
