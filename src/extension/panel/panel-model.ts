// The host's side of the paged panel (pure, no vscode): the view (sort, filter, chips, grouping), the list it
// yields over the RowIndex, pages of it, and the `model` / `delta` / `page` messages. The list is brought up to date
// lazily (on the next message) after a change; its version lets the webview drop pages of an older list. A delta
// costs the host no object per row: unfiltered and ungrouped, the list is the sorted array itself (a page wraps only
// its own rows); a filtered or grouped list follows the sorted rows' change (the changed rows spliced in, the changed
// accounts' blocks replaced); the selected row's index is a binary search (display-list.ts).
import type { AccountReport, FileReport } from '../../engine/evaluate/report';
import type { RiskSettings } from '../../engine/core/types';
import { formatDuration } from '../../engine/core/time';
import {
  DEFAULT_VIEW, MAX_PAGE, type AccountFixView, type DeltaMessage, type DisplayItem, type ModelMessage, type PageMessage, type PanelRow, type PanelView, type SelectionMessage, type Summary, type TableRow,
} from '../../protocol/messages';
import { accountFixDisplay } from '../../presentation/account-lines';
import { accountKeyOf } from '../fixes';
import { nameText } from '../../presentation/inert-text';
import { toPanelRow, toTableRow } from '../rows';
import { effectiveBands } from '../settings';
import { DisplayList, isAccountItem, type StoredItem } from './display-list';
import type { RowEntry } from './row-entry';
import { wholeRow } from '../row-rest';
import type { RowIndex } from './row-index';
import type { DeltaChanges } from './pending-changes';
import { comparatorFor } from './sort-keys';
import { SortedRows } from './sorted-rows';
import { drain, runUntil, type Steps } from '../steps';

/** The engine's words (edits.ts fixEdits) for files it will not edit. */
export const READ_ONLY = 'exchange and bot dumps are read-only: change the position on the venue';

/** What the model needs of the workspace besides the rows. */
export interface ModelContext {
  epoch: number;
  now: Date;
  files: readonly FileReport[];
  risk: RiskSettings;
  /** Each file's evaluation time (Unix ms) by path: the time its numbers were computed at (not the wall clock). */
  times?: Readonly<Record<string, number>>;
  /** True when `risk.horizon` is the panel's session override (its horizon control). */
  horizonOverride?: boolean;
  /** The files' cross accounts with their one wallet fix (docs/results.md §2.4). */
  accounts?: readonly AccountReport[];
}

/** An item as the webview was sent it (not the protocol's `held` item, which names one). */
interface HeldItem {
  ref: StoredItem;
  updating: boolean;
}

/** A stepped update of the list: for the rows `rows` at `generation`, seen through `view`. */
interface ListJob {
  steps: Steps<DisplayList>;
  rows: SortedRows;
  generation: number;
  view: PanelView;
}

const MAX_KEYS = 1000;
/** Items the host remembers the webview holding (its cache keeps ~13 pages of 100). */
const MAX_HELD = 2000;

/** A slice of merging before the host gets its thread back (ms; its task budget is 16). */
export const SETTLE_SLICE_MS = 8;
/** Slices a settle runs at most: files changing without pause must not hold the delta back (it merges the rest). */
export const SETTLE_MAX_SLICES = 40;

export class PanelModel {
  private viewState: PanelView = DEFAULT_VIEW;
  private custom: SortedRows | undefined;
  private list: DisplayList | undefined;
  /** The sorted rows `list` was built from. */
  private listRows: SortedRows | undefined;
  private listVersion = -1;
  /** The list's update in progress (paused between the slices of `settle`). */
  private job: ListJob | undefined;
  /** What the webview holds as far as this model sent it: the list version and its items by key (messages arrive in
   * order; a message it never got only makes it ask for pages). */
  private held: { version: number; byKey: Map<string, HeldItem> } = { version: -1, byKey: new Map() };
  private readOnly = new Map<string, string | null>();
  private times: Readonly<Record<string, number>> = {};
  private accounts = new Map<string, AccountReport>();
  version = 0;
  selectedKey: string | null = null;
  /** The webview's last window, re-sent with every change. */
  window = { start: 0, count: 100 };

