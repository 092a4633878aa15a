// What the editor shows for a file: file diagnostics and at-risk positions as Problems, the after-line decoration
// text, the hover. Pure (plain data in, plain data out); the vscode adapter turns these into Diagnostics/decorations.
import type { Diagnostic as EngineDiagnostic } from '../engine/core/types';
import type { AccountReport, FileReport, ResultRow } from '../engine/evaluate/report';
import { accountFixDisplay, accountFixLegLine } from '../presentation/account-lines';
import { fixSentence, isAtRisk, priceSourceSuffix, STATUS_LOOK } from '../presentation/describe';
import { formatAge } from '../presentation/duration';
import { formatHealthFactor, formatLiquidationPrice, formatMark, formatMoney, formatPercent, formatProbability } from '../presentation/format';
import { markText, shortFix, summaryBits, whoAndWhere } from '../presentation/row-text';
import { figuresSummary, fundingSummary, traderFiguresOf } from '../presentation/trader-figures';
import { iconText, markdownText, messageText, nameText, pathText } from '../presentation/inert-text';
import { venueLabel } from '../presentation/labels';
import { yieldToHost } from './steps';
import type { HostRow } from './rows';

export const SOURCE = 'Liquidation Lens';

export type SpecSeverity = 'error' | 'warning' | 'information' | 'hint';

/** 0-based, end exclusive (vscode.Range semantics). */
export interface DiagnosticSpec {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
  severity: SpecSeverity;
  code: string;
  message: string;
}

/** Columns past the end of a line are clamped by VS Code; used when only the entry's start is known. */
export const TO_LINE_END = 10_000;

const SEVERITY: Record<EngineDiagnostic['severity'], SpecSeverity> = {
  error: 'error', warning: 'warning', info: 'information', hint: 'hint',
};

function zeroBased(n: number | undefined): number {
  return Number.isFinite(n) && (n as number) >= 1 ? (n as number) - 1 : 0;
}

export function fileDiagnosticSpec(d: EngineDiagnostic): DiagnosticSpec {
  const startLine = zeroBased(d.line);
  const startCharacter = zeroBased(d.column);
  let endLine = zeroBased(d.endLine ?? d.line);
  let endCharacter = zeroBased(d.endColumn ?? d.column);
  if (endLine < startLine || (endLine === startLine && endCharacter <= startCharacter)) {
    endLine = startLine;
    endCharacter = startCharacter === 0 && endCharacter === 0 ? TO_LINE_END : startCharacter + 1;
  }
  return { startLine, startCharacter, endLine, endCharacter, severity: SEVERITY[d.severity] ?? 'error', code: d.code, message: messageText(d.message) };
}

const ROW_SEVERITY: Partial<Record<ResultRow['status'], SpecSeverity>> = {
  liquidatable: 'error', critical: 'error', warning: 'warning', watch: 'information',
};

function sizeUnit(r: HostRow): string | null {
  return r.symbol;
}

/** A trader's message with the numbers: status, liquidation price, distance, probability, margin ratio / HF, fix. */
export function rowMessage(r: HostRow): string {
  const parts: string[] = [`${STATUS_LOOK[r.status].word.toUpperCase()}: ${whoAndWhere(r)}`];
  const numbers: string[] = [];
  if (r.liquidationPrice !== null) {
    const away = r.distance !== null ? ` (${formatPercent(r.distance)} away)` : '';
    numbers.push(`liq. price ${formatLiquidationPrice(r.liquidationPrice, r.markPrice)}${away}`);
  }
  if (r.markPrice !== null) numbers.push(markText(r, formatAge(r.markAge)));
  if (r.liquidationProbability !== null) numbers.push(`P(liquidation within ${r.horizon}) ${formatProbability(r.liquidationProbability)}`);
  if (r.healthFactor !== null) numbers.push(`health factor ${formatHealthFactor(r.healthFactor)}`);
  else if (r.marginRatio !== null) numbers.push(`margin ratio ${formatPercent(r.marginRatio)}`);
  let message = parts[0]!;
  if (numbers.length) message += ' — ' + numbers.join(', ');
  if (r.reason) message += `. ${messageText(r.reason)}`;
  const fix = fixSentence(r.fix, r.settleCurrency, sizeUnit(r));
  if (fix) message += `. Fix: ${fix}`;
  return message;
}

/** A Problem for a position at watch or worse, on its entry line; null for safe and unknown rows. */
export function rowDiagnosticSpec(r: HostRow): DiagnosticSpec | null {
  const severity = ROW_SEVERITY[r.status];
  if (!severity || !isAtRisk(r.status)) return null;
  const line = zeroBased(r.line);
  return {
    startLine: line, startCharacter: zeroBased(r.column), endLine: line, endCharacter: TO_LINE_END,
    severity, code: `position-${r.status}`, message: rowMessage(r),
  };
}

/** A file's Problems at most: VS Code shows no more (extHostDiagnostics' _maxDiagnosticsPerFile). */
export const MAX_DIAGNOSTICS = 1000;

/**
 * The file's diagnostics, then one per row at watch or worse, up to MAX_DIAGNOSTICS; null after a row without one (a
 * place to pause: the rows are parsed from text as they are read, row-heads.ts).
 */
function* specsOf(file: FileReport, rows: Iterable<HostRow>): Generator<DiagnosticSpec | null> {
  // extHostDiagnostics truncates at 1000 per file (microsoft/vscode src/vs/workbench/api/common/extHostDiagnostics.ts,
  // _maxDiagnosticsPerFile): no spec is built past it (a 20,000-row file would spend the host's time on them).
  let n = 0;
  for (const d of file.diagnostics) {
    if (n++ >= MAX_DIAGNOSTICS) return;
    yield fileDiagnosticSpec(d);
  }
  for (const r of rows) {
    if (n >= MAX_DIAGNOSTICS) return;
    const spec = rowDiagnosticSpec(r);
    if (spec) n++;
    yield spec;
  }
}

