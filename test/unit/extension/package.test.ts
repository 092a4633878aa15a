// Packaging and manifest checks: the VSIX holds only what runs (vsce ls with the allowlist .vscodeignore), every
// contributed command is registered, every setting is read, the schema and icon exist.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const source = (p: string) => readFileSync(join(ROOT, p), 'utf8');

const ALLOWED = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE(\.md|\.txt)?|dist\/[^/]+\.(js|css|ttf)|media\/[^/]+\.(png|json)|media\/sample\.positions\.yaml|media\/walkthrough\/[^/]+\.md)$/;
/** The walkthrough's files (package.json contributes.walkthroughs and the createSample command read them from the VSIX). */
const walkthroughMedia: string[] = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')).contributes.walkthroughs ?? [])
  .flatMap((w: { steps: Array<{ media: { markdown?: string } }> }) => w.steps.map((s) => s.media.markdown).filter(Boolean));
const REQUIRED = ['package.json', 'dist/extension.js', 'dist/extension-worker.js', 'dist/webview.js', 'dist/webview.css', 'dist/codicon.css', 'dist/codicon.ttf', 'media/icon.png', 'media/positions.schema.json',
  'media/sample.positions.yaml', ...walkthroughMedia];

describe('vsix contents (vsce ls)', () => {
  const built = REQUIRED.filter((p) => p.startsWith('dist/')).every((p) => existsSync(join(ROOT, p)));
  it.skipIf(!built)('lists only runtime files, and all of them', () => {
    const vsce = join(ROOT, 'node_modules/.bin/vsce');
    const r = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
    expect(r.status, r.stderr).toBe(0);
    const files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(files.filter((f) => !ALLOWED.test(f))).toEqual([]);
    for (const f of REQUIRED) expect(files).toContain(f);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
    // README screenshots live in the repository, not in the VSIX
    expect(existsSync(join(ROOT, 'media/screenshots/panel-dark.png'))).toBe(true);
    expect(files.filter((f) => f.startsWith('media/screenshots/'))).toEqual([]);
  });
  it('.vscodeignore is an allowlist', () => {
    const lines = source('.vscodeignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('**');
    expect(lines.slice(1).every((l) => l.startsWith('!'))).toBe(true);
  });
});

describe('manifest', () => {
  it('registers every contributed command, all in category "Liquidation Lens"', () => {
    const main = source('src/extension/main.ts') + source('src/extension/fixer.ts');
    const ids: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    expect(ids.sort()).toEqual(['liquidationLens.applyFix', 'liquidationLens.createSample', 'liquidationLens.export', 'liquidationLens.openPanel', 'liquidationLens.refresh', 'liquidationLens.showAtRisk', 'liquidationLens.showInPanel']);
    // commands that need arguments (a row key) are hidden from the palette
    const hidden = (manifest.contributes.menus.commandPalette as Array<{ command: string; when: string }>).filter((m) => m.when === 'false').map((m) => m.command);
    expect(hidden.sort()).toEqual(['liquidationLens.applyFix', 'liquidationLens.showInPanel']);
    for (const c of manifest.contributes.commands) {
      expect(c.category).toBe('Liquidation Lens');
      expect(main).toContain(`registerCommand('${c.command}'`);
    }
  });
  it('contributes every docs/format.md §6 setting with a markdown description, and reads each one', () => {
    const props = manifest.contributes.configuration.properties as Record<string, { markdownDescription?: string; default?: unknown }>;
    const keys = ['include', 'exclude', 'defaultVenue', 'horizon', 'probability.watch', 'probability.warning', 'probability.critical',
      'distance.watch', 'distance.warning', 'distance.critical', 'staleAfter', 'tails', 'targetStatus', 'marginStep',
      'opportunityCost', 'evaluationTime', 'reportedDeviationTolerance', 'openPanelOnStartup', 'codeLens'];
    const settings = source('src/extension/settings.ts');
    for (const k of keys) {
      const p = props[`liquidationLens.${k}`];
      expect(p, k).toBeDefined();
      expect(p!.markdownDescription, k).toBeTruthy();
      expect('default' in p!, k).toBe(true);
    }
    for (const full of Object.keys(props)) {
      const k = full.replace('liquidationLens.', '');
      const [group, band] = k.split('.');
      const read = band ? settings.includes(`'${group}'`) && settings.includes(`'${band}'`) : settings.includes(`'${k}'`);
      expect(read, `${full} is never read`).toBe(true);
    }
    expect(props['liquidationLens.openPanelOnStartup']!.default).toBe(false);
  });
  it('contributes the Getting Started walkthrough: sample, read a row, apply a fix, CI; every step\'s Markdown exists', () => {
    const w = (manifest.contributes.walkthroughs as Array<{ id: string; steps: Array<{ id: string; description: string; media: { markdown: string } }> }>)
      .find((x) => x.id === 'liquidationLens.gettingStarted')!;
    expect(w.steps.map((s) => s.id)).toEqual(['createSample', 'readRow', 'applyFix', 'ci']);
    expect(w.steps[0]!.description).toContain('command:liquidationLens.createSample');
    for (const s of w.steps) expect(existsSync(join(ROOT, s.media.markdown)), s.media.markdown).toBe(true);
    expect(source('media/walkthrough/ci.md')).toContain('npx liquidation-lens check');
    expect(source('src/extension/sample-file.ts')).toContain("'media', 'sample.positions.yaml'");
    expect(source('media/sample.positions.yaml')).toContain('version: 1');
  });
  it('activates on position files and on panel restore', () => {
    expect(manifest.activationEvents).toEqual(['workspaceContains:**/*.positions.{json,yaml,yml,csv}', 'onWebviewPanel:liquidationLens.positions']);
    expect(source('src/extension/panel/panel.ts')).toContain("PANEL_VIEW_TYPE = 'liquidationLens.positions'");
  });
  it('ships the JSON schema and the 128×128 icon it names', () => {
    for (const v of [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation]) {
      const schema = JSON.parse(source(v.url));
      expect(schema.anyOf.length).toBeGreaterThan(0);
    }
    const png = readFileSync(join(ROOT, manifest.icon));
    expect(png.readUInt32BE(16)).toBe(128);
    expect(png.readUInt32BE(20)).toBe(128);
  });
});
