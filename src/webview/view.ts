// Render functions of the panel (header chips, summary, table rows, details). Each returns fresh elements built
// with dom.ts; strings from files are only ever textContent. Numbers are formatted, never computed.
import type { AccountFixView, AccountHeader, PanelStatus, TableRow, PanelView, SortColumn, Summary } from '../protocol/messages';
import { STATUS_ORDER } from '../protocol/messages';
import { accountFixHeadline, accountFixVerb } from '../presentation/account-lines';
import { fixActions, isAtRisk, REPORTED_PRICE_LABEL, REPORTED_PRICE_TITLE, STATUS_LOOK } from '../presentation/describe';
import {
  formatAge, formatAgeCompact, formatHealthFactor, formatLiquidationPrice, formatMark, formatPercent, formatProbability, formatSize, formatThreshold, venueLabel,
} from '../presentation/format';
import { h, icon, text } from './dom';
import { CELL_PADDING_PX, cellFits } from './cell-fit';
import { textWidth } from './label-layout';

export function statusBadge(status: PanelStatus): HTMLElement {
  const look = STATUS_LOOK[status];
  return h('span', { class: `status st-${status}`, attrs: { 'data-status': status } }, icon(look.codicon), text(look.word));
}

/** The badge of a row whose file is only read so far (`pending`): no status yet. */
export function pendingBadge(): HTMLElement {
  return h('span', { class: 'status st-pending', attrs: { 'data-status': 'pending' } }, icon('sync'), text('Evaluating'));
}

export function statusChip(status: PanelStatus, count: number, pressed: boolean, onToggle: () => void): HTMLButtonElement {
  const look = STATUS_LOOK[status];
  return h('button', {
    class: `chip-btn st-${status}`,
    attrs: { type: 'button', 'aria-pressed': pressed ? 'true' : 'false', 'data-status': status, title: `${pressed ? 'Hide' : 'Show'} ${look.word} positions` },
    on: { click: onToggle },
  }, icon(look.codicon), h('span', { class: 'count', text: String(count) }), h('span', { class: 'chip-word', text: look.word }));
}

export function num(text: string, extra = ''): HTMLElement {
  return h('span', { class: `num${extra ? ' ' + extra : ''}`, text });
}

export function muted(text: string): HTMLElement {
  return h('span', { class: 'muted', text });
}

function dash(): HTMLElement {
  return muted('—');
}

function sizeCell(r: TableRow): HTMLElement {
  return h('td', { class: 'n' }, r.size === null ? dash() : text(formatSize(r.size)));
}

function markCell(r: TableRow): HTMLElement {
  const td = h('td', { class: 'n' });
  const mark = r.markPrice === null ? null : formatMark(r.markPrice);
  if (r.stale) {
    const age = formatAge(r.markAge);
    // The badge shows the age's largest unit ("6m", "848d") when it fits beside the mark, else the icon alone: the mark
    // itself stays whole. The title and the details pane give the whole age.
    const short = formatAgeCompact(r.markAge) || 'stale';
    const label = staleAgeFits(short, mark ?? '—', COLUMNS[MARK_COLUMN]!.width) ? h('span', { text: short }) : null;
    td.append(h('span', { class: `stale${label ? '' : ' icon-only'}`, attrs: { title: `stale: mark ${age || ''} old`.replace('  ', ' '), 'aria-label': `stale mark ${age}` } }, icon('history'), label));
  }
  // A mark is echoed as written; a computed ratio (a loan's wstETH/WETH) at 6 significant digits.
  td.append(mark === null ? dash() : text(mark));
  return td;
}

/** The stale badge's own room beside its text: the 12 px icon, the 2 px gap, 7 px of padding and its 6 px margin. */
const STALE_BADGE_PX = 27;
const MARK_FONT_PX = 12.5;
const BADGE_FONT_PX = 10.5;

/** Whether a stale badge's age and the mark fit the Mark column together (the charts' em-based width estimate). */
export function staleAgeFits(age: string, mark: string, columnWidth: number): boolean {
  return textWidth(age, BADGE_FONT_PX) + textWidth(mark, MARK_FONT_PX, true) <= columnWidth - CELL_PADDING_PX - STALE_BADGE_PX;
}

function probabilityCell(r: TableRow): HTMLElement {
  const td = h('td', { class: 'n c-p' });
  if (r.liquidationProbability === null) {
    td.append(dash());
    return td;
  }
  const bar = h('span', { class: 'pbar', attrs: { 'aria-hidden': 'true' } });
  const fill = h('span', { class: `pbar-fill st-${r.status}` });
  // Bar length is display geometry of the probability (a statistic), written through the CSSOM (CSP-safe).
  fill.style.setProperty('width', `${Math.max(2, Math.round(Math.min(1, Math.max(0, r.liquidationProbability)) * 26))}px`);
  bar.append(fill);
  td.append(bar, h('span', { class: 'pval', text: formatProbability(r.liquidationProbability) }));
  return td;
}

