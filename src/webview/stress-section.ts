// The stress section above the table: a waiting line while the host runs the stress test, then its view.
import type { StressMessage, WebviewToHost } from '../protocol/messages';
import { h } from './dom';
import { stressView } from './stress';

export class StressSection {
  readonly el = h('section', { class: 'stress', attrs: { 'aria-label': 'Stress test', hidden: true } });

  constructor(private readonly post: (msg: WebviewToHost) => void) {}

  run(scaleByVolatility = false): void {
    this.el.hidden = false;
    this.el.setAttribute('aria-busy', 'true');
    this.el.replaceChildren(h('div', { class: 'muted stress-wait', attrs: { role: 'status' }, text: 'Running the stress test…' }));
    this.post({ type: 'stress', scaleByVolatility });
  }

  show(msg: StressMessage): void {
    this.el.hidden = false;
    this.el.removeAttribute('aria-busy');
    this.el.replaceChildren(...stressView(msg, () => { this.el.hidden = true; }, (scaled) => this.run(scaled)));
  }
}
