// Webview entry: acquires the VS Code API once (kept private), validates every host message, renders, and persists
// the small UI state (selection, filter, hidden statuses) with setState so a reload or restore finds it again.
import './styles.css';
import { fixActions, type FixAction } from '../presentation/describe';
import { describeEvaluationTimes } from '../presentation/duration';
import { parseHostMessage, parseUiState, PROTOCOL_VERSION, STATUS_ORDER, type DetailsMessage, type PanelRow, type PanelStatus, type ReportMessage, type StressMessage, type UiState, type WebviewToHost } from '../protocol/messages';
import { detailsPane } from './details';
import { h, icon } from './dom';
import { countByStatus, navigate, visibleRows } from './model';
import { stressView } from './stress';
import { statusChip, summaryStrip, tableColumns, tableHead, tableRow, thresholdsText } from './view';

interface VsCodeApi {
  postMessage(msg: WebviewToHost): void;
  getState(): unknown;
  setState(state: UiState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

class App {
  private report: ReportMessage | undefined;
  private state: UiState;
  private hidden: Set<PanelStatus>;
  private shown: PanelRow[] = [];
  private rowEls: HTMLTableRowElement[] = [];
  private readonly root: HTMLElement;
  private readonly subtitle = h('span', { class: 'subtitle', text: 'evaluating…' });
  private readonly chips = h('div', { class: 'chips', attrs: { role: 'group', 'aria-label': 'Filter by status' } });
  private readonly filterInput = h('input', { class: 'filter-input', attrs: { type: 'search', placeholder: 'Filter positions…', 'aria-label': 'Filter positions', spellcheck: 'false' } });
  private readonly horizon = h('span', { class: 'val num', text: '—' });
  private readonly summary = h('div', { class: 'summary-host' });
  private readonly table = h('table', { class: 'grid', attrs: { role: 'grid', 'aria-label': 'Positions, sorted by severity', 'aria-colcount': 11 } });
  private readonly tbody = h('tbody');
  private readonly empty = h('div', { class: 'empty', attrs: { role: 'status' } });
  private readonly details = h('aside', { class: 'details', attrs: { role: 'region', 'aria-label': 'Details' } });
  private readonly footerText = h('span', { class: 'footer-text' });
  private readonly banner = h('div', { class: 'banner', attrs: { role: 'alert', hidden: true } });
  private readonly stress = h('section', { class: 'stress', attrs: { 'aria-label': 'Stress test', hidden: true } });
  /** Chart data per row key, for the current report only. */
  private chartData = new Map<string, DetailsMessage>();
  private requested = new Set<string>();
  /** The persisted selection while its row is not in the shown rows. */
  private pendingKey: string | undefined;

  constructor(private readonly vscode: VsCodeApi, root: HTMLElement) {
    this.root = root;
    this.state = parseUiState(vscode.getState());
    this.hidden = new Set(this.state.hidden);
    this.filterInput.value = this.state.filter;
    this.layout();
    window.addEventListener('message', (ev: MessageEvent) => this.onMessage(ev.data));
    window.addEventListener('keydown', (ev) => this.onGlobalKey(ev));
    this.vscode.postMessage({ type: 'ready', protocol: PROTOCOL_VERSION });
  }

  private layout(): void {
    this.filterInput.addEventListener('input', () => { this.state.filter = this.filterInput.value; this.save(); this.renderRows(); });
    this.filterInput.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && this.filterInput.value) { this.filterInput.value = ''; this.state.filter = ''; this.save(); this.renderRows(); ev.stopPropagation(); }
      if (ev.key === 'ArrowDown') { ev.preventDefault(); this.focusRow(0); }
    });
    this.tbody.addEventListener('keydown', (ev) => this.onTableKey(ev));
    this.tbody.addEventListener('click', (ev) => {
      const tr = (ev.target as HTMLElement).closest('tr');
      const i = tr ? this.rowEls.indexOf(tr as HTMLTableRowElement) : -1;
      if (i >= 0) { this.select(i, true); this.reveal(true); }
    });
    const refresh = h('button', { class: 'btn secondary', attrs: { type: 'button', title: 'Re-evaluate every position file' }, on: { click: () => this.vscode.postMessage({ type: 'refresh' }) } }, icon('refresh'), h('span', { text: 'Refresh' }));
    const stress = h('button', { class: 'btn secondary stress-btn', attrs: { type: 'button', title: 'Shock all marks together and re-evaluate every account' }, on: { click: () => this.runStress() } }, icon('beaker'), h('span', { text: 'Stress test' }));
    const exportBtn = h('button', { class: 'btn secondary export-btn', attrs: { type: 'button', title: 'Copy the report as Markdown or JSON, or open it in a new document' }, on: { click: () => this.vscode.postMessage({ type: 'export' }) } }, icon('export'), h('span', { text: 'Export' }));
    const header = h('header', { class: 'header' },
      h('div', { class: 'h-row' }, h('h1', { class: 'title' }, icon('pulse'), h('span', { text: 'Liquidation Lens' })), this.subtitle, h('span', { class: 'spacer' }), refresh, stress, exportBtn),
      h('div', { class: 'h-row wrap' }, this.chips, h('span', { class: 'spacer' }),
        h('span', { class: 'field select', attrs: { title: 'Horizon of the liquidation probability (setting liquidationLens.horizon)' } }, h('span', { class: 'lbl', text: 'Horizon' }), this.horizon),
        h('label', { class: 'field filter' }, icon('filter'), this.filterInput, h('kbd', { text: 'Ctrl' }), h('kbd', { text: 'F' }))),
    );
    this.table.append(this.tbody);
    const main = h('main', { class: 'main' }, this.banner, this.summary, this.stress, h('div', { class: 'table-wrap' }, this.table, this.empty),
      h('div', { class: 'footer', attrs: { 'aria-hidden': 'true' } },
        h('span', { class: 'hint' }, h('kbd', { text: '↑' }), h('kbd', { text: '↓' }), h('span', { text: 'move' })),
        h('span', { class: 'hint' }, h('kbd', { text: 'Enter' }), h('span', { text: 'reveal in file' })),
        h('span', { class: 'hint' }, h('kbd', { text: 'Ctrl' }), h('kbd', { text: '.' }), h('span', { text: 'apply fix' })),
        h('span', { class: 'hint' }, h('kbd', { text: 'Ctrl' }), h('kbd', { text: 'F' }), h('span', { text: 'filter' })),
        h('span', { class: 'spacer' }), this.footerText));
    this.root.replaceChildren(header, main, this.details);
    this.root.removeAttribute('aria-busy');
  }

  private save(): void {
    this.state.hidden = [...this.hidden];
    this.vscode.setState({ ...this.state, selectedKey: this.pendingKey ?? this.state.selectedKey });
  }

  private onMessage(raw: unknown): void {
    const parsed = parseHostMessage(raw);
    if (!parsed.ok) {
      this.showBanner(`Liquidation Lens received an invalid message and ignored it (${parsed.error}).`);
      return;
    }
    const msg = parsed.value;
    switch (msg.type) {
      case 'report':
        this.banner.hidden = true;
        this.report = msg;
        this.chartData.clear();
        this.requested.clear();
        this.renderAll();
        return;
      case 'details':
        this.chartData.set(msg.key, msg);
        if (msg.key === this.state.selectedKey) this.renderDetails();
        return;
      case 'stress':
        this.showStress(msg);
        return;
      case 'select': {
        const i = this.shown.findIndex((r) => r.key === msg.key);
        if (i >= 0) this.select(i, true);
        return;
      }
      case 'busy':
        this.root.setAttribute('aria-busy', msg.busy ? 'true' : 'false');
        return;
    }
  }

  private showBanner(text: string): void {
    this.banner.textContent = text;
    this.banner.hidden = false;
  }

  private renderAll(): void {
    const report = this.report;
    if (!report) return;
    const evaluated = describeEvaluationTimes(report.times?.length ? report.times : [report.now]);
    this.subtitle.textContent = `${report.rows.length} position${report.rows.length === 1 ? '' : 's'} in ${report.files} file${report.files === 1 ? '' : 's'} · ${evaluated} · tails ${report.tails}`;
    this.horizon.textContent = report.horizon;
    this.summary.replaceChildren(summaryStrip(report));
    this.footerText.textContent = thresholdsText(report);
    const target = report.rows.find((r) => r.fix)?.fix?.target ?? 'safe';
    this.table.querySelector('thead')?.remove();
    if (!this.table.querySelector('colgroup')) this.table.prepend(tableColumns());
    this.table.querySelector('colgroup')!.after(tableHead(report.horizon, target));
    this.renderChips();
    this.renderRows();
  }

  private renderChips(): void {
    const counts = countByStatus(this.report?.rows ?? []);
    this.chips.replaceChildren(...STATUS_ORDER.map((s) => statusChip(s, counts[s], !this.hidden.has(s), () => {
      if (this.hidden.has(s)) this.hidden.delete(s); else this.hidden.add(s);
      this.save();
      this.renderChips();
      this.renderRows();
    })));
  }

  private renderRows(): void {
    const report = this.report;
    if (!report) return;
    const hadFocus = this.tbody.contains(document.activeElement);
    this.shown = visibleRows(report.rows, this.hidden, this.state.filter);
    // A restored or filtered-out selection waits (pendingKey) until its row is shown again: a partial report
    // during the startup scan must not overwrite the persisted selection.
    const wanted = this.pendingKey ?? this.state.selectedKey;
    let selected = this.shown.findIndex((r) => r.key === wanted);
    if (selected >= 0) this.pendingKey = undefined;
    else {
      if (wanted) this.pendingKey = wanted;
      if (this.shown.length) selected = 0;
    }
    this.rowEls = this.shown.map((r, i) => tableRow(r, i, i === selected));
    this.tbody.replaceChildren(...this.rowEls);
    this.table.setAttribute('aria-rowcount', String(this.shown.length + 1));
    this.empty.textContent = report.rows.length === 0
      ? 'No positions yet. Liquidation Lens reads *.positions.json, *.positions.yaml, *.positions.yml and *.positions.csv files in the workspace.'
      : this.shown.length === 0 ? 'No position matches the filter.' : '';
    this.empty.hidden = this.shown.length > 0;
    this.state.selectedKey = this.shown[selected]?.key ?? this.state.selectedKey;
    this.renderDetails();
    if (hadFocus && selected >= 0) this.rowEls[selected]?.focus();
  }

  private selectedIndex(): number {
    return this.shown.findIndex((r) => r.key === this.state.selectedKey);
  }

  private select(i: number, focus: boolean): void {
    const prev = this.selectedIndex();
    const row = this.shown[i];
    if (!row) return;
    const prevEl = this.rowEls[prev];
    if (prevEl) {
      prevEl.classList.remove('selected');
      prevEl.setAttribute('aria-selected', 'false');
      prevEl.tabIndex = -1;
    }
    const el = this.rowEls[i]!;
    el.classList.add('selected');
    el.setAttribute('aria-selected', 'true');
    el.tabIndex = 0;
    if (focus) el.focus();
    el.scrollIntoView({ block: 'nearest' });
    this.state.selectedKey = row.key;
    this.pendingKey = undefined;
    this.save();
    this.renderDetails();
  }

  private focusRow(i: number): void {
    if (this.shown[i]) this.select(i, true);
  }

  private reveal(preserveFocus: boolean): void {
    const key = this.state.selectedKey;
    if (key && this.shown.some((r) => r.key === key)) this.vscode.postMessage({ type: 'reveal', key, preserveFocus });
  }

  private renderDetails(): void {
    if (!this.report) return;
    const row = this.shown.find((r) => r.key === this.state.selectedKey);
    this.details.setAttribute('aria-label', row ? `Details: ${row.symbol ?? row.id}` : 'Details');
    const data = row ? this.chartData.get(row.key) : undefined;
    if (row && !data && !this.requested.has(row.key)) {
      this.requested.add(row.key);
      this.vscode.postMessage({ type: 'details', key: row.key });
    }
    this.details.replaceChildren(...detailsPane(row, this.report, data, {
      onReveal: () => this.reveal(false),
      onApplyFix: (a) => row && this.applyFix(row, a),
    }));
  }

  private applyFix(row: PanelRow, a: FixAction): void {
    if (row.readOnlyReason) return;
    this.vscode.postMessage({ type: 'applyFix', key: row.key, kind: a.kind, asset: a.asset });
  }

  /** Ctrl+. : the selected row's first fix. */
  private applyPrimaryFix(): void {
    const row = this.shown.find((r) => r.key === this.state.selectedKey);
    const first = row ? fixActions(row.fix, row.settleCurrency, row.symbol, true)[0] : undefined;
    if (row && first) this.applyFix(row, first);
  }

  private runStress(scaleByVolatility = false): void {
    this.stress.hidden = false;
    this.stress.setAttribute('aria-busy', 'true');
    this.stress.replaceChildren(h('div', { class: 'muted stress-wait', attrs: { role: 'status' }, text: 'Running the stress test…' }));
    this.vscode.postMessage({ type: 'stress', scaleByVolatility });
  }

  private showStress(msg: StressMessage): void {
    this.stress.hidden = false;
    this.stress.removeAttribute('aria-busy');
    this.stress.replaceChildren(...stressView(msg, () => { this.stress.hidden = true; }, (scaled) => this.runStress(scaled)));
  }

  private onTableKey(ev: KeyboardEvent): void {
    const current = Math.max(0, this.selectedIndex());
    const next = navigate(ev.key, current, this.shown.length);
    if (next !== null) {
      ev.preventDefault();
      this.select(next, true);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      this.reveal(false);
    }
  }

  private onGlobalKey(ev: KeyboardEvent): void {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === '.') {
      ev.preventDefault();
      this.applyPrimaryFix();
      return;
    }
    if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'f') {
      ev.preventDefault();
      this.filterInput.focus();
      this.filterInput.select();
    }
  }
}

const root = document.getElementById('app');
if (root) new App(acquireVsCodeApi(), root);
