// The table preview request through LSP: the grids of an open report, live after an edit,
// and null for a document that is not a report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { BROKEN_REPORT } from '../support/reports.ts';

const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.js');

test('nianbao/tableView returns the grids of an open report, follows edits, and null for a non-report', async () => {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onRequest('workspace/configuration', () => [null]);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, locale: 'zh-CN', capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  const uri = 'file:///tmp/r.nianbao';
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: BROKEN_REPORT } });
  const v: any = await conn.sendRequest('nianbao/tableView', { uri });
  assert.deepEqual(v.tables.map((t: any) => t.id), ['T2', 'T3', 'T4']);
  const c = v.tables[1].rows.find((r: any) => r.id === 'R1').cells.find((x: any) => x.col === 'C7');
  assert.equal(c.severity, 'error');
  assert.equal(c.computed, '19');
  const fixed = BROKEN_REPORT.slice(0, c.span.start) + '19' + BROKEN_REPORT.slice(c.span.end);
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  const v2: any = await conn.sendRequest('nianbao/tableView', { uri });
  assert.equal(v2.tables[1].rows.find((r: any) => r.id === 'R1').cells.find((x: any) => x.col === 'C7').severity, null);
  const other = 'file:///tmp/n.txt';
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'plaintext', version: 1, text: '会议纪要\n' } });
  assert.equal(await conn.sendRequest('nianbao/tableView', { uri: other }), null);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  proc.kill();
});
