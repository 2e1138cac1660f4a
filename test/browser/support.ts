// Shared by the browser tests (npm run test:browser): headless Chromium from the system
// (scripts/chromium.mjs installs it), the built files, and the CLI's answer for a file.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
// @ts-expect-error: a plain .mjs module shared with the test scripts (no type declarations)
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
export const PAGE = resolve(ROOT, 'dist/nianbao.html');
export const WEB_SERVER = resolve(ROOT, 'dist/web/server.js');
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const EXAMPLES = resolve(ROOT, 'examples');

export async function launch(): Promise<Browser> {
  if (!existsSync(PAGE)) throw new Error('dist/nianbao.html is missing: run `npm run build` first');
  const { chromium } = createRequire(resolve(ROOT, 'package.json'))('playwright-core') as typeof import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM as string, headless: true, args: CHROMIUM_ARGS as string[] });
}

export interface CliFinding {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** `nianbao check --format json <file>`: the findings the CLI reports (zh messages). */
export function cliFindings(file: string): CliFinding[] {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao check failed (${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { files: { findings: CliFinding[] }[] }).files[0]!.findings;
}

/** `nianbao summary --format html <file>`: the CLI's page with the same grids. */
export function cliSummaryHtml(file: string): string {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli.js'), 'summary', '--format', 'html', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`nianbao summary failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}
