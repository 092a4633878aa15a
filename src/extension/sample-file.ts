// "Create a Sample Position File" (the Getting Started walkthrough's first step): copies the bundled
// media/sample.positions.yaml into the first workspace folder (never over an existing file) and opens it.
import * as vscode from 'vscode';

export const SAMPLE_NAME = 'liquidation-lens-sample.positions.yaml';

export async function createSample(extensionUri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Liquidation Lens: open a folder first; the sample position file is written into it.');
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder.uri, SAMPLE_NAME);
  const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
  if (!exists) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'sample.positions.yaml'));
    await vscode.workspace.fs.writeFile(target, bytes);
  }
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc, { preview: false });
  if (exists) void vscode.window.showInformationMessage(`Liquidation Lens: ${SAMPLE_NAME} already exists; opened it unchanged.`);
  return target;
}
