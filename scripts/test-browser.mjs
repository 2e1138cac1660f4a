#!/usr/bin/env node
// `npm run test:browser`: the offline page (dist/nianbao.html) and the web extension's
// server (dist/web/server.js) in headless Chromium — test/browser/*.test.ts. Installs
// Chromium and the CJK fonts with apt-get when missing (as root, e.g. in CI).

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureApt } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const log = (m) => console.log(`[test:browser] ${m}`);
try {
  ensureApt(['chromium', 'fonts-noto-cjk'], log);
} catch (e) {
  console.error(`[test:browser] ${e.message}`);
  process.exit(1);
}
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync(process.execPath, [resolve(ROOT, 'scripts/run-tests.mjs'), resolve(ROOT, 'test/browser')], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
