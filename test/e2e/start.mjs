// `npm start`: build, package the .vsix, install it into a fresh code-server profile and open examples/ (its
// .vscode/settings.json turns on liquidationLens.openPanelOnStartup, so the panel opens). Prints the URL.
// With CI set or stdout not a TTY: saves a screenshot of the panel, prints its path and exits.
// Env: PORT (default: a free port), HOST (default 127.0.0.1).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkBuilt, cleanup, DARK_THEME, freePort, HERE, installVsix, launchBrowser, launchServer, log, makeTemp, openWorkbench,
  panelFrame, ROOT, runCommand, userSettings, writeUserSettings,
} from './lib.mjs';

const interactive = process.stdout.isTTY && !process.env.CI;

function build() {
  const r = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('build failed');
}

async function screenshot(server) {
  const out = join(HERE, 'out');
  mkdirSync(out, { recursive: true });
  const path = join(out, 'start-panel.png');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openWorkbench(page, server);
    const view = panelFrame(page);
    try {
      await view.locator('tbody tr.row').first().waitFor({ timeout: 45_000 });
    } catch {
      await runCommand(page, 'Liquidation Lens: Open Panel'); // the opt-in setting is off or the panel was slow
      await view.locator('tbody tr.row, .empty').first().waitFor({ timeout: 30_000 });
    }
    await page.waitForTimeout(800);
    await page.screenshot({ path });
  } finally {
    await browser.close();
  }
  return path;
}

async function main() {
  build();
  checkBuilt();
  const workspace = join(ROOT, 'examples');
  if (!existsSync(workspace)) throw new Error('examples/ is missing');
  const tmp = makeTemp('ll-start-');
  const extensionsDir = join(tmp, 'extensions');
  const userDataDir = join(tmp, 'user-data');
  const configPath = join(tmp, 'config.yaml');
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(configPath, 'auth: none\n');
  writeUserSettings(userDataDir, userSettings(DARK_THEME));
  const vsix = installVsix(tmp, extensionsDir, userDataDir, configPath);
  log(`installed ${vsix}`);
  const port = process.env.PORT ? Number(process.env.PORT) : await freePort();
  const server = await launchServer({ tmp, workspace, extensionsDir, userDataDir, configPath, port, host: process.env.HOST || '127.0.0.1' });
  const stop = async () => {
    await server.stop();
    cleanup(tmp);
  };
  console.log(server.url);
  if (!interactive) {
    try {
      console.log(await screenshot(server));
    } finally {
      await stop();
    }
    return;
  }
  console.error('Liquidation Lens is running in code-server. Open the URL above; Ctrl+C stops it.');
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void stop().then(() => process.exit(0)));
  server.child.on('exit', () => { cleanup(tmp); process.exit(0); });
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exit(1);
});