export function diagnosticSpecsForFile(file: FileReport, rows: Iterable<HostRow>): DiagnosticSpec[] {
  return [...specsOf(file, rows)].filter((s) => s !== null);
}

/** The same specs, built in slices (`slice` rows or specs each) with a yield to the event loop between them. */
export async function diagnosticSpecsInSlices(file: FileReport, rows: Iterable<HostRow>, slice = 100): Promise<DiagnosticSpec[]> {
  const specs: DiagnosticSpec[] = [];
  let sinceYield = 0;
  for (const spec of specsOf(file, rows)) {
    if (spec) specs.push(spec);
    if (++sinceYield >= slice) {
      sinceYield = 0;
      await yieldToHost();
    }
  }
  return specs;
}

/** Error-Lens-style after-line text: "⚠ warning · liq 1,153.26 · 13.62 % away · P(24h) 0.80 %". */
export function decorationText(r: HostRow): string {
  const look = STATUS_LOOK[r.status];
  const bits = [`${look.glyph} ${look.word}`, ...summaryBits(r)];
  if (r.status === 'unknown') bits.push(messageText(r.reason));
  return bits.join(' · ');
}

/** Markdown text escaping (file strings go into hovers as text, never as markup): presentation's one sanitiser. */
export const escapeMarkdown = (s: string): string => markdownText(s);

/** `account`: the row's cross account (docs/results.md §2.4), whose one wallet fix is shown beside the row's. */
export function hoverMarkdown(r: ResultRow, account?: AccountReport | null): string {
  const look = STATUS_LOOK[r.status];
  const rows: Array<[string, string]> = [
    ['Status', look.word],
    ['Liquidation price', formatLiquidationPrice(r.liquidationPrice, r.markPrice) + priceSourceSuffix(r.liquidationPriceSource)],
    ['Bankruptcy price', formatLiquidationPrice(r.bankruptcyPrice, r.markPrice)],
    ['Mark', formatMark(r.markPrice) + (r.stale ? ` (stale, ${formatAge(r.markAge) || 'age unknown'})` : '')],
    ['Distance', formatPercent(r.distance)],
    [`P(liquidation within ${r.horizon})`, formatProbability(r.liquidationProbability)],
    r.healthFactor !== null ? ['Health factor', formatHealthFactor(r.healthFactor)] : ['Margin ratio (MM / MB)', formatPercent(r.marginRatio)],
    ['Margin balance', formatMoney(r.marginBalance, r.settleCurrency)],
    ['Maintenance margin', formatMoney(r.maintenanceMargin, r.settleCurrency)],
  ];
  if (r.tier) rows.push(['Tier', `#${r.tier.index} · MMR ${formatPercent(r.tier.mmr)} · ${r.tier.source}`]);
  // docs/results.md §2.5, in two lines at most: value · PnL (ROE) · leverage, and the funding (loans: LTV vs threshold)
  const figures = traderFiguresOf(r.details);
  const summary = figuresSummary(figures, r.settleCurrency);
  if (summary) rows.push([r.kind === 'loan' ? 'Loan' : 'Position', summary]);
  const funding = fundingSummary(figures);
  if (funding) rows.push(['Funding', funding]);
  const fix = fixSentence(r.fix, r.settleCurrency, sizeUnit(r));
  if (fix) rows.push(['Fix', fix]);
  const accountFix = account && r.marginMode === 'cross' && account.legs.includes(r.id) ? accountFixDisplay(account, r.settleCurrency, null) : null;
  if (accountFix) rows.push(['Account fix', accountFixLegLine(accountFix).replace(/^account: /, '')]);
  const table = rows.map(([k, v]) => `| ${escapeMarkdown(k)} | ${escapeMarkdown(v)} |`).join('\n');
  return `**${escapeMarkdown(whoAndWhere(r))}** — ${escapeMarkdown(messageText(r.reason))}\n\n| | |\n|---|---:|\n${table}`;
}

/**
 * CodeLens title on a position's entry line: "$(warning) warning · liq 1,153.26 · 13.62 % away · P(24h) 0.80 % · Fix:
 * +77,365.22 USDT". The status icon is a codicon (CodeLens titles render `$(name)`; emoji glyphs may lack a font).
 */
export function codeLensTitle(r: HostRow): string {
  const look = STATUS_LOOK[r.status];
  const bits = [look.word];
  if (r.status === 'unknown') bits.push(messageText(r.reason));
  else {
    bits.push(...summaryBits(r));
    const fix = shortFix(r);
    if (fix) bits.push(fix);
  }
  // Only our status icon renders: a `$(name)` written in the file is shown as text.
  return `$(${look.codicon}) ${iconText(bits.join(' · '))}`;
}

/** The "Show Positions at Risk" quick pick item: every file string inert, capped and shown without icons. */
export function atRiskPickItem(r: HostRow): { label: string; description: string; detail: string } {
  const look = STATUS_LOOK[r.status];
  return {
    label: `$(${look.codicon}) ${iconText(`${look.word}  ${nameText(r.symbol ?? r.id)} ${r.kind === 'loan' ? 'loan' : r.side ?? ''}`)}`,
    description: iconText([venueLabel(r.venue), r.account !== null ? nameText(r.account) : null].filter(Boolean).join(' · ')),
    detail: iconText([...summaryBits(r), `${pathText(r.file)}:${r.line}`].join(' · ')),
  };
}
