// The details pane of the selected row: head and reason, the two charts (from the host's `details` message),
// prices with reported vs computed, margin and tier, risk (VaR/ES, cost, time to liquidation), the fix with
// one Apply button per fix (the first is the pane's primary button, also Ctrl+.). Formatting only: every number is the engine's string or the host's chart data.
import type { DetailsMessage, LadderView, PanelRow, Summary } from '../protocol/messages';
import { accountFixLegLine, accountFixVerb } from '../presentation/account-lines';
import { fixActions, fixVerb, isAtRisk, STATUS_LOOK, type FixAction } from '../presentation/describe';
import { formatAge, formatEvaluationTime } from '../presentation/duration';
import {
  formatAmount, formatHealthFactor, formatLiquidationPrice, formatMark, formatMoney, formatPercent, formatPrice, formatProbability,
  formatRatio, formatSize, venueLabel,
} from '../presentation/format';
import { loanFigureLines, positionFigureLines } from '../presentation/trader-figures';
import { curveChart, ladderChart } from './charts';
import { h, icon } from './dom';
import { asideText, kv } from './key-values';
import { num, pendingBadge, statusBadge } from './view';
import { whatIfSection, type PostWhatIf } from './what-if';

export interface DetailsHandlers {
  onReveal(): void;
  onApplyFix(action: FixAction): void;
  /** Posts a what-if request (what-if.ts); without it the pane has no What-if block. */
  onWhatIf?: PostWhatIf;
}

function labelWith(label: string, note: string): HTMLElement {
  return h('span', {}, h('span', { text: label }), h('span', { class: 'muted', text: ` ${note}` }));
}

function block(label: string, aside: string, ...body: Array<Node | null>): HTMLElement {
  return h('section', { class: 'block', attrs: { 'aria-label': label } }, h('h3', { text: label }, asideText(aside)), ...body);
}

function head(r: PanelRow, onReveal: () => void): HTMLElement {
  const what = r.kind === 'loan' ? 'loan' : [r.side, r.size !== null ? formatSize(r.size) : null, r.marginMode].filter(Boolean).join(' · ');
  return h('div', { class: 'd-head' },
    h('div', { class: 'd-title' }, h('h2', { text: r.symbol ?? r.id }, h('span', { class: 'side', text: ` ${what}` })), h('span', { class: 'spacer' }), r.pending ? pendingBadge() : statusBadge(r.status)),
    h('div', { class: 'd-sub' }, h('span', { class: 'd-where', text: [venueLabel(r.venue), r.account].filter(Boolean).join(' · ') }), h('span', { class: 'spacer' }),
      h('button', { class: 'link', attrs: { type: 'button', title: 'Reveal in file' }, on: { click: onReveal } }, icon('go-to-file'), h('span', { class: 'num', text: `${r.file}:${r.line}:${r.column}` }))),
    r.pending
      ? h('div', { class: 'reason st-pending', attrs: { role: 'note' } }, icon('sync'), h('span', { text: 'This file is being evaluated: its liquidation price, status and fix follow.' }))
      : h('div', { class: `reason st-${r.status}`, attrs: { role: 'note' } }, icon(STATUS_LOOK[r.status].codicon), h('span', { text: r.reason })),
    r.evaluatedAt ? h('div', { class: 'd-time muted', text: `Numbers as of ${formatEvaluationTime(r.evaluatedAt)}` }) : null);
}

function charts(d: DetailsMessage | undefined): HTMLElement[] {
  if (!d) return [h('div', { class: 'block chart-wait muted', attrs: { role: 'status' }, text: 'Computing charts…' })];
  const out: HTMLElement[] = [];
  if (d.ladder) {
    out.push(block('Price ladder', d.ladder.aside, ladderChart(d.ladder) as unknown as HTMLElement, ladderLegend(d.ladder)));
  }
  if (d.curve) out.push(block('Probability vs horizon', d.curve.aside, curveChart(d.curve) as unknown as HTMLElement));
  if (d.note) out.push(h('div', { class: 'block muted fix-note', text: d.note }));
  return out;
}

/** The keys of what the ladder draws: the band only where there is one (a market without volatility has none). */
function ladderLegend(l: LadderView): HTMLElement | null {
  const items = [
    l.band.length ? h('span', {}, h('i', { class: 'l-band' }), h('span', { text: l.legend })) : null,
    l.zones.length ? h('span', {}, h('i', { class: 'l-zone' }), h('span', { text: 'liquidation zone' })) : null,
  ].filter((x): x is HTMLElement => x !== null);
  return items.length ? h('div', { class: 'legend', attrs: { 'aria-hidden': 'true' } }, ...items) : null;
}