  constructor(private readonly index: RowIndex) {}

  get view(): PanelView {
    return this.viewState;
  }

  dispose(): void {
    if (this.custom) this.index.detach(this.custom);
  }

  setView(view: PanelView): void {
    const prev = this.viewState;
    this.viewState = { ...view, hidden: [...new Set(view.hidden)] };
    if (prev.sort !== view.sort || prev.direction !== view.direction) {
      const isDefault = view.sort === 'status' && view.direction === 'asc';
      if (isDefault) {
        if (this.custom) this.index.detach(this.custom);
        this.custom = undefined;
      } else if (this.custom) this.custom.setCompare(comparatorFor(view));
      else this.custom = this.index.attach(new SortedRows(comparatorFor(view)));
    }
    this.invalidate();
  }

  /** The rows changed (the index already has them): the list is brought up to date on the next read. */
  invalidate(): void {
    this.version++;
  }

  /**
   * Merges the rows' changes into the list's order and brings the list (filter, grouping) up to date, in slices of
   * `sliceMs` with `pause` awaited between them, until nothing is left (so the next message reads them at once, not
   * in one long task); at most `maxSlices` of them. Returns the time spent (ms).
   */
  async settle(pause: () => Promise<void>, sliceMs = SETTLE_SLICE_MS, maxSlices = SETTLE_MAX_SLICES): Promise<number> {
    let busy = 0;
    for (let slice = 1; ; slice++) {
      const t0 = performance.now();
      const done = this.step(t0 + sliceMs);
      busy += performance.now() - t0;
      if (done || slice >= maxSlices) return busy;
      await pause();
    }
  }

  private sorted(): SortedRows {
    return this.custom ?? this.index.defaultRows;
  }

  private current(): DisplayList {
    // (The generation check: an unfiltered list is the sorted rows' array, which their second change reuses.)
    if (this.list && this.listVersion === this.version && this.listRows?.generation === this.list.generation) return this.list;
    const rows = this.sorted();
    const job = this.listJob(rows, rows.all());
    this.take(job, drain(job.steps));
    return this.list!;
  }

  /** The list's update to the rows now (the one in progress when it is for them). */
  private listJob(rows: SortedRows, all: readonly RowEntry[]): ListJob {
    const job = this.job;
    if (job && job.rows === rows && job.generation === rows.generation && job.view === this.viewState) return job;
    return (this.job = { steps: this.listSteps(rows, all), rows, generation: rows.generation, view: this.viewState });
  }

  /** The list of `all` (the rows in their order now): this one, or it following the rows' last change, or built. */
  private *listSteps(rows: SortedRows, all: readonly RowEntry[]): Steps<DisplayList> {
    const list = this.list;
    const change = rows.lastChange;
    if (!list || this.listRows !== rows || list.view !== this.viewState || list.compare !== rows.comparator) {
      return yield* DisplayList.buildSteps(all, this.viewState, rows.comparator, rows.generation);
    }
    if (list.generation === rows.generation) return list;
    // The rows changed by exactly the last change since this list: it follows in kind; else it is built again.
    if (change && change.from === list.generation && change.to === rows.generation) return yield* list.nextSteps(change, all);
    return yield* DisplayList.buildSteps(all, this.viewState, rows.comparator, rows.generation);
  }

  private take(job: ListJob, list: DisplayList): void {
    this.job = undefined;
    this.list = list;
    this.listRows = job.rows;
    this.listVersion = this.version;
  }

  /** Merges the rows' changes, then brings the list up to date, until done or past `deadline`; true when done. */
  private step(deadline: number): boolean {
    const rows = this.sorted();
    if (!rows.advance(deadline)) return false;
    const list = this.list;
    if (list && this.listRows === rows && list.generation === rows.generation && list.view === this.viewState && list.compare === rows.comparator) return true;
    const job = this.listJob(rows, rows.all());
    const r = runUntil(job.steps, deadline);
    if (!r.done) return false;
    this.take(job, r.value);
    return true;
  }

  get total(): number {
    return this.current().length;
  }

