// The editor and the CLI pair a report with the same last-year report (node/lastYear.ts):
// same body however its name is spaced, the nearest folder when there are several.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderReport } from '../support/reports.ts';
import { skipUnlessBuilt, startServer, type LspClient } from '../support/lspClient.ts';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const skip = skipUnlessBuilt;

let client: LspClient;
let dir: string;
const THIS_YEAR = '2024/某某市 某某局2024年政府信息公开工作年度报告.txt';
const LAST_YEAR = renderReport({ year: 2023, agency: '某某市某某局', t3: { R4: [2, 0, 0, 0, 0, 0, 2], R1: [5, 0, 0, 0, 0, 16, 21] }, narrative: '共收到政府信息公开申请21件。' });
const THIS_YEAR_TEXT = renderReport({ year: 2024, agency: '某某市 某某局' });
const files: Record<string, string> = {
  [THIS_YEAR]: THIS_YEAR_TEXT,
  '2023/a/某某市某某局2023年报告.txt': LAST_YEAR,
  '2024/上年/某某市某某局2023年报告.txt': LAST_YEAR, // nearer to this year's report: the one to pair
  '2023/其他局2023年报告.txt': renderReport({ year: 2023, agency: '其他局' }),
};

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'nianbao-pair-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ previousReport: 'auto' }));
  const root = pathToFileURL(dir).toString();
  client = await startServer({ root, configuration: () => ({ previousReport: 'auto' }) });
});
after(async () => {
  if (skip) return;
  await client.shutdown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cliPairing = (args: string[]) => {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'check', ...args, '-v', '--lang', 'en'], { cwd: dir, encoding: 'utf-8' });
  return /2024\/某某市 某某局2024年[^\n]*: carry-over from (.*)$/m.exec(r.stderr)?.[1];
};

test('editor and CLI pair this year’s report with the same last-year report', { skip }, async () => {
  const uri = pathToFileURL(join(dir, THIS_YEAR)).toString();
  await client.open(uri, THIS_YEAR_TEXT);
  const carry = (await client.diagnostics(uri)).filter((d) => d.code === 'carry-over');
  const related = carry[0]?.relatedInformation?.[0];
  assert.ok(related, 'the editor paired it');
  const editor = decodeURIComponent(related.location.uri).slice(pathToFileURL(dir).toString().length + 1);
  assert.equal(editor, '2024/上年/某某市某某局2023年报告.txt');
  assert.equal(cliPairing(['.']), editor, 'CLI, the whole folder given');
  assert.equal(cliPairing([THIS_YEAR]), editor, 'CLI, one file and previousReport "auto"');
});
