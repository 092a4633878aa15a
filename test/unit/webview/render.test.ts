import { beforeAll, describe, expect, it } from 'vitest';
import { FakeElement, installFakeDom, serialize } from './fake-dom';
import { accountRow, COLUMNS, staleAgeFits, statusChip, summaryStrip, tableHead, tableRow } from '../../../src/webview/view';
import { horizonControl } from '../../../src/webview/horizon-control';
import { asideText, kv } from '../../../src/webview/key-values';
import { h } from '../../../src/webview/dom';
import { detailsPane } from '../../../src/webview/details';
import { stressView } from '../../../src/webview/stress';
import { detailsMessage } from '../../../src/extension/chart-data';
import { stressMessage } from '../../../src/extension/stress-view';
import { WindowModel } from '../../../src/webview/window-model';
import { panelReport, row, watchRow } from '../extension/fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';

function report(rows = [watchRow(), row()]) {
  const m = panelReport(rows);
  return Object.assign(m, { summaryOnly: m.summary });
}

const handlers = { onReveal: () => undefined, onApplyFix: () => undefined };

function el(x: unknown): FakeElement {
  return x as FakeElement;
}

beforeAll(installFakeDom);

describe('escaping of file strings', () => {
  it('renders a hostile symbol, account, reason and file path as text, never as elements', () => {
    const hostile = watchRow({ symbol: HOSTILE, account: `"><script>alert(2)</script>`, reason: HOSTILE, file: `${HOSTILE}.positions.json`, id: HOSTILE });
    const msg = report([hostile]);
    const r = msg.rows[0]!;
    const nodes = [el(tableRow(r, 0, true)), ...detailsPane(r, msg.summary, undefined, handlers).map(el), el(summaryStrip(msg.summary))];
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
  it('says a first-stage row at risk is still finding its fix (updating, no fix yet), never "—"', () => {
    const msg = report();
    const pending = el(tableRow({ ...msg.rows[0]!, fix: null, updating: true }, 0, false));
    const fix = pending.all().find((e) => e.className.startsWith('c-fix'))!;
    expect(fix.textContent).toContain('finding fix');
    expect(pending.getAttribute('title')).toMatch(/fixes and risk details follow/);
    const settled = el(tableRow({ ...msg.rows[0]!, fix: null, updating: false }, 0, false));
    expect(settled.all().find((e) => e.className.startsWith('c-fix'))!.textContent).not.toContain('finding fix');
    const safe = el(tableRow({ ...msg.rows[1]!, fix: null, updating: true }, 1, false));
    expect(safe.all().find((e) => e.className.startsWith('c-fix'))!.textContent).not.toContain('finding fix');
    expect(safe.getAttribute('title')).toMatch(/last numbers/);
  });

  it('shows a listed row (its file only read so far) as evaluating, not as unknown, in the table and the details pane', () => {
    const msg = report();
    const listed = { ...msg.rows[0]!, status: 'unknown' as const, reason: 'not evaluated yet', liquidationPrice: null, distance: null, liquidationProbability: null, fix: null, updating: true, pending: true };
    const tr = el(tableRow(listed, 0, false));
    expect(tr.getAttribute('data-status')).toBe('pending');
    expect(tr.className).toContain('sev-pending');
    const badge = tr.all().find((e) => e.className.startsWith('status'))!;
    expect(badge.textContent).toBe('Evaluating');
    expect(badge.className).not.toContain('st-unknown');
    expect(tr.all().find((e) => e.className.startsWith('c-fix'))!.textContent).toContain('computing');
    expect(tr.getAttribute('title')).toMatch(/liquidation prices, statuses and fixes follow/);
    const pane = detailsPane(listed, msg.summary, undefined, handlers).map(el);
    const text = pane.map((n) => n.textContent).join(' ');
    expect(text).toContain('being evaluated');
    expect(text).not.toContain('could not be evaluated');
    // a previewed row at risk whose fix is still being searched says so, not "Nothing to do"
    const previewed = detailsPane({ ...msg.rows[0]!, fix: null, updating: true }, msg.summary, undefined, handlers).map(el).map((n) => n.textContent).join(' ');
    expect(previewed).toContain('Finding the fix');
    expect(previewed).not.toContain('Nothing to do');
  });

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
    expect(cells).toEqual(['watch', 'ETHUSDT', 'Binance USD-M · desk-a', 'Long', '3,683.979', '1,335.18', '1,153.26', '13.62 %', '0.80 %', '41.49 %', '+81,597.40USDT margin']);
  });
  it('a stale mark shows its compact age beside the mark when both fit, else the icon alone; the whole age in the title', () => {
    const base = report().rows[0]!;
    const badgeOf = (markPrice: string, markAge: number) => {
      const tr = el(tableRow({ ...base, markPrice, markAge, stale: true }, 0, false));
      const mark = tr.children[5] as FakeElement;
      return { mark, badge: mark.all().find((e) => e.className.startsWith('stale'))! };
    };
    const short = badgeOf('0.07124', 360);
    expect(short.badge.className).toBe('stale');
    expect(short.badge.textContent).toBe('6m');
    expect(short.badge.getAttribute('title')).toBe('stale: mark 6 min old');
    expect(short.mark.textContent).toBe('6m0.07124');
    const long = badgeOf('67502.68519858', 1816 * 86400 + 6 * 3600);
    expect(long.badge.className).toBe('stale icon-only');
    expect(long.badge.textContent).toBe('');
    expect(long.badge.getAttribute('aria-label')).toBe('stale mark 1816 d 6 h');
    expect(long.mark.textContent).toBe('67,502.685');
  });
  it('the stale badge\'s age fits by the column\'s room: a long mark leaves room for none, a short one for a few characters', () => {
    expect(staleAgeFits('6m', '0.07124', 130)).toBe(true);
    expect(staleAgeFits('1816d', '67,502.685', 130)).toBe(false);
    expect(staleAgeFits('6m', '0.07124', 40)).toBe(false);
  });
  it('a details value breaks only between its parts, never between a number and its unit; an aside between its phrases', () => {
    const dl = el(h('dl', { class: 'kv' }));
    kv(dl as unknown as HTMLElement, 'Unrealised PnL', '-27,496.00 USDT (ROE -27.50 %)');
    kv(dl as unknown as HTMLElement, 'Next funding', '2026-11-24 08:00 UTC · -97.25 USDT at the mark', 'sub');
    const rows = dl.children as FakeElement[];
    expect(rows.map((r) => r.className)).toEqual(['kv-row', 'kv-row sub']);
    const parts = (r: FakeElement) => r.all().filter((e) => e.className === 'part').map((e) => e.textContent);
    expect(parts(rows[0]!)).toEqual(['-27,496.00 USDT', '(ROE -27.50 %)']);
    expect(parts(rows[1]!)).toEqual(['2026-11-24 08:00 UTC ·', '-97.25 USDT at the mark']);
    expect(rows[0]!.textContent).toBe('Unrealised PnL-27,496.00 USDT (ROE -27.50 %)');
    const aside = el(asideText('Student-t (k = 4), funding -10.95 %/yr'));
    expect(aside.all().filter((e) => e.className === 'part').map((e) => e.textContent)).toEqual(['Student-t (k = 4),', 'funding -10.95 %/yr']);
    expect(el(asideText('USDT')).className).toBe('aside part');
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
    const text = detailsPane(msg.rows[0], msg.summary, undefined, handlers).map((n) => el(n).textContent).join('|');
    expect(text).toContain('Maintenance margin MM427,713.32');
    expect(text).toContain('Margin ratio MM / MB41.49 %');
    expect(text).toContain('Tier 4 · 1,000,000 – 10,000,000 · MMR 2.50 % · cum 16,300');
    expect(text).toContain('Source: binance-usdm/BTCUSDT@2021-06-01');
    expect(text).toContain('Add 81,597.40 USDT margin');
    expect(text).toContain('Reduce size by 1,000 ETHUSDT');
    expect(text).toContain('examples/desk.positions.yaml:30:5');
  });
});