  /** The index of the row `key` in the list (-1: not listed): a look-up by key and a binary search, not a scan. */
  indexOf(key: string | null): number {
    if (!key) return -1;
    const list = this.current();
    const e = this.index.find(key);
    return e ? list.indexOf(e) : -1;
  }

  /** The account fix of the account `accountKey` (its cross accounts only), as the panel shows it. */
  private accountFix(accountKey: string, currency: string | null, file: string): AccountFixView | null {
    const a = this.accounts.get(accountKey);
    return a ? accountFixDisplay(a, currency, this.readOnly.get(file) ?? null) : null;
  }

  private tableRow(e: RowEntry): TableRow {
    return { ...toTableRow(e.row, this.readOnly.get(e.file) ?? null), updating: this.index.isUpdating(e.fileKey), ...(e.pending ? { pending: true } : {}) };
  }

  private panelRow(e: RowEntry): PanelRow {
    const at = e.pending ? undefined : this.times[e.file];
    const row = e.row;
    const accountFix = row.kind === 'perp' && row.marginMode === 'cross' && this.accounts.get(e.accountKey)?.legs.includes(row.id)
      ? this.accountFix(e.accountKey, row.settleCurrency, row.file) : null;
    return {
      ...toPanelRow(wholeRow(row, e.rest, e.at), this.readOnly.get(row.file) ?? null), updating: this.index.isUpdating(e.fileKey), ...(e.pending ? { pending: true } : {}),
      ...(at !== undefined ? { evaluatedAt: new Date(at).toISOString() } : {}), ...(accountFix ? { accountFix } : {}),
    };
  }

  private item(it: StoredItem): DisplayItem {
    if (!isAccountItem(it)) return { type: 'row', row: this.tableRow(it) };
    const r = it.first.row;
    return {
      type: 'account',
      account: {
        key: it.key, file: r.file, venue: r.venue, account: r.account === null ? null : nameText(r.account), settleCurrency: r.settleCurrency === null ? null : nameText(r.settleCurrency),
        positions: it.positions, atRisk: it.atRisk, worst: it.worst, updating: this.index.isUpdating(it.fileKey), ...(it.pending ? { pending: true } : {}),
        fix: this.accountFix(it.first.accountKey, r.settleCurrency, r.file),
      },
    };
  }

  /** The row at list index `i` whole, or null when that item is not a row. */
  selectedRow(i: number): PanelRow | null {
    const it = i >= 0 ? this.current().get(i) : undefined;
    return it && !isAccountItem(it) ? this.panelRow(it) : null;
  }

  page(start: number, count: number): { start: number; items: DisplayItem[] } {
    const { from, to } = this.span(start, count);
    const list = this.current();
    const out: DisplayItem[] = [];
    for (let i = from; i < to; i++) out.push(this.item(list.get(i)!));
    return { start: from, items: out };
  }

  /** Indices [from, to) of a page asked for at `start`, clamped to the list and MAX_PAGE. */
  private span(start: number, count: number): { from: number; to: number } {
    const length = this.current().length;
    const from = Math.max(0, Math.min(start, length));
    return { from, to: Math.min(length, from + Math.max(0, Math.min(count, MAX_PAGE))) };
  }

  /** How the webview holds item `it` (the same stored item, with the flags that are not part of it). */
  private heldAs(it: StoredItem): HeldItem {
    return { ref: it, updating: this.index.isUpdating(it.fileKey) };
  }

  /** The webview now holds list version `version`'s items [from, to) (`fresh`: and no other). */
  private hold(version: number, from: number, to: number, fresh: boolean): void {
    // (the webview drops far pages: past a few thousand, forget all but this page rather than track its cache)
    if (fresh || this.held.version !== version || this.held.byKey.size > MAX_HELD) this.held = { version, byKey: new Map() };
    const list = this.current();
    for (let i = from; i < to; i++) {
      const it = list.get(i)!;
      this.held.byKey.set(it.key, this.heldAs(it));
    }
  }