function ratioCell(r: TableRow): HTMLElement {
  const td = h('td', { class: 'n' });
  if (r.kind === 'loan' || r.healthFactor !== null) {
    if (r.healthFactor === null) td.append(dash());
    else td.append(h('span', { class: 'unit', text: 'HF ' }), text(formatHealthFactor(r.healthFactor)));
  } else if (r.marginRatio === null) td.append(dash());
  else td.append(text(formatPercent(r.marginRatio)));
  return td;
}

function fixCell(r: TableRow): HTMLElement {
  const td = h('td', { class: 'c-fix' });
  const actions = fixActions(r.fix, r.settleCurrency, r.symbol);
  const first = actions[0];
  if (first) {
    td.append(h('span', { class: 'fix' }, icon('wrench'), num(first.label), h('span', { class: 'unit', text: first.unit })));
  } else if (r.pending) {
    td.append(h('span', { class: 'muted' }, icon('sync'), h('span', { text: 'computing…' })));
  } else if (r.status === 'unknown') {
    td.append(h('span', { class: 'muted' }, icon('info'), h('span', { text: r.reason })));
  } else if (fixPending(r)) {
    td.append(h('span', { class: 'muted' }, icon('sync'), h('span', { text: 'finding fix…' })));
  } else if (r.fix?.reason) {
    td.append(h('span', { class: 'muted' }, icon('info'), h('span', { text: r.fix.reason })));
  } else td.append(dash());
  return td;
}

/** A first-stage row (the file's fixes are still being searched): at risk, updating, and no fix yet. */
function fixPending(r: TableRow): boolean {
  return r.updating === true && r.fix === null && isAtRisk(r.status);
}

function sideCell(r: TableRow): HTMLElement {
  const td = h('td', { class: 'c-side' });
  if (r.kind === 'loan') td.append(icon('account'), text('Loan'));
  else if (r.side === 'long') td.append(icon('arrow-up'), text('Long'));
  else if (r.side === 'short') td.append(icon('arrow-down'), text('Short'));
  else td.append(dash());
  return td;
}

export function tableRow(r: TableRow, index: number, selected: boolean): HTMLTableRowElement {
  const atRisk = isAtRisk(r.status);
  const tr = h('tr', {
    class: `row sev-${r.pending ? 'pending' : r.status}${selected ? ' selected' : ''}${r.updating ? ' updating' : ''}`,
    attrs: {
      'aria-rowindex': index + 2, 'aria-selected': selected ? 'true' : 'false', tabindex: selected ? 0 : -1,
      'data-key': r.key, 'data-status': r.pending ? 'pending' : r.status, 'data-at-risk': atRisk ? 'true' : 'false', 'data-index': index,
      'aria-busy': r.updating ? 'true' : undefined,
      title: r.pending ? 'Evaluating this file: its liquidation prices, statuses and fixes follow'
        : !r.updating ? undefined : fixPending(r) ? 'Evaluating this file: its fixes and risk details follow' : 'Re-evaluating this file: these are the last numbers',
    },
  });
  const venue = h('td', { class: 'c-venue' }, text(venueLabel(r.venue)));
  if (r.account) venue.append(h('span', { class: 'acct', text: ` · ${r.account}` }));
  tr.append(
    h('td', { class: 'c-status' }, r.pending ? pendingBadge() : statusBadge(r.status)),
    h('td', { class: 'c-sym' }, h('span', { class: 'sym', text: r.symbol ?? r.id })),
    venue,
    sideCell(r),
    sizeCell(r),
    markCell(r),
    liqCell(r),
    h('td', { class: 'n' }, r.distance === null ? dash() : text(formatPercent(r.distance))),
    probabilityCell(r),
    ratioCell(r),
    fixCell(r),
  );
  let i = 0;
  for (const td of Array.from(tr.children)) {
    const column = COLUMNS[i++]!;
    const clip = !column.fixedWords && !cellFits(td, column.width);
    td.className = `${td.className} ${foldClass(column.fold)}${clip ? ' clip' : ''}`.trim();
  }
  return tr;
}

function liqCell(r: TableRow): HTMLElement {
  if (r.liquidationPrice === null) return h('td', { class: 'n' }, dash());
  const cell = h('td', { class: 'n' }, text(formatLiquidationPrice(r.liquidationPrice, r.markPrice)));
  // In the narrow column the label is a marked icon (the word for screen readers and in the title); the details
  // pane and the hover spell it out.
  if (r.liquidationPriceSource === 'reported') {
    cell.prepend(h('span', { class: 'src-reported', attrs: { title: REPORTED_PRICE_TITLE, 'aria-label': REPORTED_PRICE_LABEL, role: 'img' } }, icon('radio-tower')));
  }
  return cell;
}

