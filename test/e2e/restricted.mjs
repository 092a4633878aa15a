// E2E in Restricted Mode: VS Code's workspace trust on, the workspace NOT trusted. The extension still reads and
// evaluates the workspace's own files (panel rows), refuses a history path outside the workspace without echoing
// the file, and waits for trust before applying a fix (the file stays byte for byte). Its own code-server launch.
// Prints ONE line "N passed, N failed"; exits 1 on any failure. Screenshot → test/e2e/out/restricted.png.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assert, checkBuilt, harness, openDetails, copyExtension, DARK_THEME, finishRun, freePort, HERE, installVsix, launchBrowser, launchServer,
  makeTemp, panelFrame, ROOT, runCommand, userSettings, writeUserSettings,
} from './lib.mjs';

const OUT = join(HERE, 'out');
let page;
const { results, check, run } = harness('restricted-failure', () => page);

/** A position whose market reads /etc/passwd as its history: refused, never opened, never quoted. */
const OUTSIDE = `version: 1
venue: binance-usdm
walletBalance: "1000"
risk:
  evaluationTime: 2026-11-24T07:00:00Z
markets:
  BTCUSDT: { markPrice: "97250.4", mmr: "0.004", history: /etc/passwd }
positions:
  - { id: outside, symbol: BTCUSDT, side: long, size: "0.1", entryPrice: "96000" }
`;

async function untrust(page) {
  // The startup trust dialog: choose Restricted Mode.
  const no = page.locator('.monaco-dialog-box .dialog-buttons a, .monaco-dialog-box .dialog-buttons button', { hasText: /don.t trust|No/i }).first();
  await no.waitFor({ timeout: 60_000 });
  await no.click();
}

async function main() {
  checkBuilt();
  mkdirSync(OUT, { recursive: true });
  const tmp = makeTemp('ll-e2e-restricted-');
  const workspace = join(tmp, 'workspace');
  const extensionsDir = join(tmp, 'extensions');
  const userDataDir = join(tmp, 'user-data');
  const configPath = join(tmp, 'config.yaml');
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(configPath, 'auth: none\n');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  writeFileSync(join(workspace, 'outside.positions.yaml'), OUTSIDE);
  writeUserSettings(userDataDir, userSettings(DARK_THEME, { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' }));
  if ((process.env.EXT_INSTALL ?? (process.env.CI ? 'vsix' : 'copy')) === 'vsix') installVsix(tmp, extensionsDir, userDataDir, configPath);
  else copyExtension(extensionsDir);

  const server = await launchServer({ tmp, workspace, extensionsDir, userDataDir, configPath, port: await freePort(), trust: true });
  const browser = await launchBrowser();
  try {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const view = panelFrame(page);
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    await check('the workspace opens untrusted (Restricted Mode)', async () => {
      await untrust(page);
      await page.locator('.statusbar', { hasText: /Restricted Mode/i }).waitFor({ timeout: 30_000 });
    });

    await check('Restricted Mode: the panel evaluates the workspace\'s own files', async () => {
      await runCommand(page, 'Liquidation Lens: Open Panel');
      await view.locator('h1.title', { hasText: 'Liquidation Lens' }).waitFor({ timeout: 30_000 });
      await view.locator('tbody tr.row').first().waitFor({ timeout: 30_000 });
      let n = 0;
      for (const end = Date.now() + 30_000; n <= 5 && Date.now() < end; await page.waitForTimeout(500)) n = await view.locator('tbody tr.row').count();
      assert(n > 5, `only ${n} rows in Restricted Mode`);
    });

    await check('a history path outside the workspace is refused and its content never shown', async () => {
      await runCommand(page, 'View: Focus Problems');
      const problems = page.locator('.markers-panel');
      await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill('history-outside-root');
      await problems.locator('.monaco-list-row', { hasText: 'history-outside-root' }).first().waitFor({ timeout: 30_000 });
      const text = await page.locator('body').innerText();
      assert(!/root:x:0:0/.test(text), 'the content of /etc/passwd appears in the window');
      const all = await problems.innerText();
      assert(/outside|root folder|refused/i.test(all), `no confinement diagnostic in Problems: ${all.slice(0, 400)}`);
    });

    await check('Restricted Mode: applying a fix waits for trust and leaves the file unchanged', async () => {
      const path = join(workspace, 'binance-faq-cross.positions.yaml');
      const before = readFileSync(path, 'utf8');
      await runCommand(page, 'Liquidation Lens: Open Panel');
      const row = view.locator('tbody tr.row[data-at-risk="true"]').first();
      await row.click();
      // The details pane folds away on a narrow panel (the row's file opens beside it): open it with its toggle.
      await openDetails(view);
      const apply = view.locator('.details .apply-fix').first();
      await apply.waitFor({ state: 'visible', timeout: 20_000 });
      await apply.click();
      await page.locator('.notifications-toasts, .monaco-dialog-box', { hasText: /trust/i }).first().waitFor({ timeout: 20_000 });
      await page.screenshot({ path: join(OUT, 'restricted.png') });
      await page.waitForTimeout(1000);
      assert(readFileSync(path, 'utf8') === before, 'the file changed in Restricted Mode');
    });
  } finally {
    await finishRun({ browser, server, tmp, failed: results.some((r) => !r.ok) });
  }
}

await run(main);
