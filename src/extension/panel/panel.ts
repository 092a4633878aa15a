// The positions panel: singleton WebviewPanel, restored by a serializer, fed by the store after the `ready`
// handshake. Every incoming message is validated (protocol/messages.ts) before dispatch; a hidden panel is only
// marked dirty and refreshed when it becomes visible (hidden webviews receive no messages: https://code.visualstudio.com/api/extension-guides/webview).
import * as vscode from 'vscode';
import * as v from 'valibot';
import { HostToWebviewSchema, parseWebviewMessage, PROTOCOL_VERSION, type HostToWebview, type WebviewToHost } from '../../protocol/messages';
import { stressTest } from '../../engine/stress/stress-test';
import { detailsMessage } from '../chart-data';
import { exportReport } from '../exporter';
import { applyFix } from '../fixer';
import { stressMessage } from '../stress-view';
import type { WorkspaceStore } from '../workspace-store';
import { buildPanelHtml, makeNonce } from './html';
import { buildReportMessage } from './model';

export const PANEL_VIEW_TYPE = 'liquidationLens.positions';

export class PositionsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private dirty = false;
  private pendingSelect: string | undefined;
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
      store.onDidChange(() => this.push()),
    );
  }

  dispose(): void {
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
      this.push();
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
        if (msg.protocol !== PROTOCOL_VERSION) return;
        this.ready = true;
        this.push();
        return;
      case 'reveal':
        void this.reveal(msg.key, msg.preserveFocus);
        return;
      case 'refresh':
        void this.store.refreshAll();
        return;
      case 'applyFix':
        void applyFix(this.store, { key: msg.key, kind: msg.kind, asset: msg.asset });
        return;
      case 'details':
        this.postDetails(msg.key);
        return;
      case 'stress':
        this.postStress(msg.scaleByVolatility === true);
        return;
      case 'export':
        void exportReport(this.store);
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
      const inputs = this.store.entry(found.uri)?.evaluation.riskInputs?.[found.row.id] ?? null;
      this.post(detailsMessage({ row: found.row, inputs, settings: this.store.settingsFor(found.uri), epoch: this.store.epoch }));
    } catch (err) {
      this.log.error(`chart data for ${key} failed`, err);
    }
  }

  private postStress(scaleByVolatility = false): void {
    try {
      const report = stressTest(this.store.files().map((f) => f.evaluation), undefined, { scaleByVolatility });
      this.post(stressMessage(report, this.store.epoch, this.store.rows()));
    } catch (err) {
      this.log.error('stress test failed', err);
      void vscode.window.showErrorMessage(`Liquidation Lens: the stress test failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private push(): void {
    if (!this.panel || !this.ready) return;
    if (!this.panel.visible) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    this.post(buildReportMessage({
      epoch: this.store.epoch,
      now: this.store.evaluationTime(),
      files: this.store.files().map((f) => f.evaluation.file),
      rows: this.store.rows(),
      risk: this.store.settings.risk,
      times: Object.fromEntries(this.store.files().map((f) => [f.evaluation.file.path, f.evaluation.now])),
    }));
    if (this.pendingSelect) {
      this.post({ type: 'select', key: this.pendingSelect });
      this.pendingSelect = undefined;
    }
  }
}
