// The panel's fixed frame around the table: the header (title, subtitle, actions; chips, grouping, horizon, filter)
// and the footer's keyboard hints. The parts that change (subtitle, chips, toggles) are the App's, passed in.
import { h, icon } from './dom';

export interface HeaderParts {
  subtitle: HTMLElement;
  chips: HTMLElement;
  groupBtn: HTMLElement;
  horizon: HTMLElement;
  filterInput: HTMLInputElement;
  detailsBtn: HTMLElement;
}

export interface HeaderActions {
  refresh(): void;
  stress(): void;
  export(): void;
}

function button(cls: string, codicon: string, label: string, title: string, onClick: () => void): HTMLElement {
  return h('button', { class: `btn secondary ${cls}`.trim(), attrs: { type: 'button', title }, on: { click: onClick } }, icon(codicon), h('span', { text: label }));
}

export function panelHeader(p: HeaderParts, on: HeaderActions): HTMLElement {
  const refresh = button('', 'refresh', 'Refresh', 'Re-evaluate every position file', on.refresh);
  const stress = button('stress-btn', 'beaker', 'Stress test', 'Shock all marks together and re-evaluate every account', on.stress);
  const exportBtn = button('export-btn', 'export', 'Export', 'Copy the report as Markdown or JSON, or open it in a new document', on.export);
  return h('header', { class: 'header' },
    h('div', { class: 'h-row' }, h('h1', { class: 'title' }, icon('pulse'), h('span', { text: 'Liquidation Lens' })), p.subtitle, h('span', { class: 'spacer' }), refresh, stress, exportBtn, p.detailsBtn),
    h('div', { class: 'h-row wrap' }, p.chips, h('span', { class: 'spacer' }), p.groupBtn, p.horizon,
      h('label', { class: 'field filter' }, icon('filter'), p.filterInput, h('kbd', { text: 'Ctrl' }), h('kbd', { text: 'F' }))),
  );
}

const HINTS: Array<[string[], string]> = [
  [['↑', '↓'], 'move'], [['Enter'], 'reveal in file'], [['Ctrl', '.'], 'apply fix'], [['Space'], 'toggle details'], [['Ctrl', 'F'], 'filter'],
];

/** The keyboard hints, then `text` (the order and thresholds) on the right. */
export function panelFooter(text: HTMLElement): HTMLElement {
  return h('div', { class: 'footer', attrs: { 'aria-hidden': 'true' } },
    ...HINTS.map(([keys, what]) => h('span', { class: 'hint' }, ...keys.map((k) => h('kbd', { text: k })), h('span', { text: what }))),
    h('span', { class: 'spacer' }), text);
}