function prices(r: PanelRow): HTMLElement {
  const dl = h('dl', { class: 'kv' });
  kv(dl, 'Mark', h('span', {}, r.stale ? h('span', { class: 'stale', text: `stale ${formatAge(r.markAge)} ` }) : null, num(formatMark(r.markPrice))));
  if (r.entryPrice !== null) kv(dl, 'Entry', formatMark(r.entryPrice));
  kv(dl, r.liquidationPriceSource === 'reported' ? 'Liquidation price (reported: the file lacks what ours needs)' : r.reportedLiquidationPrice !== null ? 'Liquidation price (computed)' : 'Liquidation price', formatLiquidationPrice(r.liquidationPrice, r.markPrice), 'liq');
  if (r.liquidationPrices) for (const [k, val] of Object.entries(r.liquidationPrices)) kv(dl, k === 'up' ? 'if the mark rises' : k === 'down' ? 'if the mark falls' : k, formatLiquidationPrice(val, r.markPrice), 'sub');
  if (r.reportedLiquidationPrice !== null) {
    kv(dl, 'Reported by the venue', formatPrice(r.reportedLiquidationPrice, r.markPrice));
    if (r.reportedDeviation !== null) kv(dl, 'Deviation (reported − computed)', formatPercent(r.reportedDeviation, 3), 'sub');
  }
  if (r.bankruptcyPrice !== null) kv(dl, 'Bankruptcy price', formatLiquidationPrice(r.bankruptcyPrice, r.markPrice));
  kv(dl, 'Distance', formatPercent(r.distance));
  kv(dl, `Volatility${r.volatilitySource ? ` (${r.volatilitySource})` : ''}`, formatRatio(r.volatility));
  kv(dl, `P(liquidation within ${r.horizon})`, formatProbability(r.liquidationProbability));
  return block('Prices', r.horizon, dl);
}

function margin(r: PanelRow): HTMLElement {
  const dl = h('dl', { class: 'kv' });
  if (r.kind === 'loan') {
    kv(dl, 'Health factor', formatHealthFactor(r.healthFactor));
    if (r.healthFactorIdeal !== null) kv(dl, 'Health factor (real-number formula)', formatAmount(r.healthFactorIdeal, { decimals: 6, rounding: 'floor' }), 'sub');
  } else {
    kv(dl, labelWith('Margin balance', 'MB'), formatMoney(r.marginBalance, r.settleCurrency));
    kv(dl, labelWith('Maintenance margin', 'MM'), formatMoney(r.maintenanceMargin, r.settleCurrency));
    kv(dl, labelWith('Margin ratio', 'MM / MB'), formatPercent(r.marginRatio), 'total');
    if (r.venueMarginRatio !== null) kv(dl, 'As the venue shows it', formatPercent(r.venueMarginRatio), 'sub');
  }
  const section = block(r.kind === 'loan' ? 'Health' : 'Margin', r.settleCurrency ?? '', dl);
  if (r.tier) {
    const t = r.tier;
    section.append(h('div', { class: 'tier' },
      h('span', { text: `Tier ${t.index} · ${formatAmount(t.floor)} – ${t.cap === null ? '∞' : formatAmount(t.cap)} · MMR ${formatPercent(t.mmr)}${t.cum !== null ? ` · cum ${formatAmount(t.cum)}` : ''}` }),
      h('span', { class: 'src' }, icon('link-external'), h('span', { text: `Source: ${t.source || 'file'}` }))));
  }
  return section;
}

/** What the exchange or the lending app shows (docs/results.md §2.5): value, PnL/ROE, leverage, funding; loan lines, LTV. */
function position(r: PanelRow): HTMLElement | null {
  if (!r.trader) return null;
  const lines = r.kind === 'loan' ? loanFigureLines(r.trader, r.settleCurrency ?? 'USD') : positionFigureLines(r.trader, r.settleCurrency);
  if (lines.length === 0) return null;
  const dl = h('dl', { class: 'kv' });
  for (const [label, value, cls] of lines) kv(dl, label, value, cls ?? '');
  return block(r.kind === 'loan' ? 'Collateral and debt' : 'Position', r.settleCurrency ?? '', dl);
}

function risk(r: PanelRow, d: DetailsMessage | undefined): HTMLElement | null {
  const ttl = d?.timeToLiquidation ?? null;
  if (r.valueAtRisk === null && r.expectedShortfall === null && r.liquidationCost === null && !ttl) return null;
  const dl = h('dl', { class: 'kv' });
  if (r.valueAtRisk !== null) kv(dl, labelWith('Value at risk', `99 %, ${r.horizon}`), formatMoney(r.valueAtRisk, r.settleCurrency));
  if (r.expectedShortfall !== null) kv(dl, labelWith('Expected shortfall', `99 %, ${r.horizon}`), formatMoney(r.expectedShortfall, r.settleCurrency));
  if (r.liquidationCost !== null) kv(dl, 'Cost if liquidated', formatMoney(r.liquidationCost, r.settleCurrency));
  // The time to liquidation's quantiles, one a line: "median 21 d 21 h", "5 % chance within 3 d 1 h", …
  if (ttl) kv(dl, h('span', { class: 'ttl' }, icon('watch'), h('span', { text: 'Time to liquidation' })), h('span', { class: 'lines' }, ...ttl.split(' · ').map((t) => h('span', { class: 'part', text: t }))));
  return block('Risk', r.settleCurrency ?? '', dl);
}

