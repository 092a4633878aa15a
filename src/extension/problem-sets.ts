// A file's Problems in parts: each `DiagnosticCollection.set` converts and sends every diagnostic it is given in one
// extension-host task (~30 µs each under load: a file's 1,000 took 10–45 ms), so a file's list is split over several
// collections, one `set` of at most PART each with a yield between. The Problems view merges collections (it sorts
// by severity and place, not by owner), and every diagnostic carries the same `source`.
import type * as vscode from 'vscode';
import { measured } from './host-stats';

/** What ProblemSets needs of a DiagnosticCollection (vscode.languages.createDiagnosticCollection in the extension). */
export type Collection<U, D> = Pick<vscode.DiagnosticCollection, 'dispose'> & { set(uri: U, diagnostics: readonly D[]): void; delete(uri: U): void };

/** Diagnostics a `set` sends at most. */
export const PART = 200;

export class ProblemSets<U extends { toString(): string } = vscode.Uri, D = vscode.Diagnostic> implements vscode.Disposable {
  private readonly parts: Collection<U, D>[];
  /** How many parts hold each file's diagnostics (by URI string): only those are cleared. */
  private readonly used = new Map<string, number>();

  /** `max`: the diagnostics a file can have (VS Code shows at most 1,000 a file and collection). */
  constructor(name: string, max: number, create: (name: string) => Collection<U, D>) {
    this.parts = Array.from({ length: Math.ceil(max / PART) }, (_, i) => create(i === 0 ? name : `${name}-${i + 1}`));
  }

  /** Replaces the file's diagnostics, one part a task; stops (leaving the rest as they were) once `current()` is false. */
  async set(uri: U, diagnostics: readonly D[], pause: () => Promise<void>, current: () => boolean): Promise<void> {
    const key = uri.toString();
    const needed = Math.min(this.parts.length, Math.ceil(diagnostics.length / PART));
    for (let i = 0; i < Math.max(needed, 1); i++) {
      if (i > 0) {
        await pause();
        if (!current()) return;
      }
      measured('problems', () => this.parts[i]!.set(uri, diagnostics.slice(i * PART, (i + 1) * PART)));
      this.used.set(key, Math.max(i + 1, this.used.get(key) ?? 0));
    }
    this.clear(uri, Math.max(needed, 1));
  }

  delete(uri: U): void {
    this.clear(uri, 0);
  }

  /** Clears the file's parts from `from` on. */
  private clear(uri: U, from: number): void {
    const key = uri.toString();
    const used = this.used.get(key) ?? 0;
    for (let i = from; i < used; i++) this.parts[i]!.delete(uri);
    if (from === 0) this.used.delete(key);
    else this.used.set(key, Math.min(used, from));
  }

  dispose(): void {
    for (const p of this.parts) p.dispose();
  }
}
