import { beforeAll, describe, expect, it } from 'vitest';
import { FakeElement, installFakeDom, serialize } from './fakeDom';
import { buildReportMessage } from '../../../src/extension/panel/model';
import type { PanelRow } from '../../../src/protocol/messages';
import { detailsPane, statusChip, summaryStrip, tableRow } from '../../../src/webview/view';
import { countByStatus, navigate, visibleRows } from '../../../src/webview/model';
import { row, watchRow, fileReport } from '../extension/fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';

function report(rows = [watchRow(), row()]) {
  return buildReportMessage({ epoch: 1, now: new Date('2026-11-24T07:00:00Z'), files: [fileReport()], rows, risk: {} });
}

function el(x: unknown): FakeElement {
  return x as FakeElement;
}

beforeAll(installFakeDom);

describe('escaping of file strings', () => {
  it('renders a hostile symbol, account, reason and file path as text, never as elements', () => {
    const hostile = watchRow({ symbol: HOSTILE, account: `"><script>alert(2)</script>`, reason: HOSTILE, file: `${HOSTILE}.positions.json`, id: HOSTILE });
    const msg = report([hostile]);
    const r = msg.rows[0]!;
    const nodes = [el(tableRow(r, 0, true)), ...detailsPane(r, msg, () => undefined).map(el), el(summaryStrip(msg))];
    for (const n of nodes) {
      const tags = n.all().map((e) => e.tagName);
      expect(tags).not.toContain('img');
      expect(tags).not.toContain('script');
      for (const e of n.all()) for (const k of e.attributes.keys()) expect(k.startsWith('on')).toBe(false);
    }
    const tr = nodes[0]!;
    const sym = tr.all().find((e) => e.className === 'sym')!;
    expect(sym.textContent).toBe(HOSTILE);
    const html = nodes.map(serialize).join('');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
  });
});

describe('table rows', () => {
  it('marks rows at watch or worse with codicon, word and data attributes', () => {
    const msg = report();
    const [watch, safe] = msg.rows.map((r, i) => el(tableRow(r, i, i === 0)));
    expect(watch!.getAttribute('data-status')).toBe('watch');
    expect(watch!.getAttribute('data-at-risk')).toBe('true');
    expect(safe!.getAttribute('data-at-risk')).toBe('false');
    const badge = watch!.all().find((e) => e.className === 'status st-watch')!;
    expect(badge.textContent).toBe('watch');
    expect(badge.all().some((e) => e.className.includes('codicon-eye'))).toBe(true);
    // roving tabindex: only the selected row is a tab stop
    expect(watch!.getAttribute('tabindex')).toBe('0');
    expect(safe!.getAttribute('tabindex')).toBe('-1');
    expect(watch!.getAttribute('aria-selected')).toBe('true');
  });
  it('shows formatted numbers from the strings, with the fix', () => {
    const tr = el(tableRow(report().rows[0]!, 0, false));
    const cells = tr.children.map((c) => (c as FakeElement).textContent);
    expect(cells).toEqual(['watch', 'ETHUSDT', 'Binance USD-M · desk-a', 'Long', '3,683.979', '1,335.18', '1,153.26', '13.62%', '0.80%', '41.49%', '+81,597.4USDT margin']);
  });
  it('status chips are toggle buttons with counts', () => {
    const chip = el(statusChip('watch', 3, true, () => undefined));
    expect(chip.tagName).toBe('button');
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(chip.textContent).toBe('3watch');
  });
});

describe('details pane', () => {
  it('shows the margin breakdown, the tier and the fix of the selected row', () => {
    const msg = report();
    const text = detailsPane(msg.rows[0], msg, () => undefined).map((n) => el(n).textContent).join('|');
    expect(text).toContain('Maintenance margin427,713.32');
    expect(text).toContain('Margin ratio (MM / MB)41.49%');
    expect(text).toContain('Tier 4 · 1,000,000 – 10,000,000 · MMR 2.50% · cum 16,300');
    expect(text).toContain('Source: binance-usdm/BTCUSDT@2021-06-01');
    expect(text).toContain('Add 81,597.4 USDT margin');
    expect(text).toContain('Reduce size by 1,000 ETHUSDT');
    expect(text).toContain('examples/desk.positions.yaml:30:5');
  });
});

describe('filtering and keyboard model', () => {
  const rows: PanelRow[] = report([watchRow(), row(), row({ id: 'x', symbol: 'SOLUSDT', venue: 'bybit-linear', status: 'critical' })]).rows;
  it('filters by hidden statuses and by every search term', () => {
    expect(visibleRows(rows, new Set(['safe']), '').map((r) => r.symbol)).toEqual(['ETHUSDT', 'SOLUSDT']);
    expect(visibleRows(rows, new Set(), 'bybit sol').map((r) => r.symbol)).toEqual(['SOLUSDT']);
    expect(visibleRows(rows, new Set(), 'BINANCE usd-m').length).toBe(2);
    expect(countByStatus(rows)).toEqual({ liquidatable: 0, critical: 1, warning: 0, watch: 1, unknown: 0, safe: 1 });
  });
  it('moves with arrows, Home/End and pages, clamped', () => {
    expect(navigate('ArrowDown', 0, 3)).toBe(1);
    expect(navigate('ArrowUp', 0, 3)).toBe(0);
    expect(navigate('End', 0, 3)).toBe(2);
    expect(navigate('Home', 2, 3)).toBe(0);
    expect(navigate('PageDown', 0, 3)).toBe(2);
    expect(navigate('Enter', 0, 3)).toBeNull();
    expect(navigate('ArrowDown', 0, 0)).toBeNull();
  });
});