/**
 * The table's columns in display order. `fold` ranks the less important ones: 0 = key (status, symbol, liquidation
 * price, distance, P, fix: never folded), then 1 = mark, 2 = MR/HF, 3 = venue · account, 4 = size, 5 = side, folded
 * away from 5 down as the table's container narrows (container queries in styles.css; no layout computed in JS).
 * `width` is the header cell's width in styles.css (th.w-*, checked by a test); a row's cell is clipped with an
 * ellipsis only when its text may not fit it, except the status badge and the side, whose few words always fit.
 */
export const COLUMNS: Array<{ label: string; numeric?: boolean; cls: string; width: number; fixedWords?: boolean; title?: string; sort: SortColumn; fold: number }> = [
  { label: 'Status', cls: 'w-status', width: 118, fixedWords: true, sort: 'status', fold: 0 },
  { label: 'Symbol', cls: 'w-sym', width: 112, sort: 'symbol', fold: 0 },
  { label: 'Venue · account', cls: 'w-venue', width: 150, sort: 'venue', fold: 3 },
  { label: 'Side', cls: 'w-side', width: 76, fixedWords: true, sort: 'side', fold: 5 },
  { label: 'Size', numeric: true, cls: 'w-size', width: 90, sort: 'size', fold: 4 },
  { label: 'Mark', numeric: true, cls: 'w-mark', width: 130, sort: 'mark', fold: 1 },
  { label: 'Liq. price', numeric: true, cls: 'w-liq', width: 112, sort: 'liquidationPrice', fold: 0 },
  { label: 'Distance', numeric: true, cls: 'w-dist', width: 76, sort: 'distance', fold: 0 },
  { label: 'P', numeric: true, cls: 'w-p', width: 98, title: 'Probability that the mark touches the liquidation price within the horizon', sort: 'probability', fold: 0 },
  { label: 'MR / HF', numeric: true, cls: 'w-mr', width: 76, title: 'Margin ratio (MM / MB) for perps, health factor for loans', sort: 'ratio', fold: 2 },
  { label: 'Fix', cls: 'w-fix', width: 200, sort: 'fix', fold: 0 },
];

/** The class a column's cells carry so the container queries can fold it ("key" columns never fold). */
const MARK_COLUMN = COLUMNS.findIndex((c) => c.sort === 'mark');

export function foldClass(fold: number): string {
  return fold === 0 ? 'key' : `fold-${fold}`;
}

/** Column headers; a click sorts by the column (again: the other direction). The host sorts. */
export function tableHead(horizon: string, target: string, view: Pick<PanelView, 'sort' | 'direction'>, onSort: (c: SortColumn) => void): HTMLTableSectionElement {
  const tr = h('tr', { attrs: { 'aria-rowindex': 1 } });
  for (const c of COLUMNS) {
    const label = c.label === 'P' ? `P(${horizon})` : c.label;
    const active = view.sort === c.sort;
    const th = h('th', {
      class: `${c.cls} ${foldClass(c.fold)}${c.numeric ? ' n' : ''} sortable${active ? ' sorted' : ''}`,
      attrs: { scope: 'col', title: c.title ?? `Sort by ${label}`, 'aria-sort': active ? (view.direction === 'asc' ? 'ascending' : 'descending') : 'none', 'data-sort': c.sort, tabindex: 0 },
      on: { click: () => onSort(c.sort), keydown: (ev) => { const k = (ev as KeyboardEvent).key; if (k === 'Enter' || k === ' ') { ev.preventDefault(); onSort(c.sort); } } },
    }, h('span', { text: label }));
    if (active) th.append(icon(view.direction === 'asc' ? 'arrow-down' : 'arrow-up'));
    if (c.label === 'Fix') th.append(h('span', { class: 'sub muted', text: ` → ${target}` }));
    tr.append(th);
  }
  return h('thead', {}, tr);
}

/** The account fix on an account header (issue 14): the design's "to reach safe" figure and one Apply (one wallet edit). */
function accountFixPart(f: AccountFixView, onApply: (() => void) | undefined): HTMLElement {
  const text = accountFixHeadline(f);
  const part = h('span', { class: `g-fix${f.amount === null ? ' muted' : ''}`, attrs: { title: f.amount === null ? text : accountFixVerb(f) } },
    icon(f.amount === null ? 'info' : 'wrench'), h('span', { class: 'g-fix-text', text }));
  if (f.amount !== null && onApply) {
    const disabled = f.readOnlyReason !== null;
    part.append(h('button', {
      class: 'btn secondary apply-account-fix',
      attrs: { type: 'button', disabled, title: disabled ? f.readOnlyReason : `${accountFixVerb(f)}: one wallet edit (undo with Ctrl+Z)` },
      on: { click: (ev) => { ev.stopPropagation(); onApply(); } },
    }, icon('wrench'), h('span', { text: 'Apply' })));
  }
  return part;
}

