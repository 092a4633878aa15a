// Workspace Trust (issue 13, VS Code Restricted Mode): reading and evaluating the workspace's own files works in an
// untrusted workspace; anything that writes (Apply fix, Quick Fix) waits for trust. No tool is ever run (the
// .gitignore files are read with a library). package.json declares this as `capabilities.untrustedWorkspaces`
// ("limited") with the settings a workspace may not set until trusted.
import * as vscode from 'vscode';

export const UNTRUSTED_EDIT_MESSAGE =
  'Liquidation Lens: fixes edit files, and this workspace is not trusted (Restricted Mode). Trust the workspace to apply fixes; evaluation works without it.';

/** True when edits may be made; otherwise tells the user why (with a button to manage trust) and returns false. */
export function canEdit(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showInformationMessage(UNTRUSTED_EDIT_MESSAGE, 'Manage Workspace Trust').then((pick) => {
    if (pick) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}

/** Calls `onGrant` when the user trusts the workspace (restricted settings now apply; edits are enabled). */
export function onTrustGranted(onGrant: () => void): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(onGrant);
}
