// The CLI and packaging tests run the built bundles, so every test run builds them first (esbuild, ~1 s).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
