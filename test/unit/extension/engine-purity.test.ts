// src/engine/** is pure (reference/vscode.md §5.1): it must not import vscode (nor reach into the extension,
// webview or protocol layers). Scans the source text of every engine file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = join(__dirname, '../../../src/engine');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mts|cts|js)$/.test(name) ? [p] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return out;
}

describe('engine purity', () => {
  const all = files(ENGINE);
  it('finds the engine sources', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(specifiers("import * as vscode from 'vscode';\nconst x = require(\"vscode\");")).toEqual(['vscode', 'vscode']);
  });
  it('no engine file imports vscode or an adapter layer', () => {
    const offenders: string[] = [];
    for (const f of all) {
      for (const spec of specifiers(readFileSync(f, 'utf8'))) {
        if (spec === 'vscode' || spec.startsWith('vscode/') || /(^|\/)(extension|webview|protocol)(\/|$)/.test(spec) && spec.startsWith('..')) {
          offenders.push(`${relative(ENGINE, f)} → ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
