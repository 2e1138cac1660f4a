// Workspace features through LSP: last year's report found automatically for carry-over,
// "check all reports", inlay hints, and the per-table fix action.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REQUESTS } from '../../server/src/protocol.ts';
import { renderReport } from '../support/reports.ts';
import { editsOf, skipUnlessBuilt, startServer, type LspClient } from '../support/lspClient.ts';

const skip = skipUnlessBuilt;

let client: LspClient;
let dir: string;
/** The diagnostics last published for a URI. */
const pushed = (uri: string) => client.pushed.get(uri)?.at(-1)?.diagnostics;
const config: Record<string, unknown> = { previousReport: 'auto', inlayHints: true };

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
  writeFileSync(join(dir, '某某局2023年政府信息公开工作年度报告.txt'), renderReport({ year: 2023, agency: '某某局', t3: { R4: [2, 0, 0, 0, 0, 0, 2], R1: [5, 0, 0, 0, 0, 16, 21] }, narrative: '共收到政府信息公开申请21件。' }));
  writeFileSync(join(dir, '某某局2024年政府信息公开工作年度报告.txt'), renderReport({ year: 2024, agency: '某某局' }));
  writeFileSync(join(dir, '另一局2024年度报告.txt'), renderReport({ year: 2024, agency: '另一局', t3: { R1: [3, 0, 0, 0, 0, 16, 20] } }));
  writeFileSync(join(dir, 'notes.txt'), '会议纪要\n一、议题\n');
  client = await startServer({ pull: true, root: pathToFileURL(dir).toString(), configuration: () => config, inlayHints: true });
  await new Promise((r) => setTimeout(r, 100)); // let the server fetch the configuration
});
after(async () => {
  await client?.shutdown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const open = async (name: string, text: string) => {
  const uri = pathToFileURL(join(dir, name)).toString();
  await client.open(uri, text);
  return uri;
};

test('carry-over compares with the same body’s previous-year report found in the workspace', { skip }, async () => {
  const uri = await open('某某局2024年政府信息公开工作年度报告.txt', renderReport({ year: 2024, agency: '某某局' }));
  const items = await client.diagnostics(uri);
  const carry = items.filter((d) => d.code === 'carry-over');
  assert.equal(carry.length, 2, JSON.stringify(items.map((d) => d.code)));
  const rel = carry[0]!.relatedInformation![0]!;
  assert.match(decodeURIComponent(rel.location.uri), /某某局2023年/);
});

test('a report of another body is not paired with it', { skip }, async () => {
  const uri = await open('另一局2024年度报告.txt', renderReport({ year: 2024, agency: '另一局' }));
  assert.ok(!(await client.diagnostics(uri)).some((d) => d.code === 'carry-over'));
});

test('check all reports publishes problems for reports that are not open, and only for reports', { skip }, async () => {
  await client.close(pathToFileURL(join(dir, '另一局2024年度报告.txt')).toString());
  const res = await client.request(REQUESTS.checkWorkspace, undefined);
  assert.ok(res.reports >= 2 && res.files >= 4, JSON.stringify(res));
  const other = pushed(pathToFileURL(join(dir, '另一局2024年度报告.txt')).toString());
  assert.ok(other?.some((d) => d.code === 'row-total'));
  assert.equal(pushed(pathToFileURL(join(dir, 'notes.txt')).toString()), undefined);
});

test('inlay hints show the computed value beside a wrong total when enabled', { skip }, async () => {
  const uri = await open('hint.txt', renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20] } }));
  const hints = await client.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } });
  assert.deepEqual(hints.map((h) => h.label), [' = 19']);
});

test('in a table with several wrong totals, one action fixes them all', { skip }, async () => {
  const uri = await open('group.txt', renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20], R3_1: [2, 0, 0, 0, 0, 16, 99] } }));
  const d = (await client.diagnostics(uri)).find((x) => x.code === 'row-total')!;
  const actions = await client.codeActions(uri, d.range, [d]);
  // The two wrong totals are one minimal change: its one preferred fix sets both.
  const group = actions.find((a) => a.isPreferred);
  assert.ok(group, actions.map((a) => a.title).join(' | '));
  assert.deepEqual(editsOf(group, uri).map((e) => e.newText), ['19', '18']);
  assert.ok(!actions.some((a) => /此表中的所有合计/.test(a.title)), 'no second action doing the same');
});

test('the nearest .nianbaorc.json sets a report’s rules, and a change to it (watched by the client) re-checks', { skip }, async () => {
  mkdirSync(join(dir, 'configured'));
  const rcFile = join(dir, 'configured', '.nianbaorc.json');
  writeFileSync(rcFile, JSON.stringify({ rules: { 'row-total': 'off' } }));
  const uri = await open('configured/r.txt', renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20] } }));
  const codes = async () => (await client.diagnostics(uri)).map((d) => d.code);
  assert.ok(!(await codes()).includes('row-total'), 'turned off by the file');
  writeFileSync(rcFile, JSON.stringify({ rules: { 'row-total': 'warning' } }));
  await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rcFile).toString(), type: 2 }] });
  assert.deepEqual((await client.diagnostics(uri)).filter((d) => d.code === 'row-total').map((d) => d.severity), [2]);
});
