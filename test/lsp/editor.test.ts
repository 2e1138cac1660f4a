// Editor features over LSP beyond the basics in server.test.ts: settings applied live,
// section quick fixes applied and re-checked, and the outline's ranges.
// Requires `npm run build` (npm test runs it first).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { CLEAN_REPORT, renderReport } from '../support/reports.ts';
import { LineIndex } from '../../server/src/engine/index.ts';

const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.js');
const skip = !existsSync(SERVER) && 'run npm run build first';

let proc: ChildProcess;
let conn: MessageConnection;
before(async () => {
  if (skip) return;
  proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: 'zh-CN',
    capabilities: {
      textDocument: {
        diagnostic: { dynamicRegistration: false },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      },
    },
  });
  await conn.sendNotification('initialized', {});
});
after(async () => {
  if (skip) return;
  try {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } catch {
    /* already gone */
  }
  conn.dispose();
  proc.kill();
});

let n = 0;
async function open(text: string): Promise<string> {
  const uri = `file:///tmp/editor-${++n}-年度报告.txt`;
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
  return uri;
}
async function diagnostics(uri: string): Promise<any[]> {
  const r: any = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  return r.items;
}
async function settings(nianbao: object): Promise<void> {
  await conn.sendNotification('workspace/didChangeConfiguration', { settings: { nianbao: { enable: true, detect: true, rules: {}, ...nianbao } } });
}
function apply(text: string, edits: any[]): string {
  const li = new LineIndex(text);
  const spans = edits.map((e) => ({ start: li.offsetAt(e.range.start), end: li.offsetAt(e.range.end), newText: e.newText }));
  for (const e of spans.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}
async function quickFixFor(uri: string, d: any): Promise<any> {
  const actions: any[] = await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  return actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((x: any) => x.code === d.code));
}

test('nianbao.rules changed in the settings applies to the next diagnostics without reopening', { skip }, async () => {
  const uri = await open(renderReport({ omitSection: 6 }));
  assert.ok((await diagnostics(uri)).some((d) => d.code === 'section-missing'));
  await settings({ rules: { 'section-missing': 'off' } });
  assert.ok(!(await diagnostics(uri)).some((d) => d.code === 'section-missing'));
  await settings({ rules: { 'section-missing': 'error' } });
  assert.equal((await diagnostics(uri)).find((d) => d.code === 'section-missing')?.severity, 1);
  await settings({});
});

test('nianbao.localStructures accepts a local structure: its section-title warning goes', { skip }, async () => {
  const text = renderReport()
    .replace('五、存在的主要问题及改进情况', '五、信息处理费收取情况\n本年度未收取信息处理费。\n六、存在的主要问题及改进情况')
    .replace(/六、其他需要报告的事项\n[^\n]*\n/, '');
  const uri = await open(text);
  const local = (ds: any[]) => ds.filter((d) => d.code === 'section-title' && d.severity === 2);
  assert.equal(local(await diagnostics(uri)).length, 1);
  await settings({ localStructures: ['fee-section'] });
  assert.deepEqual(local(await diagnostics(uri)), []);
  await settings({});
});

test('nianbao.enable turned off clears the diagnostics of an open report', { skip }, async () => {
  const uri = await open(renderReport({ omitSection: 6 }));
  await settings({ enable: false });
  assert.deepEqual(await diagnostics(uri), []);
  await settings({});
  assert.ok((await diagnostics(uri)).length > 0);
});

test('the renumbering quick fix turns `2、` into `二、` and the re-check is clean of it', { skip }, async () => {
  const text = renderReport({ sectionTwoNumbering: '2、' });
  const uri = await open(text);
  const d = (await diagnostics(uri)).find((x) => x.code === 'section-numbering');
  assert.ok(d);
  const fix = await quickFixFor(uri, d);
  assert.ok(fix?.isPreferred, JSON.stringify(fix));
  const fixed = apply(text, fix.edit.changes[uri]);
  assert.match(fixed, /\n二、主动公开政府信息情况\n/);
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  assert.ok(!(await diagnostics(uri)).some((x) => x.code === 'section-numbering'));
});

test('the missing-section quick fix inserts 六 where it belongs and the re-check finds all six', { skip }, async () => {
  const text = renderReport({ omitSection: 6 });
  const uri = await open(text);
  const d = (await diagnostics(uri)).find((x) => x.code === 'section-missing');
  const fix = await quickFixFor(uri, d);
  assert.ok(fix, 'a quick fix is offered');
  const fixed = apply(text, fix.edit.changes[uri]);
  assert.ok(fixed.indexOf('六、其他需要报告的事项') > fixed.indexOf('五、存在的主要问题及改进情况'));
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  assert.ok(!(await diagnostics(uri)).some((x) => x.code === 'section-missing'));
});

test('a section symbol selects its heading line and spans the section; its sub-headings are children', { skip }, async () => {
  const uri = await open(CLEAN_REPORT);
  const [title]: any[] = await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  const lines = CLEAN_REPORT.split('\n');
  const one = title.children[0];
  const headingLine = lines.indexOf('一、总体情况');
  assert.equal(one.selectionRange.start.line, headingLine);
  assert.equal(one.range.start.line, headingLine);
  assert.ok(one.range.end.line >= lines.indexOf('二、主动公开政府信息情况') - 1);
  assert.ok(one.children.some((c: any) => c.name.startsWith('（一）主动公开')), JSON.stringify(one.children.map((c: any) => c.name)));
});
