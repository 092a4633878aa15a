// Extension settings (docs/format.md §6) → the engine's RiskSettings. Pure: the caller passes a getter over
// `workspace.getConfiguration('liquidationLens')`, so this maps and validates without vscode.
import type { RiskSettings, Status, VenueId } from '../engine/core/types';
import { parseDuration } from '../engine/core/time';
import { ALL_VENUES } from '../engine/venues/registry';

import { DEFAULT_INCLUDE } from '../engine/core/settings';

export { DEFAULT_INCLUDE };
const TAILS = ['gbm', 'student-t', 'vg', 'evt'] as const;
const STATUSES: readonly Status[] = ['safe', 'watch', 'warning', 'critical', 'liquidatable', 'unknown'];

export interface ExtensionSettings {
  include: string;
  exclude: string[];
  respectGitignore: boolean;
  risk: RiskSettings;
  defaultVenue: VenueId | undefined;
  openPanelOnStartup: boolean;
  inlineDecorations: boolean;
  codeLens: boolean;
  /** Human-readable problems with the configured values (shown once in the output channel). */
  problems: string[];
}

export type ConfigGetter = (key: string) => unknown;

function fraction(get: ConfigGetter, key: string, problems: string[]): number | undefined {
  const value = get(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1) return value;
  problems.push(`liquidationLens.${key}: expected a fraction between 0 and 1, got ${JSON.stringify(value)}`);
  return undefined;
}

function positive(get: ConfigGetter, key: string, problems: string[]): number | undefined {
  const value = get(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  problems.push(`liquidationLens.${key}: expected a non-negative number, got ${JSON.stringify(value)}`);
  return undefined;
}

function duration(get: ConfigGetter, key: string, problems: string[]): number | undefined {
  const value = get(key);
  if (value === undefined || value === null || value === '') return undefined;
  // A number is seconds; text is a docs/format.md §1 duration ("24h", "PT8H"), parsed by the engine's one parser.
  const parsed = typeof value === 'number' ? (Number.isFinite(value) && value >= 0 ? value : null) : typeof value === 'string' ? parseDuration(/^\d+(\.\d+)?$/.test(value.trim()) ? `${value.trim()}s` : value) : null;
  const seconds = parsed ?? undefined;
  if (seconds === undefined) problems.push(`liquidationLens.${key}: "${String(value)}" is not a duration like "24h", "15m" or "PT8H"`);
  return seconds;
}

function bands(get: ConfigGetter, group: 'probability' | 'distance', problems: string[]) {
  const out: { watch?: number; warning?: number; critical?: number } = {};
  for (const band of ['watch', 'warning', 'critical'] as const) {
    const v = fraction(get, `${group}.${band}`, problems);
    if (v !== undefined) out[band] = v;
  }
  return out;
}

function evaluationTime(get: ConfigGetter, problems: string[]): number | 'now' | undefined {
  const value = get('evaluationTime');
  if (value === undefined || value === null || value === '' || value === 'now') return value === 'now' ? 'now' : undefined;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (/\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(ms)) return ms;
  }
  problems.push(`liquidationLens.evaluationTime: expected "now" or an ISO-8601 time, got ${JSON.stringify(value)}`);
  return undefined;
}

function pick<T extends string>(get: ConfigGetter, key: string, allowed: readonly T[], problems: string[]): T | undefined {
  const value = get(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`liquidationLens.${key}: "${String(value)}" is not one of ${allowed.join(', ')}`);
  return undefined;
}

/** liquidationLens.takerFees: perp venue id → taker rate, a fraction in [0, 1) as a decimal string or number. */
function feeMap(get: ConfigGetter, problems: string[]): Record<string, string> | undefined {
  const value = get('takerFees');
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`liquidationLens.takerFees: expected an object venue → rate, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [venue, rate] of Object.entries(value as Record<string, unknown>)) {
    const text = typeof rate === 'number' && Number.isFinite(rate) ? String(rate) : typeof rate === 'string' ? rate.trim() : '';
    const n = Number(text);
    if (!(ALL_VENUES as readonly string[]).includes(venue)) problems.push(`liquidationLens.takerFees: "${venue}" is not a venue id (${ALL_VENUES.slice(0, 12).join(', ')})`);
    else if (text === '' || !/^[0-9.eE+-]+$/.test(text) || !Number.isFinite(n) || n < 0 || n >= 1) problems.push(`liquidationLens.takerFees.${venue}: expected a fraction like "0.0005", got ${JSON.stringify(rate)}`);
    else out[venue] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value] : [];
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}

export function readSettings(get: ConfigGetter): ExtensionSettings {
  const problems: string[] = [];
  const risk: RiskSettings = {};
  const horizon = duration(get, 'horizon', problems);
  if (horizon !== undefined) risk.horizon = horizon;
  const probability = bands(get, 'probability', problems);
  if (Object.keys(probability).length) risk.probability = probability;
  const distance = bands(get, 'distance', problems);
  if (Object.keys(distance).length) risk.distance = distance;
  const staleAfter = duration(get, 'staleAfter', problems);
  if (staleAfter !== undefined) risk.staleAfter = staleAfter;
  const tails = pick(get, 'tails', TAILS, problems);
  if (tails) risk.tails = tails;
  const target = pick(get, 'targetStatus', STATUSES, problems);
  if (target) risk.targetStatus = target;
  const marginStep = positive(get, 'marginStep', problems);
  if (marginStep !== undefined && marginStep > 0) risk.marginStep = marginStep;
  const opportunityCost = positive(get, 'opportunityCost', problems);
  if (opportunityCost !== undefined) risk.opportunityCost = opportunityCost;
  const time = evaluationTime(get, problems);
  if (time !== undefined) risk.evaluationTime = time;
  const tolerance = positive(get, 'reportedDeviationTolerance', problems);
  if (tolerance !== undefined) risk.reportedDeviationTolerance = tolerance;
  const takerFees = feeMap(get, problems);
  if (takerFees) risk.takerFees = takerFees;

  const include = get('include');
  return {
    include: typeof include === 'string' && include.trim() ? include.trim() : DEFAULT_INCLUDE,
    exclude: stringList(get('exclude')),
    respectGitignore: get('respectGitignore') !== false,
    risk,
    defaultVenue: pick(get, 'defaultVenue', ALL_VENUES, problems),
    openPanelOnStartup: get('openPanelOnStartup') === true,
    inlineDecorations: get('inlineDecorations') !== false,
    codeLens: get('codeLens') !== false,
    problems,
  };
}

/** The bands and horizon the panel footer prints, with the docs/format.md §6 defaults filled in. */
export function effectiveBands(risk: RiskSettings) {
  return {
    horizon: risk.horizon ?? 86400,
    tails: risk.tails ?? 'student-t',
    probability: { watch: 0.005, warning: 0.02, critical: 0.1, ...risk.probability },
    distance: { watch: 0.1, warning: 0.05, critical: 0.02, ...risk.distance },
  };
}
