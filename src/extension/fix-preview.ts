// "Preview diff" of Apply: vscode.diff of the file as it is and the text after the fix, the latter a read-only
// virtual document (scheme liquidation-lens-preview) that holds only the previews opened in this session.
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'liquidation-lens-preview';

export class FixPreviews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private count = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens the diff "current ↔ after the fix" for `doc`. */
  async show(doc: vscode.TextDocument, after: string, title: string): Promise<void> {
    const name = doc.uri.path.split('/').pop() ?? 'file';
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${++this.count}/${name}` });
    this.texts.set(uri.toString(), after);
    this.changed.fire(uri);
    await vscode.commands.executeCommand('vscode.diff', doc.uri, uri, title, { preview: true });
  }

  dispose(): void {
    this.texts.clear();
    this.changed.dispose();
  }
}
