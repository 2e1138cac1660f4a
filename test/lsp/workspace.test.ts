// Workspace features through LSP: last year's report found automatically for carry-over,
// "check all reports", inlay hints, and the per-table fix action.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { renderReport } from '../support/reports.ts';

const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.js');
const skip = !existsSync(SERVER) && 'run npm run build first';

let proc: ChildProcess;
let conn: MessageConnection;
let dir: string;
const pushed = new Map<string, any[]>();
const config: Record<string, unknown> = { previousReport: 'auto', inlayHints: true };

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
  writeFileSync(join(dir, '某某局2023年政府信息公开工作年度报告.txt'), renderReport({ year: 2023, agency: '某某局', t3: { R4: [2, 0, 0, 0, 0, 0, 2], R1: [5, 0, 0, 0, 0, 16, 21] }, narrative: '共收到政府信息公开申请21件。' }));
  writeFileSync(join(dir, '某某局2024年政府信息公开工作年度报告.txt'), renderReport({ year: 2024, agency: '某某局' }));
  writeFileSync(join(dir, '另一局2024年度报告.txt'), renderReport({ year: 2024, agency: '另一局', t3: { R1: [3, 0, 0, 0, 0, 16, 20] } }));
  writeFileSync(join(dir, 'notes.txt'), '会议纪要\n一、议题\n');
  proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onNotification('textDocument/publishDiagnostics', (p: any) => {
    pushed.set(p.uri, p.diagnostics);
  });
  conn.onRequest('workspace/configuration', () => [config]);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }],
    locale: 'zh-CN',
    capabilities: { textDocument: { diagnostic: {}, inlayHint: {} }, workspace: { configuration: true } },
  });
  await conn.sendNotification('initialized', {});
  await new Promise((r) => setTimeout(r, 100)); // let the server fetch the configuration
});
after(() => {
  conn?.dispose();
  proc?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const open = async (name: string, text: string) => {
  const uri = pathToFileURL(join(dir, name)).toString();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
  return uri;
};

test('carry-over compares with the same body’s previous-year report found in the workspace', { skip }, async () => {
  const uri = await open('某某局2024年政府信息公开工作年度报告.txt', renderReport({ year: 2024, agency: '某某局' }));
  const r: any = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const carry = r.items.filter((d: any) => d.code === 'carry-over');
  assert.equal(carry.length, 2, JSON.stringify(r.items.map((d: any) => d.code)));
  const rel = carry[0].relatedInformation[0];
  assert.match(decodeURIComponent(rel.location.uri), /某某局2023年/);
});

test('a report of another body is not paired with it', { skip }, async () => {
  const uri = await open('另一局2024年度报告.txt', renderReport({ year: 2024, agency: '另一局' }));
  const r: any = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.ok(!r.items.some((d: any) => d.code === 'carry-over'));
});

test('check all reports publishes problems for reports that are not open, and only for reports', { skip }, async () => {
  await conn.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(join(dir, '另一局2024年度报告.txt')).toString() } });
  const res: any = await conn.sendRequest('nianbao/checkWorkspace');
  assert.ok(res.reports >= 2 && res.files >= 4, JSON.stringify(res));
  const other = pushed.get(pathToFileURL(join(dir, '另一局2024年度报告.txt')).toString());
  assert.ok(other?.some((d) => d.code === 'row-total'));
  assert.equal(pushed.get(pathToFileURL(join(dir, 'notes.txt')).toString()), undefined);
});

test('inlay hints show the computed value beside a wrong total when enabled', { skip }, async () => {
  const uri = await open('hint.txt', renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20] } }));
  const hints: any[] = await conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
  assert.deepEqual(hints.map((h) => h.label), [' = 19']);
});

test('in a table with several wrong totals, one action fixes them all', { skip }, async () => {
  const uri = await open('group.txt', renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20], R3_1: [2, 0, 0, 0, 0, 16, 99] } }));
  const r: any = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const d = r.items.find((x: any) => x.code === 'row-total');
  const actions: any[] = await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  // The two wrong totals are one minimal change: its one preferred fix sets both.
  const group = actions.find((a) => a.isPreferred);
  assert.ok(group, actions.map((a) => a.title).join(' | '));
  assert.deepEqual(group.edit.changes[uri].map((e: any) => e.newText), ['19', '18']);
  assert.ok(!actions.some((a) => /此表中的所有合计/.test(a.title)), 'no second action doing the same');
});

test('the nearest .nianbaorc.json sets a report’s rules, and a change to it (watched by the client) re-checks', { skip }, async () => {
  mkdirSync(join(dir, 'configured'));
  const config = join(dir, 'configured', '.nianbaorc.json');
  writeFileSync(config, JSON.stringify({ rules: { 'row-total': 'off' } }));
  const uri = await open('configured/r.txt', renderReport({ t3: { R1: [3, 0, 0, 0, 0, 16, 20] } }));
  const codes = async () => ((await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as any).items.map((d: any) => d.code);
  assert.ok(!(await codes()).includes('row-total'), 'turned off by the file');
  writeFileSync(config, JSON.stringify({ rules: { 'row-total': 'warning' } }));
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).toString(), type: 2 }] });
  const r: any = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.deepEqual(r.items.filter((d: any) => d.code === 'row-total').map((d: any) => d.severity), [2]);
});

