import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeElement, installFakeDom } from './fake-dom';
import { detailsPane } from '../../../src/webview/details';
import { onWhatIfResult, whatIfSection, WHAT_IF_DEBOUNCE_MS } from '../../../src/webview/what-if';
import { parseWebviewMessage, type WhatIfRequest } from '../../../src/protocol/messages';
import { whatIfMessage } from '../../../src/extension/what-if-message';
import { panelReport, row, watchRow } from '../extension/fixtures';

beforeAll(installFakeDom);
beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

const el = (x: unknown) => x as FakeElement;
const find = (root: FakeElement, cls: string) => root.all().find((e) => e.className.split(' ').includes(cls))!;
const fire = (e: FakeElement, type: string) => { for (const fn of e.listeners[type] ?? []) (fn as (ev: unknown) => void)({ target: e }); };
const setValue = (e: FakeElement, v: string) => { (e as unknown as { value: string }).value = v; fire(e, 'input'); };

function panelRow(i = 0) {
  return panelReport([watchRow({ id: `w${i}` }), row()]).rows[0]!;
}

describe('what-if controls (webview)', () => {
  it('posts one valid, debounced whatIf for a burst of slider moves and renders the answer as text', () => {
    const posted: WhatIfRequest[] = [];
    const r = panelRow(1);
    const section = el(whatIfSection(r, (m) => posted.push(m)));
    expect(find(section, 'wi-state').textContent).toMatch(/file's numbers/);
    const [shock, vol] = section.all().filter((e) => e.className === 'wi-range');
    setValue(shock!, '-5');
    setValue(shock!, '-10');
    setValue(vol!, '15');
    expect(posted).toHaveLength(0);
    expect(find(section, 'wi-state').textContent).toBe('computing…');
    vi.advanceTimersByTime(WHAT_IF_DEBOUNCE_MS);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'whatIf', key: r.key, shock: -0.1, volMultiplier: 1.5, addMargin: '0' });
    expect(parseWebviewMessage(posted[0]).ok).toBe(true);
    // An answer to an older request is dropped; the latest one is rendered through textContent.
    const hostile = '<img src=x onerror=alert(1)>';
    onWhatIfResult(whatIfMessage(r.key, posted[0]!.seq - 1, { ok: false, reason: 'old' }));
    expect(find(section, 'wi-state').textContent).toBe('computing…');
    onWhatIfResult(whatIfMessage(r.key, posted[0]!.seq, { ok: true, note: null, row: { ...row(), status: 'critical', reason: hostile, markPrice: '90000', liquidationPrice: '85000', distance: '0.0555', liquidationProbability: 0.2 } as never }));
    const result = find(section, 'wi-result');
    expect(result.textContent).toContain('90,000');
    expect(result.textContent).toContain(hostile);
    expect(result.all().map((e) => e.tagName)).not.toContain('img');
    expect(result.all().some((e) => e.getAttribute('data-status') === 'critical')).toBe(true);
  });

  it('refuses a malformed margin without posting, and Reset returns to the file\'s numbers', () => {
    const posted: WhatIfRequest[] = [];
    const section = el(whatIfSection(panelRow(2), (m) => posted.push(m)));
    const add = find(section, 'wi-add');
    setValue(add, '1,000');
    vi.advanceTimersByTime(1000);
    expect(posted).toHaveLength(0);
    expect(find(section, 'wi-state').textContent).toMatch(/plain number/);
    setValue(add, '250.5');
    vi.advanceTimersByTime(WHAT_IF_DEBOUNCE_MS);
    expect(posted.at(-1)).toMatchObject({ addMargin: '250.5', shock: 0, volMultiplier: 1 });
    fire(find(section, 'wi-reset'), 'click');
    vi.advanceTimersByTime(1000);
    expect(posted).toHaveLength(1);
    expect(find(section, 'wi-state').textContent).toMatch(/file's numbers/);
    expect(find(section, 'wi-result').children).toHaveLength(0);
  });

  it('a loan cannot add margin ("not for loans"); an unknown row has no What-if; the details pane shows it with a poster', () => {
    const loan = { ...panelRow(3), kind: 'loan' as const };
    const section = el(whatIfSection(loan, () => undefined));
    expect(find(section, 'wi-add').getAttribute('disabled')).toBe('');
    expect(section.textContent).toContain('not for loans');
    expect(whatIfSection({ ...panelRow(4), status: 'unknown' }, () => undefined)).toBeNull();
    const r = panelRow(5);
    const handlers = { onReveal: () => undefined, onApplyFix: () => undefined };
    const has = (blocks: unknown[]) => blocks.map(el).some((b) => b.getAttribute('aria-label') === 'What-if');
    expect(has(detailsPane(r, { total: 1 }, undefined, handlers))).toBe(false);
    expect(has(detailsPane(r, { total: 1 }, undefined, { ...handlers, onWhatIf: () => undefined }))).toBe(true);
  });
});
