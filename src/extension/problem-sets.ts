// A file's Problems in parts: each `DiagnosticCollection.set` converts and sends every diagnostic it is given in one
// extension-host task (~30 µs each under load: a file's 1,000 took 10–45 ms), so a file's list is split over several
// collections, one `set` of at most PART each with a yield between. The Problems view merges collections (it sorts
// by severity and place, not by owner), and every diagnostic carries the same `source`. A part whose diagnostics are
// those it holds already (a bot rewrote other positions, an edit elsewhere in the file) is not sent again.
import type * as vscode from 'vscode';
import { measured } from './host-stats';

/** What ProblemSets needs of a DiagnosticCollection (vscode.languages.createDiagnosticCollection in the extension). */
export type Collection<U, D> = Pick<vscode.DiagnosticCollection, 'dispose'> & { set(uri: U, diagnostics: readonly D[]): void; delete(uri: U): void };

/**
 * Diagnostics a `set` sends at most: in VS Code while a 20,000-position file re-evaluated, 200 took 8–27 ms a task and
 * 100 took 15–37 ms on a busier machine (the host's scavenges land in them).
 */
export const PART = 50;

export class ProblemSets<U extends { toString(): string } = vscode.Uri, D = vscode.Diagnostic> implements vscode.Disposable {
  private readonly parts: Collection<U, D>[];
  /** What each part holds of each file (by URI string), as the signatures of its diagnostics: only the parts
   * held are cleared, and a part holding the same is not set again. */
  private readonly held = new Map<string, string[]>();

  /** `max`: the diagnostics a file can have (VS Code shows at most 1,000 a file and collection); `sigOf`: what tells
   * two diagnostics apart (range, severity, code, message); `part`: the diagnostics a `set` sends at most. */
  constructor(name: string, max: number, create: (name: string) => Collection<U, D>, private readonly sigOf: (d: D) => string, private readonly part = PART) {
    this.parts = Array.from({ length: Math.ceil(max / part) }, (_, i) => create(i === 0 ? name : `${name}-${i + 1}`));
  }

  /** Replaces the file's diagnostics, one part a task; stops (leaving the rest as they were) once `current()` is false. */
  async set(uri: U, diagnostics: readonly D[], pause: () => Promise<void>, current: () => boolean): Promise<void> {
    const key = uri.toString();
    const needed = Math.max(1, Math.min(this.parts.length, Math.ceil(diagnostics.length / this.part)));
    let sent = false;
    for (let i = 0; i < needed; i++) {
      const part = diagnostics.slice(i * this.part, (i + 1) * this.part);
      const sig = part.map(this.sigOf).join('\n');
      const held = this.held.get(key) ?? [];
      if (held[i] === sig || (part.length === 0 && held[i] === undefined)) continue; // holds it already, or nothing to clear
      if (sent) {
        await pause();
        if (!current()) return;
      }
      measured('problems', () => this.parts[i]!.set(uri, part));
      sent = true;
      const now = this.held.get(key) ?? [];
      now[i] = sig;
      this.held.set(key, now);
    }
    this.clear(uri, needed);
  }

  delete(uri: U): void {
    this.clear(uri, 0);
  }

  /** Clears the file's parts from `from` on. */
  private clear(uri: U, from: number): void {
    const key = uri.toString();
    const held = this.held.get(key) ?? [];
    for (let i = from; i < held.length; i++) this.parts[i]!.delete(uri);
    if (from === 0) this.held.delete(key);
    else held.length = Math.min(held.length, from);
  }

  dispose(): void {
    for (const p of this.parts) p.dispose();
  }
}