describe('details charts, apply fix, stress view', () => {
  const eth = watchRow({ details: { var: '461803.447177418', es: '524229.21903731', liquidationCost: '21242.86', timeToLiquidation: { p01: '43.1h', p05: '3.06d', median: '21.9d' }, fundingDrift: -0.1095 } });
  const settings = { probability: { watch: 0.005, warning: 0.02, critical: 0.1 } };
  const inputs = { mark: 1335.18, down: 1153.26, up: null, sigma: 0.65, mu: -0.1095, tails: 'student-t' as const, dof: 4, vg: null, evt: null, suppressed: false, horizonSeconds: 86400, staleSeconds: 0 };

  it('renders the ladder and the curve as role="img" SVG whose title/desc state the host numbers', () => {
    const msg = report([eth]);
    const details = detailsMessage({ row: eth, inputs, settings, epoch: 1 });
    const nodes = detailsPane(msg.rows[0], msg.summary, details, handlers).map(el);
    const svgs = nodes.flatMap((n) => n.all()).filter((e) => e.tagName === 'svg');
    expect(svgs.map((e) => e.getAttribute('role'))).toEqual(['img', 'img']);
    const [ladder, curve] = svgs;
    const desc = ladder!.all().find((e) => e.tagName === 'desc')!;
    expect(desc.textContent).toBe(details.ladder!.desc);
    expect(desc.textContent).toContain('liquidation 1,153.26');
    const ids = ladder!.getAttribute('aria-labelledby')!.split(' ');
    expect(ids.map((id) => ladder!.all().find((e) => e.getAttribute('id') === id)?.tagName)).toEqual(['title', 'desc']);
    expect(ladder!.all().filter((e) => e.getAttribute('data-level')).map((e) => e.getAttribute('data-level'))).toEqual(['bankruptcy', 'liquidation', 'mark', 'entry']);
    expect(curve!.all().find((e) => e.tagName === 'title')!.textContent).toBe(details.curve!.title);
    const text = nodes.map((n) => n.textContent).join('|');
    // the time to liquidation's quantiles, one a line under its label
    const ttl = nodes.flatMap((n) => n.all()).find((e) => e.className === 'lines')!;
    expect(ttl.children.map((c) => (c as FakeElement).textContent)).toEqual(['median 21 d 21 h', '5 % chance within 3 d 1 h', '1 % within 1 d 19 h']);
    expect(text).toContain('Time to liquidationmedian 21 d 21 h');
    expect(text).toContain('Value at risk 99 %, 24h461,803.45');
    expect(text).toContain('Numbers as of 2026-11-24 07:00 UTC');
  });

  it('keys only what the ladder draws: no band key for a market without volatility', () => {
    const legendOf = (sigma: number | null): string[] => {
      const msg = report([eth]);
      const details = detailsMessage({ row: eth, inputs: { ...inputs, sigma }, settings, epoch: 1 });
      const nodes = detailsPane(msg.rows[0], msg.summary, details, handlers).map(el);
      const legend = nodes.flatMap((n) => n.all()).find((e) => e.className === 'legend');
      return legend ? legend.children.map((c) => (c as FakeElement).textContent) : [];
    };
    expect(legendOf(0.65)).toEqual(['±1σ / ±2σ price band over the next 1 d', 'liquidation zone']);
    expect(legendOf(null)).toEqual(['liquidation zone']);
  });

  it('offers exactly one Apply per fix: the first is the primary Apply fix (Ctrl+.), each alternative its own; disabled with the reason on read-only files', () => {
    const applied: unknown[] = [];
    const msg = report([eth]);
    const nodes = detailsPane(msg.rows[0], msg.summary, undefined, { onReveal: () => undefined, onApplyFix: (a) => applied.push(a) }).map(el);
    const buttons = nodes.flatMap((n) => n.all()).filter((e) => e.className.includes('apply-fix'));
    expect(buttons.map((b) => [b.getAttribute('data-kind'), b.textContent])).toEqual([['reduceSize', 'Apply'], ['addMargin', 'Apply fix']]);
    const kinds = buttons.map((b) => `${b.getAttribute('data-kind')}|${b.getAttribute('data-asset') ?? ''}`);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(nodes.flatMap((n) => n.all()).find((e) => e.className.includes('primary-fix'))!.textContent).toContain('Ctrl+.');
    (buttons[0]!.listeners['click']![0] as () => void)();
    (buttons[1]!.listeners['click']![0] as () => void)();
    expect(applied).toEqual([expect.objectContaining({ kind: 'reduceSize', asset: null }), expect.objectContaining({ kind: 'addMargin' })]);
    const ro = { ...msg.rows[0]!, readOnlyReason: 'exchange and bot dumps are read-only: change the position on the venue' };
    const roButtons = detailsPane(ro, msg.summary, undefined, handlers).map(el).flatMap((n) => n.all()).filter((e) => e.className.includes('apply-fix'));
    expect(roButtons.every((b) => b.getAttribute('disabled') === '' && b.getAttribute('title') === ro.readOnlyReason)).toBe(true);
  });

  it('stress view: one bar per shock with its count, and the accounts first failing shock', () => {
    const m = stressMessage({ shocks: [-0.2, -0.1, 0, 0.1], curve: [
      { shock: -0.2, positionsLiquidated: 3, notional: '400000', loss: '50000' },
      { shock: -0.1, positionsLiquidated: 1, notional: '100000', loss: '9000' },
      { shock: 0, positionsLiquidated: 0, notional: '0', loss: '0' },
      { shock: 0.1, positionsLiquidated: 0, notional: '0', loss: '0' }],
    accounts: [{ file: 'a.positions.yaml', account: 'desk-a', firstFailingShock: -0.0731 }, { file: 'b.positions.yaml', account: null, firstFailingShock: null }] }, 2);
    const nodes = stressView(m, () => undefined).map(el);
    const all = nodes.flatMap((n) => n.all());
    const svg = all.find((e) => e.tagName === 'svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.all().find((e) => e.tagName === 'desc')!.textContent).toBe('Liquidated notional by market-wide shock. -20 %: 3 positions, 400,000 notional.');
    expect(all.filter((e) => e.getAttribute('data-shock') !== null).length).toBe(4);
    expect(all.filter((e) => e.className === 'bar-count').map((e) => e.textContent)).toEqual(['3', '1']);
    const rows = all.filter((e) => e.getAttribute('data-first-failing') !== null).map((e) => e.textContent);
    expect(rows).toEqual(['a.positions.yamldesk-afirst liquidation at -7.31 %', 'b.positions.yaml—no liquidation within -20 % to +10 %']);
    const tips = all.filter((e) => e.tagName === 'title' && e.textContent.includes('liquidated, notional')).map((e) => e.textContent);
    expect(tips[0]).toBe('-20 %: 3 positions liquidated, notional 400,000.00, loss 50,000.00');
  });
});

describe('keyboard model', () => {
  it('moves with arrows, Home/End and pages, clamped', () => {
    const w = new WindowModel();
    w.total = 3;
    w.selectedIndex = 0;
    w.viewportHeight = 10 * w.rowHeight;
    expect(w.navigate('ArrowDown')).toBe(1);
    expect(w.navigate('ArrowUp')).toBe(0);
    expect(w.navigate('End')).toBe(2);
    w.selectedIndex = 2;
    expect(w.navigate('Home')).toBe(0);
    w.selectedIndex = 0;
    expect(w.navigate('PageDown')).toBe(2);
    expect(w.navigate('Enter')).toBeNull();
    w.total = 0;
    expect(w.navigate('ArrowDown')).toBeNull();
  });
});

describe('column folding (the key columns never fold)', () => {
  const KEY = ['status', 'symbol', 'liquidationPrice', 'distance', 'probability', 'fix'];
  it('ranks the columns: the key ones fold 0, then mark, MR / HF, venue · account, size, side', () => {
    expect(COLUMNS.filter((c) => c.fold === 0).map((c) => c.sort).sort()).toEqual([...KEY].sort());
    const order = COLUMNS.filter((c) => c.fold > 0).sort((a, b) => a.fold - b.fold).map((c) => c.sort);
    expect(order).toEqual(['mark', 'ratio', 'venue', 'size', 'side']);
  });
  it('every header and cell carries its column fold class, and key columns carry "key"', () => {
    const msg = report();
    const head = el(tableHead('24h', 'safe', { sort: 'status', direction: 'asc' }, () => undefined));
    const ths = head.all().filter((e) => e.tagName === 'th');
    const tds = el(tableRow(msg.rows[0]!, 0, false)).children as FakeElement[];
    expect(ths).toHaveLength(COLUMNS.length);
    expect(tds).toHaveLength(COLUMNS.length);
    COLUMNS.forEach((c, i) => {
      const cls = c.fold === 0 ? 'key' : `fold-${c.fold}`;
      expect(ths[i]!.classList.contains(cls)).toBe(true);
      expect(ths[i]!.classList.contains(c.cls)).toBe(true);
      expect(tds[i]!.classList.contains(cls)).toBe(true);
    });
  });
  it('the stylesheet folds only fold-N classes, narrowest-first for the least important, and the key columns fit 680 px', async () => {
    const { readFileSync } = await import('node:fs');
    const css = readFileSync(new URL('../../../src/webview/styles.css', import.meta.url), 'utf8');
    const rules = [...css.matchAll(/@container positions \(max-width: (\d+)px\) \{ \.grid \.([\w-]+) \{ width: 0; padding: 0; border: 0; box-shadow: none; visibility: hidden; \} \}/g)].map((m) => [Number(m[1]), m[2]] as const);
    expect(rules.map((r) => r[1])).toEqual(['fold-5', 'fold-4', 'fold-3', 'fold-2', 'fold-1']);
    expect(rules.map((r) => r[0])).toEqual([...rules.map((r) => r[0])].sort((a, b) => b - a));
    expect(css).not.toMatch(/\.key\b[^{]*\{[^}]*(display:\s*none|visibility:\s*hidden|width:\s*0)/);
    const width = (cls: string) => Number(new RegExp(`th\\.${cls} \\{ width: (\\d+)px; \\}`).exec(css)![1]);
    const keyWidth = COLUMNS.filter((c) => c.fold === 0).reduce((n, c) => n + width(c.cls), 0);
    expect(css).toContain(`min-width: ${keyWidth}px`);
    // Each threshold is the width the columns up to that fold need (so a visible column is never squeezed).
    let need = keyWidth;
    for (const fold of [1, 2, 3, 4, 5]) {
      need += COLUMNS.filter((c) => c.fold === fold).reduce((n, c) => n + width(c.cls), 0);
      expect(rules.find((r) => r[1] === `fold-${fold}`)![0]).toBe(need - 1);
    }
  });
});

describe('long names in the details pane', () => {
  it('the venue · account line is cut with an ellipsis, never pushing the pane sideways (seen at 1300 px in the hostile e2e)', async () => {
    const { readFileSync } = await import('node:fs');
    const css = readFileSync(new URL('../../../src/webview/styles.css', import.meta.url), 'utf8');
    const rule = /\.d-where \{([^}]*)\}/.exec(css)?.[1] ?? '';
    for (const d of ['min-width: 0', 'overflow: hidden', 'text-overflow: ellipsis', 'white-space: nowrap']) expect(rule).toContain(d);
    const r = report([watchRow({ account: 'W'.repeat(48) })]).rows[0]!;
    const where = detailsPane(r, { total: 1 }, undefined, handlers).map(el).flatMap((n) => n.all()).find((e) => e.className === 'd-where');
    expect(where?.textContent).toContain('W'.repeat(48));
  });
});

describe('horizon control', () => {
  it('is a real select of 1h … 7d that sends the chosen seconds, with Reset shown only while the override is on', () => {
    const sent: Array<number | null> = [];
    const c = horizonControl((s) => sent.push(s));
    const root = el(c.el);
    const select = root.all().find((e) => e.tagName === 'select')! as FakeElement & { value: string };
    expect(select.all().filter((e) => e.tagName === 'option' && e.getAttribute('value')).map((o) => o.textContent)).toEqual(['1h', '4h', '8h', '24h', '3d', '7d']);
    c.update({ horizon: '1 d', horizonSeconds: 86400, horizonOverride: false });
    expect(select.value).toBe('86400');
    const reset = root.all().find((e) => e.className.includes('horizon-reset'))! as FakeElement & { hidden: boolean };
    expect(reset.hidden).toBe(true);
    select.value = '14400';
    (select.listeners['change']![0] as () => void)();
    select.value = '';
    (select.listeners['change']![0] as () => void)();
    c.update({ horizon: '4 h', horizonSeconds: 14400, horizonOverride: true });
    expect(reset.hidden).toBe(false);
    expect(root.classList.contains('overridden')).toBe(true);
    (reset.listeners['click']![0] as () => void)();
    expect(sent).toEqual([14400, null]);
    // A horizon from a file or setting that is not a choice shows as the current value.
    c.update({ horizon: '12 h', horizonSeconds: 43200, horizonOverride: false });
    expect(select.value).toBe('');
    expect(select.all().find((e) => e.tagName === 'option')!.textContent).toBe('12 h');
  });
});

describe('account header and account fix (issue 14)', () => {
  const fix = { target: 'safe' as const, amount: '61,576.74', currency: 'USDC', legs: 2, reason: null, readOnlyReason: null };
  const header = { key: 'account:k', file: 'venues/hyperliquid.positions.yaml', venue: 'hyperliquid', account: '0x7a', settleCurrency: 'USDC', positions: 2, atRisk: 2, worst: 'critical' as const, updating: false };

  it('shows the design figure "to reach safe" and one Apply that posts the account, without selecting the header', () => {
    let applied = 0;
    const tr = el(accountRow({ ...header, fix }, 0, false, () => applied++));
    expect(tr.textContent).toContain('to reach safe: add 61,576.74 USDC to the wallet');
    const btn = tr.all().find((e) => e.getAttribute('class')?.includes('apply-account-fix'))!;
    expect(btn.getAttribute('disabled')).toBeNull();
    expect(btn.getAttribute('title')).toBe('Add 61,576.74 USDC to the wallet (both cross legs → safe): one wallet edit (undo with Ctrl+Z)');
    let stopped = false;
    (btn.listeners['click']![0] as (ev: unknown) => void)({ stopPropagation: () => { stopped = true; } });
    expect([applied, stopped]).toEqual([1, true]);
  });

  it('no fix, no figure; no top-up found: the reason and no Apply; read-only: Apply disabled with the reason', () => {
    expect(el(accountRow(header, 0, false, () => undefined)).all().some((e) => e.getAttribute('class')?.includes('g-fix'))).toBe(false);
    // an account whose file is only listed: "Evaluating", not its placeholder worst status
    const listed = el(accountRow({ ...header, worst: 'unknown', pending: true }, 0, false));
    expect(listed.getAttribute('data-status')).toBe('pending');
    expect(listed.all().find((e) => e.className.startsWith('status'))!.textContent).toBe('Evaluating');
    const none = el(accountRow({ ...header, fix: { ...fix, amount: null, reason: 'leg x is unknown' } }, 0, false, () => undefined));
    expect(none.textContent).toContain('no wallet top-up brings both cross legs to safe: leg x is unknown');
    expect(none.all().some((e) => e.tagName === 'button')).toBe(false);
    const ro = el(accountRow({ ...header, fix: { ...fix, readOnlyReason: 'exchange and bot dumps are read-only' } }, 0, false, () => undefined));
    const btn = ro.all().find((e) => e.tagName === 'button')!;
    expect([btn.getAttribute('disabled'), btn.getAttribute('title')]).toEqual(['', 'exchange and bot dumps are read-only']);
  });

  it('a cross leg\'s details name the account fix beside its own fix, also when the leg itself is at the target', () => {
    const msg = report([watchRow(), row()]);
    const withFix = (r: (typeof msg.rows)[number]) => ({ ...r, accountFix: fix });
    const text = (r: (typeof msg.rows)[number]) => detailsPane(r, msg.summary, undefined, handlers).map((n) => el(n).textContent).join('|');
    expect(text(withFix(msg.rows[0]!))).toContain('account: add 61,576.74 USDC to reach safe for both cross legs');
    expect(text(withFix(msg.rows[1]!))).toContain('account: add 61,576.74 USDC to reach safe for both cross legs');
    expect(text(msg.rows[0]!)).not.toContain('account: add');
  });
});
