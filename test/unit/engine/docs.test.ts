import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIAGNOSTIC_CODES } from '../../../src/engine/core/diagnostic-codes';
import { PERP_VENUES, LENDING_VENUES } from '../../../src/engine/venues/registry';

const ROOT = resolve(__dirname, '../../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the README publishes the one list of diagnostic codes', () => {
  it('lists every code', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(README, code).toContain(`\`${code}\``);
  });

  it('every code the engine emits is in the list', () => {
    const used = new Set<string>();
    for (const file of sources(join(ROOT, 'src/engine'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/code: '([a-z0-9-]+)'/g)) used.add(m[1]!);
    }
    for (const code of used) expect(Object.keys(DIAGNOSTIC_CODES), code).toContain(code);
  });

  it('opens with the two commands and documents every venue', () => {
    expect(README.split('\n').slice(0, 8).join('\n')).toMatch(/```bash\nnpm ci && npm start[^\n]*\nnpm ci && npm run test:all/);
    for (const v of [...PERP_VENUES, ...LENDING_VENUES]) expect(README, v).toContain(`\`${v}\``);
  });
});
