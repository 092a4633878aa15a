// The `risk:` block of a file (docs/format.md §6) → RiskSettings; unknown keys warn.
import type { RiskSettings, Status } from '../core/types';
import type { Ctx } from './parse-context';
import { unknownKey } from './market';
import { describe, type LNode } from './tree';
import { readDuration, readEnum, readFloat, readTime, valueFix } from './values';
import { Dec } from '../core/decimal';

const RISK_KEYS = ['horizon', 'probability', 'distance', 'staleAfter', 'tails', 'targetStatus', 'marginStep', 'opportunityCost', 'evaluationTime', 'reportedDeviationTolerance'];
const BANDS = ['watch', 'warning', 'critical'] as const;
const STATUSES: readonly Status[] = ['safe', 'watch', 'warning', 'critical', 'liquidatable'];

export function readRisk(ctx: Ctx, node: LNode): RiskSettings {
  const out: RiskSettings = {};
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `risk must be an object of settings (horizon, tails, …); got ${describe(node)}`, node.span);
    return out;
  }
  for (const e of node.entries) {
    const v = e.value;
    switch (e.key) {
      case 'horizon': setIf(out, 'horizon', readDuration(ctx, v, 'risk.horizon')); break;
      case 'staleAfter': setIf(out, 'staleAfter', readDuration(ctx, v, 'risk.staleAfter')); break;
      case 'probability':
      case 'distance': {
        const bands = readBands(ctx, v, e.key);
        if (bands) out[e.key] = bands;
        break;
      }
      case 'tails': setIf(out, 'tails', readEnum(ctx, v, 'risk.tails', ['gbm', 'student-t', 'vg', 'evt'] as const)); break;
      case 'targetStatus': setIf(out, 'targetStatus', readEnum(ctx, v, 'risk.targetStatus', STATUSES)); break;
      case 'marginStep': setIf(out, 'marginStep', positive(ctx, v, readFloat(ctx, v, 'risk.marginStep'), 'risk.marginStep')); break;
      case 'opportunityCost': setIf(out, 'opportunityCost', readFloat(ctx, v, 'risk.opportunityCost', { nonNegative: true })); break;
      case 'reportedDeviationTolerance': setIf(out, 'reportedDeviationTolerance', readFloat(ctx, v, 'risk.reportedDeviationTolerance', { nonNegative: true })); break;
      case 'evaluationTime':
        if (v.kind === 'string' && v.value.trim().toLowerCase() === 'now') out.evaluationTime = 'now';
        else setIf(out, 'evaluationTime', readTime(ctx, v, 'risk.evaluationTime'));
        break;
      default:
        unknownKey(ctx, e.key, e.keySpan, 'risk', RISK_KEYS);
    }
  }
  return out;
}

function setIf<K extends keyof RiskSettings>(out: RiskSettings, key: K, value: RiskSettings[K] | null): void {
  if (value !== null && value !== undefined) out[key] = value;
}

function positive(ctx: Ctx, node: LNode, n: number | null, name: string): number | null {
  if (n !== null && !(n > 0)) {
    ctx.diags.error('invalid-number', `${name} must be greater than 0; got ${describe(node)}`, node.span);
    return null;
  }
  return n;
}

function readBands(ctx: Ctx, node: LNode, name: string): { watch?: number; warning?: number; critical?: number } | null {
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `risk.${name} must be an object { watch, warning, critical }; got ${describe(node)}`, node.span);
    return null;
  }
  const out: { watch?: number; warning?: number; critical?: number } = {};
  for (const e of node.entries) {
    const band = BANDS.find((b) => b === e.key);
    if (!band) {
      unknownKey(ctx, e.key, e.keySpan, `risk.${name}`, BANDS);
      continue;
    }
    const n = readFloat(ctx, e.value, `risk.${name}.${band}`, { nonNegative: true });
    if (n === null) continue;
    if (n > 1) {
      ctx.diags.error('fraction-out-of-range', `risk.${name}.${band} is a fraction (0.02 = 2 %); ${describe(e.value)} is above 1 — did you mean "${n}%" (${n / 100})?`, e.value.span, valueFix(ctx, e.value, new Dec(n).div(100).toFixed(), true));
      continue;
    }
    out[band] = n;
  }
  return out;
}
