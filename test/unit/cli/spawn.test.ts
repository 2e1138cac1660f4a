// The bundled CLI (dist/cli.js) as a real process: built once, then run with node.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { BROKEN_REPORT } from '../../support/reports.ts';
import { reportToHtml } from '../../support/structured.ts';
import { fixture, tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

/** Newest modification time of the sources bundled into dist/cli.js. */
function newestSource(dir = path.join(ROOT, 'server/src')): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

// `npm test` builds first (pretest); build here only when dist/cli.js is missing or stale,
// so that parallel test files using dist/ never see it half-written.
before(() => {
  if (fs.existsSync(CLI) && fs.statSync(CLI).mtimeMs >= newestSource()) return;
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf-8' });
  assert.equal(b.status, 0, b.stderr);
});

const node = (args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input, encoding: 'utf-8', env: { ...process.env, NO_COLOR: '1', ...opts.env } });

test('dist/cli.js: check over many files in worker threads (dist/cli-worker.js) prints what it prints without them', () => {
  const files: Record<string, string> = { 'page.html': reportToHtml(BROKEN_REPORT) };
  for (let i = 0; i < 10; i++) files[`r${i}.txt`] = i % 2 ? fixture('errors-2021.txt') : fixture('clean-2021.txt');
  const dir = tempDir(files);
  const sequential = node(['check', '.', '--lang', 'en'], { cwd: dir, env: { NIANBAO_WORKERS: '0' } });
  const threads = node(['check', '.', '--lang', 'en'], { cwd: dir, env: { NIANBAO_WORKERS: '2' } });
  assert.equal(sequential.status, 1, sequential.stderr);
  assert.match(sequential.stdout, /page\.html\n {2}\d+:\d+ /);
  assert.deepEqual([threads.status, threads.stdout, threads.stderr], [sequential.status, sequential.stdout, sequential.stderr]);
});

test('dist/cli.js: check exits 1 on a report with errors and prints stylish output', () => {
  const dir = tempDir({ 'a.txt': fixture('errors-2021.txt') });
  const r = node(['check', 'a.txt', '--lang', 'en'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /row-total/);
});

test('dist/cli.js: check - reads piped standard input', () => {
  const r = node(['check', '-', '--format', 'json'], { input: fixture('clean-2021.txt') });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).files[0].path, '<stdin>');
});

test('dist/cli.js: a usage error exits 2', () => {
  assert.equal(node(['check', '--max-warnings', 'many']).status, 2);
});

test('dist/cli.js: starts with a node shebang so it runs as the `nianbao` bin', () => {
  assert.ok(fs.readFileSync(CLI, 'utf-8').startsWith('#!/usr/bin/env node'));
});
