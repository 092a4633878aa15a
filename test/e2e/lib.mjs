// Shared pieces of the real-VS Code harness (shared/e2e.md): install the extension into a fresh extensions dir,
// launch code-server on 127.0.0.1 in its own process group, drive Debian's chromium with playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const CODE_SERVER = join(HERE, 'node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const DARK_THEME = 'Default Dark Modern';
export const LIGHT_THEME = 'Default Light Modern';

export function log(...args) {
  if (process.env.E2E_QUIET !== '1') console.error('[e2e]', ...args);
}

export function manifest() {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
}

export function makeTemp(prefix = 'll-e2e-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

export function userSettings(theme, extra = {}) {
  return {
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true, 'workbench.colorTheme': theme, 'window.commandCenter': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'problems.showCurrentInStatus': false, 'git.openRepositoryInParentFolders': 'never',
    ...extra,
  };
}

export function writeUserSettings(userDataDir, settings) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Copies what the VSIX would hold (package.json, dist, media, docs) into <extensions>/<publisher>.<name>-<version>. */
export function copyExtension(extensionsDir) {
  const m = manifest();
  const target = join(extensionsDir, `${m.publisher}.${m.name}-${m.version}`);
  mkdirSync(target, { recursive: true });
  for (const p of ['package.json', 'dist', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (existsSync(join(ROOT, p))) cpSync(join(ROOT, p), join(target, p), { recursive: true });
  }
  return target;
}

/** Builds the .vsix with vsce (allowlist .vscodeignore) and installs it with code-server --install-extension. */
export function installVsix(tmp, extensionsDir, userDataDir, configPath) {
  const vsix = join(tmp, 'liquidation-lens.vsix');
  const vsce = join(ROOT, 'node_modules/.bin/vsce');
  const pack = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: ROOT, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`vsce package failed: ${pack.stderr || pack.stdout}`);
  const inst = spawnSync(CODE_SERVER, ['--config', configPath, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });
  if (inst.status !== 0) throw new Error(`install failed: ${inst.stderr || inst.stdout}`);
  return vsix;
}

export function checkBuilt() {
  const missing = ['dist/extension.js', 'dist/webview.js', 'dist/webview.css', 'dist/codicon.css'].filter((p) => !existsSync(join(ROOT, p)));
  if (missing.length) throw new Error(`not built (${missing.join(', ')}): run \`npm run build\` first`);
  if (!existsSync(CODE_SERVER)) throw new Error('code-server is not installed: run `bash test/e2e/setup.sh`');
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: run \`bash test/e2e/setup.sh\``);
}

/** Starts code-server detached (own process group) with TMPDIR inside the run's temp dir. */
/** `trust: true` keeps VS Code's workspace trust on (Restricted Mode e2e); by default trust is disabled. */
export async function launchServer({ tmp, workspace, extensionsDir, userDataDir, configPath, port, host = '127.0.0.1', trust = false }) {
  const logPath = join(tmp, 'code-server.log');
  const out = [];
  const child = spawn(CODE_SERVER, [
    '--auth', 'none', '--bind-addr', `${host}:${port}`, '--disable-telemetry', '--disable-update-check',
    ...(trust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--config', configPath,
    '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, workspace,
  ], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: tmp } });
  child.stdout.on('data', (d) => out.push(String(d)));
  child.stderr.on('data', (d) => out.push(String(d)));
  const server = {
    child, port, url: `http://${host}:${port}/?folder=${encodeURIComponent(workspace)}`,
    log: () => out.join(''),
    saveLog: () => writeFileSync(logPath, out.join('')),
    async stop() {
      if (child.exitCode !== null) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const exited = await Promise.race([new Promise((r) => child.once('exit', () => r(true))), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!exited) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    },
  };
  for (const end = Date.now() + 30_000; Date.now() < end;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early:\n${server.log()}`);
    try {
      const res = await fetch(`http://${host}:${port}/healthz`);
      if (res.ok) return server;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.stop();
  throw new Error(`code-server did not answer /healthz:\n${server.log()}`);
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/** Palette command with retries: the extension host registers commands a few seconds after the workbench shows. */
export async function runCommand(page, title, timeout = 60_000) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 0, end = Date.now() + timeout; Date.now() < end; attempt++) {
    // F1 pressed while the focus is inside a webview does not always reach the workbench: after a miss, take the
    // focus back to the workbench's document (not a click: it could land on a row) and try Ctrl+Shift+P as well.
    if (attempt > 0) await page.evaluate(() => document.activeElement?.blur?.()).catch(() => undefined);
    await page.keyboard.press(attempt % 2 ? 'Control+Shift+P' : 'F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 2_000 });
    } catch {
      continue;
    }
    try {
      await input.fill('>' + title, { timeout: 5_000 });
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      await row.waitFor({ timeout: 2_000 });
      await row.click();
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error('command not in palette: ' + title);
}

export function panelFrame(page) {
  return page.frameLocator('iframe.webview').frameLocator('#active-frame');
}

export async function openWorkbench(page, server, someFile) {
  await page.goto(server.url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  if (someFile) await page.locator('.explorer-folders-view .monaco-list-row', { hasText: someFile }).first().waitFor({ timeout: 60_000 });
}

/** The end of a run: browser and server closed, the server's log saved (printed on a failure or with E2E_DEBUG),
 *  the temp folder removed unless E2E_KEEP. */
export async function finishRun({ browser, server, tmp, failed }) {
  await browser?.close().catch(() => undefined);
  await server.stop();
  server.saveLog();
  if (failed || process.env.E2E_DEBUG) console.error(server.log().slice(-4000));
  if (process.env.E2E_KEEP) log(`kept ${tmp}`);
  else cleanup(tmp);
}

export function cleanup(tmp) {
  try { rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ }
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/**
 * One e2e script's checks: `check(name, fn)` runs a step and records it (a failure saves a screenshot of the page
 * `pageOf()` returns); `run(main)` runs the script and prints the one line "N passed, N failed", exit code 1 on any.
 */
export function harness(failurePrefix, pageOf) {
  const results = [];
  async function check(name, fn) {
    const t0 = Date.now();
    try {
      await fn();
      results.push({ name, ok: true });
      log(`✓ ${name} (${Date.now() - t0} ms)`);
    } catch (err) {
      results.push({ name, ok: false, err });
      log(`✗ ${name}: ${err?.stack ?? err}`);
      const page = pageOf();
      if (page) await page.screenshot({ path: join(HERE, 'out', `${failurePrefix}-${results.length}.png`) }).catch(() => undefined);
    }
  }
  async function run(main) {
    try {
      await main();
    } catch (err) {
      results.push({ name: 'harness', ok: false, err });
      console.error(err?.stack ?? err);
    }
    const failed = results.filter((r) => !r.ok).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  }
  return { results, check, run };
}

/** The details pane folds away on a narrow panel (a row's file opened beside it): open it with its toggle. */
export async function openDetails(view) {
  await view.locator('.details-btn').waitFor({ timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 400));
  // A DOM click, not a pointer click: the workbench's scroll shadow can lie over the panel's top row of buttons.
  if ((await view.locator('.details-btn').getAttribute('aria-expanded')) !== 'true') await view.locator('.details-btn').dispatchEvent('click');
  await view.locator('.details').waitFor({ state: 'visible', timeout: 10_000 });
}
