// Render functions of the panel (header chips, summary, table rows, details). Each returns fresh elements built
// with dom.ts; strings from files are only ever textContent. Numbers are formatted, never computed.
import type { PanelRow, PanelStatus, ReportMessage } from '../protocol/messages';
import { STATUS_ORDER } from '../protocol/messages';
import { fixActions, isAtRisk, REPORTED_PRICE_LABEL, REPORTED_PRICE_TITLE, STATUS_LOOK } from '../presentation/describe';
import {
  formatAge, formatHealthFactor, formatLiquidationPrice, formatMark, formatPercent, formatProbability, formatSize, formatThreshold, venueLabel,
} from '../presentation/format';
import { h, icon } from './dom';

export function statusBadge(status: PanelStatus): HTMLElement {
  const look = STATUS_LOOK[status];
  return h('span', { class: `status st-${status}`, attrs: { 'data-status': status } }, icon(look.codicon), h('span', { text: look.word }));
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

function sizeCell(r: PanelRow): HTMLElement {
  const td = h('td', { class: 'n' });
  if (r.size === null) td.append(dash());
  else td.append(num(formatSize(r.size)));
  return td;
}

function markCell(r: PanelRow): HTMLElement {
  const td = h('td', { class: 'n' });
  if (r.stale) {
    const age = formatAge(r.markAge);
    td.append(h('span', { class: 'stale', attrs: { title: `stale: mark ${age || ''} old`.replace('  ', ' '), 'aria-label': `stale mark ${age}` } }, icon('history'), h('span', { text: age || 'stale' })));
  }
  // A mark is echoed as written; a computed ratio (a loan's wstETH/WETH) at 6 significant digits.
  td.append(r.markPrice === null ? dash() : num(formatMark(r.markPrice)));
  return td;
}

function probabilityCell(r: PanelRow): HTMLElement {
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

function ratioCell(r: PanelRow): HTMLElement {
  const td = h('td', { class: 'n' });
  if (r.kind === 'loan' || r.healthFactor !== null) {
    if (r.healthFactor === null) td.append(dash());
    else td.append(h('span', { class: 'unit', text: 'HF ' }), num(formatHealthFactor(r.healthFactor)));
  } else if (r.marginRatio === null) td.append(dash());
  else td.append(num(formatPercent(r.marginRatio)));
  return td;
}

function fixCell(r: PanelRow): HTMLElement {
  const td = h('td', { class: 'c-fix' });
  const actions = fixActions(r.fix, r.settleCurrency, r.symbol);
  const first = actions[0];
  if (first) {
    td.append(h('span', { class: 'fix' }, icon('wrench'), num(first.label), h('span', { class: 'unit', text: first.unit })));
  } else if (r.status === 'unknown') {
    td.append(h('span', { class: 'muted' }, icon('info'), h('span', { text: r.reason })));
  } else if (r.fix?.reason) {
    td.append(h('span', { class: 'muted' }, icon('info'), h('span', { text: r.fix.reason })));
  } else td.append(dash());
  return td;
}

function sideCell(r: PanelRow): HTMLElement {
  const td = h('td', { class: 'c-side' });
  if (r.kind === 'loan') td.append(icon('account'), h('span', { text: 'Loan' }));
  else if (r.side === 'long') td.append(icon('arrow-up'), h('span', { text: 'Long' }));
  else if (r.side === 'short') td.append(icon('arrow-down'), h('span', { text: 'Short' }));
  else td.append(dash());
  return td;
}

export function tableRow(r: PanelRow, index: number, selected: boolean): HTMLTableRowElement {
  const atRisk = isAtRisk(r.status);
  const tr = h('tr', {
    class: `row sev-${r.status}${selected ? ' selected' : ''}`,
    attrs: {
      'aria-rowindex': index + 2, 'aria-selected': selected ? 'true' : 'false', tabindex: selected ? 0 : -1,
      'data-key': r.key, 'data-status': r.status, 'data-at-risk': atRisk ? 'true' : 'false',
    },
  });
  const venue = h('td', { class: 'c-venue' }, h('span', { class: 'venue', text: venueLabel(r.venue) }));
  if (r.account) venue.append(h('span', { class: 'acct', text: ` · ${r.account}` }));
  tr.append(
    h('td', { class: 'c-status' }, statusBadge(r.status)),
    h('td', { class: 'c-sym' }, h('span', { class: 'sym', text: r.symbol ?? r.id })),
    venue,
    sideCell(r),
    sizeCell(r),
    markCell(r),
    liqCell(r),
    h('td', { class: 'n' }, r.distance === null ? dash() : num(formatPercent(r.distance))),
    probabilityCell(r),
    ratioCell(r),
    fixCell(r),
  );
  return tr;
}

function liqCell(r: PanelRow): HTMLElement {
  if (r.liquidationPrice === null) return h('td', { class: 'n' }, dash());
  const cell = h('td', { class: 'n' }, num(formatLiquidationPrice(r.liquidationPrice, r.markPrice)));
  if (r.liquidationPriceSource === 'reported') cell.append(h('span', { class: 'src-reported', attrs: { title: REPORTED_PRICE_TITLE }, text: ` ${REPORTED_PRICE_LABEL}` }));
  return cell;
}

export const COLUMNS: Array<{ label: string; numeric?: boolean; cls: string; title?: string }> = [
  { label: 'Status', cls: 'w-status' },
  { label: 'Symbol', cls: 'w-sym' },
  { label: 'Venue · account', cls: 'w-venue' },
  { label: 'Side', cls: 'w-side' },
  { label: 'Size', numeric: true, cls: 'w-size' },
  { label: 'Mark', numeric: true, cls: 'w-mark' },
  { label: 'Liq. price', numeric: true, cls: 'w-liq' },
  { label: 'Distance', numeric: true, cls: 'w-dist' },
  { label: 'P', numeric: true, cls: 'w-p', title: 'Probability that the mark touches the liquidation price within the horizon' },
  { label: 'MR / HF', numeric: true, cls: 'w-mr', title: 'Margin ratio (MM / MB) for perps, health factor for loans' },
  { label: 'Fix', cls: 'w-fix' },
];

export function tableHead(horizon: string, target: string): HTMLTableSectionElement {
  const tr = h('tr', { attrs: { 'aria-rowindex': 1 } });
  COLUMNS.forEach((c, i) => {
    const label = c.label === 'P' ? `P(${horizon})` : c.label;
    const th = h('th', { class: c.numeric ? 'n' : '', attrs: { scope: 'col', title: c.title, 'aria-sort': i === 0 ? 'descending' : undefined } }, h('span', { text: label }));
    if (i === 0) th.append(icon('arrow-down'));
    if (c.label === 'Fix') th.append(h('span', { class: 'sub muted', text: ` → ${target}` }));
    tr.append(th);
  });
  return h('thead', {}, tr);
}

export function tableColumns(): HTMLTableColElement {
  const group = h('colgroup');
  for (const c of COLUMNS) group.append(h('col', { class: c.cls }));
  return group as unknown as HTMLTableColElement;
}

function metric(label: string, codicon: string, value: Node[], detail: string, cls = ''): HTMLElement {
  return h('div', { class: `metric${cls ? ' ' + cls : ''}` },
    h('span', { class: 'k' }, icon(codicon), h('span', { text: label })),
    h('span', { class: 'v' }, ...value),
    h('span', { class: 'd', text: detail }));
}

export function summaryStrip(report: ReportMessage): HTMLElement {
  const rows = report.rows;
  const risky = rows.filter((r) => isAtRisk(r.status));
  const worst = rows[0];
  const stale = rows.filter((r) => r.stale);
  const unknown = rows.filter((r) => r.status === 'unknown').length;
  const accounts = new Set(risky.map((r) => `${r.file}|${r.venue}|${r.account}`));
  const strip = h('div', { class: 'summary', attrs: { role: 'region', 'aria-label': 'Workspace summary' } });
  strip.append(
    metric('At risk', 'shield', [num(String(risky.length)), h('span', { class: 'unit', text: `of ${rows.length}` })],
      `positions at watch or worse · ${accounts.size} account${accounts.size === 1 ? '' : 's'}${unknown ? ` · ${unknown} unknown (not evaluated, not safe)` : ''}`),
    metric('Worst position', 'account',
      worst ? [h('span', { class: 'worst-sym', text: `${worst.symbol ?? worst.id} · ${venueLabel(worst.venue)}` }), statusBadge(worst.status)] : [muted('none')],
      worst ? (worst.distance !== null ? `${formatPercent(worst.distance)} from liquidation` : worst.reason) : 'no positions found'),
    metric('Stale marks', 'history', [num(String(stale.length)), h('span', { class: 'unit', text: `of ${rows.length}` })],
      stale.length ? `oldest ${formatAge(Math.max(...stale.map((r) => r.markAge ?? 0)))}` : 'all marks fresh'),
    metric('File errors', 'error', [num(String(report.errors))], `${report.files} position file${report.files === 1 ? '' : 's'}`, 'meta'),
  );
  return strip;
}

export function thresholdsText(report: ReportMessage): string {
  const p = report.probability;
  return `Sorted by status, then distance · P ≥ ${formatThreshold(p.watch)} watch · ${formatThreshold(p.warning)} warning · ${formatThreshold(p.critical)} critical`;
}

export { STATUS_ORDER };