function applyButton(a: FixAction, r: PanelRow, handlers: DetailsHandlers, primary: boolean): HTMLButtonElement {
  const disabled = r.readOnlyReason !== null;
  return h('button', {
    class: `btn ${primary ? 'primary' : 'secondary'} apply-fix`,
    attrs: { type: 'button', disabled, title: disabled ? r.readOnlyReason : `${fixVerb(a)} (edits the file; undo with Ctrl+Z)`, 'data-kind': a.kind, 'data-asset': a.asset ?? undefined },
    on: { click: () => handlers.onApplyFix(a) },
  }, icon('wrench'), h('span', { text: primary ? 'Apply fix' : 'Apply' }));
}

/** A cross leg's account fix (issue 14): the one wallet top-up that brings every cross leg of its account to the target. */
function accountLine(r: PanelRow): HTMLElement | null {
  const f = r.accountFix;
  if (!f) return null;
  return h('div', { class: `fixbox account-fix${f.amount === null ? ' muted' : ''}`, attrs: { title: f.amount === null ? '' : `${accountFixVerb(f)}: Apply on the account's header (Group by account)` } },
    icon('account'), h('span', { class: 'fix-text', text: accountFixLegLine(f) }));
}

function fixNote(r: PanelRow): string {
  if (r.pending) return 'Computing: the fix follows the liquidation price.';
  if (r.updating && r.fix === null && isAtRisk(r.status)) return 'Finding the fix: it follows with this file\'s evaluation.';
  return r.status === 'unknown' ? 'No fix: the position could not be evaluated.' : `Nothing to do: already ${r.status}.`;
}

function fix(r: PanelRow, handlers: DetailsHandlers): HTMLElement {
  const section = block('Fix', r.fix ? `→ ${r.fix.target}` : '');
  const actions = fixActions(r.fix, r.settleCurrency, r.symbol, true);
  const account = accountLine(r);
  if (actions.length === 0) {
    section.append(h('div', { class: 'muted fix-note', text: r.fix?.reason ?? fixNote(r) }));
    if (account) section.append(account);
    return section;
  }
  // One Apply per fix: the first (the one Ctrl+. applies) is the pane's primary "Apply fix" button at the bottom;
  // each alternative has its own button here.
  actions.forEach((a, i) => section.append(h('div', { class: `fixbox${i === 0 ? ' primary-fix' : ''}` }, icon('wrench'), h('span', { class: 'fix-text', text: fixVerb(a) }),
    i === 0 ? h('span', { class: 'fix-where muted', text: 'Apply fix below · Ctrl+.' }) : applyButton(a, r, handlers, false))));
  if (account) section.append(account);
  const f = r.fix as { costOptimalMargin?: string | null; reason: string | null } | null;
  if (f?.reason) section.append(h('div', { class: 'muted fix-note', text: f.reason }));
  if (f?.costOptimalMargin) section.append(h('div', { class: 'muted fix-note', text: `cost-optimal buffer ${formatMoney(f.costOptimalMargin, r.settleCurrency)} ${r.settleCurrency ?? ''}`.trim() }));
  if (r.readOnlyReason) section.append(h('div', { class: 'muted fix-note' }, icon('lock'), h('span', { text: ` ${r.readOnlyReason}` })));
  return section;
}

export function detailsPane(r: PanelRow | undefined, summary: Pick<Summary, 'total'>, details: DetailsMessage | undefined, handlers: DetailsHandlers): HTMLElement[] {
  if (!r) {
    return [h('div', { class: 'd-empty' }, icon('info'), h('span', { text: summary.total ? 'Select a position to see its margin breakdown and fix.' : 'No position files found. Position files are named *.positions.json, .yaml, .yml or .csv.' }))];
  }
  const first = fixActions(r.fix, r.settleCurrency, r.symbol, true)[0];
  const blocks: Array<HTMLElement | null> = [head(r, handlers.onReveal), ...charts(details), prices(r), margin(r), position(r), risk(r, details),
    handlers.onWhatIf ? whatIfSection(r, handlers.onWhatIf) : null, fix(r, handlers)];
  blocks.push(h('div', { class: 'actions' },
    h('button', { class: `btn ${first ? 'secondary' : 'primary'}`, attrs: { type: 'button' }, on: { click: handlers.onReveal } }, icon('go-to-file'), h('span', { text: 'Reveal in file' })),
    first ? applyButton(first, r, handlers, true) : null,
    h('span', { class: 'hint' }, first ? h('kbd', { text: 'Ctrl' }) : null, h('kbd', { text: first ? '.' : 'Enter' }))));
  return blocks.filter((b): b is HTMLElement => b !== null);
}
