// The details pane's What-if (issue 14): a price-shock slider (−50 %…+50 %), a volatility multiplier (0.5×…3×) and an
// add-margin input. The webview computes nothing financial: it posts the scenario (`whatIf`, debounced) and shows the
// engine's answer (`whatIfResult`, computed in the evaluation worker) next to the file's numbers. Reset returns to the
// file's numbers; the file is never touched. Scenarios live for the session, per row.
import { parseHostMessage, WHAT_IF_LIMITS, type PanelRow, type WhatIfRequest, type WhatIfResult } from '../protocol/messages';
import { formatHealthFactor, formatLiquidationPrice, formatMark, formatPercent, formatProbability, formatRatio } from '../presentation/format';
import { h, icon } from './dom';
import { num, statusBadge } from './view';
import { kv } from './key-values';

export type PostWhatIf = (msg: WhatIfRequest) => void;

export const WHAT_IF_DEBOUNCE_MS = 150;

/** Slider positions: the shock in whole percent, the multiplier in tenths, the margin as typed. */
interface Controls {
  shockPct: number;
  volTenths: number;
  add: string;
}

const NEUTRAL: Controls = { shockPct: 0, volTenths: 10, add: '' };
const AMOUNT_RE = /^\d+(\.\d+)?$/;

interface Live {
  row: PanelRow;
  post: PostWhatIf;
  controls: Controls;
  seq: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  shock: HTMLInputElement;
  vol: HTMLInputElement;
  add: HTMLInputElement;
  shockLabel: HTMLElement;
  volLabel: HTMLElement;
  state: HTMLElement;
  result: HTMLElement;
}

const scenarios = new Map<string, Controls>();
let seq = 0;
let live: Live | undefined;
let listening = false;

const isNeutral = (c: Controls): boolean => c.shockPct === 0 && c.volTenths === 10 && (c.add === '' || /^0+(\.0+)?$/.test(c.add));
const shockText = (pct: number): string => (pct === 0 ? '0 %' : `${pct > 0 ? '+' : '−'}${Math.abs(pct)} %`);
const volText = (tenths: number): string => `${Math.floor(tenths / 10)}.${tenths % 10}×`;

/** The answers arrive as host messages; main.ts ignores them, this listener takes them (validated like every message). */
function listen(): void {
  if (listening || typeof window === 'undefined' || typeof window.addEventListener !== 'function') return;
  listening = true;
  window.addEventListener('message', (ev: MessageEvent) => {
    if ((ev.data as { type?: unknown } | null)?.type !== 'whatIfResult') return;
    const parsed = parseHostMessage(ev.data);
    if (parsed.ok && parsed.value.type === 'whatIfResult') onWhatIfResult(parsed.value);
  });
}

function slider(min: number, max: number, value: number, label: string): HTMLInputElement {
  const el = h('input', { class: 'wi-range', attrs: { type: 'range', min, max, step: 1, value, 'aria-label': label } });
  el.value = String(value);
  return el;
}

function read(l: Live): Controls {
  return { shockPct: Number(l.shock.value) || 0, volTenths: Number(l.vol.value) || 10, add: l.add.value.trim() };
}

function request(l: Live): void {
  const c = l.controls;
  l.seq = ++seq;
  l.state.textContent = 'computing…';
  l.state.setAttribute('aria-busy', 'true');
  l.post({ type: 'whatIf', key: l.row.key, seq: l.seq, shock: c.shockPct / 100, volMultiplier: c.volTenths / 10, addMargin: c.add === '' ? '0' : c.add });
}

function showFileNumbers(l: Live): void {
  l.seq = ++seq; // answers still on their way are dropped
  l.state.removeAttribute('aria-busy');
  l.state.textContent = 'The file\'s numbers. Move a control to explore; the file is not changed.';
  l.result.replaceChildren();
}

function onChange(l: Live, immediate = false): void {
  l.controls = read(l);
  scenarios.set(l.row.key, l.controls);
  l.shockLabel.textContent = shockText(l.controls.shockPct);
  l.volLabel.textContent = volText(l.controls.volTenths);
  if (l.timer) clearTimeout(l.timer);
  l.timer = undefined;
  if (l.controls.add !== '' && !AMOUNT_RE.test(l.controls.add)) {
    l.seq = ++seq;
    l.state.removeAttribute('aria-busy');
    l.state.textContent = 'Margin to add: a plain number such as 250 or 250.5.';
    return;
  }
  if (isNeutral(l.controls)) return showFileNumbers(l);
  l.state.textContent = 'computing…';
  if (immediate) request(l);
  else l.timer = setTimeout(() => { l.timer = undefined; request(l); }, WHAT_IF_DEBOUNCE_MS);
}

function reset(l: Live): void {
  l.shock.value = String(NEUTRAL.shockPct);
  l.vol.value = String(NEUTRAL.volTenths);
  l.add.value = NEUTRAL.add;
  onChange(l, true);
}

