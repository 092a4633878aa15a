// `.gitignore`d position files are skipped by default (docs/format.md §0). Git itself decides (`git check-ignore`),
// so nested .gitignore files, negations and global excludes behave exactly as in git. Not a repository ⇒ nothing ignored.
import { spawn } from 'node:child_process';

export function gitIgnored(cwd: string, paths: readonly string[], timeoutMs = 5000): Promise<Set<string>> {
  return new Promise((resolve) => {
    if (paths.length === 0) return resolve(new Set());
    let out = '';
    let settled = false;
    const done = (set: Set<string>) => { if (!settled) { settled = true; resolve(set); } };
    try {
      const child = spawn('git', ['check-ignore', '--stdin', '-z'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
      const timer = setTimeout(() => { child.kill(); done(new Set()); }, timeoutMs);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => { out += chunk; });
      child.on('error', () => { clearTimeout(timer); done(new Set()); });
      child.on('close', () => {
        clearTimeout(timer);
        done(new Set(out.split('\0').filter(Boolean)));
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(paths.join('\0') + '\0');
    } catch {
      done(new Set());
    }
  });
}
