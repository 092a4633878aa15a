// The stress view: the host's stress curve as a bar chart and each account's first failing shock.
import type { StressMessage } from '../protocol/messages';
import { formatAmount } from '../presentation/format';
import { stressChart } from './charts';
import { h, icon } from './dom';

function accountsTable(m: StressMessage): HTMLElement {
  const body = h('tbody');
  for (const a of m.accounts) {
    // An account with unknown positions is never muted like a safe one (issue 14).
    const unknown = (a.unknown ?? 0) > 0;
    const cls = a.firstFailingShock === 0 ? 'st-liquidatable fail' : a.firstFailingShock !== null ? 'fail' : unknown ? 'st-unknown' : 'muted';
    body.append(h('tr', { attrs: { 'data-first-failing': a.firstFailingShock === null ? (unknown ? 'unknown' : 'none') : String(a.firstFailingShock) } },
      h('td', { class: 'acct-file', text: a.file }),
      h('td', { text: a.account ?? '—' }),
      h('td', { class: cls, text: a.label })));
  }
  return h('table', { class: 'stress-accounts', attrs: { 'aria-label': 'First failing shock per account' } },
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' }, text: 'File' }), h('th', { attrs: { scope: 'col' }, text: 'Account' }), h('th', { attrs: { scope: 'col' }, text: 'First failing shock' }))),
    body);
}

export function stressView(m: StressMessage, onClose: () => void, onScale: (scaled: boolean) => void = () => {}): HTMLElement[] {
  const worst = [...m.bars].sort((a, b) => b.height - a.height)[0];
  const aside = worst && worst.positions > 0 ? `worst ${worst.label}: ${worst.positions} positions, ${formatAmount(worst.notional, { decimals: 0 })} notional` : 'no liquidation in the range';
  return [
    h('div', { class: 's-head' }, h('h3', { text: 'Stress test' }, h('span', { class: 'aside', text: ` ${aside}` })), h('span', { class: 'spacer' }),
      h('label', { class: 's-scale', attrs: { title: 'Move each market by the shock × its volatility / the median volatility' } },
        h('input', { attrs: { type: 'checkbox', checked: m.scaledByVolatility === true }, on: { change: (e: Event) => onScale((e.target as HTMLInputElement).checked) } }),
        h('span', { text: 'scale by volatility' })),
      h('button', { class: 'btn secondary', attrs: { type: 'button', title: 'Close the stress view' }, on: { click: onClose } }, icon('close'), h('span', { text: 'Close' }))),
    h('div', { class: 's-body' }, h('div', { class: 's-chart' }, stressChart(m) as unknown as HTMLElement, h('div', { class: 'muted s-note', text: m.unitNote })), h('div', { class: 's-accounts' }, accountsTable(m))),
  ];
}