/** The What-if block of a row's details (null for rows the engine could not evaluate). */
export function whatIfSection(row: PanelRow, post: PostWhatIf): HTMLElement | null {
  if (row.status === 'unknown') return null;
  listen();
  if (live?.timer) clearTimeout(live.timer);
  const controls = scenarios.get(row.key) ?? NEUTRAL;
  const loan = row.kind === 'loan';
  const shock = slider(WHAT_IF_LIMITS.shock.min * 100, WHAT_IF_LIMITS.shock.max * 100, controls.shockPct, 'Price shock in percent');
  const vol = slider(WHAT_IF_LIMITS.volMultiplier.min * 10, WHAT_IF_LIMITS.volMultiplier.max * 10, controls.volTenths, 'Volatility multiplier in tenths');
  const add = h('input', { class: 'wi-add', attrs: { type: 'text', inputmode: 'decimal', placeholder: loan ? 'not for loans' : '0', spellcheck: 'false', disabled: loan, 'aria-label': `Margin to add${row.settleCurrency ? ` (${row.settleCurrency})` : ''}` } });
  add.value = loan ? '' : controls.add;
  const l: Live = {
    row, post, controls: { ...controls, add: add.value.trim() }, seq: 0, timer: undefined, shock, vol, add,
    shockLabel: h('span', { class: 'num wi-val', text: shockText(controls.shockPct) }),
    volLabel: h('span', { class: 'num wi-val', text: volText(controls.volTenths) }),
    state: h('div', { class: 'muted wi-state', attrs: { role: 'status' } }),
    result: h('dl', { class: 'kv wi-result' }),
  };
  live = l;
  for (const el of [shock, vol]) el.addEventListener('input', () => onChange(l));
  add.addEventListener('input', () => onChange(l));
  const resetBtn = h('button', { class: 'btn secondary wi-reset', attrs: { type: 'button', title: 'Back to the file\'s numbers' }, on: { click: () => reset(l) } }, icon('discard'), h('span', { text: 'Reset' }));
  const market = loan ? (row.symbol ?? 'the volatile asset') : (row.symbol ?? 'the market');
  const section = h('section', { class: 'block what-if', attrs: { 'aria-label': 'What-if' } },
    h('h3', { text: 'What-if' }, h('span', { class: 'aside', text: 'computed by the engine · the file is not changed' })),
    h('div', { class: 'wi-controls' },
      h('label', { class: 'wi-row' }, h('span', { text: `Price shock (${market})` }), shock, l.shockLabel),
      h('label', { class: 'wi-row' }, h('span', { text: 'Volatility ×' }), vol, l.volLabel),
      h('label', { class: 'wi-row' }, h('span', { text: 'Add margin' }), add,
        h('span', { class: 'unit wi-val', text: loan ? 'not for loans' : (row.settleCurrency ?? '') })),
      h('div', { class: 'wi-actions' }, resetBtn)),
    l.state, l.result);
  if (isNeutral(l.controls)) showFileNumbers(l);
  else request(l); // a restored scenario is asked for again: the file may have changed since
  return section;
}

function line(dl: HTMLElement, label: string, file: string, now: string): void {
  kv(dl, label, h('span', {}, num(now), file === now ? null : h('span', { class: 'muted wi-was', text: ` (file ${file})` })));
}

/** Shows the engine's answer when it is the one to the latest request of the row on screen. */
export function onWhatIfResult(msg: WhatIfResult): void {
  const l = live;
  if (!l || msg.key !== l.row.key || msg.seq !== l.seq) return;
  const r = l.row;
  l.state.removeAttribute('aria-busy');
  if (msg.error) {
    l.state.textContent = `No what-if: ${msg.error}`;
    l.result.replaceChildren();
    return;
  }
  l.state.textContent = msg.note ?? `At ${shockText(l.controls.shockPct)} and volatility ${volText(l.controls.volTenths)}${l.controls.add && r.kind !== 'loan' ? `, margin +${l.controls.add}` : ''}:`;
  const dl = l.result;
  dl.replaceChildren();
  kv(dl, 'Status', msg.status ? statusBadge(msg.status) : num('—'));
  line(dl, 'Mark', formatMark(r.markPrice), formatMark(msg.markPrice));
  line(dl, 'Liquidation price', formatLiquidationPrice(r.liquidationPrice, r.markPrice), formatLiquidationPrice(msg.liquidationPrice, msg.markPrice));
  line(dl, 'Distance', formatPercent(r.distance), formatPercent(msg.distance));
  line(dl, 'Volatility', formatRatio(r.volatility), formatRatio(msg.volatility));
  line(dl, `P(liquidation within ${msg.horizon ?? r.horizon})`, formatProbability(r.liquidationProbability), formatProbability(msg.liquidationProbability));
  if (r.kind === 'loan') line(dl, 'Health factor', formatHealthFactor(r.healthFactor), formatHealthFactor(msg.healthFactor));
  else line(dl, 'Margin ratio', formatPercent(r.marginRatio), formatPercent(msg.marginRatio));
  if (msg.reason) kv(dl, 'Why', h('span', { text: msg.reason }), 'wi-reason');
}
