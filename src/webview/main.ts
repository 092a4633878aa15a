// Webview entry: acquires the VS Code API once (kept private), validates every host message, renders, and persists
// the small UI state (selection, filter, hidden statuses, sort, grouping) with setState so a reload finds it again.
// The table is a window over the host's list (WindowModel): a spacer above and below, only the visible rows plus a
// small overscan in the DOM, pages asked for as it scrolls; sort, filter, chips and grouping are done by the host.
import './styles.css';
import { fixActions, type FixAction } from '../presentation/describe';
import { describeEvaluationTimes } from '../presentation/duration';
import { MAX_PAGE, parseHostMessage, parseUiState, PROTOCOL_VERSION, STATUS_ORDER, type DeltaMessage, type DisplayItem, type ModelMessage, type PanelStatus, type TableRow, type PanelView, type SortColumn, type Summary, type UiState, type WebviewToHost } from '../protocol/messages';
import { DetailsController } from './details-controller';
import { h, icon } from './dom';
import { panelFooter, panelHeader } from './panel-chrome';
import { WindowModel } from './window-model';
import { RenderedRows, placeRows } from './rendered-rows';
import { StressSection } from './stress-section';
import { horizonControl, type HorizonControl } from './horizon-control';
import { accountRow, placeholderRow, spacerRow, statusChip, summaryStrip, tableHead, tableRow, thresholdsText } from './view';

interface VsCodeApi {
  postMessage(msg: WebviewToHost): void;
  getState(): unknown;
  setState(state: UiState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Rows the view may move before the host is told its window without a page request (deltas re-send the window). */
const WINDOW_SLACK = 8;

class App {
  private summary: Summary | undefined;
  private state: UiState;
  private hidden: Set<PanelStatus>;
  private readonly win = new WindowModel();
  /** The rows in the DOM by list index (an unchanged row keeps its element). */
  private readonly rendered = new RenderedRows();
  /** The rows in the tbody now, in order. */
  private shown: HTMLTableRowElement[] = [];
  /**
   * Layout sizes, read only where the layout is clean (ResizeObserver callbacks, scroll events), never right after a
   * DOM write: a forced layout per delta was most of the webview's time while a large workspace streamed in.
   */
  private readonly sizes = { client: 600, head: 30, scrollTop: 0, rowMeasured: false };
  private readonly sizeObserver = new ResizeObserver((entries) => this.onResize(entries));
  /** A model or delta arrived since the last frame: the header is rendered again with the window (once a frame). */
  private listChanged = false;
  /** What the header (subtitle, cards, chips, footer) was last rendered from. */
  private headerShown = '';
  private readonly root: HTMLElement;
  private readonly subtitle = h('span', { class: 'subtitle', text: 'evaluating…' });
  private readonly chips = h('div', { class: 'chips', attrs: { role: 'group', 'aria-label': 'Filter by status' } });
  private readonly filterInput = h('input', { class: 'filter-input', attrs: { type: 'search', placeholder: 'Filter positions…', 'aria-label': 'Filter positions', spellcheck: 'false' } });
  private readonly groupBtn = h('button', { class: 'btn secondary group-btn', attrs: { type: 'button', 'aria-pressed': 'false', title: 'Group the rows under their account' } }, icon('list-tree'), h('span', { text: 'Group by account' }));
  private readonly horizon: HorizonControl = horizonControl((seconds) => this.vscode.postMessage({ type: 'horizon', seconds }));
  private readonly detailsBtn = h('button', { class: 'btn secondary details-btn', attrs: { type: 'button', 'aria-controls': 'll-details', 'aria-expanded': 'true', title: 'Show or hide the details pane (Space in the table)' } }, icon('layout-sidebar-right'), h('span', { text: 'Details' }));
  /** The panel is narrower than NARROW_PX (an editor beside it): the details pane folds away unless asked for. */
  private narrow = false;
  private measuredWidth = false;
  private readonly summaryHost = h('div', { class: 'summary-host' });
  private readonly table = h('table', { class: 'grid', attrs: { role: 'grid', 'aria-label': 'Positions', 'aria-colcount': 11, 'aria-rowcount': 1 } });
  private readonly tbody = h('tbody');
  private readonly topSpacer = spacerRow();
  private readonly bottomSpacer = spacerRow();
  private readonly wrap = h('div', { class: 'table-wrap' });
  private readonly empty = h('div', { class: 'empty', attrs: { role: 'status' } });
  private readonly details = new DetailsController({
    post: (m) => this.vscode.postMessage(m),
    reveal: () => this.reveal(false),
    applyFix: (row, a) => this.applyFix(row, a),
  });
  private readonly footerText = h('span', { class: 'footer-text' });
  private readonly banner = h('div', { class: 'banner', attrs: { role: 'alert', hidden: true } });
  private readonly stress = new StressSection((m) => this.vscode.postMessage(m));
  private frame = 0;
  /** The window the host was last told of (with a page request or a `window` message). */
  private reported = { start: 0, count: 0 };
  private filterTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the table's column head was last built from. */
  private headKey = '';
  private focusTable = false;

  constructor(private readonly vscode: VsCodeApi, root: HTMLElement) {
    this.root = root;
    this.state = parseUiState(vscode.getState());
    this.hidden = new Set(this.state.hidden);
    this.filterInput.value = this.state.filter;
    this.win.selectedKey = this.state.selectedKey;
    this.layout();
    window.addEventListener('message', (ev: MessageEvent) => this.onMessage(ev.data));
    window.addEventListener('keydown', (ev) => this.onGlobalKey(ev));
    window.addEventListener('resize', () => {
      this.sizes.rowMeasured = false; // a zoom or font change: one row is measured again
      this.schedule();
    });
    this.sizeObserver.observe(this.wrap);
    // One class on the root from its width (no per-row layout in JS): the details pane folds away when narrow.
    new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? window.innerWidth;
      const narrow = w < NARROW_PX;
      const first = !this.measuredWidth;
      this.measuredWidth = true;
      if (narrow === this.narrow) return;
      this.narrow = narrow;
      // A width regime change (an editor opened beside the panel, or closed) returns the pane to its automatic state;
      // the first measurement keeps the restored choice.
      if (!first) {
        this.state.detailsPane = 'auto';
        this.save();
      }
      this.applyDetailsState();
    }).observe(root);
    this.vscode.postMessage({ type: 'ready', protocol: PROTOCOL_VERSION });
    // The restored selection first, so the host's first model already says where that row is.
    if (this.state.selectedKey) this.vscode.postMessage({ type: 'selected', key: this.state.selectedKey });
    this.sendView();
  }

