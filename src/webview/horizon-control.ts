// The header's horizon control: a real <select> (1h … 7d) that asks the host for a session override at the CLI's
// --horizon precedence (above files and settings), and a Reset button shown while the override is on. The host
// re-evaluates every file; this only names the choice (seconds from HORIZON_CHOICES).
import { HORIZON_CHOICES, type Summary } from '../protocol/messages';
import { h, icon } from './dom';

export const HORIZON_LABELS: Record<(typeof HORIZON_CHOICES)[number], string> = {
  3600: '1h', 14_400: '4h', 28_800: '8h', 86_400: '24h', 259_200: '3d', 604_800: '7d',
};

export interface HorizonControl {
  el: HTMLElement;
  /** Shows the summary's horizon (an extra "current" option when a file or setting uses another value). */
  update(s: Pick<Summary, 'horizon' | 'horizonSeconds' | 'horizonOverride'>): void;
}

function isChoice(n: number): n is (typeof HORIZON_CHOICES)[number] {
  return (HORIZON_CHOICES as readonly number[]).includes(n);
}

export function horizonControl(send: (seconds: (typeof HORIZON_CHOICES)[number] | null) => void): HorizonControl {
  const select = h('select', { class: 'horizon-select num', attrs: { 'aria-label': 'Horizon of the liquidation probability', title: 'Horizon of P: a session override above files and settings (like the CLI\'s --horizon); Reset returns to them' } });
  const custom = h('option', { attrs: { value: '', hidden: true } });
  select.append(custom);
  for (const sec of HORIZON_CHOICES) select.append(h('option', { attrs: { value: String(sec) }, text: HORIZON_LABELS[sec] }));
  const reset = h('button', { class: 'btn secondary horizon-reset', attrs: { type: 'button', hidden: true, title: 'Reset the horizon to the files\' and settings\' value' } }, icon('discard'), h('span', { text: 'Reset' }));
  select.addEventListener('change', () => {
    const n = Number(select.value);
    if (isChoice(n)) send(n);
  });
  reset.addEventListener('click', () => send(null));
  const el = h('span', { class: 'field select horizon' }, h('label', { class: 'lbl', attrs: { for: 'll-horizon' }, text: 'Horizon' }), select, reset);
  select.setAttribute('id', 'll-horizon');
  return {
    el,
    update(s) {
      const sec = s.horizonSeconds;
      if (sec !== undefined && isChoice(sec)) {
        custom.hidden = true;
        select.value = String(sec);
      } else {
        // Not one of the choices (a file or setting says e.g. 12h): shown as the current value until one is picked.
        custom.textContent = s.horizon;
        custom.hidden = false;
        select.value = '';
      }
      el.classList.toggle('overridden', s.horizonOverride === true);
      reset.hidden = s.horizonOverride !== true;
    },
  };
}
