// Restricted Mode is declared (issue 13): limited support, and every restricted setting is one we contribute.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('untrusted workspaces', () => {
  const u = manifest.capabilities.untrustedWorkspaces;
  it('declares limited support with a description', () => {
    expect(u.supported).toBe('limited');
    expect(u.description).toMatch(/Restricted Mode/);
  });
  it('restricts the settings that choose the files read and what counts as at risk, all of them contributed', () => {
    const props = Object.keys(manifest.contributes.configuration.properties);
    for (const k of u.restrictedConfigurations) expect(props, k).toContain(k);
    for (const k of ['liquidationLens.include', 'liquidationLens.exclude', 'liquidationLens.respectGitignore', 'liquidationLens.evaluationTime', 'liquidationLens.probability.critical']) {
      expect(u.restrictedConfigurations).toContain(k);
    }
  });
  it('edits wait for trust and no tool is spawned', () => {
    const fixer = readFileSync(join(ROOT, 'src/extension/fixer.ts'), 'utf8');
    expect(fixer).toMatch(/if \(!canEdit\(\)\) return false;/);
    expect(fixer).toMatch(/isTrusted/);
    expect(readFileSync(join(ROOT, 'src/extension/main.ts'), 'utf8')).toMatch(/onTrustGranted/);
    const gitignore = readFileSync(join(ROOT, 'src/extension/gitignore.ts'), 'utf8');
    expect(gitignore).not.toMatch(/child_process/);
  });
});
