// Which position files the workspace holds: findFiles per workspace folder with the include/exclude settings (or
// files.exclude), less what the folders' .gitignore files ignore; and the first scan's quicker look with Node's fs.
import * as vscode from 'vscode';
import { gitIgnored } from './gitignore';
import { quickFind } from './quick-find';
import type { ExtensionSettings } from './settings';

type Scope = Pick<ExtensionSettings, 'include' | 'exclude' | 'respectGitignore'>;

/** The exclude globs as one findFiles glob; undefined keeps files.exclude in force. */
function excludeGlob(s: Scope): string | undefined {
  if (s.exclude.length === 0) return undefined;
  return s.exclude.length === 1 ? s.exclude[0] : `{${s.exclude.join(',')}}`;
}

/** `uris` less the files the .gitignore files of `root` ignore (all of them when respectGitignore is off). */
async function notIgnored(s: Scope, root: string, uris: vscode.Uri[]): Promise<vscode.Uri[]> {
  if (!s.respectGitignore || !uris.length) return uris;
  const ignored = await gitIgnored(root, uris.map((u) => u.fsPath));
  return uris.filter((u) => !ignored.has(u.fsPath));
}

/** Every position file of every workspace folder, as findFiles lists them. */
export async function discoverPositionFiles(s: Scope): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const include = new vscode.RelativePattern(folder, s.include);
    const exclude = excludeGlob(s);
    const uris = await vscode.workspace.findFiles(include, exclude ? new vscode.RelativePattern(folder, exclude) : undefined);
    found.push(...(folder.uri.scheme === 'file' ? await notIgnored(s, folder.uri.fsPath, uris) : uris));
  }
  return found;
}

/**
 * The first scan's quick look (quick-find.ts) in a workspace of one `file:` folder: Node's fs, the include glob, and
 * the exclude globs findFiles applies (ours, else files.exclude's `true` entries); null when it gives up. Gitignored
 * files are dropped as discoverPositionFiles drops them.
 */
export async function quickLookPositionFiles(s: Scope): Promise<vscode.Uri[] | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length !== 1 || folders[0]!.uri.scheme !== 'file') return null;
  const folder = folders[0]!;
  const filesExclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  const exclude = s.exclude.length ? s.exclude : Object.keys(filesExclude).filter((k) => filesExclude[k] === true);
  const paths = await quickFind(folder.uri.fsPath, s.include, exclude);
  return paths && notIgnored(s, folder.uri.fsPath, paths.map((p) => vscode.Uri.file(p)));
}