  private view(): PanelView {
    return { sort: this.state.sort, direction: this.state.direction, group: this.state.group, filter: this.state.filter, hidden: [...this.hidden] };
  }

  /** Sort, filter, chips or grouping changed: the host re-sorts/filters and answers with a `model`. */
  private sendView(): void {
    this.measure();
    const r = this.win.range();
    this.vscode.postMessage({ type: 'view', view: this.view(), start: r.first, count: Math.min(500, Math.max(100, r.last - r.first)) });
  }

  private layout(): void {
    this.filterInput.addEventListener('input', () => {
      this.state.filter = this.filterInput.value;
      this.save();
      if (this.filterTimer) clearTimeout(this.filterTimer);
      this.filterTimer = setTimeout(() => this.sendView(), 120);
    });
    this.filterInput.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && this.filterInput.value) { this.filterInput.value = ''; this.state.filter = ''; this.save(); this.sendView(); ev.stopPropagation(); }
      if (ev.key === 'ArrowDown') { ev.preventDefault(); this.moveTo(Math.max(0, this.win.selectedIndex), true); }
    });
    this.detailsBtn.addEventListener('click', () => this.toggleDetails());
    this.groupBtn.addEventListener('click', () => {
      this.state.group = !this.state.group;
      this.save();
      this.sendView();
    });
    this.tbody.addEventListener('keydown', (ev) => this.onTableKey(ev));
    this.tbody.addEventListener('click', (ev) => {
      const tr = (ev.target as HTMLElement).closest('tr');
      const i = Number(tr?.getAttribute('data-index') ?? -1);
      if (i >= 0) {
        this.moveTo(i, true);
        if (this.win.item(i)?.type === 'row') this.reveal(true);
      }
    });
    this.wrap.addEventListener('scroll', () => {
      this.sizes.scrollTop = this.wrap.scrollTop;
      this.schedule();
    }, { passive: true });
    const header = panelHeader(
      { subtitle: this.subtitle, chips: this.chips, groupBtn: this.groupBtn, horizon: this.horizon.el, filterInput: this.filterInput, detailsBtn: this.detailsBtn },
      { refresh: () => this.vscode.postMessage({ type: 'refresh' }), stress: () => this.stress.run(), export: () => this.vscode.postMessage({ type: 'export' }) },
    );
    this.table.append(this.tbody);
    this.tbody.replaceChildren(this.topSpacer, this.bottomSpacer);
    this.wrap.append(this.table, this.empty);
    const main = h('main', { class: 'main' }, this.banner, this.summaryHost, this.stress.el, this.wrap, panelFooter(this.footerText));
    this.root.replaceChildren(header, main, this.details.el);
    this.root.removeAttribute('aria-busy');
    this.applyDetailsState();
  }

  /** The details pane shows when asked for, or (automatic) when the panel is wide enough to keep the key columns. */
  private detailsOpen(): boolean {
    const mode = this.state.detailsPane ?? 'auto';
    return mode === 'open' || (mode === 'auto' && !this.narrow);
  }

  private toggleDetails(): void {
    this.state.detailsPane = this.detailsOpen() ? 'closed' : 'open';
    this.save();
    this.applyDetailsState();
  }

  private applyDetailsState(): void {
    const open = this.detailsOpen();
    this.root.classList.toggle('details-closed', !open);
    this.root.classList.toggle('narrow', this.narrow);
    this.details.el.hidden = !open;
    this.detailsBtn.setAttribute('aria-expanded', open ? 'true' : 'false');
    this.detailsBtn.setAttribute('aria-pressed', open ? 'true' : 'false');
    this.schedule();
  }

  private save(): void {
    this.state.hidden = [...this.hidden];
    this.state.selectedKey = this.win.selectedKey ?? this.state.selectedKey;
    this.vscode.setState({ ...this.state });
  }

  private onMessage(raw: unknown): void {
    const parsed = parseHostMessage(raw);
    if (!parsed.ok) {
      this.showBanner(`Liquidation Lens received an invalid message and ignored it (${parsed.error}).`);
      return;
    }
    const msg = parsed.value;
    switch (msg.type) {
      case 'model':
      case 'delta':
        this.banner.hidden = true;
        this.onList(msg);
        return;
      case 'page': {
        const key = this.win.selectedKey;
        if (!this.win.applyPage(msg)) return;
        // A selection made by index far away gets its key with its page: the host answers with the row whole.
        if (this.win.selectedKey !== key && this.win.selectedKey) this.vscode.postMessage({ type: 'selected', key: this.win.selectedKey });
        // Rendered now, not in the next frame: the rows' build then runs in this task and their layout and paint in
        // the frame's (one task holding both was over 50 ms for most jumps through 100,000 rows in VS Code).
        this.renderWindow();
        return;
      }
      case 'selection':
        if (this.win.applySelection(msg)) this.schedule();
        return;
      case 'details':
        if (this.details.receive(msg, this.win.selectedKey)) this.renderDetails();
        return;
      case 'stress':
        this.stress.show(msg);
        return;
      case 'select':
        if (msg.index >= 0 && msg.version === this.win.version) this.moveTo(msg.index, true);
        else {
          // Filtered out or in a newer list: keep the key, the next model/delta tells its index.
          this.win.pickKey(msg.key);
          this.vscode.postMessage({ type: 'selected', key: msg.key });
        }
        return;
    }
  }

  private showBanner(text: string): void {
    this.banner.textContent = text;
    this.banner.hidden = false;
  }

  private onList(msg: ModelMessage | DeltaMessage): void {
    this.details.forget(msg);
    const hadSelection = this.win.selectedKey !== null;
    this.win.applyList(msg);
    this.summary = msg.summary;
    // The worst row is selected on first open (the list's first row in the default order), a restored one after; not
    // while the first row is only listed (pending rows sort last: every row is), or the pane would stay on it. Until
    // the user picks a row, the selection follows the first row as the scan brings worse ones.
    const first = this.win.item(0);
    this.win.followFirst(!(first?.type === 'row' && first.row.pending), hadSelection);
    // The host sends the selected row whole with each list once it knows which it is.
    if (this.win.selectedKey && this.win.selectedKey !== msg.selectedKey) this.vscode.postMessage({ type: 'selected', key: this.win.selectedKey });
    // Rendered in the next frame: the deltas of a streaming scan that arrive within one frame cost one render.
    this.listChanged = true;
    this.schedule();
  }

  /** The header and, the first time, the scroll position for a new list (in the frame, before the window). */
  private renderList(): void {
    this.listChanged = false;
    if (this.summary) this.renderHeader(this.summary);
    // The first list after a (re)load: bring the restored or first selection into view.
    if (!this.shownOnce && this.win.selectedIndex >= 0) {
      this.shownOnce = true;
      this.measure();
      this.scrollTo(this.win.scrollFor(this.win.selectedIndex));
    }
  }

  private scrollTo(top: number): void {
    if (top === this.sizes.scrollTop) return;
    this.wrap.scrollTop = top;
    this.sizes.scrollTop = top;
  }

  private shownOnce = false;

  private renderHeader(s: Summary): void {
    // A delta that moved nothing in the header (rows updated below the cards) leaves it alone.
    const shown = JSON.stringify([s, this.win.total, this.win.rows, [...this.hidden], this.state]);
    if (shown === this.headerShown) return;
    this.headerShown = shown;
    const evaluated = describeEvaluationTimes(s.times?.length ? s.times : [s.now]);
    const pending = s.pending ? ` (${s.pending} position${s.pending === 1 ? '' : 's'} not priced yet)` : '';
    const updating = s.updating ? ` · evaluating ${s.updating} file${s.updating === 1 ? '' : 's'}${pending}…` : '';
    this.subtitle.textContent = `${s.total} position${s.total === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'} · ${evaluated} · tails ${s.tails}${updating}`;
    this.root.setAttribute('aria-busy', s.updating ? 'true' : 'false');
    this.horizon.update(s);
    this.summaryHost.replaceChildren(summaryStrip(s));
    this.footerText.textContent = thresholdsText(s, this.state);
    const key = `${s.horizon}|${s.target}|${this.state.sort}|${this.state.direction}`;
    if (key !== this.headKey) {
      this.headKey = key;
      const old = this.table.querySelector('thead');
      if (old) {
        this.sizeObserver.unobserve(old);
        old.remove();
      }
      const head = tableHead(s.horizon, s.target, this.state, (c) => this.sortBy(c));
      this.table.prepend(head);
      this.sizeObserver.observe(head);
    }
    this.groupBtn.setAttribute('aria-pressed', this.state.group ? 'true' : 'false');
    this.renderChips(s);
    this.table.setAttribute('aria-rowcount', String(this.win.total + 1));
    this.table.setAttribute('aria-label', `Positions: ${this.win.rows} shown of ${s.total}`);
    this.empty.textContent = s.total === 0
      ? 'No positions yet. Liquidation Lens reads *.positions.json, *.positions.yaml, *.positions.yml and *.positions.csv files in the workspace.'
      : this.win.total === 0 ? 'No position matches the filter.' : '';
    this.empty.hidden = this.win.total > 0;
  }

  private sortBy(c: SortColumn): void {
    if (this.state.sort === c) this.state.direction = this.state.direction === 'asc' ? 'desc' : 'asc';
    else {
      this.state.sort = c;
      this.state.direction = 'asc';
    }
    this.save();
    this.sendView();
  }

  private renderChips(s: Summary): void {
    this.chips.replaceChildren(...STATUS_ORDER.map((st) => statusChip(st, s.counts[st], !this.hidden.has(st), () => {
      if (this.hidden.has(st)) this.hidden.delete(st); else this.hidden.add(st);
      this.save();
      this.sendView();
    })));
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.listChanged) this.renderList();
      this.renderWindow();
    });
  }

  /** Sizes from the observer (the table's viewport, its header, one row's height: fixed rows, measured once). */
  private onResize(entries: readonly ResizeObserverEntry[]): void {
    for (const e of entries) {
      const height = e.borderBoxSize?.[0]?.blockSize ?? e.contentRect.height;
      if (e.target === this.wrap) {
        this.sizes.client = this.wrap.clientHeight;
        this.sizes.scrollTop = this.wrap.scrollTop;
      } else if (e.target instanceof HTMLTableSectionElement) this.sizes.head = height;
      else if (height > 0) {
        this.sizeObserver.unobserve(e.target);
        if (Math.abs(height - this.win.rowHeight) > 0.5) this.win.rowHeight = height;
      }
    }
    this.schedule();
  }

  private measure(): void {
    this.win.scrollTop = this.sizes.scrollTop;
    this.win.viewportHeight = Math.max(this.win.rowHeight, this.sizes.client - this.sizes.head);
  }

  /** Renders the window (visible rows + overscan) between two spacers and asks for the pages it lacks. */
  private renderWindow(): void {
    this.measure();
    const range = this.win.range();
    const window = { start: range.first, count: Math.min(MAX_PAGE, range.last - range.first) };
    const pages = this.win.missingPages(range);
    for (const p of pages) this.vscode.postMessage({ type: 'page', version: this.win.version, start: p.start, count: p.count, window });
    // The host re-sends its idea of the window with each delta: tell it when the view moved far without a page.
    if (pages.length) this.reported = window;
    else if (Math.abs(window.start - this.reported.start) >= WINDOW_SLACK || window.count !== this.reported.count) {
      this.reported = window;
      this.vscode.postMessage({ type: 'window', ...window });
    }
    const item = (i: number) => this.win.item(i);
    const hadFocus = this.tbody.contains(document.activeElement);
    const els = this.rendered.render(range.first, range.last, item, this.win.selectedIndex, (item, i, selected) => this.buildRow(item, i, selected));
    setHeight(this.topSpacer, range.first * this.win.rowHeight);
    setHeight(this.bottomSpacer, Math.max(0, this.win.total - range.last) * this.win.rowHeight);
    placeRows(this.topSpacer, els, this.shown);
    this.shown = els;
    if (!this.sizes.rowMeasured) {
      const first = els.find((e) => e.classList.contains('row'));
      if (first) {
        this.sizes.rowMeasured = true;
        this.sizeObserver.observe(first);
      }
    }
    const sel = this.rendered.element(this.win.selectedIndex);
    if ((hadFocus || this.focusTable) && sel) sel.focus({ preventScroll: true });
    this.focusTable = false;
    this.renderDetails();
  }

  private buildRow(item: DisplayItem | undefined, i: number, selected: boolean): HTMLTableRowElement {
    if (!item) return placeholderRow(i, selected);
    if (item.type === 'row') return tableRow(item.row, i, selected);
    const key = item.account.key;
    return accountRow(item.account, i, selected, () => this.vscode.postMessage({ type: 'applyAccountFix', key }));
  }

  /** Selects list item `i`, scrolls it into view, renders (its page is asked for when missing). */
  private moveTo(i: number, focus: boolean): void {
    this.win.pick(i);
    this.measure();
    this.scrollTo(this.win.scrollFor(this.win.selectedIndex));
    this.focusTable = focus;
    this.vscode.postMessage({ type: 'selected', key: this.win.selectedKey });
    this.save();
    this.renderWindow();
  }

  private selected(): TableRow | undefined {
    const it = this.win.item(this.win.selectedIndex);
    return it?.type === 'row' ? it.row : undefined;
  }

  private reveal(preserveFocus: boolean): void {
    const row = this.selected();
    if (row) this.vscode.postMessage({ type: 'reveal', key: row.key, preserveFocus });
  }

  private renderDetails(): void {
    if (this.summary) this.details.render(this.win.selectedRow(), this.summary);
  }

  private applyFix(row: TableRow, a: FixAction): void {
    if (row.readOnlyReason) return;
    this.vscode.postMessage({ type: 'applyFix', key: row.key, kind: a.kind, asset: a.asset });
  }

  /** Ctrl+. : the selected row's first fix; on an account header, the account's one wallet fix. */
  private applyPrimaryFix(): void {
    const it = this.win.item(this.win.selectedIndex);
    if (it?.type === 'account') {
      const f = it.account.fix;
      if (f && f.amount !== null && f.readOnlyReason === null) this.vscode.postMessage({ type: 'applyAccountFix', key: it.account.key });
      return;
    }
    const row = this.selected();
    const first = row ? fixActions(row.fix, row.settleCurrency, row.symbol, true)[0] : undefined;
    if (row && first) this.applyFix(row, first);
  }

  private onTableKey(ev: KeyboardEvent): void {
    this.measure();
    const next = this.win.navigate(ev.key);
    if (next !== null) {
      ev.preventDefault();
      this.moveTo(next, true);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      this.reveal(false);
    } else if (ev.key === ' ') {
      ev.preventDefault();
      this.toggleDetails();
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

function setHeight(spacer: HTMLTableRowElement, px: number): void {
  const value = `${px}px`;
  if (spacer.style.getPropertyValue('height') !== value) spacer.style.setProperty('height', value);
}

/** Below this panel width the details pane folds away by itself (it would squeeze the key columns). */
const NARROW_PX = 1000;

const root = document.getElementById('app');
if (root) new App(acquireVsCodeApi(), root);