/** An account's header row when grouping (a display item of the paged list, like the rows), with its account fix. */
export function accountRow(a: AccountHeader, index: number, selected: boolean, onApplyFix?: () => void): HTMLTableRowElement {
  const tr = h('tr', {
    class: `group sev-${a.pending ? 'pending' : a.worst}${selected ? ' selected' : ''}${a.updating ? ' updating' : ''}`,
    attrs: { 'aria-rowindex': index + 2, 'aria-selected': selected ? 'true' : 'false', tabindex: selected ? 0 : -1, 'data-account': a.key, 'data-index': index, 'data-status': a.pending ? 'pending' : a.worst },
  });
  const who = [venueLabel(a.venue), a.account].filter(Boolean).join(' · ') || a.file;
  const line = h('div', { class: 'g-line' },
    a.pending ? pendingBadge() : statusBadge(a.worst),
    h('span', { class: 'g-name', text: who }),
    h('span', { class: 'muted g-meta', text: `· ${a.file} · ${a.positions} position${a.positions === 1 ? '' : 's'}${a.atRisk ? `, ${a.atRisk} at risk` : ''}${a.updating ? ' · updating…' : ''}` }));
  if (a.fix) line.append(accountFixPart(a.fix, onApplyFix));
  tr.append(h('td', { class: 'c-group', attrs: { colspan: COLUMNS.length } }, line));
  return tr;
}

/** A row whose page has not arrived yet (same height, no content). */
export function placeholderRow(index: number, selected: boolean): HTMLTableRowElement {
  return h('tr', { class: `pending${selected ? ' selected' : ''}`, attrs: { 'aria-rowindex': index + 2, 'data-index': index, tabindex: selected ? 0 : -1 } },
    h('td', { class: 'muted', attrs: { colspan: COLUMNS.length }, text: '…' }));
}

/** A spacer standing for the rows above or below the rendered window (its height set through the CSSOM). */
export function spacerRow(): HTMLTableRowElement {
  return h('tr', { class: 'spacer', attrs: { 'aria-hidden': 'true' } }, h('td', { attrs: { colspan: COLUMNS.length } }));
}


function metric(label: string, codicon: string, value: Node[], detail: string, cls = ''): HTMLElement {
  return h('div', { class: `metric${cls ? ' ' + cls : ''}` },
    h('span', { class: 'k' }, icon(codicon), h('span', { text: label })),
    h('span', { class: 'v' }, ...value),
    h('span', { class: 'd', text: detail }));
}

/** The cards, from the host's summary of every row (not only the rows the panel holds). */
export function summaryStrip(s: Summary): HTMLElement {
  const worst = s.worst;
  const strip = h('div', { class: 'summary', attrs: { role: 'region', 'aria-label': 'Workspace summary' } });
  strip.append(
    metric('At risk', 'shield', [num(String(s.atRisk)), h('span', { class: 'unit', text: `of ${s.total}` })],
      `positions at watch or worse · ${s.riskyAccounts} account${s.riskyAccounts === 1 ? '' : 's'}${s.counts.unknown ? ` · ${s.counts.unknown} unknown (not evaluated, not safe)` : ''}`),
    metric('Worst position', 'account',
      worst ? [h('span', { class: 'worst-sym', text: `${worst.symbol ?? worst.id} · ${venueLabel(worst.venue)}` }), statusBadge(worst.status)] : [muted('none')],
      worst ? (worst.distance !== null ? `${formatPercent(worst.distance)} from liquidation` : worst.reason) : 'no positions found'),
    metric('Stale marks', 'history', [num(String(s.stale)), h('span', { class: 'unit', text: `of ${s.total}` })],
      s.stale ? `oldest ${formatAge(s.oldestStaleAge ?? 0)}` : 'all marks fresh'),
    metric('File errors', 'error', [num(String(s.errors))], `${s.files} position file${s.files === 1 ? '' : 's'}`, 'meta'),
  );
  return strip;
}

export function thresholdsText(s: Pick<Summary, 'probability'>, view?: Pick<PanelView, 'sort' | 'direction'>): string {
  const p = s.probability;
  const col = COLUMNS.find((c) => c.sort === view?.sort);
  const sorted = !view || view.sort === 'status' ? `Sorted by status${view?.direction === 'desc' ? ' (safest first)' : ''}, then distance` : `Sorted by ${col?.label ?? view.sort} (${view.direction === 'asc' ? 'ascending' : 'descending'})`;
  return `${sorted} · P ≥ ${formatThreshold(p.watch)} watch · ${formatThreshold(p.warning)} warning · ${formatThreshold(p.critical)} critical`;
}

export { STATUS_ORDER };