  /** The window for a delta: `held` where the webview holds the same item (list version `keptFrom`), wherever it is,
   * with the new `updating` flag where only that changed (a file's rows flip when it is re-evaluated). */
  private keptWindow(): { window: DeltaMessage['window']; keptFrom: number } {
    const { from, to } = this.span(this.window.start, this.window.count);
    const list = this.current();
    const held = this.held.byKey;
    const items: DeltaMessage['window']['items'] = [];
    for (let i = from; i < to; i++) {
      const it = list.get(i)!;
      const h = held.get(it.key);
      const updating = this.index.isUpdating(it.fileKey);
      if (h?.ref !== it) items.push(this.item(it));
      else items.push(h.updating === updating ? { type: 'held', key: it.key } : { type: 'held', key: it.key, updating });
    }
    return { window: { start: from, items }, keptFrom: this.held.version };
  }

  summary(ctx: ModelContext): Summary {
    this.readOnly = new Map(ctx.files.map((f) => [f.path, f.dialect === 'native' ? null : READ_ONLY]));
    const bands = effectiveBands(ctx.risk);
    const t = this.index.totals();
    this.times = ctx.times ?? {};
    this.accounts = new Map((ctx.accounts ?? []).map((a) => [accountKeyOf(a), a]));
    const times = [...new Set(Object.values(this.times))].sort((a, b) => a - b).map((ms) => new Date(ms).toISOString());
    return {
      // The time the numbers were computed at (the earliest file's), not the wall clock.
      now: times[0] ?? ctx.now.toISOString(),
      ...(times.length ? { times: times.slice(0, 10_000) } : {}),
      files: ctx.files.length,
      errors: ctx.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'error').length, 0),
      horizon: formatDuration(bands.horizon),
      tails: bands.tails,
      probability: bands.probability,
      distance: bands.distance,
      counts: t.counts, total: t.total, ...(t.pending ? { pending: t.pending } : {}), atRisk: t.atRisk, riskyAccounts: t.riskyAccounts, stale: t.stale,
      oldestStaleAge: t.oldestStaleAge,
      worst: t.worst ? this.panelRow(t.worst) : null,
      updating: this.index.updatingCount,
      target: t.target ?? 'safe',
      horizonSeconds: bands.horizon,
      horizonOverride: ctx.horizonOverride === true,
    };
  }

  private fields(ctx: ModelContext) {
    const summary = this.summary(ctx);
    const list = this.current();
    const selectedIndex = this.indexOf(this.selectedKey);
    return {
      version: this.version, epoch: ctx.epoch, summary, view: this.viewState,
      total: list.length, rows: list.rows,
      selectedIndex, selectedKey: this.selectedKey,
      selected: this.selectedRow(selectedIndex),
    };
  }

  modelMessage(ctx: ModelContext): ModelMessage {
    const message: ModelMessage = { type: 'model', ...this.fields(ctx), window: this.page(this.window.start, this.window.count) };
    this.hold(this.version, message.window.start, message.window.start + message.window.items.length, true);
    return message;
  }

  /** What changed, with the window again: only the items the webview does not hold already (rows of files that did
   * not change, wherever they moved: a ~60 KB message each time while a workspace streams in otherwise). */
  deltaMessage(ctx: ModelContext, changes: DeltaChanges): DeltaMessage {
    const { window, keptFrom } = this.keptWindow();
    const message: DeltaMessage = {
      type: 'delta', ...this.fields(ctx), window, keptFrom,
      changes: { ...changes, stale: changes.stale.slice(0, MAX_KEYS), truncated: changes.stale.length > MAX_KEYS },
    };
    this.hold(this.version, window.start, window.start + window.items.length, true);
    return message;
  }

  /** The answer to the webview's `selected`: the row whole, for its details pane. */
  selectionMessage(key: string): SelectionMessage {
    this.selectedKey = key;
    const index = this.indexOf(key);
    return { type: 'selection', key, row: this.selectedRow(index), index, version: this.version };
  }

  /** Items [start, start + count); `window`: the items the webview renders (else this page): a delta sends them again. */
  pageMessage(start: number, count: number, window?: { start: number; count: number }): PageMessage {
    this.window = window ?? { start, count };
    const message: PageMessage = { type: 'page', version: this.version, total: this.total, window: this.page(start, count) };
    this.hold(this.version, message.window.start, message.window.start + message.window.items.length, false);
    return message;
  }
}
