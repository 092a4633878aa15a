// The positions panel: singleton WebviewPanel, restored by a serializer, fed by the store after the `ready`
// handshake. Every incoming message is validated (protocol/messages.ts) before dispatch; a hidden panel is only
// marked dirty and refreshed when it becomes visible (hidden webviews receive no messages: https://code.visualstudio.com/api/extension-guides/webview). The host keeps the rows (PanelModel
// over the store's RowIndex): the webview gets the summary, the list's size and its visible window, asks for pages as
// it scrolls, and gets a `delta` (keys added, removed, updated + its window again) when a file is re-evaluated.
import * as vscode from 'vscode';
import * as v from 'valibot';
import { HostToWebviewSchema, parseWebviewMessage, PROTOCOL_VERSION, type HostToWebview, type WebviewToHost } from '../../protocol/messages';
import { detailsMessage } from '../chart-data';
import { APPLY_ACCOUNT_FIX_COMMAND } from '../fixer';
import { exportReport } from '../exporter';
import { stressMessage } from '../stress-view';
import { whatIfMessage } from '../what-if-message';
import type { WorkspaceStore } from '../workspace-store';
import { buildPanelHtml, makeNonce } from './html';
import { PanelModel, type ModelContext } from './panel-model';
import type { RowChanges } from './row-index';
import { PendingChanges } from './pending-changes';
import { measured } from '../host-stats';
import { deltaDelay } from './delta-pacing';
import { yieldToHost } from '../steps';

export const PANEL_VIEW_TYPE = 'liquidationLens.positions';

