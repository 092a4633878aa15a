// The App's parts that keep state of their own: the details pane's controller and the stress section.
import { beforeAll, describe, expect, it } from 'vitest';
import { FakeElement, installFakeDom } from './fake-dom';
import { DetailsController } from '../../../src/webview/details-controller';
import { StressSection } from '../../../src/webview/stress-section';
import { detailsMessage } from '../../../src/extension/chart-data';
import { stressMessage } from '../../../src/extension/stress-view';
import type { DeltaMessage, WebviewToHost } from '../../../src/protocol/messages';
import { panelReport, watchRow } from '../extension/fixtures';

beforeAll(installFakeDom);

const settings = { probability: { watch: 0.005, warning: 0.02, critical: 0.1 } };
const inputs = { mark: 1335.18, down: 1153.26, up: null, sigma: 0.65, mu: 0, tails: 'student-t' as const, dof: 4, vg: null, evt: null, suppressed: false, horizonSeconds: 86400, staleSeconds: 0 };

function setUp() {
  const posted: WebviewToHost[] = [];
  const c = new DetailsController({ post: (m) => posted.push(m), reveal: () => undefined, applyFix: () => undefined });
  const eth = watchRow();
  const report = panelReport([eth]);
  return { c, posted, row: report.rows[0]!, summary: report.summary, data: detailsMessage({ row: eth, inputs, settings, epoch: 1 }) };
}

const el = (c: DetailsController) => c.el as unknown as FakeElement;
const delta = (stale: string[], truncated = false) => ({ type: 'delta', changes: { stale, truncated } }) as unknown as DeltaMessage;

describe('details controller', () => {
  it('asks the host for a row\'s chart data once, and builds the pane again only when what it shows changed', () => {
    const { c, posted, row, summary, data } = setUp();
    c.render(row, summary);
    c.render(row, summary);
    expect(posted).toEqual([{ type: 'details', key: row.key }]);
    expect(el(c).getAttribute('data-charts')).toBe('false');
    const before = el(c).children[0];
    c.render(row, summary);
    expect(el(c).children[0]).toBe(before); // nothing changed: the same elements (a what-if keeps its inputs)
    expect(c.receive({ ...data, key: row.key }, row.key)).toBe(true);
    expect(c.receive({ ...data, key: 'other' }, row.key)).toBe(false);
    c.render(row, summary);
    expect(el(c).getAttribute('data-charts')).toBe('true');
    expect(el(c).getAttribute('aria-label')).toBe(`Details: ${row.symbol}`);
    expect(posted).toHaveLength(1);
  });

  it('forgets the chart data a delta reports stale (all of it on a truncated delta or a new list)', () => {
    const { c, posted, row, summary, data } = setUp();
    c.receive({ ...data, key: row.key }, row.key);
    c.forget(delta(['other']));
    c.render(row, summary);
    expect(posted).toEqual([]);
    c.forget(delta([row.key]));
    c.render(row, summary);
    expect(posted).toEqual([{ type: 'details', key: row.key }]);
    c.receive({ ...data, key: row.key }, row.key);
    c.forget(delta([], true));
    c.render(row, summary);
    expect(posted).toHaveLength(2);
  });

  it('keeps what it shows while the selected row is on its way, and says so when nothing is selected', () => {
    const { c, row, summary } = setUp();
    c.render(row, summary);
    const shown = el(c).children[0];
    c.render(undefined, summary);
    expect(el(c).children[0]).toBe(shown);
    c.render(null, summary);
    expect(el(c).textContent).toContain('Select a position');
  });
});

describe('stress section', () => {
  it('shows a waiting line while the host runs it, then the view; the close button hides it', () => {
    const posted: WebviewToHost[] = [];
    const s = new StressSection((m) => posted.push(m));
    const section = s.el as unknown as FakeElement & { hidden: boolean };
    s.run();
    expect(posted).toEqual([{ type: 'stress', scaleByVolatility: false }]);
    expect(section.hidden).toBe(false);
    expect(section.getAttribute('aria-busy')).toBe('true');
    expect(section.textContent).toBe('Running the stress test…');
    s.show(stressMessage({ shocks: [-0.1, 0], curve: [
      { shock: -0.1, positionsLiquidated: 1, notional: '100000', loss: '9000' },
      { shock: 0, positionsLiquidated: 0, notional: '0', loss: '0' }], accounts: [] }, 1));
    expect(section.getAttribute('aria-busy')).toBeNull();
    expect(section.all().some((e) => e.tagName === 'svg')).toBe(true);
    const close = section.all().find((e) => e.tagName === 'button' && e.listeners.click);
    (close!.listeners.click![0] as () => void)();
    expect(section.hidden).toBe(true);
  });
});
