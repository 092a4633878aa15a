import { beforeAll, describe, expect, it } from 'vitest';
import { installFakeDom, type FakeElement } from './fake-dom';
import { overlaps, placeLabel, textBox } from '../../../src/webview/label-layout';
import { curveChart, curveLabels, fitName, ladderChart, plotLeft } from '../../../src/webview/charts';
import type { CurveView, LadderView } from '../../../src/protocol/messages';

beforeAll(installFakeDom);

const curve = (p: number, label: string): CurveView => ({
  title: 't', desc: 'd', aside: 'a', points: [{ x: 0, p: 0 }, { x: 1, p: 0.2 }],
  ticks: [{ x: 0.3, label: '1 h' }, { x: 1, label: '7 d' }], marker: { x: 0.62, p, label }, threshold: { p: 0.1, label: 'critical ≥ 10 %' },
});

describe('chart label layout', () => {
  it('places a label on the first free candidate', () => {
    const obstacle = textBox('critical ≥ 10 %', 358, 76, 10.5, 'end');
    const placed = placeLabel('12.5 %', 11, true, [{ x: 300, y: 76, anchor: 'start' }, { x: 200, y: 40, anchor: 'start' }], [obstacle], { x: 0, y: 0, w: 364, h: 88 });
    expect(placed.x).toBe(200);
  });
  it('the 24 h probability label never overlaps the critical threshold label', () => {
    for (const p of [0.02, 0.05, 0.08, 0.1, 0.12, 0.2, 0.5, 0.95]) {
      for (const x of [0.3, 0.62, 0.8, 0.95]) {
        const v = { ...curve(p, '10.3 %'), marker: { x, p, label: '10.3 %' } };
        const { threshold, marker } = curveLabels(v, 44);
        const tb = textBox(v.threshold!.label, threshold!.x, threshold!.y, 10.5, threshold!.anchor);
        const mb = textBox('10.3 %', marker!.x, marker!.y, 11, marker!.anchor, true);
        expect(overlaps(tb, mb, 0), `p ${p} x ${x}`).toBe(false);
        expect(mb.x).toBeGreaterThanOrEqual(0);
        expect(mb.x + mb.w).toBeLessThanOrEqual(364);
      }
    }
  });
  it('axis labels get the room they need ("100,000" is not clipped)', () => {
    const left = plotLeft(['90,000', '100,000'], 46);
    expect(left - 6 - 7 * 10.5 * 0.6).toBeGreaterThanOrEqual(0);
    const ladder: LadderView = {
      title: 't', desc: 'd', aside: 'a', levels: [{ name: 'mark', label: 'Mark', value: '100,000.00', y: 0.5 }], band: [],
      ticks: [{ y: 0.2, label: '90,000' }, { y: 0.8, label: '100,000' }], timeTicks: [], zones: [], sigmaLabels: [], legend: '',
    };
    const svg = ladderChart(ladder) as unknown as FakeElement;
    const ax = svg.all().filter((e) => e.getAttribute('class') === 'ax');
    for (const t of ax) {
      const box = textBox(t.textContent, Number(t.getAttribute('x')), Number(t.getAttribute('y')), 10.5, (t.getAttribute('text-anchor') ?? 'start') as 'end', true);
      expect(box.x).toBeGreaterThanOrEqual(0);
    }
    expect(curveChart(curve(0.1, '10 %'))).toBeTruthy();
  });
  it('the time axis keeps both ends and leaves out a middle label that would run into one', () => {
    const ladderWith = (labels: [string, string, string]): FakeElement[] => {
      const v: LadderView = {
        title: 't', desc: 'd', aside: 'a', levels: [], band: [], ticks: [], zones: [], sigmaLabels: [], legend: '',
        timeTicks: [{ x: 0, label: labels[0] }, { x: 0.5, label: labels[1] }, { x: 1, label: labels[2] }],
      };
      const svg = ladderChart(v) as unknown as FakeElement;
      return svg.all().filter((e) => e.getAttribute('class') === 'ax');
    };
    const boxes = (ax: FakeElement[]) => ax.map((t) => textBox(t.textContent, Number(t.getAttribute('x')), Number(t.getAttribute('y')), 10.5, (t.getAttribute('text-anchor') ?? 'start') as 'end', true));
    const stale = ladderWith(['now', '425 d 6 h', '850 d 12 h']);
    expect(stale.map((t) => t.textContent)).toEqual(['now', '850 d 12 h']);
    const short = ladderWith(['now', '12 h', '24 h']);
    expect(short.map((t) => t.textContent).sort()).toEqual(['12 h', '24 h', 'now']);
    for (const ax of [stale, short]) {
      const b = boxes(ax);
      for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) expect(overlaps(b[i]!, b[j]!, 0)).toBe(false);
    }
  });
  it('a level name is shortened so it never runs into its value', () => {
    expect(fitName('Liquidation ↓', '1,153.26')).toBe('Liquidation ↓');
    const long = fitName('Reported liquidation price by the venue', '100,000,000.12345678');
    expect(long.endsWith('…')).toBe(true);
  });
});
