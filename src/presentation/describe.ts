// Plain-language pieces shared by every face (CLI, Problems, hovers, CodeLens, panel, export): fix actions and
// sentences, status words. No arithmetic: it only picks which of the engine's strings to show and formats them
// (format.ts; fixes round up, docs/format.md §display).
import { formatFixAmount, formatFixSize } from './format';
import { messageText, nameText } from './inert-text';
import type { DisplayStatus, FixLike } from './row-shape';

export type { FixLike } from './row-shape';
type PanelStatus = DisplayStatus;
/** The visible label of a row whose liquidation price is the venue's or bot's reported one (docs/results.md §2 v1.1). */
export const REPORTED_PRICE_LABEL = 'reported';
export const REPORTED_PRICE_TITLE = 'The venue\'s or bot\'s reported liquidation price: the file lacks what our own exact price needs (see the diagnostics)';

/** " (reported)" after a price shown from `liquidationPriceSource: "reported"`, else "". */
export function priceSourceSuffix(source: string | null | undefined): string {
  return source === 'reported' ? ` (${REPORTED_PRICE_LABEL})` : '';
}


export interface FixAction {
  kind: 'addMargin' | 'reduceSize' | 'addCollateral' | 'repayDebt';
  /** "+27,744.75", "cut 41.5", "repay 13,158.70" */
  label: string;
  amount: string;
  unit: string;
  /** The loan asset the fix edits (a key of addCollateral / repayDebt); null for perps. */
  asset: string | null;
}

function amounts(rec: Record<string, string | null> | undefined): Array<[string, string]> {
  return Object.entries(rec ?? {}).filter((e): e is [string, string] => e[1] !== null);
}

/**
 * The engine's fix as display actions, best first (margin/collateral, then size/debt). Loans list the first asset
 * of each kind, or every asset with `all` (the panel's buttons, the Quick Fixes). Amounts round UP.
 */
export function fixActions(fix: FixLike | null, settleCurrency: string | null, sizeUnit: string | null, all = false): FixAction[] {
  if (!fix) return [];
  const out: FixAction[] = [];
  if (fix.addMargin) {
    const amount = formatFixAmount(fix.addMargin, settleCurrency);
    out.push({ kind: 'addMargin', label: `+${amount}`, amount, unit: `${settleCurrency !== null ? nameText(settleCurrency) : ''} margin`.trim(), asset: null });
  }
  if (fix.reduceSize) {
    const amount = formatFixSize(fix.reduceSize);
    out.push({ kind: 'reduceSize', label: `cut ${amount}`, amount, unit: sizeUnit !== null ? nameText(sizeUnit) : '', asset: null });
  }
  for (const [asset, value] of amounts(fix.addCollateral).slice(0, all ? undefined : 1)) {
    const amount = formatFixAmount(value, asset);
    out.push({ kind: 'addCollateral', label: `+${amount}`, amount, unit: `${nameText(asset)} collateral`, asset });
  }
  for (const [asset, value] of amounts(fix.repayDebt).slice(0, all ? undefined : 1)) {
    const amount = formatFixAmount(value, asset);
    out.push({ kind: 'repayDebt', label: `repay ${amount}`, amount, unit: nameText(asset), asset });
  }
  return out;
}

/** "Add 77,365.22 USDT margin", "Reduce size by 243.097 ETHUSDT", "Repay 13,158.70 USDC". */
export function fixVerb(a: FixAction): string {
  switch (a.kind) {
    case 'addMargin':
    case 'addCollateral':
      return `Add ${a.amount} ${a.unit}`;
    case 'reduceSize':
      return `Reduce size by ${a.amount}${a.unit ? ' ' + a.unit : ''}`;
    case 'repayDebt':
      return `Repay ${a.amount} ${a.unit}`;
  }
}

/** "add 81,597.40 USDT margin or cut 1,000 ETHUSDT", or the engine's reason when no fix is reachable. */
export function fixSentence(fix: FixLike | null, settleCurrency: string | null, sizeUnit: string | null): string | null {
  if (!fix) return null;
  const parts = fixActions(fix, settleCurrency, sizeUnit).map((a) => {
    switch (a.kind) {
      case 'addMargin': return `add ${a.amount} ${a.unit}`;
      case 'reduceSize': return `reduce size by ${a.amount}${a.unit ? ' ' + a.unit : ''}`;
      case 'addCollateral': return `add ${a.amount} ${a.unit}`;
      case 'repayDebt': return `repay ${a.amount} ${a.unit}`;
    }
  });
  if (parts.length === 0) return fix.reason ? `no fix reaches ${fix.target}: ${messageText(fix.reason)}` : null;
  return `${parts.join(' or ')} → ${fix.target}`;
}

/** The short form for a table cell: "+81,597.40 USDT margin or cut 1,000 ETHUSDT", or the reason, or "—". */
export function fixCell(fix: FixLike | null, settleCurrency: string | null, sizeUnit: string | null): string {
  if (!fix) return '—';
  const actions = fixActions(fix, settleCurrency, sizeUnit);
  if (actions.length === 0) return fix.reason !== null ? messageText(fix.reason) : '—';
  return actions.map((a) => `${a.label}${a.unit ? ' ' + a.unit : ''}`).join(' or ');
}

/** Word, codicon and plain-text glyph per status (status is never shown by colour alone). */
export const STATUS_LOOK: Record<PanelStatus, { word: string; codicon: string; glyph: string }> = {
  liquidatable: { word: 'liquidatable', codicon: 'flame', glyph: '⛔' },
  critical: { word: 'critical', codicon: 'error', glyph: '✖' },
  warning: { word: 'warning', codicon: 'warning', glyph: '⚠' },
  watch: { word: 'watch', codicon: 'eye', glyph: '◉' },
  safe: { word: 'safe', codicon: 'pass', glyph: '✓' },
  unknown: { word: 'unknown', codicon: 'question', glyph: '?' },
};

const RISKY: ReadonlySet<PanelStatus> = new Set(['liquidatable', 'critical', 'warning', 'watch']);

/** Watch or worse (what gets a Problem, a mark in the panel and a place in "Show Positions at Risk"). */
export function isAtRisk(status: PanelStatus): boolean {
  return RISKY.has(status);
}