export class PositionsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private dirty = false;
  private pendingSelect: string | undefined;
  private model: PanelModel | undefined;
  /** Row changes not yet sent (deltas are coalesced: delta-pacing.ts). */
  private readonly changes = new PendingChanges();
  private deltaTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last delta's host time (ms). */
  private deltaCost = 0;
  /** When the last delta was sent (performance.now()). */
  private lastDelta = -Infinity;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly store: WorkspaceStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly reveal: (key: string, preserveFocus: boolean) => Promise<void>,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => this.attach(panel),
      }),
      store.onDidChange((c) => measured('panel', () => this.onStoreChange(c.rows, c.updatingOnly === true))),
    );
  }

  dispose(): void {
    if (this.deltaTimer) clearTimeout(this.deltaTimer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  show(selectKey?: string): void {
    this.pendingSelect = selectKey;
    if (this.panel) {
      this.panel.reveal();
      if (this.ready && this.panel.visible && !this.dirty) this.postSelect();
      else this.push();
      return;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Liquidation Lens', vscode.ViewColumn.Active, this.options());
    this.attach(panel);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    const root = this.context.extensionUri;
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.model?.dispose();
    this.model = new PanelModel(this.store.index);
    panel.webview.options = this.options(); // reset on restore so localResourceRoots point at this install
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'icon.png');
    const asUri = (...p: string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...p)).toString();
    panel.webview.html = buildPanelHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: asUri('dist', 'webview.js'),
      styleUri: asUri('dist', 'webview.css'),
      codiconUri: asUri('dist', 'codicon.css'),
    });
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((raw) => this.receive(raw)),
      panel.onDidChangeViewState(() => { if (panel.visible && this.dirty) this.push(); }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        this.model?.dispose();
        this.model = undefined;
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
      }),
    );
  }

  private receive(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.log.warn(`dropped an invalid message from the panel: ${parsed.error}`);
      return;
    }
    this.dispatch(parsed.value);
  }

  private dispatch(msg: WebviewToHost): void {
    switch (msg.type) {
      case 'ready':
        // The webview follows `ready` with its `view` (sort, filter, window), answered with the whole model.
        if (msg.protocol !== PROTOCOL_VERSION) return;
        this.ready = true;
        return;
      case 'reveal':
        void this.reveal(msg.key, msg.preserveFocus);
        return;
      case 'refresh':
        void this.store.refreshAll();
        return;
      case 'applyFix':
        // Through the command (the same confirmation with a preview), so the walkthrough's "Apply a fix" step sees it.
        void vscode.commands.executeCommand('liquidationLens.applyFix', { key: msg.key, kind: msg.kind, asset: msg.asset });
        return;
      case 'applyAccountFix':
        // The header's key is "account:" + the account's key; the host re-derives the one wallet edit from the file.
        if (msg.key.startsWith(ACCOUNT_PREFIX)) void vscode.commands.executeCommand(APPLY_ACCOUNT_FIX_COMMAND, { account: msg.key.slice(ACCOUNT_PREFIX.length) });
        return;
      case 'details':
        this.postDetails(msg.key);
        return;
      case 'stress':
        void this.postStress(msg.scaleByVolatility === true);
        return;
      case 'view':
        if (!this.model) return;
        this.model.setView(msg.view);
        this.model.window = { start: msg.start, count: msg.count };
        this.push();
        return;
      case 'page':
        if (this.model) this.post(this.model.pageMessage(msg.start, msg.count, msg.window));
        return;
      case 'window':
        if (this.model) this.model.window = { start: msg.start, count: msg.count };
        return;
      case 'selected':
        if (!this.model) return;
        if (msg.key === null) this.model.selectedKey = null;
        else this.post(this.model.selectionMessage(msg.key));
        return;
      case 'export':
        void exportReport(this.store);
        return;
      case 'whatIf':
        void this.postWhatIf(msg);
        return;
      case 'horizon':
        // A session override at the CLI's --horizon precedence (above files and settings); every file re-evaluates.
        void this.store.setHorizonOverride(msg.seconds).then(() => this.push());
        return;
      default: {
        const never: never = msg;
        void never;
      }
    }
  }

  private post(msg: HostToWebview): void {
    const checked = v.safeParse(HostToWebviewSchema, msg);
    if (!checked.success) {
      this.log.error(`refusing to post an invalid ${msg.type} message: ${checked.issues[0].message} at ${checked.issues[0].path?.map((p) => String(p.key)).join('.') ?? ''}`);
      return;
    }
    void this.panel?.webview.postMessage(msg);
  }

  /** Chart data for one row the store knows (the webview cannot name other rows). */
  private postDetails(key: string): void {
    const found = this.store.findByKey(key);
    if (!found) return;
    try {
      this.post(detailsMessage({ row: found.row, inputs: found.inputs, settings: this.store.settingsFor(found.uri), epoch: this.store.epoch, pending: found.pending }));
      this.changes.detailsSent(key);
    } catch (err) {
      this.log.error(`chart data for ${key} failed`, err);
    }
  }

  /** A what-if of one row the store knows, re-evaluated by the engine in the worker (the file is not touched). */
  private async postWhatIf(msg: Extract<WebviewToHost, { type: 'whatIf' }>): Promise<void> {
    const found = this.store.findByKey(msg.key);
    const scenario = { shock: msg.shock, volMultiplier: msg.volMultiplier, addMargin: msg.addMargin };
    const outcome = found ? await this.store.whatIf(found.uri, found.row.id, scenario) : { ok: false as const, reason: 'this position is no longer shown' };
    this.post(whatIfMessage(msg.key, msg.seq, outcome));
  }

  private async postStress(scaleByVolatility = false): Promise<void> {
    try {
      const report = await this.store.stress(scaleByVolatility);
      // only the unknown rows count there (stress-accounts.ts): the others are not read from their text
      this.post(stressMessage(report, this.store.epoch, this.store.rows((e) => e.status === 'unknown')));
    } catch (err) {
      this.log.error('stress test failed', err);
      void vscode.window.showErrorMessage(`Liquidation Lens: the stress test failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private context_(): ModelContext {
    const files = this.store.files();
    return {
      epoch: this.store.epoch, now: this.store.evaluationTime(), files: files.map((f) => f.evaluation.file), risk: this.store.effectiveRisk(),
      horizonOverride: this.store.horizonOverride !== undefined,
      times: Object.fromEntries(files.map((f) => [f.evaluation.file.path, f.evaluation.now])),
      accounts: files.flatMap((f) => f.evaluation.accounts ?? []),
    };
  }

  private onStoreChange(rows: RowChanges, updatingOnly: boolean): void {
    if (!this.model) return;
    if (!updatingOnly) this.model.invalidate();
    this.changes.add(rows);
    if (this.deltaTimer) return;
    this.deltaTimer = setTimeout(() => void this.deliverDelta(), deltaDelay(performance.now(), this.lastDelta, this.deltaCost));
  }

  /** The changes merged into the list in slices, then one delta. `deltaTimer` stays set until it is sent: changes
   * meanwhile join this delta (the merge goes on until none is left) instead of starting another. */
  private async deliverDelta(): Promise<void> {
    let busy = 0;
    try {
      if (this.model && this.ready && this.panel?.visible) busy = await this.model.settle(yieldToHost);
    } finally {
      this.deltaTimer = undefined;
    }
    const t0 = performance.now();
    measured('panel delta', () => this.pushDelta());
    this.lastDelta = performance.now();
    this.deltaCost = busy + this.lastDelta - t0;
  }

  /** What changed since the last message, with the summary and the panel's window. */
  private pushDelta(): void {
    if (!this.panel || !this.ready || !this.model) return;
    if (!this.panel.visible) {
      this.dirty = true;
      return;
    }
    if (this.dirty) return this.push();
    this.post(this.model.deltaMessage(this.context_(), this.changes.take()));
  }

  /** The whole model (after `ready`, or when a hidden panel becomes visible). */
  private push(): void {
    if (!this.panel || !this.ready || !this.model) return;
    if (!this.panel.visible) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    if (this.pendingSelect) this.model.selectedKey = this.pendingSelect;
    this.changes.reset();
    this.post(this.model.modelMessage(this.context_()));
    this.postSelect();
  }

  private postSelect(): void {
    if (!this.pendingSelect || !this.model) return;
    const key = this.pendingSelect;
    this.pendingSelect = undefined;
    this.model.selectedKey = key;
    this.post({ type: 'select', key, index: this.model.indexOf(key), version: this.model.version });
  }
}

const ACCOUNT_PREFIX = 'account:';
