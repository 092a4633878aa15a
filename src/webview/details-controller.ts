// The details pane's controller: which row it shows, the chart data the host sent per row (asked for once a row),
// and building the pane again only when what it shows changed (a what-if being typed in keeps its inputs).
import type { FixAction } from '../presentation/describe';
import type { DeltaMessage, DetailsMessage, ModelMessage, PanelRow, Summary, TableRow, WebviewToHost } from '../protocol/messages';
import { detailsPane } from './details';
import { h } from './dom';

export interface DetailsActions {
  post(msg: WebviewToHost): void;
  reveal(): void;
  applyFix(row: TableRow, a: FixAction): void;
}

export class DetailsController {
  readonly el = h('aside', { class: 'details', attrs: { id: 'll-details', role: 'region', 'aria-label': 'Details' } });
  /** Chart data per row key (dropped for rows a delta reports updated or removed). */
  private readonly chartData = new Map<string, DetailsMessage>();
  private readonly requested = new Set<string>();
  /** What the pane was last built from (the selected row's content, its chart data). */
  private shownKey = '';
  private shownData: DetailsMessage | undefined;

  constructor(private readonly actions: DetailsActions) {}

  /** A new list drops all chart data; a delta drops that of the rows it changed (all of it when it was truncated). */
  forget(msg: ModelMessage | DeltaMessage): void {
    if (msg.type === 'delta' && !msg.changes.truncated) {
      for (const k of msg.changes.stale) {
        this.chartData.delete(k);
        this.requested.delete(k);
      }
      return;
    }
    this.chartData.clear();
    this.requested.clear();
  }

  /** Keeps a row's chart data; true when it is the selected row's (the pane is rendered again). */
  receive(msg: DetailsMessage, selectedKey: string | null): boolean {
    this.chartData.set(msg.key, msg);
    return msg.key === selectedKey;
  }

  /** `selected`: the selected row, null for none, undefined while the selected row is on its way from the host. */
  render(selected: PanelRow | null | undefined, summary: Summary): void {
    if (selected === undefined && this.el.childNodes.length) return;
    const row = selected ?? undefined;
    const data = row ? this.chartData.get(row.key) : undefined;
    if (row && !data && !this.requested.has(row.key)) {
      this.requested.add(row.key);
      this.actions.post({ type: 'details', key: row.key });
    }
    const key = row ? JSON.stringify(row) : `none ${summary.total > 0}`;
    if (key === this.shownKey && data === this.shownData && this.el.childNodes.length) return;
    this.shownKey = key;
    this.shownData = data;
    this.el.setAttribute('data-charts', String(!!data));
    this.el.setAttribute('aria-label', row ? `Details: ${row.symbol ?? row.id}` : 'Details');
    this.el.replaceChildren(...detailsPane(row, summary, data, {
      onReveal: () => this.actions.reveal(),
      onApplyFix: (a) => row && this.actions.applyFix(row, a),
      onWhatIf: (m) => this.actions.post(m),
    }));
  }
}
